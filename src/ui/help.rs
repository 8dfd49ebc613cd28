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
use crate::config::keys::{ACTIONS, KeyBindings};

/// The help's lines, top to bottom: first the keys the config changed
/// (the sections after list the defaults).
pub fn lines(bindings: &KeyBindings, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let defaults = KeyBindings::default();
    let changed: Vec<_> = ACTIONS
        .iter()
        .filter(|a| bindings.keys(a.name) != defaults.keys(a.name))
        .collect();
    if !changed.is_empty() {
        lines.push(Line::styled(
            "Keys your config changes (the sections below list the defaults)",
            theme.pane_title,
        ));
        for action in changed {
            let keys: Vec<String> = bindings
                .keys(action.name)
                .iter()
                .map(ToString::to_string)
                .collect();
            let keys = if keys.is_empty() {
                "(none)".to_owned()
            } else {
                keys.join("  ")
            };
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("{keys:<20}"), theme.key),
                Span::raw(action.about),
            ]));
        }
        lines.push(Line::default());
    }
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

/// The popup on a screen of `area` for help of `lines` lines.
fn popup(area: Rect, lines: usize) -> Rect {
    let height = u16::try_from(lines + 2).unwrap_or(u16::MAX);
    centered(area, 72, height)
}

/// How far the help for `bindings` can scroll on a screen of `area`.
pub fn max_scroll(bindings: &KeyBindings, area: Rect) -> usize {
    let lines = lines(bindings, &Theme::default()).len();
    lines.saturating_sub(usize::from(popup(area, lines).height.saturating_sub(2)))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let lines = lines(&app.keys, theme);
    let popup = popup(area, lines.len());
    let scroll = app.overlay_scroll.min(max_scroll(&app.keys, area));
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
