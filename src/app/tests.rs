//! State tests: actions in, state out, no terminal.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::*;
use crate::article::{ArticleId, Origin};
use crate::highlight::EntityKind;
use crate::ui::theme::ColorMode;

pub(crate) fn article(i: usize, title: &str, source: &str, body: &str) -> Arc<Article> {
    let origin = Origin::file(format!("news/{source}/{i}.txt"));
    Arc::new(Article {
        tags: Vec::new(),
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
fn clearing_the_filter_keeps_the_selected_article() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "ships");
    assert_eq!(app.visible_len(), 2);
    // The title match ranks first: the fourth article loaded.
    let chosen = selected_title(&app);
    assert!(chosen.starts_with("Ships queue"), "{chosen}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.visible_len(), 4);
    assert_eq!(selected_title(&app), chosen);
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
fn typed_filter_terms_use_the_entity_index_built_as_articles_load() {
    let mut app = loaded_app();
    assert_eq!(app.entities_indexed, 4);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "person:verhoeven");
    assert_eq!(app.visible_len(), 1);
    assert_eq!(selected_title(&app), "Dock workers strike in Rotterdam");
    app.update(Action::ClearInput);
    type_text(&mut app, "num:>50");
    assert_eq!(
        selected_title(&app),
        "Ships queue as strike enters second week"
    );
    assert_eq!(app.visible_len(), 1);
    // Articles that arrive later are indexed and searched too.
    app.update(Update::Loaded(vec![article(
        4,
        "Port strike ends",
        "Valley Courier",
        "Anneke Verhoeven said 75 ships had left.",
    )]));
    assert_eq!(app.entities_indexed, 5);
    assert_eq!(app.visible_len(), 2);
    app.update(Action::ClearInput);
    type_text(&mut app, "person:verhoeven source:courier");
    assert_eq!(selected_title(&app), "Port strike ends");
    let index = entities::read(&app.entities);
    let found = index.resolve("Verhoeven", &[crate::highlight::EntityKind::Person]);
    assert_eq!(found.len(), 1);
    assert_eq!(index.row(found[0]).articles, 2);
}

#[test]
fn entity_progress_is_recorded() {
    let mut app = App::new(Rect::new(0, 0, 80, 24));
    app.update(Update::EntitiesIndexed(12));
    assert_eq!(app.entities_indexed, 12);
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
        searched: 4,
    });
    assert_eq!(app.visible_len(), current);
}

#[test]
fn hits_from_some_of_the_articles_show_while_the_bar_says_filtering() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "ships");
    let generation = app.generation;
    // the worker has indexed the first two articles of four
    app.update(Update::Filtered {
        generation,
        hits: vec![Hit::bare(0)],
        searched: 2,
    });
    assert_eq!(app.visible_len(), 1);
    assert!(app.filtering());
    // then all of them: the same query, more hits, done
    app.update(Update::Filtered {
        generation,
        hits: vec![Hit::bare(0), Hit::bare(3)],
        searched: 4,
    });
    assert_eq!(app.visible_len(), 2);
    assert!(!app.filtering());
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
    let areas = ui::areas(app.size, app.focus, false);
    assert!(areas.list.is_some() && areas.reader.is_none());
    press(&mut app, KeyCode::Enter);
    let areas = ui::areas(app.size, app.focus, false);
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
    let list = ui::areas(app.size, app.focus, false).list.unwrap();
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
        for overlay in [
            None,
            Some(Action::ToggleHelp),
            Some(Action::ToggleMessages),
            Some(Action::ToggleLegend),
        ] {
            if let Some(a) = overlay.clone() {
                app.update(a);
            }
            terminal.draw(|f| ui::render(f, &app)).unwrap();
            if let Some(a) = overlay {
                app.update(a);
            }
        }
        // Grouped, with the source picker open.
        app.update(Action::ToggleGroups);
        app.update(Action::PickSource);
        terminal.draw(|f| ui::render(f, &app)).unwrap();
        app.update(Action::Back);
        terminal.draw(|f| ui::render(f, &app)).unwrap();
        app.update(Action::ToggleGroups);
    }
}

