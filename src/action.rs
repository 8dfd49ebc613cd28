//! What the user (or the machinery behind the screen) asks for, and the one
//! keymap that turns keys into it.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};

use crate::article::Article;
use crate::config::keys::KeyBindings;
use crate::filter::Hit;
use crate::highlight::EntityKind;
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
    /// Group the document list by source, or stop grouping it.
    ToggleGroups,
    /// Show the list as stories (a header per story), or not.
    ToggleStories,
    /// Go to the first article of the next (`1`) or previous (`-1`) source
    /// in the list.
    NextSource(isize),
    /// Open the source picker.
    PickSource,
    /// In the source picker: filter the list to the highlighted source.
    FilterBySource,
    /// Open or close the legend of highlight kinds.
    ToggleLegend,
    /// Draw names and numbers of this kind highlighted, or plain.
    ToggleKind(EntityKind),
    /// In the legend: switch the kind under the cursor on or off.
    ToggleSelectedKind,
    /// Switch between colour and no colour.
    CycleColors,
    /// Move the reader's cursor to the next (`1`) or previous (`-1`)
    /// highlighted name or number.
    MoveCursor(isize),
    /// Enter in the reader: list every mention of the name under the cursor.
    OpenMentions,
    /// Go back (`-1`) or forward (`1`) in the history of jumps.
    History(isize),
    /// Open or close the outline of the open article (or focus it).
    ToggleOutline,
    /// Open the entity index.
    OpenEntities,
    /// Open the figures pane: every number and date.
    OpenFigures,
    /// Open the story of the selected article, its articles compared.
    OpenStory,
    /// Mark the selected article read if it is unread, unread if read.
    ToggleRead,
    /// Star the selected article, or take its star away.
    ToggleStar,
    /// Fetch the URLs read again (revalidating the cached copies) and add
    /// what is new.
    Reload,
    /// Show the selected article's linked page in full (fetched), or its
    /// summary again.
    FullArticle,
    /// Go to the next (`1`) or previous (`-1`) unread article of the list.
    NextUnread(isize),
    /// Open the selected article's link in the browser.
    OpenInBrowser,
    /// Copy the selected article's link (or title and path) to the clipboard.
    CopyLink,
    /// Ask for a command to pipe the selected article to (Enter: `$PAGER`).
    Pipe,
    /// In the entity index: sort by the next column.
    CycleSort,
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
    /// `done` of `total` URLs fetched.
    Fetching {
        done: usize,
        total: usize,
    },
    LoadFinished,
    /// The text of the page an article links to (by load position), or why
    /// there is none.
    FullText {
        index: usize,
        result: Result<String, String>,
    },
    /// Results of a filter query, tagged with the query's generation.
    Filtered {
        generation: u64,
        hits: Vec<Hit>,
        /// How many articles, from the first loaded, the search went
        /// through: fewer than are loaded while the rest wait to be
        /// indexed (more hits are to come).
        searched: usize,
    },
    /// The entity index now covers this many articles (in load order).
    EntitiesIndexed(usize),
    /// The articles the entity worker has read so far, grouped into
    /// stories.
    StoriesGrouped(Arc<crate::stories::StoryTable>),
    /// A line for the status bar: how a program started for the user
    /// (browser, pager) fared.
    Notice(String),
    /// Something went wrong outside the app (a program could not start or
    /// failed, the config has a mistake): in the status bar, and kept in
    /// the messages.
    Problem(String),
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
    /// Typing in the source picker.
    Picker,
    /// The legend of highlight kinds is open.
    Legend,
    /// The help or messages overlay is open.
    Overlay,
    /// The outline of the open article has the keyboard.
    Outline,
    /// Typing in the mentions pane.
    Mentions,
    /// Typing in the entity index.
    Entities,
    /// Typing in the figures pane.
    Figures,
    /// Reading a story's articles compared.
    Story,
}

