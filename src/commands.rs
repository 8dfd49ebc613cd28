//! The subcommands for scripts: the same articles, filter and highlights as
//! the terminal app, printed as lines of text or JSON; [`export`] writes
//! them with their entities and read state for other tools.

pub mod export;

use std::io::{self, Write};
use std::sync::Arc;

use serde::Serialize;

use chrono::NaiveDate;

use crate::article::Article;
use crate::entities::EntityIndex;
use crate::filter::{FilterQuery, Lookups, Marks, SearchIndex};
use crate::highlight::{self, EntityKind};
use crate::sanitize;
use crate::state::{ArticleKey, ReadState};

mod stories;
pub use stories::{figures, stories};

/// `dateline list`: the articles the filter bar would show for `filter`, in
/// its order; every article in load order without one. `is:` terms match
/// what `state` remembers (nothing is read or starred without it).
pub fn list(
    articles: Vec<Article>,
    filter: Option<&str>,
    state: Option<&ReadState>,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let articles: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
    let order = filtered(&articles, filter, state);
    for i in order {
        let Some(article) = articles.get(i) else {
            continue;
        };
        if json {
            write_json(&mut *out, &ListRow::from(&**article))?;
            writeln!(out)?;
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                article.id,
                sanitize::line(&article.source),
                article.date_label(),
                sanitize::line(&article.title)
            )?;
        }
    }
    Ok(())
}

/// Whether `filter` asks for what the read state remembers (`is:` terms):
/// only then need a command that filters read it.
pub fn filter_needs_state(filter: Option<&str>) -> bool {
    filter.is_some_and(|f| FilterQuery::parse(f).has_marks())
}

/// The positions of the articles the filter bar would show for `filter`, in
/// its order; every article in load order without one. `is:` terms match
/// what `state` remembers of each article.
pub fn filtered(
    articles: &[Arc<Article>],
    filter: Option<&str>,
    state: Option<&ReadState>,
) -> Vec<usize> {
    match filter.map(FilterQuery::parse) {
        Some(query) if !query.is_empty() => {
            let mut index = SearchIndex::for_query(articles, &query);
            if let Some(state) = state.filter(|_| query.has_marks()) {
                for (i, article) in articles.iter().enumerate() {
                    let key = ArticleKey::of(article);
                    index.set_marks(
                        i,
                        Marks {
                            read: state.is_read(&key),
                            starred: state.is_starred(&key),
                        },
                    );
                }
            }
            let lookups = if query.needs_entities() {
                query.lookup(&entity_index(articles))
            } else {
                Lookups::default()
            };
            index
                .search_with(&query, &lookups)
                .into_iter()
                .map(|hit| hit.index)
                .collect()
        }
        _ => (0..articles.len()).collect(),
    }
}

/// The entity index of `articles`, highlighting them on every core.
pub fn entity_index(articles: &[Arc<Article>]) -> EntityIndex {
    let extracted = crate::entities::extract_all(articles);
    let mut index = EntityIndex::new();
    index.add_extracted(articles, extracted);
    index
}

/// JSON in which every character [`sanitize`] replaces on screen is written
/// as a `\uXXXX` escape: `serde_json` escapes C0 controls but leaves DEL, C1
/// controls and bidi overrides as they are, and a terminal may act on those.
/// To a JSON parser the text is the same.
struct TerminalSafeJson;

impl serde_json::ser::Formatter for TerminalSafeJson {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut from = 0;
        for (i, c) in fragment.char_indices() {
            if sanitize::is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[from..i])?;
                // Every unsafe character is in the Basic Multilingual Plane.
                write!(writer, "\\u{:04x}", u32::from(c))?;
                from = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[from..])
    }
}

/// One JSON value, as [`TerminalSafeJson`] writes it.
fn write_json(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, TerminalSafeJson);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: String,
    source: &'a str,
    date: Option<String>,
    title: &'a str,
    author: Option<&'a str>,
    url: Option<&'a str>,
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
}

impl<'a> From<&'a Article> for ListRow<'a> {
    fn from(a: &'a Article) -> Self {
        Self {
            id: a.id.to_string(),
            source: &a.source,
            date: a.date.map(|_| a.date_label()),
            title: &a.title,
            author: a.author.as_deref(),
            url: a.url.as_deref(),
            path: a.origin.path.display().to_string(),
            line: a.origin.line,
        }
    }
}

