//! The entity index: a window over the panes with what is typed on top and
//! the entities under it in columns (name in its kind's style, kind,
//! mentions, articles, sources), the sorted column marked.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Sparkline, Widget};

use super::list::marked;
use super::theme::Theme;
use super::{centered, count, hint_line, truncate, width};
use crate::app::App;
use crate::app::entity_list::{EntityList, sort_label};
use crate::entities::EntitySort;
use crate::sanitize;

/// The window for a screen of `size`.
pub fn area(size: Rect) -> Rect {
    centered(
        size,
        size.width.saturating_sub(4).min(100),
        size.height.saturating_sub(2),
    )
}

/// How many entities the window shows at once (below the input, the rule
/// and the column headings, above the profile of the highlighted one).
pub fn rows(size: Rect) -> usize {
    let area = area(size);
    usize::from(area.height.saturating_sub(5 + profile_height(area))).max(1)
}

/// Lines the profile of the highlighted entity takes at the foot of a
/// window of `area`: a rule, its sources, a caption and two lines of
/// sparkline; none in a small window.
fn profile_height(area: Rect) -> u16 {
    if area.height >= 16 { 5 } else { 0 }
}

/// Width of each count column.
const COUNT: usize = 10;
/// Width of the kind column.
const KIND: usize = 14;

/// Draw the window; returns where the cursor goes.
pub fn render(app: &App, buf: &mut Buffer, theme: &Theme) -> Option<Position> {
    let list = app.entity_list.as_ref()?;
    let popup = area(app.size);
    Clear.render(popup, buf);
    let mut title = format!(" Entities {}", count(list.rows.len()));
    if !list.input.trim().is_empty() {
        title = format!(
            " Entities {}/{}",
            count(list.matches.len()),
            count(list.rows.len())
        );
    }
    if list.within.is_some() {
        title.push_str(" in the filtered list");
    }
    title = format!("{title} · by {} ", sort_label(list.sort));
    let hints = hint_line(
        &[
            ("Enter", "filter by it"),
            ("Tab", "sort"),
            ("Esc", "close "),
        ],
        theme,
    );
    let (inner, cursor_x) =
        super::input_popup(popup, &title, hints, ("Entity: ", &list.input), buf, theme)?;
    let cols = usize::from(inner.width);
    if inner.height > 2 {
        buf.set_line(
            inner.x,
            inner.y + 2,
            &heading_line(list, cols, theme),
            inner.width,
        );
    }
    let foot = profile_height(popup);
    let body = Rect {
        y: inner.y.saturating_add(3),
        height: inner.height.saturating_sub(3 + foot),
        ..inner
    };
    if foot > 0 {
        let area = Rect {
            y: body.bottom(),
            height: foot,
            ..inner
        };
        render_profile(list, area, buf, theme);
    }
    if list.matches.is_empty() && body.height > 0 {
        let text = if list.rows.is_empty() {
            "No names indexed yet."
        } else {
            "No entity matches."
        };
        buf.set_line(
            body.x,
            body.y,
            &Line::styled(text, theme.list_meta),
            body.width,
        );
    }
    let matcher = SkimMatcherV2::default();
    for (i, k) in (list.offset..list.matches.len())
        .take(usize::from(body.height))
        .enumerate()
    {
        let y = body.y + u16::try_from(i).unwrap_or(u16::MAX);
        let selected = k == list.selected;
        if selected {
            buf.set_style(Rect::new(body.x, y, body.width, 1), theme.list_selected);
        }
        let Some(line) = row_line(list, k, cols, selected, &matcher, theme) else {
            continue;
        };
        buf.set_line(body.x, y, &line, body.width);
    }
    Some(Position::new(
        cursor_x.min(inner.right().saturating_sub(1)),
        inner.y,
    ))
}

