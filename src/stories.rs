//! Stories: the articles, from any number of sources, that report the same
//! events, and the near-duplicates among them (wire copy republished).
//!
//! Pure: no terminal code. Built on what [`crate::entities::extract`]
//! finds in each article (its resolved names and the values of its
//! figures).
//!
//! # How articles are grouped
//!
//! Articles arrive in batches, in load order ([`Stories::add`]); each joins
//! the stories it belongs to when it arrives, and nothing already grouped is
//! looked at again except through the indexes below. Stories are the
//! connected parts of a graph whose edges are found two ways:
//!
//! - **Near-duplicates.** Each body gets a one-permutation `MinHash`
//!   signature of its four-word shingles ([`signature`]); signatures are
//!   cut into 21 bands of 3 bins and each band hashed into a bucket. An
//!   article is compared only with the articles sharing one of its buckets
//!   (the newest [`BUCKET_REACH`] of each), and is a near-duplicate of those
//!   whose signatures agree in at least [`DUPLICATE_SIMILARITY`] of their
//!   bins (an estimated Jaccard similarity of the shingle sets). Dates do not
//!   matter here: a copy republished a week later is still a copy.
//! - **Shared distinctive names and figures.** An article's features are its
//!   resolved entities (kind and key: `Anneke Verhoeven`, `Havenbond`) and
//!   its distinctive figures (values of 100 and more, or with a fraction:
//!   `3,800`, `€95 million`, `3.5%`; small counts such as `two` are not
//!   evidence). Each feature weighs its inverse document frequency
//!   `ln(1 + (n + 1000) / (df + 1))` as counted so far, so a rare surname
//!   counts for much more than `United States`; the 1,000 articles assumed
//!   besides the `n` seen keep the first articles of a corpus from taking
//!   every name they share for a common one. An inverted index maps a (feature, day)
//!   pair to the articles of that day with that feature; an article looks
//!   up its features on the days within [`DAY_WINDOW`] of its own date, so
//!   only articles that share something and are close in time are ever
//!   scored. A feature in more than [`COMMON_SHARE`] of the articles
//!   (`London`, `2.5%`) is neither indexed nor weighed, and a (feature,
//!   day) list longer than [`COMMON_FEATURE`] is skipped: a name in that
//!   many articles says little about which story an article is, and
//!   reading its lists would be most of the work. Two articles are linked when their weighted overlap
//!   (the cosine of their idf-weighted feature sets) reaches
//!   [`STORY_SIMILARITY`] and they share at least [`MIN_SHARED`] features.
//!   Undated articles are compared with undated articles only.
//!
//! The indexes are built for millions of short lists (`lists.rs`): a
//! feature's articles are kept with the feature itself until it has more
//! than [`COMMON_FEATURE`] (most names and figures never do), and only
//! then in (feature, day) lists; a list's articles lie side by side, and a
//! list no longer read (a bucket's older articles, a (feature, day) list
//! grown common) is no longer kept. Signatures lie in one array.
//!
//! Links are kept in a union-find forest (path halving, union by size), so
//! an article that links two stories merges them, and a story can run on
//! for weeks through articles each a few days apart. Why not all pairs:
//! 100,000 articles make five billion pairs; the indexes keep the work
//! per article to the few hundred articles it could belong with (see
//! `cargo run --release --example stories_bench` for the times).
//!
//! Because idf is counted as articles arrive, the first articles of a
//! corpus see every name as rarer than it will turn out to be; the
//! minimum of shared features keeps that from joining stories on one
//! common name, and the result does depend a little on load order.
//!
//! # What a story shows
//!
//! [`Stories::stories`] lists them: each with an id (its first article's),
//! a headline (the title of its most central article that is not a copy:
//! the one with the strongest links, ties to the earliest), its articles (oldest first), the
//! sources, the date range and the near-duplicate pairs. [`additions`]
//! finds what each article of a story says that the others do not, and
//! [`figures`] reads every figure with what it counts and flags those that
//! disagree within a story.

pub mod additions;
pub mod figures;
mod lists;
pub mod signature;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use foldhash::fast::FixedState;

