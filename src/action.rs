//! What the user (or the machinery behind the screen) asks for, and the one
//! keymap that turns keys into it.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};

use crate::article::Article;
use crate::filter::Hit;
use crate::loader::LoadIssue;

/// Every change to the app's state is one of these, applied by `App::update`.
#[derive(Debug, Clone)]
pub enum Action {
    Quit,
    /// Move the selection (list) or scroll (reader) by this many lines.
    Move(isize),
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the selected article in the reader.
    Open,
    FocusList,
    FocusReader,
    ToggleFocus,
    /// Open the next (`1`) or previous (`-1`) article of the list while reading.
    NextArticle(isize),
    /// Focus the filter bar (from the list) or start a find (in the reader).
    Search,
    /// Editing the text of the filter bar or the find prompt.
    Insert(char),
    DeleteBack,
    DeleteWord,
    ClearInput,
    /// Enter in the filter bar or find prompt.
    Submit,
    /// Esc: clear, close or go back, whichever applies.
    Back,
    /// Jump to the next (`1`) or previous (`-1`) find match.
    NextMatch(isize),
    ToggleHelp,
    ToggleMessages,
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// Idle time: lay out or search a little more of a long article.
    Tick,
    /// News from the loader or the filter worker.
    Update(Update),
}

/// What the work behind the screen reports: it arrives as an
/// [`Event`](crate::event::Event) and is applied as an [`Action`].
#[derive(Debug, Clone)]
pub enum Update {
    /// Articles arrived from the loader.
    Loaded(Vec<Arc<Article>>),
    LoadIssue(LoadIssue),
    LoadProgress(usize),
    LoadFinished,
    /// Results of a filter query, tagged with the query's generation.
    Filtered {
        generation: u64,
        hits: Vec<Hit>,
    },
}

impl From<Update> for Action {
    fn from(update: Update) -> Self {
        Action::Update(update)
    }
}

/// Which part of the screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    List,
    Reader,
    /// Typing in the filter bar or the find prompt.
    Editing,
    /// The help or messages overlay is open.
    Overlay,
}

/// The keymap: vim keys and arrows alike.
pub fn keymap(key: KeyEvent, context: KeyContext) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c')) {
        return Some(Action::Quit);
    }
    if context == KeyContext::Editing {
        return editing_keymap(key, ctrl);
    }
    let action = match key.code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Esc => Action::Back,
        _ if context == KeyContext::Overlay => overlay_keymap(key, ctrl)?,
        KeyCode::Char('j') | KeyCode::Down => Action::Move(1),
        KeyCode::Char('k') | KeyCode::Up => Action::Move(-1),
        KeyCode::Char('d' | 'f') if ctrl => Action::PageDown,
        KeyCode::Char('u' | 'b') if ctrl => Action::PageUp,
        KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
        KeyCode::PageUp | KeyCode::Char('b') => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::Enter => Action::Open,
        KeyCode::Tab | KeyCode::BackTab => Action::ToggleFocus,
        KeyCode::Char('h') | KeyCode::Left => Action::FocusList,
        KeyCode::Char('l') | KeyCode::Right => Action::FocusReader,
        KeyCode::Char('J') => Action::NextArticle(1),
        KeyCode::Char('K') => Action::NextArticle(-1),
        KeyCode::Char('/') => Action::Search,
        KeyCode::Char('n') => Action::NextMatch(1),
        KeyCode::Char('N') => Action::NextMatch(-1),
        KeyCode::Char('m') => Action::ToggleMessages,
        _ => return None,
    };
    Some(action)
}

fn editing_keymap(key: KeyEvent, ctrl: bool) -> Option<Action> {
    let action = match key.code {
        KeyCode::Esc => Action::Back,
        KeyCode::Enter => Action::Submit,
        KeyCode::Backspace => Action::DeleteBack,
        KeyCode::Char('w') if ctrl => Action::DeleteWord,
        KeyCode::Char('u') if ctrl => Action::ClearInput,
        KeyCode::Char('n' | 'j') if ctrl => Action::Move(1),
        KeyCode::Char('p' | 'k') if ctrl => Action::Move(-1),
        KeyCode::Down => Action::Move(1),
        KeyCode::Up => Action::Move(-1),
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Tab | KeyCode::BackTab => Action::ToggleFocus,
        KeyCode::Char(c) if !ctrl => Action::Insert(c),
        _ => return None,
    };
    Some(action)
}

fn overlay_keymap(key: KeyEvent, ctrl: bool) -> Option<Action> {
    let action = match key.code {
        KeyCode::Char('j') | KeyCode::Down => Action::Move(1),
        KeyCode::Char('k') | KeyCode::Up => Action::Move(-1),
        KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
        KeyCode::Char('d' | 'f') if ctrl => Action::PageDown,
        KeyCode::PageUp | KeyCode::Char('b') => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::Char('m') => Action::ToggleMessages,
        KeyCode::Enter => Action::Back,
        _ => return None,
    };
    Some(action)
}

