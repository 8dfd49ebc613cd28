//! The config's `[layout]` on screen: the list's width, the reader's widest
//! line, the list's date format.

use super::*;
use crate::app::tests::sourced_app;
use crate::config::{Layout, ListWidth};

fn app_with(layout: Layout, width: u16, body: &str) -> App {
    let mut app = App::new(Rect::new(0, 0, width, 30));
    app.layout = layout;
    app.update(Update::Loaded(vec![
        article(
            0,
            "Dock workers strike in Rotterdam",
            "Northline Wire",
            body,
        ),
        article(1, "Reservoirs fall to a third", "Valley Courier", "Dry."),
    ]));
    app.update(Update::LoadFinished);
    app
}

/// The widest run of text on the rows of `area`, in cells from its first
/// non-blank to its last.
fn widest_text(buf: &Buffer, area: Rect) -> usize {
    (area.top()..area.bottom())
        .map(|y| {
            let cells: Vec<&str> = (area.left()..area.right())
                .map(|x| buf[(x, y)].symbol())
                .collect();
            let first = cells.iter().position(|s| !s.trim().is_empty());
            let last = cells.iter().rposition(|s| !s.trim().is_empty());
            match (first, last) {
                (Some(a), Some(b)) => b - a + 1,
                _ => 0,
            }
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn the_list_is_as_wide_as_the_config_says() {
    let theme = Theme::default();
    for (width, expected) in [
        (ListWidth::Columns(40), 40),
        (ListWidth::Percent(25), 30),
        (ListWidth::Auto, 60),
        // Never so wide that the reader goes.
        (ListWidth::Columns(500), 120 - MIN_READER_WIDTH),
    ] {
        let layout = Layout {
            list_width: width,
            ..Layout::default()
        };
        let app = app_with(layout, 120, "Dock workers walked out.");
        let buf = draw(&app);
        let right = expected - 1;
        assert_eq!(buf[(right, 0)].symbol(), "┐", "{width:?}");
        assert_eq!(buf[(right, 0)].fg, theme.border_focused.fg.unwrap());
        assert_eq!(buf[(expected, 0)].symbol(), "┌", "{width:?}");
        assert!(row_text(&buf, 0)[..].contains("Reader"));
    }
}

#[test]
fn the_reader_wraps_at_the_configs_width() {
    let body = "Dock workers walked out on Monday in Rotterdam and the port said that forty \
                ships waited at anchor while the union and the employers met again. "
        .repeat(6);
    for (cap, most) in [(Some(30), 30), (Some(100), 100), (None, 138)] {
        let layout = Layout {
            wrap_width: cap,
            list_width: ListWidth::Columns(20),
            ..Layout::default()
        };
        let mut app = app_with(layout, 160, &body);
        app.update(Action::FocusReader);
        let buf = draw(&app);
        let reader = app.areas().reader.unwrap();
        let text = super::reader::inner(reader);
        let widest = widest_text(&buf, text);
        assert!(widest <= most, "{cap:?}: {widest}");
        assert!(widest > most - 15, "{cap:?}: only {widest}");
        assert!(styled_in(
            &buf,
            text,
            "Dock workers",
            Theme::default().reader_body
        ));
    }
}

#[test]
fn the_list_writes_dates_in_the_configs_format() {
    let theme = Theme::default();
    let layout = Layout {
        date_format: "%d %b %Y".into(),
        ..Layout::default()
    };
    let app = app_with(layout, 120, "Dock workers walked out.");
    let buf = draw(&app);
    let list = app.areas().list.unwrap();
    // The first row is selected; the second is drawn in the meta style.
    assert!(find_in(&buf, list, "01 Nov 2026").is_some());
    assert!(styled_in(&buf, list, "02 Nov 2026", theme.list_meta));
    assert!(find_in(&buf, list, "2026-11-02").is_none());
    let (x, y) = find_in(&buf, list, "02 Nov 2026").unwrap();
    // Right-aligned against the border.
    assert_eq!(x + 11, list.right() - 1, "{}", row_text(&buf, y));
    // Long formats get a wider column, never past the cap; the default
    // stays ten columns.
    assert_eq!(super::list::date_width("%Y-%m-%d"), 10);
    assert_eq!(super::list::date_width("%A %e %B %Y"), 24);
    assert_eq!(
        super::list::date_text(
            chrono::NaiveDate::from_ymd_opt(2026, 9, 3).unwrap(),
            "%-d %B"
        ),
        "3 September"
    );
    // A format the date cannot fill falls back to the ISO date.
    assert_eq!(
        super::list::date_text(
            chrono::NaiveDate::from_ymd_opt(2026, 9, 3).unwrap(),
            "%H:%M"
        ),
        "2026-09-03"
    );
}

#[test]
fn source_headers_and_the_picker_count_the_unread_articles() {
    let mut app = sourced_app();
    // Read one of Meridian Post's two articles, and The Harbor Ledger's.
    for i in [3, 6] {
        app.selected = i;
        app.update(Action::ToggleRead);
    }
    app.selected = 0;
    // Wide enough for the whole header (the list is 72 columns).
    app.update(Action::Resize(160, 40));
    press(&mut app, KeyCode::Char('s'));
    let buf = draw(&app);
    let theme = Theme::default();
    let list = app.areas().list.unwrap();
    let (_, y) = find_in(&buf, list, "Meridian Post ──").unwrap();
    assert!(
        row_text(&buf, y).contains("── 2 articles · 1 unread · 2026-11-02 – 2026-11-04│"),
        "{}",
        row_text(&buf, y)
    );
    assert!(styled_in(&buf, list, "1 unread", theme.group_meta));
    // Nothing unread: no count.
    let (_, y) = find_in(&buf, list, "The Harbor Ledger ──").unwrap();
    assert!(row_text(&buf, y).contains("── 1 article · 2026-11-07│"));
    // The picker has a column of them.
    press(&mut app, KeyCode::Char('S'));
    let buf = draw(&app);
    let popup = picker::area(app.size, app.sources.len());
    let (_, y) = find_in(&buf, popup, "Meridian Post").unwrap();
    assert!(
        row_text(&buf, y).contains("2026-11-04  1 unread"),
        "{}",
        row_text(&buf, y)
    );
    assert!(styled_in(&buf, popup, "1 unread", theme.list_meta));
    let (_, y) = find_in(&buf, popup, "Northline Wire").unwrap();
    assert!(row_text(&buf, y).contains("2 unread"));
    let (_, y) = find_in(&buf, popup, "The Harbor Ledger").unwrap();
    assert!(!row_text(&buf, y).contains("unread"));
}

#[test]
fn a_notice_takes_the_place_of_the_hints_until_the_next_key() {
    let mut app = loaded_app();
    for i in 0..4 {
        app.selected = i;
        app.update(Action::ToggleRead);
    }
    press(&mut app, KeyCode::Char('.'));
    let buf = draw(&app);
    let status = row_text(&buf, buf.area.height - 1);
    assert!(
        status.trim_end().ends_with("No unread articles."),
        "{status}"
    );
    assert!(styled(&buf, "No unread articles.", Theme::default().status));
    press(&mut app, KeyCode::Char('k'));
    let buf = draw(&app);
    assert!(find(&buf, "No unread").is_none());
}

#[test]
fn the_pipe_prompt_shows_in_the_bar_with_its_hint_then_what_is_typed() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('|'));
    let buf = draw(&app);
    let theme = Theme::default();
    let bar = app.areas().bar;
    assert!(styled_in(&buf, bar, "Pipe to: ", theme.bar_label));
    assert!(styled_in(&buf, bar, "Enter for $PAGER", theme.bar_hint));
    for c in "wc -w".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let buf = draw(&app);
    assert!(styled_in(&buf, bar, "wc -w", theme.bar_text));
    assert!(find_in(&buf, bar, "$PAGER").is_none());
}

#[test]
fn remapped_keys_show_in_the_status_hints_and_head_the_help() {
    use crate::config::keys::{KeyBindings, KeySpec};
    let mut app = loaded_app();
    let (keys, _) = KeyBindings::with_overrides(&[
        ("quit", vec![KeySpec::parse("Ctrl-q").unwrap()]),
        (
            "search",
            vec![KeySpec::parse("F3").unwrap(), KeySpec::parse("/").unwrap()],
        ),
        ("group_by_source", vec![]),
    ]);
    app.keys = keys;
    let buf = draw(&app);
    let theme = Theme::default();
    let status = row_text(&buf, buf.area.height - 1);
    assert!(
        status.contains("F3 filter  Enter read  ? help  Ctrl-q quit"),
        "{status}"
    );
    assert!(!status.contains("group"), "{status}");
    assert!(styled(&buf, "Ctrl-q", theme.key));
    press(&mut app, KeyCode::Char('?'));
    let buf = draw(&app);
    let (_, y) = find(&buf, "Keys your config changes").expect("the section");
    let first = row_text(&buf, y + 1);
    assert!(
        first.contains("Ctrl-q") && first.contains("quit"),
        "{first}"
    );
    assert!(row_text(&buf, y + 2).contains("F3  /"));
    assert!(row_text(&buf, y + 3).contains("(none)"));
    assert!(styled(&buf, "(none)", theme.key));
    // Without changes there is no such section.
    let mut plain = loaded_app();
    press(&mut plain, KeyCode::Char('?'));
    assert!(find(&draw(&plain), "Keys your config").is_none());
}

#[test]
fn problems_outside_the_files_are_counted_and_listed_in_the_messages() {
    let mut app = loaded_app();
    app.update(Update::Problem(
        "config.toml:3: keys.quit: s is bound to both quit and group_by_source; it does quit"
            .into(),
    ));
    let buf = draw(&app);
    let theme = Theme::default();
    let status = row_text(&buf, buf.area.height - 1);
    assert!(status.contains("1 other problem (m)"), "{status}");
    assert!(styled(&buf, "1 other problem (m)", theme.status_warning));
    // The notice is cut to fit beside the count.
    assert!(
        status.contains(" config.toml:3: keys.quit: s is bound"),
        "{status}"
    );
    assert!(status.trim_end().ends_with('…'), "{status}");
    press(&mut app, KeyCode::Char('m'));
    let buf = draw(&app);
    assert!(find(&buf, "Messages: 1").is_some());
    assert!(find(&buf, "Every file loaded cleanly.").is_some());
    assert!(styled(
        &buf,
        "s is bound to both quit",
        theme.status_warning
    ));
}
