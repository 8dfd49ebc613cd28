//! How long saving and reading the state file takes, and how big it gets,
//! for a reader with many articles marked: N read (URL keys like a news
//! site's), a tenth of them starred, and 100 corpora with a place each.
//! Written to a temporary folder, removed after.
//!
//! ```sh
//! cargo run --release --example state_file -- [N]
//! ```
//!
//! N is 100,000 unless given.

// Times are printed as floating point; precision loss there is irrelevant.
#![allow(clippy::cast_precision_loss)]

use std::time::Instant;

use dateline::article::{Article, ArticleId, Body, Origin};
use dateline::state::store::StateFile;
use dateline::state::{ArticleKey, Place, ReadState};

fn key(n: usize) -> ArticleKey {
    let url = format!(
        "https://news.example/2026/{:02}/{:02}/story-about-something-{n}",
        n % 12 + 1,
        n % 28 + 1
    );
    let origin = Origin::file(format!("news/{n}.txt"));
    ArticleKey::of(&Article {
        tags: Vec::new(),
        id: ArticleId::derive(Some(&url), &origin, ""),
        title: String::new(),
        source: String::new(),
        date: None,
        author: None,
        url: Some(url),
        origin,
        body: Body::default(),
    })
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.replace('_', "").parse().ok())
        .unwrap_or(100_000);
    let mut state = ReadState::default();
    for i in 0..n {
        let k = key(i);
        state.set_read(&k, true);
        if i % 10 == 0 {
            state.toggle_star(&k);
        }
    }
    for c in 0..100 {
        state.set_place(
            &format!("/home/reader/news/{c}"),
            Place {
                article: key(c),
                scroll: c * 7,
            },
        );
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("dateline/state.json");
    let file = StateFile::open(&path).file;
    let runs = 5;
    let start = Instant::now();
    for _ in 0..runs {
        file.save(&state).expect("saved");
    }
    let save = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let start = Instant::now();
    for _ in 0..runs {
        let opened = StateFile::open(&path);
        assert_eq!(opened.state.read_count(), n);
    }
    let open = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    println!(
        "{n} read, {} starred, 100 places: {:.1} MB; save {save:.1} ms (fsync included), open {open:.1} ms (mean of {runs})",
        state.starred_count(),
        size as f64 / 1e6
    );
}
