//! The performance table: for each corpus size, writes a synthetic corpus
//! (see `examples/corpus.rs`) to a temporary folder and measures, on this
//! machine:
//!
//! - reading the folder tree: `find DIR -type f -exec cat {} +` against
//!   `dateline list DIR`;
//! - `dateline list FILE.jsonl`, and `dateline list --filter Q FILE.jsonl`
//!   against `fzf --filter Q < FILE.jsonl` (when fzf is installed) for
//!   `japan` and `ceasefire talks`;
//! - the terminal app's pipeline, in a process of its own: the loader, the
//!   filter worker and the entity worker as the app wires them, timed to
//!   the first batch of articles, to all loaded, to the entity index
//!   complete and to the stories grouped; resident memory once the workers
//!   are idle; all twice with one names cache, so that the second run
//!   reads what the first kept (as the app on a corpus opened again); a
//!   query (`japan`) typed as loading ends, while most bodies still wait
//!   for the filter's index: when its first hits arrive, and when all
//!   articles are searched; then, once the workers are idle, filter
//!   keystrokes typed into the filter worker, each timed until its answer
//!   covers every article (median and 99th percentile);
//! - the real binary in a pseudo-terminal (`examples/first_frame.rs`): the
//!   first frame on screen, all articles listed, names indexed;
//! - the reader opening a 50 MB article (one line of sentences) and paging
//!   down in it (medians of RUNS).
//!
//! Whole-process figures are medians of RUNS runs (3 unless given). With
//! `PERF_KEYS` set, each keystroke's time is printed to standard error.
//!
//! ```sh
//! cargo build --release && cargo run --release --example perf -- [SIZES...] [--runs N] [--corpus FILE.jsonl]
//! ```
//!
//! SIZES default to 1000 10000 100000. `--corpus` measures a JSON Lines
//! file of your own instead (no tree figures).

// Timings and sizes are printed as floating point; precision loss in those
// conversions is irrelevant here.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

#[path = "common/synthetic.rs"]
mod synthetic;

#[path = "common/binary.rs"]
mod binary;

#[path = "common/corpus_files.rs"]
mod corpus_files;

#[path = "common/cpu.rs"]
mod cpu;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use dateline::action::Update;
use dateline::entities;
use dateline::event::{self, EntityWorker, Event, FilterWorker};
use dateline::filter::FilterQuery;
use dateline::loader::Input;

const QUERIES: [&str; 2] = ["japan", "ceasefire talks"];

/// What is typed into the filter worker, key by key, each query from an
/// empty filter bar: one to three terms, with body words. (A quoted phrase
/// is slower: its bodies are read; see `examples/filter_bench.rs`.)
const TYPED: [&str; 4] = [
    "japan",
    "ceasefire talks",
    "minister budget 2025",
    "prime minister",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, path, rest @ ..] = args.as_slice()
        && flag == "--pipeline"
    {
        // `--names-cache DIR`: with the names cache in DIR, as the app.
        let cache = match rest {
            [flag, dir] if flag == "--names-cache" => Some(PathBuf::from(dir)),
            _ => None,
        };
        pipeline(Path::new(path), cache);
        return;
    }
    let mut sizes = Vec::new();
    let mut runs = 3;
    let mut corpus = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => runs = it.next().and_then(|n| n.parse().ok()).unwrap_or(3),
            "--corpus" => corpus = it.next().map(PathBuf::from),
            n => {
                let Ok(n) = n.replace('_', "").parse::<usize>() else {
                    eprintln!("not a size: {n}");
                    std::process::exit(2);
                };
                sizes.push(n);
            }
        }
    }
    if sizes.is_empty() && corpus.is_none() {
        sizes = vec![1_000, 10_000, 100_000];
    }
    let bin = binary::dateline_binary();
    let fzf = Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    println!(
        "dateline {}; fzf {}; {} runs each; {} cores; load average {}",
        bin.display(),
        if fzf { "found" } else { "not installed" },
        runs,
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        load_average()
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut rows = Vec::new();
    if let Some(file) = corpus {
        rows.push(measure(&bin, &file, None, runs, fzf));
    }
    for n in sizes {
        let out = dir.path().join(n.to_string());
        eprintln!("writing {n} articles to {}", out.display());
        corpus_files::write(&out, n, 2025).expect("the corpus is written");
        rows.push(measure(
            &bin,
            &out.join("corpus.jsonl"),
            Some(&out.join("tree")),
            runs,
            fzf,
        ));
        std::fs::remove_dir_all(&out).ok();
    }
    print_table(&rows);
    reader(runs);
    println!("\nload average at the end: {}", load_average());
}

