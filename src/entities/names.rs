//! Name keys: the one string that every way of writing a name comes down
//! to, and the gazetteer's aliases between keys.
//!
//! A key is the name's words, lowercased, with Latin accents folded
//! (`Zürich` is `zurich`), periods and apostrophes dropped (`U.S.` is `us`,
//! `O'Brien` is `obrien`), a possessive and a leading "the" removed, and any
//! other run of punctuation or space written as one space (`Al-Thani` is
//! `al thani`). Two mentions with the same key and kind are one entity.

use std::collections::HashMap;
use std::sync::LazyLock;

use foldhash::fast::FixedState;

/// The key of `surface` into `out` (cleared first).
pub(crate) fn name_key(surface: &str, out: &mut String) {
    out.clear();
    let mut text = surface.trim();
    // a possessive ends in `s`, `S` or an apostrophe (whose last byte in
    // UTF-8 is 0x99): most names end otherwise, and skip the endings
    if matches!(text.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        for suffix in ["'s", "’s", "'S", "’S", "'", "’"] {
            if let Some(rest) = text.strip_suffix(suffix)
                && !rest.is_empty()
            {
                text = rest;
                break;
            }
        }
    }
    if let Some(rest) = text.get(..4)
        && rest.eq_ignore_ascii_case("the ")
        && text.len() > 4
    {
        text = &text[4..];
    }
    if text.is_ascii() {
        fold_ascii(text, out);
    } else {
        fold_chars(text, out);
    }
}

/// [`fold_chars`] byte by byte, for ASCII text (most names).
fn fold_ascii(text: &str, out: &mut String) {
    out.reserve(text.len());
    let mut gap = false;
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else if !matches!(b, b'.' | b'\'') {
            gap = true;
        }
    }
}

/// Letters and digits folded, runs of anything else but dots and
/// apostrophes made one space.
fn fold_chars(text: &str, out: &mut String) {
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            push_folded(c, out);
        } else if !matches!(c, '.' | '\'' | '’' | '‘' | 'ʼ' | '\u{ad}') {
            gap = true;
        }
    }
}

/// The key of `surface`, as a new string.
pub(crate) fn key_of(surface: &str) -> String {
    let mut key = String::new();
    name_key(surface, &mut key);
    key
}

/// Lowercase `c` and fold the Latin accents news names carry.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    let folded = match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'i' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        other => {
            out.push(other);
            return;
        }
    };
    out.push_str(folded);
}

/// Whether a name is written in capitals only (a headline's `TRUMP`).
pub(crate) fn all_caps(surface: &str) -> bool {
    let mut letters = surface.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_lowercase())
}

/// The gazetteer's alias groups (`assets/gazetteer/aliases.txt`): each
/// key of a group leads to the group's first name.
pub(crate) struct Aliases {
    /// Key of any spelling to its group.
    groups_of: HashMap<Box<str>, u32, FixedState>,
    /// Per group: the key and the spelling of its first name.
    groups: Vec<(Box<str>, Box<str>)>,
}

pub(crate) static ALIASES: LazyLock<Aliases> =
    LazyLock::new(|| Aliases::parse(include_str!("../../assets/gazetteer/aliases.txt")));

impl Aliases {
    fn parse(list: &str) -> Self {
        let mut aliases = Self {
            groups_of: HashMap::default(),
            groups: Vec::new(),
        };
        for line in list.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut names = line.split('|').map(str::trim).filter(|n| !n.is_empty());
            let Some(first) = names.next() else { continue };
            let Ok(group) = u32::try_from(aliases.groups.len()) else {
                break;
            };
            let first_key = key_of(first);
            if first_key.is_empty() {
                continue;
            }
            for name in std::iter::once(first).chain(names) {
                let key = key_of(name);
                // The first group to name a key keeps it.
                if !key.is_empty() && !aliases.groups_of.contains_key(key.as_str()) {
                    aliases.groups_of.insert(key.into_boxed_str(), group);
                }
            }
            aliases
                .groups
                .push((first_key.into_boxed_str(), first.into()));
        }
        aliases
    }

    /// The key and spelling of the name `key` stands for, when it is one
    /// of the listed spellings.
    pub(crate) fn lookup(&self, key: &str) -> Option<(&str, &str)> {
        let group = *self.groups_of.get(key)?;
        self.groups
            .get(group as usize)
            .map(|(k, name)| (&**k, &**name))
    }

    /// How many groups are listed.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.groups.len()
    }
}