use crate::article::{Article, ArticleId};
use crate::entities::Extracted;
pub use additions::{Addition, additions};
use lists::{Lists, Overflow};
use signature::Signature;

/// Articles this many days apart or closer can be linked by their names
/// and figures.
pub const DAY_WINDOW: i32 = 4;

/// Estimated Jaccard similarity of two bodies' shingles from which they
/// are near-duplicates.
pub const DUPLICATE_SIMILARITY: f32 = 0.5;

/// Weighted overlap of features from which two articles are one story.
pub const STORY_SIMILARITY: f64 = 0.2;

/// Features two articles must share to be linked by them.
pub const MIN_SHARED: usize = 3;

/// A feature in more than this share of the articles (counting the
/// assumed ones of [`IDF_PRIOR`]) is common: not indexed, not weighed.
pub const COMMON_SHARE: f64 = 0.2;

/// A (feature, day) list longer than this is not looked at: at 100,000
/// articles a year, the cities every story mentions in passing have lists
/// this long, and reading them was most of the time.
pub const COMMON_FEATURE: usize = 24;

/// Similarity below which an article is no evidence for a story.
pub const LINK_FLOOR: f64 = 0.1;

/// Articles assumed seen besides those added, in the idf of a feature.
const IDF_PRIOR: f64 = 1000.0;

/// Articles of one LSH bucket compared with a new one: the newest this many.
pub const BUCKET_REACH: usize = 64;

/// Where an article without a signature has it.
const NO_SIGNATURE: u32 = u32::MAX;

/// The day of undated articles in the feature index.
const UNDATED: i32 = i32::MIN;

/// One story, as [`Stories::stories`] lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    /// The id of the story's first article in load order: stable while the
    /// same files are read.
    pub id: ArticleId,
    /// Position (load order) of the article whose title is the headline.
    pub headline: usize,
    /// Positions of its articles: oldest first (undated last), then load
    /// order.
    pub articles: Vec<usize>,
    /// Its sources, in the order of `articles`, each once.
    pub sources: Vec<String>,
    /// The oldest and newest article dates.
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// Near-duplicate pairs (positions, the earlier loaded first) with the
    /// estimated similarity of their texts.
    pub duplicates: Vec<(usize, usize, f32)>,
}

/// The stories of the articles added so far, looked up by article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryTable {
    /// Per article (load position): the index of its story in `stories`.
    pub of_article: Vec<u32>,
    /// Per article: whether it is a near-duplicate of one loaded before it.
    pub copy: Vec<bool>,
    /// As [`Stories::stories`] lists them.
    pub stories: Vec<Story>,
}

impl StoryTable {
    /// The story of the article at load position `article`, once grouped.
    pub fn story_of(&self, article: usize) -> Option<usize> {
        self.of_article.get(article).map(|&n| n as usize)
    }

    /// Whether the article at `article` is a copy of an earlier one.
    pub fn is_copy(&self, article: usize) -> bool {
        self.copy.get(article).copied().unwrap_or(false)
    }
}

/// The thresholds of the grouping (the defaults are the constants above).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    pub day_window: i32,
    pub story_similarity: f64,
    pub min_shared: usize,
    pub duplicate_similarity: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            day_window: DAY_WINDOW,
            story_similarity: STORY_SIMILARITY,
            min_shared: MIN_SHARED,
            duplicate_similarity: DUPLICATE_SIMILARITY,
        }
    }
}

