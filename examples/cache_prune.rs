//! Pruning the HTTP cache at scale: fills a temporary cache folder with
//! ENTRIES copies of 4 KiB, last used over the past 60 days, and times
//! [`Cache::prune_at`] three ways: with nothing to remove (the usual run),
//! removing those unused for 30 days, and then keeping the rest under
//! half their size.
//!
//! ```sh
//! cargo run --release --example cache_prune [-- ENTRIES]
//! ```
//!
//! Without ENTRIES, 10,000. The folder is removed after.

use std::fs::OpenOptions;
use std::time::{Duration, Instant, SystemTime};

use dateline::fetch::Cache;
use dateline::fetch::cache::{MAX_BYTES, MAX_UNUSED, Meta};

fn main() {
    let entries: u64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let cache = Cache::new(dir.path().to_path_buf());
    let now = SystemTime::now();
    let body = vec![b'x'; 4096];
    for i in 0..entries {
        let url = format!("https://news.example/feed/{i}");
        let meta = Meta {
            url: url.clone(),
            final_url: url.clone(),
            etag: None,
            last_modified: None,
            content_type: Some("application/rss+xml".into()),
            charset: None,
            fetched: 0,
        };
        cache.put(&url, &meta, &body);
        let used = now - Duration::from_secs((i * 7919 % 60) * 86_400 + i % 86_400);
        if let Ok(file) = OpenOptions::new().write(true).open(cache.path_of(&url)) {
            let _ = file.set_modified(used);
        }
    }
    let timed = |what: &str, max_unused: Duration, max_bytes: u64| {
        let start = Instant::now();
        let pruned = cache.prune_at(now, max_unused, max_bytes);
        println!(
            "{what}: {:.1} ms; {} removed ({} KiB), {} kept ({} KiB)",
            start.elapsed().as_secs_f64() * 1000.0,
            pruned.removed,
            pruned.removed_bytes / 1024,
            pruned.kept,
            pruned.kept_bytes / 1024
        );
        pruned
    };
    println!("{entries} copies of 4 KiB");
    timed(
        "nothing to remove",
        Duration::from_secs(90 * 86_400),
        MAX_BYTES,
    );
    let kept = timed("unused for 30 days", MAX_UNUSED, MAX_BYTES);
    timed("over half the size", MAX_UNUSED, kept.kept_bytes / 2);
}
