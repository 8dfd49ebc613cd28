//! Matching one term against a short field: an article's title or source,
//! lowercased.
//!
//! Matching is done in two steps. [`locate`] decides whether the term
//! matches and where (a window of char indices); it is cheap and runs for
//! every candidate. [`score`] runs only for articles that are hits: it asks
//! `SkimMatcherV2` to align the term inside that window, for the score used
//! in ranking and the char positions to highlight.

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use hashbrown::HashTable;

use super::query::{Kind, Term};
use super::text;

/// How many chars a fuzzy match may skip between its first and last matched
/// char.
///
/// A plain term matches a title or source fuzzily only when its chars occur
/// in order within a stretch of at most `term length + MAX_SKIPPED` chars
/// (the tightest such stretch is the one used). So `japan` matches
/// "Japanese", "Jap. an" or "JAPAN", but not a title that merely contains
/// j…a…p…a…n spread over several words ("Jakarta panel" skips 6).
///
/// The allowance is a constant rather than a multiple of the term's length
/// so that typing one more char can only narrow the list: the first `n - 1`
/// chars of a match for an `n`-char term skip no more than the whole match
/// does, so every article matching `japa` also matches `jap`. (With a limit
/// like "span at most twice the length", `japa` could match a title that
/// `jap` does not.) Five is that "twice the length" for a five-letter word.
pub const MAX_SKIPPED: usize = 5;

/// A lowercased field, with its chars decoded on demand.
pub(crate) struct Field<'a> {
    pub text: &'a str,
    pub mask: u64,
    chars: Vec<char>,
    decoded: bool,
}

impl<'a> Field<'a> {
    pub(crate) fn new(text: &'a str, mask: u64) -> Self {
        Self::reusing(text, mask, Vec::new())
    }

    /// A field that decodes its chars, if it must, into `buffer`: a search
    /// testing one title after another reuses one buffer rather than
    /// allocating for each non-ASCII title.
    pub(crate) fn reusing(text: &'a str, mask: u64, buffer: Vec<char>) -> Self {
        Self {
            text,
            mask,
            chars: buffer,
            decoded: false,
        }
    }

    /// The buffer, for the next field.
    pub(crate) fn into_buffer(self) -> Vec<char> {
        self.chars
    }

    fn ascii(&self) -> bool {
        self.mask & super::query::NON_ASCII == 0
    }

    fn chars(&mut self) -> &[char] {
        if !self.decoded {
            self.chars.clear();
            self.chars.extend(self.text.chars());
            self.decoded = true;
        }
        &self.chars
    }

    /// The char index of byte offset `b` (a char boundary).
    fn char_index(&self, b: usize) -> usize {
        if self.ascii() {
            b
        } else {
            self.text.get(..b).map_or(0, |s| s.chars().count())
        }
    }

    /// The byte offset of char index `c` (or the end).
    fn byte_offset(&self, c: usize) -> usize {
        if self.ascii() {
            c.min(self.text.len())
        } else {
            self.text
                .char_indices()
                .nth(c)
                .map_or(self.text.len(), |(b, _)| b)
        }
    }
}

/// A term's match in a field, for a hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FieldMatch {
    /// `SkimMatcherV2`'s score for the matched chars in place.
    pub score: i64,
    /// Char indices matched, ascending.
    pub positions: Vec<usize>,
}

/// The tightest window of `hay` holding `pat` in order and skipping at most
/// [`MAX_SKIPPED`] elements. Among equally tight windows, the first that
/// starts a word (per `starts_word`), else the first. `starts` gives, in
/// ascending order, the places where `pat`'s first element occurs.
fn tightest<T: Copy + PartialEq>(
    hay: &[T],
    pat: &[T],
    starts: impl Iterator<Item = usize>,
    starts_word: impl Fn(usize) -> bool,
) -> Option<Range<usize>> {
    let (_, rest) = pat.split_first()?;
    let mut longest = pat.len() + MAX_SKIPPED;
    let mut best: Option<Range<usize>> = None;
    for s in starts {
        let stop = hay.len().min(s + longest);
        let mut i = s + 1;
        let mut need = rest.iter();
        let mut want = need.next();
        while let Some(&w) = want {
            if i >= stop {
                break;
            }
            if hay.get(i) == Some(&w) {
                want = need.next();
            }
            i += 1;
        }
        if want.is_some() {
            continue;
        }
        let word = starts_word(s);
        let better = best
            .as_ref()
            .is_none_or(|b| i - s < b.len() || word && !starts_word(b.start));
        if better {
            best = Some(s..i);
        }
        if word {
            if i - s == pat.len() {
                break;
            }
            // Only a strictly tighter window can replace this one.
            longest = i - s - 1;
        } else {
            longest = i - s;
        }
    }
    best
}

