//! The document list: title, source and date of each article, the selected
//! row marked, the filter's matched characters highlighted. Grouped by
//! source, a header row per source gives its article count and date range,
//! and the rows under it leave the source out. As stories, a header row per
//! story gives its headline, number of sources and date range, and the
//! near-duplicates under it are marked `≈`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::theme::Theme;
use super::{count, truncate, width};
use crate::app::grouping::Group;
use crate::app::{App, Focus, ListRow};
use crate::sanitize;

/// The widest a date column gets, whatever the format.
const MAX_DATE_WIDTH: usize = 24;
const SOURCE_WIDTH: usize = 14;
/// After a starred article's title.
pub const STAR: &str = " ★";

pub fn block<'a>(app: &App, theme: &Theme) -> Block<'a> {
    let total = app.articles.len();
    let shown = app.visible_len();
    let count = if app.query.is_empty() {
        format!(" Articles {} ", count(total))
    } else {
        format!(" Articles {}/{} ", count(shown), count(total))
    };
    let border = if app.focus == Focus::List {
        theme.border_focused
    } else {
        theme.border
    };
    Block::bordered()
        .border_style(border)
        .title(Line::styled(count, theme.pane_title))
}

/// The rows' area inside the pane's border.
pub fn inner(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    block(app, theme).render(area, buf);
    let inner = inner(area);
    if inner.is_empty() {
        return;
    }
    if app.visible_len() == 0 {
        let text = if !app.loading.done {
            "Loading…"
        } else if app.query.is_empty() {
            "No articles."
        } else {
            "No article matches the filter."
        };
        Paragraph::new(Line::styled(text, theme.list_meta)).render(inner, buf);
        return;
    }
    let rows = usize::from(inner.height);
    let width = usize::from(inner.width);
    for (i, row) in (app.list_offset..app.list_offset + rows).enumerate() {
        let line = match app.list_row(row) {
            None => break,
            Some(ListRow::Header(group)) => header_line(app, group, width, theme),
            Some(ListRow::Article(position)) => row_line(app, position, width, theme),
        };
        let Some(line) = line else { break };
        let y = inner.y + u16::try_from(i).unwrap_or(u16::MAX);
        if app.list_row(row) == Some(ListRow::Article(app.selected)) {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.list_selected);
        }
        buf.set_line(inner.x, y, &line, inner.width);
    }
}

/// A source's header: `Northline Wire ──── 3 articles · 1 unread ·
/// 2026-11-09 – 2026-11-16`, the dates, then the counts, dropped when the
/// row is too narrow for them.
pub fn header_line(
    app: &App,
    group: usize,
    width_cols: usize,
    theme: &Theme,
) -> Option<Line<'static>> {
    let group = app.groups.as_ref()?.group(group)?;
    if app.by_story {
        return Some(story_header(app, group, width_cols, theme));
    }
    let info = app.sources.get(group.source)?;
    let shown = group.members.len();
    let noun = if info.articles == 1 {
        "article"
    } else {
        "articles"
    };
    let count = if shown == info.articles {
        format!("{} {noun}", count(shown))
    } else {
        format!("{} of {} {noun}", count(shown), count(info.articles))
    };
    let dates = group.dates.label();
    let name = if info.name.is_empty() {
        "(no source)".into()
    } else {
        sanitize::line(&info.name)
    };
    // The source's unread articles, filtered or not: shown where the whole
    // name still fits, dropped before the dates.
    let unread = match app.unread_of(group.source) {
        0 => String::new(),
        n => format!(" · {} unread", super::count(n)),
    };
    let with_dates = |m: &str| {
        if dates.is_empty() {
            m.to_owned()
        } else {
            format!("{m} · {dates}")
        }
    };
    let whole_name = [
        with_dates(&format!("{count}{unread}")),
        with_dates(&count),
        format!("{count}{unread}"),
    ]
    .into_iter()
    .find(|m| width(m) + 3 + width(&name) <= width_cols);
    // Else the name, a rule, and as much of count and dates as leaves room
    // for a few letters of the name: `Name ──── 3 articles · dates`.
    let meta = whole_name
        .or_else(|| {
            [with_dates(&count), count]
                .into_iter()
                .find(|m| width(m) + 3 + 8 <= width_cols)
        })
        .unwrap_or_default();
    Some(ruled(&name, &meta, width_cols, theme))
}

/// `name ──── meta` in `width_cols` columns, the name cut to fit.
fn ruled(name: &str, meta: &str, width_cols: usize, theme: &Theme) -> Line<'static> {
    let meta_width = if meta.is_empty() { 0 } else { width(meta) + 3 };
    let name = truncate(name, width_cols.saturating_sub(meta_width));
    let mut spans = vec![Span::styled(name.clone(), theme.group_header)];
    if !meta.is_empty() {
        let rule = width_cols.saturating_sub(width(&name) + meta_width) + 1;
        spans.push(Span::styled(
            format!(" {} {meta}", "─".repeat(rule)),
            theme.group_meta,
        ));
    }
    Line::from(spans)
}

