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
//! # Phrases and field terms
//!
//! A quoted phrase (`"ceasefire talks"`) is a substring of the title or
//! source, or its words one after another in the body (punctuation between
//! them aside). A field term looks in one place only; its value may be
//! quoted (`source:"Harbour Ledger"`) and the term negated (`!source:wire`):
//!
//! | term | matches articles |
//! |------|------------------|
//! | `source:wire`, `title:strike`, `author:boerma` | whose source, title or author contains it (`^` and `$` anchor, as above) |
//! | `person:netanyahu`, `org:nato`, `place:us`, `name:olympics` | that mention an entity of that kind by that name, resolved by the entity index (`netanyahu` finds Benjamin Netanyahu, `us` the United States) |
//! | `date:2025`, `date:2025-06`, `date:2025-06-03`, `date:2025-01..2025-03` | dated in that year, month, day or span (inclusive; `2025-01..` and `..2025-03` are open) |
//! | `num:40005`, `num:>1000`, `num:<=5`, `num:1000..5000`, `num:>4bn` | with a figure of that value (figures read by value: `40,005`, `$4bn`, `4 billion`) |
//!
//! Entity and figure terms need an [`EntityIndex`]: look them up with
//! [`FilterQuery::lookup`] and pass the [`Lookups`] to the search. Without
//! one they match no article (and, negated, every article).
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

use chrono::Datelike;

use crate::article::{Article, Body};
use crate::entities::EntityIndex;
use fields::{Field, Scorer};
use index::{BodyIndex, CANCEL_STRIDE};
use query::{Group, Kind, Mode, Scope, Term};

pub use fields::MAX_SKIPPED as MAX_FUZZY_SKIPPED;
pub(crate) use index::{Bitset, Postings};
pub(crate) use text::number_key;

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

    /// Whether the query has entity or figure terms (`person:`, `num:`...),
    /// which need [`lookup`](Self::lookup) in an entity index.
    pub fn needs_entities(&self) -> bool {
        self.groups
            .iter()
            .flat_map(|g| &g.alts)
            .any(|t| t.scope.needs_entities())
    }

    /// Whether the query has `is:` terms, which match the articles' [`Marks`].
    pub fn has_marks(&self) -> bool {
        self.groups
            .iter()
            .flat_map(|g| &g.alts)
            .any(|t| matches!(t.scope, Scope::Marked(_)))
    }

    /// Look up the query's entity and figure terms in `entities`: which
    /// articles each one matches. Quick (a name lookup and a union of
    /// posting lists per term), so a shared index need only be held for
    /// this call, not for the search.
    pub fn lookup(&self, entities: &EntityIndex) -> Lookups {
        let len = entities.len();
        let sets = self
            .groups
            .iter()
            .flat_map(|g| &g.alts)
            .map(|t| match &t.scope {
                Scope::Entity(kind) => {
                    let ids = entities.resolve(&t.text, &[*kind]);
                    Some(entities.articles_mentioning(&ids, len))
                }
                Scope::Number(Some(test)) => {
                    Some(entities.articles_with_number(len, |v| test.accepts(v)))
                }
                Scope::Number(None) => Some(Bitset::new(len)),
                _ => None,
            })
            .collect();
        Lookups { sets, covered: len }
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
    ///
    /// A phrase is highlighted where its words follow one another, as one
    /// range.
    pub fn body_matches(&self, body: &str) -> Vec<Range<usize>> {
        let keys: Vec<&(String, Mode)> = self
            .positive_terms()
            .filter(|t| t.kind != Kind::Phrase)
            .flat_map(|t| &t.body)
            .collect();
        let phrases: Vec<Range<usize>> = self
            .positive_terms()
            .filter(|t| t.kind == Kind::Phrase)
            .flat_map(|t| text::phrase_ranges(body, &t.body))
            .collect();
        if keys.is_empty() {
            return merge_ranges(phrases);
        }
        let mut key = String::new();
        let mut out = phrases;
        for token in text::tokens(body) {
            let Some(word) = body.get(token.range.clone()) else {
                continue;
            };
            text::token_key(word, token.kind, &mut key);
            if keys.iter().any(|(k, mode)| mode.accepts(&key, k)) {
                out.push(token.range);
            }
        }
        merge_ranges(out)
    }
}

impl FilterQuery {
    /// Char indices of `title` and of `source` that the query matched, for
    /// highlighting a listed article: what each non-negated term that looks
    /// in the title or source found there (the chars `SkimMatcherV2` aligns
    /// for a fuzzy term, the matched text for the others), sorted, each
    /// once. Searches rank by these same matches; the list asks only for the
    /// rows it draws.
    pub fn list_highlights(&self, title: &str, source: &str) -> ListHighlights {
        let mut out = ListHighlights::default();
        if self.is_empty() {
            return out;
        }
        let title = text::lowercase(title);
        let source = text::lowercase(source);
        let mut title_field = Field::new(&title, query::char_mask(&title));
        let mut source_field = Field::new(&source, query::char_mask(&source));
        let mut scorer = Scorer::new();
        for term in self.positive_terms() {
            let (in_title, in_source) = term.scope.list_fields();
            for (looks, field, positions) in [
                (in_title, &mut title_field, &mut out.title),
                (in_source, &mut source_field, &mut out.source),
            ] {
                if !looks {
                    continue;
                }
                if let Some(window) = fields::locate(term, field) {
                    positions.extend(fields::score(term, field, window, &mut scorer).positions);
                }
            }
        }
        for positions in [&mut out.title, &mut out.source] {
            positions.sort_unstable();
            positions.dedup();
        }
        out
    }
}

/// What [`FilterQuery::list_highlights`] found in a title and a source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListHighlights {
    /// Char indices of the title, ascending.
    pub title: Vec<usize>,
    /// Char indices of the source, ascending.
    pub source: Vec<usize>,
}

/// Sort ranges and join those that overlap.
fn merge_ranges(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// What a query's entity and figure terms match, looked up in an
/// [`EntityIndex`] by [`FilterQuery::lookup`]. The default looks up
/// nothing: such terms then match no article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lookups {
    /// Per alternative of the query, in order: the articles its entity or
    /// figure term matches (`None` for other terms).
    sets: Vec<Option<Bitset>>,
    /// How many articles the entity index held.
    covered: usize,
}

impl Lookups {
    /// How many articles the entity index held when looked in: articles
    /// past these match no entity or figure term yet.
    pub fn covered(&self) -> usize {
        self.covered
    }
}

/// What the reader remembers of an article, as `is:` terms see it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub read: bool,
    pub starred: bool,
}

impl Marks {
    fn bits(self) -> u8 {
        u8::from(self.read) | u8::from(self.starred) << 1
    }

    fn from_bits(bits: u8) -> Self {
        Self {
            read: bits & 1 != 0,
            starred: bits & 2 != 0,
        }
    }
}

/// One article that matched. What to highlight in its title and source is
/// found when it is drawn ([`FilterQuery::list_highlights`]): a search
/// over 100,000 articles need not list positions for rows nobody sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Position of the article in the index (load order).
    pub index: usize,
}

impl Hit {
    /// The article at `index`.
    pub fn bare(index: usize) -> Self {
        Self { index }
    }
}

/// A finished search, kept so that the next one can narrow it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    pub query: FilterQuery,
    /// How many articles the index held when this search ran.
    pub searched: usize,
    /// How many articles the entity index covered (see [`Lookups`]).
    pub entities_covered: usize,
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
/// Per article it keeps the lowercased title and author (each in one
/// shared buffer), a 64-bit mask of the title's letters, the id of its
/// source (sources are stored once each), its date, and its body words in
/// the inverted index. The articles themselves are shared, not copied: a
/// phrase is checked against the body of an article that holds all its
/// words.
#[derive(Debug, Default)]
pub struct SearchIndex {
    titles: String,
    title_ends: Vec<usize>,
    title_masks: Vec<u64>,
    authors: String,
    author_ends: Vec<u32>,
    /// Days from the common era; `i32::MIN` for an undated article.
    dates: Vec<i32>,
    source_of: Vec<u32>,
    /// Per article, its [`Marks`] as bits; articles past its end have none.
    marks: Vec<u8>,
    sources: Vec<Source>,
    source_ids: hashbrown::HashTable<u32>,
    body: BodyIndex,
    articles: Vec<Arc<Article>>,
}

