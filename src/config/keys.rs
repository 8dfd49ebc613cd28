//! Key bindings: every action of the list and the reader by name, the keys
//! that do it, and what the config changes.
//!
//! [`ACTIONS`] is the one table of remappable actions: its name in the
//! config, where it applies, its default keys and what it does. An action
//! added later is one more row. Typing in the filter bar, the find prompt
//! and the pickers is not remapped (letters type themselves there), and
//! `Ctrl-c` always quits.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where an action's keys work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// In the list and in the reader.
    Both,
    List,
    Reader,
}

impl Scope {
    fn overlaps(self, other: Scope) -> bool {
        self == Scope::Both || other == Scope::Both || self == other
    }

    pub fn label(self) -> &'static str {
        match self {
            Scope::Both => "list and reader",
            Scope::List => "list",
            Scope::Reader => "reader",
        }
    }
}

/// One remappable action.
#[derive(Debug, Clone, Copy)]
pub struct ActionInfo {
    /// Its key in the config's `[keys]` table.
    pub name: &'static str,
    pub scope: Scope,
    pub keys: &'static [&'static str],
    pub about: &'static str,
}

const fn action(
    name: &'static str,
    scope: Scope,
    keys: &'static [&'static str],
    about: &'static str,
) -> ActionInfo {
    ActionInfo {
        name,
        scope,
        keys,
        about,
    }
}

