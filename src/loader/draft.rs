//! What the format parsers hand back: drafts of articles and notes about
//! problems, both placed by line, before the loader knows which file they
//! came from. Finishing a draft applies the rules every format shares.

use std::path::Path;

use chrono::NaiveDate;

use super::reread::Located;
use super::{Severity, dates, title};
use crate::article::{Article, ArticleId, Body, Origin};

/// An article as a format found it: fields still raw, nothing required yet.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Draft {
    /// 1-based line (JSON Lines) or position (JSON arrays) inside the file.
    pub line: Option<usize>,
    pub title: Option<String>,
    pub source: Option<String>,
    /// The date as written; parsed when the draft is finished.
    pub date_text: Option<String>,
    /// A date already known (e.g. from a timestamp); wins over `date_text`.
    pub date: Option<NaiveDate>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub body: String,
    /// Where in the parsed text its line is (byte offset and length), for
    /// JSON Lines.
    pub span: Option<(usize, usize)>,
}

/// A problem found while parsing, at a line of the file if known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    pub line: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

impl Note {
    pub fn warning(line: Option<usize>, message: impl Into<String>) -> Self {
        Self {
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }

    pub fn error(line: Option<usize>, message: impl Into<String>) -> Self {
        Self {
            line,
            severity: Severity::Error,
            message: message.into(),
        }
    }
}

/// Everything one format parser found in one text.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub drafts: Vec<Draft>,
    pub notes: Vec<Note>,
}

/// A metadata value as front matter and JSON give it, before it is known
/// which field it fills.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Field {
    Text(String),
    /// A number, written as text (e.g. `1984` as a front-matter title).
    Number(String),
    /// An integer, which for a date is a Unix timestamp.
    Integer(i64),
    /// A list of texts (authors); other items are dropped.
    List(Vec<String>),
    /// An object with a `name` (a source or an author).
    Named(String),
    /// Anything else, by the name of its type (`a boolean`, `an object`).
    Other(&'static str),
}

impl Field {
    /// The text of a field that must be text; numbers accepted if `lenient`.
    /// Anything else gives a warning naming `key`.
    pub fn into_text(
        self,
        key: &str,
        lenient: bool,
        line: Option<usize>,
        notes: &mut Vec<Note>,
    ) -> Option<String> {
        match self {
            Field::Text(s) | Field::Named(s) => non_empty(s),
            Field::Number(s) if lenient => non_empty(s),
            Field::Integer(n) if lenient => Some(n.to_string()),
            other => {
                notes.push(Note::warning(
                    line,
                    format!("`{key}` is {}, not text; ignored", other.kind()),
                ));
                None
            }
        }
    }

    /// Names (authors): one text, or a list joined with ", ".
    pub fn into_names(
        self,
        key: &str,
        line: Option<usize>,
        notes: &mut Vec<Note>,
    ) -> Option<String> {
        match self {
            Field::List(names) => non_empty(names.join(", ")),
            other => other.into_text(key, false, line, notes),
        }
    }

    /// A date: a text to parse later, or a timestamp.
    pub fn into_date(self, key: &str, draft: &mut Draft, notes: &mut Vec<Note>) {
        match self {
            Field::Integer(n) => match dates::from_timestamp(n) {
                Some(date) => draft.date = Some(date),
                None => notes.push(Note::warning(
                    draft.line,
                    format!("unrecognised date {n}; loaded without a date"),
                )),
            },
            other => draft.date_text = other.into_text(key, true, draft.line, notes),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Field::Text(_) | Field::Named(_) => "text",
            Field::Number(_) | Field::Integer(_) => "a number",
            Field::List(_) => "a list",
            Field::Other(kind) => kind,
        }
    }
}

fn non_empty(s: String) -> Option<String> {
    if s.trim().is_empty() { None } else { Some(s) }
}

/// Where a file's drafts are finished: its origin path, and the source to use
/// for articles whose metadata names none.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place<'a> {
    pub path: &'a Path,
    pub fallback_source: &'a str,
    /// The URL a page was fetched from, for a page that names none.
    pub page_url: Option<&'a str>,
    /// The feed the articles came from, as a urls file lists it: its name
    /// (when given) is their source, its tags theirs.
    pub subscription: Option<&'a crate::subscriptions::Subscription>,
    /// How the bodies can be read again from the file, when they can.
    pub reread: Option<Reread>,
}

/// How a file's bodies can be read again exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reread {
    /// Each from its line; the parsed text starts at this byte of the file
    /// and is the file's bytes as they are.
    Lines { base: u64 },
    /// The file holds one article, parsed in this format.
    Whole(super::format::Format),
}

/// Turn a draft into an article: title from the body's first sentence when
/// missing, date parsed, source from the place when missing, text tidied.
/// A draft with neither title nor body gives an error note instead.
/// A title longer than this many characters is cut (with a warning): every
/// pane shows titles on one line or a few.
pub(crate) const MAX_TITLE_CHARS: usize = 1000;
/// The same for the source and the author.
pub(crate) const MAX_NAME_CHARS: usize = 200;

