//! The formats dateline reads, chosen by file extension, or by a look at the
//! text for files without a known one and for standard input.
//!
//! A new format is one more file beside this one (a pure `parse(&str) ->
//! Parsed`), one more variant here, and one more arm in each `match`.

use std::path::Path;

use serde::de::IgnoredAny;

use super::draft::Parsed;
use super::{json, jsonl, markdown, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Markdown,
    Json,
    JsonLines,
}

impl Format {
    /// The format of a file by its extension (any case), if dateline knows it.
    pub fn from_extension(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?;
        let is = |name: &str| ext.eq_ignore_ascii_case(name);
        if is("txt") || is("text") {
            Some(Format::Text)
        } else if is("md") || is("markdown") {
            Some(Format::Markdown)
        } else if is("json") {
            Some(Format::Json)
        } else if is("jsonl") || is("ndjson") {
            Some(Format::JsonLines)
        } else {
            None
        }
    }

    /// Guess the format of a text: JSON if it starts with `{` or `[` (JSON
    /// Lines when its first line is a whole object and more follows),
    /// Markdown if it starts with front matter, else plain text.
    pub fn sniff(text: &str) -> Self {
        let t = text.trim_start();
        if t.starts_with(['{', '[']) {
            let (first, rest) = t.split_once('\n').unwrap_or((t, ""));
            let one_object_per_line = first.starts_with('{')
                && !rest.trim().is_empty()
                && serde_json::from_str::<IgnoredAny>(first).is_ok();
            return if one_object_per_line {
                Format::JsonLines
            } else {
                Format::Json
            };
        }
        if markdown::has_front_matter(text) {
            return Format::Markdown;
        }
        Format::Text
    }

    /// Parse a whole text in this format.
    pub fn parse(self, text: &str) -> Parsed {
        match self {
            Format::Text => text::parse(text),
            Format::Markdown => markdown::parse(text),
            Format::Json => json::parse(text),
            Format::JsonLines => jsonl::parse(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_any_case() {
        let f = |p: &str| Format::from_extension(Path::new(p));
        assert_eq!(f("a.txt"), Some(Format::Text));
        assert_eq!(f("a.TEXT"), Some(Format::Text));
        assert_eq!(f("dir.d/a.Md"), Some(Format::Markdown));
        assert_eq!(f("a.markdown"), Some(Format::Markdown));
        assert_eq!(f("a.JSON"), Some(Format::Json));
        assert_eq!(f("a.jsonl"), Some(Format::JsonLines));
        assert_eq!(f("a.NDJSON"), Some(Format::JsonLines));
        assert_eq!(f("a.jpg"), None);
        assert_eq!(f(".DS_Store"), None);
        assert_eq!(f("README"), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff("  {\"title\": \"x\"}\n"), Format::Json);
        assert_eq!(Format::sniff("[{\"title\": \"x\"}]"), Format::Json);
        assert_eq!(Format::sniff("{\n  \"title\": \"x\"\n}\n"), Format::Json);
        assert_eq!(
            Format::sniff("{\"title\": \"a\"}\n{\"title\": \"b\"}\n"),
            Format::JsonLines
        );
        assert_eq!(
            Format::sniff("{\"title\": \"a\"}\nnot json\n"),
            Format::JsonLines
        );
        assert_eq!(
            Format::sniff("---\ntitle: x\n---\nBody\n"),
            Format::Markdown
        );
        assert_eq!(
            Format::sniff("+++\ntitle = \"x\"\n+++\nBody\n"),
            Format::Markdown
        );
        assert_eq!(Format::sniff("---\nnot closed\n"), Format::Text);
        assert_eq!(Format::sniff("Title: x\n\nBody"), Format::Text);
        assert_eq!(Format::sniff("# Heading\n\nBody"), Format::Text);
    }
}