// Sources: grouping, hopping, the picker; the legend.

/// Seven articles from four sources, interleaved, dated Nov 1 to Nov 7.
fn sourced_articles() -> Vec<Arc<Article>> {
    vec![
        article(
            0,
            "Port strike begins",
            "Northline Wire",
            "Dock workers walked out.",
        ),
        article(
            1,
            "Ships wait off the port",
            "Meridian Post",
            "Forty ships waited.",
        ),
        article(
            2,
            "Port deal reached",
            "Valley Courier",
            "The union signed.",
        ),
        article(3, "Reservoirs low", "Meridian Post", "Rain is scarce."),
        article(4, "Rates cut", "Northline Wire", "The bank moved."),
        article(5, "Cup final", "Valley Courier", "Lisbon won."),
        article(
            6,
            "Telescope finds water",
            "The Harbor Ledger",
            "Vapour was seen.",
        ),
    ]
}

pub(crate) fn sourced_app() -> App {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(sourced_articles()));
    app.update(Update::LoadFinished);
    app
}

/// The list as shown: `# source` for a header, the title for an article.
fn shown_rows(app: &App) -> Vec<String> {
    (0..app.list_len())
        .map(|row| match app.list_row(row) {
            Some(ListRow::Header(g)) => {
                let group = app.groups.as_ref().unwrap().group(g).unwrap();
                format!("# {}", app.sources.get(group.source).unwrap().name)
            }
            Some(ListRow::Article(p)) => app.visible(p).unwrap().1.title.clone(),
            None => panic!("row {row} is past the end"),
        })
        .collect()
}

fn ctrl_key(app: &mut App, c: char) {
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    if let Some(action) = app.action_for(crate::event::Event::Key(key)) {
        app.update(action);
    }
}

const GROUPED: [&str; 11] = [
    "# Northline Wire",
    "Port strike begins",
    "Rates cut",
    "# Meridian Post",
    "Ships wait off the port",
    "Reservoirs low",
    "# Valley Courier",
    "Port deal reached",
    "Cup final",
    "# The Harbor Ledger",
    "Telescope finds water",
];

#[test]
fn s_groups_the_list_by_source_and_the_selected_article_stays_selected() {
    let mut app = sourced_app();
    type_text(&mut app, "jjj");
    assert_eq!(selected_title(&app), "Reservoirs low");
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(shown_rows(&app), GROUPED);
    assert_eq!(selected_title(&app), "Reservoirs low");
    assert_eq!(app.selected_row(), 5);
    assert_eq!(app.reader.as_ref().map(|r| r.index), Some(3));
    let groups = app.groups.as_ref().unwrap();
    let meridian = groups.group(1).unwrap();
    assert_eq!(meridian.members.len(), 2);
    assert_eq!(meridian.dates.label(), "2026-11-02 – 2026-11-04");
    press(&mut app, KeyCode::Char('s'));
    assert!(app.groups.is_none());
    assert_eq!(app.list_len(), 7);
    assert_eq!(selected_title(&app), "Reservoirs low");
    assert_eq!(app.selected_row(), 3);
}

