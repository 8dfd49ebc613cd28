//! The entity index across articles: built in batches as articles load,
//! queried by the mentions pane, the entity index screen, the filter's
//! typed terms and the subcommands.

mod packed;

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

use super::names::{all_caps, canonical_key, key_of, last_word, words_in_order};
use super::resolve::{ArticleNames, LocalEntity, clean_surface, resolve_names};
use super::values;
use crate::article::Article;
use crate::filter::{Bitset, Postings};
use crate::highlight::{self, EntityKind, Span};
use packed::{Packed, Records};

/// An entity of an [`EntityIndex`]: a number that stays the same while the
/// index grows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(u32);

impl EntityId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What one article holds, found by [`extract`]: its names resolved into
/// entities and the values of its figures. Computing it is the slow part
/// of indexing (it runs the highlighter), so it is done before taking the
/// index for writing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub names: ArticleNames,
    /// The article's figures by value, ascending, each once.
    pub numbers: Vec<f64>,
    /// Where each of `numbers` is first given: a byte offset into the
    /// body.
    pub number_starts: Vec<u32>,
    /// The days its dates name (days from the common era; a month or a
    /// year as its first day), ascending, each once: filled by [`extract`],
    /// which knows the article's date to place `Monday` or `16 Nov`.
    pub dates: Vec<i32>,
    /// Where each of `dates` is first given: a byte offset into the body.
    pub date_starts: Vec<u32>,
}

/// Highlight an article's body and resolve what was found.
pub fn extract(article: &Article) -> Extracted {
    extract_body(article, &article.body.text())
}

/// [`extract`] with the article's body already read.
pub fn extract_body(article: &Article, body: &str) -> Extracted {
    let spans = highlight::highlight(body);
    let mut found = extract_from_spans(body, &spans);
    let dates = crate::stories::figures::date_days_at(body, &spans, article.date);
    (found.dates, found.date_starts) = dates.into_iter().unzip();
    found
}

/// [`extract`] of each article, in order, on every core (see [`map_all`]).
pub fn extract_all(articles: &[Arc<Article>]) -> Vec<Extracted> {
    map_all(articles, |a| extract(a))
}

/// `f` of each article (or anything else), in order, on every core: the
/// cores take articles as they finish the last (rayon's work stealing), so
/// that a long article never leaves the others waiting on one core. An
/// article on which `f` fails gets `T::default()` (no names), so that the
/// rest keep their positions.
pub fn map_all<A: Sync, T: Send + Default>(items: &[A], f: impl Fn(&A) -> T + Sync) -> Vec<T> {
    use rayon::prelude::*;
    items
        .par_iter()
        .map(|item| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(item))).unwrap_or_default()
        })
        .collect()
}

/// [`extract`] for a body already highlighted (the reader has the spans).
pub fn extract_from_spans(body: &str, spans: &[Span]) -> Extracted {
    // (value, where it is given), then each value once, where first given.
    let mut found: Vec<(f64, u32)> = Vec::new();
    let mut values = Vec::new();
    for range in hyphen_joined(body, spans) {
        if let Some(text) = body.get(range.clone()) {
            values.clear();
            values::values(text, &mut values);
            let at = u32::try_from(range.start).unwrap_or(u32::MAX);
            found.extend(values.iter().map(|&v| (v, at)));
        }
    }
    found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    found.dedup_by(|later, kept| {
        let same = values::same_value(later.0, kept.0);
        if same {
            kept.1 = kept.1.min(later.1);
        }
        same
    });
    let (numbers, number_starts) = found.into_iter().unzip();
    Extracted {
        names: resolve_names(body, spans),
        numbers,
        number_starts,
        dates: Vec::new(),
        date_starts: Vec::new(),
    }
}

/// The byte ranges of the number spans, with spans that only a hyphen
/// separates taken together: the highlighter gives a range's parts alone
/// (`10`, `15 million`), while its values are read together (`10-15
/// million` is 10 and 15 million).
fn hyphen_joined<'s>(body: &'s str, spans: &'s [Span]) -> impl Iterator<Item = Range<usize>> + 's {
    let mut numbers = spans
        .iter()
        .filter(|s| s.kind == EntityKind::Number)
        .peekable();
    std::iter::from_fn(move || {
        let first = numbers.next()?;
        let mut range = first.start..first.end;
        while let Some(next) = numbers.peek()
            && matches!(body.get(range.end..next.start), Some("-" | "\u{2013}"))
        {
            range.end = next.end;
            numbers.next();
        }
        Some(range)
    })
}

/// A set of article positions (load order), such as the filtered list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSet {
    bits: Bitset,
}

impl ArticleSet {
    pub fn from_indices(indices: impl IntoIterator<Item = usize>) -> Self {
        let mut bits = Bitset::new(0);
        for i in indices {
            bits.set_growing(i);
        }
        Self { bits }
    }

    pub fn contains(&self, article: usize) -> bool {
        self.bits.get(article)
    }
}

/// Sort orders of [`EntityIndex::entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EntitySort {
    /// Most mentions first.
    #[default]
    Mentions,
    /// Most articles first.
    Articles,
    /// Most sources first.
    Sources,
    /// By name, ignoring case and accents.
    Name,
}