/// `text` cut to `max` characters, with a warning at `line` naming `what`.
fn capped(
    text: String,
    max: usize,
    what: &str,
    line: Option<usize>,
    notes: &mut Vec<Note>,
) -> String {
    if text.len() <= max || text.chars().nth(max).is_none() {
        return text;
    }
    notes.push(Note::warning(
        line,
        format!("{what} longer than {max} characters; cut"),
    ));
    clip(&text, max)
}

pub(crate) fn finish(draft: Draft, place: Place<'_>, notes: &mut Vec<Note>) -> Option<Article> {
    let Draft {
        line,
        title,
        source,
        date_text,
        date,
        author,
        url,
        body,
        span,
    } = draft;
    let body = tidy_body(body);
    let title = title
        .map(|t| title::one_line(&t))
        .filter(|t| !t.is_empty())
        .or_else(|| title::from_body(&body));
    let Some(title) = title else {
        notes.push(Note::error(line, "no title and no text"));
        return None;
    };
    let title = capped(title, MAX_TITLE_CHARS, "title", line, notes);
    let date = date.or_else(|| {
        let text = date_text?;
        let parsed = dates::parse(&text);
        if parsed.is_none() {
            notes.push(Note::warning(
                line,
                format!(
                    "unrecognised date \"{}\"; loaded without a date",
                    clip(text.trim(), 40)
                ),
            ));
        }
        parsed
    });
    let renamed = place.subscription.and_then(|s| s.title.clone());
    let source = renamed
        .or(source)
        .map(|s| title::one_line(&s))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| place.fallback_source.to_owned());
    let source = capped(source, MAX_NAME_CHARS, "source", line, notes);
    let author = author
        .map(|a| title::one_line(&a))
        .filter(|a| !a.is_empty())
        .map(|a| capped(a, MAX_NAME_CHARS, "author", line, notes));
    let url = url
        .map(|u| u.trim().to_owned())
        .filter(|u| !u.is_empty())
        .or_else(|| place.page_url.map(str::to_owned));
    let origin = Origin {
        path: place.path.to_path_buf(),
        line,
    };
    Some(Article {
        tags: place
            .subscription
            .map(|s| s.tags.clone())
            .unwrap_or_default(),
        id: ArticleId::derive(url.as_deref(), &origin, &title),
        title,
        source,
        date,
        author,
        url,
        body: match (place.reread, span) {
            (Some(Reread::Lines { base }), Some((start, len))) => Body::located(
                body,
                Located::line(&origin.path, base + start as u64, len, line.unwrap_or(0)),
            ),
            (Some(Reread::Whole(format)), _) => {
                Body::located(body, Located::whole(&origin.path, format))
            }
            _ => body.into(),
        },
        origin,
    })
}

/// Line breaks normalised to LF, leading blank lines and trailing whitespace
/// removed (the first line keeps its indentation). Reuses the allocation.
pub(crate) fn tidy_body(mut body: String) -> String {
    if body.contains('\r') {
        body = normalise_newlines(&body);
    }
    let end = body.trim_end().len();
    body.truncate(end);
    let first_text = body
        .char_indices()
        .find(|&(_, c)| !c.is_whitespace())
        .map_or(body.len(), |(i, _)| i);
    let start = body
        .get(..first_text)
        .and_then(|lead| lead.rfind('\n'))
        .map_or(0, |nl| nl + 1);
    body.drain(..start);
    body
}

