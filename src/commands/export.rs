//! `dateline export`: the articles the filter shows, with their metadata,
//! the names and numbers found in them, and their read state, as JSON, JSON
//! Lines, Markdown or CSV.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io::{self, Write};
use std::sync::Arc;

use serde::Serialize;

use crate::article::Article;
use crate::highlight::{self, EntityKind};
use crate::sanitize;
use crate::state::{ArticleKey, ReadState};

/// What `export` writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One JSON array of articles.
    Json,
    /// One JSON object per line.
    #[default]
    Jsonl,
    /// A Markdown document: a section per article.
    Md,
    /// A header row, then one row per article (no body).
    Csv,
}

/// A name or number and how often the article has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityCount {
    pub kind: EntityKind,
    pub text: String,
    pub count: usize,
}

/// The distinct names and numbers of `body`, in order of first mention.
pub fn entity_counts(body: &str) -> Vec<EntityCount> {
    let mut counts: Vec<EntityCount> = Vec::new();
    let mut seen: HashMap<(EntityKind, String), usize> = HashMap::new();
    for span in highlight::highlight(body) {
        let Some(text) = body.get(span.start..span.end) else {
            continue;
        };
        // Line breaks inside a name count as spaces.
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match seen.entry((span.kind, text)) {
            Entry::Occupied(at) => counts[*at.get()].count += 1,
            Entry::Vacant(slot) => {
                counts.push(EntityCount {
                    kind: span.kind,
                    text: slot.key().1.clone(),
                    count: 1,
                });
                slot.insert(counts.len() - 1);
            }
        }
    }
    counts
}

#[derive(Serialize)]
struct Row<'a> {
    id: String,
    /// The identity the read state is kept under.
    key: &'a str,
    source: &'a str,
    date: Option<String>,
    title: &'a str,
    author: Option<&'a str>,
    url: Option<&'a str>,
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    /// Absent with `--no-state`.
    #[serde(skip_serializing_if = "Option::is_none")]
    read: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    starred: Option<bool>,
    entities: &'a [EntityCount],
    body: &'a str,
}

/// Write the articles at `order` (positions in `articles`) in `format`.
/// `state` is `None` when the read state is not used.
pub fn export(
    articles: &[Arc<Article>],
    order: &[usize],
    state: Option<&ReadState>,
    format: ExportFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    if format == ExportFormat::Csv {
        write_csv_row(out, CSV_HEADER.iter().map(|h| (*h).to_owned()))?;
    }
    if format == ExportFormat::Json {
        out.write_all(b"[")?;
    }
    let chosen: Vec<&Arc<Article>> = order.iter().filter_map(|&i| articles.get(i)).collect();
    // Highlighting is most of the work: a batch at a time on every core,
    // written in order.
    let batches = chosen.chunks(BATCH);
    let mut n = 0;
    for batch in batches {
        for (article, entities) in batch.iter().zip(crate::entities::map_all(batch, |a| {
            entity_counts(&a.body.text())
        })) {
            write_article(out, article, &entities, state, format, n)?;
            n += 1;
        }
    }
    if format == ExportFormat::Json {
        out.write_all(b"\n]\n")?;
    }
    Ok(())
}

/// How many articles are highlighted before they are written.
const BATCH: usize = 512;

fn write_article(
    out: &mut dyn Write,
    article: &Article,
    entities: &[EntityCount],
    state: Option<&ReadState>,
    format: ExportFormat,
    n: usize,
) -> io::Result<()> {
    let key = ArticleKey::of(article);
    let body = article.body.text();
    let row = Row {
        id: article.id.to_string(),
        key: key.as_str(),
        source: &article.source,
        date: article.date.map(|_| article.date_label()),
        title: &article.title,
        author: article.author.as_deref(),
        url: article.url.as_deref(),
        path: article.origin.path.display().to_string(),
        line: article.origin.line,
        read: state.map(|s| s.is_read(&key)),
        starred: state.map(|s| s.is_starred(&key)),
        entities,
        body: &body,
    };
    match format {
        ExportFormat::Json => {
            out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
            super::write_json(&mut *out, &row)?;
        }
        ExportFormat::Jsonl => {
            super::write_json(&mut *out, &row)?;
            writeln!(out)?;
        }
        ExportFormat::Md => write_markdown(out, &row)?,
        ExportFormat::Csv => write_csv_row(out, csv_fields(&row))?,
    }
    Ok(())
}