/// Every action of the list and the reader, with its default keys.
pub const ACTIONS: &[ActionInfo] = &[
    action("quit", Scope::Both, &["q"], "quit (Ctrl-c always quits)"),
    action("help", Scope::Both, &["?"], "help: every key"),
    action(
        "back",
        Scope::Both,
        &["Esc"],
        "clear the find or filter, close, go back",
    ),
    action(
        "messages",
        Scope::Both,
        &["m"],
        "files skipped or read with warnings",
    ),
    action(
        "down",
        Scope::Both,
        &["j", "Down"],
        "move down a row or line",
    ),
    action("up", Scope::Both, &["k", "Up"], "move up a row or line"),
    action(
        "page_down",
        Scope::Both,
        &["Space", "PgDn", "Ctrl-d", "Ctrl-f"],
        "a page down",
    ),
    action(
        "page_up",
        Scope::Both,
        &["b", "PgUp", "Ctrl-u", "Ctrl-b"],
        "a page up",
    ),
    action(
        "top",
        Scope::Both,
        &["g", "Home"],
        "first row, top of the article",
    ),
    action(
        "bottom",
        Scope::Both,
        &["G", "End"],
        "last row, end of the article",
    ),
    action("open", Scope::List, &["Enter"], "read the selected article"),
    action(
        "toggle_focus",
        Scope::Both,
        &["Tab", "BackTab"],
        "switch between list and reader",
    ),
    action("focus_list", Scope::Both, &["h", "Left"], "to the list"),
    action(
        "focus_reader",
        Scope::Both,
        &["l", "Right"],
        "to the reader",
    ),
    action(
        "next_article",
        Scope::Both,
        &["J"],
        "read the next article of the list",
    ),
    action(
        "prev_article",
        Scope::Both,
        &["K"],
        "read the previous article of the list",
    ),
    action(
        "search",
        Scope::Both,
        &["/"],
        "filter the list, or find in the article",
    ),
    action("next_match", Scope::Both, &["n"], "next find match"),
    action("prev_match", Scope::Both, &["N"], "previous find match"),
    action(
        "cursor_next",
        Scope::Both,
        &["]"],
        "cursor to the next name or number",
    ),
    action(
        "cursor_prev",
        Scope::Both,
        &["["],
        "cursor to the previous name or number",
    ),
    action(
        "mentions",
        Scope::Reader,
        &["Enter"],
        "every mention of the name under the cursor",
    ),
    action(
        "outline",
        Scope::Both,
        &["o"],
        "the outline of the open article",
    ),
    action("entities", Scope::Both, &["e"], "the index of every name"),
    action(
        "reload",
        Scope::Both,
        &["r"],
        "fetch the URLs again and add what is new",
    ),
    action(
        "full_article",
        Scope::Both,
        &["f"],
        "the full article from its link, or the summary",
    ),
    action(
        "toggle_read",
        Scope::Both,
        &["u"],
        "mark the article read or unread",
    ),
    action(
        "star",
        Scope::Both,
        &["*"],
        "star the article, or take the star away",
    ),
    action(
        "next_unread",
        Scope::Both,
        &["."],
        "the next unread article, round the end of the list",
    ),
    action(
        "prev_unread",
        Scope::Both,
        &[","],
        "the previous unread article, round the start",
    ),
    action(
        "open_browser",
        Scope::Both,
        &["O"],
        "open the article's link in the browser",
    ),
    action(
        "copy_link",
        Scope::Both,
        &["y"],
        "copy the article's link (or title and path) with OSC 52",
    ),
    action(
        "pipe",
        Scope::Both,
        &["|"],
        "pipe the article to $PAGER, or to a command typed",
    ),
    action(
        "figures",
        Scope::Both,
        &["F"],
        "every number and date, disagreements flagged",
    ),
    action(
        "history_back",
        Scope::Both,
        &["Ctrl-o", "Backspace", "<"],
        "back to where you jumped from",
    ),
    action(
        "history_forward",
        Scope::Both,
        &["Ctrl-i", ">"],
        "forward again",
    ),
    action(
        "group_by_source",
        Scope::Both,
        &["s"],
        "group the list by source, or not",
    ),
    action(
        "stories",
        Scope::Both,
        &["t"],
        "show the list as stories, or not",
    ),
    action(
        "story",
        Scope::Both,
        &["T"],
        "the selected article's story, its sources compared",
    ),
    action(
        "next_source",
        Scope::Both,
        &["}"],
        "first article of the next source",
    ),
    action(
        "prev_source",
        Scope::Both,
        &["{"],
        "first article of the previous source",
    ),
    action("pick_source", Scope::Both, &["S"], "the source picker"),
    action(
        "legend",
        Scope::Both,
        &["L"],
        "the legend of highlight kinds",
    ),
    action("colors", Scope::Both, &["C"], "colour or no colour"),
    action(
        "toggle_person",
        Scope::Both,
        &["1"],
        "highlight people, or not",
    ),
    action(
        "toggle_organization",
        Scope::Both,
        &["2"],
        "highlight organizations, or not",
    ),
    action(
        "toggle_place",
        Scope::Both,
        &["3"],
        "highlight places, or not",
    ),
    action(
        "toggle_name",
        Scope::Both,
        &["4"],
        "highlight other names, or not",
    ),
    action(
        "toggle_number",
        Scope::Both,
        &["5"],
        "highlight figures, or not",
    ),
    action(
        "toggle_date",
        Scope::Both,
        &["6"],
        "highlight dates, or not",
    ),
];

/// The row of [`ACTIONS`] named `name`.
pub fn action_info(name: &str) -> Option<&'static ActionInfo> {
    ACTIONS.iter().find(|a| a.name == name)
}

/// One key as the config writes it: `j`, `G`, `Ctrl-d`, `Alt-x`, `Space`,
/// `PgDn`, `F5`… Shift is in the letter's case (`J`), and in `BackTab`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub code: KeyCode,
    /// Control and Alt only.
    pub modifiers: KeyModifiers,
}

const NAMED: &[(&str, KeyCode)] = &[
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("BackTab", KeyCode::BackTab),
    ("Space", KeyCode::Char(' ')),
    ("Backspace", KeyCode::Backspace),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
];

const ALIASES: &[(&str, &str)] = &[
    ("return", "Enter"),
    ("escape", "Esc"),
    ("bs", "Backspace"),
    ("del", "Delete"),
    ("ins", "Insert"),
    ("pageup", "PgUp"),
    ("pagedown", "PgDn"),
];

