//! The article: what every loader produces and every pane shows.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use chrono::NaiveDate;
use serde::Serialize;

pub use crate::loader::Located;

/// A stable identifier: the same article loaded from the same place gets the
/// same id on every run, so scripts can refer to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(u64);

impl ArticleId {
    /// Derive an id from what identifies the article: its URL when it has one,
    /// else where it was read from.
    pub fn derive(url: Option<&str>, origin: &Origin, title: &str) -> Self {
        let key = match url {
            Some(u) if !u.is_empty() => format!("url\u{1f}{u}"),
            _ => format!(
                "at\u{1f}{}\u{1f}{}\u{1f}{}",
                origin.path.display(),
                origin.line.unwrap_or(0),
                if origin.path.as_os_str() == "-" {
                    title
                } else {
                    ""
                }
            ),
        };
        // 48 bits: short enough to type, collisions negligible at a million articles.
        Self(xxhash_rust::xxh3::xxh3_64(key.as_bytes()) >> 16)
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:012x}", self.0)
    }
}

impl Serialize for ArticleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Where an article was read from: a file, and for files holding many
/// articles (JSON Lines, arrays) the line or position inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file's path as the user named it (or below a folder they named);
    /// `-` for standard input, `<samples>/NAME` for the built-in samples.
    pub path: PathBuf,
    /// 1-based line for JSON Lines, 1-based position for JSON arrays.
    pub line: Option<usize>,
}

