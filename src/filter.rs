//! The filter: parsing what the user types in the filter bar, matching it
//! against articles, and ranking the matches.
//!
//! Pure: no terminal code. The same function serves the filter bar and
//! `dateline list --filter`, so both show the same articles in the same order.
//!
//! # What a query means
//!
//! Terms are separated by whitespace and must all match (AND); `a | b c`
//! means (a or b) and c. Matching ignores case (Unicode lowercase, char by
//! char). Each term is one of fzf's forms:
//!
//! | term      | title or source                        | body (any word)            |
//! |-----------|----------------------------------------|----------------------------|
//! | `word`    | fuzzy match, tight (see below)         | word starts with it        |
//! | `'word`   | contains it                            | word is it                 |
//! | `^word`   | starts with it                         | word starts with it        |
//! | `word$`   | ends with it                           | word ends with it          |
//! | `^word$`  | is exactly it                          | word is it                 |
//! | `!…`      | the article matches none of the above, with a plain `!word` looking for a substring in title and source |
//! | `40,005`  | holds that number (digits compared, non-digit boundaries) | a number token with the same digits |
//!
//! A plain term matches when the title or source matches *or* the body does.
//! Fuzzy matching is for the title and source only, and only tight: the
//! term's chars must lie within a stretch that skips at most
//! [`MAX_FUZZY_SKIPPED`] chars, so `japan` does not match a title that only
//! has j…a…p…a…n spread across it. In bodies, `ceasefire` matches
//! "Ceasefire" and "ceasefires" but `fire` does not match "ceasefire".
//!
//! Body words are maximal runs of letters and digits; apostrophes and
//! hyphens split them (`Japan's` is `japan` and `s`). A `.` or `,` between
//! digits stays inside (`40,005`, `3.5`); numbers are compared by a key that
//! drops thousands separators (see the number rules on [`FilterQuery`]). A
//! term with punctuation inside (`covid-19`) needs each of its words in the
//! body, not necessarily next to each other.
//!
//! # Order
//!
//! See [`SearchIndex::search`].
//!
//! # Scale
//!
//! Bodies are never scanned by a search: [`SearchIndex`] keeps an inverted
//! index from body word to the articles holding it, and lowercase copies of
//! titles and sources for the fuzzy pass. Searches can be cancelled and can
//! narrow the previous result (see [`SearchIndex::search_narrowing`]).

mod fields;
mod index;
mod query;
mod text;

use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use fuzzy_matcher::skim::SkimMatcherV2;

use crate::article::Article;
use fields::{Field, FieldMatch};
use index::{Bitset, BodyIndex, CANCEL_STRIDE};
use query::{Group, Mode, Term};

pub use fields::MAX_SKIPPED as MAX_FUZZY_SKIPPED;

/// A parsed filter query: groups of terms that must all match.
///
/// Number terms (digits with optional `,`/`.` separators) are compared by
/// a key: thousands separators are dropped (`40,005`, `40.005` and `40005`
/// agree) and a decimal separator reads as `.` (`4,5` is `4.5`). So `40005`
/// and `40,005` both find "40,005", while `40` finds neither "400" nor
/// "40,005".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterQuery {
    raw: String,
    groups: Vec<Group>,
}

impl FilterQuery {
    pub fn parse(input: &str) -> Self {
        let raw = input.trim().to_string();
        let groups = query::parse(&raw);
        Self { raw, groups }
    }

    /// True when the query has no terms (only spaces or lone syntax such as
    /// `!` or `|`): it matches every article.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The query as typed, trimmed.
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// Whether every article matching `self` is sure to match `previous`:
    /// `self` repeats `previous` and adds terms, or types on at the end of
    /// its last plain or `^` term (`jap` after `ja`). Then a search for
    /// `self` need only look at what `previous` found.
    pub fn narrows(&self, previous: &FilterQuery) -> bool {
        query::narrows(&self.groups, &previous.groups)
    }

    fn positive_terms(&self) -> impl Iterator<Item = &Term> {
        self.groups
            .iter()
            .flat_map(|g| &g.alts)
            .filter(|t| !t.negated)
    }