impl KeySpec {
    /// Read a key; `None` when it names none.
    pub fn parse(text: &str) -> Option<Self> {
        let mut rest = text.trim();
        let mut modifiers = KeyModifiers::NONE;
        let mut shift = false;
        // Modifiers come first, each followed by `-` or `+`; a lone `-` or
        // `+` (or `Ctrl--`) is the key itself.
        while rest.chars().count() > 1 {
            let Some((head, tail)) = rest.split_once(['-', '+']) else {
                break;
            };
            if tail.is_empty() && !rest.ends_with("--") && !rest.ends_with("++") {
                break;
            }
            match head.to_ascii_lowercase().as_str() {
                "ctrl" | "control" | "c" => modifiers |= KeyModifiers::CONTROL,
                "alt" | "meta" | "a" | "m" => modifiers |= KeyModifiers::ALT,
                "shift" | "s" => shift = true,
                _ => break,
            }
            rest = tail;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            (None, _) => return None,
            _ => Self::named(rest)?,
        };
        let code = match (code, shift) {
            (KeyCode::Tab, true) => KeyCode::BackTab,
            (KeyCode::Char(c), true) if c.is_ascii_lowercase() => {
                KeyCode::Char(c.to_ascii_uppercase())
            }
            (KeyCode::Char(c), false) if modifiers.contains(KeyModifiers::CONTROL) => {
                // Terminals send Ctrl-D and Ctrl-d alike.
                KeyCode::Char(c.to_ascii_lowercase())
            }
            (code, _) => code,
        };
        Some(Self { code, modifiers })
    }

    fn named(name: &str) -> Option<KeyCode> {
        let lower = name.to_ascii_lowercase();
        let canonical = ALIASES
            .iter()
            .find(|(alias, _)| *alias == lower)
            .map_or(name, |&(_, c)| c);
        if let Some(&(_, code)) = NAMED
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(canonical))
        {
            return Some(code);
        }
        let number = lower.strip_prefix('f')?.parse::<u8>().ok()?;
        (1..=24).contains(&number).then_some(KeyCode::F(number))
    }

    /// Whether a key press is this key.
    pub fn matches(&self, key: &KeyEvent) -> bool {
        Self::from_event(key) == *self
    }

    /// The key of a key press, as the bindings compare it.
    pub fn from_event(key: &KeyEvent) -> Self {
        let modifiers = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match key.code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        Self { code, modifiers }
    }
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if let Some((name, _)) = NAMED.iter().find(|(_, c)| *c == self.code) {
            return f.write_str(name);
        }
        match self.code {
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Two actions sharing a key where both apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub key: KeySpec,
    /// The action that keeps the key.
    pub kept: &'static str,
    /// The action that loses it.
    pub lost: &'static str,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is bound to both {} and {}; it does {}",
            self.key, self.kept, self.lost, self.kept
        )
    }
}

/// The keys of every action: the defaults, with what the config changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyBindings {
    /// Per row of [`ACTIONS`], in its order.
    keys: Vec<Vec<KeySpec>>,
}

impl Default for KeyBindings {
    fn default() -> Self {
        Self {
            keys: ACTIONS
                .iter()
                .map(|a| a.keys.iter().filter_map(|k| KeySpec::parse(k)).collect())
                .collect(),
        }
    }
}

