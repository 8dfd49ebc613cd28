//! Rendering tests for moving between names: the cursor, the mentions
//! pane, the outline and the entity index.

use super::*;
use crate::app::tests::navigation::xref_app;
use crate::ui::theme::ColorMode;

#[test]
fn the_cursor_is_drawn_over_its_name_and_marked_in_the_margin() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char(']'));
    let buf = draw(&app);
    let theme = Theme::default();
    let reader = areas(app.size, app.focus, false).reader.unwrap();
    assert!(styled_in(&buf, reader, "Anneke Verhoeven", theme.cursor));
    // The next name keeps its own style, not the cursor's.
    assert!(styled_in(
        &buf,
        reader,
        "3,800",
        theme.entity(EntityKind::Number)
    ));
    assert!(!styled_in(&buf, reader, "3,800", theme.cursor));
    let (_, y) = find_in(&buf, reader, "Anneke Verhoeven").unwrap();
    let inner = reader::inner(reader);
    assert_eq!(buf[(inner.x - 1, y)].symbol(), reader::CURSOR_MARK);
    assert_eq!(buf[(inner.x - 1, y + 1)].symbol(), " ");
}

#[test]
fn without_colour_the_cursor_is_told_apart_by_its_modifiers() {
    let mut app = xref_app();
    app.colors = ColorMode::Mono;
    press(&mut app, KeyCode::Char(']'));
    let buf = draw(&app);
    let theme = Theme::new(ColorMode::Mono, app.shown);
    let reader = areas(app.size, app.focus, false).reader.unwrap();
    let (x, y) = find_in(&buf, reader, "Anneke").unwrap();
    let cell = &buf[(x, y)];
    assert_eq!(cell.fg, Color::Reset);
    assert!(cell.modifier.contains(theme.cursor.add_modifier));
    // Every other mark of the reader differs from it.
    for other in [
        theme.find_match,
        theme.find_current,
        theme.filter_match,
        theme.person,
    ] {
        assert_ne!(other.add_modifier, theme.cursor.add_modifier);
    }
}

#[test]
fn the_mentions_pane_groups_by_source_and_marks_each_mention_in_its_sentence() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Enter);
    let buf = draw(&app);
    let theme = Theme::default();
    let popup = mentions::area(app.size);
    assert!(
        find_in(
            &buf,
            popup,
            "Anneke Verhoeven · person · 4 mentions in 3 articles, 3 sources"
        )
        .is_some()
    );
    // A header per source, in the group style, with its counts.
    assert!(styled_in(&buf, popup, "Northline Wire", theme.group_header));
    assert!(find_in(&buf, popup, "2 mentions in 1 article").is_some());
    assert!(styled_in(
        &buf,
        popup,
        "The Harbor Ledger",
        theme.group_header
    ));
    // Each mention: date, title, the sentence with the name marked.
    let (_, y) = find_in(&buf, popup, "Strike ends with a deal").unwrap();
    let row = row_text(&buf, y);
    assert!(row.contains("2026-11-04"), "{row}");
    assert!(row.contains("5.8% raise, Ms. Verhoeven said."), "{row}");
    let area = Rect::new(popup.x, y, popup.width, 1);
    assert!(styled_in(&buf, area, "Verhoeven", theme.cursor));
    assert!(!styled_in(&buf, area, "raise", theme.cursor));
    // The highlighted row is the mention the cursor was on.
    let (_, y) = find_in(&buf, popup, "▌").unwrap();
    assert!(row_text(&buf, y).contains("Union chief Anneke Verhoeven said"));
    assert_eq!(buf[(popup.x + 2, y)].bg, theme.list_selected.bg.unwrap());
}

#[test]
fn a_mention_far_into_a_long_sentence_still_shows() {
    let mut app = App::new(Rect::new(0, 0, 90, 20));
    let body = format!(
        "{} and at the very end of it Anneke Verhoeven spoke.",
        "the talks went on and on through the night ".repeat(10)
    );
    app.update(Update::Loaded(vec![article(
        0,
        "T",
        "Northline Wire",
        &body,
    )]));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Enter);
    let buf = draw(&app);
    let popup = mentions::area(app.size);
    let (_, y) = find_in(&buf, popup, "Anneke Verhoeven spoke.").unwrap();
    assert!(row_text(&buf, y).contains('…'), "cut on the left");
}