    /// Byte ranges of `body` that the query's terms match, for highlighting
    /// the matched words in the reader.
    ///
    /// Each range is a whole body word (or number) that some non-negated
    /// term's body rule accepts: for `cease` the whole of "Ceasefires", not
    /// just its first five letters, since the reader shows which words
    /// matched. The ranges are sorted, do not overlap, and lie on char
    /// boundaries of `body`. Linear in the body's length.
    pub fn body_matches(&self, body: &str) -> Vec<Range<usize>> {
        let keys: Vec<&(String, Mode)> = self.positive_terms().flat_map(|t| &t.body).collect();
        if keys.is_empty() {
            return Vec::new();
        }
        let mut key = String::new();
        let mut out = Vec::new();
        for token in text::tokens(body) {
            let Some(word) = body.get(token.range.clone()) else {
                continue;
            };
            text::token_key(word, token.kind, &mut key);
            if keys.iter().any(|(k, mode)| mode.accepts(&key, k)) {
                out.push(token.range);
            }
        }
        out
    }
}

/// One article that matched, with what to highlight in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Position of the article in the index (load order).
    pub index: usize,
    /// Char indices of `title` that the query matched.
    pub title_positions: Vec<usize>,
    /// Char indices of `source` that the query matched.
    pub source_positions: Vec<usize>,
}

impl Hit {
    fn bare(index: usize) -> Self {
        Self {
            index,
            title_positions: Vec::new(),
            source_positions: Vec::new(),
        }
    }
}

/// A finished search, kept so that the next one can narrow it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub query: FilterQuery,
    /// How many articles the index held when this search ran.
    pub searched: usize,
    pub hits: Vec<Hit>,
}

/// A title or source in the index: lowercased, with its [`query::char_mask`].
#[derive(Debug)]
struct Source {
    lower: Box<str>,
    mask: u64,
}

/// The articles to search, indexed as they arrive.
///
/// Per article it keeps the lowercased title (in one shared buffer), a
/// 64-bit mask of the title's letters, the id of its source (sources are
/// stored once each), and its body words in the inverted index; the bodies
/// themselves are not kept.
#[derive(Debug, Default)]
pub struct SearchIndex {
    titles: String,
    title_ends: Vec<usize>,
    title_masks: Vec<u64>,
    source_of: Vec<u32>,
    sources: Vec<Source>,
    source_ids: hashbrown::HashTable<u32>,
    body: BodyIndex,
}

/// Hit with its rank, before sorting.
struct Ranked {
    tier: usize,
    score: i64,
    hit: Hit,
}