const KINDS: [(EntityKind, &str, &str); 6] = [
    (EntityKind::Person, "people", "People"),
    (EntityKind::Organization, "organizations", "Organizations"),
    (EntityKind::Place, "places", "Places"),
    (EntityKind::Name, "names", "Other names"),
    (EntityKind::Number, "numbers", "Figures"),
    (EntityKind::Date, "dates", "Dates"),
];

const CSV_HEADER: [&str; 17] = [
    "id",
    "key",
    "source",
    "date",
    "title",
    "author",
    "url",
    "path",
    "line",
    "read",
    "starred",
    "people",
    "organizations",
    "places",
    "names",
    "numbers",
    "dates",
];

/// The entities of one kind as `text (count); text`, a count only past one.
fn joined(entities: &[EntityCount], kind: EntityKind) -> String {
    entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| {
            if e.count > 1 {
                format!("{} ({})", e.text, e.count)
            } else {
                e.text.clone()
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn yes_no(value: Option<bool>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn csv_fields(row: &Row<'_>) -> Vec<String> {
    let mut fields = vec![
        row.id.clone(),
        row.key.to_owned(),
        row.source.to_owned(),
        row.date.clone().unwrap_or_default(),
        row.title.to_owned(),
        row.author.unwrap_or_default().to_owned(),
        row.url.unwrap_or_default().to_owned(),
        row.path.clone(),
        row.line.map(|l| l.to_string()).unwrap_or_default(),
        yes_no(row.read),
        yes_no(row.starred),
    ];
    fields.extend(KINDS.iter().map(|(kind, _, _)| joined(row.entities, *kind)));
    fields
}

/// One CSV record (RFC 4180): a field with a comma, quote, line break or
/// space at either end is quoted, its quotes doubled; unsafe characters are
/// shown as the sanitizer shows them; records end in CRLF.
fn write_csv_row(out: &mut dyn Write, fields: impl IntoIterator<Item = String>) -> io::Result<()> {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        let field = sanitize::text(&field);
        let quote = field.contains([',', '"', '\n', '\r'])
            || field.starts_with(char::is_whitespace)
            || field.ends_with(char::is_whitespace);
        if quote {
            write!(out, "\"{}\"", field.replace('"', "\"\""))?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(b"\r\n")
}

/// One article as a Markdown section: the title as a heading, a list of its
/// metadata, state and entities, the body, a rule.
fn write_markdown(out: &mut dyn Write, row: &Row<'_>) -> io::Result<()> {
    let line = |s: &str| sanitize::line(s).into_owned();
    writeln!(out, "## {}\n", line(row.title))?;
    writeln!(out, "- Source: {}", line(row.source))?;
    if let Some(date) = &row.date {
        writeln!(out, "- Date: {date}")?;
    }
    if let Some(author) = row.author {
        writeln!(out, "- Author: {}", line(author))?;
    }
    if let Some(url) = row.url {
        writeln!(out, "- URL: <{}>", line(url))?;
    }
    match row.line {
        Some(n) => writeln!(out, "- File: {}:{n}", line(&row.path))?,
        None => writeln!(out, "- File: {}", line(&row.path))?,
    }
    writeln!(out, "- Id: {}", row.id)?;
    if let (Some(read), Some(starred)) = (row.read, row.starred) {
        let word = |b: bool| if b { "yes" } else { "no" };
        writeln!(out, "- Read: {} · Starred: {}", word(read), word(starred))?;
    }
    for (kind, _, label) in KINDS {
        let list = joined(row.entities, kind);
        if !list.is_empty() {
            writeln!(out, "- {label}: {}", line(&list))?;
        }
    }
    let body = sanitize::text(row.body);
    writeln!(out, "\n{}\n\n---\n", body.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleId, Origin};

    fn article(n: usize, title: &str, body: &str) -> Arc<Article> {
        let origin = Origin::at_line("news.jsonl", n);
        Arc::new(Article {
            tags: Vec::new(),
            id: ArticleId::derive(None, &origin, title),
            title: title.into(),
            source: "Northline Wire".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 16),
            author: Some("Hendrik Boerma".into()),
            url: Some(format!("https://wire.test/{n}")),
            origin,
            body: body.into(),
        })
    }

    fn corpus() -> Vec<Arc<Article>> {
        vec![
            article(
                1,
                "Dockworkers strike in Rotterdam",
                "About 3,800 dockworkers at Rotterdam walked out on Monday, union chief Anneke Verhoeven said. Verhoeven said Rotterdam would stay shut.",
            ),
            article(
                2,
                "Rates held, \"for now\"",
                "The bank kept its rate at 3.5%.",
            ),
        ]
    }

    fn run(format: ExportFormat, state: Option<&ReadState>) -> String {
        let mut out = Vec::new();
        export(&corpus(), &[0, 1], state, format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn entities_are_counted_once_per_name() {
        let counts = entity_counts(&corpus()[0].body.text());
        let rotterdam = counts
            .iter()
            .find(|c| c.text == "Rotterdam")
            .expect("Rotterdam");
        assert_eq!((rotterdam.kind, rotterdam.count), (EntityKind::Place, 2));
        assert!(
            counts
                .iter()
                .any(|c| c.kind == EntityKind::Number && c.text == "3,800")
        );
        assert!(counts.iter().any(|c| c.kind == EntityKind::Person));
    }

    #[test]
    fn json_is_one_array_and_jsonl_one_object_a_line_with_state() {
        let mut state = ReadState::default();
        let first = ArticleKey::of(&corpus()[0]);
        state.set_read(&first, true);
        state.toggle_star(&first);
        let json: serde_json::Value =
            serde_json::from_str(&run(ExportFormat::Json, Some(&state))).unwrap();
        let rows = json.as_array().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["read"], true);
        assert_eq!(rows[0]["starred"], true);
        assert_eq!(rows[1]["read"], false);
        assert_eq!(rows[0]["key"], "url:https://wire.test/1");
        assert_eq!(rows[0]["line"], 1);
        assert!(
            rows[0]["entities"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["text"] == "Rotterdam" && e["kind"] == "place" && e["count"] == 2)
        );
        let jsonl = run(ExportFormat::Jsonl, None);
        let lines: Vec<serde_json::Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1]["title"], "Rates held, \"for now\"");
        assert!(lines[0].get("read").is_none());
        let empty = {
            let mut out = Vec::new();
            export(&corpus(), &[], None, ExportFormat::Json, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&empty).unwrap(),
            serde_json::json!([])
        );
    }

    #[test]
    fn articles_come_out_in_the_order_asked_across_batches() {
        let many: Vec<Arc<Article>> = (1..=BATCH * 2 + 7)
            .map(|n| {
                article(
                    n,
                    &format!("Story {n}"),
                    &format!("Anna Berg counted {n} ships."),
                )
            })
            .collect();
        let order: Vec<usize> = (0..many.len()).rev().collect();
        let mut out = Vec::new();
        export(&many, &order, None, ExportFormat::Jsonl, &mut out).unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), many.len());
        for (row, &i) in lines.iter().zip(&order) {
            assert_eq!(row["line"], i + 1);
            let n = (i + 1).to_string();
            assert!(
                row["entities"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|e| e["text"] == n.as_str()),
                "{row}"
            );
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let text = run(ExportFormat::Csv, Some(&ReadState::default()));
        let records: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(records.len(), 4, "{text}");
        assert_eq!(records[0], CSV_HEADER.join(","));
        assert!(
            records[2].contains(",\"Rates held, \"\"for now\"\"\","),
            "{}",
            records[2]
        );
        assert!(records[1].contains(",false,false,"));
        assert!(records[1].contains("Rotterdam (2)"), "{}", records[1]);
        assert_eq!(records[3], "");
    }

    #[test]
    fn markdown_has_a_section_per_article() {
        let text = run(ExportFormat::Md, Some(&ReadState::default()));
        assert_eq!(
            text.matches("\n## ").count() + usize::from(text.starts_with("## ")),
            2
        );
        assert!(text.starts_with(
            "## Dockworkers strike in Rotterdam\n\n- Source: Northline Wire\n- Date: 2026-11-16\n"
        ));
        assert!(text.contains("- Places: Rotterdam (2)"));
        assert!(text.contains("- Read: no · Starred: no"));
        assert!(text.contains("\nThe bank kept its rate at 3.5%.\n\n---\n"));
    }

    #[test]
    fn nothing_unsafe_reaches_the_terminal_in_any_format() {
        let hostile = vec![article(1, "\u{1b}]0;owned\u{7}", "\u{1b}[2J body \u{202e}")];
        for format in [
            ExportFormat::Json,
            ExportFormat::Jsonl,
            ExportFormat::Md,
            ExportFormat::Csv,
        ] {
            let mut out = Vec::new();
            export(&hostile, &[0], None, format, &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(
                !text
                    .chars()
                    .any(|c| c != '\n' && c != '\r' && sanitize::is_unsafe(c)),
                "{format:?}: {text:?}"
            );
        }
    }
}
