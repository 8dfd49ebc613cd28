//! The messages overlay: every file that was skipped or loaded with a
//! warning, one line each.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::centered;
use super::theme::Theme;
use crate::app::App;
use crate::loader::Severity;
use crate::sanitize;

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines: Vec<Line> = if app.issues.is_empty() {
        vec![Line::styled("Every file loaded cleanly.", theme.list_meta)]
    } else {
        app.issues
            .iter()
            .map(|issue| {
                let style = match issue.severity {
                    Severity::Error => theme.status_error,
                    Severity::Warning => theme.status_warning,
                };
                Line::styled(sanitize::line(&issue.to_string()).into_owned(), style)
            })
            .collect()
    };
    let popup = centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(4),
    );
    let inner_height = usize::from(popup.height.saturating_sub(2));
    let scroll = app
        .overlay_scroll
        .min(lines.len().saturating_sub(inner_height));
    Clear.render(popup, buf);
    let title = format!(" Messages: {} ", app.issues.len());
    Paragraph::new(lines)
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .block(
            Block::bordered()
                .border_style(theme.border_focused)
                .title(Line::styled(title, theme.pane_title))
                .title_bottom(Line::styled(" Esc or m to close ", theme.list_meta).right_aligned()),
        )
        .render(popup, buf);
}
