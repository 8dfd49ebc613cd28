//! Rendering tests on ratatui's `TestBackend`: text and styles.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;

use super::theme::Theme;
use super::*;
use crate::action::{Action, Update};
use crate::app::App;
use crate::app::tests::{article, loaded_app};
use crate::event::Event;
use crate::highlight::EntityKind;

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| super::render(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn press(app: &mut App, code: KeyCode) {
    if let Some(a) = app.action_for(Event::Key(KeyEvent::new(code, KeyModifiers::NONE))) {
        app.update(a);
    }
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// Where `needle` starts on screen: (x, y) of its first cell.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    find_from(buf, needle, 0)
}

/// [`find`], looking from row `top` down.
fn find_from(buf: &Buffer, needle: &str, top: u16) -> Option<(u16, u16)> {
    for y in top..buf.area.height {
        let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let line: String = cells.concat();
        if let Some(byte) = line.find(needle) {
            // Map the byte offset back to a cell (one symbol per cell here).
            let mut seen = 0;
            for (x, s) in cells.iter().enumerate() {
                if seen == byte {
                    return Some((u16::try_from(x).unwrap(), y));
                }
                seen += s.len();
            }
        }
    }
    None
}

/// Whether every cell of `needle` on screen carries `style`'s colours and
/// modifiers.
fn styled(buf: &Buffer, needle: &str, style: Style) -> bool {
    styled_from(buf, needle, style, 0)
}

/// [`styled`] for the first `needle` from row `top` down.
fn styled_from(buf: &Buffer, needle: &str, style: Style, top: u16) -> bool {
    let Some((x, y)) = find_from(buf, needle, top) else {
        return false;
    };
    let width = u16::try_from(needle.chars().count()).unwrap();
    (x..x + width).all(|x| {
        let cell = &buf[(x, y)];
        style.fg.is_none_or(|fg| cell.fg == fg)
            && style.bg.is_none_or(|bg| cell.bg == bg)
            && cell.modifier.contains(style.add_modifier)
    })
}

#[test]
fn the_list_shows_title_source_date_and_marks_the_selected_row() {
    let app = loaded_app();
    let buf = draw(&app);
    let theme = Theme::default();
    let (_, y) = find(&buf, "Dock workers strike in Rotterdam").expect("first title shown");
    let row = row_text(&buf, y);
    assert!(row.contains("Northline Wire"), "{row}");
    assert!(row.contains("2026-11-01"), "{row}");
    assert!(row.contains('▌'));
    assert!(styled(&buf, "Dock workers strike", theme.list_selected));
    assert!(!styled(&buf, "Reservoirs fall", theme.list_selected));
    assert!(row_text(&buf, 0).contains("Articles 4"));
}

#[test]
fn filter_matches_are_marked_in_the_list_and_reader() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('/'));
    for c in "ships".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let buf = draw(&app);
    let theme = Theme::default();
    assert!(row_text(&buf, 0).contains("Articles"));
    // The title match "Ships queue…" ranks first and its letters are marked.
    assert!(
        styled(&buf, "Ships", theme.list_match),
        "{:?}",
        row_text(&buf, 1)
    );
    assert!(
        buf.content
            .iter()
            .any(|c| c.modifier.contains(theme.filter_match.add_modifier))
    );
    assert!(row_text(&buf, buf.area.height - 2).contains("Filter: ships"));
}

#[test]
fn each_kind_of_name_and_number_has_its_own_style_in_the_reader() {
    let mut app = App::new(ratatui::layout::Rect::new(0, 0, 140, 30));
    app.update(Update::Loaded(vec![article(
        0,
        "Port strike",
        "Northline Wire",
        "Union leader Anneke Verhoeven told Reuters in Rotterdam on Monday that 1,250 Dutch dock workers would stay out.",
    )]));
    let buf = draw(&app);
    let theme = Theme::default();
    for (text, kind) in [
        ("Anneke Verhoeven", EntityKind::Person),
        ("Reuters", EntityKind::Organization),
        ("Rotterdam", EntityKind::Place),
        ("Dutch", EntityKind::Name),
        ("1,250", EntityKind::Number),
        ("Monday", EntityKind::Date),
    ] {
        assert!(
            styled(&buf, text, theme.entity(kind)),
            "{text} should be drawn as {kind:?}"
        );
    }
    assert!(!styled(
        &buf,
        "dock workers",
        theme.entity(EntityKind::Person)
    ));
}

