//! What the config changes in the app: remapped keys, the layout; and what
//! is remembered: next unread.

use super::*;
use crate::action::name_of;
use crate::config::keys::{ACTIONS, KeySpec, Scope};
use crate::external::Effect;

fn event(spec: KeySpec) -> crate::event::Event {
    crate::event::Event::Key(KeyEvent::new(spec.code, spec.modifiers))
}

/// A key no action has by default: F1 to F24, then with Alt, then with
/// Ctrl and Alt.
fn free_key(i: usize) -> KeySpec {
    KeySpec {
        code: KeyCode::F(u8::try_from(i % 24 + 1).unwrap()),
        modifiers: match i / 24 {
            0 => KeyModifiers::NONE,
            1 => KeyModifiers::ALT,
            _ => KeyModifiers::ALT | KeyModifiers::CONTROL,
        },
    }
}

#[test]
fn every_action_remapped_answers_to_its_new_key_and_not_its_old_ones() {
    let overrides: Vec<(&'static str, Vec<KeySpec>)> = ACTIONS
        .iter()
        .enumerate()
        .map(|(i, a)| (a.name, vec![free_key(i)]))
        .collect();
    let (keys, conflicts) = KeyBindings::with_overrides(&overrides);
    assert!(conflicts.is_empty(), "{conflicts:?}");
    for (i, info) in ACTIONS.iter().enumerate() {
        let mut app = loaded_app();
        app.keys = keys.clone();
        if info.scope == Scope::Reader {
            app.update(Action::FocusReader);
        }
        let done = app.action_for(event(free_key(i)));
        assert_eq!(
            done.as_ref().and_then(name_of),
            Some(info.name),
            "{}: {done:?}",
            info.name
        );
        for old in info.keys {
            let old = KeySpec::parse(old).unwrap();
            let done = app.action_for(event(old));
            assert_ne!(
                done.as_ref().and_then(name_of),
                Some(info.name),
                "{} still answers to {old}",
                info.name
            );
        }
    }
}

#[test]
fn a_remapped_key_does_the_work_and_the_default_does_nothing() {
    let mut app = loaded_app();
    let (keys, _) = KeyBindings::with_overrides(&[
        ("down", vec![KeySpec::parse("x").unwrap()]),
        ("toggle_read", vec![KeySpec::parse("Ctrl-r").unwrap()]),
    ]);
    app.keys = keys;
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.selected, 0);
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(app.selected, 1);
    press(&mut app, KeyCode::Char('u'));
    assert!(!app.is_read(1));
    let ctrl_r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    let action = app.action_for(crate::event::Event::Key(ctrl_r)).unwrap();
    app.update(action);
    assert!(app.is_read(1));
}

#[test]
fn by_default_u_toggles_read_and_r_reloads() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('u'));
    assert!(app.is_read(0));
    press(&mut app, KeyCode::Char('u'));
    assert!(!app.is_read(0));
    let r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE);
    assert!(matches!(
        app.action_for(crate::event::Event::Key(r)),
        Some(Action::Reload)
    ));
}

/// Mark the articles at load positions `read` read, from the list.
fn mark_read(app: &mut App, read: &[usize]) {
    for &i in read {
        app.selected = i;
        app.update(Action::ToggleRead);
    }
    app.selected = 0;
}

#[test]
fn dot_goes_to_the_next_unread_article_in_list_order_and_round_the_end() {
    let mut app = sourced_app();
    mark_read(&mut app, &[1, 2, 3, 5]);
    // Unread: 0, 4, 6.
    press(&mut app, KeyCode::Char('.'));
    assert_eq!(app.selected, 4);
    press(&mut app, KeyCode::Char('.'));
    assert_eq!(app.selected, 6);
    press(&mut app, KeyCode::Char('.'));
    assert_eq!(app.selected, 0, "round the end");
    press(&mut app, KeyCode::Char(','));
    assert_eq!(app.selected, 6, "round the start");
    press(&mut app, KeyCode::Char(','));
    assert_eq!(app.selected, 4);
    // From the list nothing is marked read by it.
    assert!(!app.is_read(4));
    assert!(app.notice.is_none());
}