/// Whether `term` matches `field`, and where (char indices). Negated plain
/// terms look for a substring, as `'` terms do: "must not contain".
pub(crate) fn locate(term: &Term, field: &mut Field) -> Option<Range<usize>> {
    if term.mask & !field.mask != 0 {
        return None;
    }
    let needle = term.text.as_str();
    let len = term.chars.len();
    match term.kind {
        Kind::Fuzzy if !term.negated => {
            if field.ascii() {
                let hay = field.text.as_bytes();
                let pat = needle.as_bytes();
                let first = pat.first().copied().unwrap_or(0);
                tightest(hay, pat, memchr::memchr_iter(first, hay), |s| {
                    s.checked_sub(1)
                        .and_then(|p| hay.get(p))
                        .is_none_or(|b| !b.is_ascii_alphanumeric())
                })
            } else {
                let hay = field.chars();
                let first = term.chars.first().copied();
                let starts = hay
                    .iter()
                    .enumerate()
                    .filter(|&(_, &c)| Some(c) == first)
                    .map(|(s, _)| s);
                tightest(hay, &term.chars, starts, |s| {
                    s.checked_sub(1)
                        .and_then(|p| hay.get(p))
                        .is_none_or(|c| !c.is_alphanumeric())
                })
            }
        }
        Kind::Fuzzy | Kind::Exact | Kind::Phrase => {
            let b = field.text.find(needle)?;
            let start = field.char_index(b);
            Some(start..start + len)
        }
        Kind::Prefix => {
            let trimmed = field.text.trim_start();
            trimmed.starts_with(needle).then(|| {
                let start = field.char_index(field.text.len() - trimmed.len());
                start..start + len
            })
        }
        Kind::Suffix => {
            let trimmed = field.text.trim_end();
            trimmed.ends_with(needle).then(|| {
                let start = field.char_index(trimmed.len() - needle.len());
                start..start + len
            })
        }
        Kind::Equal => {
            let trimmed = field.text.trim();
            (trimmed == needle).then(|| {
                let lead = field.text.len() - field.text.trim_start().len();
                let start = field.char_index(lead);
                start..start + len
            })
        }
        Kind::Number => {
            let chars = field.chars();
            let mut key = String::new();
            text::digit_runs(chars).into_iter().find(|run| {
                let digits: String = chars.get(run.clone()).unwrap_or(&[]).iter().collect();
                key.clear();
                text::number_key(&digits, &mut key);
                key == term.number
            })
        }
    }
}

/// Scores matches with `SkimMatcherV2`, remembering what it said about each
/// (choice, pattern) pair: across 100,000 titles the same few windows recur
/// (" japan", " s"), and a remembered score costs a hash lookup instead of
/// an alignment.
pub(crate) struct Scorer {
    matcher: SkimMatcherV2,
    memo: HashTable<Memo>,
}

struct Memo {
    choice: Box<str>,
    pattern: Box<str>,
    score: i64,
    positions: Box<[usize]>,
}

/// Entries kept at most; the memo starts over when full.
const MEMO_LIMIT: usize = 16_384;

impl Scorer {
    pub(crate) fn new() -> Self {
        Self {
            matcher: SkimMatcherV2::default().respect_case(),
            memo: HashTable::new(),
        }
    }