#[test]
fn find_matches_are_highlighted_and_counted() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('/'));
    for c in "ships".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Enter);
    let buf = draw(&app);
    let theme = Theme::default();
    assert!(styled(&buf, "ships", theme.find_current));
    assert!(find(&buf, "/ships 1/1").is_some());
}

#[test]
fn the_status_bar_counts_and_reports_problems() {
    let mut app = loaded_app();
    app.update(Update::LoadIssue(crate::loader::LoadIssue {
        origin: crate::article::Origin::at_line("bad.jsonl", 3),
        severity: crate::loader::Severity::Error,
        message: "not valid JSON".into(),
    }));
    let buf = draw(&app);
    let status = row_text(&buf, buf.area.height - 1);
    assert!(status.contains("4 articles"), "{status}");
    assert!(status.contains("1 file skipped (m)"), "{status}");
    assert!(styled(
        &buf,
        "1 file skipped",
        Theme::default().status_error
    ));
    press(&mut app, KeyCode::Char('m'));
    let buf = draw(&app);
    assert!(find(&buf, "bad.jsonl:3: skipped: not valid JSON").is_some());
}

#[test]
fn the_help_lists_keys_and_the_legend_in_its_styles() {
    let mut app = loaded_app();
    // Tall enough for the whole help, legend at its end included.
    app.update(Action::Resize(100, 70));
    press(&mut app, KeyCode::Char('?'));
    let buf = draw(&app);
    let theme = Theme::default();
    assert!(find(&buf, "next, previous article").is_some());
    assert!(find(&buf, "person:blair").is_some());
    // The labels also occur in the filter syntax above the legend.
    let legend = find(&buf, "Highlights in the reader").map_or(u16::MAX, |(_, y)| y);
    for kind in EntityKind::ALL {
        assert!(
            styled_from(&buf, kind.label(), theme.entity(kind), legend),
            "legend for {kind:?}"
        );
    }
}

#[test]
fn article_text_cannot_inject_control_sequences() {
    let mut app = App::new(ratatui::layout::Rect::new(0, 0, 100, 20));
    app.update(Update::Loaded(vec![article(
        0,
        "Title \u{1b}]0;pwned\u{7}",
        "Wire\u{1b}[2J",
        "Body \u{1b}[31mred\u{1b}[0m and \u{9b}c.",
    )]));
    let buf = draw(&app);
    for cell in &buf.content {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
    assert!(find(&buf, "␛]0;pwned").is_some());
}

#[test]
fn whole_screen_at_80_by_24() {
    let mut app = loaded_app();
    app.update(Action::Resize(80, 24));
    let buf = draw(&app);
    let top = row_text(&buf, 0);
    assert!(top.starts_with("┌ Articles 4 "), "{top}");
    assert!(top.contains("┐┌ Reader "), "{top}");
    assert!(row_text(&buf, 1).contains("Dock workers strike"));
    assert!(row_text(&buf, 1).starts_with("│▌Dock workers"));
    assert!(row_text(&buf, 1).contains("│ Dock workers strike in Rotterdam"));
    assert!(row_text(&buf, 22).starts_with("Filter: press / to filter"));
    assert!(row_text(&buf, 23).contains("4 articles"));
}

// Layout and text helpers.
#[test]
fn wide_terminals_show_both_panes_narrow_ones_one() {
    let wide = areas(Rect::new(0, 0, 120, 40), Focus::List);
    assert!(wide.list.is_some() && wide.reader.is_some());
    assert_eq!(wide.status.y, 39);
    assert_eq!(wide.bar.y, 38);
    let narrow = areas(Rect::new(0, 0, 60, 20), Focus::Reader);
    assert!(narrow.list.is_none());
    assert_eq!(narrow.reader.map(|r| r.width), Some(60));
}

#[test]
fn truncate_counts_columns() {
    assert_eq!(truncate("Rotterdam", 20), "Rotterdam");
    assert_eq!(truncate("Rotterdam", 5), "Rott…");
    assert_eq!(truncate("東京タワー", 5), "東京…");
    assert_eq!(truncate("abc", 0), "");
    assert_eq!(count(0), "0");
    assert_eq!(count(999), "999");
    assert_eq!(count(1000), "1,000");
    assert_eq!(count(100_000), "100,000");
}
