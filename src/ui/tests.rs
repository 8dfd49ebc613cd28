//! Rendering tests on ratatui's `TestBackend`: text and styles.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier, Style};

use super::theme::Theme;
use super::*;
use crate::action::{Action, Update};
use crate::app::App;
use crate::app::tests::{article, loaded_app, sourced_app};
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
    find_in(buf, buf.area, needle)
}

/// Where `needle` starts within `area` of the screen.
fn find_in(buf: &Buffer, area: Rect, needle: &str) -> Option<(u16, u16)> {
    for y in area.top()..area.bottom() {
        let cells: Vec<&str> = (area.left()..area.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        let line: String = cells.concat();
        if let Some(byte) = line.find(needle) {
            // Map the byte offset back to a cell (one symbol per cell here).
            let mut seen = 0;
            for (x, s) in cells.iter().enumerate() {
                if seen == byte {
                    return Some((area.x + u16::try_from(x).unwrap(), y));
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
    styled_in(buf, buf.area, needle, style)
}

/// Whether every cell of `needle`, first found within `area`, carries
/// `style`'s colours and modifiers.
fn styled_in(buf: &Buffer, area: Rect, needle: &str, style: Style) -> bool {
    let Some((x, y)) = find_in(buf, area, needle) else {
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
fn while_a_newer_query_is_searched_for_the_list_marks_what_its_hits_answer() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('/'));
    for c in "ships".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    // A newer query typed, its answer not back yet: the hits shown are
    // still those of `ships`, and so are the letters marked.
    app.query = crate::filter::FilterQuery::parse("zzz");
    let buf = draw(&app);
    let theme = Theme::default();
    assert!(styled(&buf, "Ships", theme.list_match));
    assert_eq!(app.hits_query, crate::filter::FilterQuery::parse("ships"));
    // An emptied filter marks nothing.
    app.update(Action::ClearInput);
    assert!(app.hits_query.is_empty());
    let buf = draw(&app);
    assert!(!styled(&buf, "Ships", theme.list_match));
}

#[test]
fn the_list_marks_what_the_query_matched_in_titles_and_sources_only() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('/'));
    for c in "rotterdam".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let list = areas(app.size, app.focus, false).list.unwrap();
    let buf = draw(&app);
    let theme = Theme::default();
    let marked = |buf: &Buffer, needle: &str| {
        let (x, y) = find_in(buf, list, needle).unwrap();
        let width = u16::try_from(needle.chars().count()).unwrap();
        (x..x + width)
            .filter(|&x| buf[(x, y)].modifier.contains(theme.list_match.add_modifier))
            .count()
    };
    // The title that holds the word is marked; the article that has it in
    // its body only is listed after it, unmarked.
    assert_eq!(marked(&buf, "Rotter"), 6);
    assert_eq!(marked(&buf, "Ships queue as strike"), 0);
    // A term found in a source marks the source.
    for _ in 0.."rotterdam".len() {
        press(&mut app, KeyCode::Backspace);
    }
    for c in "harbor".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let buf = draw(&app);
    assert_eq!(marked(&buf, "Harbor"), 6);
    assert_eq!(marked(&buf, "Ships queue"), 0);
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
fn the_status_bar_groups_thousands_and_tells_what_is_still_loading() {
    let mut app = App::new(ratatui::layout::Rect::new(0, 0, 120, 20));
    let status = |app: &App| {
        let buf = draw(app);
        row_text(&buf, buf.area.height - 1)
    };
    assert!(
        status(&app).contains(" 0 articles · loading…"),
        "{}",
        status(&app)
    );
    let articles = (0..1200)
        .map(|i| {
            let title = if i < 1000 {
                "Harbour dues rise"
            } else {
                "Quay closes"
            };
            crate::app::tests::article(i, title, "Wire", "Text.")
        })
        .collect();
    app.update(Update::Loaded(articles));
    app.update(Update::LoadProgress(1));
    assert!(
        status(&app).contains(" 1,200 articles · loading, 1 file read…"),
        "{}",
        status(&app)
    );
    app.update(Update::LoadFinished);
    press(&mut app, KeyCode::Char('/'));
    for c in "harbour".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    assert!(
        status(&app).contains(" 1,000 of 1,200 articles"),
        "{}",
        status(&app)
    );
}

#[test]
fn the_status_bar_counts_the_urls_fetched_and_a_failed_one_in_the_error_style() {
    let mut app = App::new(ratatui::layout::Rect::new(0, 0, 120, 20));
    let status = |app: &App| {
        let buf = draw(app);
        row_text(&buf, buf.area.height - 1)
    };
    app.update(Update::Fetching { done: 0, total: 12 });
    assert!(
        status(&app).contains(" 0 articles · fetching: 0 of 12 URLs done…"),
        "{}",
        status(&app)
    );
    app.update(Update::Fetching { done: 3, total: 12 });
    app.update(Update::LoadIssue(crate::loader::LoadIssue {
        origin: crate::article::Origin::file("https://news.example/gone.xml"),
        severity: crate::loader::Severity::Error,
        message: "404 Not Found".into(),
    }));
    let buf = draw(&app);
    assert!(
        row_text(&buf, buf.area.height - 1).contains("fetching: 3 of 12 URLs done…"),
        "{}",
        status(&app)
    );
    let at = find(&buf, "1 file skipped (m)").unwrap();
    assert_eq!(buf[at].style().fg, Theme::default().status_error.fg);
    app.update(Update::Fetching {
        done: 12,
        total: 12,
    });
    assert!(status(&app).contains("loading…"), "{}", status(&app));
    app.update(Update::LoadFinished);
    assert!(!status(&app).contains("fetching"), "{}", status(&app));
    press(&mut app, KeyCode::Char('m'));
    let buf = draw(&app);
    assert!(
        find(
            &buf,
            "https://news.example/gone.xml: skipped: 404 Not Found"
        )
        .is_some()
    );
}

#[test]
fn the_help_lists_keys_and_the_legend_in_its_styles() {
    // No articles, so the examples are only in the legend.
    let mut app = App::new(ratatui::layout::Rect::new(0, 0, 100, 150));
    app.update(Update::LoadFinished);
    press(&mut app, KeyCode::Char('?'));
    let buf = draw(&app);
    let theme = Theme::default();
    assert!(find(&buf, "next, previous article").is_some());
    assert!(find(&buf, "source picker").is_some());
    assert!(find(&buf, "person:blair").is_some());
    for kind in EntityKind::ALL {
        let (text, _) = legend::example(kind);
        assert!(
            styled(&buf, text, theme.entity(kind)),
            "legend for {kind:?}"
        );
        let tag = format!(" {} ", legend::tag(kind));
        assert!(styled(&buf, &tag, theme.tag(kind)), "tag of {kind:?}");
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

// Sources and the legend.

#[test]
fn the_grouped_list_has_a_header_per_source_with_count_and_dates() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('s'));
    let buf = draw(&app);
    let theme = Theme::default();
    let list = areas(app.size, app.focus, false).list.unwrap();
    let header = row_text(&buf, 1);
    assert!(
        header.starts_with("│Northline Wire ──"),
        "the header fills the row: {header}"
    );
    assert!(
        header.contains("── 2 articles · 2026-11-01 – 2026-11-05│"),
        "{header}"
    );
    assert!(styled_in(&buf, list, "Northline Wire", theme.group_header));
    assert!(styled_in(
        &buf,
        list,
        "2 articles · 2026-11-01",
        theme.group_meta
    ));
    assert!(!styled_in(
        &buf,
        list,
        "Northline Wire",
        theme.list_selected
    ));
    // Articles under it, the first selected, without the source column.
    let first = row_text(&buf, 2);
    assert!(first.starts_with("│▌Port strike begins"), "{first}");
    assert!(first.contains("2026-11-01"), "{first}");
    assert!(!first[..first.find('│').unwrap() + 60].contains("Northline"));
    assert!(styled_in(
        &buf,
        list,
        "Port strike begins",
        theme.list_selected
    ));
    assert!(row_text(&buf, 3).starts_with("│ Rates cut"));
    assert!(row_text(&buf, 4).starts_with("│Meridian Post ──"));
    assert!(row_text(&buf, 10).starts_with("│The Harbor Ledger ──"));
    assert!(row_text(&buf, 10).contains("── 1 article · 1 unread · 2026-11-07│"));
    let status = row_text(&buf, buf.area.height - 1);
    assert!(status.contains("7 articles in 4 sources"), "{status}");
}

#[test]
fn a_filtered_group_counts_what_it_shows_of_the_source() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('/'));
    for c in "rates".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let buf = draw(&app);
    let header = row_text(&buf, 1);
    assert!(header.starts_with("│Northline Wire ──"), "{header}");
    assert!(
        header.contains(" 1 of 2 articles · 2 unread · 2026-11-05│"),
        "{header}"
    );
    assert!(row_text(&buf, 2).starts_with("│▌Rates cut"));
}

#[test]
fn narrow_lists_drop_the_dates_then_the_count_from_headers() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('s'));
    let theme = Theme::default();
    let wide = list::header_line(&app, 0, 60, &theme).unwrap();
    assert_eq!(wide.width(), 60);
    let mid = list::header_line(&app, 0, 30, &theme).unwrap();
    assert_eq!(mid.to_string(), "Northline Wire ──── 2 articles");
    let tight = list::header_line(&app, 0, 12, &theme).unwrap();
    assert_eq!(tight.to_string(), "Northline W…");
}

