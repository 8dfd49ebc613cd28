//! The gazetteers and word lists, built once into hash maps keyed by the
//! lower-cased words of each phrase.

use super::words::one_of;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::sync::LazyLock;

use foldhash::fast::FixedState;

use super::EntityKind;
use super::token::{self, Kind, LINE_START, SPACE, Token, UPPER};
use super::words;

pub(crate) type Map<K, V> = HashMap<K, V, FixedState>;
pub(crate) type Set<K> = HashSet<K, FixedState>;

/// Where a gazetteer entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Country,
    Region,
    Subdivision,
    City,
    Organization,
    Club,
    Demonym,
    Event,
    Holiday,
    Season,
}

impl Source {
    fn kind(self) -> EntityKind {
        match self {
            Source::Country | Source::Region | Source::Subdivision | Source::City => {
                EntityKind::Place
            }
            Source::Organization | Source::Club => EntityKind::Organization,
            Source::Demonym | Source::Event | Source::Holiday => EntityKind::Name,
            Source::Season => EntityKind::Date,
        }
    }

    /// Entries that are names even where a capital proves nothing (a
    /// sentence start, a headline), though the word is also a common one:
    /// `China`, `Turkey`, `Jordan`.
    pub fn strong_at_start(self) -> bool {
        matches!(
            self,
            Source::Country | Source::Demonym | Source::Region | Source::Club
        )
    }
}

/// A gazetteer entry: its kind, its source, and its words as written.
#[derive(Debug)]
pub(crate) struct Entry {
    pub kind: EntityKind,
    pub source: Source,
    /// The entry's tokens as written in the list, to check capitals.
    pub words: Box<[Box<str>]>,
    /// A single word that is also a common lower-case English word.
    pub common: bool,
}

/// Phrases keyed by their lower-cased tokens (joined by a space where the
/// text has white space), with the longest phrase for each first token;
/// by the hashes of their keys ([`word_hash`]).
pub(crate) struct Phrases<V> {
    map: Map<u64, V>,
    longest: Map<u64, u8>,
}

impl<V> Phrases<V> {
    fn new() -> Self {
        Self {
            map: Map::default(),
            longest: Map::default(),
        }
    }

    /// Add `phrase` unless it is there already (earlier lists win).
    fn insert(&mut self, phrase: &str, make: impl FnOnce(Vec<Box<str>>) -> V) {
        let mut toks = Vec::new();
        token::tokenize(phrase, &mut toks);
        if toks.is_empty() || toks.len() > usize::from(u8::MAX) {
            return;
        }
        let mut key = String::new();
        let mut first = String::new();
        for (k, t) in toks.iter().enumerate() {
            if k > 0 && t.has(SPACE) {
                key.push(' ');
            }
            push_key(&mut key, t.text(phrase));
            if k == 0 {
                first.clone_from(&key);
            }
        }
        let hash = word_hash(&key);
        if self.map.contains_key(&hash) {
            return;
        }
        let n = u8::try_from(toks.len()).unwrap_or(u8::MAX);
        let words = toks.iter().map(|t| t.text(phrase).into()).collect();
        self.map.insert(hash, make(words));
        let e = self.longest.entry(word_hash(&first)).or_insert(0);
        *e = (*e).max(n);
    }