/// A story's header: its headline, then `3 sources · 2026-11-16 – 2026-11-21`
/// (of the articles shown), the dates dropped when the row is too narrow.
fn story_header(app: &App, group: &Group, width_cols: usize, theme: &Theme) -> Line<'static> {
    let story = app
        .stories
        .as_deref()
        .and_then(|t| t.stories.get(group.source));
    // An article not yet grouped heads a story of its own.
    let headline = story.map_or_else(
        || {
            group
                .members
                .first()
                .and_then(|&p| app.visible(p))
                .map(|(_, a, _)| a.title.clone())
                .unwrap_or_default()
        },
        |s| {
            app.articles
                .get(s.headline)
                .map(|a| a.title.clone())
                .unwrap_or_default()
        },
    );
    let sources = story.map_or(1, |s| s.sources.len());
    let noun = if sources == 1 { "source" } else { "sources" };
    let counted = format!("{} {noun}", count(sources));
    let dates = group.dates.label();
    let meta = [format!("{counted} · {dates}"), counted]
        .into_iter()
        .filter(|m| !dates.is_empty() || !m.ends_with(" · "))
        .find(|m| width(m) + 3 + 8 <= width_cols)
        .unwrap_or_default();
    ruled(&sanitize::line(&headline), &meta, width_cols, theme)
}

/// The row of the article at flat position `position`: `▌ title ★ … source
/// date` (the star when starred) (no source when grouped), cut to `width` columns.
pub fn row_line(
    app: &App,
    position: usize,
    width_cols: usize,
    theme: &Theme,
) -> Option<Line<'static>> {
    let (index, article, hit) = app.visible(position)?;
    let selected = position == app.selected;
    // Grouped by source, the rows leave the source out; as stories they
    // keep it, and mark a near-duplicate.
    let grouped = app.groups.is_some() && !app.by_story;
    let copy = app.by_story
        && app
            .stories
            .as_deref()
            .is_some_and(|t| t.is_copy(app.visible(position).map_or(usize::MAX, |v| v.0)));
    let marker = if selected { "▌" } else { " " };
    // On the selected row everything takes the selection's colours, and
    // matches stay marked on top.
    let (title_style, meta_style) = if selected {
        (theme.list_selected, theme.list_selected)
    } else {
        (theme.list_title, theme.list_meta)
    };
    // Unread titles are bold (the selected row is bold already); a star
    // follows a starred title.
    let title_style = if app.is_read(index) {
        title_style
    } else {
        title_style.patch(theme.list_unread)
    };
    let star = if app.is_starred(index) { STAR } else { "" };
    let format = &app.layout.date_format;
    let date_width = date_width(format);
    let date = article
        .date
        .map(|d| truncate(&date_text(d, format), date_width))
        .unwrap_or_default();
    let show_meta = width_cols >= 44 || (grouped && width_cols >= 24);
    let source = sanitize::line(&article.source);
    let source_cell = if show_meta && !grouped {
        truncate(&source, SOURCE_WIDTH)
    } else {
        String::new()
    };
    let meta_width = if show_meta {
        width(&source_cell) + 2 + date_width + 1
    } else {
        0
    };
    let copy_width = if copy { 2 } else { 0 };
    let title_width = width_cols.saturating_sub(1 + copy_width + meta_width + width(star));
    let title = sanitize::line(&article.title);
    // What the query the hits answer matched, found for the rows drawn
    // only.
    let highlights = hit
        .map(|_| {
            app.hits_query
                .list_highlights(&article.title, &article.source)
        })
        .unwrap_or_default();
    let title_positions = &highlights.title[..];
    let source_positions = &highlights.source[..];
    let mut spans = vec![Span::raw(marker)];
    if copy {
        spans.push(Span::styled("≈ ", theme.copy_mark));
    }
    let title_cut = truncate(&title, title_width);
    spans.extend(marked(
        &title_cut,
        title_positions,
        title_style,
        theme.list_match,
    ));
    if !star.is_empty() {
        let star_style = if selected {
            theme.list_selected
        } else {
            theme.list_star
        };
        spans.push(Span::styled(star, star_style));
    }
    let used = 1 + copy_width + width(&title_cut) + width(star);
    if show_meta {
        let pad = width_cols.saturating_sub(used + meta_width) + 1;
        spans.push(Span::raw(" ".repeat(pad)));
        spans.extend(marked(
            &source_cell,
            source_positions,
            meta_style,
            theme.list_match,
        ));
        let pad = date_width.saturating_sub(width(&date));
        spans.push(Span::styled(
            format!("  {}{date}", " ".repeat(pad)),
            meta_style,
        ));
    }
    Some(Line::from(spans))
}

/// `date` as the config's strftime `format` writes it, on one line; the
/// ISO date when the format cannot be written.
pub fn date_text(date: chrono::NaiveDate, format: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    if write!(out, "{}", date.format(format)).is_err() {
        out.clear();
        let _ = write!(out, "{}", date.format("%Y-%m-%d"));
    }
    sanitize::line(&out).into_owned()
}

/// The date column's width for `format`: the widest of a few dates with
/// long and short month and day names, at most [`MAX_DATE_WIDTH`].
pub fn date_width(format: &str) -> usize {
    [(2026, 9, 30), (2026, 5, 3), (2026, 2, 28), (2026, 12, 27)]
        .into_iter()
        .filter_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d))
        .map(|d| width(&date_text(d, format)))
        .max()
        .unwrap_or(10)
        .min(MAX_DATE_WIDTH)
}

/// `text` in `base` style with the chars at `positions` in `mark` style.
pub(crate) fn marked(
    text: &str,
    positions: &[usize],
    base: Style,
    mark: Style,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in text.chars().enumerate() {
        let is_marked = positions.binary_search(&i).is_ok();
        if is_marked != run_marked && !run.is_empty() {
            let style = if run_marked { base.patch(mark) } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = is_marked;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_marked { base.patch(mark) } else { base };
        spans.push(Span::styled(run, style));
    }
    spans
}
