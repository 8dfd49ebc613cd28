//! Parsing what the user types into groups of terms: fzf's extended syntax,
//! quoted phrases, and field terms (`source:`, `person:`, `date:`, `num:`...).

use chrono::{Datelike, NaiveDate};

use super::text;
use crate::entities::values::{same_value, values_of};
use crate::highlight::EntityKind;

/// How a term matches the title and source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Plain `word`: fuzzy on title/source (substring when negated), word
    /// prefix in the body.
    Fuzzy,
    /// `'word`: substring of title/source, whole word in the body.
    Exact,
    /// `^word`: title/source starts with it, a body word starts with it.
    Prefix,
    /// `word$`: title/source ends with it, a body word ends with it.
    Suffix,
    /// `^word$`: title/source is exactly it, a body word is exactly it.
    Equal,
    /// Digits, optionally with `,`/`.` separators (plain or `'`): the same
    /// number in title/source (by digits, with non-digit boundaries) or a
    /// body number token with the same key.
    Number,
    /// `"two words"`: a substring of title/source, or the words one after
    /// another in the body.
    Phrase,
}

/// Where a term looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Title, source and body: the fzf term.
    Anywhere,
    /// `title:`, `source:`, `author:`: that field only.
    Title,
    Source,
    Author,
    /// `person:`, `org:`, `place:`, `name:`: articles that mention an entity
    /// of this kind by the name typed (see `EntityIndex::resolve`).
    Entity(EntityKind),
    /// `date:`: articles dated within these days (from the common era,
    /// inclusive); `None` when the date could not be read (matches none).
    Date(Option<(i32, i32)>),
    /// `num:`: articles with a figure the test accepts; `None` when the
    /// value could not be read (matches none).
    Number(Option<NumberTest>),
    /// `is:read`, `is:unread`, `is:starred`: what the reader remembers of
    /// the article; `None` for another word (matches none).
    Marked(Option<MarkTest>),
    /// `tag:`: articles whose feed has this tag in a urls file (any case).
    Tag,
}

/// What an `is:` term asks of an article's [`Marks`](super::Marks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkTest {
    Read,
    Unread,
    Starred,
}

impl MarkTest {
    fn parse(word: &str) -> Option<Self> {
        Some(match word.to_ascii_lowercase().as_str() {
            "read" => Self::Read,
            "unread" | "new" => Self::Unread,
            "starred" | "star" => Self::Starred,
            _ => return None,
        })
    }

    pub(crate) fn accepts(self, marks: super::Marks) -> bool {
        match self {
            Self::Read => marks.read,
            Self::Unread => !marks.read,
            Self::Starred => marks.starred,
        }
    }
}

impl Scope {
    /// Whether the term needs the entity index.
    pub(crate) fn needs_entities(&self) -> bool {
        matches!(self, Scope::Entity(_) | Scope::Number(_))
    }

    /// Whether a match in the title, and in the source, ranks and
    /// highlights a listed article: (title, source).
    pub(crate) fn list_fields(&self) -> (bool, bool) {
        match self {
            Scope::Anywhere => (true, true),
            Scope::Title => (true, false),
            Scope::Source => (false, true),
            _ => (false, false),
        }
    }
}

/// A test on a figure's value: `num:40005`, `num:>1000`, `num:1000..5000`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum NumberTest {
    /// Equal up to rounding.
    Equal(f64),
    /// Between two bounds, each included or not.
    Between {
        low: f64,
        low_in: bool,
        high: f64,
        high_in: bool,
    },
}

impl NumberTest {
    pub(crate) fn accepts(self, v: f64) -> bool {
        match self {
            NumberTest::Equal(x) => same_value(v, x),
            NumberTest::Between {
                low,
                low_in,
                high,
                high_in,
            } => {
                let above = v > low || (low_in && same_value(v, low));
                let below = v < high || (high_in && same_value(v, high));
                above && below
            }
        }
    }

