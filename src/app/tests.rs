//! State tests: actions in, state out, no terminal.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::*;
use crate::article::{ArticleId, Origin};

pub(crate) fn article(i: usize, title: &str, source: &str, body: &str) -> Arc<Article> {
    let origin = Origin::file(format!("news/{source}/{i}.txt"));
    Arc::new(Article {
        id: ArticleId::derive(None, &origin, title),
        title: title.into(),
        source: source.into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 1 + u32::try_from(i % 28).unwrap()),
        author: None,
        url: None,
        origin,
        body: body.into(),
    })
}

/// An app at 120x40 with a few articles loaded.
pub(crate) fn loaded_app() -> App {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(vec![
        article(0, "Dock workers strike in Rotterdam", "Northline Wire", "Dock workers walked out on Monday, union chief Anneke Verhoeven said. The port said 40 ships waited."),
        article(1, "Reservoirs fall to a third in Spain", "Valley Courier", "Reservoirs across Andalusia held 33 per cent of capacity on Tuesday."),
        article(2, "Central bank holds rates at 3.5%", "Meridian Post", "The bank kept its main rate at 3.5% for a third meeting."),
        article(3, "Ships queue as strike enters second week", "The Harbor Ledger", "More than 60 ships waited outside Rotterdam as the strike went on."),
    ]));
    app.update(Update::LoadFinished);
    app
}

fn press(app: &mut App, code: KeyCode) {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = app.action_for(crate::event::Event::Key(key)) {
        app.update(action);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn selected_title(app: &App) -> String {
    app.visible(app.selected)
        .map(|(_, a, _)| a.title.clone())
        .unwrap_or_default()
}

#[test]
fn articles_stream_in_and_the_first_is_selected_and_shown() {
    let app = loaded_app();
    assert_eq!(app.articles.len(), 4);
    assert_eq!(app.visible_len(), 4);
    assert_eq!(app.selected, 0);
    assert_eq!(app.reader.as_ref().map(|r| r.index), Some(0));
    assert!(app.loading.done);
}

#[test]
fn j_k_g_and_shift_g_move_the_selection_within_bounds() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.selected, 2);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.selected, 3);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected, 3);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.selected, 0);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.selected, 0);
    assert_eq!(app.reader.as_ref().map(|r| r.index), Some(0));
}

#[test]
fn enter_opens_the_reader_and_j_scrolls_it() {
    let mut app = loaded_app();
    app.update(Action::Resize(100, 8));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Reader);
    let before = app.selected;
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected, before, "j scrolls the reader, not the list");
    assert_eq!(app.reader.as_ref().map(|r| r.scroll), Some(1));
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.reader.as_ref().map(|r| r.scroll), Some(0));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn shift_j_and_k_go_to_the_next_and_previous_article_while_reading() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('J'));
    assert_eq!(app.selected, 1);
    assert_eq!(app.reader.as_ref().map(|r| r.index), Some(1));
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, KeyCode::Char('K'));
    press(&mut app, KeyCode::Char('K'));
    assert_eq!(app.selected, 0);
}

#[test]
fn tab_h_and_l_switch_panes() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::List);
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, KeyCode::Char('h'));
    assert_eq!(app.focus, Focus::List);
}

#[test]
fn slash_in_the_list_filters_live_and_esc_clears() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.editing, Some(Editing::Filter));
    type_text(&mut app, "rotterdam");
    assert_eq!(app.filter_input, "rotterdam");
    assert!(app.visible_len() >= 1 && app.visible_len() < 4);
    assert!(
        selected_title(&app).contains("Rotterdam"),
        "title matches rank first"
    );
    press(&mut app, KeyCode::Esc);
    assert!(app.filter_input.is_empty());
    assert_eq!(app.editing, None);
    assert_eq!(app.visible_len(), 4);
}

#[test]
fn q_types_into_the_filter_instead_of_quitting() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "q");
    assert!(!app.quit);
    assert_eq!(app.filter_input, "q");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.filter_input, "");
}

#[test]
fn enter_in_the_filter_bar_reads_the_top_match_and_keeps_the_filter() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "reservoirs");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.editing, None);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(app.filter_input, "reservoirs");
    assert!(selected_title(&app).starts_with("Reservoirs"));
}

#[test]
fn a_filter_matching_nothing_empties_the_list_and_the_reader() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "zzzqqq");
    assert_eq!(app.visible_len(), 0);
    assert!(app.reader.is_none());
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected, 0);
}

#[test]
fn stale_filter_results_are_dropped() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "ships");
    let current = app.visible_len();
    app.update(Update::Filtered {
        generation: 0,
        hits: Vec::new(),
    });
    assert_eq!(app.visible_len(), current);
}

