//! What dateline remembers between runs: which articles were read, which
//! are starred, and where the reader was in each corpus.
//!
//! Articles are known by an [`ArticleKey`] that survives moving files where
//! it can: the URL when the article has one, else its source, title and
//! date, else where it was read from. The state itself ([`ReadState`]) is
//! plain data; [`store`] reads and writes it as a small versioned JSON file
//! in the XDG state folder, atomically.

pub mod store;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::loader::Input;

/// The identity an article's read state is kept under.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArticleKey(String);

impl ArticleKey {
    /// `url:URL` when the article has a URL; else `meta:SOURCE␟TITLE␟DATE`
    /// when it has a title and a date (so a file moved or renamed keeps its
    /// state); else `at:PATH[:LINE]`, which is all that is left.
    pub fn of(article: &Article) -> Self {
        if let Some(url) = article.url.as_deref().map(str::trim)
            && !url.is_empty()
        {
            return Self(format!("url:{url}"));
        }
        let title = article.title.trim();
        if let Some(date) = article.date
            && !title.is_empty()
        {
            return Self(format!(
                "meta:{}\u{1f}{title}\u{1f}{}",
                article.source.trim(),
                date.format("%Y-%m-%d")
            ));
        }
        Self(format!("at:{}", article.origin))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A hash of the key [`ArticleKey::of`] gives `article`, made without
    /// building it: articles with one key have one hash, so a hash tells
    /// which articles may share another's key (same link in two feeds).
    pub fn hash_of(article: &Article) -> u64 {
        use std::hash::{BuildHasher as _, Hash as _, Hasher as _};
        let mut h = foldhash::fast::FixedState::with_seed(0x6461_7465).build_hasher();
        if let Some(url) = article.url.as_deref().map(str::trim)
            && !url.is_empty()
        {
            (0u8, url).hash(&mut h);
            return h.finish();
        }
        let title = article.title.trim();
        if let Some(date) = article.date
            && !title.is_empty()
        {
            (1u8, article.source.trim(), title, date).hash(&mut h);
            return h.finish();
        }
        (2u8, &article.origin.path, article.origin.line).hash(&mut h);
        h.finish()
    }
}

/// Where the reader was in a corpus: the article open and how far down it
/// was scrolled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub article: ArticleKey,
    /// The first line of the article shown, counted in laid-out lines.
    #[serde(default)]
    pub scroll: usize,
}

