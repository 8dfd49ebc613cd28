//! JSON articles (`.json`): one article object, an array of them, or an
//! object holding them in `articles` or `items` (as news APIs answer).
//!
//! Each entry is parsed on its own, so one bad entry is reported (with its
//! 1-based position in the array) and the others still load. Only the known
//! keys are kept; the rest are skipped without being built.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use super::draft::{Field, Note, Parsed};
use super::fields::{Fields, rank_of};

/// Parse a JSON document of articles.
pub(crate) fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    match text.trim_start().as_bytes().first() {
        Some(b'[') => match serde_json::from_str::<Vec<&RawValue>>(text) {
            Ok(entries) => add_entries(&entries, &mut parsed),
            Err(e) => parsed.notes.push(invalid(&e)),
        },
        Some(b'{') => match serde_json::from_str::<Envelope<'_>>(text) {
            Ok(Envelope {
                articles: Some(list),
            }) => match serde_json::from_str::<Vec<&RawValue>>(list.get()) {
                Ok(entries) => add_entries(&entries, &mut parsed),
                Err(_) => parsed.notes.push(Note::error(
                    None,
                    format!("`articles` is {}, not a list", kind_of(list.get())),
                )),
            },
            Ok(Envelope { articles: None }) => add_entry(text, None, &mut parsed),
            Err(e) => parsed.notes.push(invalid(&e)),
        },
        _ => match serde_json::from_str::<IgnoredAny>(text) {
            Ok(_) => parsed.notes.push(Note::error(
                None,
                format!("not an article: the JSON document is {}", kind_of(text)),
            )),
            Err(e) => parsed.notes.push(invalid(&e)),
        },
    }
    parsed
}

/// Parse one JSON text that should be an article object (a JSON Lines line,
/// an array entry), adding a draft or a note at `line`.
pub(crate) fn add_entry(raw: &str, line: Option<usize>, parsed: &mut Parsed) {
    if !raw.trim_start().starts_with('{') {
        let message = match serde_json::from_str::<IgnoredAny>(raw) {
            Ok(_) => format!("not an article: {}, not an object", kind_of(raw)),
            Err(e) => invalid_entry(&e, line.is_none()),
        };
        parsed.notes.push(Note::error(line, message));
        return;
    }
    match serde_json::from_str::<JsonArticle>(raw) {
        Ok(JsonArticle(fields)) => {
            let draft = fields.into_draft(line, false, &mut parsed.notes);
            parsed.drafts.push(draft);
        }
        Err(e) => parsed
            .notes
            .push(Note::error(line, invalid_entry(&e, line.is_none()))),
    }
}

fn add_entries(entries: &[&RawValue], parsed: &mut Parsed) {
    parsed.drafts.reserve(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        add_entry(entry.get(), Some(i + 1), parsed);
    }
}

/// A whole document that is not valid JSON: `serde_json`'s message, with its
/// line and column.
fn invalid(e: &serde_json::Error) -> Note {
    Note::error(None, describe(e, &e.to_string()))
}

/// An entry that is not valid JSON. `whole` says the entry is the whole
/// document, so `serde_json`'s line and column are the file's; otherwise
/// only a column on the entry's first line is meaningful (JSON Lines).
fn invalid_entry(e: &serde_json::Error, whole: bool) -> String {
    let full = e.to_string();
    if whole {
        return describe(e, &full);
    }
    let location = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&location) {
        Some(message) if e.line() <= 1 && e.column() > 0 => {
            describe(e, &format!("{message} at column {}", e.column()))
        }
        Some(message) => describe(e, message),
        None => describe(e, &full),
    }
}

/// Too deep nesting is valid JSON that dateline will not follow; anything
/// else is invalid JSON.
fn describe(e: &serde_json::Error, message: &str) -> String {
    if e.is_syntax() && message.starts_with("recursion limit exceeded") {
        format!("JSON nested too deeply ({message})")
    } else {
        format!("not valid JSON: {message}")
    }
}

/// What a JSON text is, by its first character, for messages.
pub(crate) fn kind_of(json: &str) -> &'static str {
    match json.trim_start().as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "a list",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        Some(b'-' | b'0'..=b'9') => "a number",
        _ => "nothing",
    }
}

/// The outer object of a news API answer: its list of articles, under
/// `articles` or `items`. An object with neither is itself an article.
struct Envelope<'a> {
    articles: Option<&'a RawValue>,
}

impl<'de> Deserialize<'de> for Envelope<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct EnvelopeVisitor;
        impl<'de> Visitor<'de> for EnvelopeVisitor {
            type Value = Envelope<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut articles = None;
                while let Some(key) = map.next_key::<ListKey>()? {
                    match key {
                        ListKey::List if articles.is_none() => {
                            let list: &'de RawValue = map.next_value()?;
                            if list.get() != "null" {
                                articles = Some(list);
                            }
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(Envelope { articles })
            }
        }
        d.deserialize_map(EnvelopeVisitor)
    }
}