#[test]
fn slash_in_the_reader_finds_and_n_steps_through_matches() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.editing, Some(Editing::Find));
    type_text(&mut app, "ship");
    press(&mut app, KeyCode::Enter);
    let view = app.reader.as_ref().unwrap();
    assert_eq!(view.find.matches.len(), 1);
    assert_eq!(view.find.current, Some(0));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.reader.as_ref().unwrap().find.current, Some(0));
    press(&mut app, KeyCode::Esc);
    assert!(app.reader.as_ref().unwrap().find.matches.is_empty());
    assert_eq!(app.focus, Focus::Reader, "the first Esc clears the find");
}

#[test]
fn help_and_messages_overlays_toggle_and_swallow_keys() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, Some(Overlay::Help));
    press(&mut app, KeyCode::Char('J'));
    assert_eq!(app.selected, 0);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.overlay, Some(Overlay::Messages));
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.overlay, None);
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
    let mut app = loaded_app();
    let key = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let action = app.action_for(crate::event::Event::Key(key)).unwrap();
    app.update(action);
    assert!(app.quit);
}

#[test]
fn narrow_terminals_show_one_pane_at_a_time() {
    let mut app = loaded_app();
    app.update(Action::Resize(60, 20));
    let areas = ui::areas(app.size, app.focus);
    assert!(areas.list.is_some() && areas.reader.is_none());
    press(&mut app, KeyCode::Enter);
    let areas = ui::areas(app.size, app.focus);
    assert!(areas.list.is_none() && areas.reader.is_some());
}

#[test]
fn resizing_rewraps_the_reader() {
    let mut app = loaded_app();
    let wide = app.reader.as_ref().unwrap().lines.len();
    app.update(Action::Resize(82, 40));
    let narrow = app.reader.as_ref().unwrap().lines.len();
    assert!(narrow > wide, "{narrow} lines at 82 columns, {wide} at 120");
}

#[test]
fn the_list_scrolls_to_keep_the_selection_visible() {
    let mut app = App::new(Rect::new(0, 0, 100, 12));
    let batch = (0..100)
        .map(|i| article(i, &format!("Story {i}"), "Wire", "Text."))
        .collect();
    app.update(Update::Loaded(batch));
    let height = app.list_height();
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    assert!(app.selected >= height);
    assert!(app.list_offset <= app.selected && app.selected < app.list_offset + height);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.selected, 99);
    assert_eq!(app.list_offset, 100 - height);
}

#[test]
fn mouse_wheel_scrolls_and_click_selects() {
    let mut app = loaded_app();
    let list = ui::areas(app.size, app.focus).list.unwrap();
    let inner = ui::list::inner(list);
    let click = MouseEvent {
        kind: MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left),
        column: inner.x + 2,
        row: inner.y + 2,
        modifiers: KeyModifiers::NONE,
    };
    app.update(Action::Mouse(click));
    assert_eq!(app.selected, 2);
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: inner.x + 2,
        row: inner.y,
        modifiers: KeyModifiers::NONE,
    };
    app.update(Action::Mouse(wheel));
    assert_eq!(app.selected, 3);
}

#[test]
fn load_issues_are_kept_for_the_messages_view() {
    let mut app = loaded_app();
    app.update(Update::LoadIssue(crate::loader::LoadIssue {
        origin: Origin::at_line("bad.jsonl", 3),
        severity: Severity::Error,
        message: "not valid JSON".into(),
    }));
    assert_eq!(app.errors(), 1);
}

#[test]
fn any_terminal_size_renders_without_panic() {
    let mut app = loaded_app();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(1, 1)).unwrap();
    for (w, h) in [
        (1, 1),
        (2, 3),
        (10, 2),
        (79, 5),
        (80, 24),
        (200, 60),
        (500, 200),
        (3, 200),
    ] {
        app.update(Action::Resize(w, h));
        terminal.backend_mut().resize(w, h);
        for overlay in [None, Some(Action::ToggleHelp), Some(Action::ToggleMessages)] {
            if let Some(a) = overlay.clone() {
                app.update(a);
            }
            terminal.draw(|f| ui::render(f, &app)).unwrap();
            if let Some(a) = overlay {
                app.update(a);
            }
        }
    }
}

#[test]
fn idle_ticks_finish_laying_out_a_long_article() {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    let body = "Dock workers in Rotterdam walked out on Monday. ".repeat(40_000);
    app.update(Update::Loaded(vec![article(
        0,
        "A long one",
        "Northline Wire",
        &body,
    )]));
    app.update(Update::LoadFinished);
    assert!(app.busy(), "2 MB are laid out in idle time");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('G'));
    let mut ticks = 0;
    while app.busy() {
        app.update(Action::Tick);
        ticks += 1;
        assert!(ticks < 100);
    }
    let view = app.reader.as_ref().unwrap();
    assert_eq!(
        view.scroll,
        view.max_scroll(app.reader_height()),
        "G followed the end"
    );
    assert!(!app.busy());
}