    /// Skim's score and positions (relative to `choice`) of `pattern`,
    /// remembered (the positions are borrowed from the memo: ranking, which
    /// needs only the score, copies nothing).
    fn align(&mut self, choice: &str, pattern: &str) -> Option<(i64, &[usize])> {
        use fuzzy_matcher::FuzzyMatcher;

        let hash = memo_hash(choice, pattern);
        let eq = |m: &Memo| *m.choice == *choice && *m.pattern == *pattern;
        if self.memo.find(hash, eq).is_none() {
            let (score, positions) = self.matcher.fuzzy_indices(choice, pattern)?;
            if self.memo.len() >= MEMO_LIMIT {
                self.memo.clear();
            }
            let memo = Memo {
                choice: choice.into(),
                pattern: pattern.into(),
                score,
                positions: positions.into_boxed_slice(),
            };
            self.memo
                .insert_unique(hash, memo, |m| memo_hash(&m.choice, &m.pattern));
        }
        self.memo
            .find(hash, eq)
            .map(|m| (m.score, &m.positions[..]))
    }
}

fn memo_hash(choice: &str, pattern: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(choice.as_bytes(), pattern.len() as u64)
        ^ xxhash_rust::xxh3::xxh3_64(pattern.as_bytes())
}

/// What [`score`] aligns for a located match: the char index where the
/// choice starts, the choice (the window with its char of context), and the
/// pattern when it is the matched text rather than the term's.
fn alignment<'f>(
    term: &Term,
    field: &mut Field<'f>,
    window: &Range<usize>,
) -> (usize, &'f str, Option<&'f str>) {
    let text = field.text;
    let start_b = field.byte_offset(window.start);
    let end_b = field.byte_offset(window.end);
    let literal = (term.kind != Kind::Fuzzy).then(|| text.get(start_b..end_b).unwrap_or(""));
    let pattern = literal.unwrap_or(&term.text);
    let first = pattern.chars().next();
    let context = window.start.checked_sub(1).filter(|&c| {
        let before = if field.ascii() {
            text.as_bytes().get(c).map(|&b| char::from(b))
        } else {
            field.chars().get(c).copied()
        };
        before.is_some() && before != first
    });
    let from = context.unwrap_or(window.start);
    let from_b = field.byte_offset(from);
    (from, text.get(from_b..end_b).unwrap_or(""), literal)
}

/// The score [`score`] gives, without the positions: what ranking needs.
pub(crate) fn rank_score(
    term: &Term,
    field: &mut Field,
    window: &Range<usize>,
    scorer: &mut Scorer,
) -> i64 {
    let (_, choice, literal) = alignment(term, field, window);
    let pattern = literal.unwrap_or(&term.text);
    scorer.align(choice, pattern).map_or(0, |(score, _)| score)
}