    /// The longest phrase starting at token `i` (not running past `end` nor
    /// onto a new line) that `accept` takes, as (number of tokens, value).
    pub fn longest_at<'a>(
        &'a self,
        text: &str,
        toks: &[Token],
        i: usize,
        end: usize,
        buf: &mut String,
        accept: impl FnMut(&V, usize) -> bool,
    ) -> Option<(usize, &'a V)> {
        let first = toks.get(i)?;
        buf.clear();
        push_key(buf, first.text(text));
        let max = *self.longest.get(&word_hash(buf))?;
        self.longest_from(text, toks, i, end, max, buf, accept)
    }

    /// [`Phrases::longest_at`] for a first word whose longest phrase is
    /// known to have `max` tokens (its [`Listed`]), so not looked up again.
    #[allow(clippy::too_many_arguments)] // longest_at's, and the longest phrase
    pub fn longest_known<'a>(
        &'a self,
        text: &str,
        toks: &[Token],
        i: usize,
        end: usize,
        max: u8,
        buf: &mut String,
        accept: impl FnMut(&V, usize) -> bool,
    ) -> Option<(usize, &'a V)> {
        if max == 0 {
            return None;
        }
        let first = toks.get(i)?;
        buf.clear();
        push_key(buf, first.text(text));
        self.longest_from(text, toks, i, end, max, buf, accept)
    }

    /// The longest phrase as [`Phrases::longest_at`] finds it, from the key
    /// of its first token, already in `buf`.
    #[allow(clippy::too_many_arguments)]
    fn longest_from<'a>(
        &'a self,
        text: &str,
        toks: &[Token],
        i: usize,
        end: usize,
        max: u8,
        buf: &mut String,
        mut accept: impl FnMut(&V, usize) -> bool,
    ) -> Option<(usize, &'a V)> {
        let max = usize::from(max);
        let mut best = None;
        let mut n = 1;
        loop {
            if let Some(v) = self.map.get(&word_hash(buf))
                && accept(v, n)
            {
                best = Some((n, v));
            }
            if n >= max {
                break;
            }
            let Some(t) = toks.get(i + n) else { break };
            if i + n >= end || t.has(LINE_START) {
                break;
            }
            if t.has(SPACE) {
                buf.push(' ');
            }
            push_key(buf, t.text(text));
            n += 1;
        }
        best
    }
}

/// A Latin letter with a mark, plain (`é` → `e`, `ș` → `s`, `Ł` → `L`):
/// news often drops the marks, and writes others than a list does.
fn plain_letter(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'Ç' | 'Ć' | 'Ĉ' | 'Ċ' | 'Č' => 'C',
        'ď' | 'đ' => 'd',
        'Ď' | 'Đ' => 'D',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'ğ' | 'ģ' => 'g',
        'Ğ' | 'Ģ' => 'G',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => 'I',
        'ķ' => 'k',
        'Ķ' => 'K',
        'ĺ' | 'ļ' | 'ľ' | 'ł' => 'l',
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ł' => 'L',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ņ' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => 'O',
        'ŕ' | 'ř' => 'r',
        'Ŕ' | 'Ř' => 'R',
        'ś' | 'ş' | 'š' | 'ș' => 's',
        'Ś' | 'Ş' | 'Š' | 'Ș' => 'S',
        'ţ' | 'ť' | 'ț' => 't',
        'Ţ' | 'Ť' | 'Ț' => 'T',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' | 'Ÿ' => 'Y',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        _ => return None,
    })
}

/// `name` with its accented Latin letters plain (`Yaoundé` → `Yaounde`),
/// if it has any.
fn without_accents(name: &str) -> Option<String> {
    if !name
        .chars()
        .any(|c| plain_letter(c).is_some() || token::is_mark(c))
    {
        return None;
    }
    Some(
        name.chars()
            .filter(|&c| !token::is_mark(c))
            .map(|c| plain_letter(c).unwrap_or(c))
            .collect(),
    )
}

/// Append `word` to a key: lower case, one apostrophe, one hyphen.
#[inline]
pub(crate) fn push_key(buf: &mut String, word: &str) {
    if word.is_ascii() {
        let start = buf.len();
        buf.push_str(word);
        if let Some(added) = buf.get_mut(start..) {
            added.make_ascii_lowercase();
        }
        return;
    }
    // accents fold, as news drops or changes them (`Chișinău`, `Chisinau`)
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' => buf.push('\''),
            c if token::is_hyphen(c) => buf.push('-'),
            c => buf.extend(
                c.to_lowercase()
                    .filter(|&l| !token::is_mark(l))
                    .map(|l| plain_letter(l).unwrap_or(l)),
            ),
        }
    }
}

