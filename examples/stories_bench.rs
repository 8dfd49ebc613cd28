//! Stories benchmark: generates a news corpus with known stories and
//! near-duplicates (`tests/support/story_corpus.rs`; N articles from the
//! command line, default 10,000), groups it as the app would (articles
//! streamed in batches of 1,000) and reports the pairwise precision and
//! recall of the stories and of the near-duplicates, and the time taken.
//! Given paths instead, loads real articles and prints the largest stories
//! found (without truth to score against).
//!
//! The thresholds can be changed for a run with the environment variables
//! `STORY_SIMILARITY`, `MIN_SHARED` and `DAY_WINDOW`.
//!
//! ```text
//! cargo run --release --example stories_bench [N]
//! cargo run --release --example stories_bench -- PATH...
//! ```

#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use std::sync::Arc;
use std::time::Instant;

use dateline::article::Article;
use dateline::entities::{self, map_all};
use dateline::loader::{self, Input};
use dateline::stories::{self, Settings, Stories, pairwise_quality};

#[path = "common/cpu.rs"]
mod cpu;
use cpu::cpu_seconds;

#[path = "../tests/support/story_corpus.rs"]
mod story_corpus;

const BATCH: usize = 1000;

fn group(articles: &[Arc<Article>]) -> (Stories, f64, f64) {
    let start = Instant::now();
    let prepared = map_all(articles, |article| {
        stories::prepare(Some(&entities::extract(article)))
    });
    let extract_ms = start.elapsed().as_secs_f64() * 1000.0;
    let start = cpu_seconds();
    let mut settings = Settings::default();
    let var = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<f64>().ok());
    if let Some(v) = var("STORY_SIMILARITY") {
        settings.story_similarity = v;
    }
    if let Some(v) = var("MIN_SHARED") {
        settings.min_shared = v as usize;
    }
    if let Some(v) = var("DAY_WINDOW") {
        settings.day_window = v as i32;
    }
    let mut stories = Stories::with_settings(settings);
    let mut prepared = prepared.into_iter();
    for part in articles.chunks(BATCH) {
        stories.add_prepared(part, prepared.by_ref().take(part.len()).collect());
    }
    (stories, extract_ms, (cpu_seconds() - start) * 1000.0)
}