/// One alternative of the query, ready to test articles against.
struct Alt<'q> {
    term: &'q Term,
    /// Articles whose body holds the term; `None` when the term has no
    /// words to look for.
    body: Option<Bitset>,
    /// Per source id: not yet tested, or the match (if any).
    sources: Vec<Option<Option<FieldMatch>>>,
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Index more articles; they take the next positions in load order.
    /// Articles past the 4,294,967,295th are not indexed.
    pub fn add(&mut self, batch: &[Arc<Article>]) {
        for article in batch {
            let Ok(pos) = u32::try_from(self.len()) else {
                break;
            };
            let title = text::lowercase(&article.title);
            self.titles.push_str(&title);
            self.title_ends.push(self.titles.len());
            self.title_masks.push(query::char_mask(&title));
            let source = self.intern_source(&article.source);
            self.source_of.push(source);
            self.body.add_body(pos, &article.body);
        }
        self.body.finish_batch();
    }

    fn intern_source(&mut self, source: &str) -> u32 {
        let lower = text::lowercase(source);
        let hash = xxhash_rust::xxh3::xxh3_64(lower.as_bytes());
        let sources = &self.sources;
        let found = self.source_ids.find(hash, |&id| {
            sources
                .get(id as usize)
                .is_some_and(|s| *s.lower == *lower)
        });
        if let Some(&id) = found {
            return id;
        }
        let id = u32::try_from(self.sources.len()).unwrap_or(u32::MAX);
        self.source_ids.insert_unique(hash, id, |&id| {
            sources
                .get(id as usize)
                .map_or(0, |s| xxhash_rust::xxh3::xxh3_64(s.lower.as_bytes()))
        });
        self.sources.push(Source {
            mask: query::char_mask(&lower),
            lower: lower.into_boxed_str(),
        });
        id
    }

    pub fn len(&self) -> usize {
        self.title_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.title_ends.is_empty()
    }

    /// Heap bytes held by the index (capacities; allocator overhead aside).
    pub fn memory_bytes(&self) -> usize {
        self.titles.capacity()
            + self.title_ends.capacity() * size_of::<usize>()
            + self.title_masks.capacity() * 8
            + self.source_of.capacity() * 4
            + self.sources.capacity() * size_of::<Source>()
            + self.sources.iter().map(|s| s.lower.len()).sum::<usize>()
            + self.source_ids.allocation_size()
            + self.body.memory_bytes()
    }

    /// How many distinct body words and numbers are indexed.
    pub fn vocabulary_len(&self) -> usize {
        self.body.vocabulary_len()
    }

    /// How many (body word, article) pairs are indexed.
    pub fn postings_len(&self) -> usize {
        self.body.postings_len()
    }

    fn title(&self, i: usize) -> &str {
        let start = match i.checked_sub(1) {
            Some(prev) => self.title_ends.get(prev).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.title_ends.get(i).copied().unwrap_or(start);
        self.titles.get(start..end).unwrap_or("")
    }

    /// The matching articles, best first; an empty query matches everything
    /// in load order.
    ///
    /// Order: each non-negated group (`a`, or `a | b`) that matched the
    /// title or the source (not only the body) counts once. Articles with
    /// more such groups come first (the tier); within a tier, the higher sum
    /// of those groups' best `SkimMatcherV2` scores comes first (a
    /// contiguous match at the start of a word scores above one inside a
    /// word, which scores above a match with gaps); remaining ties keep load
    /// order. Articles matched only through their bodies are the last tier,
    /// in load order. Negated terms filter and never rank.
    pub fn search(&self, query: &FilterQuery) -> Vec<Hit> {
        self.search_cancellable(query, &AtomicBool::new(false))
            .unwrap_or_default()
    }

    /// [`search`](Self::search), giving up with `None` soon after `cancel`
    /// is set (it is checked between posting lists and every 1024 articles).
    pub fn search_cancellable(&self, query: &FilterQuery, cancel: &AtomicBool) -> Option<Vec<Hit>> {
        self.run(query, 0..self.len(), cancel)
    }

    /// Search, reusing `previous` when `query` [narrows](FilterQuery::narrows)
    /// it: then only the previous hits, and the articles added since it ran,
    /// are tested. The hits are the same as those of a full search. Pass the
    /// results of a search on this same index (`previous.searched` must not
    /// exceed [`len`](Self::len), else a full search runs).
    pub fn search_narrowing(
        &self,
        query: &FilterQuery,
        previous: Option<&SearchResults>,
        cancel: &AtomicBool,
    ) -> Option<SearchResults> {
        let len = self.len();
        let hits = match previous {
            Some(prev) if prev.searched <= len && query.narrows(&prev.query) => {
                let mut candidates: Vec<usize> = prev.hits.iter().map(|h| h.index).collect();
                candidates.sort_unstable();
                candidates.extend(prev.searched..len);
                self.run(query, candidates.into_iter(), cancel)?
            }
            _ => self.search_cancellable(query, cancel)?,
        };
        Some(SearchResults {
            query: query.clone(),
            searched: len,
            hits,
        })
    }

    fn prepare<'q>(&self, query: &'q FilterQuery, cancel: &AtomicBool) -> Option<Vec<Vec<Alt<'q>>>> {
        let len = self.len();
        let mut groups = Vec::with_capacity(query.groups.len());
        for group in &query.groups {
            let mut alts = Vec::with_capacity(group.alts.len());
            for term in &group.alts {
                let mut body: Option<Bitset> = None;
                for (key, mode) in &term.body {
                    let set = self.body.matching(key, *mode, len, cancel)?;
                    match &mut body {
                        Some(b) => b.intersect(&set),
                        None => body = Some(set),
                    }
                }
                alts.push(Alt {
                    term,
                    body,
                    sources: vec![None; self.sources.len()],
                });
            }
            groups.push(alts);
        }
        Some(groups)
    }

    fn run(
        &self,
        query: &FilterQuery,
        candidates: impl Iterator<Item = usize>,
        cancel: &AtomicBool,
    ) -> Option<Vec<Hit>> {
        if query.is_empty() {
            return Some(candidates.filter(|&i| i < self.len()).map(Hit::bare).collect());
        }
        let mut groups = self.prepare(query, cancel)?;
        let matcher = SkimMatcherV2::default().respect_case();
        let bases: Vec<usize> = (0..groups.len()).map(|g| offset(g, &query.groups)).collect();
        let alt_count = offset(groups.len(), &query.groups);
        let mut title_windows: Vec<Option<Option<Range<usize>>>> = vec![None; alt_count];
        let mut ranked = Vec::new();
        for (n, i) in candidates.enumerate() {
            if n % CANCEL_STRIDE == 0 && cancel.load(Ordering::Relaxed) {
                return None;
            }
            let (Some(&mask), Some(&source)) = (self.title_masks.get(i), self.source_of.get(i)) else {
                continue;
            };
            let Some(src) = self.sources.get(source as usize) else {
                continue;
            };
            let mut title = Field::new(self.title(i), mask);
            title_windows.fill(None);
            let mut cx = Candidate {
                index: i,
                title: &mut title,
                title_windows: &mut title_windows,
                source,
                src,
                matcher: &matcher,
            };
            if groups.iter_mut().enumerate().all(|(g, alts)| {
                let base = bases.get(g).copied().unwrap_or(0);
                alts.iter_mut()
                    .enumerate()
                    .any(|(a, alt)| cx.matches(alt, base + a))
            }) {
                ranked.push(cx.rank(&mut groups, &query.groups));
            }
        }
        ranked.sort_by(|a, b| {
            b.tier
                .cmp(&a.tier)
                .then(b.score.cmp(&a.score))
                .then(a.hit.index.cmp(&b.hit.index))
        });
        Some(ranked.into_iter().map(|r| r.hit).collect())
    }
}

