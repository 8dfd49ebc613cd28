//! The legend of highlight kinds, labelled as displaCy labels entities: an
//! example in the kind's style followed by the kind's tag. It opens as a
//! window where each kind is switched on and off, and the help shows it too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::theme::Theme;
use super::{hint_line, width};
use crate::app::App;
use crate::highlight::EntityKind;

/// The short tag of a kind, shown after its example.
pub fn tag(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PERSON",
        EntityKind::Organization => "ORG",
        EntityKind::Place => "PLACE",
        EntityKind::Name => "NAME",
        EntityKind::Number => "NUM",
        EntityKind::Date => "DATE",
    }
}

pub(crate) fn example(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Person => ("Anneke Verhoeven", "people"),
        EntityKind::Organization => ("Northline Wire", "organizations"),
        EntityKind::Place => ("Rotterdam", "places"),
        EntityKind::Name => ("Dutch", "other names: peoples, events, holidays"),
        EntityKind::Number => ("€4.2 million", "figures and amounts"),
        EntityKind::Date => ("Nov. 18", "dates and spans of time"),
    }
}

/// Where the examples' descriptions start.
const DESCRIPTION_COLUMN: usize = 31;

/// One line per kind: `1 ✓ Anneke Verhoeven PERSON  people`, the example and
/// tag crossed out when the kind is switched off; `cursor` marks a line.
pub fn lines(theme: &Theme, cursor: Option<usize>) -> Vec<Line<'static>> {
    EntityKind::ALL
        .iter()
        .enumerate()
        .map(|(i, &kind)| {
            let on = theme.shown.contains(kind);
            let (text, what) = example(kind);
            let (text_style, tag_style) = if on {
                (theme.entity(kind), theme.tag(kind))
            } else {
                (theme.legend_off, theme.legend_off)
            };
            let marker = if cursor == Some(i) { "▌" } else { " " };
            let lead = format!("{marker}{} {} ", i + 1, if on { "✓" } else { "·" });
            let tag = format!(" {} ", tag(kind));
            let used = width(&lead) + width(text) + width(&tag);
            let pad = DESCRIPTION_COLUMN.saturating_sub(used).max(2);
            let lead_style = if cursor == Some(i) {
                theme.list_selected
            } else {
                theme.key
            };
            Line::from(vec![
                Span::styled(lead, lead_style),
                Span::styled(text, text_style),
                Span::styled(tag, tag_style),
                Span::raw(" ".repeat(pad)),
                Span::raw(what),
            ])
        })
        .collect()
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let mut lines = lines(theme, Some(app.legend_cursor));
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::raw(" Drawn in "),
        Span::styled(theme.mode.label(), theme.pane_title),
        Span::raw(" (c or C to switch)"),
    ]));
    // Low on the right, over the reader, so that the top of the article
    // shows what each switch does.
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = corner(area, 62, height);
    Clear.render(popup, buf);
    let hints = hint_line(
        &[("1-6 Space", "on/off"), ("j k", "move"), ("Esc", "close")],
        theme,
    );
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .border_style(theme.border_focused)
                .title(Line::styled(" Highlights ", theme.pane_title))
                .title_bottom(hints.right_aligned()),
        )
        .render(popup, buf);
}

/// A rectangle of at most `width` x `height` in the lower right of `area`,
/// clear of the filter bar and status line when there is room.
fn corner(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    let margin = if area.height >= height + 3 { 3 } else { 0 };
    let right_margin = u16::from(area.width > width);
    Rect::new(
        area.right() - width - right_margin,
        area.bottom() - height - margin,
        width,
        height,
    )
}