/// A hit's rank: how many groups matched its title or source, and the sum
/// of their scores.
struct Ranked {
    tier: usize,
    score: i64,
}

impl Ranked {
    /// Ascending order of this key is the order of the list: more tiers,
    /// then higher score, then load order (the low 64 bits are `index`).
    fn sort_key(&self, index: usize) -> u128 {
        let tier = u128::from(u32::MAX - u32::try_from(self.tier).unwrap_or(u32::MAX));
        // Scores are small; clamp to i32 and shift into unsigned order.
        let score =
            i32::try_from(self.score).unwrap_or(if self.score < 0 { i32::MIN } else { i32::MAX });
        let score = u128::from(u32::MAX - score.wrapping_sub(i32::MIN).cast_unsigned());
        (tier << 96) | (score << 64) | index as u128
    }
}

/// A test's outcome, remembered: not yet run, failed, or the match.
#[derive(Debug, Clone)]
enum Tested<T> {
    Not,
    No,
    Yes(T),
}

impl<T> Tested<T> {
    fn get_or_test(&mut self, test: impl FnOnce() -> Option<T>) -> Option<&T> {
        if let Tested::Not = self {
            *self = match test() {
                Some(found) => Tested::Yes(found),
                None => Tested::No,
            };
        }
        match self {
            Tested::Yes(found) => Some(found),
            Tested::Not | Tested::No => None,
        }
    }
}