#[test]
fn moving_in_the_grouped_list_steps_over_headers() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(selected_title(&app), "Port strike begins");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(selected_title(&app), "Port strike begins", "no row above");
    let mut seen = vec![selected_title(&app)];
    for _ in 0..8 {
        press(&mut app, KeyCode::Char('j'));
        seen.push(selected_title(&app));
    }
    let articles: Vec<&str> = GROUPED
        .iter()
        .copied()
        .filter(|r| !r.starts_with('#'))
        .collect();
    seen.dedup();
    assert_eq!(
        seen, articles,
        "j visits every article once, in grouped order"
    );
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(
        selected_title(&app),
        "Port deal reached",
        "k steps back over a header"
    );
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(selected_title(&app), "Telescope finds water");
    // While reading, J and K follow the grouped order too.
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('J'));
    press(&mut app, KeyCode::Char('J'));
    assert_eq!(selected_title(&app), "Ships wait off the port");
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn braces_hop_between_source_groups() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_title(&app), "Rates cut");
    press(&mut app, KeyCode::Char('{'));
    assert_eq!(
        selected_title(&app),
        "Port strike begins",
        "the first group's start"
    );
    let mut hops = vec![selected_title(&app)];
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('}'));
        hops.push(selected_title(&app));
    }
    assert_eq!(
        hops,
        [
            "Port strike begins",
            "Ships wait off the port",
            "Port deal reached",
            "Telescope finds water",
            "Telescope finds water",
        ]
    );
    press(&mut app, KeyCode::Char('{'));
    assert_eq!(selected_title(&app), "Port deal reached");
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected_title(&app), "Cup final");
    press(&mut app, KeyCode::Char('{'));
    assert_eq!(selected_title(&app), "Ships wait off the port");
    // In the reader too.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('}'));
    assert_eq!(selected_title(&app), "Port deal reached");
    assert_eq!(app.reader.as_ref().map(|r| r.index), Some(2));
}

#[test]
fn braces_in_the_flat_list_go_to_the_next_run_of_another_source() {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(vec![
        article(0, "A1", "Alpha", ""),
        article(1, "A2", "Alpha", ""),
        article(2, "B1", "Beta", ""),
        article(3, "B2", "Beta", ""),
        article(4, "B3", "Beta", ""),
        article(5, "C1", "Gamma", ""),
    ]));
    press(&mut app, KeyCode::Char('}'));
    assert_eq!(selected_title(&app), "B1");
    press(&mut app, KeyCode::Char('}'));
    assert_eq!(selected_title(&app), "C1");
    press(&mut app, KeyCode::Char('}'));
    assert_eq!(selected_title(&app), "C1", "no other source below");
    press(&mut app, KeyCode::Char('{'));
    assert_eq!(selected_title(&app), "B1");
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('{'));
    assert_eq!(selected_title(&app), "A1", "the start of the run before");
    press(&mut app, KeyCode::Char('{'));
    assert_eq!(selected_title(&app), "A1");
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('{'));
    assert_eq!(selected_title(&app), "A1", "the first run's start");
}

#[test]
fn grouping_follows_articles_streaming_in() {
    let all = sourced_articles();
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(all[..4].to_vec()));
    type_text(&mut app, "jjj");
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(selected_title(&app), "Reservoirs low");
    app.update(Update::Loaded(all[4..5].to_vec()));
    app.update(Update::Loaded(all[5..].to_vec()));
    assert_eq!(shown_rows(&app), GROUPED);
    assert_eq!(selected_title(&app), "Reservoirs low");
    let harbor = app.groups.as_ref().unwrap().group(3).unwrap();
    assert_eq!(harbor.dates.label(), "2026-11-07");
    assert_eq!(app.sources.len(), 4);
    assert_eq!(app.sources.get(0).unwrap().articles, 2);
}

#[test]
fn the_grouped_list_follows_the_filter() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "port");
    let hits = app.visible_len();
    assert!(hits >= 3, "three titles say port");
    let groups = app.groups.as_ref().unwrap();
    assert_eq!(groups.articles(), hits);
    assert_eq!(app.list_len(), hits + groups.groups().len());
    // Every article sits under its own source's header, and the best match
    // (the one selected) comes first.
    let mut header = None;
    for row in 0..app.list_len() {
        match app.list_row(row).unwrap() {
            ListRow::Header(g) => header = Some(groups.group(g).unwrap().source),
            ListRow::Article(p) => {
                let (index, _, _) = app.visible(p).unwrap();
                assert_eq!(app.sources.of_article(index), header);
            }
        }
    }
    assert_eq!(app.list_row(1), Some(ListRow::Article(0)));
    assert_eq!(app.selected, 0);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.filter_input, "");
    assert_eq!(shown_rows(&app), GROUPED);
}