impl Origin {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            line: None,
        }
    }

    pub fn at_line(path: impl Into<PathBuf>, line: usize) -> Self {
        Self {
            path: path.into(),
            line: Some(line),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// One news article, as loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    /// The publisher: from the article's metadata, else the folder it sits in.
    pub source: String,
    pub date: Option<NaiveDate>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub origin: Origin,
    /// The text to read, without the title or metadata header.
    pub body: Body,
    /// The groups its feed is in (tags in a urls file), which `tag:`
    /// filter terms find.
    pub tags: Vec<String>,
}

impl Article {
    /// The date as the list and the subcommands show it (`YYYY-MM-DD`), or "".
    pub fn date_label(&self) -> String {
        self.date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }
}

/// An article's text.
///
/// A body the loader can read again exactly (a line of a JSON Lines file, a
/// whole text or Markdown file) knows where it came from, with the text's
/// length and hash; once every indexer has read it
/// ([`indexed`](Self::indexed) called [`INDEXERS`] times) it lets its text
/// go, and [`read`](Self::read) reads it back from the file, as `less`
/// does. Any other body keeps its text.
pub struct Body {
    held: RwLock<Option<Held>>,
    len: usize,
    /// xxh3 of the text, for telling a changed file.
    hash: u64,
    from: Option<Box<Located>>,
    /// Indexers yet to read it.
    pending: AtomicU8,
}

/// How many indexers read each body while articles load: the filter
/// worker's body index and the entity worker.
pub const INDEXERS: u8 = 2;

#[derive(Clone)]
enum Held {
    Own(Arc<String>),
    /// A range of a batch's shared text buffer.
    Shared(Arc<Chunk>, usize),
}

/// The texts of a batch of bodies in one anonymous memory map, so that the
/// memory goes back to the system at once when the last of them is let go
/// (small freed allocations would stay with the allocator).
struct Chunk(memmap2::Mmap);

/// Why a body's text could not be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BodyError(pub String);

impl Body {
    /// A body that keeps its text.
    pub fn new(text: impl Into<String>) -> Self {
        let text: String = text.into();
        Self {
            len: text.len(),
            hash: 0,
            held: RwLock::new(Some(Held::Own(Arc::new(text)))),
            from: None,
            pending: AtomicU8::new(INDEXERS),
        }
    }

    /// A body that can be read again from `from` once indexed.
    pub fn located(text: String, from: Located) -> Self {
        Self {
            len: text.len(),
            hash: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            held: RwLock::new(Some(Held::Own(Arc::new(text)))),
            from: Some(Box::new(from)),
            pending: AtomicU8::new(INDEXERS),
        }
    }

    fn held(&self) -> Option<Held> {
        self.held
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The text, read back from its file if it has been let go; an error
    /// (one line, naming the file and line) when the file is gone or
    /// changed.
    pub fn read(&self) -> Result<BodyText, BodyError> {
        match self.held() {
            Some(Held::Own(text)) => Ok(BodyText(Repr::Own(text))),
            Some(Held::Shared(chunk, start)) => {
                Ok(BodyText(Repr::Shared(chunk, start..start + self.len)))
            }
            None => self.read_back().map(|t| BodyText(Repr::Own(Arc::new(t)))),
        }
    }

    fn read_back(&self) -> Result<String, BodyError> {
        let Some(from) = &self.from else {
            return Ok(String::new());
        };
        let text = from.read().map_err(BodyError)?;
        if text.len() == self.len && xxhash_rust::xxh3::xxh3_64(text.as_bytes()) == self.hash {
            Ok(text)
        } else {
            Err(BodyError(format!(
                "{}: changed since it was loaded; start dateline again to read it",
                from.place()
            )))
        }
    }

    /// The text ([`read`](Self::read)); empty when it cannot be read back,
    /// for callers that show nothing rather than an error.
    pub fn text(&self) -> BodyText {
        self.read()
            .unwrap_or_else(|_| BodyText(Repr::Own(Arc::default())))
    }

    /// The text's length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the text is in memory.
    pub fn is_held(&self) -> bool {
        self.held
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// Whether the text can be read back from its file.
    pub fn is_located(&self) -> bool {
        self.from.is_some()
    }

    /// The bytes of memory held for the text.
    pub fn held_bytes(&self) -> usize {
        if self.is_held() { self.len } else { 0 }
    }

    /// An indexer has read the text: when all have, a body that can be
    /// read back lets it go.
    pub fn indexed(&self) {
        let left = self
            .pending
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
            .map_or(0, |before| before - 1);
        if left == 0 && self.from.is_some() {
            *self.held.write().unwrap_or_else(PoisonError::into_inner) = None;
        }
    }
}

/// Move the texts of `articles` that can be read back into one buffer.
pub fn share_bodies(articles: &mut [Article]) {
    let total: usize = articles
        .iter()
        .filter(|a| a.body.from.is_some())
        .map(|a| a.body.len)
        .sum();
    if total == 0 {
        return;
    }
    let Ok(mut map) = memmap2::MmapMut::map_anon(total) else {
        return;
    };
    let mut at = 0;
    let mut starts = Vec::with_capacity(articles.len());
    for article in articles.iter() {
        let body = &article.body;
        if body.from.is_none() {
            starts.push(None);
            continue;
        }
        let text = body.text();
        let Some(slot) = map.get_mut(at..at + text.len()) else {
            return;
        };
        slot.copy_from_slice(text.as_bytes());
        starts.push(Some(at));
        at += text.len();
    }
    let Ok(map) = map.make_read_only() else {
        return;
    };
    let chunk = Arc::new(Chunk(map));
    for (article, start) in articles.iter_mut().zip(starts) {
        if let Some(start) = start {
            let held = article
                .body
                .held
                .get_mut()
                .unwrap_or_else(PoisonError::into_inner);
            if held.is_some() {
                *held = Some(Held::Shared(Arc::clone(&chunk), start));
            }
        }
    }
}

/// A body's text, for as long as it is needed: it derefs to `str`.
#[derive(Clone)]
pub struct BodyText(Repr);

#[derive(Clone)]
enum Repr {
    Own(Arc<String>),
    Shared(Arc<Chunk>, Range<usize>),
}

impl BodyText {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Own(text) => text,
            // Copied from a `str` on char boundaries, so always valid.
            Repr::Shared(chunk, range) => chunk
                .0
                .get(range.clone())
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
        }
    }

    /// The text as a `String` of its own.
    pub fn into_owned(self) -> String {
        match self.0 {
            Repr::Own(text) => Arc::try_unwrap(text).unwrap_or_else(|t| t.as_str().to_owned()),
            Repr::Shared(..) => self.as_str().to_owned(),
        }
    }
}

impl std::ops::Deref for BodyText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for BodyText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for BodyText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for BodyText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for BodyText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for BodyText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for BodyText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for BodyText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<BodyText> for String {
    fn eq(&self, other: &BodyText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<BodyText> for &str {
    fn eq(&self, other: &BodyText) -> bool {
        *self == other.as_str()
    }
}

impl Clone for Body {
    fn clone(&self) -> Self {
        Self {
            held: RwLock::new(self.held()),
            len: self.len,
            hash: self.hash,
            from: self.from.clone(),
            pending: AtomicU8::new(self.pending.load(Ordering::Acquire)),
        }
    }
}

impl Default for Body {
    fn default() -> Self {
        Self::new(String::new())
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && *self.text() == *other.text()
    }
}

impl Eq for Body {}

impl From<String> for Body {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}

impl From<&str> for Body {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text(), f)
    }
}

impl fmt::Display for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl Serialize for Body {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text())
    }
}

