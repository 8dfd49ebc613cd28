//! The filter: parsing what the user types in the filter bar, matching it
//! against articles, and ranking the matches.
//!
//! Pure: no terminal code. The same function serves the filter bar and
//! `dateline list --filter`, so both show the same articles in the same order.

use std::ops::Range;
use std::sync::Arc;

use crate::article::Article;

/// A parsed filter query: terms that must all match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterQuery {
    raw: String,
}

impl FilterQuery {
    pub fn parse(input: &str) -> Self {
        Self {
            raw: input.trim().to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.raw.is_empty()
    }

    /// Byte ranges of `body` that the query's terms match, for highlighting
    /// the matched words in the reader.
    pub fn body_matches(&self, body: &str) -> Vec<Range<usize>> {
        let _ = body;
        Vec::new()
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

/// The articles to search, indexed as they arrive.
#[derive(Debug, Default)]
pub struct SearchIndex {
    articles: Vec<Arc<Article>>,
}

impl SearchIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Index more articles; they take the next positions in load order.
    pub fn add(&mut self, batch: &[Arc<Article>]) {
        self.articles.extend(batch.iter().cloned());
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The matching articles, best first; an empty query matches everything
    /// in load order.
    pub fn search(&self, query: &FilterQuery) -> Vec<Hit> {
        let _ = query;
        (0..self.articles.len())
            .map(|index| Hit {
                index,
                title_positions: Vec::new(),
                source_positions: Vec::new(),
            })
            .collect()
    }
}

impl SearchIndex {
    /// Like [`SearchIndex::search`], but gives up (returning `None`) as soon
    /// as `cancelled` says the results are no longer wanted.
    pub fn search_cancellable(
        &self,
        query: &FilterQuery,
        cancelled: &dyn Fn() -> bool,
    ) -> Option<Vec<Hit>> {
        if cancelled() {
            return None;
        }
        Some(self.search(query))
    }
}