/// The keymap: the config's bindings (see [`KeyBindings`], whose defaults
/// are vim keys and arrows alike) in the list, the reader and the panes
/// drawn over them; fixed keys where text is typed.
pub fn keymap(key: KeyEvent, context: KeyContext, bindings: &KeyBindings) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c')) {
        return Some(Action::Quit);
    }
    match context {
        KeyContext::Editing => return editing_keymap(key, ctrl),
        KeyContext::Picker => return picker_keymap(key, ctrl),
        KeyContext::Mentions => return mentions_keymap(key, ctrl),
        KeyContext::Entities | KeyContext::Figures => return entities_keymap(key, ctrl),
        _ => {}
    }
    let in_reader = matches!(context, KeyContext::Reader | KeyContext::Outline);
    // Alt with a key no binding has is the key: terminals send Esc then
    // the key as Alt-key when the two come quickly.
    let unalted = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
    let name = bindings.action(&key, in_reader).or_else(|| {
        key.modifiers
            .contains(KeyModifiers::ALT)
            .then(|| bindings.action(&unalted, in_reader))
            .flatten()
    });
    let bound = name.and_then(|name| {
        let action = named(name)?;
        allowed(&action, context).then_some(action)
    });
    match context {
        // Enter picks the outline's entry whatever it does elsewhere.
        KeyContext::Outline if key.code == KeyCode::Enter => Some(Action::Submit),
        KeyContext::List | KeyContext::Reader | KeyContext::Outline => bound,
        // the story view keeps its own scrolling keys
        KeyContext::Story => story_keymap(key, ctrl).or(bound),
        KeyContext::Legend => bound.or_else(|| legend_keymap(key)),
        _ => bound.or_else(|| (key.code == KeyCode::Enter).then_some(Action::Back)),
    }
}

/// Whether a bound action works with `context` open: the outline, the
/// legend and the overlays take a few of the list's and reader's.
fn allowed(action: &Action, context: KeyContext) -> bool {
    let everywhere = matches!(
        action,
        Action::Quit
            | Action::ToggleHelp
            | Action::Back
            | Action::ToggleLegend
            | Action::CycleColors
            | Action::ToggleKind(_)
    );
    let moves = matches!(
        action,
        Action::Move(_) | Action::PageUp | Action::PageDown | Action::Top | Action::Bottom
    );
    match context {
        KeyContext::List | KeyContext::Reader => true,
        KeyContext::Outline => {
            everywhere
                || moves
                || matches!(
                    action,
                    Action::ToggleOutline
                        | Action::FocusReader
                        | Action::ToggleFocus
                        | Action::FocusList
                        | Action::NextMatch(_)
                        | Action::OpenEntities
                        | Action::OpenFigures
                        | Action::History(_)
                )
        }
        KeyContext::Story => everywhere,
        // Space switches the kind under the cursor there.
        KeyContext::Legend => {
            everywhere || (moves && !matches!(action, Action::PageUp | Action::PageDown))
        }
        KeyContext::Overlay => everywhere || moves || matches!(action, Action::ToggleMessages),
        _ => false,
    }
}

