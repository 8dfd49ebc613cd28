//! Filter benchmark: generates N synthetic news articles (deterministically;
//! N from the command line, default 100,000), indexes them in batches of 512
//! as the loader streams them, and times searches typed keystroke by
//! keystroke.
//!
//! ```text
//! cargo run --release --example filter_bench [N] [QUERY]
//! ```
//!
//! With a QUERY, only that query is timed (200 runs), for profiling.
//!
//! ```text
//! cargo run --release --example filter_bench -- --corpus FILE.jsonl [RUNS]
//! ```
//!
//! With `--corpus`, the articles of a JSON Lines file are indexed instead,
//! and the filter bar's typing is replayed on them as the filter worker
//! does it (each keystroke narrowing the last one's results), RUNS times
//! (3 unless given): each keystroke's median time is printed, then the
//! median and 99th percentile over all of them. With `PERF_QUERY` set,
//! only that query is typed. With `PERF_SPILL` set, the bodies are let go
//! once indexed, as in the terminal app (phrases are then checked on texts
//! read back from the file), and reading one back is timed too.

// Timings and sizes are printed as floating point; precision loss in those
// conversions is irrelevant here.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use dateline::article::Article;
use dateline::filter::{FilterQuery, Lookups, SearchIndex, SearchResults};

#[path = "common/synthetic.rs"]
mod synthetic;

#[path = "common/cpu.rs"]
mod cpu;
use cpu::cpu_seconds;

use synthetic::{Rng, Words, make_article};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and 99th percentile of `runs` timings of `f`.
fn time(runs: usize, f: impl FnMut()) -> (f64, f64) {
    let (_, median, p99) = time3(runs, f);
    (median, p99)
}

/// Minimum, median and 99th percentile of `runs` timings of `f`.
fn time3(runs: usize, mut f: impl FnMut()) -> (f64, f64, f64) {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            ms(start.elapsed())
        })
        .collect();
    t.sort_by(f64::total_cmp);
    let at = |q: f64| t[((t.len() - 1) as f64 * q).round() as usize];
    (at(0.0), at(0.5), at(0.99))
}

fn main() {
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() == Some("--corpus") {
        let path = args.next().expect("--corpus needs a file");
        let runs = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
        type_on_corpus(std::path::Path::new(&path), runs);
        return;
    }
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.replace('_', "").parse().ok())
        .unwrap_or(100_000);
    let mut rng = Rng(0x0000_ddb1_a5e5);
    let words = Words::new(&mut rng, 60_000);
    let (index, articles) = build(n, &mut rng, &words);
    report_memory(&index, &articles);
    if let Some(q) = std::env::args().nth(2) {
        let parsed = FilterQuery::parse(&q);
        let hits = index.search(&parsed).len();
        let (min, median, p99) = time3(200, || {
            std::hint::black_box(index.search(&parsed));
        });
        println!("{q:?}: {hits} hits, {min:.2} ms min, {median:.2} ms median, {p99:.2} ms p99");
        return;
    }
    run_queries(&index, &words);
}

/// What perf's pipeline types, key by key, from an empty filter bar.
const TYPED: [&str; 4] = [
    "japan",
    "ceasefire talks",
    "minister budget 2025",
    "prime minister",
];

