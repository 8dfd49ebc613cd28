//! Parsing what the user types into groups of terms (fzf's extended syntax).

use super::text;

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
}

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
    for word in input.split_whitespace() {
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

fn parse_term(word: &str) -> Option<Term> {
    let (negated, rest) = match word.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, word),
    };
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
    let monotone = |t: &Term| !t.negated && matches!(t.kind, Kind::Fuzzy | Kind::Prefix);
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
    }
}