/// Score a located match and list the chars to highlight.
///
/// `SkimMatcherV2` aligns the term inside the window found by [`locate`],
/// given one char of context before it (unless that char could be the
/// term's first) so that a match at the start of a word earns its bonus. For
/// exact, prefix, suffix and number terms the pattern is the matched text
/// itself, which scores what a contiguous match of those chars earns there.
pub(crate) fn score(
    term: &Term,
    field: &mut Field,
    window: Range<usize>,
    scorer: &mut Scorer,
) -> FieldMatch {
    let (from, choice, literal) = alignment(term, field, &window);
    let pattern = literal.unwrap_or(&term.text);
    match scorer.align(choice, pattern) {
        Some((score, positions)) => FieldMatch {
            score,
            positions: positions.iter().map(|p| p + from).collect(),
        },
        None => FieldMatch {
            score: 0,
            positions: window.collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::query::{char_mask, parse};

    fn term(q: &str) -> Term {
        parse(q)
            .into_iter()
            .next()
            .and_then(|g| g.alts.into_iter().next())
            .unwrap_or_else(|| panic!("no term in {q:?}"))
    }

    fn find(q: &str, field: &str) -> Option<(Vec<usize>, i64)> {
        let t = term(q);
        let lower = text::lowercase(field);
        let mut f = Field::new(&lower, char_mask(&lower));
        let window = locate(&t, &mut f)?;
        let m = score(&t, &mut f, window, &mut Scorer::new());
        Some((m.positions, m.score))
    }

    fn positions(q: &str, field: &str) -> Option<Vec<usize>> {
        find(q, field).map(|(p, _)| p)
    }

    #[test]
    fn tightest_window_prefers_compact_matches() {
        let w = |h: &str, p: &str| {
            let hay = h.as_bytes();
            let first = p.as_bytes().first().copied().unwrap_or(0);
            tightest(hay, p.as_bytes(), memchr::memchr_iter(first, hay), |s| {
                s == 0 || hay.get(s - 1) == Some(&b' ')
            })
        };
        assert_eq!(w("japan", "japan"), Some(0..5));
        assert_eq!(w("j a p a n japan", "japan"), Some(10..15));
        assert_eq!(w("jakarta panel", "japan"), None);
        assert_eq!(w("ja-pa-n", "japan"), Some(0..7));
        assert_eq!(w("stalks talks", "talk"), Some(7..11));
        assert_eq!(w("stalks tal-ks", "talk"), Some(1..5));
        assert_eq!(w("", "a"), None);
        assert_eq!(w("abc", ""), None);
    }

    #[test]
    fn fuzzy_titles_match_only_tightly() {
        assert_eq!(positions("japan", "Japan votes"), Some(vec![0, 1, 2, 3, 4]));
        assert!(positions("japan", "Japanese exports rise").is_some());
        // Scattered letters across the title are not a match.
        assert_eq!(positions("japan", "Jakarta panel meets"), None);
        assert_eq!(
            positions("japan", "Jobs are plentiful as nations hire"),
            None
        );
        // Omitted letters within a word still are.
        assert_eq!(
            positions("prlmnt", "The Parliament sits"),
            Some(vec![4, 6, 7, 10, 12, 13])
        );
        assert!(positions("ukrn", "Ukraine talks").is_some());
    }

    #[test]
    fn fuzzy_prefers_the_word_start() {
        let (pos, _) = find("talk", "stalks and talks").unwrap_or_default();
        assert_eq!(pos, vec![11, 12, 13, 14]);
        let start = find("talk", "talks").map(|(_, s)| s);
        let inside = find("talk", "stalks").map(|(_, s)| s);
        assert!(start > inside, "{start:?} vs {inside:?}");
        let gappy = find("talk", "taxlks").map(|(_, s)| s);
        assert!(start > gappy);
    }

    #[test]
    fn literal_kinds() {
        assert_eq!(positions("'pan", "Japan votes"), Some(vec![2, 3, 4]));
        assert_eq!(positions("'jpn", "Japan votes"), None);
        assert_eq!(positions("^jap", "  Japan votes"), Some(vec![2, 3, 4]));
        assert_eq!(positions("^votes", "Japan votes"), None);
        assert_eq!(
            positions("votes$", "Japan votes "),
            Some(vec![6, 7, 8, 9, 10])
        );
        assert_eq!(
            positions("^reuters$", " Reuters "),
            Some(vec![1, 2, 3, 4, 5, 6, 7])
        );
        assert_eq!(positions("^reuters$", "Reuters Japan"), None);
        // Negated plain terms look for a substring, not a fuzzy match.
        assert!(positions("!jpn", "Japan").is_none());
        assert!(positions("!apa", "Japan").is_some());
    }

    #[test]
    fn numbers_match_whole_runs_by_key() {
        assert_eq!(
            positions("40005", "40,005 march"),
            Some(vec![0, 1, 2, 3, 4, 5])
        );
        assert_eq!(
            positions("40,005", "Crowd of 40005"),
            Some(vec![9, 10, 11, 12, 13])
        );
        assert_eq!(positions("40", "400 arrested"), None);
        assert_eq!(positions("40", "40,005 march"), None);
        assert_eq!(positions("40", "G40 summit, 40-year low"), Some(vec![1, 2]));
        assert_eq!(positions("2024", "Budget 2024"), Some(vec![7, 8, 9, 10]));
    }

    #[test]
    fn positions_are_char_indices_in_multibyte_titles() {
        assert_eq!(positions("zurich", "Zürich"), None);
        assert_eq!(positions("zür", "In Zürich, rain"), Some(vec![3, 4, 5]));
        assert_eq!(positions("'東京", "大阪と東京"), Some(vec![3, 4]));
        assert_eq!(positions("istan", "İstanbul"), Some(vec![0, 1, 2, 3, 4]));
        assert_eq!(positions("bul$", "İstanbul"), Some(vec![5, 6, 7]));
        assert_eq!(positions("2024", "Ça 2024"), Some(vec![3, 4, 5, 6]));
    }
}