/// A town's key as [`Lexicon`] keeps it.
fn town_hash(key: &str) -> u64 {
    FixedState::with_seed(0x746f_776e).hash_one(key)
}

/// A listed word's key as [`Lexicon`] keeps it.
fn word_hash(key: &str) -> u64 {
    FixedState::with_seed(0x776f_7264).hash_one(key)
}

/// A title or office written before a name (`Prime Minister`, `Mr.`).
pub(crate) struct Title;

/// What the word lists hold of one word: all of it found with one lookup,
/// once per token of a text (see [`Lexicon::listed`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Listed {
    bits: u8,
    /// The most tokens of a gazetteer entry starting with this word (0:
    /// none starts with it).
    pub gazetteer: u8,
    /// The most tokens of a title starting with this word.
    pub title: u8,
}

impl Listed {
    const COMMON: u8 = 1;
    const MORE: u8 = 1 << 1;
    const FIRST_NAME: u8 = 1 << 2;
    /// Set on every `Listed` a lookup gives (never kept in the table), so
    /// that a cache can tell a word looked up from one not yet asked about.
    const LOOKED: u8 = 1 << 7;

    /// A common lower-case English word ([`Lexicon::is_common`]).
    pub fn common(self) -> bool {
        self.bits & Self::COMMON != 0
    }

    /// A rarer English word ([`Lexicon::is_rarer_word`]).
    pub fn rarer(self) -> bool {
        self.bits & Self::MORE != 0
    }

    /// A known given name ([`Lexicon::is_first_name`]).
    pub fn first_name(self) -> bool {
        self.bits & Self::FIRST_NAME != 0
    }

    pub fn looked(self) -> bool {
        self.bits & Self::LOOKED != 0
    }
}

pub(crate) struct Lexicon {
    pub gazetteer: Phrases<Entry>,
    pub titles: Phrases<Title>,
    /// Every word of the lists of common words, of rarer words and of given
    /// names, and every first word of a gazetteer entry or a title, with
    /// what those lists hold of it. Common and rarer words are keyed as
    /// their lists write them (in lower case), the others by [`push_key`];
    /// each by the hash of its key ([`word_hash`]), as the towns are: a
    /// lookup compares two numbers, not two strings, one of them elsewhere
    /// in memory, and the table is a third of the size.
    known: Map<u64, Listed>,
    /// Towns no other list has, by the hashes of their keys (see
    /// [`push_key`], [`town_hash`]): evidence that an unknown name is a
    /// place, never a name by itself. Sixty thousand names as hashes take
    /// a quarter of the memory they would as strings; two keys sharing a
    /// 64-bit hash is a chance too small to count.
    towns: Set<u64>,
}