#[test]
fn the_picker_lists_sources_with_counts_and_marks_what_matched() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('S'));
    for c in "post".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let buf = draw(&app);
    let theme = Theme::default();
    let popup = picker::area(app.size, app.sources.len());
    assert!(find_in(&buf, popup, "Sources 1/4").is_some());
    assert!(find_in(&buf, popup, "Source: post").is_some());
    let (_, y) = find_in(&buf, popup, "Meridian Post").expect("the match is listed");
    let row = row_text(&buf, y);
    assert!(row.contains("2 articles  2026-11-02 – 2026-11-04"), "{row}");
    assert!(styled_in(&buf, popup, "Meridian", theme.list_selected));
    assert!(styled_in(&buf, popup, "Post", theme.list_match));
    assert!(find_in(&buf, popup, "Valley Courier").is_none());
    assert!(find_in(&buf, popup, "Ctrl-f filter").is_some());
    // Nothing typed: every source, by name.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('S'));
    let buf = draw(&app);
    let names: Vec<&str> = [
        "Meridian Post",
        "Northline Wire",
        "The Harbor Ledger",
        "Valley Courier",
    ]
    .into_iter()
    .collect();
    let rows: Vec<u16> = names
        .iter()
        .map(|n| find_in(&buf, popup, n).expect(n).1)
        .collect();
    assert!(rows.windows(2).all(|w| w[0] < w[1]), "{rows:?}");
    assert!(styled_in(
        &buf,
        popup,
        "Northline Wire",
        theme.list_selected
    ));
}

