//! The messages overlay: every file that was skipped or loaded with a
//! warning, then the config's mistakes and programs that failed. A message wider than the overlay goes on over more lines,
//! indented, so that the reason at its end is never cut off.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::centered;
use super::theme::Theme;
use crate::app::App;
use crate::loader::Severity;
use crate::{sanitize, wrap};

/// How far the lines after a message's first are indented.
const INDENT: &str = "  ";

/// The popup on a screen of `area`.
fn popup(area: Rect) -> Rect {
    centered(
        area,
        area.width.saturating_sub(4),
        area.height.saturating_sub(4),
    )
}

/// How far the messages can scroll on a screen of `area`.
pub fn max_scroll(app: &App, area: Rect) -> usize {
    let popup = popup(area);
    let theme = Theme::default();
    lines(app, usize::from(popup.width.saturating_sub(2)), &theme)
        .len()
        .saturating_sub(usize::from(popup.height.saturating_sub(2)))
}

/// Every message as screen lines `width` wide.
fn lines(app: &App, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = if app.issues.is_empty() {
        vec![Line::styled("Every file loaded cleanly.", theme.list_meta)]
    } else {
        app.issues
            .iter()
            .flat_map(|issue| {
                let style = match issue.severity {
                    Severity::Error => theme.status_error,
                    Severity::Warning => theme.status_warning,
                };
                wrapped(&sanitize::line(&issue.to_string()), width, style)
            })
            .collect()
    };
    for note in &app.notes {
        lines.extend(wrapped(&sanitize::line(note), width, theme.status_warning));
    }
    lines
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let popup = popup(area);
    let lines = lines(app, usize::from(popup.width.saturating_sub(2)), theme);
    let inner_height = usize::from(popup.height.saturating_sub(2));
    let scroll = app
        .overlay_scroll
        .min(lines.len().saturating_sub(inner_height));
    Clear.render(popup, buf);
    let title = format!(" Messages: {} ", app.issues.len() + app.notes.len());
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

/// One message as screen lines `width` wide: the first at the margin, the
/// rest indented.
fn wrapped(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    if width <= INDENT.len() * 2 || wrap::width(text) <= width {
        return vec![Line::styled(text.to_owned(), style)];
    }
    let first = wrap::wrap_ranges(text, width).into_iter().next();
    let Some(first) = first.filter(|r| !r.is_empty()) else {
        return vec![Line::styled(text.to_owned(), style)];
    };
    let rest = text[first.end..].trim_start();
    let mut lines = vec![Line::styled(text[first].to_owned(), style)];
    lines.extend(
        wrap::wrap_ranges(rest, width - INDENT.len())
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(|r| Line::styled(format!("{INDENT}{}", &rest[r]), style)),
    );
    lines
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::action::Update;
    use crate::app::tests::loaded_app;
    use crate::article::Origin;
    use crate::loader::LoadIssue;

    #[test]
    fn long_messages_go_on_indented_and_keep_their_reason() {
        let mut app = loaded_app();
        let path = PathBuf::from(format!(
            "{}/business/240.txt",
            "/very/long/folder".repeat(4)
        ));
        app.update(Update::LoadIssue(LoadIssue {
            origin: Origin { path, line: None },
            severity: Severity::Warning,
            message: "a duplicate of business/214.txt (the same source, title and text); skipped"
                .into(),
        }));
        let mut terminal = Terminal::new(TestBackend::new(60, 20)).unwrap();
        let theme = Theme::default();
        terminal
            .draw(|f| render(&app, f.area(), f.buffer_mut(), &theme))
            .unwrap();
        let buf = terminal.backend().buffer();
        let rows: Vec<String> = (0..20)
            .map(|y| (0..60).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect();
        let text: Vec<&str> = rows
            .iter()
            .map(|r| r.trim_matches(|c: char| c == ' ' || c == '│'))
            .filter(|r| !r.is_empty() && !r.contains('─'))
            .collect();
        assert!(text[0].starts_with("/very/long/folder"), "{text:?}");
        assert!(text.len() >= 3, "{text:?}");
        assert!(text.last().unwrap().ends_with("skipped"), "{text:?}");
        // Lines after the first are indented, and the warning's style holds.
        let second = &rows[4];
        assert!(
            second[..].starts_with(&format!("  │{INDENT}")),
            "{second:?}"
        );
        assert_ne!(second.chars().nth(5), Some(' '), "{second:?}");
        let (x, y) = (3, 3);
        assert_eq!(buf[(x, y)].fg, theme.status_warning.fg.unwrap_or_default());
    }

    #[test]
    fn the_end_of_the_messages_is_one_key_away_from_the_line_before() {
        use crate::action::Action;
        use crate::app::Overlay;
        let mut app = loaded_app();
        for i in 0..100 {
            app.update(Update::LoadIssue(LoadIssue {
                origin: Origin {
                    path: PathBuf::from(format!("news/{i}.json")),
                    line: None,
                },
                severity: Severity::Error,
                message: "not JSON".into(),
            }));
        }
        app.update(Action::ToggleMessages);
        assert_eq!(app.overlay, Some(Overlay::Messages));
        app.update(Action::Bottom);
        let screen = Rect::new(0, 0, app.size.width, app.size.height);
        let max = max_scroll(&app, screen);
        // 100 messages in an overlay 34 lines high (40 rows less margins and
        // borders) scroll 66 lines.
        assert_eq!((app.overlay_scroll, max), (66, 66));
        app.update(Action::Move(-1));
        assert_eq!(app.overlay_scroll, 65);
        app.update(Action::PageDown);
        assert_eq!(app.overlay_scroll, 66);
    }
}
