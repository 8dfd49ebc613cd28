//! State tests for moving between names: the reader's cursor, the mentions
//! pane, the history, the outline and the entity index.

use super::*;

/// Three sources naming the same people, and one article naming no one
/// else's.
pub(crate) fn xref_articles() -> Vec<Arc<Article>> {
    vec![
        article(
            0,
            "Dock workers strike in Rotterdam",
            "Northline Wire",
            "Union chief Anneke Verhoeven said 3,800 workers walked out in Rotterdam. \
             Havenbond wants 8% more. Verhoeven said the strike would last 48 hours.",
        ),
        article(
            1,
            "Reservoirs fall in Spain",
            "Valley Courier",
            "Reservoirs in Andalusia held 33 per cent of capacity on Tuesday.",
        ),
        article(
            2,
            "Ships queue off the port",
            "Meridian Post",
            "More than 60 ships waited off Rotterdam. Anneke Verhoeven, the union's chair, \
             said members backed the strike.",
        ),
        article(
            3,
            "Strike ends with a deal",
            "The Harbor Ledger",
            "The Havenbond union and the employers agreed a 5.8% raise, Ms. Verhoeven said.",
        ),
    ]
}

pub(crate) fn xref_app() -> App {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(xref_articles()));
    app.update(Update::LoadFinished);
    app
}

fn cursor_text(app: &App) -> String {
    let view = app.reader.as_ref().expect("a reader");
    let range = view.cursor.clone().expect("a cursor");
    view.article.body[range].to_string()
}

#[test]
fn brackets_move_a_cursor_over_names_and_numbers() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.focus, Focus::Reader, "the reader takes the cursor keys");
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(cursor_text(&app), "3,800");
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(cursor_text(&app), "Rotterdam");
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
    // At the first one, `[` stays.
    press(&mut app, KeyCode::Char('['));
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
}

#[test]
fn the_cursor_skips_kinds_switched_off() {
    let mut app = xref_app();
    press(&mut app, KeyCode::Char('5'));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(cursor_text(&app), "Rotterdam", "3,800 is a number: off");
}

#[test]
fn the_view_scrolls_to_keep_the_cursor_on_screen() {
    let mut app = App::new(Rect::new(0, 0, 100, 10));
    let body = "Nothing of note happened here today.\n\n".repeat(30)
        + "Anneke Verhoeven spoke in Rotterdam.";
    app.update(Update::Loaded(vec![article(
        0,
        "T",
        "Northline Wire",
        &body,
    )]));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
    let height = app.reader_height();
    let view = app.reader.as_ref().unwrap();
    let line = view.line_of(view.cursor.as_ref().unwrap().start);
    assert!(
        view.scroll <= line && line < view.scroll + height,
        "line {line} is on screen from {} ({height} rows)",
        view.scroll
    );
    // Back up to the top: `[` from a cursor scrolled off starts from the
    // screen, and the title stays where it is.
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.reader.as_ref().unwrap().scroll, 0);
}

#[test]
fn the_cursor_crosses_the_chunks_of_a_long_article() {
    let mut app = App::new(Rect::new(0, 0, 120, 30));
    let filler = "the quiet harbour waited as the tide came and went again. ".repeat(12_000);
    let body = format!("{filler}\n\nAnneke Verhoeven spoke.\n\n{filler}\n\nHavenbond agreed.");
    assert!(body.len() > 3 * reader::CHUNK_BYTES);
    app.update(Update::Loaded(vec![article(
        0,
        "Long",
        "Northline Wire",
        &body,
    )]));
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
    press(&mut app, KeyCode::Char(']'));
    // Far past the chunks on screen and not laid out yet: found, and the
    // view follows once idle ticks lay it out.
    let mut ticks = 0;
    while app.busy() && ticks < 200 {
        app.update(Action::Tick);
        ticks += 1;
    }
    assert_eq!(cursor_text(&app), "Havenbond");
    let height = app.reader_height();
    let view = app.reader.as_ref().unwrap();
    let line = view.line_of(view.cursor.as_ref().unwrap().start);
    assert!(view.scroll <= line && line < view.scroll + height);
    press(&mut app, KeyCode::Char('['));
    assert_eq!(cursor_text(&app), "Anneke Verhoeven");
}
