//! The list as stories: headers with headline, sources and dates; copies
//! marked; the source kept on every row.

use super::*;
use crate::app::tests::stories::story_app;

#[test]
fn story_headers_give_headline_sources_and_dates_and_copies_are_marked() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('t'));
    let buf = draw(&app);
    let theme = Theme::default();
    let list = areas(app.size, app.focus, false).list.unwrap();
    let header = row_text(&buf, 1);
    // The headline is the best-linked article's title that is not a copy
    // (the copy is as well linked as its original), cut to leave room for
    // the rest.
    assert!(header.starts_with("│Rotterdam dockworke… ─"), "{header}");
    assert!(
        header.contains("─ 5 sources · 2026-11-16 – 2026-11-21│"),
        "{header}"
    );
    assert!(styled_in(
        &buf,
        list,
        "5 sources · 2026-11-16",
        theme.group_meta
    ));
    assert!(styled_in(
        &buf,
        list,
        "Rotterdam dockworke…",
        theme.group_header
    ));
    // The articles keep their source column.
    let first = row_text(&buf, 2);
    assert!(first.starts_with("│▌Rotterdam dockworkers"), "{first}");
    assert!(first.contains("Northline Wire"), "{first}");
    // The copy: `≈` in its own style, then its title.
    let copy = row_text(&buf, 6);
    assert!(
        copy.starts_with("│ ≈ Dock strike halts Rotterdam"),
        "{copy}"
    );
    assert!(copy.contains("Coastal Daily"), "{copy}");
    assert!(styled_in(&buf, list, "≈", theme.copy_mark));
    assert!(!styled_in(&buf, list, "Dock strike halts", theme.copy_mark));
    // Stories newest first: next, a story of one article (one source, one
    // date) from after the two-source election story.
    let single = row_text(&buf, 7);
    assert!(single.contains("─ 1 source · 2026-11-14│"), "{single}");
    let status = row_text(&buf, buf.area.height - 1);
    assert!(status.contains("13 articles in 8 stories"), "{status}");
}

#[test]
fn without_colour_the_copy_mark_is_bold() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Char('C'));
    let buf = draw(&app);
    let (x, y) = find(&buf, "≈").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(x, y)].fg, Color::Reset);
}
