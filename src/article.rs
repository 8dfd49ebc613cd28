//! The article: what every loader produces and every pane shows.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

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
    pub body: String,
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
}