/// Stories over a growing list of articles. See the module documentation
/// for how they are found.
#[derive(Debug)]
pub struct Stories {
    settings: Settings,
    articles: Vec<Arc<Article>>,
    /// Per article: the norm of its idf-weighted features, as they weighed
    /// when it was added.
    norms: Vec<f64>,
    /// Per feature: the articles with it so far, the days it is indexed
    /// on, and while it is indexed for no more than [`COMMON_FEATURE`]
    /// articles, those articles (after that, `by_day` has them).
    features: Lists<u64, FeatureSeen>,
    /// (feature, day) to the articles with that feature on that day, for
    /// the features indexed for more than [`COMMON_FEATURE`] articles (none
    /// kept once more than [`COMMON_FEATURE`] on one day).
    by_day: Lists<u64>,
    /// LSH bucket to the articles in it (the newest [`BUCKET_REACH`]).
    buckets: Lists<u64>,
    /// Per article, where its signature is in `signatures` (`NO_SIGNATURE`:
    /// none).
    signature_of: Vec<u32>,
    signatures: Vec<Signature>,
    /// Union-find forest.
    parent: Vec<u32>,
    size: Vec<u32>,
    /// Per article, its day (see [`day_number`]).
    days: Vec<i32>,
    /// Per article, its source, as an index in `source_names`.
    source_of: Vec<u32>,
    source_names: Vec<String>,
    source_index: HashMap<String, u32, FixedState>,
    /// Per root of a story of two or more articles: its days, each with
    /// how many of its articles have it, sorted by day.
    story_days: HashMap<u32, Vec<(i32, u32)>, FixedState>,
    /// Sum of the similarities of each article's links: how central it is.
    strength: Vec<f32>,
    duplicates: Vec<(u32, u32, f32)>,
    links: usize,
    /// Scratch: candidate to accumulated shared weight.
    scratch: HashMap<u32, (f64, u32), FixedState>,
}

/// What the grouping keeps of a feature besides its articles: in how many
/// articles it was found, and the first and last days it is indexed on
/// (none yet: `first` after `last`), so that only those days are looked
/// up.
#[derive(Debug, Clone, Copy)]
struct FeatureSeen {
    df: u32,
    first: i32,
    last: i32,
}

impl Default for FeatureSeen {
    fn default() -> Self {
        Self {
            df: 0,
            first: i32::MAX,
            last: i32::MIN,
        }
    }
}

fn day_number(date: Option<NaiveDate>) -> i32 {
    date.map_or(UNDATED, |d| d.num_days_from_ce())
}

use chrono::Datelike as _;

