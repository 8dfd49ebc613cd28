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

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use dateline::article::Article;
use synthetic::{Cast, Rng, Words, make_news_article};

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
    let (jsonl, txt) = write(&out, n, seed).unwrap_or_else(|e| {
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

/// Write both forms of the corpus; the bytes written to each.
fn write(out: &Path, n: usize, seed: u64) -> std::io::Result<(u64, u64)> {
    let mut rng = Rng(seed);
    let words = Words::new(&mut rng, 60_000);
    let cast = Cast::new(&mut rng, (n / 4).clamp(50, 50_000));
    let tree = out.join("tree");
    fs::create_dir_all(&tree)?;
    let mut jsonl = BufWriter::new(fs::File::create(out.join("corpus.jsonl"))?);
    let (mut jsonl_bytes, mut txt_bytes) = (0u64, 0u64);
    let mut folders = std::collections::HashSet::new();
    for i in 0..n {
        let mut article = make_news_article(&mut rng, &words, &cast, i);
        article.body = paragraphs(&article.body, &mut rng);
        let (given, surname) = &cast.people[cast.pick(&mut rng)];
        article.author = Some(format!("{given} {surname}"));
        let date = article
            .date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let line = serde_json::json!({
            "title": article.title,
            "source": article.source,
            "date": date,
            "author": article.author,
            "url": format!("https://news.example/{}/{i}", slug(&article.source)),
            "body": article.body,
        })
        .to_string();
        jsonl.write_all(line.as_bytes())?;
        jsonl.write_all(b"\n")?;
        jsonl_bytes += line.len() as u64 + 1;
        let folder = tree
            .join(&article.source)
            .join(date.get(..7).unwrap_or("undated"));
        if folders.insert(folder.clone()) {
            fs::create_dir_all(&folder)?;
        }
        let text = text_file(&article, &date);
        fs::write(folder.join(format!("{i}.txt")), &text)?;
        txt_bytes += text.len() as u64;
    }
    jsonl.flush()?;
    Ok((jsonl_bytes, txt_bytes))
}

/// The body in paragraphs of two to five sentences.
fn paragraphs(body: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(body.len() + 64);
    let mut left = 2 + rng.below(4);
    for sentence in body.split_inclusive(". ") {
        left -= 1;
        if left == 0 {
            out.push_str(sentence.trim_end());
            out.push_str("\n\n");
            left = 2 + rng.below(4);
        } else {
            out.push_str(sentence);
        }
    }
    out.truncate(out.trim_end().len());
    out
}

fn text_file(article: &Article, date: &str) -> String {
    format!(
        "Title: {}\nDate: {date}\nAuthor: {}\n\n{}\n",
        article.title,
        article.author.as_deref().unwrap_or(""),
        article.body
    )
}

fn slug(source: &str) -> String {
    source
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase()
}