#[test]
fn the_outline_lists_each_kind_under_a_heading_with_counts_in_the_kind_style() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Char('j'));
    let buf = draw(&app);
    let theme = Theme::default();
    let area = areas(app.size, app.focus, true).outline.unwrap();
    assert!(find_in(&buf, area, "Outline").is_some());
    assert_eq!(buf[(area.x, area.y)].fg, theme.border_focused.fg.unwrap());
    for heading in ["People", "Places", "Figures"] {
        assert!(
            styled_in(&buf, area, heading, theme.group_header),
            "{heading}"
        );
    }
    // Unselected: the kind's own style, the count after it.
    let (_, y) = find_in(&buf, area, "Anneke Verhoeven").unwrap();
    assert!(row_text(&buf, y).trim_end().ends_with("2│"));
    assert!(styled_in(
        &buf,
        area,
        "Anneke Verhoeven",
        theme.entity(EntityKind::Person)
    ));
    assert!(styled_in(
        &buf,
        area,
        "3,800",
        theme.entity(EntityKind::Number)
    ));
    // The highlighted entry (the second row of entries) is in the list's
    // selection style.
    let selected = app
        .outline
        .as_ref()
        .unwrap()
        .current()
        .unwrap()
        .label
        .clone();
    assert!(styled_in(&buf, area, &selected, theme.list_selected));
    // Picking it: the reader's border names it with the count.
    press(&mut app, KeyCode::Enter);
    let buf = draw(&app);
    let reader = areas(app.size, app.focus, true).reader.unwrap();
    assert!(
        find_in(&buf, reader, &format!("{selected} 1/")).is_some(),
        "{}",
        row_text(&buf, reader.bottom() - 1)
    );
}

#[test]
fn the_entity_index_shows_columns_in_kind_styles_with_the_sorted_one_marked() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char('e'));
    let buf = draw(&app);
    let theme = Theme::default();
    let popup = entity_list::area(app.size);
    assert!(find_in(&buf, popup, "Entities").is_some());
    assert!(find_in(&buf, popup, "by mentions").is_some());
    assert!(styled_in(&buf, popup, "Mentions ▼", theme.group_header));
    assert!(styled_in(&buf, popup, "Articles", theme.list_meta));
    // The top entity is highlighted; the others in their kind's style.
    let (_, y) = find_in(&buf, popup, "Anneke Verhoeven").unwrap();
    let row: String = (popup.x + 1..popup.right() - 1)
        .map(|x| buf[(x, y)].symbol())
        .collect();
    assert!(row.contains("person"), "{row}");
    let counts: Vec<&str> = row.split_whitespace().rev().take(3).collect();
    assert_eq!(counts, ["3", "3", "4"], "{row}");
    assert!(styled_in(
        &buf,
        popup,
        "Anneke Verhoeven",
        theme.list_selected
    ));
    assert!(styled_in(
        &buf,
        popup,
        "Andalusia",
        theme.entity(EntityKind::Place)
    ));
    // Typed letters are marked in the names.
    for c in "adls".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    press(&mut app, KeyCode::Tab);
    let buf = draw(&app);
    assert!(find_in(&buf, popup, "Mentions ▼").is_none());
    assert!(find_in(&buf, popup, "Articles ▼").is_some());
    let (x, y) = find_in(&buf, popup, "Andalusia").unwrap();
    assert!(buf[(x, y)].modifier.contains(theme.list_match.add_modifier));
}

#[test]
fn every_new_pane_draws_at_any_size_without_panic() {
    let sizes = [
        (1, 1),
        (2, 3),
        (10, 4),
        (30, 6),
        (79, 12),
        (80, 5),
        (200, 60),
    ];
    let open: [&[KeyCode]; 4] = [
        &[KeyCode::Char(']'), KeyCode::Char(']')],
        &[KeyCode::Char(']'), KeyCode::Enter],
        &[KeyCode::Char('o'), KeyCode::Char('j'), KeyCode::Enter],
        &[KeyCode::Char('e'), KeyCode::Char('a'), KeyCode::Tab],
    ];
    for (w, h) in sizes {
        for keys in open {
            let mut app = xref_app();
            app.update(Action::Resize(w, h));
            for &k in keys {
                press(&mut app, k);
            }
            let _ = draw(&app);
            // Moving, paging and resizing with the pane open.
            for k in [KeyCode::Down, KeyCode::PageDown, KeyCode::Up, KeyCode::End] {
                press(&mut app, k);
            }
            app.update(Action::Resize(h, w));
            let _ = draw(&app);
        }
    }
}