/// The features of an article: its entities and distinctive figures, as
/// hashes, sorted, each once.
pub fn features(extracted: &Extracted) -> Vec<u64> {
    let mut out: Vec<u64> = extracted
        .names
        .entities
        .iter()
        .map(|e| xxhash_rust::xxh3::xxh3_64_with_seed(e.key.as_bytes(), e.kind as u64 + 1))
        .collect();
    for &v in &extracted.numbers {
        if is_distinctive(v) {
            out.push(figure_feature(v));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What one article brings to the grouping from what the highlighter
/// found in it: its [`features`], computed beside the highlighting on every
/// core. Its body's near-duplicate signature is computed when it is
/// grouped ([`Stories::add_prepared`]), so that the entity index, which
/// the reader needs first, does not wait for it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prepared {
    features: Vec<u64>,
}

/// An article's [`Prepared`] part, from what [`crate::entities::extract`]
/// found in it (none: no names or figures).
pub fn prepare(extracted: Option<&Extracted>) -> Prepared {
    Prepared {
        features: extracted.map(features).unwrap_or_default(),
    }
}

/// The near-duplicate signature of each article's body, in order,
/// computed on every core.
pub fn signatures(batch: &[Arc<Article>]) -> Vec<Option<Box<Signature>>> {
    crate::entities::map_all(batch, |a| Signature::of(&a.body.text()).map(Box::new))
}

/// Whether a figure is evidence of a story: 100 and more, or a fraction.
fn is_distinctive(v: f64) -> bool {
    v.is_finite() && (v.abs() >= 100.0 || v.fract().abs() > 1e-9)
}

/// A figure's feature: its value to six significant digits, so that
/// `3.5%` and `3.5 per cent` agree and rounding noise does not split them.
fn figure_feature(v: f64) -> u64 {
    let (digits, exponent) = six_digits(v);
    let mut bytes = [0u8; 12];
    bytes[..8].copy_from_slice(&digits.to_le_bytes());
    bytes[8..].copy_from_slice(&exponent.to_le_bytes());
    xxhash_rust::xxh3::xxh3_64_with_seed(&bytes, 0xf16)
}

/// `v` to six significant digits: the digits as a whole number from
/// 100,000 to 999,999 (negative for a negative `v`) and the power of ten of
/// the first. Zero and what is not finite are `(0, 0)`. (Arithmetic, not
/// `format!("{v:.5e}")`: this runs for every figure of every article.)
#[allow(clippy::cast_possible_truncation)] // |e| < 400, |m| < 10^6
fn six_digits(v: f64) -> (i64, i32) {
    let a = v.abs();
    if a == 0.0 || !a.is_finite() {
        return (0, 0);
    }
    let scaled = |e: i32| (a / 10f64.powi(e - 5)).round();
    let mut e = a.log10().floor() as i32;
    let mut m = scaled(e);
    // the logarithm may be one off next to a power of ten, and rounding
    // may carry (999,999.7 is 1.00000e6)
    if m >= 1e6 {
        e += 1;
        m = scaled(e);
    } else if m < 1e5 {
        e -= 1;
        m = scaled(e);
    }
    let m = m as i64;
    (if v < 0.0 { -m } else { m }, e)
}

impl Default for Stories {
    fn default() -> Self {
        Self::with_settings(Settings::default())
    }
}

impl Stories {
    pub fn new() -> Self {
        Self::default()
    }

    /// With other thresholds (for measuring them).
    pub fn with_settings(settings: Settings) -> Self {
        Self {
            settings,
            articles: Vec::new(),
            norms: Vec::new(),
            features: Lists::new(COMMON_FEATURE, Overflow::Forget),
            by_day: Lists::new(COMMON_FEATURE, Overflow::Forget),
            buckets: Lists::new(BUCKET_REACH, Overflow::DropOldest),
            signature_of: Vec::new(),
            signatures: Vec::new(),
            parent: Vec::new(),
            size: Vec::new(),
            days: Vec::new(),
            source_of: Vec::new(),
            source_names: Vec::new(),
            source_index: HashMap::default(),
            story_days: HashMap::default(),
            strength: Vec::new(),
            duplicates: Vec::new(),
            links: 0,
            scratch: HashMap::default(),
        }
    }

    /// How many articles have been added.
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// How many links (near-duplicate or shared features) were made.
    pub fn links(&self) -> usize {
        self.links
    }

    /// The article at a position.
    pub fn article(&self, position: usize) -> Option<&Arc<Article>> {
        self.articles.get(position)
    }

    /// Add a batch of articles with what [`crate::entities::extract`] found
    /// in each (an article without its extract counts as one without names
    /// or figures). Each joins its stories now.
    pub fn add(&mut self, batch: &[Arc<Article>], extracted: &[Extracted]) {
        let prepared = (0..batch.len())
            .map(|k| prepare(extracted.get(k)))
            .collect();
        self.add_prepared(batch, prepared);
    }

    /// [`Stories::add`] with each article's features worked out already
    /// ([`prepare`], which needs no access to the stories and so can run
    /// on other threads). The bodies' signatures are computed here, on
    /// every core. An article without its `Prepared` counts as one without
    /// names or figures.
    pub fn add_prepared(&mut self, batch: &[Arc<Article>], prepared: Vec<Prepared>) {
        self.add_signed(batch, prepared, signatures(batch));
    }

    /// [`Stories::add_prepared`] with the bodies' [`signatures`] computed
    /// already (the `i`th belongs to the `i`th article; missing ones count
    /// as none).
    pub fn add_signed(
        &mut self,
        batch: &[Arc<Article>],
        prepared: Vec<Prepared>,
        signatures: Vec<Option<Box<Signature>>>,
    ) {
        let signatures = signatures
            .into_iter()
            .chain(std::iter::repeat_with(|| None));
        let mut prepared = prepared.into_iter();
        for (article, signature) in batch.iter().zip(signatures) {
            let Prepared { features } = prepared.next().unwrap_or_default();
            self.push(Arc::clone(article), &features, signature);
        }
    }

    fn push(&mut self, article: Arc<Article>, features: &[u64], signature: Option<Box<Signature>>) {
        let Ok(me) = u32::try_from(self.articles.len()) else {
            return;
        };
        let day = day_number(article.date);
        let source = if let Some(&s) = self.source_index.get(&article.source) {
            s
        } else {
            let s = u32::try_from(self.source_names.len()).unwrap_or(u32::MAX);
            self.source_names.push(article.source.clone());
            self.source_index.insert(article.source.clone(), s);
            s
        };
        self.source_of.push(source);
        self.articles.push(article);
        self.parent.push(me);
        self.size.push(1);
        self.days.push(day);
        self.strength.push(0.0);
        for f in features {
            self.features.about(*f).df += 1;
        }
        if let Some(sig) = &signature {
            self.near_duplicates(me, sig);
        }
        let at = match signature {
            Some(sig) => {
                self.signatures.push(*sig);
                u32::try_from(self.signatures.len() - 1).unwrap_or(NO_SIGNATURE)
            }
            None => NO_SIGNATURE,
        };
        self.signature_of.push(at);
        let kept = self.story_links(me, day, features);
        for f in kept {
            let seen = self.features.about(f);
            seen.first = seen.first.min(day);
            seen.last = seen.last.max(day);
            let indexed = self.features.list(&f);
            if indexed.len == COMMON_FEATURE {
                // From now on by day: move the articles there, oldest first.
                let mut moved: Vec<u32> = indexed.newest().collect();
                moved.reverse();
                for other in moved {
                    self.by_day
                        .push(day_key(f, self.days[other as usize]), other);
                }
            }
            if indexed.len >= COMMON_FEATURE {
                self.by_day.push(day_key(f, day), me);
            }
            self.features.push(f, me);
        }
    }

    /// Near-duplicates through the LSH buckets: link `me` to the articles
    /// sharing a bucket whose signatures agree enough.
    fn near_duplicates(&mut self, me: u32, sig: &Signature) {
        let mut seen: Vec<u32> = Vec::new();
        for key in sig.band_keys() {
            for other in self.buckets.list(&key).newest() {
                if !seen.contains(&other) {
                    seen.push(other);
                }
            }
            self.buckets.push(key, me);
        }
        for other in seen {
            let theirs = self.signature_of.get(other as usize);
            let Some(theirs) = theirs.and_then(|&at| self.signatures.get(at as usize)) else {
                continue;
            };
            let similarity = sig.similarity(theirs);
            if similarity >= self.settings.duplicate_similarity {
                self.duplicates.push((other, me, similarity));
                self.strength[me as usize] += similarity;
                self.strength[other as usize] += similarity;
                self.link(me, other);
            }
        }
    }

    /// Stories through shared features close in time: link `me` to the
    /// stories whose articles it resembles enough on average.
    /// Returns the features that are not common, to be indexed.
    fn story_links(&mut self, me: u32, day: i32, features: &[u64]) -> Vec<u64> {
        let n = self.articles.len();
        let n = f64::from(u32::try_from(n).unwrap_or(u32::MAX));
        let idf = |df: u32| (1.0 + (n + IDF_PRIOR) / f64::from(df + 1)).ln();
        self.scratch.clear();
        let days: Vec<i32> = if day == UNDATED {
            vec![UNDATED]
        } else {
            (day - self.settings.day_window..=day + self.settings.day_window).collect()
        };
        let mut mine = 0.0;
        let mut kept = Vec::with_capacity(features.len());
        let (from, to) = (days[0], days[days.len() - 1]);
        let mut near: Vec<(i32, u32)> = Vec::with_capacity(COMMON_FEATURE);
        for f in features {
            let (indexed, seen) = self.features.find(f);
            let seen = seen.copied().unwrap_or(FeatureSeen {
                df: 1,
                ..FeatureSeen::default()
            });
            if f64::from(seen.df) > COMMON_SHARE * (n + IDF_PRIOR) {
                continue;
            }
            kept.push(*f);
            let w = idf(seen.df);
            mine += w * w;
            // The articles of each day in turn, newest first, as the
            // (feature, day) lists give them.
            near.clear();
            if indexed.len <= COMMON_FEATURE {
                // Few: all of them are here.
                near.extend(
                    indexed
                        .newest()
                        .map(|other| (self.days[other as usize], other))
                        .filter(|&(d, _)| from <= d && d <= to),
                );
                near.sort_by_key(|&(d, _)| d);
            } else {
                // Only the days the feature is indexed on can hold articles.
                for d in days.iter().filter(|&&d| seen.first <= d && d <= seen.last) {
                    let list = self.by_day.list(&day_key(*f, *d));
                    if list.len <= COMMON_FEATURE {
                        near.extend(list.newest().map(|other| (*d, other)));
                    }
                }
            }
            for &(_, other) in &near {
                let entry = self.scratch.entry(other).or_insert((0.0, 0));
                entry.0 += w * w;
                entry.1 += 1;
            }
        }
        self.norms.push(mine);
        let candidates: Vec<(u32, f64)> = self
            .scratch
            .iter()
            .filter(|(_, (_, shared))| *shared as usize >= self.settings.min_shared)
            .map(|(&other, &(weight, _))| (other, weight))
            .collect();
        // Average link: the evidence for each story is the sum of the
        // similarities to its articles, over how many of its articles are
        // within the window (all of them for undated articles).
        let mut evidence: Vec<(u32, f64)> = Vec::new();
        for (other, shared) in candidates {
            let theirs = self.norms[other as usize];
            let similarity = shared / (mine * theirs).sqrt().max(f64::MIN_POSITIVE);
            if similarity < LINK_FLOOR {
                continue;
            }
            #[allow(clippy::cast_possible_truncation)]
            {
                self.strength[me as usize] += similarity as f32;
                self.strength[other as usize] += similarity as f32;
            }
            let root = self.find(other);
            match evidence.iter_mut().find(|(r, _)| *r == root) {
                Some(e) => e.1 += similarity,
                None => evidence.push((root, similarity)),
            }
        }
        for (root, sum) in evidence {
            let members = self.members_near(root, day).max(1);
            if sum / f64::from(members) >= self.settings.story_similarity {
                self.link(me, root);
            }
        }
        kept
    }

    fn find(&mut self, mut a: u32) -> u32 {
        while self.parent[a as usize] != a {
            let grand = self.parent[self.parent[a as usize] as usize];
            self.parent[a as usize] = grand;
            a = grand;
        }
        a
    }

    fn find_const(&self, mut a: u32) -> u32 {
        while self.parent[a as usize] != a {
            a = self.parent[a as usize];
        }
        a
    }

    /// How many articles of the story rooted at `root` are dated within
    /// the window of `day` (undated: how many are undated).
    fn members_near(&self, root: u32, day: i32) -> u32 {
        let (from, to) = if day == UNDATED {
            (UNDATED, UNDATED)
        } else {
            (
                day - self.settings.day_window,
                day + self.settings.day_window,
            )
        };
        let Some(days) = self.story_days.get(&root) else {
            return u32::from((from..=to).contains(&self.days[root as usize]));
        };
        let start = days.partition_point(|&(d, _)| d < from);
        days[start..]
            .iter()
            .take_while(|&&(d, _)| d <= to)
            .map(|&(_, count)| count)
            .sum()
    }

    fn link(&mut self, a: u32, b: u32) {
        self.links += 1;
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (big, small) = if self.size[ra as usize] >= self.size[rb as usize] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        let small_days = self.story_days_of(small);
        let big_days = self.story_days_of(big);
        self.story_days
            .insert(big, merge_days(&big_days, &small_days));
    }

    /// The days of the story rooted at `root`, taken out of
    /// `story_days` (a story of one: its article's day).
    fn story_days_of(&mut self, root: u32) -> Vec<(i32, u32)> {
        self.story_days
            .remove(&root)
            .unwrap_or_else(|| vec![(self.days[root as usize], 1)])
    }

    /// For each article, a number naming its story (equal for articles of
    /// the same story): the position of one of its articles.
    pub fn labels(&self) -> Vec<usize> {
        (0..self.articles.len())
            .map(|a| self.find_const(u32::try_from(a).unwrap_or(0)) as usize)
            .collect()
    }

    /// Sort key of the article at `a` by date: oldest first, undated last.
    fn date_key(&self, a: usize) -> i32 {
        match self.days[a] {
            UNDATED => i32::MAX,
            day => day,
        }
    }

    /// Whether two articles are near-duplicates.
    pub fn are_duplicates(&self, a: usize, b: usize) -> bool {
        let (a, b) = (a.min(b), a.max(b));
        self.duplicates
            .iter()
            .any(|&(x, y, _)| x as usize == a && y as usize == b)
    }

    /// Every story: the most sources first, then the most articles, then
    /// the newest; single articles are stories of one.
    pub fn stories(&self) -> Vec<Story> {
        let labels = self.labels();
        let n = labels.len();
        // The articles of each story, in load order, all in one list: a
        // story's articles from `start[root]`, as many as it has.
        let mut start = vec![0u32; n + 1];
        for &label in &labels {
            start[label + 1] += 1;
        }
        let mut roots: Vec<usize> = Vec::new();
        for root in 0..n {
            if start[root + 1] > 0 {
                roots.push(root);
            }
            start[root + 1] += start[root];
        }
        let mut filled = start.clone();
        let mut grouped = vec![0usize; n];
        for (a, &label) in labels.iter().enumerate() {
            grouped[filled[label] as usize] = a;
            filled[label] += 1;
        }
        let mut copy = vec![false; n];
        let mut dups: Vec<Vec<(usize, usize, f32)>> = vec![Vec::new(); n];
        for &(a, b, s) in &self.duplicates {
            copy[b as usize] = true;
            dups[labels[a as usize]].push((a as usize, b as usize, s));
        }
        let mut out: Vec<Story> = roots
            .into_iter()
            .map(|label| {
                let mut articles =
                    grouped[start[label] as usize..start[label + 1] as usize].to_vec();
                let id = self.articles[articles[0]].id;
                // A copy (the later of a near-duplicate pair) is headline
                // only when the story has nothing else.
                let headline = articles
                    .iter()
                    .copied()
                    .max_by(|&a, &b| {
                        copy[b]
                            .cmp(&copy[a])
                            .then_with(|| self.strength[a].total_cmp(&self.strength[b]))
                            .then_with(|| self.date_key(b).cmp(&self.date_key(a)))
                            .then_with(|| b.cmp(&a))
                    })
                    .unwrap_or(articles[0]);
                if articles.len() > 1 {
                    articles.sort_by_key(|&a| (self.date_key(a), a));
                }
                let mut sources: Vec<u32> = Vec::new();
                for &a in &articles {
                    let s = self.source_of[a];
                    if !sources.contains(&s) {
                        sources.push(s);
                    }
                }
                let sources = sources
                    .iter()
                    .map(|&s| self.source_names[s as usize].clone())
                    .collect();
                // Oldest first, undated last.
                let dated = articles
                    .iter()
                    .map(|&a| self.days[a])
                    .filter(|&d| d != UNDATED);
                let first = dated
                    .clone()
                    .min()
                    .and_then(NaiveDate::from_num_days_from_ce_opt);
                let last = dated.max().and_then(NaiveDate::from_num_days_from_ce_opt);
                let mut duplicates = std::mem::take(&mut dups[label]);
                duplicates.sort_by_key(|&(a, b, _)| (a, b));
                Story {
                    id,
                    headline,
                    articles,
                    sources,
                    first,
                    last,
                    duplicates,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.sources
                .len()
                .cmp(&a.sources.len())
                .then_with(|| b.articles.len().cmp(&a.articles.len()))
                .then_with(|| b.last.cmp(&a.last))
                .then_with(|| a.articles[0].cmp(&b.articles[0]))
        });
        out
    }

    /// Every story, and for each article its story and whether it is a
    /// copy: what the document list needs to show stories.
    pub fn table(&self) -> StoryTable {
        let stories = self.stories();
        let mut of_article = vec![0u32; self.articles.len()];
        let mut copy = vec![false; self.articles.len()];
        for (n, story) in stories.iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            for &a in &story.articles {
                of_article[a] = n;
            }
            for &(_, later, _) in &story.duplicates {
                copy[later] = true;
            }
        }
        StoryTable {
            of_article,
            copy,
            stories,
        }
    }

    /// Give back the spare capacity of the growing tables (once articles
    /// stop arriving; adding more grows them again).
    pub fn shrink_to_fit(&mut self) {
        self.articles.shrink_to_fit();
        self.norms.shrink_to_fit();
        self.features.shrink_to_fit();
        self.by_day.shrink_to_fit();
        self.buckets.shrink_to_fit();
        self.signature_of.shrink_to_fit();
        self.signatures.shrink_to_fit();
        self.parent.shrink_to_fit();
        self.size.shrink_to_fit();
        self.days.shrink_to_fit();
        self.source_of.shrink_to_fit();
        self.story_days.shrink_to_fit();
        self.strength.shrink_to_fit();
        self.duplicates.shrink_to_fit();
        self.scratch = HashMap::default();
    }

    /// Bytes held, roughly (for the benchmark).
    pub fn memory_bytes(&self) -> usize {
        self.memory_parts().iter().map(|(_, bytes)| bytes).sum()
    }

    /// Bytes held by each part, roughly (for the benchmark): the tables'
    /// capacities, not counting the allocator's own overhead.
    pub fn memory_parts(&self) -> Vec<(&'static str, usize)> {
        fn map<K, V, S>(m: &HashMap<K, V, S>) -> usize {
            m.capacity() * (size_of::<(K, V)>() + 1)
        }
        fn vec<T>(v: &Vec<T>) -> usize {
            v.capacity() * size_of::<T>()
        }
        let signatures = vec(&self.signature_of) + vec(&self.signatures);
        let stories = vec(&self.parent)
            + vec(&self.size)
            + vec(&self.days)
            + vec(&self.source_of)
            + vec(&self.strength)
            + vec(&self.norms)
            + map(&self.story_days)
            + self.story_days.values().map(vec).sum::<usize>();
        vec![
            ("articles", vec(&self.articles)),
            ("features", self.features.memory_bytes()),
            ("by day", self.by_day.memory_bytes()),
            ("buckets", self.buckets.memory_bytes()),
            ("signatures", signatures),
            ("stories", stories),
            ("duplicates", vec(&self.duplicates)),
            ("scratch", map(&self.scratch)),
        ]
    }
}

/// The key of a feature on a day in the per-day index: one `u64` (a
/// collision only adds a candidate that is then scored).
fn day_key(feature: u64, day: i32) -> u64 {
    feature.rotate_left(17) ^ u64::from(day.cast_unsigned()).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Two sorted lists of (day, articles) as one.
fn merge_days(a: &[(i32, u32)], b: &[(i32, u32)]) -> Vec<(i32, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push((a[i].0, a[i].1 + b[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Pairwise precision and recall of a grouping against the truth: of the
/// pairs of articles put in one story, the share that truly are one; of the
/// pairs that truly are one story, the share put in one. Each argument
/// gives, per article, a label of its group.
pub fn pairwise_quality(predicted: &[usize], truth: &[usize]) -> (f64, f64) {
    let pairs = |counts: &HashMap<_, u64, FixedState>| -> u64 {
        counts.values().map(|&n| n * n.saturating_sub(1) / 2).sum()
    };
    let mut both: HashMap<(usize, usize), u64, FixedState> = HashMap::default();
    let mut pred: HashMap<(usize, usize), u64, FixedState> = HashMap::default();
    let mut tru: HashMap<(usize, usize), u64, FixedState> = HashMap::default();
    for (&p, &t) in predicted.iter().zip(truth) {
        *both.entry((p, t)).or_insert(0) += 1;
        *pred.entry((p, 0)).or_insert(0) += 1;
        *tru.entry((t, 0)).or_insert(0) += 1;
    }
    let (agree, predicted_pairs, true_pairs) = (pairs(&both), pairs(&pred), pairs(&tru));
    #[allow(clippy::cast_precision_loss)]
    let ratio = |a: u64, b: u64| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    (ratio(agree, predicted_pairs), ratio(agree, true_pairs))
}

#[cfg(test)]
mod tests;
