//! The filter bar: what is typed to filter the list (or, in the reader, to
//! find in the article), with the cursor while typing.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;

use super::theme::Theme;
use super::width;
use crate::app::{App, Editing};
use crate::sanitize;

/// Draw the bar; returns where the cursor goes while typing.
pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) -> Option<Position> {
    let (label, text, editing) = match app.editing {
        Some(Editing::Find) => ("Find: ", app.find_input.as_str(), true),
        Some(Editing::Filter) => ("Filter: ", app.filter_input.as_str(), true),
        Some(Editing::Pipe) => ("Pipe to: ", app.pipe_input.as_str(), true),
        None => ("Filter: ", app.filter_input.as_str(), false),
    };
    let mut spans = vec![Span::styled(label, theme.bar_label)];
    let room = usize::from(area.width).saturating_sub(width(label) + 1);
    let shown = tail(&sanitize::line(text), room);
    let typed_width = width(&shown);
    spans.push(Span::styled(shown, theme.bar_text));
    if text.is_empty() && !editing {
        spans.push(Span::styled(
            "press / to filter: words, 'exact, ^start, end$, !not, a | b",
            theme.bar_hint,
        ));
    } else if app.editing == Some(Editing::Pipe) && text.is_empty() {
        spans.push(Span::styled(
            "a command (sh -c), or Enter for $PAGER; Esc to cancel",
            theme.bar_hint,
        ));
    } else if app.editing == Some(Editing::Filter) && app.filtering() {
        spans.push(Span::styled("  filtering…", theme.bar_hint));
    } else if !editing && !text.is_empty() {
        spans.push(Span::styled("  (/ to edit, Esc to clear)", theme.bar_hint));
    }
    Line::from(spans).render(area, buf);
    editing.then(|| {
        let x = area.x + u16::try_from(width(label) + typed_width).unwrap_or(u16::MAX);
        Position::new(x.min(area.right().saturating_sub(1)), area.y)
    })
}

/// The end of `text` that fits in `room` columns: while typing, the end is
/// what matters.
fn tail(text: &str, room: usize) -> String {
    if width(text) <= room {
        return text.to_string();
    }
    // `…` then the last graphemes that fit, whole.
    let mut used = 1;
    let mut start = text.len();
    for (i, g) in text.grapheme_indices(true).rev() {
        used += width(g);
        if used > room {
            break;
        }
        start = i;
    }
    if room == 0 {
        return String::new();
    }
    format!("…{}", &text[start..])
}

#[cfg(test)]
mod tests {
    use super::tail;

    #[test]
    fn the_end_of_what_is_typed_shows_whole_graphemes() {
        assert_eq!(tail("rotterdam", 20), "rotterdam");
        assert_eq!(tail("rotterdam", 5), "…rdam");
        // A letter keeps its accent; a wide character is not split.
        assert_eq!(tail("cafe\u{301} au lait", 10), "…e\u{301} au lait");
        assert_eq!(tail("cafe\u{301} au lait", 9), "… au lait");
        assert_eq!(tail("東京タワー", 5), "…ワー");
        assert_eq!(tail("abc", 0), "");
    }
}
