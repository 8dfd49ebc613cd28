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
    let reader = areas(app.size, app.focus).reader.unwrap();
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
    let reader = areas(app.size, app.focus).reader.unwrap();
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