/// Write the generated articles as JSON Lines (title, source, date,
/// body), for comparing `dateline stories` between builds.
fn write_jsonl(articles: &[Article], path: &str) {
    let mut out = String::new();
    for a in articles {
        let line = serde_json::json!({
            "title": a.title,
            "source": a.source,
            "date": a.date.map(|d| d.to_string()),
            "body": a.body,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    if let Err(e) = std::fs::write(path, out) {
        eprintln!("{path}: {e}");
    }
}

/// The stories' memory, part by part, in MB.
fn memory(stories: &Stories) -> String {
    let parts = stories.memory_parts();
    let total: usize = parts.iter().map(|(_, b)| b).sum();
    let list: Vec<String> = parts
        .iter()
        .map(|(name, b)| format!("{name} {:.1}", *b as f64 / 1e6))
        .collect();
    format!("{:.1} MB ({})", total as f64 / 1e6, list.join(", "))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count = match args
        .first()
        .map(|a| a.replace(['_', ','], "").parse::<usize>())
    {
        Some(Ok(n)) => Some(n),
        None => Some(10_000),
        Some(Err(_)) => None,
    };
    let Some(n) = count else {
        real(&args);
        return;
    };
    let start = Instant::now();
    let corpus = story_corpus::generate(n, 9);
    let stories_true = corpus.story.iter().max().map_or(0, |m| m + 1);
    println!(
        "{n} generated articles in {stories_true} stories ({:.0} ms to generate)",
        start.elapsed().as_secs_f64() * 1000.0
    );
    if let Ok(path) = std::env::var("WRITE_JSONL") {
        write_jsonl(&corpus.articles, &path);
    }
    let articles: Vec<Arc<Article>> = corpus.articles.iter().cloned().map(Arc::new).collect();
    let (stories, extract_ms, group_ms) = group(&articles);
    let start = Instant::now();
    let list = stories.stories();
    let list_ms = start.elapsed().as_secs_f64() * 1000.0;
    // What the entity worker sends the list each time it reports.
    let start = Instant::now();
    let table = stories.table();
    let table_ms = start.elapsed().as_secs_f64() * 1000.0;
    drop(table);
    let mut stories = stories;
    let (precision, recall) = pairwise_quality(&stories.labels(), &corpus.story);
    let truth = corpus.duplicate_pairs();
    let found: Vec<(usize, usize)> = list
        .iter()
        .flat_map(|s| s.duplicates.iter().map(|&(a, b, _)| (a.min(b), a.max(b))))
        .collect();
    let right = found.iter().filter(|p| truth.contains(p)).count();
    // Copies of one text found through a chain count as found.
    let labels = stories.labels();
    let together = truth
        .iter()
        .filter(|&&(a, b)| labels[a] == labels[b])
        .count();
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    println!(
        "stories: {} found ({} of two or more articles)",
        list.len(),
        list.iter().filter(|s| s.articles.len() > 1).count()
    );
    println!("stories, pairwise: precision {precision:.3}, recall {recall:.3}");
    println!(
        "near-duplicates: {} pairs true, {} found; precision {:.3}, recall {:.3} (in one story: {:.3})",
        truth.len(),
        found.len(),
        ratio(right, found.len()),
        ratio(right, truth.len()),
        ratio(together, truth.len())
    );
    println!(
        "time: highlight and resolve {extract_ms:.0} ms (every core); group {group_ms:.0} ms \
         ({:.1} µs an article, one core, {} links); list the stories {list_ms:.1} ms \
         (the list's table {table_ms:.1} ms)",
        group_ms * 1000.0 / n.max(1) as f64,
        stories.links(),
    );
    println!("held while growing: {}", memory(&stories));
    stories.shrink_to_fit();
    println!("held after: {}", memory(&stories));
}

fn real(paths: &[String]) {
    let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(p.into())).collect();
    let loaded = loader::load_all(&inputs);
    let articles: Vec<Arc<Article>> = loaded.articles.into_iter().map(Arc::new).collect();
    let (stories, extract_ms, group_ms) = group(&articles);
    let list = stories.stories();
    let multi: Vec<_> = list.iter().filter(|s| s.articles.len() > 1).collect();
    let duplicates: usize = list.iter().map(|s| s.duplicates.len()).sum();
    println!(
        "{} articles: {} stories of two or more articles holding {} articles, {} near-duplicate pairs",
        articles.len(),
        multi.len(),
        multi.iter().map(|s| s.articles.len()).sum::<usize>(),
        duplicates
    );
    let start = cpu_seconds();
    let tables = 10;
    for _ in 0..tables {
        drop(std::hint::black_box(stories.table()));
    }
    let table_ms = (cpu_seconds() - start) * 1000.0 / f64::from(tables);
    println!(
        "time: highlight, resolve and prepare {extract_ms:.0} ms (every core); group {group_ms:.0} ms \
         processor time ({:.1} µs an article); a table {table_ms:.1} ms processor time",
        group_ms * 1000.0 / articles.len().max(1) as f64
    );
    let mut stories = stories;
    println!("held while growing: {}", memory(&stories));
    stories.shrink_to_fit();
    println!("held after: {}", memory(&stories));
    for story in multi.iter().take(
        std::env::var("SHOW")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(40),
    ) {
        println!(
            "\n{} ({} articles, {} near-duplicate pairs)",
            stories
                .article(story.headline)
                .map_or("", |a| a.title.as_str()),
            story.articles.len(),
            story.duplicates.len()
        );
        for &a in story.articles.iter().take(8) {
            if let Some(article) = stories.article(a) {
                println!("    {}  {}", article.origin, article.title);
            }
        }
    }
}
