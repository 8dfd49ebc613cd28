//! The help overlay: every key, the filter syntax, and the legend of
//! highlight kinds.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::theme::Theme;
use super::{centered, legend};
use crate::action::KEY_HELP;
use crate::app::App;

/// The help's lines, top to bottom.
pub fn lines(theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (section, keys) in KEY_HELP {
        lines.push(Line::styled(*section, theme.pane_title));
        for (key, what) in *keys {
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("{key:<20}"), theme.key),
                Span::raw(*what),
            ]));
        }
        lines.push(Line::default());
    }
    lines.push(Line::styled("Highlights in the reader", theme.pane_title));
    lines.extend(legend::lines(theme, None));
    lines
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines = lines(theme);
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let popup = centered(area, 72, height);
    let inner_height = usize::from(popup.height.saturating_sub(2));
    let scroll = app
        .overlay_scroll
        .min(lines.len().saturating_sub(inner_height));
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .block(
            Block::bordered()
                .border_style(theme.border_focused)
                .title(Line::styled(" Help ", theme.pane_title))
                .title_bottom(Line::styled(" Esc or ? to close ", theme.list_meta).right_aligned()),
        )
        .render(popup, buf);
}