/// One alternative of the query, ready to test articles against.
#[derive(Clone)]
struct Alt<'q> {
    term: &'q Term,
    /// For entity and figure terms, the articles they match.
    lookup: Option<&'q Bitset>,
    /// Articles whose body holds the term; `None` when the term has no
    /// words to look for.
    body: Option<Bitset>,
    /// Per source id: not yet tested, or the match's score (if any).
    sources: Vec<Tested<i64>>,
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
            self.add_fields(article);
            self.body.add_body(pos, &article.body.text());
        }
        self.body.finish_batch();
    }

    /// An index for one search only, as `dateline list --filter` needs:
    /// every article's title, source, author and date, but of the bodies
    /// only the words and numbers that `query`'s terms can match, looked
    /// for on every core. Searching it for `query` gives the same hits, in
    /// the same order, as searching an index built with [`add`](Self::add);
    /// it is much quicker to build and far smaller.
    pub fn for_query(articles: &[Arc<Article>], query: &FilterQuery) -> Self {
        let keep = index::WordFilter::new(
            query
                .groups
                .iter()
                .flat_map(|g| &g.alts)
                .flat_map(|t| &t.body)
                .map(|(k, m)| (k.as_str(), *m))
                .collect(),
        );
        let articles = articles
            .get(..articles.len().min(u32::MAX as usize))
            .unwrap_or(articles);
        let bodies: Vec<&Body> = articles.iter().map(|a| &a.body).collect();
        let keys = index::kept_keys_of_all(&bodies, &keep);
        let mut index = Self::new();
        for (n, (article, keys)) in articles.iter().zip(keys).enumerate() {
            let Ok(pos) = u32::try_from(index.len()) else {
                break;
            };
            index.add_fields(article);
            index.body.add_keys(pos, keys.iter().map(|k| &**k));
            // Joined in batches, as the loader's are, so the batch's
            // tables stay small.
            if n % 512 == 511 {
                index.body.finish_batch();
            }
        }
        index.body.finish_batch();
        index
    }

    /// Everything of `article` but its body, at the next position.
    /// Set what the reader remembers of the article at `index` (load
    /// order), for `is:` terms.
    pub fn set_marks(&mut self, index: usize, marks: Marks) {
        if index >= self.len() {
            return;
        }
        if self.marks.len() <= index {
            self.marks.resize(index + 1, 0);
        }
        self.marks[index] = marks.bits();
    }

    fn marks(&self, index: usize) -> Marks {
        Marks::from_bits(self.marks.get(index).copied().unwrap_or(0))
    }

    fn add_fields(&mut self, article: &Arc<Article>) {
        let title = text::lowercase(&article.title);
        self.titles.push_str(&title);
        self.title_ends.push(self.titles.len());
        self.title_masks.push(query::char_mask(&title));
        let author = text::lowercase(article.author.as_deref().unwrap_or(""));
        self.authors.push_str(&author);
        self.author_ends
            .push(u32::try_from(self.authors.len()).unwrap_or(u32::MAX));
        self.dates
            .push(article.date.map_or(i32::MIN, |d| d.num_days_from_ce()));
        let source = self.intern_source(&article.source);
        self.source_of.push(source);
        self.articles.push(Arc::clone(article));
    }

    fn intern_source(&mut self, source: &str) -> u32 {
        let lower = text::lowercase(source);
        let hash = xxhash_rust::xxh3::xxh3_64(lower.as_bytes());
        let sources = &self.sources;
        let found = self.source_ids.find(hash, |&id| {
            sources.get(id as usize).is_some_and(|s| *s.lower == *lower)
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
            + self.authors.capacity()
            + self.author_ends.capacity() * 4
            + self.dates.capacity() * 4
            + self.articles.capacity() * size_of::<Arc<Article>>()
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

    fn author(&self, i: usize) -> &str {
        let start = match i.checked_sub(1) {
            Some(prev) => self.author_ends.get(prev).copied().unwrap_or(0) as usize,
            None => 0,
        };
        let end = self
            .author_ends
            .get(i)
            .map_or(start, |&e| e as usize)
            .max(start);
        self.authors.get(start..end).unwrap_or("")
    }

    /// The matching articles, best first; an empty query matches everything
    /// in load order.
    ///
    /// Order: each non-negated group (`a`, or `a | b`) that matched the
    /// title or the source (not only the body) counts once. Articles with
    /// more such groups come first (the tier); within a tier, the higher sum
    /// of those groups' best `SkimMatcherV2` scores comes first (a
    /// contiguous match at the start of a word scores above one inside a
    /// word or one with gaps, and a longer term matched scores above a
    /// shorter one); remaining ties keep load order. Articles matched only through their bodies are the last tier,
    /// in load order. Negated terms filter and never rank.
    ///
    /// Entity and figure terms match no article here; see
    /// [`search_with`](Self::search_with).
    pub fn search(&self, query: &FilterQuery) -> Vec<Hit> {
        self.search_with(query, &Lookups::default())
    }

    /// [`search`](Self::search) with entity and figure terms looked up.
    pub fn search_with(&self, query: &FilterQuery, lookups: &Lookups) -> Vec<Hit> {
        self.run(query, lookups, 0..self.len(), &AtomicBool::new(false))
            .unwrap_or_default()
    }

    /// [`search`](Self::search), giving up with `None` soon after `cancel`
    /// is set (it is checked between posting lists and every 1024 articles).
    pub fn search_cancellable(&self, query: &FilterQuery, cancel: &AtomicBool) -> Option<Vec<Hit>> {
        self.run(query, &Lookups::default(), 0..self.len(), cancel)
    }

    /// Search, reusing `previous` when `query` [narrows](FilterQuery::narrows)
    /// it: then only the previous hits, and the articles added since it ran,
    /// are tested. The hits are the same as those of a full search. Pass the
    /// results of a search on this same index (`previous.searched` must not
    /// exceed [`len`](Self::len), else a full search runs). A query with
    /// entity or figure terms narrows only while the entity index covers
    /// as many articles as it did.
    pub fn search_narrowing(
        &self,
        query: &FilterQuery,
        lookups: &Lookups,
        previous: Option<&SearchResults>,
        cancel: &AtomicBool,
    ) -> Option<SearchResults> {
        let len = self.len();
        // Marks change between searches: `is:` queries search afresh.
        let same_entities = |prev: &SearchResults| {
            (!query.needs_entities() || prev.entities_covered == lookups.covered)
                && !query.has_marks()
        };
        let hits = match previous {
            Some(prev)
                if prev.searched <= len && same_entities(prev) && query.narrows(&prev.query) =>
            {
                // The previous hits in load order: through a set of
                // positions, quicker than sorting them.
                let mut previous = Bitset::new(prev.searched);
                for hit in &prev.hits {
                    previous.set(hit.index);
                }
                let candidates = previous.iter_ones().chain(prev.searched..len);
                self.run(query, lookups, candidates, cancel)?
            }
            _ => self.run(query, lookups, 0..len, cancel)?,
        };
        Some(SearchResults {
            query: query.clone(),
            searched: len,
            entities_covered: lookups.covered,
            hits,
        })
    }

    fn prepare<'q>(
        &self,
        query: &'q FilterQuery,
        lookups: &'q Lookups,
        cancel: &AtomicBool,
    ) -> Option<Vec<Vec<Alt<'q>>>> {
        let len = self.len();
        let mut groups = Vec::with_capacity(query.groups.len());
        let mut flat = 0;
        for group in &query.groups {
            let mut alts = Vec::with_capacity(group.alts.len());
            for term in &group.alts {
                let lookup = lookups.sets.get(flat).and_then(Option::as_ref);
                flat += 1;
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
                    lookup,
                    body,
                    sources: vec![Tested::Not; self.sources.len()],
                });
            }
            groups.push(alts);
        }
        Some(groups)
    }

    fn run(
        &self,
        query: &FilterQuery,
        lookups: &Lookups,
        candidates: impl Iterator<Item = usize>,
        cancel: &AtomicBool,
    ) -> Option<Vec<Hit>> {
        if query.is_empty() {
            return Some(
                candidates
                    .filter(|&i| i < self.len())
                    .map(Hit::bare)
                    .collect(),
            );
        }
        let candidates: Vec<usize> = candidates.filter(|&i| i < self.len()).collect();
        // Many candidates are tested on every core, in runs of load order;
        // each run keeps its own caches of source matches and scores.
        let runs = if candidates.len() >= PARALLEL_FROM {
            std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
        } else {
            1
        };
        self.run_split(query, lookups, &candidates, runs, cancel)
    }

    /// [`run`](Self::run) on `candidates` split into `runs` runs, each on a
    /// thread of its own.
    fn run_split(
        &self,
        query: &FilterQuery,
        lookups: &Lookups,
        candidates: &[usize],
        runs: usize,
        cancel: &AtomicBool,
    ) -> Option<Vec<Hit>> {
        let groups = self.prepare(query, lookups, cancel)?;
        let parts: Vec<&[usize]> = candidates
            .chunks(candidates.len().div_ceil(runs).max(1))
            .collect();
        let tested: Vec<Option<Matched>> = match parts.as_slice() {
            [] => Vec::new(),
            [one] => vec![self.test(query, groups, one, cancel)],
            [first, rest @ ..] => std::thread::scope(|scope| {
                let workers: Vec<_> = rest
                    .iter()
                    .map(|part| {
                        let groups = groups.clone();
                        scope.spawn(move || self.test(query, groups, part, cancel))
                    })
                    .collect();
                let mut all = vec![self.test(query, groups, first, cancel)];
                all.extend(workers.into_iter().map(|w| w.join().ok().flatten()));
                all
            }),
        };
        let mut ranked: Vec<u128> = Vec::new();
        let mut plain: Vec<usize> = Vec::new();
        for part in tested {
            let part = part?;
            ranked.extend(part.ranked);
            if plain.is_empty() {
                plain = part.plain;
            } else {
                plain.extend(part.plain);
            }
        }
        // Best first, ties by load order (the keys end with the index, so
        // an unstable sort is exact). The hits matched in no title or
        // source come last, in load order, as the candidates were: they
        // need no sorting.
        let mut hits: Vec<Hit> = Vec::with_capacity(ranked.len() + plain.len());
        hits.extend(in_key_order(ranked).map(Hit::bare));
        hits.extend(plain.into_iter().map(Hit::bare));
        Some(hits)
    }

    /// Test `candidates` against the prepared `groups`: the hits, in the
    /// candidates' order, with their sort keys. `None` when cancelled.
    fn test(
        &self,
        query: &FilterQuery,
        mut groups: Vec<Vec<Alt>>,
        candidates: &[usize],
        cancel: &AtomicBool,
    ) -> Option<Matched> {
        let mut scorer = Scorer::new();
        let bases: Vec<usize> = (0..groups.len())
            .map(|g| offset(g, &query.groups))
            .collect();
        let alt_count = offset(groups.len(), &query.groups);
        let mut title_windows: Vec<Tested<Range<usize>>> = vec![Tested::Not; alt_count];
        let mut matched = Matched {
            ranked: Vec::new(),
            plain: Vec::with_capacity(candidates.len()),
        };
        let mut chars: Vec<char> = Vec::new();
        for (n, &i) in candidates.iter().enumerate() {
            if n.is_multiple_of(CANCEL_STRIDE) && cancel.load(Ordering::Relaxed) {
                return None;
            }
            let (Some(&mask), Some(&source)) = (self.title_masks.get(i), self.source_of.get(i))
            else {
                continue;
            };
            let Some(src) = self.sources.get(source as usize) else {
                continue;
            };
            let mut title = Field::reusing(self.title(i), mask, std::mem::take(&mut chars));
            title_windows.fill(Tested::Not);
            let mut cx = Candidate {
                search: self,
                index: i,
                title: &mut title,
                title_windows: &mut title_windows,
                source,
                src,
                scorer: &mut scorer,
            };
            if groups.iter_mut().enumerate().all(|(g, alts)| {
                let base = bases.get(g).copied().unwrap_or(0);
                alts.iter_mut()
                    .enumerate()
                    .any(|(a, alt)| cx.matches(alt, base + a))
            }) {
                let ranked = cx.rank(&mut groups, &query.groups);
                if ranked.tier == 0 {
                    matched.plain.push(i);
                } else {
                    matched.ranked.push(ranked.sort_key(i));
                }
            }
            chars = title.into_buffer();
        }
        Some(matched)
    }
}

/// From how many candidates a search is shared out across cores.
const PARALLEL_FROM: usize = 16_384;

/// Hits of one run of candidates, in the candidates' order: the sort keys
/// of those ranked by a title or source match, and the others.
struct Matched {
    ranked: Vec<u128>,
    plain: Vec<usize>,
}

/// The article index held in the low 64 bits of a [`Ranked::sort_key`].
fn index_of_key(key: u128) -> usize {
    usize::try_from(key & u128::from(u64::MAX)).unwrap_or(usize::MAX)
}

