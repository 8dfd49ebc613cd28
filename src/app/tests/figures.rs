//! The figures pane: opened with `F` over the loaded or filtered articles,
//! sorted with Tab, narrowed by typing, Enter reads at the figure.

use super::stories::story_app;
use super::*;
use crate::app::figures::FigureSort;
use crate::entities::values::same_value;

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = app.action_for(crate::event::Event::Key(KeyEvent::new(code, modifiers))) {
        app.update(action);
    }
}

#[test]
fn f_opens_every_figure_and_esc_closes() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('F'));
    let pane = app.figures.as_ref().expect("F opens the figures");
    assert_eq!(app.key_context(), KeyContext::Figures);
    assert!(!pane.filtered);
    assert!(pane.rows.len() > 100, "{}", pane.rows.len());
    assert_eq!(pane.sort, FigureSort::Date);
    // Newest article first.
    let newest = app.articles.iter().filter_map(|a| a.date).max();
    let first = pane.current().unwrap().article();
    assert_eq!(app.articles[first].date, newest);
    // The rows on screen have been read.
    let row = *pane.current().unwrap();
    assert!(pane.read_row(&row, &app.articles).is_some());
    press(&mut app, KeyCode::Esc);
    assert!(app.figures.is_none());
    assert_eq!(app.key_context(), KeyContext::List);
}

#[test]
fn tab_and_ctrl_s_cycle_the_sort_and_letters_narrow() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('F'));
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.figures.as_ref().unwrap().sort, FigureSort::Value);
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert_eq!(app.figures.as_ref().unwrap().sort, FigureSort::Source);
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "4,600 ledger");
    let pane = app.figures.as_ref().unwrap();
    assert_eq!(pane.sort, FigureSort::Date);
    assert_eq!(pane.matches.len(), 1);
    let row = pane.current().unwrap();
    assert_eq!(app.articles[row.article()].source, "The Harbor Ledger");
    assert!(same_value(row.value, 4600.0));
    // q types rather than quits.
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.quit);
    assert!(app.figures.as_ref().unwrap().matches.is_empty());
}

#[test]
fn enter_reads_the_article_at_the_figure_and_back_returns() {
    let mut app = story_app();
    press(&mut app, KeyCode::Enter);
    let before = app.reader.as_ref().unwrap().index;
    press(&mut app, KeyCode::Char('F'));
    type_text(&mut app, "3800 northline wire");
    press(&mut app, KeyCode::Enter);
    assert!(app.figures.is_none());
    let view = app.reader.as_ref().unwrap();
    assert_eq!(app.articles[view.index].source, "Northline Wire");
    let cursor = view.cursor.clone().unwrap();
    assert_eq!(&view.body[cursor], "3,800");
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.reader.as_ref().unwrap().index, before);
}

#[test]
fn under_a_filter_only_the_filtered_articles_figures_show() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "source:ledger");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('h'));
    assert!(app.hits.is_some());
    press(&mut app, KeyCode::Char('F'));
    let pane = app.figures.as_ref().unwrap();
    assert!(pane.filtered);
    assert!(!pane.rows.is_empty());
    assert!(
        pane.rows
            .iter()
            .all(|r| app.articles[r.article()].source == "The Harbor Ledger")
    );
}

#[test]
fn figures_that_disagree_within_the_story_carry_the_others() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('F'));
    type_text(&mut app, "3800 northline wire");
    let pane = app.figures.as_ref().unwrap();
    let row = *pane.current().unwrap();
    let read = pane.read_row(&row, &app.articles).unwrap();
    assert!(
        read.elsewhere
            .iter()
            .any(|o| o == "4,600 members (Meridian Post, 2026-11-18)"),
        "{:?}",
        read.elsewhere
    );
}

#[test]
fn with_nothing_loaded_the_keys_open_empty_views_without_panicking() {
    let mut app = App::new(Rect::new(0, 0, 60, 12));
    press(&mut app, KeyCode::Char('F'));
    let pane = app.figures.as_ref().unwrap();
    assert!(pane.rows.is_empty());
    type_text(&mut app, "3 x 2026-");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    assert!(app.figures.is_none());
    assert!(app.reader.is_none());
    press(&mut app, KeyCode::Char('T'));
    assert!(app.story.is_none());
}