impl KeyBindings {
    /// The defaults with `overrides` (action name → keys) in place of the
    /// actions' own keys. A key the config gives an action is taken from
    /// any action it was a default of; two actions the config gives one
    /// key keep it for the first in [`ACTIONS`] order. Every conflict is
    /// returned, with the action that keeps the key.
    pub fn with_overrides(overrides: &[(&'static str, Vec<KeySpec>)]) -> (Self, Vec<Conflict>) {
        let mut bindings = Self::default();
        let mut explicit = vec![false; ACTIONS.len()];
        for (name, keys) in overrides {
            if let Some(slot) = ACTIONS.iter().position(|a| a.name == *name) {
                bindings.keys[slot].clone_from(keys);
                explicit[slot] = true;
            }
        }
        let mut conflicts = Vec::new();
        // Explicit bindings first, so that they keep their keys.
        let mut order: Vec<usize> = (0..ACTIONS.len()).collect();
        order.sort_by_key(|&i| !explicit[i]);
        let mut taken: Vec<(KeySpec, usize)> = Vec::new();
        for i in order {
            let mut kept = Vec::new();
            for key in &bindings.keys[i] {
                let holder = taken
                    .iter()
                    .find(|(k, j)| k == key && ACTIONS[*j].scope.overlaps(ACTIONS[i].scope));
                if let Some(&(_, j)) = holder {
                    conflicts.push(Conflict {
                        key: *key,
                        kept: ACTIONS[j].name,
                        lost: ACTIONS[i].name,
                    });
                } else {
                    taken.push((*key, i));
                    kept.push(*key);
                }
            }
            bindings.keys[i] = kept;
        }
        (bindings, conflicts)
    }

    /// The keys of the action named `name` (none when unknown or unbound).
    pub fn keys(&self, name: &str) -> &[KeySpec] {
        ACTIONS
            .iter()
            .position(|a| a.name == name)
            .map_or(&[], |i| &self.keys[i])
    }

    /// The action a key press does in the list (`in_reader` false) or the
    /// reader.
    pub fn action(&self, key: &KeyEvent, in_reader: bool) -> Option<&'static str> {
        let pressed = KeySpec::from_event(key);
        let here = if in_reader {
            Scope::Reader
        } else {
            Scope::List
        };
        ACTIONS
            .iter()
            .zip(&self.keys)
            .find(|(a, keys)| a.scope.overlaps(here) && keys.contains(&pressed))
            .map(|(a, _)| a.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_parse_and_print_back() {
        for (text, code, mods) in [
            ("j", KeyCode::Char('j'), KeyModifiers::NONE),
            ("J", KeyCode::Char('J'), KeyModifiers::NONE),
            ("Shift-j", KeyCode::Char('J'), KeyModifiers::NONE),
            ("Ctrl-d", KeyCode::Char('d'), KeyModifiers::CONTROL),
            ("C-D", KeyCode::Char('d'), KeyModifiers::CONTROL),
            ("ctrl+d", KeyCode::Char('d'), KeyModifiers::CONTROL),
            ("Alt-x", KeyCode::Char('x'), KeyModifiers::ALT),
            ("M-x", KeyCode::Char('x'), KeyModifiers::ALT),
            ("Space", KeyCode::Char(' '), KeyModifiers::NONE),
            ("pagedown", KeyCode::PageDown, KeyModifiers::NONE),
            ("Return", KeyCode::Enter, KeyModifiers::NONE),
            ("Shift-Tab", KeyCode::BackTab, KeyModifiers::NONE),
            ("F5", KeyCode::F(5), KeyModifiers::NONE),
            ("-", KeyCode::Char('-'), KeyModifiers::NONE),
            ("+", KeyCode::Char('+'), KeyModifiers::NONE),
            ("Ctrl--", KeyCode::Char('-'), KeyModifiers::CONTROL),
            ("<", KeyCode::Char('<'), KeyModifiers::NONE),
            ("é", KeyCode::Char('é'), KeyModifiers::NONE),
        ] {
            let spec = KeySpec::parse(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((spec.code, spec.modifiers), (code, mods), "{text}");
            assert_eq!(KeySpec::parse(&spec.to_string()), Some(spec), "{text}");
        }
        for bad in ["", "Hyper-x", "F99", "PageSideways", "Ctrl-"] {
            assert_eq!(KeySpec::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn key_presses_match_as_terminals_send_them() {
        let shifted = key(KeyCode::Char('J'), KeyModifiers::SHIFT);
        assert!(KeySpec::parse("J").unwrap().matches(&shifted));
        let ctrl = key(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert!(KeySpec::parse("Ctrl-d").unwrap().matches(&ctrl));
        assert!(!KeySpec::parse("d").unwrap().matches(&ctrl));
        let backtab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert!(KeySpec::parse("BackTab").unwrap().matches(&backtab));
    }

    #[test]
    fn every_default_key_parses_and_the_defaults_do_not_conflict() {
        for a in ACTIONS {
            for k in a.keys {
                assert!(KeySpec::parse(k).is_some(), "{}: {k}", a.name);
            }
        }
        let (bindings, conflicts) = KeyBindings::with_overrides(&[]);
        assert!(conflicts.is_empty(), "{conflicts:?}");
        assert_eq!(bindings, KeyBindings::default());
        let names: std::collections::HashSet<_> = ACTIONS.iter().map(|a| a.name).collect();
        assert_eq!(names.len(), ACTIONS.len());
    }

    #[test]
    fn default_keys_do_what_the_keymap_does() {
        let b = KeyBindings::default();
        let press = |c| key(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(b.action(&press('j'), false), Some("down"));
        assert_eq!(
            b.action(&key(KeyCode::Enter, KeyModifiers::NONE), false),
            Some("open")
        );
        assert_eq!(
            b.action(&key(KeyCode::Enter, KeyModifiers::NONE), true),
            Some("mentions")
        );
        assert_eq!(b.action(&press('3'), true), Some("toggle_place"));
        assert_eq!(b.action(&press('x'), true), None);
    }

    #[test]
    fn every_action_can_be_moved_to_a_key_of_its_own() {
        for (i, a) in ACTIONS.iter().enumerate() {
            // F1 to F24, then Alt-F1 and on: keys no action has by default.
            let spec = KeySpec {
                code: KeyCode::F(u8::try_from(i % 24 + 1).unwrap()),
                modifiers: if i < 24 {
                    KeyModifiers::NONE
                } else {
                    KeyModifiers::ALT
                },
            };
            let (b, conflicts) = KeyBindings::with_overrides(&[(a.name, vec![spec])]);
            assert!(conflicts.is_empty(), "{}: {conflicts:?}", a.name);
            let in_reader = a.scope == Scope::Reader;
            let event = key(spec.code, spec.modifiers);
            assert_eq!(b.action(&event, in_reader), Some(a.name));
            for default in a.keys {
                let old = KeySpec::parse(default).unwrap();
                assert_ne!(
                    b.action(&key(old.code, old.modifiers), in_reader),
                    Some(a.name)
                );
            }
        }
    }

    #[test]
    fn a_key_given_in_the_config_is_taken_from_its_default_action_and_reported() {
        let s = KeySpec::parse("s").unwrap();
        let (b, conflicts) = KeyBindings::with_overrides(&[("quit", vec![s])]);
        assert_eq!(
            b.action(&key(KeyCode::Char('s'), KeyModifiers::NONE), false),
            Some("quit")
        );
        assert_eq!(
            conflicts,
            [Conflict {
                key: s,
                kept: "quit",
                lost: "group_by_source"
            }]
        );
        assert!(
            conflicts[0]
                .to_string()
                .contains("s is bound to both quit and group_by_source")
        );
        assert!(b.keys("group_by_source").is_empty());
        // Two actions given one key: the first in the table keeps it.
        let (b, conflicts) = KeyBindings::with_overrides(&[("down", vec![s]), ("up", vec![s])]);
        assert_eq!(conflicts.len(), 2, "{conflicts:?}");
        assert!(conflicts.iter().any(|c| c.kept == "down" && c.lost == "up"));
        assert_eq!(
            b.action(&key(KeyCode::Char('s'), KeyModifiers::NONE), true),
            Some("down")
        );
    }

    #[test]
    fn list_and_reader_actions_may_share_a_key() {
        let x = KeySpec::parse("x").unwrap();
        let (b, conflicts) =
            KeyBindings::with_overrides(&[("open", vec![x]), ("mentions", vec![x])]);
        assert!(conflicts.is_empty());
        let press = key(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(b.action(&press, false), Some("open"));
        assert_eq!(b.action(&press, true), Some("mentions"));
    }

    #[test]
    fn an_empty_list_unbinds() {
        let (b, _) = KeyBindings::with_overrides(&[("quit", vec![])]);
        assert!(b.keys("quit").is_empty());
        assert_eq!(
            b.action(&key(KeyCode::Char('q'), KeyModifiers::NONE), false),
            None
        );
    }
}