/// The article indices of `keys` ([`Ranked::sort_key`]s), in ascending
/// order of the keys.
///
/// Keys usually differ little in their tier and score fields, and
/// indices fit 32 bits: then each key is sorted as a `u64` holding its
/// tier and score relative to the smallest ones (8 and 24 bits) and its
/// index, which keeps the order exactly and sorts about twice as fast.
fn in_key_order(mut keys: Vec<u128>) -> impl Iterator<Item = usize> {
    let tier = |k: u128| u32::try_from(k >> 96).unwrap_or(u32::MAX);
    let score = |k: u128| u32::try_from((k >> 64) & u128::from(u32::MAX)).unwrap_or(u32::MAX);
    let (mut tiers, mut scores) = ((u32::MAX, 0), (u32::MAX, 0));
    let mut wide_index = false;
    for &k in &keys {
        tiers = (tiers.0.min(tier(k)), tiers.1.max(tier(k)));
        scores = (scores.0.min(score(k)), scores.1.max(score(k)));
        wide_index |= index_of_key(k) > u32::MAX as usize;
    }
    let narrow = !keys.is_empty()
        && tiers.1 - tiers.0 < 1 << 8
        && scores.1 - scores.0 < 1 << 24
        && !wide_index;
    let mut narrow_keys: Vec<u64> = Vec::new();
    if narrow {
        narrow_keys = keys
            .iter()
            .map(|&k| {
                (u64::from(tier(k) - tiers.0) << 56)
                    | (u64::from(score(k) - scores.0) << 32)
                    | (index_of_key(k) as u64)
            })
            .collect();
        narrow_keys.sort_unstable();
        keys = Vec::new();
    } else {
        keys.sort_unstable();
    }
    let from_narrow = narrow_keys
        .into_iter()
        .map(|k| usize::try_from(k & u64::from(u32::MAX)).unwrap_or(usize::MAX));
    from_narrow.chain(keys.into_iter().map(index_of_key))
}

/// Index of group `g`'s first alternative among all alternatives.
fn offset(g: usize, groups: &[Group]) -> usize {
    groups.iter().take(g).map(|g| g.alts.len()).sum()
}

/// One article being tested, with what has been learned of its title.
struct Candidate<'a, 's> {
    search: &'s SearchIndex,
    index: usize,
    title: &'a mut Field<'s>,
    title_windows: &'a mut [Tested<Range<usize>>],
    source: u32,
    src: &'s Source,
    scorer: &'a mut Scorer,
}

impl Candidate<'_, '_> {
    fn title_window(&mut self, alt: &Alt, flat: usize) -> Option<Range<usize>> {
        let Some(slot) = self.title_windows.get_mut(flat) else {
            return fields::locate(alt.term, self.title);
        };
        slot.get_or_test(|| fields::locate(alt.term, self.title))
            .cloned()
    }

    /// The score of the term's match in the source, if it matches.
    fn source_match(&mut self, alt: &mut Alt) -> Option<i64> {
        let term = alt.term;
        let src = self.src;
        let scorer = &mut *self.scorer;
        let compute = || {
            let mut field = Field::new(&src.lower, src.mask);
            let window = fields::locate(term, &mut field)?;
            Some(fields::rank_score(term, &mut field, &window, scorer))
        };
        alt.sources
            .get_mut(self.source as usize)?
            .get_or_test(compute)
            .copied()
    }

    fn matches(&mut self, alt: &mut Alt, flat: usize) -> bool {
        let found = match &alt.term.scope {
            Scope::Anywhere => {
                self.in_body(alt)
                    || self.title_window(alt, flat).is_some()
                    || self.source_match(alt).is_some()
            }
            Scope::Title => self.title_window(alt, flat).is_some(),
            Scope::Source => self.source_match(alt).is_some(),
            Scope::Author => {
                let author = self.search.author(self.index);
                let mut field = Field::new(author, query::char_mask(author));
                fields::locate(alt.term, &mut field).is_some()
            }
            Scope::Entity(_) | Scope::Number(_) => {
                alt.lookup.is_some_and(|set| set.get(self.index))
            }
            Scope::Tag => self.search.articles.get(self.index).is_some_and(|a| {
                a.tags
                    .iter()
                    .any(|tag| text::lowercase(tag) == alt.term.text)
            }),
            Scope::Marked(test) => {
                let marks = self.search.marks(self.index);
                test.is_some_and(|t| t.accepts(marks))
            }
            Scope::Date(range) => {
                let date = self.search.dates.get(self.index).copied();
                match (range, date) {
                    (Some((from, to)), Some(d)) => d != i32::MIN && *from <= d && d <= *to,
                    _ => false,
                }
            }
        };
        found != alt.term.negated
    }

    /// Whether the body holds the term: its words, and for a phrase, one
    /// after another.
    fn in_body(&self, alt: &Alt) -> bool {
        let has_words = alt.body.as_ref().is_some_and(|b| b.get(self.index));
        if !has_words || alt.term.kind != Kind::Phrase {
            return has_words;
        }
        self.search
            .articles
            .get(self.index)
            .is_some_and(|a| text::has_phrase(&a.body.text(), &alt.term.body))
    }