/// Index the articles of `path` in batches of 512 and replay the typing of
/// [`TYPED`] `runs` times, narrowing as the filter worker does.
fn type_on_corpus(path: &std::path::Path, runs: usize) {
    let loaded = dateline::loader::load_all(&[dateline::loader::Input::Path(path.to_path_buf())]);
    let articles: Vec<Arc<Article>> = loaded.articles.into_iter().map(Arc::new).collect();
    let mut index = SearchIndex::new();
    let (start, cpu) = (Instant::now(), cpu_seconds());
    for batch in articles.chunks(512) {
        index.add(batch);
    }
    println!("articles            {}", articles.len());
    println!(
        "index build         {:.0} ms, processor time {:.2} s",
        ms(start.elapsed()),
        cpu_seconds() - cpu
    );
    if std::env::var_os("PERF_SPILL").is_some() {
        spill(&articles);
    }
    let typed: Vec<String> = match std::env::var("PERF_QUERY") {
        Ok(q) => vec![q],
        Err(_) => TYPED.iter().map(ToString::to_string).collect(),
    };
    let cancel = AtomicBool::new(false);
    // Per keystroke (query typed so far), its times over the runs.
    let mut keys: Vec<(String, usize, Vec<f64>)> = Vec::new();
    for _ in 0..runs {
        let mut k = 0;
        for q in &typed {
            let mut previous: Option<SearchResults> = None;
            for end in q.char_indices().map(|(i, c)| i + c.len_utf8()) {
                let query = FilterQuery::parse(&q[..end]);
                if query.is_empty() {
                    continue;
                }
                let start = Instant::now();
                previous =
                    index.search_narrowing(&query, &Lookups::default(), previous.as_ref(), &cancel);
                let took = ms(start.elapsed());
                if keys.len() <= k {
                    let hits = previous.as_ref().map_or(0, |r| r.hits.len());
                    keys.push((q[..end].to_string(), hits, Vec::new()));
                }
                keys[k].2.push(took);
                k += 1;
            }
        }
    }
    let mut all = Vec::new();
    for (q, hits, times) in &mut keys {
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        println!("{median:>8.2} ms  {hits:>7} hits  {q:?}");
        all.extend(times.iter().copied());
    }
    all.sort_by(f64::total_cmp);
    let at = |q: f64| all[((all.len() - 1) as f64 * q).round() as usize];
    println!(
        "{} keystrokes x {runs} runs: median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        keys.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    );
}

/// Let every body go, as the terminal app does once both indexers have
/// read it, and time reading a thousand of them back (opening an article).
fn spill(articles: &[Arc<Article>]) {
    for a in articles {
        for _ in 0..dateline::article::INDEXERS {
            a.body.indexed();
        }
    }
    let held = articles.iter().filter(|a| a.body.is_held()).count();
    let step = (articles.len() / 1000).max(1);
    let mut times: Vec<f64> = articles
        .iter()
        .step_by(step)
        .map(|a| {
            let start = Instant::now();
            let text = a.body.read().map_or(0, |t| t.len());
            std::hint::black_box(text);
            ms(start.elapsed())
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "bodies let go: {} of {} still held; reading one back: median {:.3} ms, p99 {:.3} ms ({} read)",
        held,
        articles.len(),
        at(0.5),
        at(0.99),
        times.len()
    );
}

/// Generate and index `n` articles in batches of 512, printing the time
/// spent indexing (generation not counted).
fn build(n: usize, rng: &mut Rng, words: &Words) -> (SearchIndex, Vec<Arc<Article>>) {
    let mut index = SearchIndex::new();
    let mut articles: Vec<Arc<Article>> = Vec::with_capacity(n);
    let mut indexing = Duration::ZERO;
    let mut processor = 0.0;
    let mut batch_times = Vec::new();
    let mut i = 0;
    while i < n {
        let batch: Vec<Arc<Article>> = (i..n.min(i + 512))
            .map(|k| Arc::new(make_article(rng, words, k)))
            .collect();
        let (start, cpu) = (Instant::now(), cpu_seconds());
        index.add(&batch);
        let took = start.elapsed();
        processor += cpu_seconds() - cpu;
        indexing += took;
        batch_times.push(ms(took));
        i += batch.len();
        articles.extend(batch);
    }
    batch_times.sort_by(f64::total_cmp);
    println!("articles            {n}");
    println!(
        "index build         {:.0} ms total, {:.2} ms median / {:.2} ms max per batch of 512",
        ms(indexing),
        batch_times
            .get(batch_times.len() / 2)
            .copied()
            .unwrap_or(0.0),
        batch_times.last().copied().unwrap_or(0.0),
    );
    println!("index processor     {processor:.2} s");
    (index, articles)
}

fn report_memory(index: &SearchIndex, articles: &[Arc<Article>]) {
    let n = articles.len();
    let corpus: usize = articles
        .iter()
        .map(|a| a.title.len() + a.source.len() + a.body.len())
        .sum();
    let article_heap: usize = articles
        .iter()
        .map(|a| {
            size_of::<Article>()
                + 16 // Arc counts
                + a.title.capacity()
                + a.source.capacity()
                + a.body.held_bytes()
                + a.origin.path.capacity()
                + size_of::<Arc<Article>>()
        })
        .sum();
    let index_bytes = index.memory_bytes();
    let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
    println!(
        "corpus text         {:.1} MiB (titles, sources, bodies)",
        mib(corpus)
    );
    println!(
        "vocabulary          {} words, {} postings",
        index.vocabulary_len(),
        index.postings_len()
    );
    println!(
        "index memory        {:.1} MiB ({:.0} bytes per article, {:.1}% of the corpus)",
        mib(index_bytes),
        index_bytes as f64 / n.max(1) as f64,
        100.0 * index_bytes as f64 / corpus.max(1) as f64
    );
    println!(
        "articles + index    {:.1} MiB = {:.2} x corpus",
        mib(article_heap + index_bytes),
        (article_heap + index_bytes) as f64 / corpus.max(1) as f64
    );
}

fn run_queries(index: &SearchIndex, words: &Words) {
    // Queries built from words the generator uses, typed key by key.
    let common = words.words[60].clone();
    let mid = words.words[700].clone();
    let rare = words.words[20_000].clone();
    let mut queries: Vec<String> = Vec::new();
    for w in [mid.as_str(), "ceasefire"] {
        for end in 1..=w.len() {
            if w.is_char_boundary(end) {
                queries.push(w[..end].to_string());
            }
        }
    }
    queries.extend([
        rare.clone(),
        format!("{common} {mid}"),
        format!("{mid} {rare}"),
        format!("japan {common} {mid}"),
        format!("'{mid} !{common}"),
        format!("^{mid} | {rare}$"),
        "minister 2024".to_string(),
        "40,005".to_string(),
        "zür".to_string(),
        "e".to_string(),
        "t".to_string(),
    ]);
    let runs = 30;
    println!("\nquery (release build; {runs} runs each)       hits   min ms  median ms   p99 ms");
    let mut medians = Vec::new();
    for q in &queries {
        let parsed = FilterQuery::parse(q);
        let hits = index.search(&parsed).len();
        let (min, median, p99) = time3(runs, || {
            std::hint::black_box(index.search(&parsed));
        });
        medians.push(median);
        println!(
            "{:<40} {hits:>7} {min:>8.2} {median:>10.2} {p99:>8.2}",
            format!("{q:?}")
        );
    }

    // Keystroke by keystroke with narrowing, as the filter bar does it.
    let cancel = AtomicBool::new(false);
    let typed = format!("{mid} {common}");
    let (median, p99) = time(runs, || {
        let mut previous: Option<SearchResults> = None;
        for end in 1..=typed.len() {
            let q = FilterQuery::parse(&typed[..end]);
            previous = index.search_narrowing(&q, &Lookups::default(), previous.as_ref(), &cancel);
        }
    });
    println!(
        "\ntyping {typed:?} ({} keystrokes) with narrowing: {median:.2} ms median, {p99:.2} ms p99 in all",
        typed.len()
    );
    let (median, p99) = time(runs, || {
        for end in 1..=typed.len() {
            std::hint::black_box(index.search(&FilterQuery::parse(&typed[..end])));
        }
    });
    println!("the same without narrowing:           {median:.2} ms median, {p99:.2} ms p99");
    medians.sort_by(f64::total_cmp);
    println!(
        "\nslowest query median: {:.2} ms",
        medians.last().copied().unwrap_or(0.0)
    );
}