/// The action a row of [`ACTIONS`](crate::config::keys::ACTIONS) names.
pub fn named(name: &str) -> Option<Action> {
    Some(match name {
        "quit" => Action::Quit,
        "help" => Action::ToggleHelp,
        "back" => Action::Back,
        "messages" => Action::ToggleMessages,
        "down" => Action::Move(1),
        "up" => Action::Move(-1),
        "page_down" => Action::PageDown,
        "page_up" => Action::PageUp,
        "top" => Action::Top,
        "bottom" => Action::Bottom,
        "open" => Action::Open,
        "toggle_focus" => Action::ToggleFocus,
        "focus_list" => Action::FocusList,
        "focus_reader" => Action::FocusReader,
        "next_article" => Action::NextArticle(1),
        "prev_article" => Action::NextArticle(-1),
        "search" => Action::Search,
        "next_match" => Action::NextMatch(1),
        "prev_match" => Action::NextMatch(-1),
        "cursor_next" => Action::MoveCursor(1),
        "cursor_prev" => Action::MoveCursor(-1),
        "mentions" => Action::OpenMentions,
        "outline" => Action::ToggleOutline,
        "entities" => Action::OpenEntities,
        "figures" => Action::OpenFigures,
        "story" => Action::OpenStory,
        "history_back" => Action::History(-1),
        "history_forward" => Action::History(1),
        "group_by_source" => Action::ToggleGroups,
        "stories" => Action::ToggleStories,
        "next_source" => Action::NextSource(1),
        "prev_source" => Action::NextSource(-1),
        "pick_source" => Action::PickSource,
        "legend" => Action::ToggleLegend,
        "colors" => Action::CycleColors,
        "toggle_read" => Action::ToggleRead,
        "star" => Action::ToggleStar,
        "open_browser" => Action::OpenInBrowser,
        "copy_link" => Action::CopyLink,
        "pipe" => Action::Pipe,
        "reload" => Action::Reload,
        "full_article" => Action::FullArticle,
        "next_unread" => Action::NextUnread(1),
        "prev_unread" => Action::NextUnread(-1),
        _ => {
            let kind = EntityKind::ALL
                .into_iter()
                .find(|&k| name_of(&Action::ToggleKind(k)) == Some(name))?;
            Action::ToggleKind(kind)
        }
    })
}

/// The name of the action a key of the list or the reader can do; `None`
/// for what only the machinery or a typing pane asks for. Every variant is
/// listed, so a new action has to say whether it is bound.
pub fn name_of(action: &Action) -> Option<&'static str> {
    Some(match action {
        Action::Quit => "quit",
        Action::ToggleHelp => "help",
        Action::Back => "back",
        Action::ToggleMessages => "messages",
        Action::Move(1) => "down",
        Action::Move(-1) => "up",
        Action::PageDown => "page_down",
        Action::PageUp => "page_up",
        Action::Top => "top",
        Action::Bottom => "bottom",
        Action::Open => "open",
        Action::ToggleFocus => "toggle_focus",
        Action::FocusList => "focus_list",
        Action::FocusReader => "focus_reader",
        Action::NextArticle(1) => "next_article",
        Action::NextArticle(-1) => "prev_article",
        Action::Search => "search",
        Action::NextMatch(1) => "next_match",
        Action::NextMatch(-1) => "prev_match",
        Action::MoveCursor(1) => "cursor_next",
        Action::MoveCursor(-1) => "cursor_prev",
        Action::OpenMentions => "mentions",
        Action::ToggleOutline => "outline",
        Action::OpenEntities => "entities",
        Action::OpenFigures => "figures",
        Action::OpenStory => "story",
        Action::History(-1) => "history_back",
        Action::History(1) => "history_forward",
        Action::ToggleGroups => "group_by_source",
        Action::ToggleStories => "stories",
        Action::NextSource(1) => "next_source",
        Action::NextSource(-1) => "prev_source",
        Action::PickSource => "pick_source",
        Action::ToggleLegend => "legend",
        Action::CycleColors => "colors",
        Action::ToggleRead => "toggle_read",
        Action::ToggleStar => "star",
        Action::OpenInBrowser => "open_browser",
        Action::CopyLink => "copy_link",
        Action::Pipe => "pipe",
        Action::Reload => "reload",
        Action::FullArticle => "full_article",
        Action::NextUnread(1) => "next_unread",
        Action::NextUnread(-1) => "prev_unread",
        Action::ToggleKind(kind) => match kind {
            EntityKind::Person => "toggle_person",
            EntityKind::Organization => "toggle_organization",
            EntityKind::Place => "toggle_place",
            EntityKind::Name => "toggle_name",
            EntityKind::Number => "toggle_number",
            EntityKind::Date => "toggle_date",
        },
        Action::Move(_)
        | Action::NextArticle(_)
        | Action::NextMatch(_)
        | Action::MoveCursor(_)
        | Action::History(_)
        | Action::NextSource(_)
        | Action::NextUnread(_)
        | Action::Insert(_)
        | Action::DeleteBack
        | Action::DeleteWord
        | Action::ClearInput
        | Action::Submit
        | Action::FilterBySource
        | Action::ToggleSelectedKind
        | Action::CycleSort
        | Action::Mouse(_)
        | Action::Resize(..)
        | Action::Tick
        | Action::Update(_) => return None,
    })
}