    fn bits(self) -> (u8, u64, bool, u64, bool) {
        match self {
            NumberTest::Equal(x) => (0, x.to_bits(), true, x.to_bits(), true),
            NumberTest::Between {
                low,
                low_in,
                high,
                high_in,
            } => (1, low.to_bits(), low_in, high.to_bits(), high_in),
        }
    }
}

impl PartialEq for NumberTest {
    fn eq(&self, other: &Self) -> bool {
        self.bits() == other.bits()
    }
}

impl Eq for NumberTest {}

/// How one key of a term matches a body word's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Whole,
    Prefix,
    Suffix,
}

impl Mode {
    #[inline]
    pub(crate) fn accepts(self, word: &str, key: &str) -> bool {
        match self {
            Mode::Whole => word == key,
            Mode::Prefix => word.starts_with(key),
            Mode::Suffix => word.ends_with(key),
        }
    }
}

/// One term of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub negated: bool,
    pub scope: Scope,
    pub kind: Kind,
    /// The text to find, lowercased char by char.
    pub text: String,
    /// `text` as chars, for fuzzy matching on non-ASCII fields.
    pub chars: Vec<char>,
    /// The number key, for [`Kind::Number`].
    pub number: String,
    /// What the body must hold: every key, matched by its mode, among the
    /// body's words. Empty when the term has no word chars: such a term never
    /// matches a body.
    pub body: Vec<(String, Mode)>,
    /// Letters and digits the field must contain (see [`char_mask`]).
    pub mask: u64,
}

/// A group of alternatives (`a | b`); the query needs every group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Group {
    pub alts: Vec<Term>,
}

/// Bit 63: a char outside ASCII. Bits 0-25: `a`-`z`; 26-35: `0`-`9`.
pub(crate) const NON_ASCII: u64 = 1 << 63;

/// Which letters and digits `s` (lowercased) contains, as bits, for a quick
/// reject: a field can only match a term whose letters it all contains.
pub(crate) fn char_mask(s: &str) -> u64 {
    let mut mask = 0;
    for b in s.bytes() {
        mask |= match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            0x80.. => NON_ASCII,
            _ => 0,
        };
    }
    mask
}

/// Parse the whole input: whitespace separates terms, a lone `|` between two
/// terms joins them into one group. Terms that are only syntax (`!`, `'`,
/// `^`, `$`, `!^`...) and `|` with nothing on one side are ignored.
pub(crate) fn parse(input: &str) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut join_next = false;
    for word in words(input) {
        if word == "|" {
            join_next = !groups.is_empty();
            continue;
        }
        let Some(term) = parse_term(word) else {
            continue;
        };
        match groups.last_mut() {
            Some(last) if join_next => last.alts.push(term),
            _ => groups.push(Group { alts: vec![term] }),
        }
        join_next = false;
    }
    groups
}

/// The words of the input: runs of non-space chars, where a `"` opens a
/// stretch (to the next `"`, or the end while it is being typed) in which
/// spaces do not split: `"ceasefire talks"`, `source:"Harbour Ledger"`.
fn words(input: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut quoted = false;
    for (i, c) in input.char_indices() {
        if c == '"' {
            quoted = !quoted;
            start.get_or_insert(i);
        } else if c.is_whitespace() && !quoted {
            if let Some(s) = start.take() {
                out.push(&input[s..i]);
            }
        } else {
            start.get_or_insert(i);
        }
    }
    if let Some(s) = start {
        out.push(&input[s..]);
    }
    out
}

/// The field names a term may start with, and the scope each gives.
fn field_scope(name: &str) -> Option<Scope> {
    Some(match name.to_ascii_lowercase().as_str() {
        "title" => Scope::Title,
        "source" => Scope::Source,
        "author" => Scope::Author,
        "person" => Scope::Entity(EntityKind::Person),
        "org" => Scope::Entity(EntityKind::Organization),
        "place" => Scope::Entity(EntityKind::Place),
        "name" => Scope::Entity(EntityKind::Name),
        "date" => Scope::Date(None),
        "num" => Scope::Number(None),
        "is" => Scope::Marked(None),
        "tag" => Scope::Tag,
        _ => return None,
    })
}

