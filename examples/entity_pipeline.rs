//! The entity worker's pipeline, phase by phase: loads articles (a JSON
//! Lines file, a folder, any paths the reader takes), then runs what the
//! app's entity worker runs on them, in its chunks of 64 articles per core,
//! and times each phase apart: highlighting, resolving and preparing for
//! the stories on every core, grouping into stories, appending to the
//! entity index, and building the stories' table the list shows. (The app
//! overlaps the extraction of a chunk with the adding of the one before;
//! here they run one after the other, to be timed apart. For the app's
//! own timing, see `examples/perf.rs --pipeline`.)
//!
//! ```sh
//! cargo run --release --example entity_pipeline -- PATH... [--threads N]
//! ```

#![allow(clippy::cast_precision_loss)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use dateline::article::Article;
use dateline::entities::{self, EntityIndex};
use dateline::loader::{self, Input};
use dateline::stories::{self, Stories};

#[path = "common/cpu.rs"]
mod cpu;
use cpu::cpu_seconds;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    if let Some(at) = args.iter().position(|a| a == "--threads") {
        threads = args
            .get(at + 1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(threads);
        args.drain(at..(at + 2).min(args.len()));
    }
    let inputs: Vec<Input> = args.iter().map(|p| Input::Path(p.into())).collect();
    let start = Instant::now();
    let articles: Vec<Arc<Article>> = loader::load_all(&inputs)
        .articles
        .into_iter()
        .map(Arc::new)
        .collect();
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    println!(
        "loaded {} articles ({:.0} MB of bodies) in {:.2} s; {threads} threads",
        articles.len(),
        bytes as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    let mut index = EntityIndex::new();
    let mut stories = Stories::new();
    let (mut extract, mut group, mut add, mut table) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    let mut extract_cpu = 0.0;
    let mut add_cpu = 0u64;
    let cpu_start = cpu_seconds();
    let mut last_table = Instant::now();
    let mut table_cost = Duration::ZERO;
    let all = Instant::now();
    for chunk in articles.chunks(64 * threads) {
        let t = Instant::now();
        let cpu = cpu_seconds();
        let found = entities::map_all(chunk, |article| {
            let extracted = entities::extract(article);
            let prepared = stories::prepare(Some(&extracted));
            (extracted, prepared)
        });
        let (extracted, prepared): (Vec<_>, Vec<_>) = found.into_iter().unzip();
        extract += t.elapsed();
        extract_cpu += cpu_seconds() - cpu;
        let t = Instant::now();
        stories.add_prepared(chunk, prepared);
        group += t.elapsed();
        let t = Instant::now();
        let on_cpu = thread_cpu_ns();
        index.add_extracted(chunk, extracted);
        add_cpu += thread_cpu_ns().saturating_sub(on_cpu);
        add += t.elapsed();
        // As the worker: a table a second, or ten times as long as the
        // last took to build.
        if last_table.elapsed() >= Duration::from_secs(1).max(table_cost * 10) {
            let t = Instant::now();
            drop(std::hint::black_box(stories.table()));
            table_cost = t.elapsed();
            table += table_cost;
            last_table = Instant::now();
        }
    }
    let t = Instant::now();
    drop(std::hint::black_box(stories.table()));
    table += t.elapsed();
    let secs = |d: Duration| d.as_secs_f64();
    let cpu = cpu_seconds() - cpu_start;
    println!(
        "processor time {cpu:.2} s: extract {extract_cpu:.2} s ({:.1} MB/s per core), the rest {:.2} s",
        bytes as f64 / 1e6 / extract_cpu.max(1e-9),
        cpu - extract_cpu
    );
    println!(
        "all {:.2} s: extract {:.2} s ({:.1} MB/s), stories {:.2} s, index {:.2} s, tables {:.2} s",
        secs(all.elapsed()),
        secs(extract),
        bytes as f64 / 1e6 / secs(extract).max(1e-9),
        secs(group),
        secs(add),
        secs(table)
    );
    println!(
        "index: {:.2} s processor time adding (this thread's, from /proc/thread-self/schedstat)",
        add_cpu as f64 / 1e9
    );
    let mb = |b: usize| b as f64 / 1e6;
    let growing = (index.memory_bytes(), stories.memory_bytes());
    // As the worker does once articles stop arriving.
    index.shrink_to_fit();
    stories.shrink_to_fit();
    println!(
        "entities {}; index {:.0} MB ({:.0} MB while growing), stories {:.0} MB ({:.0} MB)",
        index.entity_count(),
        mb(index.memory_bytes()),
        mb(growing.0),
        mb(stories.memory_bytes()),
        mb(growing.1),
    );
}

/// Nanoseconds this thread has run on a processor (the first field of
/// `/proc/thread-self/schedstat`; 0 elsewhere): unlike wall time, not
/// lengthened by other processes on a loaded machine.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}