#[test]
fn the_picker_shows_each_sources_feed_tags_in_the_meta_style() {
    let mut app = App::new(ratatui::layout::Rect::new(0, 0, 120, 40));
    let tagged = |i: usize, source: &str, tags: &[&str]| {
        let mut a = (*crate::app::tests::article(i, "Budget vote", source, "Text.")).clone();
        a.tags = tags.iter().map(|t| (*t).to_owned()).collect();
        std::sync::Arc::new(a)
    };
    app.update(Update::Loaded(vec![
        tagged(0, "Hill Desk", &["politics"]),
        tagged(1, "Hill Desk", &["us", "politics"]),
        tagged(2, "Coast Wire", &[]),
    ]));
    app.update(Update::LoadFinished);
    press(&mut app, KeyCode::Char('S'));
    let buf = draw(&app);
    let popup = picker::area(app.size, app.sources.len());
    let (_, y) = find_in(&buf, popup, "Hill Desk").unwrap();
    let row = row_text(&buf, y);
    assert!(row.contains("Hill Desk  #politics  #us"), "{row}");
    let (_, y) = find_in(&buf, popup, "Coast Wire").unwrap();
    assert!(!row_text(&buf, y).contains('#'));
    // the selected row (the open article's source) in its style, the
    // others' tags in the meta style
    let theme = Theme::default();
    assert!(row.contains("▌Hill Desk"), "{row}");
    assert!(styled_in(&buf, popup, "#politics", theme.list_selected));
    press(&mut app, KeyCode::Up);
    let buf = draw(&app);
    assert!(styled_in(&buf, popup, "#politics", theme.list_meta));
}