fn lines(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

const LISTS: [(&str, Source); 10] = [
    (
        include_str!("../../assets/gazetteer/countries.txt"),
        Source::Country,
    ),
    (
        include_str!("../../assets/gazetteer/demonyms.txt"),
        Source::Demonym,
    ),
    (
        include_str!("../../assets/gazetteer/organizations.txt"),
        Source::Organization,
    ),
    (
        include_str!("../../assets/gazetteer/regions.txt"),
        Source::Region,
    ),
    (
        include_str!("../../assets/gazetteer/events.txt"),
        Source::Event,
    ),
    (
        include_str!("../../assets/gazetteer/holidays.txt"),
        Source::Holiday,
    ),
    (
        include_str!("../../assets/gazetteer/seasons.txt"),
        Source::Season,
    ),
    (
        include_str!("../../assets/gazetteer/clubs.txt"),
        Source::Club,
    ),
    (
        include_str!("../../assets/gazetteer/subdivisions.txt"),
        Source::Subdivision,
    ),
    (
        include_str!("../../assets/gazetteer/cities.txt"),
        Source::City,
    ),
];

impl Lexicon {
    fn build() -> Self {
        let mut known: Map<u64, Listed> = Map::default();
        let mut mark = |key: &str, bits: u8| {
            known.entry(word_hash(key)).or_default().bits |= bits;
        };
        for w in lines(include_str!("../../assets/gazetteer/common_words.txt")) {
            mark(w, Listed::COMMON);
        }
        for w in lines(include_str!("../../assets/gazetteer/more_words.txt")) {
            mark(w, Listed::MORE);
        }
        for w in lines(include_str!("../../assets/gazetteer/first_names.txt")) {
            let mut k = String::new();
            push_key(&mut k, w);
            mark(&k, Listed::FIRST_NAME);
        }
        let common = |k: &str| known.get(&word_hash(k)).is_some_and(|k| k.common());
        let mut gazetteer = Phrases::new();
        for (list, source) in LISTS {
            for name in lines(list) {
                let is_common = |n: &str| {
                    let mut k = String::new();
                    push_key(&mut k, n);
                    !n.contains(' ') && common(k.as_str())
                };
                let c = is_common(name);
                gazetteer.insert(name, |words| Entry {
                    kind: source.kind(),
                    source,
                    words: words.into_boxed_slice(),
                    common: c,
                });
                // "Yaounde", "Bogota": news often drops the accents
                if let Some(plain) = without_accents(name) {
                    gazetteer.insert(&plain, |words| Entry {
                        kind: source.kind(),
                        source,
                        words: words.into_boxed_slice(),
                        common: c,
                    });
                }
                if source == Source::Demonym && takes_plural_s(name) {
                    let plural = format!("{name}s");
                    let c = is_common(&plural);
                    gazetteer.insert(&plural, |words| Entry {
                        kind: source.kind(),
                        source,
                        words: words.into_boxed_slice(),
                        common: c,
                    });
                }
            }
        }
        let mut titles = Phrases::new();
        for t in lines(include_str!("../../assets/gazetteer/titles.txt")) {
            titles.insert(t, |_| Title);
        }
        // a town's line is its words with one space between, so its key is
        // the line's (the words' keys joined where the text has a space)
        let list = include_str!("../../assets/gazetteer/towns.txt");
        let mut towns = Set::with_capacity_and_hasher(list.len() / 10, FixedState::default());
        let mut k = String::new();
        for town in lines(list) {
            k.clear();
            push_key(&mut k, town);
            towns.insert(town_hash(&k));
        }
        for (&first, &n) in &gazetteer.longest {
            known.entry(first).or_default().gazetteer = n;
        }
        for (&first, &n) in &titles.longest {
            known.entry(first).or_default().title = n;
        }
        Self {
            gazetteer,
            titles,
            known,
            towns,
        }
    }

    /// What the lists hold of `key`: by [`push_key`], or as the common
    /// and rarer words' lists write them.
    fn get(&self, key: &str) -> Listed {
        let mut listed = self.known.get(&word_hash(key)).copied().unwrap_or_default();
        listed.bits |= Listed::LOOKED;
        listed
    }

    /// What the lists hold of a token's `word`, given its lower case
    /// (`lower`, as [`words::lower`] gives it): what [`Lexicon::is_common`],
    /// [`Lexicon::is_first_name`] and the longest gazetteer entry and title
    /// starting there would find, in one lookup for a word in ASCII.
    pub fn listed(&self, word: &str, lower: Option<&str>) -> Listed {
        if word.is_ascii()
            && let Some(l) = lower
        {
            // the list's key and the word's lower case are one
            return self.get(l);
        }
        let words_bits = Listed::COMMON | Listed::MORE | Listed::FIRST_NAME;
        let mut bits = lower.map_or(0, |l| {
            let mut b = self.get(l).bits & words_bits;
            // an accented spelling of a listed name is that name
            if without_accents(l).is_some_and(|w| self.get(&w).first_name()) {
                b |= Listed::FIRST_NAME;
            }
            b
        });
        let mut key = String::new();
        push_key(&mut key, word);
        let phrases = self.get(&key);
        bits |= Listed::LOOKED;
        Listed {
            bits,
            gazetteer: phrases.gazetteer,
            title: phrases.title,
        }
    }

    /// Is `key` (see [`push_key`]) the name of a town in `towns.txt`?
    pub fn is_town_key(&self, key: &str) -> bool {
        self.towns.contains(&town_hash(key))
    }

    /// Is `word` (any case) a common lower-case English word?
    pub fn is_common(&self, word: &str) -> bool {
        let mut buf = [0u8; 32];
        match words::lower(word, &mut buf) {
            Some(w) => self.get(w).common(),
            None => false,
        }
    }

    /// [`Lexicon::is_first_name`] of a word already in lower case.
    /// An accented spelling of a listed name is that name (`Luís`, `Tomás`).
    pub fn is_first_name_lower(&self, word: &str) -> bool {
        self.get(word).first_name()
            || (!word.is_ascii()
                && without_accents(word).is_some_and(|w| self.get(&w).first_name()))
    }

    /// Is `word` a common word or an inflection of one (`Forecasters`,
    /// `Analysts`, `Worried`)? For capitals that prove nothing.
    pub fn is_common_form(&self, word: &str) -> bool {
        let mut buf = [0u8; 32];
        let Some(w) = words::lower(word, &mut buf) else {
            return false;
        };
        let common = |w: &str| self.get(w).common();
        if common(w) {
            return true;
        }
        let stem_common = |stem: &str| {
            stem.len() >= 3 && self.get(stem).bits & (Listed::COMMON | Listed::MORE) != 0
        };
        let mut y = String::new();
        if let Some(s) = w.strip_suffix("ies") {
            y.push_str(s);
            y.push('y');
        }
        w.strip_suffix('s').is_some_and(stem_common)
            || w.strip_suffix("es").is_some_and(stem_common)
            || (!y.is_empty() && stem_common(&y))
            || w.strip_suffix("ed").is_some_and(stem_common)
            || w.strip_suffix('d').is_some_and(stem_common)
            || w.strip_suffix("ing").is_some_and(stem_common)
            || w.strip_suffix("ly").is_some_and(stem_common)
            || w.strip_suffix("ers").is_some_and(stem_common)
            // endings only common nouns have: "Volcanologists",
            // "Disinflation"
            || (w.len() >= 8
                && ["ologist", "ologists", "ation", "ations"]
                    .iter()
                    .any(|end| w.ends_with(end)))
            // "Affordability", "Connectivity"
            || (w.len() >= 10 && w.ends_with("ity"))
            // "Cybersecurity", "Geoscience": a prefix on a common word of
            // six letters or more (not "Underwood", "Microsoft")
            || (w.len() >= 9
                && ["cyber", "micro", "bio", "geo", "eco", "tele", "multi", "counter", "hyper", "neuro"]
                    .iter()
                    .filter_map(|p| w.strip_prefix(p))
                    .any(|rest| rest.len() >= 6 && common(rest)))
            || w.strip_suffix("ists").is_some_and(|s| {
                let mut y = String::from(s);
                y.push('y');
                stem_common(s) || stem_common(&y)
            })
            // "Dockworkers": two common words
            || (6..=w.len().saturating_sub(3)).any(|k| {
                w.is_char_boundary(k - 2)
                    && w.get(..k - 2).is_some_and(stem_common)
                    && w.get(k - 2..).is_some_and(|rest| {
                        common(rest) || rest.strip_suffix('s').is_some_and(common)
                    })
            })
    }

    /// Is `word` (any case) one of the rarer English words (or their
    /// inflections)? Only a single word at a sentence start asks.
    pub fn is_rarer_word(&self, word: &str) -> bool {
        let mut buf = [0u8; 32];
        words::lower(word, &mut buf).is_some_and(|w| self.get(w).bits & Listed::MORE != 0)
    }

    /// Is `word` (any case) a known given name?
    pub fn is_first_name(&self, word: &str) -> bool {
        let mut buf = [0u8; 32];
        match words::lower(word, &mut buf) {
            Some(w) => self.is_first_name_lower(w),
            None => false,
        }
    }

    #[cfg(test)]
    pub fn common_len(&self) -> usize {
        self.known.values().filter(|k| k.common()).count()
    }

    #[cfg(test)]
    pub fn first_names_len(&self) -> usize {
        self.known.values().filter(|k| k.first_name()).count()
    }
}

fn takes_plural_s(name: &str) -> bool {
    // of a people's words only a nation's: `South Koreans`, `New
    // Zealanders` (not `Liberal Democrats`)
    let nation = name.split_once(' ').is_none_or(|(first, _)| {
        one_of!(
            first,
            "North" | "South" | "East" | "West" | "New" | "Latin" | "Central" | "Costa" | "Puerto"
        )
    });
    nation
        && !name.ends_with(['s', 'h', 'e', 'x', 'y', 'z'])
        && !matches!(
            name,
            "Islam" | "Hebrew" | "Arabic" | "Judaism" | "Western" | "Eastern" | "Islamic"
        )
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::build);

/// Do the capitals of the text's tokens fit the entry's words? `London`
/// matches `London`, and `LONDON` in a capitals line or when long enough;
/// `Nato` matches `NATO`; particles may differ in case (`Al-Qaeda`).
pub(crate) fn case_fits(text: &str, toks: &[Token], i: usize, words: &[Box<str>]) -> bool {
    for (k, w) in words.iter().enumerate() {
        let Some(t) = toks.get(i + k) else {
            return false;
        };
        let s = t.text(text);
        if s == &**w || t.kind != Kind::Word {
            continue;
        }
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let w_first_lower = w.chars().next().is_some_and(char::is_lowercase);
        let w_upper = w.chars().all(|c| !c.is_lowercase());
        let mut b1 = [0u8; 32];
        let lw = words::lower(w, &mut b1).unwrap_or("");
        if w_first_lower && (words::is_hyphen_particle(lw) || k > 0) {
            // "al-Qaeda" / "Al-Qaeda", "Bosnia and Herzegovina"
            continue;
        }
        let phrase_in_capitals = words.len() > 1
            && toks
                .get(i..i + words.len())
                .is_some_and(|ts| ts.iter().all(|t| t.kind != Kind::Word || t.has(UPPER)));
        if t.has(UPPER)
            && (t.has(token::CAPS_LINE) || letters >= 4 || w_upper || phrase_in_capitals)
        {
            continue;
        }
        if w_upper && letters >= 4 && t.has(token::CAP) {
            // Nato, Opec, Unicef
            continue;
        }
        // apostrophe variants: same letters
        if same_letters(s, w) {
            continue;
        }
        return false;
    }
    true
}

/// The same letters, whatever the apostrophes and the accents.
fn same_letters(a: &str, b: &str) -> bool {
    let norm = |c: char| match c {
        '\u{2019}' => '\'',
        c => plain_letter(c).unwrap_or(c),
    };
    let unmarked = |c: &char| !token::is_mark(*c);
    a.chars()
        .filter(unmarked)
        .map(norm)
        .eq(b.chars().filter(unmarked).map(norm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_with_aliases_and_plurals() {
        let lex = &*LEXICON;
        assert!(lex.common_len() > 30000);
        assert!(lex.first_names_len() > 2000);
        let text = "Israelis and the U.S. and Gaza Strip";
        let mut toks = Vec::new();
        token::tokenize(text, &mut toks);
        let mut buf = String::new();
        let at = |i: usize, buf: &mut String| {
            lex.gazetteer
                .longest_at(text, &toks, i, toks.len(), buf, |_, _| true)
                .map(|(n, e)| (n, e.kind))
        };
        assert_eq!(at(0, &mut buf), Some((1, EntityKind::Name)));
        assert_eq!(at(3, &mut buf), Some((1, EntityKind::Place)));
        assert_eq!(at(5, &mut buf), Some((2, EntityKind::Place)));
        assert!(lex.is_first_name("Antony") && lex.is_first_name("MOHAMMED"));
        assert!(lex.is_common("Pressure") && !lex.is_common("Netanyahu"));
    }

    #[test]
    fn one_lookup_finds_what_each_list_holds_of_a_word() {
        fn longest<V>(phrases: &Phrases<V>, word: &str) -> u8 {
            let mut k = String::new();
            push_key(&mut k, word);
            phrases.longest.get(&word_hash(&k)).copied().unwrap_or(0)
        }
        let lex = &*LEXICON;
        let words = [
            "Pressure",
            "pressure",
            "Antony",
            "MOHAMMED",
            "Luís",
            "Prime",
            "Minister",
            "Gaza",
            "Bosnia",
            "Chișinău",
            "Chisinau",
            "Zürich",
            "Netanyahu",
            "the",
            "Forecasters",
            "Mr",
            "São",
        ];
        for w in words {
            let mut buf = [0u8; 32];
            let l = lex.listed(w, words::lower(w, &mut buf));
            assert!(l.looked(), "{w}");
            assert_eq!(l.common(), lex.is_common(w), "{w}");
            assert_eq!(l.first_name(), lex.is_first_name(w), "{w}");
            assert_eq!(l.gazetteer, longest(&lex.gazetteer, w), "{w}");
            assert_eq!(l.title, longest(&lex.titles, w), "{w}");
        }
        // the words above are in the lists they should be
        let of = |w: &str| {
            let mut buf = [0u8; 32];
            lex.listed(w, words::lower(w, &mut buf))
        };
        assert!(of("Pressure").common() && of("Luís").first_name());
        assert!(of("Bosnia").gazetteer >= 3 && of("Chișinău").gazetteer >= 1);
        assert!(of("Prime").title >= 2 && of("Netanyahu") == of("Xqzzyv"));
    }

    #[test]
    fn towns_are_found_by_their_keys_in_both_spellings() {
        let lex = &*LEXICON;
        let key = |name: &str| {
            let mut k = String::new();
            push_key(&mut k, name);
            k
        };
        for name in [
            "Sigulda",
            "Flin Flon",
            "Rouyn-Noranda",
            "Lüderitz",
            "Luderitz",
        ] {
            assert!(lex.is_town_key(&key(name)), "{name}");
        }
        // a listed city, a common word, a given name, a frequent surname
        for name in ["London", "Reading", "Amos", "Taylor"] {
            assert!(!lex.is_town_key(&key(name)), "{name}");
        }
        // keys are in lower case, without accents
        assert_eq!(key("Chișinău’s"), "chisinau's");
        assert!(!lex.is_town_key("Sigulda"));
    }

    #[test]
    fn capitals_must_fit() {
        let lex = &*LEXICON;
        let check = |text: &str| {
            let mut toks = Vec::new();
            token::tokenize(text, &mut toks);
            let mut buf = String::new();
            lex.gazetteer
                .longest_at(text, &toks, 0, toks.len(), &mut buf, |e, _| {
                    case_fits(text, &toks, 0, &e.words)
                })
                .map(|(n, _)| n)
        };
        assert_eq!(check("Nato said"), Some(1));
        assert_eq!(check("LONDON 1996-08-22"), Some(1));
        assert_eq!(check("Us said"), None);
        assert_eq!(check("al-Qaeda said"), Some(3));
    }
}
