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
    for y in 0..buf.area.height {
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
    let Some((x, y)) = find(buf, needle) else {
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
    app.update(Action::Resize(100, 60));
    press(&mut app, KeyCode::Char('?'));
    let buf = draw(&app);
    let theme = Theme::default();
    assert!(find(&buf, "next, previous article").is_some());
    for kind in EntityKind::ALL {
        assert!(
            styled(&buf, kind.label(), theme.entity(kind)),
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

/// An app showing articles in scripts and with characters that test the
/// layout: wide, combining, joined, right-to-left, escapes and bidi tricks.
fn many_scripts_app(width: u16, height: u16) -> App {
    let mut app = App::new(Rect::new(0, 0, width, height));
    app.update(Update::Loaded(vec![
        article(0, "東京タワーの展望台が再開 visitors return", "東京新聞", "東京タワーの展望台が再開した。来場者は初日に1,200人。"),
        article(1, "Cafe\u{301} owners in Zu\u{308}rich protest", "Zu\u{308}rich Wire", "The cafe\u{301} owners met on Monday."),
        article(2, "Family 👨\u{200d}👩\u{200d}👧 emoji 🇳🇱 in a headline", "Emoji Post", "The 👨\u{200d}👩\u{200d}👧 family and the 🇳🇱 flag."),
        article(3, "שלום עולם: Hebrew headline", "ידיעות", "ראש הממשלה אמר ביום שני כי השיחות יימשכו."),
        article(4, "مرحبا بالعالم: Arabic headline", "الجزيرة", "قال رئيس الوزراء يوم الاثنين إن المحادثات ستستمر."),
        article(5, "Clear \u{1b}[2J\u{1b}]0;owned\u{7}\u{1b}]52;c;cHduZWQ=\u{7} title", "Evil\u{202e}lave", "Body \u{1b}[31mred\u{1b}[0m and \u{9b}2J and \u{2066}isolate\u{2069}.\nName\tScore\tRank"),
    ]));
    app.update(Update::LoadFinished);
    app
}

/// Every cell is drawable: no control character, nothing that reorders
/// text.
fn assert_only_safe_cells(buf: &Buffer) {
    for cell in &buf.content {
        let symbol = cell.symbol();
        assert!(
            !symbol
                .chars()
                .any(|c| c.is_control() || crate::sanitize::is_unsafe(c)),
            "unsafe cell {symbol:?}"
        );
    }
}

/// The x of each `│` border on row `y`.
fn borders(buf: &Buffer, y: u16) -> Vec<u16> {
    (0..buf.area.width)
        .filter(|&x| buf[(x, y)].symbol() == "│")
        .collect()
}

#[test]
fn wide_combining_joined_and_right_to_left_text_keep_the_list_columns() {
    let app = many_scripts_app(120, 20);
    let buf = draw(&app);
    assert_only_safe_cells(&buf);
    // Each row keeps its borders where the pane puts them and its date in
    // the date column, whatever its title is written in.
    let expected_borders = borders(&buf, 1);
    assert_eq!(expected_borders.len(), 4, "{}", row_text(&buf, 1));
    let mut date_columns = Vec::new();
    for i in 0..6u16 {
        let y = 1 + i;
        assert_eq!(
            borders(&buf, y),
            expected_borders,
            "row {y}: {}",
            row_text(&buf, y)
        );
        let date = format!("2026-11-0{}", i + 1);
        let (x, _) = find(&buf, &date).unwrap_or_else(|| panic!("{date} on row {y}"));
        date_columns.push(x);
    }
    assert!(
        date_columns.windows(2).all(|w| w[0] == w[1]),
        "{date_columns:?}"
    );
    // A letter and its combining accent share a cell; a joined family is one
    // two-column cell; a flag is one.
    let cells: Vec<&str> = (0..120).map(|x| buf[(x, 2)].symbol()).collect();
    assert!(cells.contains(&"e\u{301}"), "{cells:?}");
    let family = (0..120).find(|&x| buf[(x, 3)].symbol() == "👨\u{200d}👩\u{200d}👧");
    assert!(family.is_some(), "{}", row_text(&buf, 3));
    assert!((0..120).any(|x| buf[(x, 3)].symbol() == "🇳🇱"));
    // Right-to-left text is kept in logical order: the terminal shapes it.
    assert!(row_text(&buf, 4).contains("שלום עולם"));
    assert!(row_text(&buf, 5).contains("مرحبا بالعالم"));
    // Escapes show as pictures, bidi overrides as replacement characters.
    let evil = row_text(&buf, 6);
    assert!(evil.contains("␛[2J␛]0;owned␇␛]52;c;"), "{evil}");
    assert!(evil.contains("Evil\u{2426}lave"), "{evil}");
}

#[test]
fn the_reader_lays_out_every_script_inside_its_pane() {
    let mut app = many_scripts_app(100, 30);
    for row in 0..6 {
        app.selected = row;
        app.update(Action::Resize(100, 30));
        let buf = draw(&app);
        assert_only_safe_cells(&buf);
        let expected = borders(&buf, 1);
        for y in 1..27 {
            assert_eq!(
                borders(&buf, y),
                expected,
                "article {row}, row {y}: {}",
                row_text(&buf, y)
            );
        }
    }
    // Narrow panes wrap wide characters whole, between ideographs.
    app.selected = 0;
    app.update(Action::Resize(24, 30));
    app.update(Action::Open);
    let buf = draw(&app);
    assert_only_safe_cells(&buf);
    for y in 1..27 {
        let row = row_text(&buf, y);
        assert!(row.starts_with('│') && row.ends_with('│'), "{row}");
    }
    // A wide character takes its cell and hides the next one.
    let wide_pair = (1..27)
        .any(|y| (0..22).any(|x| buf[(x, y)].symbol() == "展" && buf[(x + 2, y)].symbol() == "望"));
    assert!(
        wide_pair,
        "{}",
        (1..27)
            .map(|y| row_text(&buf, y))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn escapes_and_tabs_in_the_reader() {
    let mut app = many_scripts_app(100, 30);
    app.selected = 5;
    app.update(Action::Resize(100, 30));
    let buf = draw(&app);
    assert_only_safe_cells(&buf);
    let (x, y) = find(&buf, "Body ␛[31mred␛[0m and \u{2426}2J").expect("escapes as pictures");
    assert!(find(&buf, "\u{2426}isolate\u{2426}").is_some());
    // Tabs reach the next stop of 8 from the start of the text.
    let (name_x, name_y) = find(&buf, "Name").expect("the tab line");
    assert_eq!(name_x, x);
    assert!(name_y > y);
    let row = row_text(&buf, name_y);
    let at = |needle: &str| {
        row.chars()
            .collect::<Vec<_>>()
            .windows(needle.len())
            .position(|w| w.iter().collect::<String>() == needle)
    };
    assert_eq!(at("Score").unwrap() - at("Name").unwrap(), 8, "{row}");
    assert_eq!(at("Rank").unwrap() - at("Score").unwrap(), 8, "{row}");
}

#[test]
fn any_size_from_1x1_to_500x200_and_back_while_loading_and_filtering() {
    let mut app = many_scripts_app(80, 24);
    app.loading.done = false;
    let long_body = "Dock workers in Rotterdam walked out. ".repeat(3000);
    app.update(Update::Loaded(vec![article(
        6,
        "A long one",
        "Northline Wire",
        &long_body,
    )]));
    let mut terminal = Terminal::new(TestBackend::new(500, 200)).unwrap();
    // Every width with a height that cycles, every height with a width
    // that cycles, then down again; in each state the app passes through.
    let mut sizes: Vec<(u16, u16)> = (1..=500u16).map(|w| (w, 1 + (w * 7) % 200)).collect();
    sizes.extend((1..=200u16).map(|h| (1 + (h * 13) % 500, h)));
    sizes.extend([
        (500, 200),
        (1, 1),
        (2, 1),
        (1, 2),
        (79, 24),
        (80, 24),
        (500, 1),
        (1, 200),
    ]);
    let states: [&dyn Fn(&mut App); 6] = [
        &|_| {},
        &|app| {
            press(app, KeyCode::Char('/'));
            for c in "rott".chars() {
                press(app, KeyCode::Char(c));
            }
        },
        &|app| press(app, KeyCode::Enter),
        &|app| {
            press(app, KeyCode::Char('/'));
            press(app, KeyCode::Char('w'));
        },
        &|app| press(app, KeyCode::Char('?')),
        &|app| {
            press(app, KeyCode::Esc);
            press(app, KeyCode::Char('m'));
        },
    ];
    for (step, &(w, h)) in sizes.iter().chain(sizes.iter().rev()).enumerate() {
        if step % 60 == 0 {
            states[(step / 60) % states.len()](&mut app);
        }
        if step == 400 {
            app.update(Update::LoadFinished);
        }
        app.update(Action::Resize(w, h));
        app.update(Action::Tick);
        terminal.backend_mut().resize(w, h);
        terminal.resize(Rect::new(0, 0, w, h)).unwrap();
        terminal.draw(|f| super::render(f, &app)).unwrap();
        assert_only_safe_cells(terminal.backend().buffer());
    }
}