#[test]
fn a_click_on_a_header_selects_the_first_article_under_it() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('s'));
    let inner = ui::list::inner(ui::areas(app.size, app.focus, false).list.unwrap());
    let click = MouseEvent {
        kind: MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left),
        column: inner.x + 2,
        row: inner.y + 6,
        modifiers: KeyModifiers::NONE,
    };
    app.update(Action::Mouse(click));
    assert_eq!(selected_title(&app), "Port deal reached");
}

#[test]
fn toggling_groups_keeps_the_selection_where_it_was_on_screen() {
    let mut app = App::new(Rect::new(0, 0, 100, 14));
    let batch = (0..60)
        .map(|i| {
            article(
                i,
                &format!("Story {i}"),
                &format!("Source {}", i % 4),
                "Text.",
            )
        })
        .collect();
    app.update(Update::Loaded(batch));
    let height = app.list_height();
    press(&mut app, KeyCode::Char('G'));
    type_text(&mut app, "kkk");
    let before = app.selected_row() - app.list_offset;
    let title = selected_title(&app);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(selected_title(&app), title);
    assert_eq!(app.selected_row() - app.list_offset, before);
    assert!(app.selected_row() < app.list_offset + height);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(selected_title(&app), title);
    assert_eq!(app.selected_row() - app.list_offset, before);
}

#[test]
fn the_source_picker_narrows_as_typed_and_enter_jumps() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(app.key_context(), KeyContext::Picker);
    let picker = app.picker.as_ref().unwrap();
    assert_eq!(picker.matches.len(), 4);
    assert_eq!(picker.current(), Some(0), "opens on the source being read");
    type_text(&mut app, "ledg");
    let picker = app.picker.as_ref().unwrap();
    assert_eq!(picker.matches.len(), 1);
    assert_eq!(picker.input, "ledg");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert!(
        app.picker.as_ref().unwrap().matches.len() > 1,
        "widens again"
    );
    type_text(&mut app, "edg");
    press(&mut app, KeyCode::Enter);
    assert!(app.picker.is_none());
    assert_eq!(selected_title(&app), "Telescope finds water");
    // Grouped, Enter goes to the source's first article as grouped.
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('S'));
    type_text(&mut app, "valley");
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_title(&app), "Port deal reached");
}

#[test]
fn ctrl_f_in_the_picker_filters_the_list_by_the_source() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('S'));
    type_text(&mut app, "merid");
    ctrl_key(&mut app, 'f');
    assert!(app.picker.is_none());
    assert_eq!(app.filter_input, "source:\"Meridian Post\"");
    assert_eq!(app.query.as_str(), "source:\"Meridian Post\"");
    assert_eq!(app.focus, Focus::List);
    assert_eq!(app.editing, None);
}

#[test]
fn the_picker_takes_every_letter_and_esc_closes_it() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('S'));
    type_text(&mut app, "qs?}");
    assert!(!app.quit);
    assert!(app.groups.is_none());
    assert_eq!(app.picker.as_ref().unwrap().input, "qs?}");
    assert!(app.picker.as_ref().unwrap().matches.is_empty());
    press(&mut app, KeyCode::Enter);
    assert!(app.picker.is_none(), "Enter with no match just closes");
    press(&mut app, KeyCode::Char('S'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Esc);
    assert!(app.picker.is_none());
    assert_eq!(selected_title(&app), "Port strike begins");
    assert_eq!(app.filter_input, "");
}

#[test]
fn picking_a_source_the_filter_hides_clears_the_filter() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "telescope");
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.visible_len(), 1);
    press(&mut app, KeyCode::Char('S'));
    type_text(&mut app, "northline");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.filter_input, "");
    assert_eq!(app.visible_len(), 7);
    assert_eq!(selected_title(&app), "Port strike begins");
}