/// Index of group `g`'s first alternative among all alternatives.
fn offset(g: usize, groups: &[Group]) -> usize {
    groups.iter().take(g).map(|g| g.alts.len()).sum()
}

/// One article being tested, with what has been learned of its title.
struct Candidate<'a, 's> {
    index: usize,
    title: &'a mut Field<'s>,
    title_windows: &'a mut [Option<Option<Range<usize>>>],
    source: u32,
    src: &'s Source,
    matcher: &'a SkimMatcherV2,
}

impl Candidate<'_, '_> {
    fn title_window(&mut self, alt: &Alt, flat: usize) -> Option<Range<usize>> {
        let Some(slot) = self.title_windows.get_mut(flat) else {
            return fields::locate(alt.term, self.title);
        };
        slot.get_or_insert_with(|| fields::locate(alt.term, self.title))
            .clone()
    }

    fn source_match(&mut self, alt: &mut Alt) -> Option<FieldMatch> {
        let term = alt.term;
        let src = self.src;
        let matcher = self.matcher;
        let compute = || {
            let mut field = Field::new(&src.lower, src.mask);
            let window = fields::locate(term, &mut field)?;
            Some(fields::score(term, &mut field, window, matcher))
        };
        match alt.sources.get_mut(self.source as usize) {
            Some(slot) => slot.get_or_insert_with(compute).clone(),
            None => compute(),
        }
    }

    fn matches(&mut self, alt: &mut Alt, flat: usize) -> bool {
        let in_body = alt.body.as_ref().is_some_and(|b| b.get(self.index));
        if alt.term.negated {
            !(in_body
                || self.title_window(alt, flat).is_some()
                || self.source_match(alt).is_some())
        } else {
            in_body || self.title_window(alt, flat).is_some() || self.source_match(alt).is_some()
        }
    }

    fn rank(&mut self, groups: &mut [Vec<Alt>], query: &[Group]) -> Ranked {
        let mut hit = Hit::bare(self.index);
        let mut tier = 0;
        let mut score = 0;
        let mut flat = 0;
        for alts in groups.iter_mut() {
            let mut best: Option<i64> = None;
            for alt in alts.iter_mut() {
                let here = flat;
                flat += 1;
                if alt.term.negated {
                    continue;
                }
                if let Some(window) = self.title_window(alt, here) {
                    let m = fields::score(alt.term, self.title, window, self.matcher);
                    best = best.max(Some(m.score));
                    hit.title_positions.extend(m.positions);
                }
                if let Some(m) = self.source_match(alt) {
                    best = best.max(Some(m.score));
                    hit.source_positions.extend(m.positions);
                }
            }
            if let Some(b) = best {
                tier += 1;
                score += b;
            }
        }
        debug_assert_eq!(flat, offset(query.len(), query));
        for positions in [&mut hit.title_positions, &mut hit.source_positions] {
            positions.sort_unstable();
            positions.dedup();
        }
        Ranked { tier, score, hit }
    }
}