/// The highlighted entity's sources with their mentions, and its mentions
/// per day as a sparkline over the dates of the articles listed.
fn render_profile(list: &EntityList, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let rule = "─".repeat(usize::from(area.width));
    buf.set_string(area.x, area.y, rule, theme.border);
    let Some(profile) = list.profile.as_ref() else {
        return;
    };
    let cols = usize::from(area.width.saturating_sub(1));
    let mut spans = vec![Span::styled(" In ", theme.list_meta)];
    for (k, (source, n)) in profile.sources.iter().enumerate() {
        if k > 0 {
            spans.push(Span::styled(" · ", theme.list_meta));
        }
        spans.push(Span::styled(
            sanitize::line(source).into_owned(),
            theme.list_title,
        ));
        spans.push(Span::styled(
            format!(" {}", count(usize::try_from(*n).unwrap_or(usize::MAX))),
            theme.key,
        ));
    }
    buf.set_line(area.x, area.y + 1, &Line::from(spans), area.width);
    let bars = crate::app::entity_list::bars(&profile.per_day, cols.saturating_sub(1));
    let days = profile.per_day.len();
    let most = bars.iter().copied().max().unwrap_or(0);
    let caption = if days == 0 {
        " No dated articles.".to_string()
    } else {
        let per = days.div_ceil(bars.len().max(1));
        let each = if per == 1 {
            "a bar a day".to_string()
        } else {
            format!("a bar per {per} days")
        };
        let mut text = format!(
            " Mentions per day, {} ({each}, highest {})",
            list.dates.label(),
            count(usize::try_from(most).unwrap_or(usize::MAX))
        );
        if profile.undated > 0 {
            text.push_str("; ");
            text.push_str(&count(usize::try_from(profile.undated).unwrap_or(0)));
            text.push_str(" undated");
        }
        text
    };
    buf.set_line(
        area.x,
        area.y + 2,
        &Line::styled(truncate(&caption, usize::from(area.width)), theme.list_meta),
        area.width,
    );
    let spark = Rect {
        x: area.x + 1,
        y: area.y + 3,
        width: u16::try_from(bars.len())
            .unwrap_or(u16::MAX)
            .min(area.width.saturating_sub(1)),
        height: area.height.saturating_sub(3),
    };
    Sparkline::default()
        .data(&bars)
        .max(most.max(1))
        .style(theme.sparkline)
        .render(spark, buf);
}

/// The width of the name column in a row of `cols` columns.
fn name_width(cols: usize) -> usize {
    cols.saturating_sub(1 + KIND + 3 * COUNT)
}

/// `Name  Kind  Mentions  Articles  Sources`, the sorted one marked `▼`.
fn heading_line(list: &EntityList, cols: usize, theme: &Theme) -> Line<'static> {
    let mark = |sort: EntitySort, text: &str| {
        if list.sort == sort {
            format!("{text} ▼")
        } else {
            text.to_string()
        }
    };
    let style = |sort: EntitySort| {
        if list.sort == sort {
            theme.group_header
        } else {
            theme.list_meta
        }
    };
    let name = mark(EntitySort::Name, "Name");
    let name_cols = name_width(cols);
    let mut spans = vec![
        Span::raw(" "),
        Span::styled(truncate(&name, name_cols), style(EntitySort::Name)),
        Span::raw(" ".repeat(name_cols.saturating_sub(width(&name)))),
        Span::styled(format!("{:<KIND$}", "Kind"), theme.list_meta),
    ];
    for (sort, text) in [
        (EntitySort::Mentions, "Mentions"),
        (EntitySort::Articles, "Articles"),
        (EntitySort::Sources, "Sources"),
    ] {
        spans.push(Span::styled(
            format!("{:>COUNT$}", mark(sort, text)),
            style(sort),
        ));
    }
    Line::from(spans)
}

/// One entity: name (matched letters marked), kind and counts.
fn row_line(
    list: &EntityList,
    k: usize,
    cols: usize,
    selected: bool,
    matcher: &SkimMatcherV2,
    theme: &Theme,
) -> Option<Line<'static>> {
    let i = *list.matches.get(k)?;
    let row = list.rows.get(i)?;
    let name = sanitize::line(list.name(i)).into_owned();
    let name_cols = name_width(cols);
    let name = truncate(&name, name_cols);
    let mut positions: Vec<usize> = list
        .input
        .split_whitespace()
        .filter_map(|w| matcher.fuzzy_indices(&name, w).map(|(_, p)| p))
        .flatten()
        .collect();
    positions.sort_unstable();
    positions.dedup();
    let (name_style, meta_style): (Style, Style) = if selected {
        (theme.list_selected, theme.list_selected)
    } else {
        (theme.entity(row.kind), theme.list_meta)
    };
    let mut spans = vec![Span::styled(if selected { "▌" } else { " " }, name_style)];
    let name_w = width(&name);
    spans.extend(marked(&name, &positions, name_style, theme.list_match));
    spans.push(Span::raw(" ".repeat(name_cols.saturating_sub(name_w))));
    spans.push(Span::styled(
        format!("{:<KIND$}", row.kind.label()),
        meta_style,
    ));
    for n in [row.mentions, row.articles, row.sources] {
        spans.push(Span::styled(
            format!("{:>COUNT$}", count(n as usize)),
            meta_style,
        ));
    }
    Some(Line::from(spans))
}