/// The first three fields of `/proc/loadavg` (empty elsewhere).
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default)]
struct Row {
    articles: usize,
    jsonl_mb: f64,
    cat_tree: Option<f64>,
    list_tree: Option<f64>,
    list_jsonl: f64,
    /// Per query: dateline's median, fzf's median (if run), matches of each.
    filter: Vec<(f64, Option<f64>, usize, Option<usize>)>,
    pipeline: Pipeline,
    screen: Screen,
}

#[derive(Default)]
struct Screen {
    first_frame_ms: f64,
    listed_s: f64,
    indexed_s: f64,
    indexed_again_s: f64,
}

#[derive(Default)]
struct Pipeline {
    first_batch_ms: f64,
    loaded_s: f64,
    indexed_s: f64,
    /// With the names cache the first run left.
    indexed_again_s: f64,
    rss_again_mb: f64,
    stories_s: f64,
    rss_mb: f64,
    key_median_ms: f64,
    key_p99_ms: f64,
    keys: usize,
    /// A query typed as loading ends: its first hits, then all searched.
    typed_first_ms: f64,
    typed_all_s: f64,
}

/// Median seconds of `runs` runs of `cmd`, and the lines it printed.
fn time_command(runs: usize, mut cmd: impl FnMut() -> Command) -> (f64, usize) {
    let mut times = Vec::new();
    let mut lines = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let out = cmd()
            .stderr(Stdio::null())
            .output()
            .expect("the command runs");
        times.push(start.elapsed().as_secs_f64());
        lines = memchr::memchr_iter(b'\n', &out.stdout).count();
    }
    (median(&mut times), lines)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