/// `"text"` without its quotes (the closing one may be missing while it is
/// typed), and whether it was quoted.
fn unquote(value: &str) -> (&str, bool) {
    match value.strip_prefix('"') {
        Some(inner) => (inner.strip_suffix('"').unwrap_or(inner).trim(), true),
        None => (value, false),
    }
}

fn parse_term(word: &str) -> Option<Term> {
    let (negated, rest) = match word.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    if let Some((name, value)) = rest.split_once(':')
        && let Some(scope) = field_scope(name)
    {
        return field_term(negated, scope, value);
    }
    if rest.starts_with('"') {
        let (inner, _) = unquote(rest);
        let closed = rest.len() > 1 && rest.ends_with('"');
        return phrase_term(negated, inner, closed);
    }
    plain_term(negated, rest)
}

/// A quoted phrase: one word is an exact term (`'word`), several must
/// follow one another in the body. Until the closing quote is typed, the
/// last word is the start of a word (`"world hea` finds "World Health").
fn phrase_term(negated: bool, inner: &str, closed: bool) -> Option<Term> {
    let text = text::lowercase(inner);
    if text::tokens(&text).nth(1).is_none() {
        return plain_term(negated, &format!("'{inner}"));
    }
    let mut body: Vec<(String, Mode)> = text::tokens(&text)
        .map(|t| {
            let mut key = String::new();
            text::token_key(&text[t.range], t.kind, &mut key);
            (key, Mode::Whole)
        })
        .collect();
    if !closed && let Some(last) = body.last_mut() {
        last.1 = Mode::Prefix;
    }
    Some(Term {
        negated,
        scope: Scope::Anywhere,
        kind: Kind::Phrase,
        chars: text.chars().collect(),
        mask: char_mask(&text),
        text,
        number: String::new(),
        body,
    })
}

/// `field:value`. Title, source and author values match as substrings
/// (`^` and `$` anchor them, as in plain terms); names, dates and figures
/// are read by their own rules. An empty value is ignored.
fn field_term(negated: bool, scope: Scope, value: &str) -> Option<Term> {
    let (inner, quoted) = unquote(value);
    if inner.is_empty() {
        return None;
    }
    let scope = match scope {
        Scope::Title | Scope::Source | Scope::Author => {
            let mut term = if quoted {
                plain_term(negated, &format!("'{inner}"))?
            } else {
                plain_term(negated, inner)?
            };
            if term.kind == Kind::Fuzzy {
                term.kind = Kind::Exact;
            }
            term.scope = scope;
            term.body.clear();
            return Some(term);
        }
        Scope::Date(_) => Scope::Date(parse_date_range(inner)),
        Scope::Number(_) => Scope::Number(parse_number_test(inner)),
        Scope::Marked(_) => Scope::Marked(MarkTest::parse(inner)),
        other => other,
    };
    let text = text::lowercase(inner);
    Some(Term {
        negated,
        scope,
        kind: Kind::Exact,
        chars: text.chars().collect(),
        mask: char_mask(&text),
        text,
        number: String::new(),
        body: Vec::new(),
    })
}

/// `2025`, `2025-06`, `2025-06-03`, or two of them joined by `..` (either
/// side may be left out): the first and last day, inclusive, as days from
/// the common era.
pub(crate) fn parse_date_range(value: &str) -> Option<(i32, i32)> {
    match value.split_once("..") {
        Some((from, to)) => {
            let low = if from.is_empty() {
                i32::MIN
            } else {
                parse_date(from)?.0
            };
            let high = if to.is_empty() {
                i32::MAX
            } else {
                parse_date(to)?.1
            };
            (low <= high).then_some((low, high))
        }
        None => parse_date(value),
    }
}

