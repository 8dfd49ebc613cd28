//! The story view: articles under their source and date, what only one
//! source says and the figures that disagree in their own styles.

use super::*;
use crate::app::tests::stories::story_app;

fn story_screen() -> (App, Buffer) {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('T'));
    let buf = draw(&app);
    (app, buf)
}

#[test]
fn the_story_view_titles_its_story_and_heads_each_article() {
    let (app, buf) = story_screen();
    let theme = Theme::default();
    let area = crate::ui::story::area(app.size);
    let title = row_text(&buf, area.y);
    assert!(
        title.contains(" Story · 5 sources · 2026-11-16 – 2026-11-21 · Rotterdam dockworkers"),
        "{title}"
    );
    let key = row_text(&buf, area.y + 1);
    assert!(
        key.contains("only this source · its names and figures · ≠ disagrees"),
        "{key}"
    );
    assert!(styled_in(&buf, area, "only this source", theme.addition));
    assert!(styled_in(&buf, area, "≠ disagrees", theme.disagree));
    let first = row_text(&buf, area.y + 2);
    assert!(first.contains("━━ Northline Wire · 2026-11-16"), "{first}");
    assert!(styled_in(
        &buf,
        area,
        "━━ Northline Wire",
        theme.group_header
    ));
    assert!(styled_in(
        &buf,
        area,
        "Rotterdam dockworkers strike over pay",
        theme.reader_title
    ));
}

#[test]
fn what_only_one_source_says_and_disagreeing_figures_are_styled() {
    let (app, buf) = story_screen();
    let theme = Theme::default();
    let area = crate::ui::story::area(app.size);
    let text = Rect {
        y: area.y + 2,
        height: area.height - 3,
        ..area
    };
    // 3,800 dockworkers: Meridian Post says 4,600.
    assert!(styled_in(&buf, text, "3,800", theme.disagree));
    // Some stretch of the first article is only its own.
    let view = app.story.as_ref().unwrap();
    let only: Vec<&str> = view.lines[..usize::from(text.height)]
        .iter()
        .flat_map(|l| l.pieces.iter())
        .filter(|(t, m)| *m == crate::app::story::Mark::OnlyHere && t.len() > 3)
        .map(|(t, _)| t.as_str())
        .collect();
    assert!(!only.is_empty());
    assert!(
        only.iter()
            .any(|t| styled_in(&buf, text, t, theme.only_here)),
        "{only:?}"
    );
}

#[test]
fn without_colour_the_marks_differ_by_modifiers() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('C'));
    press(&mut app, KeyCode::Char('T'));
    let buf = draw(&app);
    let (x, y) = find(&buf, "only this source").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    assert_eq!(buf[(x, y)].fg, Color::Reset);
    let (x, y) = find(&buf, "≠ disagrees").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn hostile_text_reaches_neither_the_figures_nor_the_story_as_control_sequences() {
    let body = |n: &str| {
        format!(
            "Dockworkers led by Anneke Verhoeven \u{1b}[2J walked out in Rotterdam, and \
             {n} ships\u{1b}]0;pwned\u{7} waited at anchor, the Maas Harbour Board said \
             on Monday. Rotterdam Terminal Operators offered 3.5%\u{9b}c and \u{202e}1,250 euros."
        )
    };
    let articles = vec![
        crate::app::tests::article(0, "Strike \u{1b}[31m", "Wire\u{1b}[2J", &body("27")),
        crate::app::tests::article(1, "Ships \u{7}wait", "Post\u{9b}", &body("41")),
    ];
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(articles.clone()));
    app.update(Update::StoriesGrouped(
        crate::app::tests::stories::story_table(&articles),
    ));
    press(&mut app, KeyCode::Char('F'));
    let buf = draw(&app);
    super::assert_only_safe_cells(&buf);
    assert!(find(&buf, "␛[2J").is_some());
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('T'));
    assert!(app.story.is_some());
    let buf = draw(&app);
    super::assert_only_safe_cells(&buf);
    assert!(find(&buf, "━━ Wire␛[2J").is_some());
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('e'));
    super::assert_only_safe_cells(&draw(&app));
}

#[test]
fn a_wide_terminal_shows_the_articles_side_by_side() {
    let mut app = story_app();
    app.update(Action::Resize(170, 40));
    press(&mut app, KeyCode::Char('T'));
    let buf = draw(&app);
    let theme = Theme::default();
    let area = crate::ui::story::area(app.size);
    let first = row_text(&buf, area.y + 2);
    assert!(first.contains("━━ Northline Wire · 2026-11-16"), "{first}");
    assert!(
        first.contains(" │ ━━ Coastal Daily · 2026-11-17"),
        "{first}"
    );
    assert!(styled_in(
        &buf,
        area,
        "━━ Coastal Daily",
        theme.group_header
    ));
    // Back to 120 columns: one after the other.
    app.update(Action::Resize(120, 40));
    let buf = draw(&app);
    let first = row_text(&buf, crate::ui::story::area(app.size).y + 2);
    assert!(!first.contains("Coastal Daily"), "{first}");
}