#[test]
fn next_unread_follows_the_grouped_order_and_opens_in_the_reader() {
    let mut app = sourced_app();
    press(&mut app, KeyCode::Char('s'));
    // Grouped: Northline (0, 4), Meridian (1, 3), Valley (2, 5), Harbor (6).
    mark_read(&mut app, &[4, 1]);
    let titles = |app: &App| selected_title(app);
    app.update(Action::Top);
    assert_eq!(titles(&app), "Port strike begins");
    press(&mut app, KeyCode::Char('l'));
    assert_eq!(app.focus, Focus::Reader);
    press(&mut app, KeyCode::Char('.'));
    assert_eq!(titles(&app), "Reservoirs low");
    assert_eq!(app.focus, Focus::Reader);
    let open = app.reader.as_ref().map(|v| v.index);
    assert_eq!(open, Some(3), "open in the reader");
    assert!(app.is_read(3), "and so read");
    press(&mut app, KeyCode::Char('.'));
    assert_eq!(titles(&app), "Port deal reached");
    // The reader's history goes back to where it was.
    press(&mut app, KeyCode::Char('<'));
    assert_eq!(titles(&app), "Reservoirs low");
}

#[test]
fn with_nothing_unread_next_unread_says_so_and_stays() {
    let mut app = loaded_app();
    mark_read(&mut app, &[0, 1, 2, 3]);
    app.selected = 2;
    press(&mut app, KeyCode::Char('.'));
    assert_eq!(app.selected, 2);
    assert_eq!(app.notice.as_deref(), Some("No unread articles."));
    // The next key clears the notice.
    press(&mut app, KeyCode::Char('k'));
    assert!(app.notice.is_none());
    // Filtered to nothing unread, it says so of the filter.
    app.selected = 0;
    app.update(Action::ToggleRead);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "is:read");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('h'));
    press(&mut app, KeyCode::Char('.'));
    assert_eq!(
        app.notice.as_deref(),
        Some("No unread articles in the filtered list.")
    );
}

#[test]
fn unread_counts_per_source_follow_every_change() {
    let mut app = sourced_app();
    let counts = |app: &App| {
        (0..app.sources.len())
            .map(|s| app.unread_of(s))
            .collect::<Vec<_>>()
    };
    // Sources by first appearance: Northline, Meridian, Valley, Harbor.
    assert_eq!(counts(&app), [2, 2, 2, 1]);
    mark_read(&mut app, &[1, 3]);
    assert_eq!(counts(&app), [2, 0, 2, 1]);
    mark_read(&mut app, &[3]);
    assert_eq!(counts(&app), [2, 1, 2, 1]);
    // Opening an article reads it.
    app.selected = 6;
    app.update(Action::Open);
    app.update(Action::FocusReader);
    assert_eq!(counts(&app), [2, 1, 2, 0]);
    // Articles loaded later that the state knows are read count as read.
    let mut state = ReadState::default();
    let later = article(9, "Late report", "Meridian Post", "Late.");
    state.set_read(&ArticleKey::of(&later), true);
    let mut fresh = App::new(Rect::new(0, 0, 120, 40));
    fresh.start_from(state, "corpus".into());
    fresh.update(Update::Loaded(vec![
        later,
        article(10, "Other", "Meridian Post", "x"),
    ]));
    assert_eq!(counts(&fresh), [1]);
}

/// Two articles, the first with a link.
fn linked_app() -> App {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    let origin = Origin::file("news/wire.jsonl");
    let linked = Arc::new(Article {
        id: ArticleId::derive(Some("https://wire.test/strike"), &origin, "Dock strike"),
        title: "Dock strike".into(),
        source: "Northline Wire".into(),
        date: None,
        author: None,
        url: Some("https://wire.test/strike".into()),
        origin,
        body: "Workers walked out.".into(),
        tags: Vec::new(),
    });
    app.update(Update::Loaded(vec![
        linked,
        article(1, "Rates held", "Meridian Post", "The bank waited."),
    ]));
    app
}

#[test]
fn shift_o_asks_for_the_browser_on_the_link_or_says_there_is_none() {
    let mut app = linked_app();
    press(&mut app, KeyCode::Char('O'));
    assert_eq!(
        app.effects,
        [Effect::OpenUrl("https://wire.test/strike".into())]
    );
    assert_eq!(
        app.notice.as_deref(),
        Some("Opening https://wire.test/strike")
    );
    app.effects.clear();
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('O'));
    assert!(app.effects.is_empty());
    assert_eq!(
        app.notice.as_deref(),
        Some("This article has no link to open.")
    );
    // A failure reported later shows in its place.
    app.update(Update::Notice("the browser failed (exit status: 3)".into()));
    assert_eq!(
        app.notice.as_deref(),
        Some("the browser failed (exit status: 3)")
    );
}