/// One year, month or day as its first and last day.
fn parse_date(value: &str) -> Option<(i32, i32)> {
    let parts: Vec<&str> = value.trim().split('-').collect();
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let days = |d: NaiveDate| d.num_days_from_ce();
    match parts.as_slice() {
        [y] if y.len() == 4 => {
            let y = i32::try_from(number(y)?).ok()?;
            let first = NaiveDate::from_ymd_opt(y, 1, 1)?;
            let last = NaiveDate::from_ymd_opt(y, 12, 31)?;
            Some((days(first), days(last)))
        }
        [y, m] if y.len() == 4 => {
            let y = i32::try_from(number(y)?).ok()?;
            let m = number(m)?;
            let first = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            Some((days(first), days(next) - 1))
        }
        [y, m, d] if y.len() == 4 => {
            let y = i32::try_from(number(y)?).ok()?;
            let day = NaiveDate::from_ymd_opt(y, number(m)?, number(d)?)?;
            Some((days(day), days(day)))
        }
        _ => None,
    }
}

/// `40005`, `=40005`, `>1000`, `>=1000`, `<5`, `<=5`, `1000..5000`, with
/// values written as figures are (`40,005`, `4bn`, `3.2m`, `4 billion`).
pub(crate) fn parse_number_test(value: &str) -> Option<NumberTest> {
    let one = |s: &str| -> Option<f64> {
        match values_of(s).as_slice() {
            [v] => Some(*v),
            _ => None,
        }
    };
    let value = value.trim();
    let between = |low: f64, low_in: bool, high: f64, high_in: bool| NumberTest::Between {
        low,
        low_in,
        high,
        high_in,
    };
    if let Some(rest) = value.strip_prefix(">=") {
        return Some(between(one(rest)?, true, f64::INFINITY, true));
    }
    if let Some(rest) = value.strip_prefix("<=") {
        return Some(between(f64::NEG_INFINITY, true, one(rest)?, true));
    }
    if let Some(rest) = value.strip_prefix('>') {
        return Some(between(one(rest)?, false, f64::INFINITY, true));
    }
    if let Some(rest) = value.strip_prefix('<') {
        return Some(between(f64::NEG_INFINITY, true, one(rest)?, false));
    }
    if let Some((low, high)) = value.split_once("..") {
        let low = if low.is_empty() {
            f64::NEG_INFINITY
        } else {
            one(low)?
        };
        let high = if high.is_empty() {
            f64::INFINITY
        } else {
            one(high)?
        };
        return (low <= high).then_some(between(low, true, high, true));
    }
    one(value.strip_prefix('=').unwrap_or(value)).map(NumberTest::Equal)
}

/// A term of fzf's syntax (after any `!`).
fn plain_term(negated: bool, rest: &str) -> Option<Term> {
    let (mut kind, rest) = if let Some(r) = rest.strip_prefix('\'') {
        (Kind::Exact, r)
    } else if let Some(r) = rest.strip_prefix('^') {
        (Kind::Prefix, r)
    } else {
        (Kind::Fuzzy, rest)
    };
    let rest = match rest.strip_suffix('$') {
        Some(r) if !r.is_empty() => {
            kind = if kind == Kind::Prefix {
                Kind::Equal
            } else {
                Kind::Suffix
            };
            r
        }
        Some(_) => return None,
        None => rest,
    };
    if rest.is_empty() {
        return None;
    }
    let text = text::lowercase(rest);
    if matches!(kind, Kind::Fuzzy | Kind::Exact) && text::is_number_text(&text) {
        kind = Kind::Number;
    }
    let mut number = String::new();
    let body = if kind == Kind::Number {
        text::number_key(&text, &mut number);
        vec![(number.clone(), Mode::Whole)]
    } else {
        body_keys(&text, kind)
    };
    Some(Term {
        negated,
        scope: Scope::Anywhere,
        kind,
        chars: text.chars().collect(),
        mask: char_mask(&text),
        text,
        number,
        body,
    })
}