fn story_keymap(key: KeyEvent, ctrl: bool) -> Option<Action> {
    let action = match key.code {
        KeyCode::Char('j') | KeyCode::Down => Action::Move(1),
        KeyCode::Char('k') | KeyCode::Up => Action::Move(-1),
        KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
        KeyCode::Char('d' | 'f') if ctrl => Action::PageDown,
        KeyCode::PageUp | KeyCode::Char('b') => Action::PageUp,
        KeyCode::Char('u') if ctrl => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::Char('}' | 'J') => Action::NextSource(1),
        KeyCode::Char('{' | 'K') => Action::NextSource(-1),
        KeyCode::Enter => Action::Open,
        KeyCode::Char('T') => Action::OpenStory,
        _ => return None,
    };
    Some(action)
}

fn mentions_keymap(key: KeyEvent, ctrl: bool) -> Option<Action> {
    match key.code {
        KeyCode::Tab | KeyCode::BackTab => None,
        _ => editing_keymap(key, ctrl),
    }
}

fn entities_keymap(key: KeyEvent, ctrl: bool) -> Option<Action> {
    match key.code {
        KeyCode::Tab | KeyCode::BackTab => Some(Action::CycleSort),
        KeyCode::Char('s') if ctrl => Some(Action::CycleSort),
        _ => editing_keymap(key, ctrl),
    }
}

fn picker_keymap(key: KeyEvent, ctrl: bool) -> Option<Action> {
    match key.code {
        KeyCode::Char('f') if ctrl => Some(Action::FilterBySource),
        KeyCode::Tab | KeyCode::BackTab => None,
        _ => editing_keymap(key, ctrl),
    }
}

