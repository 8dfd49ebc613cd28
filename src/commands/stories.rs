//! `dateline stories` and `dateline figures`: the articles grouped into
//! stories, and every figure with what it counts, disagreements flagged.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;

use serde::Serialize;

use super::{one_line, write_json};
use crate::article::Article;
use crate::entities::{Extracted, extract_from_spans};
use crate::highlight::{self, EntityKind};
use crate::sanitize;
use crate::stories::figures::{Figure, FigureValue, disagreements, figures as read_figures};
use crate::stories::{Stories, Story};

/// What the two commands need of each article: what the entity index
/// would hold of it, and its figures.
#[derive(Default, Clone)]
struct Read {
    extracted: Extracted,
    figures: Vec<Figure>,
}

fn read_all(articles: &[Arc<Article>]) -> Vec<Read> {
    crate::entities::map_all(articles, |a| {
        let body = a.body.text();
        let spans = highlight::highlight(&body);
        let extracted = extract_from_spans(&body, &spans);
        let figures = read_figures(&body, &spans, a.date);
        Read { extracted, figures }
    })
}

fn group(articles: &[Arc<Article>], read: &[Read]) -> Vec<Story> {
    let extracted: Vec<Extracted> = read.iter().map(|r| r.extracted.clone()).collect();
    let mut stories = Stories::new();
    stories.add(articles, &extracted);
    stories.stories()
}

fn date(article: &Article) -> Option<String> {
    article.date.map(|_| article.date_label())
}

#[derive(Serialize)]
struct StoryRow<'a> {
    id: String,
    headline: &'a str,
    source_count: usize,
    article_count: usize,
    first: Option<String>,
    last: Option<String>,
    sources: &'a [String],
    articles: Vec<StoryArticle<'a>>,
    duplicates: Vec<DuplicateRow>,
}

#[derive(Serialize)]
struct StoryArticle<'a> {
    id: String,
    source: &'a str,
    date: Option<String>,
    title: &'a str,
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    /// Ids of the articles of the story it is a near-duplicate of.
    duplicate_of: Vec<String>,
}

#[derive(Serialize)]
struct DuplicateRow {
    a: String,
    b: String,
    similarity: f32,
}

/// `dateline stories`: one line per story, `id<TAB>N sources<TAB>M
/// articles<TAB>first date<TAB>last date<TAB>headline`, then its articles
/// indented by two spaces, `id<TAB>source<TAB>date<TAB>title`, with
/// `<TAB>near-duplicate of ID[, ID]` after a copy; or one JSON object per
/// story. Stories with most sources first; a lone article is a story of
/// one.
pub fn stories(articles: Vec<Article>, json: bool, out: &mut dyn Write) -> io::Result<()> {
    let articles: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
    let read = read_all(&articles);
    for story in group(&articles, &read) {
        let copies_of = |a: usize| -> Vec<String> {
            story
                .duplicates
                .iter()
                .filter_map(|&(x, y, _)| {
                    let other = if x == a {
                        y
                    } else if y == a {
                        x
                    } else {
                        return None;
                    };
                    Some(articles[other].id.to_string())
                })
                .collect()
        };
        let head = &articles[story.headline];
        let label = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        if json {
            let row = StoryRow {
                id: story.id.to_string(),
                headline: &head.title,
                source_count: story.sources.len(),
                article_count: story.articles.len(),
                first: label(story.first),
                last: label(story.last),
                sources: &story.sources,
                articles: story
                    .articles
                    .iter()
                    .map(|&a| {
                        let article = &articles[a];
                        StoryArticle {
                            id: article.id.to_string(),
                            source: &article.source,
                            date: date(article),
                            title: &article.title,
                            path: article.origin.path.display().to_string(),
                            line: article.origin.line,
                            duplicate_of: copies_of(a),
                        }
                    })
                    .collect(),
                duplicates: story
                    .duplicates
                    .iter()
                    .map(|&(a, b, similarity)| DuplicateRow {
                        a: articles[a].id.to_string(),
                        b: articles[b].id.to_string(),
                        similarity,
                    })
                    .collect(),
            };
            write_json(&mut *out, &row)?;
            writeln!(out)?;
            continue;
        }
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("1 {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            story.id,
            plural(story.sources.len(), "source"),
            plural(story.articles.len(), "article"),
            label(story.first).unwrap_or_default(),
            label(story.last).unwrap_or_default(),
            sanitize::line(&head.title)
        )?;
        for &a in &story.articles {
            let article = &articles[a];
            write!(
                out,
                "  {}\t{}\t{}\t{}",
                article.id,
                sanitize::line(&article.source),
                article.date_label(),
                sanitize::line(&article.title)
            )?;
            let copies = copies_of(a);
            if !copies.is_empty() {
                write!(out, "\tnear-duplicate of {}", copies.join(", "))?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct FigureRow<'a> {
    id: String,
    source: &'a str,
    date: Option<String>,
    kind: EntityKind,
    text: String,
    value: FigureValue,
    counts: &'a str,
    sentence: String,
    start: usize,
    end: usize,
    story: String,
    /// What it counts, when it disagrees with a figure of another article
    /// of its story.
    disagrees: Option<&'a str>,
}

#[derive(Serialize)]
struct DisagreementRow<'a> {
    story: String,
    headline: &'a str,
    concept: &'a str,
    figures: Vec<FigureRow<'a>>,
}

fn figure_row<'a>(
    article: &'a Article,
    body: &str,
    figure: &'a Figure,
    story: &Story,
    disagrees: Option<&'a str>,
) -> FigureRow<'a> {
    FigureRow {
        id: article.id.to_string(),
        source: &article.source,
        date: date(article),
        kind: figure.kind,
        text: body.get(figure.range.clone()).unwrap_or("").to_owned(),
        value: figure.value,
        counts: &figure.counts,
        sentence: one_line(body.get(figure.sentence.clone()).unwrap_or("")),
        start: figure.range.start,
        end: figure.range.end,
        story: story.id.to_string(),
        disagrees,
    }
}