impl PartialEq<str> for Body {
    fn eq(&self, other: &str) -> bool {
        self.len() == other.len() && *self.text() == *other
    }
}

impl PartialEq<&str> for Body {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl PartialEq<String> for Body {
    fn eq(&self, other: &String) -> bool {
        self == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_depend_on_url_first() {
        let origin = Origin::at_line("news/a.jsonl", 3);
        let a = ArticleId::derive(None, &origin, "T");
        let b = ArticleId::derive(None, &origin, "T");
        assert_eq!(a, b);
        assert_eq!(a.to_string().len(), 12);
        let other_line = ArticleId::derive(None, &Origin::at_line("news/a.jsonl", 4), "T");
        assert_ne!(a, other_line);
        let by_url = ArticleId::derive(Some("https://x.test/1"), &origin, "T");
        let by_url_elsewhere =
            ArticleId::derive(Some("https://x.test/1"), &Origin::file("b.json"), "U");
        assert_eq!(by_url, by_url_elsewhere);
    }

    #[test]
    fn origin_displays_line_when_known() {
        assert_eq!(Origin::at_line("a.jsonl", 7).to_string(), "a.jsonl:7");
        assert_eq!(Origin::file("b.txt").to_string(), "b.txt");
    }

    #[test]
    fn a_body_kept_in_memory_is_never_let_go() {
        let body = Body::new("Dock workers walked out.");
        assert!(!body.is_located());
        for _ in 0..3 {
            body.indexed();
        }
        assert!(body.is_held());
        assert_eq!(body.read().unwrap(), "Dock workers walked out.");
        assert_eq!(body, "Dock workers walked out.");
        assert_eq!(format!("{body}"), "Dock workers walked out.");
    }

    #[test]
    fn the_empty_body() {
        let body = Body::default();
        assert!(body.is_empty());
        assert_eq!(body, "");
        assert_eq!(body, Body::new(String::new()));
    }

    proptest::proptest! {
        #[test]
        fn any_text_round_trips(text in "\\PC{0,600}", repeat in 1usize..8) {
            let text = text.repeat(repeat);
            let body = Body::new(text.clone());
            proptest::prop_assert_eq!(body.len(), text.len());
            proptest::prop_assert_eq!(body.text(), text.as_str());
        }

        #[test]
        fn any_bytes_of_text_round_trip(words in proptest::collection::vec("[a-z\u{e9}\u{3b1}\n ]{1,12}", 0..400)) {
            let text = words.join(" ");
            let body = Body::new(text.clone());
            proptest::prop_assert_eq!(body.text(), text.as_str());
        }
    }
}