    /// The hit's rank. Scores only: what to highlight is found when a row
    /// is drawn, by [`FilterQuery::list_highlights`], from these same
    /// matches.
    fn rank(&mut self, groups: &mut [Vec<Alt>], query: &[Group]) -> Ranked {
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
                let (title, source) = alt.term.scope.list_fields();
                if title && let Some(window) = self.title_window(alt, here) {
                    let m = fields::rank_score(alt.term, self.title, &window, self.scorer);
                    best = best.max(Some(m));
                }
                if source && let Some(m) = self.source_match(alt) {
                    best = best.max(Some(m));
                }
            }
            if let Some(b) = best {
                tier += 1;
                score += b;
            }
        }
        debug_assert_eq!(flat, offset(query.len(), query));
        Ranked { tier, score }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleId, Origin};
    use crate::entities::EntityIndex;
    use proptest::prelude::*;

    fn article(line: usize, title: &str, source: &str, body: &str) -> Arc<Article> {
        let origin = Origin::at_line("news.jsonl", line);
        Arc::new(Article {
            tags: Vec::new(),
            id: ArticleId::derive(None, &origin, title),
            title: title.to_string(),
            source: source.to_string(),
            date: None,
            author: None,
            url: None,
            origin,
            body: body.into(),
        })
    }

    /// Real-looking articles; the comment on each says what it is there for.
    fn corpus() -> Vec<Arc<Article>> {
        let rows = [
            // 0: "ceasefire" in title and body, a number with a separator.
            (
                "Ceasefire holds in northern Gaza",
                "Reuters",
                "The ceasefire agreed on Tuesday held overnight, officials said. \
                 Aid convoys carrying 40,005 food parcels crossed at dawn.",
            ),
            // 1: title starts with Japan; body has "Japan" and "month".
            (
                "Japan's exports rise for third month",
                "Nikkei Asia",
                "Exports from Japan grew 4.5% in May, the third rise in a month, \
                 as shipments of cars to the United States climbed.",
            ),
            // 2: "Japanese" only in the body.
            (
                "Markets steady as Fed holds rates",
                "Financial Times",
                "Stocks were little changed after the Federal Reserve kept its \
                 benchmark rate on hold. The Japanese yen weakened.",
            ),
            // 3: j-a-p-a-n scattered across the title, 400 in the body.
            (
                "Jakarta panel approves new capital budget",
                "Jakarta Post",
                "A parliamentary panel approved a budget of 400 trillion rupiah \
                 for the new capital, Nusantara.",
            ),
            // 4: "fire" as a whole word and as a word prefix in the body.
            (
                "Wildfire season starts early in Canada",
                "CBC News",
                "Firefighters battled more than 400 wildfires across British \
                 Columbia as the fire season began in April 2024.",
            ),
            // 5: "ceasefires" in title and body, multi-byte place names.
            (
                "Talks on Ukraine ceasefires stall",
                "Le Monde",
                "Diplomats in Genève said the ceasefires discussed in Zürich had \
                 failed to hold.",
            ),
            // 6: Unicode title and source; "40" as a whole number.
            (
                "Zürich hosts climate summit",
                "Neue Zürcher Zeitung",
                "Delegates from 40 countries met in Zürich to agree on a budget \
                 for adaptation.",
            ),
            // 7: "ceasefire" only in the body; no f-i-r-e in the title.
            (
                "Aid convoys reach Rafah",
                "AP",
                "A fragile ceasefire allowed trucks to cross into Rafah.",
            ),
            // 8: only the plural "ceasefires", in the body.
            (
                "Diplomats meet in Doha",
                "Al Jazeera",
                "Two ceasefires collapsed last year; mediators hope for a third.",
            ),
        ];
        rows.iter()
            .enumerate()
            .map(|(i, (t, s, b))| article(i + 1, t, s, b))
            .collect()
    }

    fn index_of(articles: &[Arc<Article>]) -> SearchIndex {
        let mut index = SearchIndex::new();
        index.add(articles);
        index
    }

    /// What the list highlights of each hit of `q`, best first.
    fn lit(index: &SearchIndex, q: &str) -> Vec<ListHighlights> {
        let query = FilterQuery::parse(q);
        index
            .search(&query)
            .iter()
            .map(|h| {
                let a = &index.articles[h.index];
                query.list_highlights(&a.title, &a.source)
            })
            .collect()
    }

    fn found(index: &SearchIndex, q: &str) -> Vec<usize> {
        index
            .search(&FilterQuery::parse(q))
            .into_iter()
            .map(|h| h.index)
            .collect()
    }

    fn sorted(mut v: Vec<usize>) -> Vec<usize> {
        v.sort_unstable();
        v
    }

    #[test]
    fn empty_query_lists_everything_in_load_order() {
        let index = index_of(&corpus());
        let all: Vec<usize> = (0..9).collect();
        for q in ["", "   ", "!", "|", "' ^ $", "!^ |"] {
            assert!(FilterQuery::parse(q).is_empty());
            assert_eq!(found(&index, q), all, "{q:?}");
        }
        assert!(lit(&index, "").iter().all(|h| h.title.is_empty()));
    }

    #[test]
    fn plain_terms_match_title_source_or_body_word_prefix() {
        let index = index_of(&corpus());
        // Title (0, 5), body word "ceasefire" (7), body word "ceasefires" (8).
        assert_eq!(found(&index, "ceasefire"), vec![0, 5, 7, 8]);
        assert_eq!(found(&index, "CEASEFIRE"), vec![0, 5, 7, 8]);
        // "fire" is no prefix of "ceasefire" in a body (7, 8 stay out), but
        // titles match fuzzily and bodies by prefix ("Firefighters").
        assert_eq!(sorted(found(&index, "fire")), vec![0, 4, 5]);
        // Source only.
        assert_eq!(found(&index, "nikkei"), vec![1]);
        // Unicode, case-insensitive.
        assert_eq!(sorted(found(&index, "ZÜRICH")), vec![5, 6]);
        assert_eq!(found(&index, "genève"), vec![5]);
        assert!(found(&index, "geneve").is_empty());
    }

    #[test]
    fn tag_terms_find_the_articles_of_tagged_feeds_in_any_case() {
        let mut articles = corpus();
        for (i, tags) in [(1, vec!["Asia", "markets"]), (2, vec!["markets"])] {
            let mut tagged = (*articles[i]).clone();
            tagged.tags = tags.into_iter().map(str::to_owned).collect();
            articles[i] = Arc::new(tagged);
        }
        let index = index_of(&articles);
        assert_eq!(sorted(found(&index, "tag:markets")), vec![1, 2]);
        assert_eq!(found(&index, "TAG:asia"), vec![1]);
        assert_eq!(found(&index, "tag:\"Asia\" japan"), vec![1]);
        assert!(found(&index, "tag:market").is_empty());
        assert_eq!(found(&index, "!tag:markets").len(), articles.len() - 2);
    }

    #[test]
    fn loose_fuzzy_title_matches_are_rejected() {
        let index = index_of(&corpus());
        // 3's title holds j…a…p…a…n spread out: not a match. 2 has
        // "Japanese" in its body.
        assert_eq!(found(&index, "japan"), vec![1, 2]);
        // Omitting letters inside a word is fine.
        assert_eq!(found(&index, "jkrta"), vec![3]);
        // "clim" + "summ" skips "ate " (4); "clmtsmmt" skips 6.
        assert_eq!(found(&index, "climsumm"), vec![6]);
        assert_eq!(found(&index, "clmtsmmt"), Vec::<usize>::new());
        assert_eq!(found(&index, "clmte"), vec![6]);
    }

    #[test]
    fn exact_prefix_suffix_and_equal_terms() {
        let index = index_of(&corpus());
        // 'word: substring of title/source, whole word in the body.
        assert_eq!(sorted(found(&index, "'ceasefire")), vec![0, 5, 7]);
        assert_eq!(sorted(found(&index, "'fire")), vec![0, 4, 5]);
        assert_eq!(found(&index, "'rafah"), vec![7]);
        // ^word: title/source starts with it, or a body word does.
        assert_eq!(found(&index, "^jap"), vec![1, 2]);
        assert_eq!(found(&index, "^jakarta"), vec![3]);
        assert_eq!(found(&index, "^ukraine"), Vec::<usize>::new());
        // word$: title/source ends with it, or a body word does.
        assert_eq!(found(&index, "month$"), vec![1]);
        assert_eq!(sorted(found(&index, "fires$")), vec![4, 5, 8]);
        // ^word$: the whole title/source, or a whole body word.
        assert_eq!(found(&index, "^ap$"), vec![7]);
        assert_eq!(found(&index, "^reuters$"), vec![0]);
    }

    #[test]
    fn negations_exclude_title_source_and_body() {
        let index = index_of(&corpus());
        assert_eq!(found(&index, "!ceasefire"), vec![1, 2, 3, 4, 6]);
        // Negation is by substring, not fuzzily: "jkrta" is no substring.
        assert_eq!(found(&index, "!jkrta").len(), 9);
        assert_eq!(found(&index, "!^jap"), vec![0, 3, 4, 5, 6, 7, 8]);
        assert_eq!(found(&index, "!fires$"), vec![0, 1, 2, 3, 6, 7]);
        assert_eq!(found(&index, "!'fire"), vec![1, 2, 3, 6, 7, 8]);
        assert_eq!(found(&index, "budget !jakarta"), vec![6]);
    }

    #[test]
    fn or_groups() {
        let index = index_of(&corpus());
        assert_eq!(sorted(found(&index, "jakarta | zürich budget")), vec![3, 6]);
        assert_eq!(sorted(found(&index, "doha | rafah")), vec![7, 8]);
        assert_eq!(found(&index, "doha | rafah !fragile"), vec![8]);
        assert_eq!(found(&index, "| doha |"), vec![8]);
    }

    #[test]
    fn digit_terms_match_numbers_literally() {
        let index = index_of(&corpus());
        assert_eq!(found(&index, "40005"), vec![0]);
        assert_eq!(found(&index, "40,005"), vec![0]);
        assert_eq!(found(&index, "40.005"), vec![0]);
        assert_eq!(found(&index, "40"), vec![6]);
        assert_eq!(sorted(found(&index, "400")), vec![3, 4]);
        assert_eq!(found(&index, "4,5"), vec![1]);
        assert_eq!(found(&index, "2024"), vec![4]);
        assert_eq!(found(&index, "!400").len(), 7);
        // In a title, digits match with non-digit boundaries.
        let mut index = index_of(&corpus());
        index.add(&[article(
            10,
            "G20 leaders meet, 2,000 protest",
            "AFP",
            "No numbers.",
        )]);
        assert_eq!(found(&index, "20"), vec![9]);
        assert_eq!(found(&index, "2000"), vec![9]);
        assert!(found(&index, "200").is_empty());
        assert_eq!(lit(&index, "2000")[0].title, vec![18, 19, 20, 21, 22]);
    }

    #[test]
    fn positions_cover_every_term_that_matched_title_or_source() {
        let index = index_of(&corpus());
        let hits = lit(&index, "reuters ceasefire gaza");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].source, (0..7).collect::<Vec<_>>());
        let mut title: Vec<usize> = (0..9).collect();
        title.extend(28..32);
        assert_eq!(hits[0].title, title);
        // Char indices, not bytes, in multi-byte titles and sources.
        let six = found(&index, "zür").iter().position(|&i| i == 6);
        assert_eq!(
            six.map(|at| lit(&index, "zür").swap_remove(at)),
            Some(ListHighlights {
                title: vec![0, 1, 2],
                source: vec![5, 6, 7]
            })
        );
        // Overlapping terms merge without duplicates; negations add nothing.
        let hits = lit(&index, "jap japan !'zzz");
        assert_eq!(hits[0].title, vec![0, 1, 2, 3, 4]);
        // A body-only match highlights nothing in the list.
        assert!(hits[1].title.is_empty() && hits[1].source.is_empty());
    }

    #[test]
    fn ranking_tiers_then_strength_then_load_order() {
        let articles = vec![
            article(1, "Markets", "Wire", "Ceasefire talks in Gaza resumed."),
            article(2, "Gaza aid", "Wire", "The ceasefire held."),
            article(3, "Ceasefire in Gaza", "Wire", "Quiet night."),
            article(4, "Ceasefire extended", "Wire", "Gaza crossings open."),
            article(5, "Gaza ceasefire", "Wire", "Talks went on."),
            article(
                6,
                "Ceasefire in Gaza",
                "Wire",
                "A copy of article three's title.",
            ),
        ];
        let index = index_of(&articles);
        let order = found(&index, "ceasefire gaza");
        // Both terms in the title first (2, 4, 5 score alike and keep load
        // order), then one: the longer term matched (3) scores above the
        // shorter (1); then body only (0).
        assert_eq!(order, vec![2, 4, 5, 3, 1, 0]);
        // A title-start match outranks a mid-title one.
        assert_eq!(found(&index, "gaza")[..2], [1, 4]);
    }

    #[test]
    fn sort_keys_order_by_tier_then_score_then_index() {
        let key = |tier, score, index| Ranked { tier, score }.sort_key(index);
        assert!(key(2, -5, 9) < key(1, 900, 0));
        assert!(key(1, 30, 9) < key(1, 29, 0));
        assert!(key(1, 30, 3) < key(1, 30, 4));
        assert!(key(1, i64::MAX, 7) < key(1, i64::MIN, 7));
        assert_eq!(index_of_key(key(3, -40, 123_456)), 123_456);
        // Sorted narrow (close tiers and scores) or wide, the order is the keys'.
        for keys in [
            vec![key(1, 30, 4), key(2, -5, 9), key(1, 30, 3), key(1, 31, 8)],
            vec![key(1, i64::MAX, 4), key(1, i64::MIN, 2), key(300, 0, 1)],
            vec![key(1, 0, 1 << 33), key(1, 0, 5), key(2, 0, 7)],
            vec![],
        ] {
            let mut sorted = keys.clone();
            sorted.sort_unstable();
            let expected: Vec<usize> = sorted.into_iter().map(index_of_key).collect();
            assert_eq!(in_key_order(keys).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn ties_keep_load_order() {
        let articles: Vec<_> = (0..50)
            .map(|i| {
                article(
                    i,
                    "Budget vote delayed",
                    "Wire",
                    "The budget vote was delayed again.",
                )
            })
            .collect();
        let index = index_of(&articles);
        assert_eq!(found(&index, "budget"), (0..50).collect::<Vec<_>>());
        assert_eq!(found(&index, "vote again"), (0..50).collect::<Vec<_>>());
    }

    /// Synthetic articles with many distinct words, to push the vocabulary
    /// through several merges of its sorted runs.
    fn many(n: usize) -> Vec<Arc<Article>> {
        let syllables = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "pe", "zu"];
        let word = |k: usize| -> String {
            let mut w = String::new();
            let mut k = k + 10;
            while k > 0 {
                w.push_str(syllables[k % 10]);
                k /= 10;
            }
            w
        };
        (0..n)
            .map(|i| {
                let body: Vec<String> = (0..30).map(|j| word((i * 7 + j * 131) % 5000)).collect();
                let title = format!("{} {} report", word(i % 97), word(i % 13));
                article(
                    i + 1,
                    &title,
                    ["Wire", "Gazette", "Daily"][i % 3],
                    &body.join(" "),
                )
            })
            .collect()
    }

    #[test]
    fn incremental_adds_equal_one_shot_index() {
        let articles = many(3000);
        let one_shot = index_of(&articles);
        let mut streamed = SearchIndex::new();
        for batch in articles.chunks(512) {
            streamed.add(batch);
        }
        let mut tiny = SearchIndex::new();
        for batch in articles.chunks(7) {
            tiny.add(batch);
        }
        assert_eq!(streamed.len(), 3000);
        assert_eq!(streamed.vocabulary_len(), one_shot.vocabulary_len());
        for q in [
            "kalo",
            "ka",
            "mine re",
            "suta | vozu",
            "!kaloka lo",
            "zu$",
            "'kalomi",
            "gazette",
            "pe daily",
        ] {
            let q = FilterQuery::parse(q);
            let want = one_shot.search(&q);
            assert!(
                !want.is_empty() || q.as_str() == "'kalomi",
                "{q:?} found nothing"
            );
            assert_eq!(streamed.search(&q), want, "{q:?}");
            assert_eq!(tiny.search(&q), want, "{q:?}");
        }
    }

    #[test]
    fn narrowing_gives_the_same_hits_as_a_full_search() {
        let articles = many(1200);
        let mut index = SearchIndex::new();
        index.add(&articles[..600]);
        let cancel = AtomicBool::new(false);
        let steps = [
            "k",
            "ka",
            "kal",
            "kalo",
            "kalo ",
            "kalo r",
            "kalo re",
            "kalo re | su",
            "kalo re | sut",
        ];
        let mut previous: Option<SearchResults> = None;
        for (n, step) in steps.iter().enumerate() {
            if n == 4 {
                // Articles arriving between keystrokes are searched too.
                index.add(&articles[600..]);
            }
            let q = FilterQuery::parse(step);
            let narrowed =
                index.search_narrowing(&q, &Lookups::default(), previous.as_ref(), &cancel);
            let full = index.search(&q);
            assert_eq!(narrowed.as_ref().map(|r| &r.hits), Some(&full), "{step:?}");
            previous = narrowed;
        }
        assert!(previous.is_some_and(|p| p.searched == 1200 && !p.hits.is_empty()));
    }

    #[test]
    fn typing_on_never_widens_the_list() {
        let index = index_of(&corpus());
        let mut before: Option<Vec<usize>> = None;
        for end in 1..="ceasefires".len() {
            let now = sorted(found(&index, &"ceasefires"[..end]));
            if let Some(prev) = &before {
                assert!(now.iter().all(|i| prev.contains(i)), "{end}");
            }
            before = Some(now);
        }
    }

    #[test]
    fn cancelled_searches_return_none() {
        let index = index_of(&many(3000));
        let cancel = AtomicBool::new(true);
        let q = FilterQuery::parse("ka lo");
        assert!(index.search_cancellable(&q, &cancel).is_none());
        assert!(
            index
                .search_narrowing(&q, &Lookups::default(), None, &cancel)
                .is_none()
        );
        let go = AtomicBool::new(false);
        assert_eq!(index.search_cancellable(&q, &go), Some(index.search(&q)));
    }

    /// Articles with authors and dates, for field terms.
    fn desk() -> Vec<Arc<Article>> {
        let row = |line: usize,
                   title: &str,
                   source: &str,
                   author: Option<&str>,
                   date: (i32, u32, u32),
                   body: &str| {
            let origin = Origin::at_line("desk.jsonl", line);
            Arc::new(Article {
                tags: Vec::new(),
                id: ArticleId::derive(None, &origin, title),
                title: title.to_string(),
                source: source.to_string(),
                date: chrono::NaiveDate::from_ymd_opt(date.0, date.1, date.2),
                author: author.map(str::to_string),
                url: None,
                origin,
                body: body.into(),
            })
        };
        vec![
            // 0
            row(
                1,
                "Ceasefire talks resume in Doha",
                "Harbour Ledger",
                Some("Hendrik Boerma"),
                (2025, 6, 3),
                "Prime Minister Benjamin Netanyahu sent envoys. The talks on a ceasefire \
                 resumed as 40,005 people waited. Netanyahu's office said little.",
            ),
            // 1
            row(
                2,
                "Strike closes the port",
                "Northline Wire",
                Some("Anneke Jansen"),
                (2025, 1, 20),
                "Dock workers struck for a third day. Ceasefire talks elsewhere stalled. \
                 The union said losses reached $4bn.",
            ),
            // 2
            row(
                3,
                "Budget passes after ceasefire",
                "Valley Courier",
                None,
                (2025, 3, 31),
                "Mr Netanyahu praised the budget of 3.2 million shekels. NATO officials \
                 and the U.S. envoy agreed on talks.",
            ),
            // 3: undated
            row(
                4,
                "Harbour reopens",
                "Northline Wire",
                None,
                (0, 0, 0),
                "The harbour reopened. Officials in the United States said 4 billion \
                 dollars had been lost, and 12 ships waited.",
            ),
        ]
    }

    #[test]
    fn is_terms_match_what_the_reader_marked() {
        let articles = desk();
        let mut index = index_of(&articles);
        let all: Vec<usize> = (0..articles.len()).collect();
        let sorted = |q: &str, index: &SearchIndex| {
            let mut v = found(index, q);
            v.sort_unstable();
            v
        };
        assert_eq!(sorted("is:unread", &index), all);
        assert!(sorted("is:read", &index).is_empty());
        assert!(sorted("is:starred", &index).is_empty());
        assert!(
            sorted("is:bogus", &index).is_empty(),
            "an unknown word matches none"
        );
        index.set_marks(
            1,
            Marks {
                read: true,
                starred: false,
            },
        );
        index.set_marks(
            2,
            Marks {
                read: true,
                starred: true,
            },
        );
        index.set_marks(99, Marks::default());
        assert_eq!(sorted("is:read", &index), vec![1, 2]);
        assert_eq!(sorted("IS:Starred", &index), vec![2]);
        let unread: Vec<usize> = all.iter().copied().filter(|&i| i != 1 && i != 2).collect();
        assert_eq!(sorted("is:unread", &index), unread);
        assert_eq!(sorted("!is:read", &index), unread);
        assert_eq!(
            sorted("is:starred | is:unread", &index).len(),
            unread.len() + 1
        );
        // A query with `is:` terms searches afresh: marks change in between.
        let cancel = AtomicBool::new(false);
        let q = FilterQuery::parse("is:unread");
        let first = index
            .search_narrowing(&q, &Lookups::default(), None, &cancel)
            .unwrap();
        index.set_marks(1, Marks::default());
        let wider = FilterQuery::parse("is:unread s");
        let second = index
            .search_narrowing(&wider, &Lookups::default(), Some(&first), &cancel)
            .unwrap();
        let mut narrowed: Vec<usize> = second.hits.iter().map(|h| h.index).collect();
        narrowed.sort_unstable();
        assert_eq!(narrowed, sorted("is:unread s", &index));
        assert!(narrowed.contains(&1), "{narrowed:?}");
    }

    fn search_desk(q: &str) -> Vec<usize> {
        let articles = desk();
        let index = index_of(&articles);
        let mut entities = EntityIndex::new();
        entities.add(&articles);
        let query = FilterQuery::parse(q);
        let mut found: Vec<usize> = index
            .search_with(&query, &query.lookup(&entities))
            .into_iter()
            .map(|h| h.index)
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn text_field_terms_look_in_their_field_only() {
        assert_eq!(search_desk("source:wire"), vec![1, 3]);
        assert_eq!(search_desk("source:\"Harbour Ledger\""), vec![0]);
        assert_eq!(search_desk("source:^harbour"), vec![0]);
        // "harbour" is in article 3's title and body, not its source.
        assert_eq!(search_desk("harbour"), vec![0, 3]);
        assert_eq!(search_desk("title:ceasefire"), vec![0, 2]);
        assert_eq!(search_desk("title:\"ceasefire talks\""), vec![0]);
        assert_eq!(search_desk("author:boerma"), vec![0]);
        assert_eq!(search_desk("author:\"anneke jansen\""), vec![1]);
        assert_eq!(search_desk("!author:boerma"), vec![1, 2, 3]);
        assert_eq!(search_desk("!source:wire title:ceasefire"), vec![0, 2]);
    }

    #[test]
    fn phrases_need_their_words_one_after_another() {
        // 0 has "talks on a ceasefire", 1 has "Ceasefire talks", 2 has both
        // words apart; 0's title holds the phrase.
        assert_eq!(search_desk("\"ceasefire talks\""), vec![0, 1]);
        assert_eq!(search_desk("\"talks on a ceasefire\""), vec![0]);
        // While the phrase is typed, its last word is a word's start.
        assert_eq!(search_desk("\"ceasefire ta"), vec![0, 1]);
        // Closed, it is whole words in bodies (titles match as text).
        assert_eq!(search_desk("\"ceasefire ta\""), vec![0]);
        assert_eq!(search_desk("!\"ceasefire talks\""), vec![2, 3]);
        assert_eq!(
            search_desk("\"dock workers\" | \"harbour reopened\""),
            vec![1, 3]
        );
        let q = FilterQuery::parse("\"ceasefire talks\" union");
        let body = "Ceasefire talks stalled; the union and the talks.";
        let words: Vec<&str> = q.body_matches(body).into_iter().map(|r| &body[r]).collect();
        assert_eq!(words, ["Ceasefire talks", "union"]);
    }

    #[test]
    fn entity_terms_resolve_names_through_the_entity_index() {
        assert_eq!(search_desk("person:netanyahu"), vec![0, 2]);
        assert_eq!(search_desk("person:\"Benjamin Netanyahu\""), vec![0, 2]);
        assert_eq!(search_desk("PERSON:NETANYAHU"), vec![0, 2]);
        assert_eq!(search_desk("place:us"), vec![2, 3]);
        assert_eq!(search_desk("place:\"united states\""), vec![2, 3]);
        assert_eq!(search_desk("org:nato"), vec![2]);
        assert_eq!(search_desk("person:nato"), Vec::<usize>::new());
        assert_eq!(search_desk("!person:netanyahu"), vec![1, 3]);
        assert_eq!(search_desk("person:netanyahu | org:nato"), vec![0, 2]);
        // Without an entity index, entity terms match nothing.
        let index = index_of(&desk());
        assert!(
            index
                .search(&FilterQuery::parse("person:netanyahu"))
                .is_empty()
        );
        assert_eq!(
            index.search(&FilterQuery::parse("!person:netanyahu")).len(),
            4
        );
    }

    #[test]
    fn number_terms_compare_figures_by_value() {
        assert_eq!(search_desk("num:40005"), vec![0]);
        assert_eq!(search_desk("num:40,005"), vec![0]);
        assert_eq!(search_desk("num:4bn"), vec![1, 3]);
        assert_eq!(search_desk("num:\"4 billion\""), vec![1, 3]);
        assert_eq!(search_desk("num:>1000"), vec![0, 1, 2, 3]);
        assert_eq!(search_desk("num:>1m"), vec![1, 2, 3]);
        assert_eq!(search_desk("num:<20"), vec![1, 3]);
        assert_eq!(search_desk("num:1m..5m"), vec![2]);
        assert_eq!(search_desk("num:3.2m"), vec![2]);
        assert_eq!(search_desk("num:nonsense"), Vec::<usize>::new());
        assert_eq!(search_desk("person:netanyahu num:>1m"), vec![2]);
    }

    #[test]
    fn date_terms_match_article_dates() {
        assert_eq!(search_desk("date:2025-06"), vec![0]);
        assert_eq!(search_desk("date:2025-06-03"), vec![0]);
        assert_eq!(search_desk("date:2025-06-04"), Vec::<usize>::new());
        assert_eq!(search_desk("date:2025"), vec![0, 1, 2]);
        assert_eq!(search_desk("date:2025-01..2025-03"), vec![1, 2]);
        assert_eq!(search_desk("date:2025-02.."), vec![0, 2]);
        assert_eq!(search_desk("date:..2025-01"), vec![1]);
        assert_eq!(search_desk("!date:2025"), vec![3]);
        assert_eq!(search_desk("date:2025-13"), Vec::<usize>::new());
    }

    #[test]
    fn field_matches_rank_and_highlight_their_field() {
        let index = index_of(&desk());
        assert_eq!(found(&index, "title:ceasefire")[0], 0);
        let hits = lit(&index, "title:ceasefire");
        assert_eq!(hits[0].title, (0..9).collect::<Vec<_>>());
        assert!(hits[0].source.is_empty());
        let hits = lit(&index, "source:wire");
        assert!(hits.iter().all(|h| h.title.is_empty()));
        assert_eq!(hits[0].source, (10..14).collect::<Vec<_>>());
    }

    #[test]
    fn entity_terms_narrow_only_while_the_entity_index_stands_still() {
        let articles = desk();
        let index = index_of(&articles);
        let mut entities = EntityIndex::new();
        entities.add(&articles[..1]);
        let cancel = AtomicBool::new(false);
        let query = FilterQuery::parse("person:netanyahu");
        let first = index.search_narrowing(&query, &query.lookup(&entities), None, &cancel);
        assert_eq!(first.as_ref().map(|r| r.hits.len()), Some(1));
        entities.add(&articles[1..]);
        let wider = FilterQuery::parse("person:netanyahu budget");
        let next =
            index.search_narrowing(&wider, &wider.lookup(&entities), first.as_ref(), &cancel);
        assert_eq!(
            next.map(|r| r.hits.iter().map(|h| h.index).collect::<Vec<_>>()),
            Some(vec![2])
        );
    }

    #[test]
    fn body_matches_are_whole_words_on_char_boundaries() {
        let body = "Zürich's «Ceasefire» talks: ceasefires in Genève, 40,005 fled; the fire-fighters left.";
        let words = |q: &str| -> Vec<&str> {
            FilterQuery::parse(q)
                .body_matches(body)
                .into_iter()
                .map(|r| &body[r])
                .collect()
        };
        assert_eq!(
            words("ceasefire zür"),
            vec!["Zürich", "Ceasefire", "ceasefires"]
        );
        assert_eq!(words("'ceasefire"), vec!["Ceasefire"]);
        assert_eq!(words("fire"), vec!["fire"]);
        assert_eq!(words("fires$"), vec!["ceasefires"]);
        assert_eq!(words("40005 genève"), vec!["Genève", "40,005"]);
        assert_eq!(words("40"), Vec::<&str>::new());
        assert_eq!(words("!ceasefire talks"), vec!["talks"]);
        // Each word of a term with punctuation inside is highlighted on its own.
        assert_eq!(words("fire-f"), vec!["fled", "fire", "fighters"]);
        assert!(words("").is_empty());
        let ranges = FilterQuery::parse("zür gen").body_matches(body);
        assert_eq!(ranges, vec![0..7, 45..52]);
    }

    #[test]
    fn index_and_results_can_move_to_a_worker_thread() {
        fn send_sync<T: Send + Sync>() {}
        send_sync::<SearchIndex>();
        send_sync::<SearchResults>();
        send_sync::<FilterQuery>();
    }

    #[test]
    fn index_memory_is_reported() {
        let index = index_of(&many(500));
        assert!(index.memory_bytes() > 0);
        assert!(index.postings_len() >= 500);
        assert!(index.vocabulary_len() > 100);
    }

    fn check_ranges(body: &str, ranges: &[Range<usize>]) {
        let mut end = 0;
        for r in ranges {
            assert!(r.start >= end && r.start < r.end && r.end <= body.len());
            assert!(body.is_char_boundary(r.start) && body.is_char_boundary(r.end));
            end = r.end;
        }
    }

    #[test]
    fn an_index_for_one_query_finds_what_the_full_index_finds() {
        let articles = corpus();
        let full = index_of(&articles);
        for q in [
            "japan",
            "j",
            "z",
            "4",
            "ceasefire talks",
            "\"ceasefire talks\"",
            "'ceasefire",
            "^fire",
            "fire$",
            "ire$ 400",
            "40,005",
            "40005 | japanese",
            "!japan rates",
            "!fire",
            "zürich",
            "ZÜRICH genève",
            "source:reuters ceasefire",
            "title:japan exports",
            "covid-19",
            "nothing-matches-this",
        ] {
            let query = FilterQuery::parse(q);
            let one = SearchIndex::for_query(&articles, &query);
            assert_eq!(one.search(&query), full.search(&query), "{q}");
            assert!(one.vocabulary_len() <= full.vocabulary_len());
        }
    }

    #[test]
    fn searches_split_across_threads_rank_as_one_does() {
        let rows = corpus();
        let articles: Vec<Arc<Article>> = (0..600)
            .map(|i| {
                let a = &rows[i % rows.len()];
                let title = format!("{} {i}", a.title);
                article(i + 1, &title, &a.source, &a.body.text())
            })
            .collect();
        let index = index_of(&articles);
        let all: Vec<usize> = (0..articles.len()).collect();
        let cancel = AtomicBool::new(false);
        for q in [
            "j",
            "japan",
            "ceasefire | fire",
            "source:reuters",
            "!aid",
            "4",
        ] {
            let query = FilterQuery::parse(q);
            let lookups = Lookups::default();
            let one = index.run_split(&query, &lookups, &all, 1, &cancel);
            assert!(one.as_ref().is_some_and(|h| !h.is_empty()), "{q}");
            for runs in [2, 3, 7] {
                let split = index.run_split(&query, &lookups, &all, runs, &cancel);
                assert_eq!(split, one, "{q} in {runs} runs");
            }
        }
        let stop = AtomicBool::new(true);
        let query = FilterQuery::parse("japan");
        assert!(
            index
                .run_split(&query, &Lookups::default(), &all, 2, &stop)
                .is_none()
        );
    }

    proptest! {
        #[test]
        fn an_index_for_one_query_agrees_on_any_text(
            query in "[!'^$| a-cé0-9,.İ\"]{0,16}",
            bodies in proptest::collection::vec("[ a-cA-Cé0-9,.İ'-]{0,60}", 1..6),
        ) {
            let articles: Vec<Arc<Article>> = bodies
                .iter()
                .enumerate()
                .map(|(i, b)| article(i + 1, "t", "s", b))
                .collect();
            let q = FilterQuery::parse(&query);
            let one = SearchIndex::for_query(&articles, &q);
            prop_assert_eq!(one.search(&q), index_of(&articles).search(&q));
        }

        #[test]
        fn nothing_panics(query in "\\PC{0,24}", body in "\\PC{0,200}", title in "\\PC{0,40}") {
            let q = FilterQuery::parse(&query);
            let mut index = SearchIndex::new();
            index.add(&[
                article(1, &title, &body, &body),
                article(2, &body, &title, &title),
            ]);
            let hits = index.search(&q);
            let title_chars = title.chars().count().max(body.chars().count());
            for hit in &hits {
                prop_assert!(hit.index < 2);
            }
            for lit in lit(&index, &query) {
                prop_assert!(lit.title.iter().all(|&p| p < title_chars));
                prop_assert!(lit.source.iter().all(|&p| p < title_chars));
            }
            check_ranges(&body, &q.body_matches(&body));
            check_ranges(&title, &q.body_matches(&title));
        }

        #[test]
        fn syntax_heavy_queries_never_panic(
            query in "[!'^$| a-cé0-9,.İ]{0,16}",
            body in "[ a-cé0-9,.İ'-]{0,80}",
        ) {
            let q = FilterQuery::parse(&query);
            let index = index_of(&[article(1, &body, "a,b", &body)]);
            let hits = index.search(&q);
            prop_assert!(hits.len() <= 1);
            check_ranges(&body, &q.body_matches(&body));
        }
    }
}