/// One row of the entity table: an entity with its counts (over the whole
/// index, or over the articles asked about).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityRow {
    pub id: EntityId,
    pub kind: EntityKind,
    pub mentions: u32,
    pub articles: u32,
    pub sources: u32,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Position of the article in load order.
    pub article: usize,
    /// Byte range of the mention in the article's body.
    pub range: Range<usize>,
    /// Byte range of the sentence around it in the body.
    pub sentence: Range<usize>,
}

/// The mentions of an entity in the articles of one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMentions {
    pub source: String,
    /// How many articles of this source mention the entity.
    pub articles: usize,
    /// Oldest article first (undated ones last), then load order, then
    /// position in the article.
    pub mentions: Vec<Mention>,
}

/// Counts per entity, kept as articles arrive, with what adding an
/// article needs to know of the entity, so that it reads one place.
#[derive(Debug, Clone, Copy)]
struct Stats {
    mentions: u32,
    articles: u32,
    sources: u32,
    /// The source of the first article; further sources are remembered
    /// in `low_sources` (the first 64 sources, a bit each) and
    /// [`EntityIndex::more_sources`], so that the many entities named by
    /// one source only cost nothing there.
    first_source: u32,
    low_sources: u64,
    /// For a person with a full name, the entity of the bare surname with
    /// its last word, once there is one (else `NONE`).
    bare: u32,
    /// A person named by one word (a bare surname).
    one_word: bool,
    /// Whether the display name is in capitals only (a better spelling
    /// replaces it when one comes).
    caps: bool,
}

impl Default for Stats {
    fn default() -> Self {
        Self {
            mentions: 0,
            articles: 0,
            sources: 0,
            first_source: 0,
            low_sources: 0,
            bare: NONE,
            one_word: false,
            caps: false,
        }
    }
}

const NONE: u32 = u32::MAX;

/// Names and figures across articles. See the module documentation of
/// [`crate::entities`] for what it holds and how it is shared.
#[derive(Debug, Default)]
pub struct EntityIndex {
    // The entity table.
    kinds: Vec<EntityKind>,
    /// Keys end to end; entity `i`'s ends at `key_ends[i]`.
    keys: String,
    key_ends: Vec<u32>,
    /// Display names; entity `i`'s is `names[name_spans[i]]` (a better
    /// spelling found later is appended and pointed at).
    names: String,
    name_spans: Vec<(u32, u32)>,
    stats: Vec<Stats>,
    /// Entity to the articles that mention it.
    postings: Vec<Postings>,
    /// Entity ids by (kind, key).
    table: HashTable<u32>,
    /// (entity << 32 | source) for every source after an entity's first.
    more_sources: HashSet<u64, FixedState>,
    /// People with a full name, by their last word: `blair` to `Tony Blair`.
    by_surname: HashMap<Box<str>, Vec<u32>, FixedState>,
    /// Per entity, the full name a bare surname is joined to (`NONE` when
    /// it is not joined), and back: dense, since queries look it up for
    /// every mention they read.
    merged_into: Vec<u32>,
    members: HashMap<u32, Vec<u32>, FixedState>,
    /// Bare surnames whose join needs another look after this batch.
    unsettled: Vec<u32>,

    // Per article, in load order.
    articles: Vec<Arc<Article>>,
    article_source: Vec<u32>,
    sources: Vec<Box<str>>,
    source_ids: HashMap<Box<str>, u32, FixedState>,
    /// The mention record of each article (its entities and its mentions
    /// in text order, packed: see [`packed`]). Each mention keeps the
    /// sentence around it, as bytes before its start and after its end,
    /// so that listing mentions never reads the bodies.
    mention_records: Records,
    /// How many mentions the records hold.
    mention_total: usize,
    /// The figure record of each article (its figures by value with where
    /// each is first given, packed).
    figure_records: Records,
    /// Dates of article `a` (as days) are `date_ends[a - 1]..date_ends[a]`.
    date_ends: Vec<u32>,
    dates: Vec<i32>,
    /// Where each of `dates` is first given in its article.
    date_starts: Vec<u32>,
}

fn table_hash(kind: EntityKind, key: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(key.as_bytes(), kind as u64)
}

/// `ends[i - 1]..ends[i]` as a range (0 for the first).
fn span_of(ends: &[u32], i: usize) -> Range<usize> {
    let start = i
        .checked_sub(1)
        .and_then(|p| ends.get(p))
        .map_or(0, |&e| e as usize);
    let end = ends.get(i).map_or(start, |&e| e as usize);
    start..end.max(start)
}