#[test]
fn the_legend_labels_each_kind_and_crosses_out_the_ones_switched_off() {
    let mut app = App::new(ratatui::layout::Rect::new(0, 0, 120, 40));
    app.update(Update::LoadFinished);
    press(&mut app, KeyCode::Char('L'));
    press(&mut app, KeyCode::Char('3'));
    let buf = draw(&app);
    let theme = Theme::new(app.colors, app.shown);
    for kind in EntityKind::ALL {
        let (text, _) = legend::example(kind);
        let tag = format!(" {} ", legend::tag(kind));
        let (text_style, tag_style) = if kind == EntityKind::Place {
            (theme.legend_off, theme.legend_off)
        } else {
            (theme.entity(kind), theme.tag(kind))
        };
        assert!(styled(&buf, text, text_style), "{kind:?}");
        assert!(styled(&buf, &tag, tag_style), "{kind:?} tag");
        // displaCy style: the tag right after the example.
        let (x, y) = find(&buf, text).unwrap();
        assert_eq!(find(&buf, &format!("{text}{tag}")), Some((x, y)));
    }
    assert!(find(&buf, "3 · Rotterdam").is_some());
    assert!(find(&buf, "1 ✓ Anneke Verhoeven").is_some());
    assert!(styled(
        &buf,
        "Rotterdam",
        Style::new().add_modifier(Modifier::CROSSED_OUT)
    ));
    assert!(find(&buf, "Drawn in colour").is_some());
    assert!(row_text(&buf, 39).contains("not highlighted: place"));
}

fn strike_app() -> App {
    let mut app = App::new(ratatui::layout::Rect::new(0, 0, 140, 30));
    app.update(Update::Loaded(vec![article(
        0,
        "Port strike",
        "Northline Wire",
        "Union leader Anneke Verhoeven told Reuters in Rotterdam on Monday that 1,250 Dutch dock workers would stay out.",
    )]));
    app
}

#[test]
fn a_kind_switched_off_reads_as_plain_text() {
    let mut app = strike_app();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('6'));
    let buf = draw(&app);
    let theme = Theme::default();
    let reader = areas(app.size, app.focus, false).reader.unwrap();
    for word in ["Rotterdam", "Monday"] {
        let (x, y) = find_in(&buf, reader, word).unwrap();
        let cell = &buf[(x, y)];
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{word}");
        assert_eq!(cell.modifier, Modifier::empty(), "{word}");
    }
    assert!(styled_in(&buf, reader, "Anneke Verhoeven", theme.person));
    assert!(styled_in(&buf, reader, "1,250", theme.number));
    press(&mut app, KeyCode::Char('3'));
    let buf = draw(&app);
    assert!(styled_in(&buf, reader, "Rotterdam", theme.place));
}

