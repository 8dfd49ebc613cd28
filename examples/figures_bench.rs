//! Figures pane benchmark: generates N articles with known stories
//! (`tests/support/story_corpus.rs`, default 100,000), indexes them as the
//! entity worker would, then times what the figures pane (`F`) does on the
//! UI thread: opening it (rows from the index, sorted by article date),
//! each sort, narrowing as a figure and a source are typed, then as words
//! of the figures' sentences are typed, reading the
//! rows of one screen (their articles and stories highlighted again), and
//! Enter.
//!
//! ```text
//! cargo run --release --example figures_bench [N]
//! ```

use std::sync::Arc;
use std::time::Instant;

use dateline::app::figures::FiguresPane;
use dateline::article::Article;
use dateline::entities::{EntityIndex, extract_all};
use dateline::stories::Stories;

#[path = "../tests/support/story_corpus.rs"]
mod story_corpus;

/// Figures on a screen of 40 rows.
const SCREEN: usize = 17;

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// A key typed in the pane: the first slice of the search (what the key
/// costs before the screen is drawn and keys are read again), the screen
/// read, and the whole search done slice after slice.
fn typed_line(pane: &mut FiguresPane, articles: &[Arc<Article>], typed: &str) {
    let start = Instant::now();
    pane.refresh(articles);
    let slice = ms(start);
    let t = Instant::now();
    pane.prepare(articles, SCREEN);
    let screen = ms(t);
    let mut slices = 1;
    let mut longest = slice;
    while pane.searching() {
        let t = Instant::now();
        pane.work(articles);
        longest = longest.max(ms(t));
        slices += 1;
    }
    println!(
        "typed {typed:?}: {} shown, first slice {slice:.1} ms, screen read in {screen:.1} ms, \
         all found in {:.1} ms ({slices} slices, longest {longest:.1} ms)",
        pane.matches.len(),
        ms(start)
    );
}

fn main() {
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.replace(['_', ','], "").parse::<usize>().ok())
        .unwrap_or(100_000);
    let corpus = story_corpus::generate(n, 9);
    let articles: Vec<Arc<Article>> = corpus.articles.into_iter().map(Arc::new).collect();
    let start = Instant::now();
    let extracted = extract_all(&articles);
    let mut stories = Stories::new();
    stories.add(&articles, &extracted);
    let table = Arc::new(stories.table());
    let mut index = EntityIndex::new();
    index.add_extracted(&articles, extracted);
    println!(
        "{n} articles indexed and grouped in {:.0} ms (not on the UI thread)",
        ms(start)
    );

    let start = Instant::now();
    let mut pane = FiguresPane::new(&index, &articles, None, Some(Arc::clone(&table)));
    println!(
        "open: {} figures in {} articles, sorted by article date: {:.1} ms",
        pane.rows.len(),
        pane.articles,
        ms(start)
    );
    for _ in 0..3 {
        let start = Instant::now();
        pane.cycle_sort(&articles);
        println!("sort by {}: {:.1} ms", pane.sort.label(), ms(start));
    }
    let start = Instant::now();
    pane.prepare(&articles, SCREEN);
    println!(
        "first screen read (articles and stories): {:.1} ms",
        ms(start)
    );
    let mut typed = String::new();
    for c in "3800 wire".chars() {
        typed.push(c);
        pane.input.clone_from(&typed);
        typed_line(&mut pane, &articles, &typed);
    }
    let start = Instant::now();
    let target = pane.target(&articles);
    println!("Enter: {target:?} in {:.2} ms", ms(start));
    // Words found in the figures' sentences: each article holding one has
    // its sentences with it highlighted.
    for text in ["ships", "cost workers"] {
        let mut typed = String::new();
        for c in text.chars() {
            typed.push(c);
            pane.input.clone_from(&typed);
            typed_line(&mut pane, &articles, &typed);
        }
    }
}