#[test]
fn y_copies_the_link_or_the_title_and_path() {
    let mut app = linked_app();
    app.update(Action::FocusReader);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        app.effects,
        [Effect::Copy("https://wire.test/strike".into())]
    );
    assert_eq!(
        app.notice.as_deref(),
        Some("Copied the link: https://wire.test/strike")
    );
    app.effects.clear();
    press(&mut app, KeyCode::Char('J'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        app.effects,
        [Effect::Copy("Rates held — news/Meridian Post/1.txt".into())]
    );
}

#[test]
fn pipe_asks_for_a_command_and_enter_alone_means_the_pager() {
    let mut app = linked_app();
    press(&mut app, KeyCode::Char('|'));
    assert_eq!(app.editing, Some(Editing::Pipe));
    type_text(&mut app, "wc -w");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.editing, None);
    let [Effect::Pipe { text, command }] = &app.effects[..] else {
        panic!("{:?}", app.effects)
    };
    assert_eq!(command.as_deref(), Some("wc -w"));
    assert!(
        text.starts_with("Dock strike\nSource: Northline Wire\n"),
        "{text}"
    );
    assert!(text.ends_with("\nWorkers walked out.\n"), "{text}");
    app.effects.clear();
    // Enter alone: $PAGER; the prompt starts empty again.
    press(&mut app, KeyCode::Char('|'));
    assert_eq!(app.pipe_input, "");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        &app.effects[..],
        [Effect::Pipe { command: None, .. }]
    ));
    app.effects.clear();
    // Esc: nothing.
    press(&mut app, KeyCode::Char('|'));
    type_text(&mut app, "less");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.editing, None);
    assert!(app.effects.is_empty());
    // The filter is untouched by all this.
    assert_eq!(app.filter_input, "");
}

#[test]
fn articles_sharing_a_link_are_read_together_in_the_counts_and_the_filter() {
    let linked = |i: usize, source: &str| {
        let origin = Origin::file(format!("{source}/{i}.json"));
        Arc::new(Article {
            id: ArticleId::derive(Some("https://wire.test/same"), &origin, "Same story"),
            title: "Same story".into(),
            source: source.into(),
            date: None,
            author: None,
            url: Some("https://wire.test/same".into()),
            origin,
            body: "Text.".into(),
            tags: Vec::new(),
        })
    };
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(vec![
        linked(0, "Feed A"),
        article(1, "Other story", "Feed B", "Other."),
        linked(2, "Feed B"),
    ]));
    let counts = |app: &App| {
        (0..app.sources.len())
            .map(|s| app.unread_of(s))
            .collect::<Vec<_>>()
    };
    assert_eq!(counts(&app), [1, 2]);
    // Opening the first reads both.
    app.update(Action::Open);
    app.update(Action::FocusReader);
    assert!(app.is_read(0) && app.is_read(2));
    assert_eq!(counts(&app), [0, 1]);
    app.update(Action::FocusList);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "is:unread");
    assert_eq!(selected_title(&app), "Other story");
    assert_eq!(app.visible_len(), 1);
    press(&mut app, KeyCode::Esc);
    // Marked unread again from the second copy: both are.
    app.selected = 2;
    app.update(Action::ToggleRead);
    assert!(!app.is_read(0) && !app.is_read(2));
    assert_eq!(counts(&app), [1, 2]);
}

#[test]
fn the_pipe_gets_the_full_article_while_the_reader_shows_it() {
    let mut app = linked_app();
    press(&mut app, KeyCode::Char('f'));
    app.update(Update::FullText {
        index: 0,
        result: Ok("The whole page, every paragraph of it.".into()),
    });
    assert_eq!(app.full_shown, Some(0));
    press(&mut app, KeyCode::Char('|'));
    press(&mut app, KeyCode::Enter);
    let [Effect::Pipe { text, .. }] = &app.effects[..] else {
        panic!("{:?}", app.effects)
    };
    assert!(
        text.ends_with("\nThe whole page, every paragraph of it.\n"),
        "{text}"
    );
    app.effects.clear();
    // Back to the summary: the summary is piped.
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('|'));
    press(&mut app, KeyCode::Enter);
    let [Effect::Pipe { text, .. }] = &app.effects[..] else {
        panic!("{:?}", app.effects)
    };
    assert!(text.ends_with("\nWorkers walked out.\n"), "{text}");
}