#[test]
fn the_wheel_scrolls_the_story_and_moves_in_the_figures() {
    let wheel = |kind| {
        Action::Mouse(MouseEvent {
            kind,
            column: 60,
            row: 20,
            modifiers: KeyModifiers::NONE,
        })
    };
    let mut app = story_app();
    press(&mut app, KeyCode::Char('T'));
    app.update(wheel(MouseEventKind::ScrollDown));
    assert_eq!(app.story.as_ref().unwrap().scroll, 3);
    app.update(wheel(MouseEventKind::ScrollUp));
    assert_eq!(app.story.as_ref().unwrap().scroll, 0);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('F'));
    app.update(wheel(MouseEventKind::ScrollDown));
    assert_eq!(app.figures.as_ref().unwrap().selected, 3);
    // The list under the window stays where it was.
    assert_eq!(app.selected, 0);
}

#[test]
fn a_word_narrows_to_the_figures_whose_sentence_has_it() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('F'));
    type_text(&mut app, "drifting meridian");
    let pane = app.figures.as_ref().unwrap();
    let values: Vec<f64> = (0..pane.matches.len())
        .filter_map(|k| pane.shown_row(k))
        .filter(|r| r.kind == crate::highlight::EntityKind::Number)
        .map(|r| r.value)
        .collect();
    // "61 vessels were at anchor ..., 38 of them container ships."
    assert!(values.iter().any(|&v| same_value(v, 61.0)), "{values:?}");
    assert!(values.iter().any(|&v| same_value(v, 38.0)), "{values:?}");
    assert!(!values.iter().any(|&v| same_value(v, 4600.0)), "{values:?}");
    for k in 0..pane.matches.len() {
        let row = *pane.shown_row(k).unwrap();
        let article = &app.articles[row.article()];
        assert_eq!(article.source, "Meridian Post");
        // A date shows where it is first given, which may be elsewhere.
        if row.kind != crate::highlight::EntityKind::Number {
            continue;
        }
        let mut pane = pane.clone();
        pane.prepare(&app.articles, pane.matches.len());
        let read = pane.read_row(&row, &app.articles).unwrap();
        let sentence = &article.body.text()[read.figure.sentence];
        assert!(sentence.to_lowercase().contains("drifting"), "{sentence}");
    }
    // Capitals or not, the same rows.
    let before = pane.matches.clone();
    for _ in 0.."drifting meridian".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "DRIFTING meridian");
    assert_eq!(app.figures.as_ref().unwrap().matches, before);
}

#[test]
fn figures_indexed_while_the_view_is_open_join_it_without_moving_the_highlight() {
    // The older articles first: the newer ones' figures come in above.
    let mut articles = super::stories::story_articles();
    articles.sort_by_key(|a| a.date);
    let (first, rest) = articles.split_at(6);
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(first.to_vec()));
    press(&mut app, KeyCode::Char('F'));
    type_text(&mut app, "the");
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let pane = app.figures.as_ref().unwrap();
    let (rows, shown) = (pane.rows.len(), pane.matches.len());
    let kept = *pane.current().unwrap();
    let line = pane.selected - pane.offset;
    app.update(Update::Loaded(rest.to_vec()));
    let pane = app.figures.clone().unwrap();
    assert!(pane.rows.len() > rows, "{} rows", pane.rows.len());
    assert!(pane.matches.len() > shown, "{} shown", pane.matches.len());
    assert_eq!(pane.input, "the", "what is typed still narrows");
    assert_eq!(pane.current(), Some(&kept), "the highlight stays");
    assert!(
        pane.selected > 2,
        "newer articles' figures came in above it"
    );
    assert_eq!(pane.selected - pane.offset, line, "on its line");
    // The new rows are those of the articles just indexed, as opening the
    // view now would give them.
    let reopened = {
        let mut app = app;
        press(&mut app, KeyCode::Esc);
        press(&mut app, KeyCode::Char('F'));
        type_text(&mut app, "the");
        app.figures.unwrap()
    };
    assert_eq!(reopened.rows.len(), pane.rows.len());
    assert_eq!(reopened.matches.len(), pane.matches.len());
}

#[test]
fn a_long_search_goes_on_between_keys_and_idle_moments_finish_it() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('F'));
    let pane = app.figures.as_mut().unwrap();
    let rows = pane.rows.len();
    pane.slice(std::time::Duration::ZERO);
    type_text(&mut app, "the");
    let pane = app.figures.as_ref().unwrap();
    assert!(rows > 16, "{rows} rows: more than a slice's first look");
    assert!(pane.searching());
    assert!(
        app.busy(),
        "the event loop gives idle moments to the search"
    );
    let mut ticks = 0;
    while app.busy() {
        app.update(Action::Tick);
        ticks += 1;
        assert!(ticks < 10_000);
    }
    let found = app.figures.as_ref().unwrap().matches.clone();
    assert!(!found.is_empty());
    // The same rows as a search done whole.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('F'));
    type_text(&mut app, "the");
    assert_eq!(app.figures.as_ref().unwrap().matches, found);
}
