//! The figures pane: two lines a figure, the figure in its kind's style,
//! disagreements flagged in their own style, the sentence with the figure
//! marked.

use super::*;
use crate::app::tests::stories::story_app;

fn figures_app(typed: &str) -> App {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('F'));
    for c in typed.chars() {
        press(&mut app, KeyCode::Char(c));
    }
    app
}

#[test]
fn a_figure_row_gives_label_flag_article_and_sentence() {
    let app = figures_app("3800 northline wire");
    let buf = draw(&app);
    let theme = Theme::default();
    let area = crate::ui::figures::area(app.size);
    let title = row_text(&buf, area.y);
    assert!(title.contains(" Figures · "), "{title}");
    assert!(title.contains("by article date · 1 shown"), "{title}");
    let first = row_text(&buf, area.y + 3);
    assert!(
        first.contains("▌3,800 dockworkers ≠ 4,600 members (Meridian Post, 2026-11-18)"),
        "{first}"
    );
    assert!(
        first.contains("2026-11-16 · Northline Wire · Rotterdam"),
        "{first}"
    );
    let second = row_text(&buf, area.y + 4);
    assert!(second.contains("3,800"), "{second}");
    assert!(second.contains("dockworkers"), "{second}");
    // The highlighted row is drawn selected, its figure marked in the
    // sentence with the cursor's style.
    assert!(styled_in(
        &buf,
        area,
        "▌3,800 dockworkers",
        theme.list_selected
    ));
    let (x, y) = find_in(
        &buf,
        Rect {
            y: area.y + 4,
            height: 1,
            ..area
        },
        "3,800",
    )
    .unwrap();
    assert!(buf[(x, y)].modifier.contains(theme.cursor.add_modifier));
}

#[test]
fn unselected_figures_take_their_kind_style_and_the_flag_its_own() {
    let app = figures_app("northline wire");
    let buf = draw(&app);
    let theme = Theme::default();
    let area = crate::ui::figures::area(app.size);
    let list = Rect {
        y: area.y + 3,
        height: area.height.saturating_sub(4),
        ..area
    };
    // A number row and a date row, each in the reader's style for its kind
    // (past the first row, where 3,800 is in the highlighted sentence).
    let below_first = Rect {
        y: list.y + 2,
        height: list.height.saturating_sub(2),
        ..list
    };
    assert!(styled_in(
        &buf,
        below_first,
        "3,800 dockworkers",
        theme.number
    ));
    assert!(styled_in(&buf, list, "≠ 4,600 members", theme.disagree));
    assert!(styled_in(&buf, list, "Wednesday", theme.date));
    // The highlight is on the first row, not these.
    assert!(!styled_in(&buf, list, "Wednesday", theme.list_selected));
}

#[test]
fn nothing_matching_says_so_and_the_pane_fits_any_size() {
    let mut app = figures_app("zzzz");
    let buf = draw(&app);
    assert!(find(&buf, "No figure matches.").is_some());
    for (w, h) in [(1, 1), (10, 4), (40, 8), (200, 60)] {
        app.update(Action::Resize(w, h));
        let buf = draw(&app);
        assert_eq!(buf.area.width, w);
    }
}

#[test]
fn a_typed_word_shows_the_figures_of_its_sentences() {
    let app = figures_app("drifting meridian");
    let buf = draw(&app);
    let theme = Theme::default();
    let area = crate::ui::figures::area(app.size);
    let list = Rect {
        y: area.y + 3,
        height: area.height.saturating_sub(4),
        ..area
    };
    let first = row_text(&buf, area.y + 3);
    assert!(first.contains("Meridian Post"), "{first}");
    assert!(styled_in(&buf, list, "61 vessels", theme.number));
    assert!(find(&buf, "38 of them container ships").is_some());
    assert!(find(&buf, "4,600").is_none());
    assert!(find(&buf, "No figure matches.").is_none());
}

#[test]
fn a_search_not_yet_done_says_so_until_idle_moments_finish_it() {
    let mut app = figures_app("");
    app.figures
        .as_mut()
        .unwrap()
        .slice(std::time::Duration::ZERO);
    for c in "zzzz".chars() {
        app.update(Action::Insert(c));
    }
    assert!(app.figures.as_ref().unwrap().searching());
    let buf = draw(&app);
    assert!(find(&buf, "searching…").is_some());
    assert!(find(&buf, "Searching…").is_some());
    assert!(find(&buf, "No figure matches.").is_none());
    while app.busy() {
        app.update(Action::Tick);
    }
    let buf = draw(&app);
    assert!(find(&buf, "searching…").is_none());
    assert!(find(&buf, "No figure matches.").is_some());
}
