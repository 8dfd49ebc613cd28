//! Drawing: a pure function of the app's state, one file per pane.

pub mod entity_list;
pub mod figures;
pub mod filter_bar;
pub mod help;
pub mod legend;
pub mod list;
pub mod mentions;
pub mod messages;
pub mod outline;
pub mod picker;
pub mod reader;
pub mod status_bar;
pub mod story;
pub mod theme;

#[cfg(test)]
mod tests;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_segmentation::UnicodeSegmentation;

use crate::app::{App, Focus, Overlay};
use crate::config::ListWidth;
use crate::{sanitize, wrap};
use theme::Theme;

/// Below this width the list and the reader take the whole screen in turn.
pub const NARROW: u16 = 80;

/// Where each pane goes for a terminal of `size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    /// The outline of the open article, at the reader's right, when open.
    pub outline: Option<Rect>,
    pub bar: Rect,
    pub status: Rect,
}

/// The widest the outline gets.
pub const OUTLINE_WIDTH: u16 = 34;

/// The reader keeps at least this many columns beside the list, however
/// wide the config makes the list.
pub const MIN_READER_WIDTH: u16 = 30;

/// [`areas_with`] the list at its default width.
pub fn areas(size: Rect, focus: Focus, outline: bool) -> Areas {
    areas_with(size, focus, outline, ListWidth::Auto)
}

/// Where each pane goes for a terminal of `size`, the list `list_width`
/// wide when both panes show.
pub fn areas_with(size: Rect, focus: Focus, outline: bool, list_width: ListWidth) -> Areas {
    let [main, bar, status] = size.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    let (list, reader) = if size.width < NARROW {
        match focus {
            Focus::List => (Some(main), None),
            Focus::Reader | Focus::Outline => (None, Some(main)),
        }
    } else {
        let list_width = list_width
            .columns(size.width)
            .min(size.width.saturating_sub(MIN_READER_WIDTH))
            .max(1);
        let [list, reader] = main.layout(&Layout::horizontal([
            Constraint::Length(list_width),
            Constraint::Fill(1),
        ]));
        (Some(list), Some(reader))
    };
    let (reader, outline) = match reader {
        Some(r) if outline => {
            let width = OUTLINE_WIDTH.min(r.width / 2);
            let [reader, outline] = r.layout(&Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(width),
            ]));
            (Some(reader), Some(outline))
        }
        other => (other, None),
    };
    Areas {
        list,
        reader,
        outline,
        bar,
        status,
    }
}

/// Draw the whole screen.
pub fn render(frame: &mut Frame, app: &App) {
    let theme = Theme::from_palette(app.colors, app.shown, &app.palette);
    let screen = frame.area();
    let areas = areas_with(
        screen,
        app.focus,
        app.outline.is_some(),
        app.layout.list_width,
    );
    let buf = frame.buffer_mut();
    if let Some(area) = areas.list {
        list::render(app, area, buf, &theme);
    }
    if let Some(area) = areas.reader {
        reader::render(app, area, buf, &theme);
    }
    if let Some(area) = areas.outline {
        outline::render(app, area, buf, &theme);
    }
    status_bar::render(app, areas.status, buf, &theme);
    let mut cursor = filter_bar::render(app, areas.bar, buf, &theme);
    if app.picker.is_some() {
        cursor = picker::render(app, buf, &theme);
    }
    if app.mentions.is_some() {
        cursor = mentions::render(app, buf, &theme);
    }
    if app.entity_list.is_some() {
        cursor = entity_list::render(app, buf, &theme);
    }
    if app.figures.is_some() {
        cursor = figures::render(app, buf, &theme);
    }
    if app.story.is_some() {
        story::render(app, buf, &theme);
        cursor = None;
    }
    match app.overlay {
        Some(Overlay::Help) => help::render(app, screen, buf, &theme),
        Some(Overlay::Messages) => messages::render(app, screen, buf, &theme),
        Some(Overlay::Legend) => legend::render(app, screen, buf, &theme),
        None => {
            if let Some(position) = cursor {
                frame.set_cursor_position(position);
            }
        }
    }
}

/// Cut `text` to at most `width` columns, ending with `…` when cut. Columns
/// are counted per grapheme, as the screen draws them, and only as far as
/// the cut: a long title costs no more than a short one.
pub fn truncate(text: &str, width: usize) -> String {
    let mut used = 0;
    let mut room_end = 0;
    for (i, g) in text.grapheme_indices(true) {
        let w = wrap::grapheme_width(g);
        if used + w > width {
            let mut out = text[..room_end].to_string();
            if width > 0 {
                out.push('…');
            }
            return out;
        }
        used += w;
        if used < width {
            room_end = i + g.len();
        }
    }
    text.to_string()
}

/// The display width of `text` (a single line, tabs already spaces).
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(wrap::grapheme_width).sum()
}

/// A line of `key  description` pairs, for hints.
pub fn hint_line<'a>(pairs: &[(&'a str, &'a str)], theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    for (i, (key, what)) in pairs.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(*key, theme.key));
        spans.push(Span::raw(" "));
        spans.push(Span::raw(*what));
    }
    Line::from(spans)
}

/// A rectangle of at most `width` x `height` in the middle of `area`.
/// A popup that narrows a list as you type: its border with `title` (cut to
/// fit) and `hints` under it, then [`input_header`]. What is inside the
/// border and the column of the typing cursor; `None` when nothing fits.
fn input_popup(
    popup: Rect,
    title: &str,
    hints: Line<'static>,
    (label, input): (&str, &str),
    buf: &mut Buffer,
    theme: &Theme,
) -> Option<(Rect, u16)> {
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(
            truncate(title, usize::from(popup.width.saturating_sub(2))),
            theme.pane_title,
        ))
        .title_bottom(hints.right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    if inner.height == 0 || inner.width == 0 {
        return None;
    }
    let cursor_x = input_header(inner, label, input, buf, theme);
    Some((inner, cursor_x))
}

/// The first two rows of a popup that narrows a list as you type: `label`
/// and what was typed (cut to fit), then a rule. The column where the
/// typing cursor goes.
fn input_header(inner: Rect, label: &str, input: &str, buf: &mut Buffer, theme: &Theme) -> u16 {
    let typed = sanitize::line(input);
    let room = usize::from(inner.width).saturating_sub(width(label) + 1);
    let shown = truncate(&typed, room);
    let cursor_x = inner.x + u16::try_from(width(label) + width(&shown)).unwrap_or(u16::MAX);
    Line::from(vec![
        Span::styled(label.to_owned(), theme.bar_label),
        Span::styled(shown, theme.bar_text),
    ])
    .render(Rect { height: 1, ..inner }, buf);
    if inner.height > 1 {
        let rule = "─".repeat(usize::from(inner.width));
        buf.set_string(inner.x, inner.y + 1, rule, theme.border);
    }
    cursor_x
}

pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

/// `12345` as `12,345`: counts of articles read at a glance.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