/// `dateline figures`: every number and date, story by story (oldest
/// article first, then text order), one per line:
/// `id<TAB>source<TAB>date<TAB>kind<TAB>text<TAB>value<TAB>counts<TAB>flag<TAB>sentence`,
/// where flag is `≠ CONCEPT` when the figure disagrees with another
/// article's in its story; or JSON Lines. With `only_disagreements`, one
/// line per disagreement instead: `story id<TAB>concept<TAB>3,800
/// dockworkers (Northline Wire, 2026-11-16) · 4,600 members (…)<TAB>headline`.
pub fn figures(
    articles: Vec<Article>,
    json: bool,
    only_disagreements: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let articles: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
    let read = read_all(&articles);
    for story in group(&articles, &read) {
        let lists: Vec<&[Figure]> = story
            .articles
            .iter()
            .map(|&a| read[a].figures.as_slice())
            .collect();
        let found = disagreements(&lists);
        let mut flagged: HashMap<(usize, usize), &str> = HashMap::new();
        for d in &found {
            for f in &d.figures {
                let start = f.figure.range.start;
                flagged.insert((f.article, start), d.concept.as_str());
            }
        }
        if only_disagreements {
            for d in &found {
                let head = &articles[story.headline];
                if json {
                    let row = DisagreementRow {
                        story: story.id.to_string(),
                        headline: &head.title,
                        concept: &d.concept,
                        figures: d
                            .figures
                            .iter()
                            .map(|f| {
                                let article = &articles[story.articles[f.article]];
                                figure_row(
                                    article,
                                    &article.body.text(),
                                    f.figure,
                                    &story,
                                    Some(&d.concept),
                                )
                            })
                            .collect(),
                    };
                    write_json(&mut *out, &row)?;
                    writeln!(out)?;
                } else {
                    let list: Vec<String> = d
                        .figures
                        .iter()
                        .map(|f| {
                            let article = &articles[story.articles[f.article]];
                            let label = f.figure.label(&article.body.text());
                            let mut whence = article.source.clone();
                            if let Some(d) = date(article) {
                                whence = format!("{whence}, {d}");
                            }
                            format!("{label} ({whence})")
                        })
                        .collect();
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}",
                        story.id,
                        sanitize::line(&d.concept),
                        sanitize::line(&list.join(" · ")),
                        sanitize::line(&head.title)
                    )?;
                }
            }
            continue;
        }
        for (k, &a) in story.articles.iter().enumerate() {
            let article = &articles[a];
            let body = article.body.text();
            for figure in &read[a].figures {
                let disagrees = flagged.get(&(k, figure.range.start)).copied();
                let row = figure_row(article, &body, figure, &story, disagrees);
                if json {
                    write_json(&mut *out, &row)?;
                    writeln!(out)?;
                } else {
                    writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        row.id,
                        sanitize::line(row.source),
                        row.date.unwrap_or_default(),
                        row.kind.label(),
                        sanitize::line(&one_line(&row.text)),
                        row.value,
                        sanitize::line(row.counts),
                        disagrees.map(|c| format!("≠ {c}")).unwrap_or_default(),
                        sanitize::line(&row.sentence)
                    )?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleId, Origin};

    fn article(n: usize, source: &str, day: u32, title: &str, body: &str) -> Article {
        let origin = Origin::at_line("news.jsonl", n);
        Article {
            tags: Vec::new(),
            id: ArticleId::derive(None, &origin, title),
            title: title.into(),
            source: source.into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, day),
            author: None,
            url: None,
            origin,
            body: body.into(),
        }
    }

    fn corpus() -> Vec<Article> {
        let strike = "About 3,800 dockworkers led by Anneke Verhoeven of the Havenbond \
            union walked out in Rotterdam on Monday. The Maas Harbour Board said 27 ships \
            were waiting and losses were €18 million a day.";
        let later = "Havenbond said 4,600 of its members were on strike in Rotterdam. \
            Anneke Verhoeven said the Maas Harbour Board had counted 41 vessels, and \
            losses of €25m a day.";
        vec![
            article(1, "Northline Wire", 16, "Dockworkers strike", strike),
            article(2, "Meridian Post", 18, "Ships pile up", later),
            article(
                3,
                "Valley Courier",
                17,
                "Astronomers find water",
                "Water vapour \
                was found around a rocky world 39 light-years away by Amara Lindqvist.",
            ),
            // Wire copy republished with one sentence changed.
            article(
                4,
                "Valley Courier",
                17,
                "Dock strike",
                &strike.replace("Monday", "Monday morning"),
            ),
        ]
    }

    fn text(f: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn stories_print_the_story_then_its_articles_with_copies_marked() {
        let out = text(|o| stories(corpus(), false, o));
        let lines: Vec<&str> = out.lines().collect();
        let head: Vec<&str> = lines[0].split('\t').collect();
        assert_eq!(
            head[1..5],
            ["3 sources", "3 articles", "2026-11-16", "2026-11-18"],
            "{out}"
        );
        assert!(lines[1].starts_with("  ") && lines[1].contains("\tNorthline Wire\t2026-11-16\t"));
        let copy = lines.iter().find(|l| l.contains("\tDock strike")).unwrap();
        assert!(copy.contains("\tnear-duplicate of "), "{out}");
        // The lone article is a story of one.
        assert!(
            lines.iter().any(|l| l.contains("\t1 source\t1 article\t")),
            "{out}"
        );
        assert_eq!(lines.len(), 2 + 4);
    }

    #[test]
    fn stories_json_has_the_same_fields() {
        let out = text(|o| stories(corpus(), true, o));
        let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert_eq!(first["source_count"], 3);
        assert_eq!(first["article_count"], 3);
        assert_eq!(first["first"], "2026-11-16");
        assert_eq!(first["articles"].as_array().unwrap().len(), 3);
        assert_eq!(first["duplicates"].as_array().unwrap().len(), 1);
        let copies: usize = first["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["duplicate_of"].as_array().unwrap().len())
            .sum();
        assert_eq!(copies, 2);
    }

    #[test]
    fn figures_flag_the_counts_that_disagree() {
        let out = text(|o| figures(corpus(), false, false, o));
        let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
        assert!(rows.iter().all(|r| r.len() == 9), "{out}");
        let row = |t: &str| {
            rows.iter()
                .find(|r| r[4] == t)
                .unwrap_or_else(|| panic!("{t}: {out}"))
        };
        assert_eq!(row("3,800")[5], "3800");
        assert_eq!(row("3,800")[6], "dockworkers");
        assert_eq!(row("3,800")[7], "≠ workers");
        assert_eq!(row("4,600")[7], "≠ workers");
        assert_eq!(row("27")[7], "≠ ships");
        assert_eq!(row("€25m")[6], "euros a day");
        assert_eq!(row("€25m")[7], "≠ euros/day");
        assert_eq!(row("Monday")[3], "date");
        assert_eq!(row("Monday")[5], "2026-11-16");
        assert_eq!(row("39")[7], "");
    }

    #[test]
    fn disagreements_read_as_one_line_each() {
        let out = text(|o| figures(corpus(), false, true, o));
        let workers = out.lines().find(|l| l.contains("\tworkers\t")).unwrap();
        assert!(
            workers.contains("3,800 dockworkers (Northline Wire, 2026-11-16) · ")
                && workers.contains("4,600 members (Meridian Post, 2026-11-18)"),
            "{out}"
        );
        let json = text(|o| figures(corpus(), true, true, o));
        let v: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
        assert!(v["figures"].as_array().unwrap().len() >= 2);
    }

    #[test]
    fn nothing_from_an_article_reaches_the_terminal_as_a_control() {
        let mut list = corpus();
        list[0].source = "Wire\u{1b}[2J".into();
        list[0].body = list[0]
            .body
            .text()
            .replace("Monday", "Monday \u{1b}]0;x\u{7} \u{202e}")
            .into();
        for out in [
            text(|o| stories(list.clone(), false, o)),
            text(|o| figures(list.clone(), false, false, o)),
            text(|o| figures(list.clone(), false, true, o)),
            text(|o| stories(list.clone(), true, o)),
            text(|o| figures(list.clone(), true, false, o)),
        ] {
            assert!(
                !out.chars()
                    .any(|c| c != '\n' && c != '\t' && (c.is_control() || sanitize::is_unsafe(c))),
                "{out}"
            );
        }
    }
}
