//! Writes a synthetic news corpus to try dateline on and to benchmark it:
//! N articles of about 3 KB (titles, sources, dates across 2025, bodies
//! naming people, organizations and places, with figures), the same
//! articles twice over:
//!
//! - `OUT/corpus.jsonl`: one JSON object per line (`title`, `source`,
//!   `date`, `author`, `url`, `body`);
//! - `OUT/tree/SOURCE/YYYY-MM/N.txt`: one text file per article, a header
//!   block of `Title:`, `Date:` and `Author:` lines, then the body (the
//!   source is the folder's name).
//!
//! ```sh
//! cargo run --release --example corpus -- OUT [N] [SEED]
//! ```
//!
//! N is 10,000 unless given (`100_000` works too); the same N and SEED
//! always give the same bytes.

// Sizes are printed as floating point; precision loss there is irrelevant.
#![allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]

#[path = "common/synthetic.rs"]
mod synthetic;

#[path = "common/corpus_files.rs"]
mod corpus_files;

use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo run --release --example corpus -- OUT [N] [SEED]");
        std::process::exit(2);
    };
    let number = |i: usize, default: u64| -> u64 {
        args.get(i)
            .map_or(Some(default), |a| a.replace('_', "").parse().ok())
            .unwrap_or_else(|| {
                eprintln!("not a number: {}", args[i]);
                std::process::exit(2)
            })
    };
    let n = usize::try_from(number(1, 10_000)).unwrap_or(usize::MAX);
    let seed = number(2, 2025);
    let start = Instant::now();
    let (jsonl, txt) = corpus_files::write(&out, n, seed).unwrap_or_else(|e| {
        eprintln!("cannot write {}: {e}", out.display());
        std::process::exit(1)
    });
    println!(
        "{n} articles in {:.1} s: {} ({:.1} MB) and {} ({:.1} MB in {n} files)",
        start.elapsed().as_secs_f64(),
        out.join("corpus.jsonl").display(),
        jsonl as f64 / 1e6,
        out.join("tree").display(),
        txt as f64 / 1e6,
    );
}
