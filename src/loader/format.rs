//! The formats dateline reads, chosen by file extension, or by a look at the
//! text for files without a known one and for standard input.
//!
//! A new format is one more file beside this one (a pure `parse(&str) ->
//! Parsed`), one more variant here, and one more arm in each `match`.

use std::path::Path;

use serde::de::IgnoredAny;

use super::draft::Parsed;
use super::{feed, html, json, jsonl, markdown, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Markdown,
    Json,
    JsonLines,
    /// RSS, Atom, RDF or JSON Feed.
    Feed,
    /// A saved web page.
    Html,
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
        } else if is("xml") || is("rss") || is("atom") || is("rdf") {
            Some(Format::Feed)
        } else if is("html") || is("htm") || is("xhtml") {
            Some(Format::Html)
        } else {
            None
        }
    }

    /// The format of a text: the one its extension gave, checked against
    /// the text where they overlap (a `.json` file that is a JSON Feed, an
    /// `.xml` or `.html` file that is the other), or sniffed.
    pub fn of(by_extension: Option<Self>, text: &str) -> Self {
        match by_extension {
            None => Self::sniff(text),
            Some(Format::Json) if feed::is_json_feed(text) => Format::Feed,
            Some(Format::Feed) if looks_like_html(text) && !feed::is_xml_feed(text) => Format::Html,
            Some(Format::Html) if feed::is_xml_feed(text) => Format::Feed,
            Some(format) => format,
        }
    }

    /// Guess the format of a text: a feed or a web page if it is markup,
    /// JSON if it starts with `{` or `[` (JSON
    /// Lines when its first line is a whole object and more follows),
    /// Markdown if it starts with front matter, else plain text.
    pub fn sniff(text: &str) -> Self {
        let t = text.trim_start();
        if t.starts_with('<') {
            if feed::is_xml_feed(t) {
                return Format::Feed;
            }
            if looks_like_html(t) {
                return Format::Html;
            }
        }
        if t.starts_with('{') && feed::is_json_feed(t) {
            return Format::Feed;
        }
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
            Format::Feed => feed::parse(text),
            Format::Html => html::parse(text),
        }
    }
}

/// Markup that starts as a web page does: a doctype, `<html`, or `<head`.
fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start();
    // comments and a prolog may come first
    loop {
        if let Some(after) = rest.strip_prefix("<!--") {
            let Some(end) = after.find("-->") else {
                return false;
            };
            rest = after.get(end + 3..).unwrap_or_default().trim_start();
        } else if rest.starts_with("<?") {
            let Some(end) = rest.find("?>") else {
                return false;
            };
            rest = rest.get(end + 2..).unwrap_or_default().trim_start();
        } else {
            break;
        }
    }
    let head = rest.get(..14).unwrap_or(rest).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<head")
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
        assert_eq!(f("a.xml"), Some(Format::Feed));
        assert_eq!(f("a.RSS"), Some(Format::Feed));
        assert_eq!(f("a.atom"), Some(Format::Feed));
        assert_eq!(f("a.rdf"), Some(Format::Feed));
        assert_eq!(f("a.html"), Some(Format::Html));
        assert_eq!(f("a.HTM"), Some(Format::Html));
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
        assert_eq!(
            Format::sniff("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(Format::sniff("<feed xmlns=\"x\">"), Format::Feed);
        assert_eq!(
            Format::sniff("{\"version\": \"https://jsonfeed.org/version/1\", \"items\": []}"),
            Format::Feed
        );
        assert_eq!(Format::sniff("<!DOCTYPE HTML>\n<html>"), Format::Html);
        assert_eq!(
            Format::sniff("<!-- saved -->\n<html lang=en>"),
            Format::Html
        );
        assert_eq!(Format::sniff("<b>bold</b> text"), Format::Text);
    }

    #[test]
    fn content_corrects_the_extension() {
        let feed = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}";
        assert_eq!(Format::of(Some(Format::Json), feed), Format::Feed);
        assert_eq!(
            Format::of(Some(Format::Json), "{\"items\": []}"),
            Format::Json
        );
        assert_eq!(
            Format::of(Some(Format::Feed), "<!doctype html><html>"),
            Format::Html
        );
        assert_eq!(
            Format::of(Some(Format::Html), "<rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            Format::of(Some(Format::Html), "<p>a fragment</p>"),
            Format::Html
        );
        assert_eq!(Format::of(None, "<rss>"), Format::Feed);
    }
}