/// The key `key` stands for after aliases, as a borrowed or new string.
pub(crate) fn canonical_key(key: &str) -> &str {
    ALIASES.lookup(key).map_or(key, |(k, _)| k)
}

/// Whether every word of `part` occurs in `whole`, in the same order
/// (both keys). `donald trump` is in `donald j trump`; `trump donald` is not.
pub(crate) fn words_in_order(part: &str, whole: &str) -> bool {
    let mut rest = whole.split(' ');
    part.split(' ').all(|w| rest.any(|x| x == w))
}

/// The last word of a key.
pub(crate) fn last_word(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn ascii_keys_agree_with_the_char_path(text in "[ A-Za-z0-9.'&,-]{0,24}") {
            let (mut bytes, mut chars) = (String::new(), String::new());
            fold_ascii(&text, &mut bytes);
            fold_chars(&text, &mut chars);
            proptest::prop_assert_eq!(bytes, chars);
        }
    }

    #[test]
    fn keys_ignore_case_possessives_punctuation_and_accents() {
        for (a, b) in [
            ("TRUMP", "Trump"),
            ("Trump's", "Trump"),
            ("Netanyahu’s", "Netanyahu"),
            ("Hamas'", "Hamas"),
            ("U.S.", "US"),
            ("Al-Thani", "al Thani"),
            ("Zürich", "Zurich"),
            ("São Paulo", "Sao  Paulo"),
            ("O'Brien", "OBrien"),
            ("the Hague", "The Hague"),
            ("Côte d’Ivoire", "Cote d'Ivoire"),
            ("Straße", "Strasse"),
        ] {
            assert_eq!(key_of(a), key_of(b), "{a} / {b}");
        }
        assert_eq!(
            key_of("Mohammed bin Abdulrahman Al-Thani"),
            "mohammed bin abdulrahman al thani"
        );
        assert_eq!(key_of("  AT&T "), "at t");
        assert_eq!(key_of("İstanbul"), "istanbul");
        assert_eq!(key_of("東京"), "東京");
        // A name that is only an apostrophe or "the" keeps what it has.
        assert_eq!(key_of("'s"), "s");
        assert_eq!(key_of("The"), "the");
        assert_eq!(key_of(""), "");
        assert_ne!(key_of("Trump"), key_of("Trumps"));
    }

    #[test]
    fn capitals_only() {
        assert!(all_caps("TRUMP"));
        assert!(all_caps("U.S."));
        assert!(!all_caps("Trump"));
        assert!(!all_caps("1996"));
    }

    #[test]
    fn aliases_lead_to_the_first_name_of_their_group() {
        for spelling in ["US", "U.S.", "USA", "U.S.A.", "United States", "America"] {
            assert_eq!(
                ALIASES.lookup(&key_of(spelling)),
                Some(("united states", "United States")),
                "{spelling}"
            );
        }
        assert_eq!(
            ALIASES.lookup(&key_of("Nato")).map(|(_, n)| n),
            Some("NATO")
        );
        assert_eq!(
            ALIASES.lookup(&key_of("Cote d'Ivoire")).map(|(_, n)| n),
            Some("Ivory Coast")
        );
        assert_eq!(ALIASES.lookup("rotterdam"), None);
        assert_eq!(canonical_key("uk"), "united kingdom");
        assert_eq!(canonical_key("rotterdam"), "rotterdam");
        assert!(ALIASES.len() > 50);
    }

    #[test]
    fn every_alias_line_parses_and_no_spelling_is_in_two_groups() {
        let list = include_str!("../../assets/gazetteer/aliases.txt");
        let mut seen = std::collections::HashMap::new();
        for (n, line) in list.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let names: Vec<&str> = line.split('|').map(str::trim).collect();
            assert!(names.len() >= 2, "line {}: {line}", n + 1);
            for name in names {
                let key = key_of(name);
                assert!(!key.is_empty(), "line {}: {line}", n + 1);
                if let Some(prev) = seen.insert(key.clone(), n + 1) {
                    panic!("{name:?} on lines {prev} and {}", n + 1);
                }
            }
        }
    }

    #[test]
    fn word_order() {
        assert!(words_in_order("donald trump", "donald j trump"));
        assert!(words_in_order("trump", "donald trump"));
        assert!(!words_in_order("trump donald", "donald trump"));
        assert!(!words_in_order("trum", "donald trump"));
        assert_eq!(last_word("tony blair"), "blair");
        assert_eq!(last_word("blair"), "blair");
    }
}