/// The set of inputs a run reads, as one string: state such as the last
/// place is remembered per corpus. Folders and files are made absolute (and
/// symbolic links resolved where the path exists), then sorted, so the same
/// folders named in another order or from elsewhere are the same corpus.
pub fn corpus_key(inputs: &[Input]) -> String {
    let mut parts: Vec<String> = inputs
        .iter()
        .map(|input| match input {
            Input::Samples => "<samples>".to_owned(),
            Input::Stdin => "-".to_owned(),
            Input::Path(p) | Input::UrlsFile(p) => absolute(p).display().to_string(),
            Input::Url(s) => s.url.clone(),
        })
        .collect();
    parts.sort();
    parts.dedup();
    parts.join("\n")
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Read and starred articles and the last place per corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadState {
    #[serde(default)]
    read: BTreeSet<ArticleKey>,
    #[serde(default)]
    starred: BTreeSet<ArticleKey>,
    #[serde(default)]
    places: BTreeMap<String, Place>,
}

impl ReadState {
    pub fn is_read(&self, key: &ArticleKey) -> bool {
        self.read.contains(key)
    }

    pub fn set_read(&mut self, key: &ArticleKey, read: bool) {
        if read {
            self.read.insert(key.clone());
        } else {
            self.read.remove(key);
        }
    }

    /// Mark read if unread and unread if read; returns whether it is read now.
    pub fn toggle_read(&mut self, key: &ArticleKey) -> bool {
        let now = !self.is_read(key);
        self.set_read(key, now);
        now
    }

    pub fn is_starred(&self, key: &ArticleKey) -> bool {
        self.starred.contains(key)
    }

    /// Star or unstar; returns whether it is starred now.
    pub fn toggle_star(&mut self, key: &ArticleKey) -> bool {
        let now = !self.is_starred(key);
        if now {
            self.starred.insert(key.clone());
        } else {
            self.starred.remove(key);
        }
        now
    }

    pub fn read_count(&self) -> usize {
        self.read.len()
    }

    pub fn starred_count(&self) -> usize {
        self.starred.len()
    }

    /// Where the reader was in `corpus` (see [`corpus_key`]).
    pub fn place(&self, corpus: &str) -> Option<&Place> {
        self.places.get(corpus)
    }

    pub fn set_place(&mut self, corpus: &str, place: Place) {
        self.places.insert(corpus.to_owned(), place);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleId, Origin};

    fn article(url: Option<&str>, date: Option<(i32, u32, u32)>, path: &str) -> Article {
        let origin = Origin::file(path);
        Article {
            tags: Vec::new(),
            id: ArticleId::derive(url, &origin, "Port strike"),
            title: "Port strike".into(),
            source: "Northline Wire".into(),
            date: date.and_then(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d)),
            author: None,
            url: url.map(Into::into),
            origin,
            body: "Dock workers walked out.".into(),
        }
    }

    #[test]
    fn keys_prefer_url_then_metadata_then_place() {
        let by_url = ArticleKey::of(&article(Some("https://x.test/1"), None, "a.txt"));
        assert_eq!(by_url.as_str(), "url:https://x.test/1");
        let by_meta = ArticleKey::of(&article(None, Some((2026, 11, 16)), "a.txt"));
        assert_eq!(
            by_meta.as_str(),
            "meta:Northline Wire\u{1f}Port strike\u{1f}2026-11-16"
        );
        let by_place = ArticleKey::of(&article(None, None, "news/a.txt"));
        assert_eq!(by_place.as_str(), "at:news/a.txt");
        let blank_url = ArticleKey::of(&article(Some("  "), None, "b.txt"));
        assert_eq!(blank_url.as_str(), "at:b.txt");
    }

    #[test]
    fn one_key_one_hash_and_different_keys_mostly_differ() {
        let cases = [
            (None, Some((2026, 11, 16)), "inbox/a.txt"),
            (None, Some((2026, 11, 16)), "archive/a.txt"),
            (Some("https://x.test/1"), None, "a.txt"),
            (Some(" https://x.test/1 "), Some((2026, 1, 1)), "b.txt"),
            (Some("https://x.test/2"), None, "a.txt"),
            (None, None, "news/a.txt"),
            (None, None, "news/b.txt"),
            (Some(""), None, "news/b.txt"),
            (None, Some((2026, 11, 17)), "inbox/a.txt"),
        ];
        let articles: Vec<Article> = cases.iter().map(|&(u, d, p)| article(u, d, p)).collect();
        for a in &articles {
            for b in &articles {
                let same_key = ArticleKey::of(a) == ArticleKey::of(b);
                let same_hash = ArticleKey::hash_of(a) == ArticleKey::hash_of(b);
                assert_eq!(
                    same_key,
                    same_hash,
                    "{:?} {:?}",
                    ArticleKey::of(a),
                    ArticleKey::of(b)
                );
            }
        }
    }

    #[test]
    fn a_moved_file_keeps_its_key_when_it_has_a_url_or_a_date() {
        let here = article(None, Some((2026, 11, 16)), "inbox/a.txt");
        let there = article(None, Some((2026, 11, 16)), "archive/2026/a.txt");
        assert_eq!(ArticleKey::of(&here), ArticleKey::of(&there));
        let here = article(Some("https://x.test/1"), None, "inbox/a.txt");
        let there = article(Some("https://x.test/1"), None, "archive/a.txt");
        assert_eq!(ArticleKey::of(&here), ArticleKey::of(&there));
    }

    #[test]
    fn read_star_and_place_toggle_and_remember() {
        let mut state = ReadState::default();
        let key = ArticleKey::of(&article(Some("https://x.test/1"), None, "a.txt"));
        assert!(!state.is_read(&key));
        assert!(state.toggle_read(&key));
        assert!(state.is_read(&key));
        assert!(!state.toggle_read(&key));
        assert!(!state.is_read(&key));
        state.set_read(&key, true);
        state.set_read(&key, true);
        assert_eq!(state.read_count(), 1);
        assert!(state.toggle_star(&key));
        assert!(state.is_starred(&key) && state.starred_count() == 1);
        assert!(!state.toggle_star(&key));
        assert_eq!(state.starred_count(), 0);
        assert!(state.place("c").is_none());
        state.set_place(
            "c",
            Place {
                article: key.clone(),
                scroll: 12,
            },
        );
        assert_eq!(state.place("c").map(|p| p.scroll), Some(12));
    }

    #[test]
    fn corpus_keys_ignore_order_and_spelling_of_paths() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        let one = corpus_key(&[Input::Path(a.clone()), Input::Path(b.clone())]);
        let two = corpus_key(&[
            Input::Path(b.join("..").join("b")),
            Input::Path(a.clone()),
            Input::Path(a),
        ]);
        assert_eq!(one, two);
        assert_eq!(corpus_key(&[Input::Samples]), "<samples>");
        assert_ne!(corpus_key(&[Input::Path(b)]), one);
    }
}