#[test]
fn without_colour_nothing_is_coloured_and_kinds_differ_by_modifiers() {
    let mut app = strike_app();
    press(&mut app, KeyCode::Char('C'));
    let buf = draw(&app);
    for cell in &buf.content {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    let reader = areas(app.size, app.focus, false).reader.unwrap();
    let mut seen = Vec::new();
    for text in [
        "Anneke Verhoeven",
        "Reuters",
        "Rotterdam",
        "Dutch",
        "1,250",
        "Monday",
    ] {
        let (x, y) = find_in(&buf, reader, text).unwrap();
        let modifier = buf[(x, y)].modifier;
        assert!(!modifier.is_empty(), "{text} is marked");
        assert!(!seen.contains(&modifier), "{text} looks like another kind");
        seen.push(modifier);
    }
    // The selected row is reversed instead of coloured.
    let list = areas(app.size, app.focus, false).list.unwrap();
    let (x, y) = find_in(&buf, list, "Port strike").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

// Layout and text helpers.
#[test]
fn wide_terminals_show_both_panes_narrow_ones_one() {
    let wide = areas(Rect::new(0, 0, 120, 40), Focus::List, false);
    assert!(wide.list.is_some() && wide.reader.is_some());
    assert_eq!(wide.status.y, 39);
    assert_eq!(wide.bar.y, 38);
    let narrow = areas(Rect::new(0, 0, 60, 20), Focus::Reader, false);
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

mod navigation;

#[test]
fn unread_titles_are_bold_read_ones_plain_and_starred_ones_have_a_star() {
    let mut app = loaded_app();
    // Read the second article and star the third; select the fourth.
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('u'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('*'));
    press(&mut app, KeyCode::Char('j'));
    let buf = draw(&app);
    let theme = Theme::default();
    let bold = Style::new().add_modifier(Modifier::BOLD);
    assert!(styled(&buf, "Dock workers strike", bold), "unread");
    let (x, y) = find(&buf, "Reservoirs fall").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::BOLD), "read");
    let (_, y) = find(&buf, "★").expect("a star");
    let row = row_text(&buf, y);
    assert!(
        row.contains("Central bank holds rates at … ★ Meridian Post"),
        "{row}"
    );
    assert!(styled(&buf, "★", theme.list_star));
    assert_eq!(
        (0..4)
            .map(|i| row_text(&buf, i + 1).matches('★').count())
            .sum::<usize>(),
        1
    );
    // Without colour the unread ones are still bold.
    app.update(Action::CycleColors);
    let buf = draw(&app);
    let (x, y) = find(&buf, "Dock workers strike").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(x, y)].fg, Color::Reset);
    let (x, y) = find(&buf, "Reservoirs fall").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn the_configs_palette_colours_the_reader_and_the_list() {
    use crate::config::theme::{Element, Palette};
    let mut app = App::new(ratatui::layout::Rect::new(0, 0, 140, 30));
    app.update(Update::Loaded(vec![article(
        0,
        "Dock workers strike",
        "Northline Wire",
        "Union leader Anneke Verhoeven told Reuters in Rotterdam on Monday that 1,250 Dutch dock workers would stay out.",
    )]));
    let mut palette = Palette::default();
    let person = Style::new()
        .fg(Color::Indexed(208))
        .add_modifier(Modifier::UNDERLINED);
    palette.set(Element::Person, person);
    palette.set(
        Element::ListSelected,
        Style::new().fg(Color::Black).bg(Color::Green),
    );
    app.palette = palette;
    let buf = draw(&app);
    assert!(styled(&buf, "Anneke Verhoeven", person));
    let selected = Style::new().fg(Color::Black).bg(Color::Green);
    assert!(styled(&buf, "Dock workers strike", selected));
    // Without colour the kind keeps its modifiers' distinction, not the colour.
    app.update(Action::CycleColors);
    let buf = draw(&app);
    let (x, y) = find(&buf, "Anneke Verhoeven").unwrap();
    assert_eq!(buf[(x, y)].fg, Color::Reset);
}
mod figures;
mod prefs;
mod stories;
mod story;
