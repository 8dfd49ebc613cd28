//! What the config changes in the app: remapped keys, the layout; and what
//! is remembered: next unread.

use super::*;
use crate::action::name_of;
use crate::config::keys::{ACTIONS, KeySpec, Scope};

fn event(spec: KeySpec) -> crate::event::Event {
    crate::event::Event::Key(KeyEvent::new(spec.code, spec.modifiers))
}

/// A key no action has by default: F1 to F24, then with Alt.
fn free_key(i: usize) -> KeySpec {
    KeySpec {
        code: KeyCode::F(u8::try_from(i % 24 + 1).unwrap()),
        modifiers: if i < 24 {
            KeyModifiers::NONE
        } else {
            KeyModifiers::ALT
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
fn by_default_u_toggles_read_and_r_is_free() {
    let mut app = loaded_app();
    press(&mut app, KeyCode::Char('u'));
    assert!(app.is_read(0));
    press(&mut app, KeyCode::Char('u'));
    assert!(!app.is_read(0));
    let r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE);
    assert!(app.action_for(crate::event::Event::Key(r)).is_none());
}