/// The body keys of a term's text: its words and numbers as the body is
/// split. A one-word term gives one key; a term with punctuation inside
/// (`covid-19`, `u.s`) gives several, all of which the body must hold (the
/// index keeps no word positions, so they need not be adjacent). The first
/// key of a suffix term and the last of a plain or prefix term match by
/// suffix and prefix, the others as whole words.
fn body_keys(text: &str, kind: Kind) -> Vec<(String, Mode)> {
    let toks: Vec<_> = text::tokens(text).collect();
    let last = toks.len().saturating_sub(1);
    toks.iter()
        .enumerate()
        .map(|(i, t)| {
            let mut key = String::new();
            text::token_key(&text[t.range.clone()], t.kind, &mut key);
            let mode = match kind {
                Kind::Fuzzy | Kind::Prefix if i == last => Mode::Prefix,
                Kind::Suffix if i == 0 => Mode::Suffix,
                _ => Mode::Whole,
            };
            (key, mode)
        })
        .collect()
}

/// Whether every article matching `new` also matches `old`, judged from the
/// terms alone: `new` has `old`'s groups, except that the last alternative
/// of `old`'s last group may have grown by word chars at its end (a plain
/// or `^` term, typed on), and may add groups after them.
pub(crate) fn narrows(new: &[Group], old: &[Group]) -> bool {
    let Some((old_last, old_head)) = old.split_last() else {
        return true;
    };
    if new.len() < old.len() || new[..old_head.len()] != *old_head {
        return false;
    }
    let new_group = &new[old_head.len()];
    if new_group == old_last {
        return true;
    }
    let (Some((a, a_head)), Some((b, b_head))) =
        (old_last.alts.split_last(), new_group.alts.split_last())
    else {
        return false;
    };
    a_head == b_head && extends(b, a)
}