/// CRLF and lone CR become LF.
pub(crate) fn normalise_newlines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(cr) = rest.find('\r') {
        out.push_str(rest.get(..cr).unwrap_or(""));
        out.push('\n');
        rest = rest.get(cr + 1..).unwrap_or("");
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// At most `max` characters of `s`, with `…` when cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((cut, _)) => format!("{}\u{2026}", s.get(..cut).unwrap_or(s)),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place() -> Place<'static> {
        Place {
            page_url: None,
            subscription: None,
            reread: None,
            path: Path::new("news/reuters/a.txt"),
            fallback_source: "reuters",
        }
    }

    #[test]
    fn a_full_draft_becomes_an_article() {
        let mut notes = Vec::new();
        let draft = Draft {
            title: Some("  Floods hit\n the north ".into()),
            source: Some("The Northern Courier".into()),
            date_text: Some("June 28, 2025".into()),
            author: Some("Ada Byrne".into()),
            url: Some(" https://courier.example/floods ".into()),
            body: "\n\n  Rivers burst their banks overnight.\n\nMore rain is due.\n\n".into(),
            ..Draft::default()
        };
        let article = finish(draft, place(), &mut notes).unwrap();
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(article.title, "Floods hit the north");
        assert_eq!(article.source, "The Northern Courier");
        assert_eq!(article.date_label(), "2025-06-28");
        assert_eq!(article.author.as_deref(), Some("Ada Byrne"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://courier.example/floods")
        );
        assert_eq!(
            article.body,
            "  Rivers burst their banks overnight.\n\nMore rain is due."
        );
        assert_eq!(article.origin, Origin::file("news/reuters/a.txt"));
        assert_eq!(
            article.id,
            ArticleId::derive(Some("https://courier.example/floods"), &article.origin, "")
        );
    }

    #[test]
    fn missing_title_comes_from_the_first_sentence_and_source_from_the_place() {
        let mut notes = Vec::new();
        let draft = Draft {
            line: Some(4),
            body: "Power was restored by noon. Crews stayed on.".into(),
            ..Draft::default()
        };
        let article = finish(draft, place(), &mut notes).unwrap();
        assert_eq!(article.title, "Power was restored by noon");
        assert_eq!(article.source, "reuters");
        assert_eq!(article.origin, Origin::at_line("news/reuters/a.txt", 4));
        assert!(notes.is_empty());
    }

    #[test]
    fn title_only_loads_with_an_empty_body() {
        let mut notes = Vec::new();
        let draft = Draft {
            title: Some("Markets close higher".into()),
            ..Draft::default()
        };
        let article = finish(draft, place(), &mut notes).unwrap();
        assert_eq!(article.body, "");
        assert_eq!(article.title, "Markets close higher");
    }

    #[test]
    fn neither_title_nor_body_is_an_error() {
        let mut notes = Vec::new();
        let draft = Draft {
            line: Some(2),
            title: Some("   ".into()),
            body: " \n ".into(),
            ..Draft::default()
        };
        assert!(finish(draft, place(), &mut notes).is_none());
        assert_eq!(notes, vec![Note::error(Some(2), "no title and no text")]);
    }

    #[test]
    fn an_unparseable_date_warns_and_loads_without_date() {
        let mut notes = Vec::new();
        let draft = Draft {
            title: Some("Budget passed".into()),
            date_text: Some("the day before yesterday".into()),
            ..Draft::default()
        };
        let article = finish(draft, place(), &mut notes).unwrap();
        assert_eq!(article.date, None);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].severity, Severity::Warning);
        assert!(notes[0].message.contains("the day before yesterday"));
    }

    #[test]
    fn tidy_body_normalises_and_trims_blank_lines_only() {
        assert_eq!(
            tidy_body("\r\n \r\n    code\r\nline\rnext\r\n\r\n".into()),
            "    code\nline\nnext"
        );
        assert_eq!(tidy_body("   ".into()), "");
        assert_eq!(tidy_body(String::new()), "");
    }

    #[test]
    fn newlines_normalised() {
        assert_eq!(normalise_newlines("a\r\nb\rc\n\r\nd\r"), "a\nb\nc\n\nd\n");
    }

    #[test]
    fn fields_convert_with_warnings_for_wrong_types() {
        let mut notes = Vec::new();
        assert_eq!(
            Field::Number("1984".into())
                .into_text("title", true, None, &mut notes)
                .as_deref(),
            Some("1984")
        );
        assert_eq!(
            Field::Number("42".into()).into_text("title", false, Some(3), &mut notes),
            None
        );
        assert_eq!(
            notes,
            vec![Note::warning(
                Some(3),
                "`title` is a number, not text; ignored"
            )]
        );
        assert_eq!(
            Field::List(vec!["Ada Byrne".into(), "Tom Okafor".into()])
                .into_names("author", None, &mut notes)
                .as_deref(),
            Some("Ada Byrne, Tom Okafor")
        );
        let mut draft = Draft::default();
        Field::Integer(1_751_068_800).into_date("date", &mut draft, &mut notes);
        assert_eq!(draft.date, NaiveDate::from_ymd_opt(2025, 6, 28));
    }

    #[test]
    fn overlong_titles_sources_and_authors_are_cut_with_a_warning() {
        let mut notes = Vec::new();
        let draft = Draft {
            line: Some(3),
            title: Some("Headline ".repeat(1000)),
            source: Some("Wire".repeat(100)),
            author: Some("é".repeat(300)),
            body: "Body.".into(),
            ..Draft::default()
        };
        let a = finish(draft, place(), &mut notes).unwrap();
        assert_eq!(a.title.chars().count(), MAX_TITLE_CHARS + 1);
        assert!(a.title.ends_with('\u{2026}'));
        assert_eq!(a.source.chars().count(), MAX_NAME_CHARS + 1);
        assert_eq!(a.author.unwrap().chars().count(), MAX_NAME_CHARS + 1);
        let messages: Vec<_> = notes.iter().map(|n| (n.line, n.message.as_str())).collect();
        assert_eq!(
            messages,
            [
                (Some(3), "title longer than 1000 characters; cut"),
                (Some(3), "source longer than 200 characters; cut"),
                (Some(3), "author longer than 200 characters; cut"),
            ]
        );
    }

    #[test]
    fn clip_cuts_on_characters() {
        assert_eq!(clip("été à Paris", 3), "été\u{2026}");
        assert_eq!(clip("short", 10), "short");
    }
}