/// The keys the help overlay lists, as (keys, what they do) per section.
pub const KEY_HELP: &[(&str, &[(&str, &str)])] = &[
    (
        "Everywhere",
        &[
            ("?", "this help"),
            ("q  Ctrl-c", "quit"),
            ("Tab  h  l", "switch between list and reader"),
            ("m", "messages: files that could not be read"),
            ("Esc", "clear the find or filter, close, go back"),
        ],
    ),
    (
        "Document list",
        &[
            ("j k  ↓ ↑", "move"),
            ("g G  Home End", "first, last"),
            ("PgUp PgDn  b Space", "page up, down"),
            ("Enter", "read the article"),
            ("/", "filter the list"),
            ("wheel, click", "scroll, select"),
        ],
    ),
    (
        "Filter bar",
        &[
            ("type", "filter live; all terms must match"),
            ("↓ ↑  Ctrl-n Ctrl-p", "move in the list"),
            ("Enter", "read the selected article"),
            ("Tab", "back to the list, keeping the filter"),
            ("Esc", "clear the filter"),
            ("Ctrl-w  Ctrl-u", "delete a word, delete all"),
        ],
    ),
    (
        "Reader",
        &[
            ("j k  ↓ ↑", "scroll a line"),
            ("Space PgDn  b PgUp", "scroll a page"),
            ("Ctrl-d Ctrl-u", "scroll a page"),
            ("g G", "top, bottom"),
            ("J K", "next, previous article"),
            ("/", "find in the article"),
            ("n N", "next, previous find match"),
        ],
    ),
    (
        "Filter syntax (fzf's)",
        &[
            ("word", "fuzzy in title or source, or a word in the body"),
            ("'word", "exact"),
            ("^word  word$", "starts with, ends with"),
            ("!word", "must not contain"),
            ("a | b", "either"),
            ("2024", "digits match literally"),
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn vim_keys_and_arrows_move_alike() {
        for context in [KeyContext::List, KeyContext::Reader] {
            for (a, b) in [
                (KeyCode::Char('j'), KeyCode::Down),
                (KeyCode::Char('k'), KeyCode::Up),
                (KeyCode::Char('g'), KeyCode::Home),
                (KeyCode::Char('G'), KeyCode::End),
                (KeyCode::Char(' '), KeyCode::PageDown),
            ] {
                let (a, b) = (keymap(key(a), context), keymap(key(b), context));
                assert!(a.is_some());
                assert_eq!(format!("{a:?}"), format!("{b:?}"));
            }
        }
    }

    #[test]
    fn letters_type_while_editing() {
        for c in ['q', 'j', '/', '?', 'G', 'é'] {
            assert!(matches!(
                keymap(key(KeyCode::Char(c)), KeyContext::Editing),
                Some(Action::Insert(x)) if x == c
            ));
        }
        assert!(matches!(
            keymap(ctrl('w'), KeyContext::Editing),
            Some(Action::DeleteWord)
        ));
        assert!(matches!(
            keymap(key(KeyCode::Down), KeyContext::Editing),
            Some(Action::Move(1))
        ));
    }

    #[test]
    fn ctrl_c_quits_everywhere_and_q_outside_editing() {
        for context in [
            KeyContext::List,
            KeyContext::Reader,
            KeyContext::Editing,
            KeyContext::Overlay,
        ] {
            assert!(matches!(keymap(ctrl('c'), context), Some(Action::Quit)));
        }
        assert!(matches!(
            keymap(key(KeyCode::Char('q')), KeyContext::List),
            Some(Action::Quit)
        ));
    }

    #[test]
    fn reading_keys() {
        let r = KeyContext::Reader;
        assert!(matches!(
            keymap(key(KeyCode::Char('J')), r),
            Some(Action::NextArticle(1))
        ));
        assert!(matches!(
            keymap(key(KeyCode::Char('N')), r),
            Some(Action::NextMatch(-1))
        ));
        assert!(matches!(
            keymap(key(KeyCode::Char('/')), r),
            Some(Action::Search)
        ));
        assert!(matches!(keymap(key(KeyCode::Esc), r), Some(Action::Back)));
        assert!(matches!(
            keymap(key(KeyCode::Tab), r),
            Some(Action::ToggleFocus)
        ));
        assert!(keymap(key(KeyCode::Char('x')), r).is_none());
    }

    #[test]
    fn overlay_swallows_other_keys() {
        assert!(keymap(key(KeyCode::Char('J')), KeyContext::Overlay).is_none());
        assert!(matches!(
            keymap(key(KeyCode::Char('?')), KeyContext::Overlay),
            Some(Action::ToggleHelp)
        ));
    }

    #[test]
    fn every_help_key_section_is_filled() {
        assert!(KEY_HELP.iter().all(|(_, keys)| !keys.is_empty()));
    }
}