/// Whether term `new` only adds word chars to the end of `old`, in a way
/// that can only narrow its matches.
fn extends(new: &Term, old: &Term) -> bool {
    let monotone = |t: &Term| {
        !t.negated && t.scope == Scope::Anywhere && matches!(t.kind, Kind::Fuzzy | Kind::Prefix)
    };
    let one_word = |t: &Term| t.text.chars().all(char::is_alphanumeric);
    monotone(new)
        && monotone(old)
        && new.kind == old.kind
        && one_word(new)
        && one_word(old)
        && new.text.starts_with(&old.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(word: &str) -> Term {
        let groups = parse(word);
        assert_eq!(groups.len(), 1, "{word:?}");
        groups[0].alts[0].clone()
    }

    fn shape(input: &str) -> Vec<Vec<(bool, Kind, String)>> {
        parse(input)
            .into_iter()
            .map(|g| {
                g.alts
                    .into_iter()
                    .map(|t| (t.negated, t.kind, t.text))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn every_syntax_form() {
        use Kind::*;
        let cases = [
            ("ceasefire", false, Fuzzy, "ceasefire"),
            ("'Ceasefire", false, Exact, "ceasefire"),
            ("^Cease", false, Prefix, "cease"),
            ("fire$", false, Suffix, "fire"),
            ("^talks$", false, Equal, "talks"),
            ("'talks$", false, Suffix, "talks"),
            ("!war", true, Fuzzy, "war"),
            ("!'war", true, Exact, "war"),
            ("!^war", true, Prefix, "war"),
            ("!war$", true, Suffix, "war"),
            ("40,005", false, Number, "40,005"),
            ("'2024", false, Number, "2024"),
            ("!2024", true, Number, "2024"),
            ("^2024", false, Prefix, "2024"),
            ("40k", false, Fuzzy, "40k"),
        ];
        for (input, negated, kind, text) in cases {
            let t = one(input);
            assert_eq!(
                (t.negated, t.kind, t.text.as_str()),
                (negated, kind, text),
                "{input}"
            );
        }
        assert_eq!(one("40,005").number, "40005");
        assert_eq!(one("40,005").body, vec![("40005".to_string(), Mode::Whole)]);
    }

    #[test]
    fn or_groups_bind_neighbours() {
        use Kind::*;
        let f = |s: &str| (false, Fuzzy, s.to_string());
        assert_eq!(shape("a | b c"), vec![vec![f("a"), f("b")], vec![f("c")]]);
        assert_eq!(shape("a | b | c"), vec![vec![f("a"), f("b"), f("c")]]);
        assert_eq!(
            shape("^core go$ | rb$"),
            vec![
                vec![(false, Prefix, "core".into())],
                vec![(false, Suffix, "go".into()), (false, Suffix, "rb".into())]
            ]
        );
    }

    #[test]
    fn odd_input_is_ignored_or_literal() {
        for input in [
            "", "   ", "!", "'", "^", "$", "|", "| |", "!^", "^$", "!'", "!$", "'$",
        ] {
            assert!(parse(input).is_empty(), "{input:?}");
        }
        let f = |s: &str| (false, Kind::Fuzzy, s.to_string());
        assert_eq!(shape("| a |"), vec![vec![f("a")]]);
        assert_eq!(shape("a  |   | b"), vec![vec![f("a"), f("b")]]);
        assert_eq!(shape("a ! b"), vec![vec![f("a")], vec![f("b")]]);
        assert_eq!(shape("a|b"), vec![vec![f("a|b")]]);
        assert_eq!(shape("$$"), vec![vec![(false, Kind::Suffix, "$".into())]]);
        assert_eq!(shape("!!a"), vec![vec![(true, Kind::Fuzzy, "!a".into())]]);
        assert_eq!(
            shape("\tZÜRICH\u{3000}東京"),
            vec![vec![f("zürich")], vec![f("東京")]]
        );
    }

    #[test]
    fn body_keys_follow_the_kind() {
        assert_eq!(one("Cease").body, vec![("cease".into(), Mode::Prefix)]);
        assert_eq!(one("'cease").body, vec![("cease".into(), Mode::Whole)]);
        assert_eq!(one("fire$").body, vec![("fire".into(), Mode::Suffix)]);
        assert_eq!(
            one("covid-19").body,
            vec![("covid".into(), Mode::Whole), ("19".into(), Mode::Prefix)]
        );
        assert_eq!(
            one("u.s.$").body,
            vec![("u".into(), Mode::Suffix), ("s".into(), Mode::Whole)]
        );
        assert!(one("--").body.is_empty());
    }

    fn days(y: i32, m: u32, d: u32) -> i32 {
        NaiveDate::from_ymd_opt(y, m, d).map_or(0, |d| d.num_days_from_ce())
    }

    #[test]
    fn quotes_keep_spaces_inside_one_word() {
        assert_eq!(
            words(r#"a "b c" source:"D E" | !"f g"  h"#),
            vec!["a", "\"b c\"", "source:\"D E\"", "|", "!\"f g\"", "h"]
        );
        assert_eq!(
            words(r#"x "unclosed phrase"#),
            vec!["x", "\"unclosed phrase"]
        );
        assert!(words("   ").is_empty());
    }

    #[test]
    fn text_field_terms() {
        let cases = [
            ("source:reuters", Scope::Source, Kind::Exact, "reuters"),
            (
                "source:\"Harbour Ledger\"",
                Scope::Source,
                Kind::Exact,
                "harbour ledger",
            ),
            ("source:^bbc", Scope::Source, Kind::Prefix, "bbc"),
            ("source:wire$", Scope::Source, Kind::Suffix, "wire"),
            ("title:strike", Scope::Title, Kind::Exact, "strike"),
            (
                "title:\"ceasefire talks\"",
                Scope::Title,
                Kind::Exact,
                "ceasefire talks",
            ),
            ("title:2024", Scope::Title, Kind::Number, "2024"),
            ("author:Boerma", Scope::Author, Kind::Exact, "boerma"),
            ("AUTHOR:boerma", Scope::Author, Kind::Exact, "boerma"),
        ];
        for (input, scope, kind, text) in cases {
            let t = one(input);
            assert_eq!(
                (&t.scope, t.kind, t.text.as_str()),
                (&scope, kind, text),
                "{input}"
            );
            assert!(t.body.is_empty() && !t.negated, "{input}");
        }
        let t = one("!source:wire");
        assert!(t.negated && t.scope == Scope::Source);
    }

    #[test]
    fn entity_field_terms() {
        use EntityKind::{Name, Organization, Person, Place};
        let cases = [
            ("person:netanyahu", Person, "netanyahu"),
            ("person:\"Tony Blair\"", Person, "tony blair"),
            ("org:NATO", Organization, "nato"),
            ("place:u.s.", Place, "u.s."),
            ("name:Olympics", Name, "olympics"),
        ];
        for (input, kind, text) in cases {
            let t = one(input);
            assert_eq!(
                (&t.scope, t.text.as_str()),
                (&Scope::Entity(kind), text),
                "{input}"
            );
            assert!(t.scope.needs_entities());
        }
        assert!(!one("source:x").scope.needs_entities());
    }

    #[test]
    fn date_field_terms() {
        let cases = [
            ("date:2025", Some((days(2025, 1, 1), days(2025, 12, 31)))),
            ("date:2025-06", Some((days(2025, 6, 1), days(2025, 6, 30)))),
            ("date:2024-02", Some((days(2024, 2, 1), days(2024, 2, 29)))),
            (
                "date:2025-12",
                Some((days(2025, 12, 1), days(2025, 12, 31))),
            ),
            (
                "date:2025-06-03",
                Some((days(2025, 6, 3), days(2025, 6, 3))),
            ),
            (
                "date:2025-01..2025-03",
                Some((days(2025, 1, 1), days(2025, 3, 31))),
            ),
            (
                "date:2025-01-15..2025-01-20",
                Some((days(2025, 1, 15), days(2025, 1, 20))),
            ),
            ("date:2025-01..", Some((days(2025, 1, 1), i32::MAX))),
            ("date:..2025-03", Some((i32::MIN, days(2025, 3, 31)))),
            ("date:2025-13", None),
            ("date:2025-02-30", None),
            ("date:2025-", None),
            ("date:25-06", None),
            ("date:june", None),
            ("date:2025-03..2025-01", None),
        ];
        for (input, want) in cases {
            assert_eq!(one(input).scope, Scope::Date(want), "{input}");
        }
    }

    #[test]
    fn number_field_terms() {
        let between = |low: f64, low_in: bool, high: f64, high_in: bool| NumberTest::Between {
            low,
            low_in,
            high,
            high_in,
        };
        let inf = f64::INFINITY;
        let cases = [
            ("num:40005", Some(NumberTest::Equal(40005.0))),
            ("num:40,005", Some(NumberTest::Equal(40005.0))),
            ("num:=3.5", Some(NumberTest::Equal(3.5))),
            ("num:4bn", Some(NumberTest::Equal(4e9))),
            ("num:\"4 billion\"", Some(NumberTest::Equal(4e9))),
            ("num:>1000", Some(between(1000.0, false, inf, true))),
            ("num:>=1000", Some(between(1000.0, true, inf, true))),
            ("num:<5", Some(between(-inf, true, 5.0, false))),
            ("num:<=5", Some(between(-inf, true, 5.0, true))),
            ("num:1000..5000", Some(between(1000.0, true, 5000.0, true))),
            ("num:1m..", Some(between(1e6, true, inf, true))),
            ("num:>", None),
            ("num:abc", None),
            ("num:5000..1000", None),
        ];
        for (input, want) in cases {
            assert_eq!(one(input).scope, Scope::Number(want), "{input}");
        }
        let test = parse_number_test(">1000");
        assert!(test.is_some_and(|t| t.accepts(1000.5) && !t.accepts(1000.0)));
        let test = parse_number_test("1000..5000");
        assert!(test.is_some_and(|t| t.accepts(1000.0) && t.accepts(5000.0) && !t.accepts(5001.0)));
        let test = parse_number_test("40,005");
        assert!(test.is_some_and(|t| t.accepts(40005.0) && !t.accepts(40006.0)));
    }

    #[test]
    fn phrases() {
        let t = one("\"Ceasefire talks\"");
        assert_eq!((t.kind, t.text.as_str()), (Kind::Phrase, "ceasefire talks"));
        assert_eq!(
            t.body,
            vec![
                ("ceasefire".into(), Mode::Whole),
                ("talks".into(), Mode::Whole)
            ]
        );
        // While it is typed, before the closing quote, its last word is
        // the start of a word.
        let t = one("\"ceasefire ta");
        assert_eq!(t.kind, Kind::Phrase);
        assert_eq!(
            t.body,
            vec![
                ("ceasefire".into(), Mode::Whole),
                ("ta".into(), Mode::Prefix)
            ]
        );
        // One quoted word is an exact term.
        let t = one("\"ceasefire\"");
        assert_eq!((t.kind, t.text.as_str()), (Kind::Exact, "ceasefire"));
        assert!(one("!\"ceasefire talks\"").negated);
        assert!(parse("\"\"").is_empty());
    }

    #[test]
    fn field_terms_combine_with_the_rest() {
        let groups = parse("person:blair | person:brown !source:wire num:>1000 strike");
        let scopes: Vec<Vec<(bool, Scope)>> = groups
            .iter()
            .map(|g| {
                g.alts
                    .iter()
                    .map(|t| (t.negated, t.scope.clone()))
                    .collect()
            })
            .collect();
        assert_eq!(scopes.len(), 4);
        assert_eq!(scopes[0].len(), 2);
        assert_eq!(scopes[1], vec![(true, Scope::Source)]);
        assert_eq!(scopes[3], vec![(false, Scope::Anywhere)]);
        // An empty value, or a word that is no field, stays out of the fields.
        assert!(parse("person:").is_empty());
        assert!(parse("person:\"\"").is_empty());
        assert_eq!(one("http://example").scope, Scope::Anywhere);
        assert_eq!(one("10:30").scope, Scope::Anywhere);
    }

    #[test]
    fn narrowing_is_recognised_only_when_safe() {
        let n = |new: &str, old: &str| narrows(&parse(new), &parse(old));
        assert!(n("jap", "ja"));
        assert!(n("japan", "japan"));
        assert!(n("japan trade", "japan"));
        assert!(n("japan trade", "japan tr"));
        assert!(n("^jap", "^ja"));
        assert!(n("a | bcd", "a | bc"));
        assert!(n("anything", ""));
        assert!(n("a |", "a"));
        assert!(!n("a | b", "a"));
        assert!(!n("ja", "jap"));
        assert!(!n("!jap", "!ja"));
        assert!(!n("'jap", "'ja"));
        assert!(!n("jap$", "jap"));
        assert!(!n("400", "40"));
        assert!(!n("covid-1", "covid-"));
        assert!(!n("trade", "japan"));
        assert!(!n("japan", "japan trade"));
        // Field terms grow in ways that can widen: never narrowing.
        assert!(!n("source:bbc", "source:bb"));
        assert!(!n("num:<10", "num:<1"));
        assert!(n("num:<1 japan", "num:<1"));
    }
}
