//! The source picker: a window over the panes with what is typed on top and
//! the matching sources under it, each with its article count and date
//! range, the letters that matched marked.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::list::marked;
use super::theme::Theme;
use super::{centered, count, hint_line, truncate, width};
use crate::app::App;
use crate::app::picker::SourcePicker;
use crate::sanitize;

/// The window for a screen of `size` listing up to `sources` sources: tall
/// enough for all of them, within the screen and at most 24 rows.
pub fn area(size: Rect, sources: usize) -> Rect {
    // Border, input line and the rule under it take four rows.
    let wanted = u16::try_from(sources.max(1) + 4).unwrap_or(u16::MAX);
    centered(
        size,
        size.width.saturating_sub(4).min(100),
        size.height.saturating_sub(4).min(24).min(wanted),
    )
}

/// How many sources the window shows at once.
pub fn rows(size: Rect, sources: usize) -> usize {
    usize::from(area(size, sources).height.saturating_sub(4)).max(1)
}

/// Draw the picker; returns where the cursor goes.
pub fn render(app: &App, buf: &mut Buffer, theme: &Theme) -> Option<Position> {
    let picker = app.picker.as_ref()?;
    let popup = area(app.size, app.sources.len());
    Clear.render(popup, buf);
    let title = if picker.input.trim().is_empty() {
        format!(" Sources {} ", count(app.sources.len()))
    } else {
        format!(
            " Sources {}/{} ",
            count(picker.matches.len()),
            count(app.sources.len())
        )
    };
    let hints = hint_line(
        &[("Enter", "go to"), ("Ctrl-f", "filter"), ("Esc", "close ")],
        theme,
    );
    let (inner, cursor_x) = super::input_popup(
        popup,
        &title,
        hints,
        ("Source: ", &picker.input),
        buf,
        theme,
    )?;
    let list = Rect {
        y: inner.y.saturating_add(2),
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if picker.matches.is_empty() && list.height > 0 {
        let text = if app.sources.is_empty() {
            "No sources yet."
        } else {
            "No source matches."
        };
        buf.set_line(
            list.x,
            list.y,
            &Line::styled(text, theme.list_meta),
            list.width,
        );
    }
    for (i, k) in (picker.offset..picker.matches.len())
        .take(usize::from(list.height))
        .enumerate()
    {
        let y = list.y + u16::try_from(i).unwrap_or(u16::MAX);
        let Some(line) = row_line(app, picker, k, usize::from(list.width), theme) else {
            continue;
        };
        if k == picker.selected {
            buf.set_style(Rect::new(list.x, y, list.width, 1), theme.list_selected);
        }
        buf.set_line(list.x, y, &line, list.width);
    }
    Some(Position::new(
        cursor_x.min(inner.right().saturating_sub(1)),
        inner.y,
    ))
}

/// One source: `▌Name …  12 articles  3 unread  2026-10-01 – 2026-11-21`.
fn row_line(
    app: &App,
    picker: &SourcePicker,
    k: usize,
    width_cols: usize,
    theme: &Theme,
) -> Option<Line<'static>> {
    let found = picker.matches.get(k)?;
    let info = app.sources.get(found.source)?;
    let selected = k == picker.selected;
    let (name_style, meta_style) = if selected {
        (theme.list_selected, theme.list_selected)
    } else {
        (theme.list_title, theme.list_meta)
    };
    let noun = if info.articles == 1 {
        "article "
    } else {
        "articles"
    };
    let dates = info.dates.label();
    let unread = match app.unread_of(found.source) {
        0 => String::new(),
        n => format!("{} unread", count(n)),
    };
    let meta = format!(
        "{:>7} {noun}  {dates:<23} {unread:>9}",
        count(info.articles)
    );
    let meta = if width(&meta) + 12 <= width_cols {
        meta
    } else {
        String::new()
    };
    let name = if info.name.is_empty() {
        "(no source)".into()
    } else {
        sanitize::line(&info.name)
    };
    // its feeds' tags after it, where there is room for them and a name
    let room = width_cols.saturating_sub(1 + width(&meta));
    let mut tags = String::new();
    for tag in &info.tags {
        tags.push_str("  #");
        tags.push_str(&sanitize::line(tag));
    }
    let tags = if width(&tags) + 12 <= room {
        tags
    } else {
        String::new()
    };
    let name = truncate(&name, room.saturating_sub(width(&tags)));
    let mut spans = vec![Span::raw(if selected { "▌" } else { " " })];
    let name_width = width(&name) + width(&tags);
    spans.extend(marked(
        &name,
        &found.positions,
        name_style,
        theme.list_match,
    ));
    if !tags.is_empty() {
        spans.push(Span::styled(tags, meta_style));
    }
    if !meta.is_empty() {
        let pad = width_cols.saturating_sub(1 + name_width + width(&meta));
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(meta, meta_style));
    }
    Some(Line::from(spans))
}
