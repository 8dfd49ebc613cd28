//! Writing a synthetic corpus to disk, as JSON Lines and as a folder tree
//! (see `examples/corpus.rs`). Uses `crate::synthetic`.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use crate::synthetic::{Cast, Rng, Words, make_news_article};
use dateline::article::Article;

/// Write both forms of the corpus; the bytes written to each.
pub fn write(out: &Path, n: usize, seed: u64) -> std::io::Result<(u64, u64)> {
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
        article.body = paragraphs(&article.body.text(), &mut rng).into();
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
