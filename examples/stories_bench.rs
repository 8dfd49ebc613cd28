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
use dateline::entities::extract_all;
use dateline::loader::{self, Input};
use dateline::stories::{Settings, Stories, pairwise_quality};

#[path = "../tests/support/story_corpus.rs"]
mod story_corpus;

const BATCH: usize = 1000;

fn group(articles: &[Arc<Article>]) -> (Stories, f64, f64) {
    let start = Instant::now();
    let extracted = extract_all(articles, cores());
    let extract_ms = start.elapsed().as_secs_f64() * 1000.0;
    let start = Instant::now();
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
    for (part, found) in articles.chunks(BATCH).zip(extracted.chunks(BATCH)) {
        stories.add(part, found);
    }
    (stories, extract_ms, start.elapsed().as_secs_f64() * 1000.0)
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
         (the list's table {table_ms:.1} ms); about {} MB held",
        group_ms * 1000.0 / n.max(1) as f64,
        stories.links(),
        stories.memory_bytes() / 1_000_000
    );
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
    println!("time: highlight and resolve {extract_ms:.0} ms; group {group_ms:.0} ms");
    for story in multi.iter().take(40) {
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

/// The cores to highlight on.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}
