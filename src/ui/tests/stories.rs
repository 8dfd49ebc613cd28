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

#[test]
fn the_entity_index_profiles_the_highlighted_name_with_a_sparkline() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('e'));
    for c in "verhoeven".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    let buf = draw(&app);
    let theme = Theme::default();
    let list = app.entity_list.as_ref().unwrap();
    assert_eq!(list.current_name(), Some("Anneke Verhoeven"));
    let profile = list.profile.as_ref().unwrap();
    assert!(profile.sources.len() >= 3, "{:?}", profile.sources);
    let area = crate::ui::entity_list::area(app.size);
    let sources = row_text(&buf, area.bottom() - 5);
    assert!(
        sources.contains(" In The Harbor Ledger 3 · Coastal Daily 2 · "),
        "{sources}"
    );
    let caption = row_text(&buf, area.bottom() - 4);
    assert!(
        caption.contains("Mentions per day, 2026-10-12 – 2026-11-21 (a bar a day, highest 3)"),
        "{caption}"
    );
    // Bars on the strike's days, in the sparkline's style; none before.
    let bars: String = (area.x..area.right())
        .map(|x| buf[(x, area.bottom() - 2)].symbol().to_string())
        .collect();
    assert!(bars.contains('█'), "{bars}");
    let (x, y) = find_in(
        &buf,
        Rect {
            y: area.bottom() - 2,
            height: 1,
            ..area
        },
        "█",
    )
    .unwrap();
    assert_eq!(buf[(x, y)].fg, theme.sparkline.fg.unwrap());
    assert!(x > area.x + 20, "the strike is late in the corpus's dates");
}
