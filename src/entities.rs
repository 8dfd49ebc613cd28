//! Names and figures across articles: which spans of which articles name
//! the same person, organization, place or other name, and what value each
//! figure has.
//!
//! Pure: no terminal code. Built on the highlighter's spans
//! ([`crate::highlight`]).
//!
//! # Entities
//!
//! Within an article ([`resolve_names`]), name spans are grouped into
//! entities:
//! - an entity is a kind and a **key**: the name lowercased, accents folded,
//!   periods, apostrophes and a possessive dropped, other punctuation made a
//!   space (`TRUMP`, `Trump's` → `trump`; `U.S.` → `us`; `Al-Thani` →
//!   `al thani`);
//! - the gazetteer's aliases (`assets/gazetteer/aliases.txt`) map keys to
//!   one (`us`, `usa`, `america` → `united states`, shown `United States`);
//! - a person mention that is part of a longer person name in the same
//!   article is that person (`Trump` → `Donald Trump`, `Netanyahu` →
//!   `Benjamin Netanyahu`); two namesakes go by proximity.
//!
//! Across articles an entity is its kind and key. A person named by one
//! word in an article that never gives the full name (a **bare surname**,
//! `Blair`) is its own entity, joined to a full name when the corpus makes
//! that safe: the only person seen with that last word, or one in at least
//! three times as many articles as the next (`Tony Blair` over `Cherie
//! Blair`). The join is made again as articles arrive; queries count a
//! joined surname as part of its full name (its **root**).
//!
//! Figures (spans of kind number) are read into values ([`values`]:
//! `40,005` = 40005, `$4bn` = `4 billion` = 4e9, `3.5%` = 3.5) and kept per
//! article for the filter's `num:` terms. Dates are not figures.
//!
//! # The index
//!
//! [`EntityIndex`] grows in batches of articles in load order, as the
//! filter's index does, and keeps:
//! - the entity table: kind, key and display name in two shared arenas,
//!   counts of mentions, articles and sources ([`EntityIndex::row`]);
//!   spellings are read back from the bodies when asked for
//!   ([`EntityIndex::surface_forms`]);
//! - per entity, the articles mentioning it as varint-coded gaps;
//! - per article, one packed record of varints in a shared arena (grown
//!   in chunks of a megabyte): the distinct entities it names, ids
//!   ascending as gaps, each with its number of mentions and then those
//!   mentions in text order (the start as a step from the last, the
//!   length, and the sentence around it as bytes before and after, or `0`
//!   for the same sentence as the last mention's); and another for its
//!   figures (whole values as steps from the last, others as their eight
//!   bytes, each with where it is first given). An entity's mentions are
//!   read from its articles' records without decoding the other entities';
//!   counts over a set of articles read the counts alone. Sentences
//!   ([`sentence_around`]) are found while extracting.
//!
//! Nothing holds a `String` per mention; see `cargo run --release --example
//! xref_bench` for the bytes per article and the query times at 100,000
//! articles.
//!
//! # Where it lives
//!
//! Highlighting is the slow part (seconds for 100,000 articles), so it
//! happens outside any lock: the app's entity worker
//! ([`crate::event::EntityWorker`]) runs [`extract`] on each batch, then takes
//! the shared [`SharedEntityIndex`] (`Arc<RwLock<EntityIndex>>`) for writing
//! only to append the results ([`EntityIndex::add_extracted`]), which takes
//! about a millisecond per batch. The UI thread reads it in `App::update`
//! (opening a name's mentions, the entity table) and the filter worker reads
//! it to look up typed terms (`person:`, `num:`), each for well under 100 ms,
//! so neither waits on indexing for long. A separate thread rather than the
//! filter worker does the highlighting so that filter results for the first
//! articles are not held up behind it; the worker pauses between small
//! chunks while a filter search runs. With a names cache ([`cache`]), what
//! was found in an article on an earlier run is read back instead of
//! highlighting it again.
//!
//! # For the screens
//!
//! - the reader's cursor on a name: [`EntityIndex::entity_at`]`(article,
//!   offset)` gives its entity; [`EntityIndex::article_mentions`] lists an
//!   article's name mentions with their entities;
//! - the outline of the open article: [`outline`]`(body, spans)` (names,
//!   figures and dates with their mention ranges, no index needed);
//! - a name's mentions: [`EntityIndex::mentions`]`(id, Some(&filtered))`,
//!   grouped by source, each with article position, byte range and sentence
//!   range into the body of [`EntityIndex::article`];
//! - the entity table: [`EntityIndex::entities`]`(sort, within)` with
//!   [`EntityIndex::name`] and [`EntityIndex::kind`]; filtering the list by
//!   an entity is the filter term `person:NAME` (or `org:`, `place:`,
//!   `name:`);
//! - a typed name: [`EntityIndex::resolve`]`(name, kinds)`.

pub mod cache;
mod index;
mod names;
mod resolve;
pub mod sentence;
pub mod values;

use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

pub use index::{
    ArticleSet, EntityId, EntityIndex, EntityRow, EntitySort, Extracted, Mention, SourceMentions,
    extract, extract_all, extract_body, extract_from_spans, map_all,
};
pub use resolve::{
    ArticleNames, LocalEntity, LocalMention, OutlineEntry, is_name_kind, outline, resolve_names,
};
pub use sentence::sentence_around;

/// The entity index as the app's threads share it.
pub type SharedEntityIndex = Arc<RwLock<EntityIndex>>;

/// A new, empty shared index.
pub fn shared() -> SharedEntityIndex {
    Arc::new(RwLock::new(EntityIndex::new()))
}

/// Read the shared index. If a thread panicked while writing, the index
/// may lack part of a batch; every query checks its bounds, so reading it
/// is still safe.
pub fn read(index: &SharedEntityIndex) -> RwLockReadGuard<'_, EntityIndex> {
    index.read().unwrap_or_else(PoisonError::into_inner)
}

/// Write to the shared index (see [`read`] on poisoning).
pub fn write(index: &SharedEntityIndex) -> RwLockWriteGuard<'_, EntityIndex> {
    index.write().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests;