/// A key of the outer object: the article list or anything else.
enum ListKey {
    List,
    Other,
}

impl<'de> Deserialize<'de> for ListKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = ListKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<ListKey, E> {
                Ok(if key == "articles" || key == "items" {
                    ListKey::List
                } else {
                    ListKey::Other
                })
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// One article object: the values of its known keys.
struct JsonArticle(Fields);

impl<'de> Deserialize<'de> for JsonArticle {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ArticleVisitor;
        impl<'de> Visitor<'de> for ArticleVisitor {
            type Value = JsonArticle;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an article object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = Fields::default();
                while let Some(KnownKey(rank)) = map.next_key()? {
                    match rank {
                        Some(rank) => {
                            if let Some(field) = field_of(map.next_value()?) {
                                fields.offer(rank, field);
                            }
                        }
                        None => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(JsonArticle(fields))
            }
        }
        d.deserialize_map(ArticleVisitor)
    }
}

/// A key, as its rank among the known keys (`None` for others).
struct KnownKey(Option<usize>);

impl<'de> Deserialize<'de> for KnownKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = KnownKey;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<KnownKey, E> {
                Ok(KnownKey(rank_of(key)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// A JSON value as a metadata field; `null` is a missing value.
fn field_of(value: Value) -> Option<Field> {
    Some(match value {
        Value::Null => return None,
        Value::String(s) => Field::Text(s),
        Value::Number(n) => n
            .as_i64()
            .map_or_else(|| Field::Number(n.to_string()), Field::Integer),
        Value::Bool(_) => Field::Other("a boolean"),
        Value::Array(items) => Field::List(items.into_iter().filter_map(name_of).collect()),
        Value::Object(mut map) => match map.remove("name") {
            Some(Value::String(name)) => Field::Named(name),
            _ => Field::Other("an object"),
        },
    })
}

/// A name in a list: a string, or an object's `name`.
fn name_of(item: Value) -> Option<String> {
    match item {
        Value::String(s) => Some(s),
        Value::Object(mut map) => match map.remove("name") {
            Some(Value::String(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::Severity;
    use crate::loader::draft::Draft;

    fn drafts(text: &str) -> Vec<Draft> {
        let parsed = parse(text);
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        parsed.drafts
    }

    #[test]
    fn a_single_article_object() {
        let d = drafts(
            r#"{
  "title": "Wind farm approved off the east coast",
  "source": "Coast Times",
  "publishedAt": "2025-06-10T08:00:00Z",
  "author": "Ada Byrne",
  "url": "https://coast.example/wind",
  "content": "Planners approved 40 turbines.\r\nWork starts in spring.",
  "urlToImage": "https://coast.example/wind.jpg",
  "tags": ["energy", {"deep": [1, 2, 3]}]
}"#,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, None);
        assert_eq!(
            d[0].title.as_deref(),
            Some("Wind farm approved off the east coast")
        );
        assert_eq!(d[0].source.as_deref(), Some("Coast Times"));
        assert_eq!(d[0].date_text.as_deref(), Some("2025-06-10T08:00:00Z"));
        assert_eq!(d[0].author.as_deref(), Some("Ada Byrne"));
        assert_eq!(d[0].url.as_deref(), Some("https://coast.example/wind"));
        assert_eq!(
            d[0].body,
            "Planners approved 40 turbines.\r\nWork starts in spring."
        );
    }

    #[test]
    fn an_array_numbers_entries_from_one() {
        let d = drafts(
            r#"[{"headline": "Ferry service resumes", "text": "Sailings restart on Friday."},
                {"title": "Library extends hours", "description": "Open until nine."}]"#,
        );
        assert_eq!(d.len(), 2);
        assert_eq!((d[0].line, d[1].line), (Some(1), Some(2)));
        assert_eq!(d[0].title.as_deref(), Some("Ferry service resumes"));
        assert_eq!(d[0].body, "Sailings restart on Friday.");
        assert_eq!(d[1].body, "Open until nine.");
    }

    #[test]
    fn a_news_api_answer_with_articles_or_items() {
        let text = r#"{"status": "ok", "totalResults": 2, "articles": [
            {"source": {"id": null, "name": "Valley Post"}, "author": null,
             "title": "Reservoir levels recover", "description": "Rain refilled the reservoirs.",
             "url": "https://valley.example/r", "publishedAt": "2025-05-02T06:30:00Z",
             "content": "Rain refilled [+1200 chars]"},
            {"source": {"name": "Valley Post"}, "title": "School term dates set", "content": "Term starts 3 September."}
        ]}"#;
        let d = drafts(text);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].source.as_deref(), Some("Valley Post"));
        assert_eq!(d[0].author, None);
        assert_eq!(d[0].body, "Rain refilled the reservoirs.");
        assert_eq!(d[1].line, Some(2));
        let items = drafts(r#"{"items": [{"title": "Feed item", "summary": "Short."}]}"#);
        assert_eq!(items[0].title.as_deref(), Some("Feed item"));
        assert_eq!(items[0].line, Some(1));
    }

    #[test]
    fn author_lists_and_objects() {
        let d = drafts(
            r#"{"title": "T", "byline": ["Ada Byrne", {"name": "Tom Okafor"}, 7], "publisher": {"name": "Harbour Daily"}}"#,
        );
        assert_eq!(d[0].author.as_deref(), Some("Ada Byrne, Tom Okafor"));
        assert_eq!(d[0].source.as_deref(), Some("Harbour Daily"));
    }

    #[test]
    fn a_numeric_date_is_a_timestamp() {
        let d = drafts(r#"{"title": "T", "date": 1751068800}"#);
        assert_eq!(d[0].date, chrono::NaiveDate::from_ymd_opt(2025, 6, 28));
    }

    #[test]
    fn wrong_types_warn_for_that_article_only() {
        let parsed = parse(
            r#"[{"title": 42, "body": "The count was 42. It rose later."},
                {"title": "Bridge reopens", "body": true, "url": ["x"]},
                "just a string",
                {"title": "Fine", "body": "All good."}]"#,
        );
        assert_eq!(parsed.drafts.len(), 3);
        assert_eq!(parsed.drafts[0].title, None);
        assert_eq!(parsed.drafts[0].body, "The count was 42. It rose later.");
        let lines: Vec<_> = parsed.notes.iter().map(|n| (n.line, n.severity)).collect();
        assert_eq!(
            lines,
            vec![
                (Some(1), Severity::Warning),
                (Some(2), Severity::Warning),
                (Some(2), Severity::Warning),
                (Some(3), Severity::Error),
            ]
        );
        assert!(parsed.notes[0].message.contains("`title` is a number"));
        assert_eq!(
            parsed.notes[3].message,
            "not an article: a string, not an object"
        );
    }

    #[test]
    fn truncated_json_is_one_error_with_line_and_column() {
        let parsed = parse("{\n  \"title\": \"Storm\",\n  \"body\": \"Wind");
        assert!(parsed.drafts.is_empty());
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(parsed.notes[0].severity, Severity::Error);
        assert_eq!(
            parsed.notes[0].message,
            "not valid JSON: EOF while parsing a string at line 3 column 15"
        );
        let parsed = parse("[{\"title\": \"a\"},\n {\"title\": \"b\"");
        assert_eq!(parsed.notes.len(), 1);
        assert!(
            parsed.notes[0]
                .message
                .starts_with("not valid JSON: EOF while parsing")
        );
        assert!(
            parsed.notes[0].message.ends_with("at line 2 column 14"),
            "{}",
            parsed.notes[0].message
        );
    }

    #[test]
    fn deep_nesting_is_a_clean_issue() {
        let depth = 100_000;
        let deep_array = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let parsed = parse(&deep_array);
        assert!(parsed.drafts.is_empty());
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(
            parsed.notes[0].message,
            "not an article: a list, not an object"
        );

        let deep_field = format!(r#"{{"title": {}{}}}"#, "[".repeat(depth), "]".repeat(depth));
        let parsed = parse(&deep_field);
        assert!(parsed.drafts.is_empty());
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(
            parsed.notes[0].message,
            "JSON nested too deeply (recursion limit exceeded at line 1 column 137)"
        );
        let parsed = parse(&format!("[{deep_field}]"));
        assert_eq!(parsed.notes[0].line, Some(1));
        assert_eq!(
            parsed.notes[0].message,
            "JSON nested too deeply (recursion limit exceeded at column 137)"
        );

        let unclosed = "{\"a\":".repeat(depth);
        let parsed = parse(&unclosed);
        assert_eq!(parsed.notes.len(), 1);
        assert!(parsed.notes[0].message.starts_with("not valid JSON"));
    }

    #[test]
    fn documents_that_are_not_articles() {
        let parsed = parse("  \"a headline on its own\"  ");
        assert_eq!(
            parsed.notes[0].message,
            "not an article: the JSON document is a string"
        );
        let parsed = parse(r#"{"articles": "none today"}"#);
        assert_eq!(
            parsed.notes[0].message,
            "`articles` is a string, not a list"
        );
        let parsed = parse("<html><body>Not found</body></html>");
        assert!(
            parsed.notes[0]
                .message
                .starts_with("not valid JSON: expected value")
        );
        let parsed = parse("[]");
        assert!(parsed.drafts.is_empty() && parsed.notes.is_empty());
    }

    #[test]
    fn trailing_garbage_is_reported() {
        let parsed = parse("{\"title\": \"x\"} extra");
        assert_eq!(parsed.notes.len(), 1);
        assert!(
            parsed.notes[0].message.contains("trailing characters"),
            "{}",
            parsed.notes[0].message
        );
    }

    #[test]
    fn duplicate_keys_keep_the_first() {
        let d = drafts(r#"{"title": "First", "title": "Second"}"#);
        assert_eq!(d[0].title.as_deref(), Some("First"));
    }
}