impl EntityIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Index more articles: highlight them, then add them. They take the
    /// next positions in load order.
    pub fn add(&mut self, batch: &[Arc<Article>]) {
        let extracted: Vec<Extracted> = batch.iter().map(|a| extract(a)).collect();
        self.add_extracted(batch, extracted);
    }

    /// Add articles whose [`extract`] was computed beforehand (the `i`th
    /// extraction belongs to the `i`th article; missing ones count as
    /// empty). Cheap: hash lookups and appends, no highlighting. Articles
    /// past the 4,294,967,295th are not indexed.
    pub fn add_extracted(&mut self, batch: &[Arc<Article>], extracted: Vec<Extracted>) {
        let mut extracted = extracted.into_iter();
        for article in batch {
            let found = extracted.next().unwrap_or_default();
            if !self.add_one(article, &found) {
                break;
            }
        }
        self.settle();
    }

    fn add_one(&mut self, article: &Arc<Article>, found: &Extracted) -> bool {
        let Ok(pos) = u32::try_from(self.articles.len()) else {
            return false;
        };
        let source = self.intern_source(&article.source);
        let names = &found.names;
        let mut mentions: Vec<Packed> = Vec::new();
        let mut figures: (&[f64], &[u32]) = (&[], &[]);
        if u32::try_from(self.dates.len() + found.dates.len()).is_ok() {
            let ids: Vec<u32> = names.entities.iter().map(|e| self.entity_for(e)).collect();
            for &id in &ids {
                self.count_article(id, pos, source);
            }
            mentions = names
                .mentions
                .iter()
                .filter_map(|m| {
                    let &id = ids.get(m.entity)?;
                    (id != NONE && u32::try_from(m.range.start).is_ok()).then(|| Packed {
                        entity: id,
                        range: m.range.clone(),
                        sentence: m.sentence.clone(),
                    })
                })
                .collect();
            for m in &mentions {
                if let Some(s) = self.stats.get_mut(m.entity as usize) {
                    s.mentions = s.mentions.saturating_add(1);
                }
            }
            self.mention_total += mentions.len();
            figures = (&found.numbers, &found.number_starts);
            self.dates.extend_from_slice(&found.dates);
            // One start a date, whatever the extractor gave.
            self.date_starts.extend(
                (0..found.dates.len())
                    .map(|i| found.date_starts.get(i).copied().unwrap_or(u32::MAX)),
            );
        }
        self.mention_records
            .push(|out| packed::pack_mentions(out, &mentions));
        self.figure_records
            .push(|out| packed::pack_figures(out, figures.0, figures.1));
        self.date_ends
            .push(u32::try_from(self.dates.len()).unwrap_or(u32::MAX));
        self.articles.push(Arc::clone(article));
        self.article_source.push(source);
        true
    }

    fn intern_source(&mut self, source: &str) -> u32 {
        if let Some(&id) = self.source_ids.get(source) {
            return id;
        }
        let id = u32::try_from(self.sources.len()).unwrap_or(NONE);
        self.sources.push(source.into());
        self.source_ids.insert(source.into(), id);
        id
    }

    fn count_article(&mut self, id: u32, pos: u32, source: u32) {
        let Some(stats) = self.stats.get_mut(id as usize) else {
            return;
        };
        if let Some(p) = self.postings.get_mut(id as usize)
            && !p.push(pos)
        {
            return;
        }
        let low = 1u64.checked_shl(source).unwrap_or(0);
        let new_source = if stats.articles == 0 {
            stats.first_source = source;
            true
        } else if low != 0 {
            stats.low_sources & low == 0
        } else {
            source != stats.first_source
                && self
                    .more_sources
                    .insert((u64::from(id) << 32) | u64::from(source))
        };
        stats.low_sources |= low;
        if new_source {
            stats.sources += 1;
        }
        stats.articles += 1;
        // A bare surname, or a full name whose surname is also seen bare:
        // the join may change.
        if stats.one_word {
            self.unsettled.push(id);
        } else if stats.bare != NONE {
            self.unsettled.push(stats.bare);
        }
    }

    /// The entity for an article's entity, created when new.
    fn entity_for(&mut self, local: &LocalEntity) -> u32 {
        let hash = table_hash(local.kind, &local.key);
        let found = {
            let (kinds, keys, ends) = (&self.kinds, &self.keys, &self.key_ends);
            self.table
                .find(hash, |&id| {
                    kinds.get(id as usize) == Some(&local.kind)
                        && keys.get(span_of(ends, id as usize)) == Some(local.key.as_str())
                })
                .copied()
        };
        if let Some(id) = found {
            if let Some(stats) = self.stats.get_mut(id as usize)
                && stats.caps
                && !all_caps(&local.name)
            {
                stats.caps = false;
                self.set_name(id, &local.name);
            }
            return id;
        }
        let (Ok(id), Ok(key_end)) = (
            u32::try_from(self.kinds.len()),
            u32::try_from(self.keys.len() + local.key.len()),
        ) else {
            return NONE;
        };
        if id == NONE || u32::try_from(self.names.len() + local.name.len()).is_err() {
            return NONE;
        }
        self.kinds.push(local.kind);
        self.keys.push_str(&local.key);
        self.key_ends.push(key_end);
        self.name_spans.push((0, 0));
        self.set_name(id, &local.name);
        let person = local.kind == EntityKind::Person;
        let one_word = person && !local.key.contains(' ');
        self.stats.push(Stats {
            one_word,
            caps: all_caps(&local.name),
            bare: if person && !one_word {
                self.find_key(EntityKind::Person, last_word(&local.key))
                    .unwrap_or(NONE)
            } else {
                NONE
            },
            ..Stats::default()
        });
        self.postings.push(Postings::default());
        self.merged_into.push(NONE);
        let (kinds, keys, ends) = (&self.kinds, &self.keys, &self.key_ends);
        self.table.insert_unique(hash, id, |&id| {
            let key = keys.get(span_of(ends, id as usize)).unwrap_or("");
            table_hash(
                kinds.get(id as usize).copied().unwrap_or(EntityKind::Name),
                key,
            )
        });
        if one_word {
            // The full names with this last word now have a bare surname.
            for &full in self
                .by_surname
                .get(local.key.as_str())
                .into_iter()
                .flatten()
            {
                if let Some(s) = self.stats.get_mut(full as usize) {
                    s.bare = id;
                }
            }
        } else if person {
            self.by_surname
                .entry(last_word(&local.key).into())
                .or_default()
                .push(id);
        }
        id
    }

    fn set_name(&mut self, id: u32, name: &str) {
        let start = self.names.len();
        self.names.push_str(name);
        if let (Some(slot), Ok(a), Ok(b)) = (
            self.name_spans.get_mut(id as usize),
            u32::try_from(start),
            u32::try_from(self.names.len()),
        ) {
            *slot = (a, b);
        }
    }

    /// Join each bare surname touched by the last batch to the full name
    /// it stands for, or part it from one that no longer fits.
    ///
    /// A bare surname (a person named by one word in an article that holds
    /// no fuller name for it) stands for the one full name with that last
    /// word seen in the corpus, or for the most-mentioned one when it is in
    /// at least three times as many articles as the next; otherwise for no
    /// one (it stays its own entity). The choice is made again as articles
    /// arrive, so it can change as the corpus grows.
    fn settle(&mut self) {
        let mut bares: Vec<u32> = std::mem::take(&mut self.unsettled);
        bares.sort_unstable();
        bares.dedup();
        for bare in bares {
            let target = self.full_name_for(self.key(EntityId(bare)));
            let before = self
                .merged_into
                .get(bare as usize)
                .copied()
                .filter(|&r| r != NONE);
            if before == target {
                continue;
            }
            if let Some(old) = before {
                if let Some(slot) = self.merged_into.get_mut(bare as usize) {
                    *slot = NONE;
                }
                if let Some(list) = self.members.get_mut(&old) {
                    list.retain(|&m| m != bare);
                    if list.is_empty() {
                        self.members.remove(&old);
                    }
                }
            }
            if let Some(new) = target {
                if let Some(slot) = self.merged_into.get_mut(bare as usize) {
                    *slot = new;
                }
                self.members.entry(new).or_default().push(bare);
            }
        }
    }

    /// The full name a bare `surname` stands for (see [`Self::settle`]).
    fn full_name_for(&self, surname: &str) -> Option<u32> {
        let candidates = self.by_surname.get(surname)?;
        let mut by_articles: Vec<(u32, u32)> = candidates
            .iter()
            .map(|&id| (self.stats.get(id as usize).map_or(0, |s| s.articles), id))
            .collect();
        by_articles.sort_unstable_by_key(|&(n, id)| (Reverse(n), id));
        match by_articles.as_slice() {
            [] => None,
            [(_, only)] => Some(*only),
            [(top, id), (next, _), ..] => (*top >= 3 * *next).then_some(*id),
        }
    }

    /// How many articles are indexed.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// How many entities there are, counting bare surnames joined to a
    /// full name.
    pub fn entity_count(&self) -> usize {
        self.kinds.len()
    }

    /// How many name mentions are indexed.
    pub fn mention_count(&self) -> usize {
        self.mention_total
    }

    /// The indexed article at `article` (load order).
    pub fn article(&self, article: usize) -> Option<&Arc<Article>> {
        self.articles.get(article)
    }

    pub fn kind(&self, id: EntityId) -> EntityKind {
        self.kinds
            .get(id.index())
            .copied()
            .unwrap_or(EntityKind::Name)
    }

    /// The entity's name as shown.
    pub fn name(&self, id: EntityId) -> &str {
        self.name_spans
            .get(id.index())
            .and_then(|&(a, b)| self.names.get(a as usize..b as usize))
            .unwrap_or("")
    }

    /// The entity's key (see [`crate::entities`]): with its kind, what
    /// identifies it.
    pub fn key(&self, id: EntityId) -> &str {
        self.keys
            .get(span_of(&self.key_ends, id.index()))
            .unwrap_or("")
    }

    /// The entity `id` counts as: the full name a bare surname is joined
    /// to, else itself.
    pub fn root(&self, id: EntityId) -> EntityId {
        match self.merged_into.get(id.index()) {
            Some(&r) if r != NONE => EntityId(r),
            _ => id,
        }
    }

    /// The entities counted as `id`'s root: the root first, then the bare
    /// surnames joined to it.
    pub fn members(&self, id: EntityId) -> Vec<EntityId> {
        let root = self.root(id);
        let mut out = vec![root];
        if let Some(list) = self.members.get(&root.0) {
            out.extend(list.iter().map(|&m| EntityId(m)));
        }
        out
    }

    fn find_key(&self, kind: EntityKind, key: &str) -> Option<u32> {
        self.table
            .find(table_hash(kind, key), |&id| {
                self.kinds.get(id as usize) == Some(&kind) && self.key(EntityId(id)) == key
            })
            .copied()
    }

    /// The entity of this kind with exactly this name (after aliases and
    /// keys: `U.S.` finds `United States`), as its root.
    pub fn find(&self, kind: EntityKind, name: &str) -> Option<EntityId> {
        let key = key_of(name);
        self.find_key(kind, canonical_key(&key))
            .map(|id| self.root(EntityId(id)))
    }

    /// The entities a typed name stands for, of the given kinds, as roots,
    /// most mentioned first.
    ///
    /// A name matches an entity when it is the entity's name after keys and
    /// aliases (`U.S.` is `United States`), or when its words all occur, in
    /// order, among the entity's words: `Netanyahu` finds `Benjamin
    /// Netanyahu`, `Donald Trump` finds `Donald J. Trump`, `Blair` finds
    /// every person whose name holds the word `Blair`. Words are whole:
    /// `Blai` finds nothing.
    pub fn resolve(&self, name: &str, kinds: &[EntityKind]) -> Vec<EntityId> {
        let key = key_of(name);
        if key.is_empty() {
            return Vec::new();
        }
        let key = canonical_key(&key);
        let mut found: Vec<EntityId> = kinds
            .iter()
            .filter_map(|&k| self.find_key(k, key))
            .map(EntityId)
            .collect();
        let word = last_word(key);
        for (at, _) in self.keys.match_indices(word) {
            let id = self.key_ends.partition_point(|&e| (e as usize) <= at);
            let span = span_of(&self.key_ends, id);
            let whole = self.keys.get(span.clone()).unwrap_or("");
            let (from, to) = (at - span.start, at - span.start + word.len());
            let bounded = whole
                .get(..from)
                .is_some_and(|b| b.is_empty() || b.ends_with(' '))
                && whole
                    .get(to..)
                    .is_some_and(|a| a.is_empty() || a.starts_with(' '));
            let Ok(id) = u32::try_from(id) else { continue };
            if bounded
                && to <= span.len()
                && kinds.contains(&self.kind(EntityId(id)))
                && words_in_order(key, whole)
            {
                found.push(EntityId(id));
            }
        }
        let mut roots: Vec<EntityId> = found.into_iter().map(|id| self.root(id)).collect();
        roots.sort_unstable();
        roots.dedup();
        let mut rows: Vec<EntityRow> = roots.into_iter().map(|id| self.row(id)).collect();
        rows.sort_unstable_by_key(|r| (Reverse(r.mentions), r.id));
        rows.into_iter().map(|r| r.id).collect()
    }

    /// The counts of `id`'s root over the whole index, bare surnames joined
    /// to it included.
    pub fn row(&self, id: EntityId) -> EntityRow {
        let root = self.root(id);
        let stats = self.stats.get(root.index()).copied().unwrap_or_default();
        let mut row = EntityRow {
            id: root,
            kind: self.kind(root),
            mentions: stats.mentions,
            articles: stats.articles,
            sources: stats.sources,
        };
        if let Some(list) = self.members.get(&root.0) {
            let mut sources: HashSet<u32, FixedState> = HashSet::default();
            for &m in std::iter::once(&root.0).chain(list) {
                let s = self.stats.get(m as usize).copied().unwrap_or_default();
                if m != root.0 {
                    row.mentions = row.mentions.saturating_add(s.mentions);
                    row.articles = row.articles.saturating_add(s.articles);
                }
                if let Some(p) = self.postings.get(m as usize) {
                    p.for_each(|a| {
                        if let Some(&src) = self.article_source.get(a as usize) {
                            sources.insert(src);
                        }
                    });
                }
            }
            row.sources = u32::try_from(sources.len()).unwrap_or(u32::MAX);
        }
        row
    }

    /// The mentions of article `article`, in text order, each with its
    /// entity's root.
    pub fn article_mentions(&self, article: usize) -> Vec<(EntityId, Range<usize>)> {
        packed::read_mentions(self.mention_record(article))
            .in_text_order()
            .into_iter()
            .map(|(id, range, _)| (self.root(EntityId(id)), range))
            .collect()
    }

    /// The packed mentions of an article (see [`packed`]).
    fn mention_record(&self, article: usize) -> &[u8] {
        self.mention_records.get(article)
    }

    /// The entity (its root) mentioned at byte `offset` of the article's
    /// body, if a name mention covers it: what Enter on a highlighted name
    /// opens.
    pub fn entity_at(&self, article: usize, offset: usize) -> Option<EntityId> {
        let (id, range, _) = packed::read_mentions(self.mention_record(article))
            .in_text_order()
            .into_iter()
            .take_while(|(_, range, _)| range.start <= offset)
            .last()?;
        range.contains(&offset).then(|| self.root(EntityId(id)))
    }

    /// The entities of one article with how often it mentions each (roots,
    /// in order of first mention): the names of an outline.
    pub fn article_entities(&self, article: usize) -> Vec<(EntityId, u32)> {
        let mut out: Vec<(EntityId, u32)> = Vec::new();
        for (id, _) in self.article_mentions(article) {
            match out.iter_mut().find(|(e, _)| *e == id) {
                Some((_, n)) => *n += 1,
                None => out.push((id, 1)),
            }
        }
        out
    }

    /// The figures of an article by value, ascending, each with where it
    /// is first given in the body (a byte offset; `u32::MAX` when not
    /// known).
    pub fn article_figures(&self, article: usize) -> impl Iterator<Item = (f64, u32)> + '_ {
        packed::read_figures(self.figure_records.get(article))
    }

    /// The figures of an article by value, ascending.
    pub fn article_numbers(&self, article: usize) -> Vec<f64> {
        self.article_figures(article).map(|(v, _)| v).collect()
    }

    /// The days an article's dates name (see [`Extracted::dates`]),
    /// ascending.
    pub fn article_dates(&self, article: usize) -> &[i32] {
        self.dates
            .get(span_of(&self.date_ends, article))
            .unwrap_or(&[])
    }

    /// Where each of [`article_numbers`](Self::article_numbers) is first
    /// given in the article's body (byte offsets).
    pub fn article_number_starts(&self, article: usize) -> Vec<u32> {
        self.article_figures(article).map(|(_, at)| at).collect()
    }

    /// Where each of [`article_dates`](Self::article_dates) is first given
    /// in the article's body (byte offsets).
    pub fn article_date_starts(&self, article: usize) -> &[u32] {
        self.date_starts
            .get(span_of(&self.date_ends, article))
            .unwrap_or(&[])
    }

    /// The distinct spellings of an entity (its root and joined surnames)
    /// across the corpus, most frequent first, with their counts.
    pub fn surface_forms(&self, id: EntityId) -> Vec<(String, usize)> {
        let mut counts: HashMap<String, usize, FixedState> = HashMap::default();
        // Mentions come article by article: each body is read once.
        let mut read: Option<(usize, String)> = None;
        for member in self.members(id) {
            self.for_each_mention(member, None, |article, range| {
                if read.as_ref().is_none_or(|(at, _)| *at != article) {
                    read = self
                        .articles
                        .get(article)
                        .map(|a| (article, a.body.text().into_owned()));
                }
                if let Some(text) = read.as_ref().and_then(|(_, body)| body.get(range)) {
                    *counts.entry(clean_surface(text).to_owned()).or_default() += 1;
                }
            });
        }
        let mut out: Vec<(String, usize)> = counts.into_iter().collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// Call `f` with (article, range) for every mention of entity `id`
    /// itself (not its members), in articles `within` allows.
    fn for_each_mention(
        &self,
        id: EntityId,
        within: Option<&ArticleSet>,
        mut f: impl FnMut(usize, Range<usize>),
    ) {
        let Some(postings) = self.postings.get(id.index()) else {
            return;
        };
        postings.for_each(|article| {
            let article = article as usize;
            if within.is_some_and(|set| !set.contains(article)) {
                return;
            }
            let Some((_, mentions)) =
                packed::read_mentions(self.mention_record(article)).find(id.0)
            else {
                return;
            };
            mentions.for_each(|(range, _)| f(article, range));
        });
    }

    /// How many times each article (of `within`, if given) mentions an
    /// entity (its root and the bare surnames joined to it): (article,
    /// mentions), in no particular order. Reads no body and finds no
    /// sentence: what a count per source or per day needs.
    pub fn mention_counts(&self, id: EntityId, within: Option<&ArticleSet>) -> Vec<(usize, u32)> {
        let mut out: Vec<(usize, u32)> = Vec::new();
        for member in self.members(id) {
            let Some(postings) = self.postings.get(member.index()) else {
                continue;
            };
            postings.for_each(|pos| {
                let article = pos as usize;
                if within.is_some_and(|set| !set.contains(article)) {
                    return;
                }
                if let Some((n, _)) =
                    packed::read_mentions(self.mention_record(article)).find(member.0)
                    && n > 0
                {
                    out.push((article, n));
                }
            });
        }
        out
    }

    /// Every mention of an entity (its root and the bare surnames joined
    /// to it), in the articles of `within` if given (the filtered list),
    /// grouped by source: the source with the most mentions first, ties by
    /// name. Each mention carries its sentence.
    pub fn mentions(&self, id: EntityId, within: Option<&ArticleSet>) -> Vec<SourceMentions> {
        // Mentions are read article by article in load order (kind to the
        // memory cache while sentences are found), then the articles, not
        // the mentions, are sorted into groups: by source, date, position.
        let expected = self.row(id).mentions as usize;
        let mut found: Vec<Mention> = Vec::with_capacity(expected);
        // (source, date, article, first and end index into `found`).
        let mut runs: Vec<(u32, i32, u32, u32, u32)> = Vec::new();
        for member in self.members(id) {
            let Some(postings) = self.postings.get(member.index()) else {
                continue;
            };
            postings.for_each(|pos| {
                let article = pos as usize;
                if within.is_some_and(|set| !set.contains(article)) {
                    return;
                }
                let Some(a) = self.articles.get(article) else {
                    return;
                };
                let from = found.len();
                if let Some((_, mentions)) =
                    packed::read_mentions(self.mention_record(article)).find(member.0)
                {
                    found.extend(mentions.map(|(range, sentence)| Mention {
                        article,
                        range,
                        sentence,
                    }));
                }
                let (Ok(from), Ok(to)) = (u32::try_from(from), u32::try_from(found.len())) else {
                    return;
                };
                if from < to {
                    let source = self.article_source.get(article).copied().unwrap_or(NONE);
                    let date = a
                        .date
                        .map_or(i32::MAX, |d| chrono::Datelike::num_days_from_ce(&d));
                    runs.push((source, date, pos, from, to));
                }
            });
        }
        runs.sort_unstable();
        self.group_by_source(runs.into_iter().map(|(source, _, _, from, to)| {
            (source, found.get(from as usize..to as usize).unwrap_or(&[]))
        }))
    }

    /// One article's mentions a run, sorted by source: the runs of each
    /// source as one group, the groups with most mentions first.
    fn group_by_source<M: AsRef<[Mention]>>(
        &self,
        runs: impl IntoIterator<Item = (u32, M)>,
    ) -> Vec<SourceMentions> {
        let mut groups: Vec<SourceMentions> = Vec::new();
        let mut last_source = None;
        for (source, found) in runs {
            let found = found.as_ref();
            match groups.last_mut() {
                Some(group) if last_source == Some(source) => {
                    group.articles += 1;
                    group.mentions.extend_from_slice(found);
                }
                _ => groups.push(SourceMentions {
                    source: self
                        .sources
                        .get(source as usize)
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    articles: 1,
                    mentions: found.to_vec(),
                }),
            }
            last_source = Some(source);
        }
        groups.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then_with(|| a.source.cmp(&b.source))
        });
        groups
    }

    /// Every mention of a figure of value `value` (`3,800` is `3800`, `$4bn`
    /// is `4 billion`) in the articles (or those of `within`) that hold it,
    /// grouped by source as [`EntityIndex::mentions`] groups them. Figures
    /// are not kept per mention, so the articles holding the value are
    /// highlighted again: at most `limit` of them, in load order; the flag
    /// says whether some were left out.
    pub fn figure_mentions(
        &self,
        value: f64,
        within: Option<&ArticleSet>,
        limit: usize,
    ) -> (Vec<SourceMentions>, bool) {
        let mut holding = (0..self.articles.len())
            .filter(|&a| within.is_none_or(|set| set.contains(a)))
            .filter(|&a| {
                self.article_figures(a)
                    .any(|(v, _)| values::same_value(v, value))
            });
        let chosen: Vec<usize> = holding.by_ref().take(limit).collect();
        let left_out = holding.next().is_some();
        // (source, date, article) and the article's mentions.
        let mut runs: Vec<((u32, i32, usize), Vec<Mention>)> = Vec::new();
        for article in chosen {
            let Some(a) = self.articles.get(article) else {
                continue;
            };
            let body = &a.body.text();
            let found: Vec<Mention> = highlight::highlight(body)
                .into_iter()
                .filter(|s| s.kind == EntityKind::Number)
                .filter(|s| {
                    body.get(s.start..s.end).is_some_and(|text| {
                        values::values_of(text)
                            .iter()
                            .any(|&v| values::same_value(v, value))
                    })
                })
                .map(|s| Mention {
                    article,
                    range: s.start..s.end,
                    sentence: super::sentence_around(body, s.start..s.end),
                })
                .collect();
            if !found.is_empty() {
                let source = self.article_source.get(article).copied().unwrap_or(NONE);
                let date = a
                    .date
                    .map_or(i32::MAX, |d| chrono::Datelike::num_days_from_ce(&d));
                runs.push(((source, date, article), found));
            }
        }
        runs.sort_unstable_by_key(|(key, _)| *key);
        let groups = self.group_by_source(
            runs.into_iter()
                .map(|((source, _, _), found)| (source, found)),
        );
        (groups, left_out)
    }

    /// Every entity (roots only) with its counts, sorted. With `within`,
    /// only the entities those articles mention, counted over them alone.
    pub fn entities(&self, sort: EntitySort, within: Option<&ArticleSet>) -> Vec<EntityRow> {
        let mut rows = match within {
            None => self.all_rows(),
            Some(set) => self.rows_within(set),
        };
        match sort {
            EntitySort::Mentions => {
                rows.sort_unstable_by_key(|r| (Reverse(r.mentions), Reverse(r.articles), r.id));
            }
            EntitySort::Articles => {
                rows.sort_unstable_by_key(|r| (Reverse(r.articles), Reverse(r.mentions), r.id));
            }
            EntitySort::Sources => rows.sort_unstable_by_key(|r| {
                (
                    Reverse(r.sources),
                    Reverse(r.articles),
                    Reverse(r.mentions),
                    r.id,
                )
            }),
            EntitySort::Name => {
                // Sort on the first eight bytes of the key, then the rest.
                let prefix = |id: EntityId| {
                    let mut b = [0u8; 8];
                    for (slot, byte) in b.iter_mut().zip(self.key(id).bytes()) {
                        *slot = byte;
                    }
                    u64::from_be_bytes(b)
                };
                let mut keyed: Vec<(u64, EntityRow)> =
                    rows.into_iter().map(|r| (prefix(r.id), r)).collect();
                keyed.sort_unstable_by(|(pa, a), (pb, b)| {
                    pa.cmp(pb)
                        .then_with(|| self.key(a.id).cmp(self.key(b.id)))
                        .then_with(|| a.kind.cmp(&b.kind))
                        .then_with(|| a.id.cmp(&b.id))
                });
                rows = keyed.into_iter().map(|(_, r)| r).collect();
            }
        }
        rows
    }

    fn all_rows(&self) -> Vec<EntityRow> {
        (0..self.kinds.len())
            .filter_map(|i| u32::try_from(i).ok())
            .filter(|&i| self.merged_into.get(i as usize).is_none_or(|&r| r == NONE))
            .filter(|&i| self.stats.get(i as usize).is_some_and(|s| s.mentions > 0))
            .map(|i| {
                if self.members.contains_key(&i) {
                    self.row(EntityId(i))
                } else {
                    let s = self.stats.get(i as usize).copied().unwrap_or_default();
                    EntityRow {
                        id: EntityId(i),
                        kind: self.kind(EntityId(i)),
                        mentions: s.mentions,
                        articles: s.articles,
                        sources: s.sources,
                    }
                }
            })
            .collect()
    }

    fn rows_within(&self, set: &ArticleSet) -> Vec<EntityRow> {
        let n = self.kinds.len();
        let mut mentions = vec![0u32; n];
        let mut articles = vec![0u32; n];
        let mut sources = vec![0u32; n];
        let mut last_article = vec![NONE; n];
        let mut last_source = vec![NONE; n];
        // Articles grouped by source, so that each (entity, source) pair
        // is met in one run.
        let mut order: Vec<(u32, u32)> = (0..self.articles.len())
            .filter(|&a| set.contains(a))
            .filter_map(|a| Some((*self.article_source.get(a)?, u32::try_from(a).ok()?)))
            .collect();
        order.sort_unstable();
        for (source, article) in order {
            for (id, count, _) in packed::read_mentions(self.mention_record(article as usize)) {
                let r = self.root(EntityId(id)).index();
                let Some(m) = mentions.get_mut(r) else {
                    continue;
                };
                *m += count;
                if last_article[r] != article {
                    last_article[r] = article;
                    articles[r] += 1;
                }
                if last_source[r] != source {
                    last_source[r] = source;
                    sources[r] += 1;
                }
            }
        }
        (0..n)
            .filter(|&i| mentions[i] > 0)
            .filter_map(|i| {
                let id = EntityId(u32::try_from(i).ok()?);
                Some(EntityRow {
                    id,
                    kind: self.kind(id),
                    mentions: mentions[i],
                    articles: articles[i],
                    sources: sources[i],
                })
            })
            .collect()
    }

    /// The articles (positions below `len`) that mention any of `ids` (or
    /// the bare surnames joined to them).
    pub(crate) fn articles_mentioning(&self, ids: &[EntityId], len: usize) -> Bitset {
        let mut set = Bitset::new(len);
        for &id in ids {
            for member in self.members(id) {
                if let Some(p) = self.postings.get(member.index()) {
                    p.for_each(|a| set.set(a as usize));
                }
            }
        }
        set
    }

    /// The articles (positions below `len`) with a figure that `accept`
    /// takes.
    pub(crate) fn articles_with_number(&self, len: usize, accept: impl Fn(f64) -> bool) -> Bitset {
        let mut set = Bitset::new(len);
        for a in 0..len.min(self.articles.len()) {
            if self.article_figures(a).any(|(v, _)| accept(v)) {
                set.set(a);
            }
        }
        set
    }

    /// Heap bytes held (capacities; allocator overhead and the articles
    /// themselves, which are shared, not counted).
    pub fn memory_bytes(&self) -> usize {
        let hash_set = |n: usize, item: usize| n * (item + 1) * 8 / 7;
        self.kinds.capacity() * size_of::<EntityKind>()
            + self.keys.capacity()
            + self.key_ends.capacity() * 4
            + self.names.capacity()
            + self.name_spans.capacity() * 8
            + self.stats.capacity() * size_of::<Stats>()
            + self.postings.capacity() * size_of::<Postings>()
            + self
                .postings
                .iter()
                .map(Postings::heap_bytes)
                .sum::<usize>()
            + self.table.allocation_size()
            + hash_set(self.more_sources.capacity(), 8)
            + self
                .by_surname
                .iter()
                .map(|(k, v)| k.len() + v.capacity() * 4 + 40)
                .sum::<usize>()
            + self.merged_into.capacity() * 4
            + self
                .members
                .values()
                .map(|v| v.capacity() * 4 + 32)
                .sum::<usize>()
            + self.articles.capacity() * size_of::<Arc<Article>>()
            + self.article_source.capacity() * 4
            + self.sources.iter().map(|s| s.len() * 2 + 40).sum::<usize>()
            + self.mention_records.heap_bytes()
            + self.figure_records.heap_bytes()
            + self.date_ends.capacity() * 4
            + self.dates.capacity() * 4
            + self.date_starts.capacity() * 4
    }

    /// Give back spare capacity (after loading has finished).
    pub fn shrink_to_fit(&mut self) {
        for p in &mut self.postings {
            p.shrink();
        }
        self.postings.shrink_to_fit();
        self.kinds.shrink_to_fit();
        self.keys.shrink_to_fit();
        self.key_ends.shrink_to_fit();
        self.names.shrink_to_fit();
        self.name_spans.shrink_to_fit();
        self.stats.shrink_to_fit();
        self.merged_into.shrink_to_fit();
        self.articles.shrink_to_fit();
        self.article_source.shrink_to_fit();
        self.mention_records.shrink_to_fit();
        self.figure_records.shrink_to_fit();
        self.date_ends.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.date_starts.shrink_to_fit();
    }
}