fn measure(bin: &Path, jsonl: &Path, tree: Option<&Path>, runs: usize, fzf: bool) -> Row {
    let mut row = Row {
        jsonl_mb: std::fs::metadata(jsonl).map_or(0.0, |m| m.len() as f64 / 1e6),
        ..Row::default()
    };
    let (list, articles) = time_command(runs, || {
        let mut c = Command::new(bin);
        c.arg("list").arg(jsonl);
        c
    });
    row.list_jsonl = list;
    row.articles = articles;
    eprintln!("{articles} articles: list {list:.2} s");
    if let Some(tree) = tree {
        row.cat_tree = Some(
            time_command(runs, || {
                let mut c = Command::new("sh");
                c.arg("-c")
                    .arg("find \"$0\" -type f -exec cat {} + >/dev/null")
                    .arg(tree);
                c
            })
            .0,
        );
        row.list_tree = Some(
            time_command(runs, || {
                let mut c = Command::new(bin);
                c.arg("list").arg(tree);
                c
            })
            .0,
        );
    }
    for q in QUERIES {
        let (ours, found) = time_command(runs, || {
            let mut c = Command::new(bin);
            c.args(["list", "--filter", q]).arg(jsonl);
            c
        });
        let theirs = fzf.then(|| {
            time_command(runs, || {
                let mut c = Command::new("sh");
                c.arg("-c")
                    .arg("fzf --filter \"$0\" < \"$1\"")
                    .arg(q)
                    .arg(jsonl);
                c
            })
        });
        eprintln!("{q:?}: dateline {ours:.2} s, fzf {theirs:?}");
        row.filter
            .push((ours, theirs.map(|t| t.0), found, theirs.map(|t| t.1)));
    }
    // Twice with one names cache: the first run starts it (as the app's
    // first on a corpus), the second reads it (as every run after).
    let names = tempfile::tempdir().expect("a folder for the names cache");
    let run = || {
        let out = Command::new(std::env::current_exe().expect("this example"))
            .arg("--pipeline")
            .arg(jsonl)
            .arg("--names-cache")
            .arg(names.path())
            .output()
            .expect("the pipeline runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = run();
    let again = run();
    let field = |name: &str| read(&text, name);
    row.screen = first_frame(jsonl);
    row.pipeline = Pipeline {
        first_batch_ms: field("first_batch_ms"),
        loaded_s: field("loaded_s"),
        indexed_s: field("indexed_s"),
        indexed_again_s: read(&again, "indexed_s"),
        rss_again_mb: read(&again, "rss_mb"),
        stories_s: field("stories_s"),
        rss_mb: field("rss_mb"),
        key_median_ms: field("key_median_ms"),
        key_p99_ms: field("key_p99_ms"),
        keys: field("keys") as usize,
        typed_first_ms: field("typed_first_ms"),
        typed_all_s: field("typed_all_s"),
    };
    row
}

fn print_table(rows: &[Row]) {
    let opt = |v: Option<f64>, unit: &str| v.map_or("—".to_string(), |v| format!("{v:.2}{unit}"));
    let ratio = |a: f64, b: Option<f64>| b.map_or("—".to_string(), |b| format!("{:.2}", a / b));
    println!();
    println!(
        "| articles | JSONL | `list` JSONL | tree: `cat` | tree: `list` | ratio | `japan`: dateline | fzf | ratio | `ceasefire talks`: dateline | fzf | ratio |"
    );
    println!(
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for r in rows {
        let f = |i: usize| r.filter.get(i).copied().unwrap_or_default();
        let (jd, jf, jn, jfn) = f(0);
        let (cd, cf, cn, cfn) = f(1);
        let matches = |n: usize, m: Option<usize>| match m {
            Some(m) => format!(" ({n} vs {m})"),
            None => format!(" ({n})"),
        };
        println!(
            "| {} | {:.0} MB | {:.2} s | {} | {} | {} | {:.2} s{} | {} | {} | {:.2} s{} | {} | {} |",
            r.articles,
            r.jsonl_mb,
            r.list_jsonl,
            opt(r.cat_tree, " s"),
            opt(r.list_tree, " s"),
            r.list_tree.map_or("—".into(), |l| ratio(l, r.cat_tree)),
            jd,
            matches(jn, jfn),
            opt(jf, " s"),
            ratio(jd, jf),
            cd,
            matches(cn, cfn),
            opt(cf, " s"),
            ratio(cd, cf),
        );
    }
    println!();
    println!(
        "| articles | app: first batch | all loaded | entity index complete | again (names cached) | stories grouped | resident memory | again | memory / JSONL | keystroke median | p99 | typed while loading: first hits | all searched | terminal: first frame | all listed | names indexed | again |"
    );
    println!(
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for r in rows {
        let p = &r.pipeline;
        println!(
            "| {} | {:.0} ms | {:.2} s | {:.2} s | {:.2} s | {:.2} s | {:.0} MB | {:.0} MB | {:.2} | {:.1} ms | {:.1} ms ({} keys) | {:.0} ms | {:.2} s | {:.0} ms | {:.2} s | {:.2} s | {:.2} s |",
            r.articles,
            p.first_batch_ms,
            p.loaded_s,
            p.indexed_s,
            p.indexed_again_s,
            p.stories_s,
            p.rss_mb,
            p.rss_again_mb,
            p.rss_mb / r.jsonl_mb,
            p.key_median_ms,
            p.key_p99_ms,
            p.keys,
            p.typed_first_ms,
            p.typed_all_s,
            r.screen.first_frame_ms,
            r.screen.listed_s,
            r.screen.indexed_s,
            r.screen.indexed_again_s
        );
    }
}

/// The real binary on `path` in a pseudo-terminal, through
/// `examples/first_frame.rs` (built beside this example).
fn first_frame(path: &Path) -> Screen {
    let exe = std::env::current_exe().expect("this example");
    let Some(tool) = exe.parent().map(|d| d.join("first_frame")) else {
        return Screen::default();
    };
    // Twice with one cache folder: the second run reads the names the
    // first kept.
    let cache = tempfile::tempdir().expect("a cache folder");
    let run = || {
        let out = Command::new(&tool)
            .arg("--cache")
            .arg(cache.path())
            .arg(path)
            .stderr(Stdio::null())
            .output();
        let Ok(out) = out else {
            eprintln!(
                "{} is missing: run `cargo build --release --examples`",
                tool.display()
            );
            return String::new();
        };
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let (text, again) = (run(), run());
    let screen = Screen {
        first_frame_ms: read(&text, "first_frame_ms"),
        listed_s: read(&text, "listed_s"),
        indexed_s: read(&text, "indexed_s"),
        indexed_again_s: read(&again, "indexed_s"),
    };
    eprintln!(
        "in a terminal: first frame {:.1} ms, listed {:.2} s, indexed {:.2} s (again, names cached: {:.2} s)",
        screen.first_frame_ms, screen.listed_s, screen.indexed_s, screen.indexed_again_s
    );
    screen
}

/// The value of `name=value` in a child's output, or NaN.
fn read(text: &str, name: &str) -> f64 {
    text.split_whitespace()
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

/// The reader on one 50 MB article: median ms to open it (lay out and
/// highlight the first screen) and to page down, of `runs` runs.
fn reader(runs: usize) {
    use dateline::app::reader::ReaderView;
    use dateline::article::{Article, ArticleId, Origin};
    let sentence = "Dock workers in Rotterdam said on Monday that 3,800 of them would strike. ";
    let body = sentence.repeat(50 * 1024 * 1024 / sentence.len());
    let origin = Origin::file("long.txt");
    let article = Arc::new(Article {
        id: ArticleId::derive(None, &origin, ""),
        title: "One long line".into(),
        source: "Northline Wire".into(),
        date: None,
        author: None,
        url: None,
        origin,
        body: body.into(),
        tags: Vec::new(),
    });
    let (width, height) = (100, 50);
    let (mut open, mut page) = (Vec::new(), Vec::new());
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let mut view = ReaderView::new(0, Arc::clone(&article), &FilterQuery::default(), width);
        view.settle(height);
        open.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        view.scroll_by(49, height);
        page.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "\nreader, one 50 MB article: open {:.1} ms, page down {:.3} ms (medians of {})",
        median(&mut open),
        median(&mut page),
        runs.max(1)
    );
}

/// Resident memory of this process, in MB.
fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb * 1024.0 / 1e6)
}

/// The app's pipeline on `path`, without a terminal; prints `name=value`
/// pairs for the parent.
fn pipeline(path: &Path, names_cache: Option<PathBuf>) {
    let (tx, rx) = mpsc::channel();
    let shared = entities::shared();
    let filter = FilterWorker::spawn(tx.clone(), Arc::clone(&shared));
    let input = Input::Path(path.to_path_buf());
    let corpus = dateline::state::corpus_key(std::slice::from_ref(&input));
    let entity_worker = EntityWorker::with_cache(
        Arc::clone(&shared),
        tx.clone(),
        filter.busy(),
        names_cache.map(|folder| (folder, corpus)),
    );
    let start = Instant::now();
    event::spawn_loader(vec![input], None, tx);
    let mut articles = Vec::new();
    let (mut first, mut loaded, mut indexed, mut grouped) = (None, None, None, None);
    // Processor time, all threads, when the index is complete.
    let mut indexed_cpu = f64::NAN;
    // A query typed as loading ends, while most bodies still wait to be
    // indexed: when its first hits come, and when all articles are searched.
    let mut typed: Option<Instant> = None;
    let (mut typed_first, mut typed_all) = (None, None);
    // Names are indexed first; the stories are grouped after.
    while indexed.is_none() || grouped.is_none() || (typed.is_some() && typed_all.is_none()) {
        let Ok(event) = rx.recv_timeout(Duration::from_secs(600)) else {
            break;
        };
        match event {
            Event::Update(Update::Loaded(batch)) => {
                first.get_or_insert_with(|| start.elapsed());
                articles.extend(batch.iter().cloned());
                filter.add(batch.clone());
                entity_worker.add(batch);
            }
            Event::Update(Update::LoadFinished) => {
                loaded = Some(start.elapsed());
                filter.query(1, FilterQuery::parse("japan"));
                typed = Some(Instant::now());
            }
            Event::Update(Update::Filtered {
                generation: 1,
                searched,
                ..
            }) => {
                let since = typed.map(|t| t.elapsed());
                typed_first = typed_first.or(since);
                if searched >= articles.len() && typed_all.is_none() {
                    typed_all = since;
                    // The filter bar cleared.
                    filter.query(2, FilterQuery::default());
                }
            }
            Event::Update(Update::EntitiesIndexed(n))
                if loaded.is_some() && n >= articles.len() =>
            {
                indexed = Some(start.elapsed());
                indexed_cpu = cpu::cpu_seconds();
            }
            Event::Update(Update::StoriesGrouped(table))
                if loaded.is_some() && table.of_article.len() >= articles.len() =>
            {
                grouped = Some(start.elapsed());
            }
            _ => {}
        }
    }
    // The workers give spare capacity back once idle for a while.
    std::thread::sleep(Duration::from_millis(
        std::env::var("PERF_IDLE_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(2500),
    ));
    let rss = rss_mb();
    // Generations 1 and 2 went to the query typed while loading.
    let mut times = type_keys(&filter, &rx, articles.len(), 2);
    let keys = times.len();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    let secs = |d: Option<Duration>| d.map_or(f64::NAN, |d| d.as_secs_f64());
    println!(
        "first_batch_ms={:.1} loaded_s={:.3} indexed_s={:.3} indexed_cpu_s={indexed_cpu:.2} stories_s={:.3} rss_mb={rss:.1} key_median_ms={:.2} key_p99_ms={:.2} keys={keys} typed_first_ms={:.1} typed_all_s={:.3}",
        secs(first) * 1000.0,
        secs(loaded),
        secs(indexed),
        secs(grouped),
        at(0.5),
        at(0.99),
        secs(typed_first) * 1000.0,
        secs(typed_all),
    );
}

/// Type [`TYPED`] into the filter worker, key by key, from query
/// generation `generation` on, each time waiting until every one of the
/// `total` articles is searched: each key's time in milliseconds.
fn type_keys(
    filter: &FilterWorker,
    rx: &mpsc::Receiver<Event>,
    total: usize,
    mut generation: u64,
) -> Vec<f64> {
    let mut times = Vec::new();
    for typed in TYPED {
        for end in typed.char_indices().map(|(i, c)| i + c.len_utf8()) {
            generation += 1;
            let query = FilterQuery::parse(&typed[..end]);
            if query.is_empty() {
                // The app lists every article without asking the worker.
                continue;
            }
            let sent = Instant::now();
            filter.query(generation, query);
            loop {
                match rx.recv_timeout(Duration::from_secs(10)) {
                    Ok(Event::Update(Update::Filtered {
                        generation: g,
                        searched,
                        ..
                    })) if g == generation && searched >= total => {
                        break;
                    }
                    Ok(_) => {}
                    Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
                }
            }
            let took = sent.elapsed().as_secs_f64() * 1000.0;
            if std::env::var_os("PERF_KEYS").is_some() {
                eprintln!("{took:8.2} ms  {:?}", &typed[..end]);
            }
            times.push(took);
        }
        // Clearing the filter bar.
        generation += 1;
        filter.query(generation, FilterQuery::default());
    }
    times
}