/// One publisher: how many articles, and the dates they span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSummary {
    pub source: String,
    pub articles: usize,
    /// The oldest and newest article dates (undated articles aside).
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// The sources of `articles`, the one with most articles first, ties by
/// name.
pub fn source_summaries(articles: &[Article]) -> Vec<SourceSummary> {
    let mut by_name: std::collections::HashMap<&str, SourceSummary> =
        std::collections::HashMap::new();
    for a in articles {
        let entry = by_name
            .entry(a.source.as_str())
            .or_insert_with(|| SourceSummary {
                source: a.source.clone(),
                articles: 0,
                first: None,
                last: None,
            });
        entry.articles += 1;
        if let Some(d) = a.date {
            entry.first = Some(entry.first.map_or(d, |f| f.min(d)));
            entry.last = Some(entry.last.map_or(d, |l| l.max(d)));
        }
    }
    let mut out: Vec<SourceSummary> = by_name.into_values().collect();
    out.sort_by(|a, b| {
        b.articles
            .cmp(&a.articles)
            .then_with(|| a.source.cmp(&b.source))
    });
    out
}

/// `dateline sources`: one line per source, `source<TAB>articles<TAB>first
/// date<TAB>last date` (dates empty when none is known), or JSON Lines.
/// With `unread` (the read state, or `None` when it is not kept), a fifth
/// column (a field `unread` in JSON) counts the source's unread articles.
pub fn sources(
    articles: &[Article],
    unread: Option<Option<&ReadState>>,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let counts = unread.map(|state| unread_by_source(articles, state));
    for summary in source_summaries(articles) {
        let unread = counts
            .as_ref()
            .map(|c| c.get(summary.source.as_str()).copied().unwrap_or(0));
        if json {
            let row = SourceRow {
                source: &summary.source,
                articles: summary.articles,
                first: date(summary.first),
                last: date(summary.last),
                unread,
            };
            write_json(&mut *out, &row)?;
            writeln!(out)?;
        } else {
            write!(
                out,
                "{}\t{}\t{}\t{}",
                sanitize::line(&summary.source),
                summary.articles,
                date(summary.first).unwrap_or_default(),
                date(summary.last).unwrap_or_default()
            )?;
            match unread {
                Some(n) => writeln!(out, "\t{n}")?,
                None => writeln!(out)?,
            }
        }
    }
    Ok(())
}

/// The unread articles of each source, by name: all of them without a
/// read state.
fn unread_by_source<'a>(
    articles: &'a [Article],
    state: Option<&ReadState>,
) -> std::collections::HashMap<&'a str, usize> {
    let mut counts = std::collections::HashMap::new();
    for article in articles {
        let read = state.is_some_and(|s| s.is_read(&ArticleKey::of(article)));
        *counts.entry(article.source.as_str()).or_insert(0) += usize::from(!read);
    }
    counts
}

#[derive(Serialize)]
struct SourceRow<'a> {
    source: &'a str,
    articles: usize,
    first: Option<String>,
    last: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unread: Option<usize>,
}

/// What `dateline mentions` found: whether the name matched any entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Some,
    NoSuchName,
}

/// `dateline mentions NAME`: every mention of the entities the name stands
/// for (as the filter's `person:`, `org:`, `place:` and `name:` terms
/// resolve it, over all four kinds), one per line:
/// `id<TAB>source<TAB>date<TAB>title<TAB>sentence`, or JSON Lines that
/// also give the entity, its kind and the mention's byte range in the body.
/// The most mentioned entity first; within it, the source with most
/// mentions first; within a source, oldest article first.
pub fn mentions(
    articles: Vec<Article>,
    name: &str,
    json: bool,
    out: &mut dyn Write,
) -> io::Result<Found> {
    let articles: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
    let index = entity_index(&articles);
    let kinds = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Name,
    ];
    let ids = index.resolve(name, &kinds);
    for id in &ids {
        for group in index.mentions(*id, None) {
            for m in &group.mentions {
                let Some(article) = index.article(m.article) else {
                    continue;
                };
                let text = article.body.text();
                let sentence = text.get(m.sentence.clone()).unwrap_or("");
                if json {
                    let row = MentionRow {
                        id: article.id.to_string(),
                        source: &article.source,
                        date: article.date.map(|_| article.date_label()),
                        title: &article.title,
                        sentence,
                        entity: index.name(*id),
                        kind: index.kind(*id),
                        start: m.range.start,
                        end: m.range.end,
                        path: article.origin.path.display().to_string(),
                        line: article.origin.line,
                    };
                    write_json(&mut *out, &row)?;
                    writeln!(out)?;
                } else {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}",
                        article.id,
                        sanitize::line(&article.source),
                        article.date_label(),
                        sanitize::line(&article.title),
                        sanitize::line(&one_line(sentence))
                    )?;
                }
            }
        }
    }
    Ok(if ids.is_empty() {
        Found::NoSuchName
    } else {
        Found::Some
    })
}

/// White space runs (line breaks included) as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Serialize)]
struct MentionRow<'a> {
    id: String,
    source: &'a str,
    date: Option<String>,
    title: &'a str,
    sentence: &'a str,
    entity: &'a str,
    kind: EntityKind,
    start: usize,
    end: usize,
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
}