#[test]
fn sources_arriving_while_the_picker_is_open_are_listed() {
    let all = sourced_articles();
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(all[..2].to_vec()));
    press(&mut app, KeyCode::Char('S'));
    assert_eq!(app.picker.as_ref().unwrap().matches.len(), 2);
    app.update(Update::Loaded(all[2..].to_vec()));
    assert_eq!(app.picker.as_ref().unwrap().matches.len(), 4);
}

#[test]
fn the_legend_switches_kinds_on_and_off_and_cycles_colours() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(app.overlay, Some(Overlay::Legend));
    assert_eq!(app.key_context(), KeyContext::Legend);
    press(&mut app, KeyCode::Char('3'));
    assert!(!app.shown.contains(EntityKind::Place));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.legend_cursor, 1);
    press(&mut app, KeyCode::Char(' '));
    assert!(!app.shown.contains(EntityKind::Organization));
    press(&mut app, KeyCode::Enter);
    assert!(app.shown.contains(EntityKind::Organization));
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('x'));
    assert!(!app.shown.contains(EntityKind::Date));
    assert_eq!(
        app.shown.hidden().collect::<Vec<_>>(),
        [EntityKind::Place, EntityKind::Date]
    );
    press(&mut app, KeyCode::Char('c'));
    assert_eq!(app.colors, ColorMode::Mono);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    assert_eq!(
        selected_title(&app),
        "Port strike begins",
        "j moved the legend only"
    );
    // Outside the legend, digits and C work too.
    press(&mut app, KeyCode::Char('1'));
    assert!(!app.shown.contains(EntityKind::Person));
    press(&mut app, KeyCode::Char('C'));
    assert_eq!(app.colors, ColorMode::Color);
    press(&mut app, KeyCode::Char('/'));
    press(&mut app, KeyCode::Char('1'));
    assert!(
        !app.shown.contains(EntityKind::Person),
        "digits type in the filter"
    );
    assert_eq!(app.filter_input, "1");
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

pub(crate) mod navigation;

#[test]
fn opening_an_article_marks_it_read_and_moving_in_the_list_does_not() {
    let mut app = loaded_app();
    assert!(!app.is_read(0));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert!(
        (0..4).all(|i| !app.is_read(i)),
        "moving in the list reads nothing"
    );
    assert_eq!(app.state_changes, 0);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.is_read(2));
    // The next article opened from the reader is read too.
    press(&mut app, KeyCode::Char('J'));
    assert!(app.is_read(3));
    assert!(!app.is_read(0) && !app.is_read(1));
    assert_eq!(app.state_changes, 2);
}

#[test]
fn u_toggles_read_and_it_sticks_while_the_article_stays_open() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Enter);
    assert!(app.is_read(0));
    press(&mut app, KeyCode::Char('u'));
    assert!(!app.is_read(0), "marked unread from the reader");
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Down);
    assert!(!app.is_read(0), "reading on does not mark it again");
    press(&mut app, KeyCode::Char('h'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('u'));
    assert!(app.is_read(1), "marked read from the list");
    press(&mut app, KeyCode::Char('u'));
    assert!(!app.is_read(1));
}

#[test]
fn star_toggles_a_star_on_the_selected_article() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('*'));
    assert!(app.is_starred(1) && !app.is_starred(0));
    assert_eq!(app.read_state.starred_count(), 1);
    press(&mut app, KeyCode::Char('*'));
    assert!(!app.is_starred(1));
    assert_eq!(app.state_changes, 2);
}

#[test]
fn read_and_star_keys_type_into_the_filter_bar_instead() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "u*");
    assert_eq!(app.filter_input, "u*");
    assert_eq!(app.state_changes, 0);
}