/// The legend's own keys, after the bound ones.
fn legend_keymap(key: KeyEvent) -> Option<Action> {
    let action = match key.code {
        KeyCode::Char(' ' | 'x') | KeyCode::Enter => Action::ToggleSelectedKind,
        KeyCode::Char('c') => Action::CycleColors,
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
            ("Enter", "read the article (marks it read)"),
            ("u", "mark read or unread (unread titles are bold)"),
            ("*", "star or unstar (★ after the title)"),
            (". ,", "next, previous unread article (round the end)"),
            ("O  y  |", "open its link, copy it, pipe it to $PAGER"),
            ("r  f", "reload URLs and files; f: the linked page in full"),
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
            ("u  *", "mark read or unread, star or unstar"),
            (". ,  O y |", "next unread, previous; link, copy, pipe"),
            ("/", "find in the article"),
            ("n N", "next, previous find match"),
            ("] [", "cursor to the next, previous name or number"),
            ("Enter", "every mention of the name or figure under it"),
        ],
    ),
    (
        "Outline (o in the list or reader)",
        &[
            ("o", "open the outline, or close it from there"),
            ("j k  g G", "move"),
            ("Enter", "go to the first mention; then n N step"),
            ("Tab  l  h", "to the reader, to the list"),
            ("Esc", "close"),
        ],
    ),
    (
        "Entity index (e)",
        &[
            ("type", "narrow the names (fuzzy)"),
            ("Tab  Ctrl-s", "sort by mentions, articles, sources, name"),
            ("Enter", "filter the list to it (person:\"…\"); again adds"),
            ("Esc", "close"),
        ],
    ),
    (
        "Story (T): the selected article's story",
        &[
            ("j k  Space b  } {", "scroll; next, previous article"),
            (
                "colours, ≠",
                "only this source says it; a figure others give otherwise",
            ),
            ("Enter  Esc", "read the article at the top; close"),
        ],
    ),
    (
        "Figures (F): every number and date",
        &[
            (
                "type",
                "narrow: title, source, digits (38), value (4bn), 2026-11",
            ),
            (
                "Tab  Ctrl-s",
                "sort by article date, value, source; ≠ disagrees",
            ),
            ("Enter  Esc", "open the article at the figure; close"),
        ],
    ),
    (
        "History (list, reader, outline)",
        &[
            ("Ctrl-o  Backspace  <", "back to where you jumped from"),
            (
                "Ctrl-i  >",
                "forward again (Ctrl-i where the terminal tells it from Tab)",
            ),
        ],
    ),
    (
        "Mentions",
        &[
            ("type", "narrow by title, source or sentence (fuzzy)"),
            ("↓ ↑  Ctrl-n Ctrl-p", "move"),
            ("Enter", "open the article at the mention"),
            ("Esc", "close"),
        ],
    ),
    (
        "Sources (list and reader)",
        &[
            ("s", "group the list by source, or not"),
            ("t", "show the list as stories, or not"),
            ("} {", "next, previous source"),
            ("S", "source picker"),
        ],
    ),
    (
        "Source picker",
        &[
            ("type", "narrow the sources (fuzzy)"),
            ("↓ ↑  Ctrl-n Ctrl-p", "move"),
            ("Enter", "go to the source's first article"),
            ("Ctrl-f", "filter the list to the source"),
            ("Esc", "close"),
        ],
    ),
    (
        "Highlights (list and reader)",
        &[
            ("L", "legend: switch kinds on and off"),
            ("1 … 6", "switch person … date on or off"),
            ("C", "colour or no colour"),
            ("in the legend", "j k move, Space toggle, c colour"),
        ],
    ),
    (
        "Filter syntax (fzf's, and fields)",
        &[
            ("word", "fuzzy in title or source, or a word in the body"),
            ("'word", "exact"),
            ("^word  word$", "starts with, ends with"),
            ("!word", "must not contain (also !field:value)"),
            ("a | b", "either"),
            ("2024", "digits match literally"),
            ("\"two words\"", "a phrase: the words one after another"),
            ("source: title:", "in that field only (also author:)"),
            ("person:blair", "mentions that person (org: place: name:)"),
            ("date:2025-06", "dated then; 2025-01..2025-03 is a span"),
            ("num:>1000", "a figure by value: 40005 <5 1000..5000 4bn"),
            (
                "is:unread  tag:x",
                "unread (is:read, is:starred); a feed's tag",
            ),
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::keys::KeySpec;

    fn keymap(key: KeyEvent, context: KeyContext) -> Option<Action> {
        super::keymap(key, context, &KeyBindings::default())
    }

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
    fn alt_with_an_unbound_key_is_the_key_and_a_bound_alt_key_wins() {
        let alt_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::ALT);
        assert!(matches!(
            keymap(alt_q, KeyContext::List),
            Some(Action::Quit)
        ));
        let (b, _) =
            KeyBindings::with_overrides(&[("help", vec![KeySpec::parse("Alt-q").unwrap()])]);
        assert!(matches!(
            super::keymap(alt_q, KeyContext::List, &b),
            Some(Action::ToggleHelp)
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
    fn source_keys_work_in_the_list_and_the_reader() {
        for context in [KeyContext::List, KeyContext::Reader] {
            assert!(matches!(
                keymap(key(KeyCode::Char('s')), context),
                Some(Action::ToggleGroups)
            ));
            assert!(matches!(
                keymap(key(KeyCode::Char('S')), context),
                Some(Action::PickSource)
            ));
            assert!(matches!(
                keymap(key(KeyCode::Char('}')), context),
                Some(Action::NextSource(1))
            ));
            assert!(matches!(
                keymap(key(KeyCode::Char('{')), context),
                Some(Action::NextSource(-1))
            ));
        }
    }

    #[test]
    fn the_picker_types_letters_and_ctrl_f_filters() {
        let p = KeyContext::Picker;
        for c in ['s', 'S', 'q', '}', '1', 'L'] {
            assert!(matches!(
                keymap(key(KeyCode::Char(c)), p),
                Some(Action::Insert(x)) if x == c
            ));
        }
        assert!(matches!(keymap(ctrl('f'), p), Some(Action::FilterBySource)));
        assert!(matches!(
            keymap(key(KeyCode::Enter), p),
            Some(Action::Submit)
        ));
        assert!(matches!(keymap(key(KeyCode::Esc), p), Some(Action::Back)));
        assert!(matches!(keymap(ctrl('n'), p), Some(Action::Move(1))));
        assert!(keymap(key(KeyCode::Tab), p).is_none());
        assert!(matches!(keymap(ctrl('c'), p), Some(Action::Quit)));
    }

    #[test]
    fn digits_switch_kinds_in_legend_order() {
        for (c, kind) in ('1'..='6').zip(EntityKind::ALL) {
            for context in [KeyContext::List, KeyContext::Reader, KeyContext::Legend] {
                assert!(matches!(
                    keymap(key(KeyCode::Char(c)), context),
                    Some(Action::ToggleKind(k)) if k == kind
                ));
            }
        }
        for c in ['0', '7', '9'] {
            assert!(keymap(key(KeyCode::Char(c)), KeyContext::List).is_none());
        }
    }

    #[test]
    fn the_legend_has_its_own_keys() {
        let l = KeyContext::Legend;
        for code in [KeyCode::Char(' '), KeyCode::Enter, KeyCode::Char('x')] {
            assert!(matches!(
                keymap(key(code), l),
                Some(Action::ToggleSelectedKind)
            ));
        }
        assert!(matches!(
            keymap(key(KeyCode::Char('c')), l),
            Some(Action::CycleColors)
        ));
        assert!(matches!(
            keymap(key(KeyCode::Char('j')), l),
            Some(Action::Move(1))
        ));
        assert!(matches!(
            keymap(key(KeyCode::Char('L')), l),
            Some(Action::ToggleLegend)
        ));
        assert!(matches!(keymap(key(KeyCode::Esc), l), Some(Action::Back)));
        // Keys of the panes do nothing while the legend is open.
        assert!(keymap(key(KeyCode::Char('s')), l).is_none());
        assert!(keymap(key(KeyCode::Char('J')), l).is_none());
        for context in [KeyContext::List, KeyContext::Reader] {
            assert!(matches!(
                keymap(key(KeyCode::Char('L')), context),
                Some(Action::ToggleLegend)
            ));
            assert!(matches!(
                keymap(key(KeyCode::Char('C')), context),
                Some(Action::CycleColors)
            ));
        }
    }

    #[test]
    fn name_keys_cursor_mentions_outline_entities_and_history() {
        for context in [KeyContext::List, KeyContext::Reader] {
            assert!(matches!(
                keymap(key(KeyCode::Char(']')), context),
                Some(Action::MoveCursor(1))
            ));
            assert!(matches!(
                keymap(key(KeyCode::Char('[')), context),
                Some(Action::MoveCursor(-1))
            ));
            assert!(matches!(
                keymap(key(KeyCode::Char('o')), context),
                Some(Action::ToggleOutline)
            ));
            assert!(matches!(
                keymap(key(KeyCode::Char('e')), context),
                Some(Action::OpenEntities)
            ));
        }
        assert!(matches!(
            keymap(key(KeyCode::Enter), KeyContext::Reader),
            Some(Action::OpenMentions)
        ));
        assert!(matches!(
            keymap(key(KeyCode::Enter), KeyContext::List),
            Some(Action::Open)
        ));
        for context in [KeyContext::List, KeyContext::Reader, KeyContext::Outline] {
            for back in [ctrl('o'), key(KeyCode::Backspace), key(KeyCode::Char('<'))] {
                assert!(matches!(keymap(back, context), Some(Action::History(-1))));
            }
            for forward in [ctrl('i'), key(KeyCode::Char('>'))] {
                assert!(matches!(keymap(forward, context), Some(Action::History(1))));
            }
        }
        // Tab stays Tab: where the terminal cannot tell Ctrl-i from it.
        assert!(matches!(
            keymap(key(KeyCode::Tab), KeyContext::Reader),
            Some(Action::ToggleFocus)
        ));
        // Typing panes take letters as text, Backspace as a deletion.
        for context in [KeyContext::Mentions, KeyContext::Entities] {
            assert!(matches!(
                keymap(key(KeyCode::Char('o')), context),
                Some(Action::Insert('o'))
            ));
            assert!(matches!(
                keymap(key(KeyCode::Backspace), context),
                Some(Action::DeleteBack)
            ));
        }
        assert!(matches!(
            keymap(key(KeyCode::Tab), KeyContext::Entities),
            Some(Action::CycleSort)
        ));
        assert!(matches!(
            keymap(key(KeyCode::Enter), KeyContext::Outline),
            Some(Action::Submit)
        ));
        assert!(matches!(
            keymap(key(KeyCode::Char('n')), KeyContext::Outline),
            Some(Action::NextMatch(1))
        ));
    }

    #[test]
    fn every_row_of_the_key_table_names_an_action_and_back() {
        for info in crate::config::keys::ACTIONS {
            let action = named(info.name).unwrap_or_else(|| panic!("{}", info.name));
            assert_eq!(name_of(&action), Some(info.name));
        }
        assert!(named("no_such_action").is_none());
        // And every action a key can do has its row.
        let mut every = vec![
            Action::Quit,
            Action::ToggleHelp,
            Action::Back,
            Action::ToggleMessages,
            Action::PageDown,
            Action::PageUp,
            Action::Top,
            Action::Bottom,
            Action::Open,
            Action::ToggleFocus,
            Action::FocusList,
            Action::FocusReader,
            Action::Search,
            Action::OpenMentions,
            Action::ToggleOutline,
            Action::OpenEntities,
            Action::ToggleGroups,
            Action::ToggleStories,
            Action::PickSource,
            Action::ToggleLegend,
            Action::CycleColors,
            Action::ToggleRead,
            Action::ToggleStar,
            Action::OpenInBrowser,
            Action::CopyLink,
            Action::Pipe,
            Action::Reload,
            Action::FullArticle,
        ];
        for step in [1, -1] {
            every.extend([
                Action::Move(step),
                Action::NextArticle(step),
                Action::NextMatch(step),
                Action::MoveCursor(step),
                Action::History(step),
                Action::NextSource(step),
                Action::NextUnread(step),
            ]);
        }
        every.extend(EntityKind::ALL.map(Action::ToggleKind));
        for action in &every {
            let name = name_of(action).unwrap_or_else(|| panic!("{action:?} has no name"));
            assert!(
                crate::config::keys::action_info(name).is_some(),
                "{name} is not in the key table"
            );
        }
        assert!(name_of(&Action::Insert('x')).is_none());
    }

    #[test]
    fn remapped_keys_work_in_the_outline_and_overlays_too() {
        let (b, _) = KeyBindings::with_overrides(&[
            ("down", vec![KeySpec::parse("x").unwrap()]),
            ("quit", vec![KeySpec::parse("Q").unwrap()]),
        ]);
        for context in [KeyContext::Outline, KeyContext::Overlay, KeyContext::Legend] {
            assert!(matches!(
                super::keymap(key(KeyCode::Char('x')), context, &b),
                Some(Action::Move(1))
            ));
            assert!(super::keymap(key(KeyCode::Char('j')), context, &b).is_none());
            assert!(matches!(
                super::keymap(key(KeyCode::Char('Q')), context, &b),
                Some(Action::Quit)
            ));
        }
    }

    #[test]
    fn every_help_key_section_is_filled() {
        assert!(KEY_HELP.iter().all(|(_, keys)| !keys.is_empty()));
    }
}