#[derive(Serialize)]
struct EntitySpan<'a> {
    start: usize,
    end: usize,
    kind: EntityKind,
    text: &'a str,
}

#[derive(Serialize)]
struct EntitiesRow<'a> {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    id: String,
    title: &'a str,
    body: &'a str,
    spans: Vec<EntitySpan<'a>>,
}

/// `dateline entities`: the names and numbers of each article, as JSON Lines
/// or as readable lines (`kind<TAB>text` under each article's title).
pub fn entities(articles: &[Article], jsonl: bool, out: &mut dyn Write) -> io::Result<()> {
    for article in articles {
        let body = &*article.body.text();
        let spans: Vec<EntitySpan> = highlight::highlight(body)
            .into_iter()
            .filter_map(|s| {
                Some(EntitySpan {
                    start: s.start,
                    end: s.end,
                    kind: s.kind,
                    text: body.get(s.start..s.end)?,
                })
            })
            .collect();
        if jsonl {
            let row = EntitiesRow {
                path: article.origin.path.display().to_string(),
                line: article.origin.line,
                id: article.id.to_string(),
                title: &article.title,
                body,
                spans,
            };
            write_json(&mut *out, &row)?;
            writeln!(out)?;
        } else {
            writeln!(out, "{}\t{}", article.id, sanitize::line(&article.title))?;
            for span in spans {
                writeln!(
                    out,
                    "  {}\t{}",
                    span.kind.label(),
                    sanitize::line(span.text)
                )?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleId, Origin};

    fn article(title: &str, source: &str, body: &str, line: usize) -> Article {
        let origin = Origin::at_line("news.jsonl", line);
        Article {
            tags: Vec::new(),
            id: ArticleId::derive(None, &origin, title),
            title: title.into(),
            source: source.into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 18),
            author: None,
            url: Some(format!("https://example.test/{line}")),
            origin,
            body: body.into(),
        }
    }

    fn run_list(articles: Vec<Article>, filter: Option<&str>, json: bool) -> String {
        let mut out = Vec::new();
        list(articles, filter, None, json, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn list_prints_tab_separated_rows() {
        let out = run_list(
            vec![article(
                "Port strike\tbegins",
                "Northline Wire",
                "Dock workers.",
                1,
            )],
            None,
            false,
        );
        let fields: Vec<&str> = out.trim_end().split('\t').collect();
        assert_eq!(fields.len(), 4);
        assert_eq!(fields[0].len(), 12);
        assert_eq!(
            &fields[1..],
            ["Northline Wire", "2026-11-18", "Port strike begins"]
        );
    }

    #[test]
    fn list_json_has_every_field() {
        let out = run_list(vec![article("T", "S", "B", 4)], None, true);
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        for key in [
            "id", "source", "date", "title", "author", "url", "path", "line",
        ] {
            assert!(v.get(key).is_some(), "{key} missing in {out}");
        }
        assert_eq!(v["line"], 4);
        assert_eq!(v["path"], "news.jsonl");
    }

    #[test]
    fn list_never_prints_control_sequences() {
        let out = run_list(
            vec![article("\u{1b}]0;owned\u{7}", "S\u{1b}[2J", "B", 1)],
            None,
            false,
        );
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'));
    }

    #[test]
    fn entities_jsonl_spans_point_into_body() {
        let mut out = Vec::new();
        let a = article(
            "T",
            "S",
            "Anneke Verhoeven said 1,250 workers stopped on Monday in Rotterdam.",
            1,
        );
        entities(&[a], true, &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let body = v["body"].as_str().unwrap();
        for span in v["spans"].as_array().unwrap() {
            let (s, e) = (
                span["start"].as_u64().unwrap(),
                span["end"].as_u64().unwrap(),
            );
            let (s, e) = (usize::try_from(s).unwrap(), usize::try_from(e).unwrap());
            assert_eq!(&body[s..e], span["text"].as_str().unwrap());
        }
    }

    #[test]
    fn json_escapes_what_a_terminal_would_act_on_and_means_the_same() {
        let title = "T\u{1b}]0;x\u{7} \u{9b}2J \u{202e}rtl\u{7f} caf\u{e9} \u{1f600}";
        let out = run_list(vec![article(title, "S\u{2066}", "B", 1)], None, true);
        assert!(
            !out.chars()
                .any(|c| c != '\n' && (c.is_control() || sanitize::is_unsafe(c))),
            "{out}"
        );
        assert!(
            out.contains("\\u009b") && out.contains("\\u202e") && out.contains("\\u007f"),
            "{out}"
        );
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert_eq!(v["title"], title);
        assert_eq!(v["source"], "S\u{2066}");
    }
}