#[test]
fn is_terms_filter_by_what_was_read_and_starred() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('h'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('*'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "is:unread");
    assert_eq!(app.visible_len(), 3);
    assert!((0..3).all(|row| app.visible(row).is_some_and(|(i, _, _)| i != 0)));
    app.update(Action::ClearInput);
    type_text(&mut app, "is:starred");
    assert_eq!(selected_title(&app), "Reservoirs fall to a third in Spain");
    assert_eq!(app.visible_len(), 1);
    app.update(Action::ClearInput);
    type_text(&mut app, "is:read");
    assert_eq!(app.visible_len(), 1);
    assert_eq!(selected_title(&app), "Dock workers strike in Rotterdam");
}

#[test]
fn articles_loaded_later_are_filtered_by_the_state_they_came_with() {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    let first = article(0, "Ferry fares rise", "Harbour Wire", "Fares rise in May.");
    let key = crate::state::ArticleKey::of(&first);
    app.read_state.toggle_star(&key);
    app.update(Action::Search);
    type_text(&mut app, "is:starred");
    app.update(Update::Loaded(vec![
        first,
        article(1, "Night buses return", "Metro Notes", "Every 20 minutes."),
    ]));
    assert_eq!(app.visible_len(), 1);
    assert_eq!(selected_title(&app), "Ferry fares rise");
}

fn long_articles() -> Vec<Arc<Article>> {
    let body = "Dock workers walked out again on the second day of the strike. ".repeat(80);
    (0..3)
        .map(|i| article(i, &format!("Strike day {i}"), "Northline Wire", &body))
        .collect()
}

#[test]
fn the_last_place_is_remembered_on_quit_and_gone_back_to_on_start() {
    let mut app = App::new(Rect::new(0, 0, 120, 30));
    app.start_from(ReadState::default(), "news".into());
    app.update(Update::Loaded(long_articles()));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    for _ in 0..7 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(app.reader.as_ref().map(|v| v.scroll), Some(7));
    press(&mut app, KeyCode::Char('q'));
    let place = app.read_state.place("news").cloned().expect("remembered");
    assert_eq!(place.scroll, 7);
    assert_eq!(Some(&place.article), app.article_key(1).as_ref());

    // Next time, the same article selected and scrolled as it was; another
    // corpus starts at the top.
    let mut next = App::new(Rect::new(0, 0, 120, 30));
    next.start_from(app.read_state.clone(), "news".into());
    let articles = long_articles();
    next.update(Update::Loaded(articles[..1].to_vec()));
    assert_eq!(next.selected, 0, "not there yet");
    next.update(Update::Loaded(articles[1..].to_vec()));
    assert_eq!(next.selected, 1);
    assert_eq!(
        next.reader.as_ref().map(|v| (v.index, v.scroll)),
        Some((1, 7))
    );
    assert_eq!(next.focus, Focus::List);
    let mut other = App::new(Rect::new(0, 0, 120, 30));
    other.start_from(app.read_state.clone(), "elsewhere".into());
    other.update(Update::Loaded(long_articles()));
    assert_eq!(other.selected, 0);
    assert_eq!(other.reader.as_ref().map(|v| v.scroll), Some(0));
}

#[test]
fn moving_before_the_last_article_arrives_keeps_the_users_place() {
    let mut state = ReadState::default();
    let articles = long_articles();
    state.set_place(
        "news",
        crate::state::Place {
            article: crate::state::ArticleKey::of(&articles[2]),
            scroll: 3,
        },
    );
    let mut app = App::new(Rect::new(0, 0, 120, 30));
    app.start_from(state, "news".into());
    app.update(Update::Loaded(articles[..2].to_vec()));
    press(&mut app, KeyCode::Char('j'));
    app.update(Update::Loaded(articles[2..].to_vec()));
    assert_eq!(app.selected, 1);
    assert_eq!(app.reader.as_ref().map(|v| v.scroll), Some(0));
}
pub(crate) mod figures;
mod network;
pub(crate) mod prefs;
pub(crate) mod stories;
