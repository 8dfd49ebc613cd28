//! Fetching at scale: serves FEEDS feeds of 25 entries each from a server
//! on 127.0.0.1 that waits 50 ms before every answer (a far-away server),
//! and loads them all three times: with an empty cache, again with the
//! cache (every feed answers `304 Not Modified`), and without a cache.
//!
//! ```sh
//! cargo run --release --example fetch_bench [-- FEEDS]
//! ```
//!
//! Without FEEDS, 120. The cache is a temporary folder, removed after.

#[path = "../tests/support/http.rs"]
mod http;

use std::time::{Duration, Instant};

use dateline::fetch::{Cache, Fetcher};
use dateline::loader::{self, Input};
use dateline::subscriptions::Subscription;

const LATENCY: Duration = Duration::from_millis(50);

fn main() {
    let feeds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(120);
    let server = http::Server::start(|request| {
        let tag = format!("\"{}\"", request.path);
        if request.header("if-none-match") == Some(tag.as_str()) {
            return http::Response::status(304).delayed(LATENCY);
        }
        let n = request.path.trim_start_matches("/feed/");
        let entries: Vec<(String, String, String)> = (0..25)
            .map(|i| {
                (
                    format!("Harbour report {n}.{i}: quay {i} reopens"),
                    format!("https://news.example/{n}/{i}"),
                    "The eastern quay reopened to freight after three weeks of repairs, \
                     and 40 ships are expected in the first week."
                        .repeat(6),
                )
            })
            .collect();
        let items: Vec<(&str, &str, &str)> = entries
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str()))
            .collect();
        http::Response::ok(
            "application/rss+xml",
            http::rss(&format!("Desk {n}"), &items),
        )
        .header("ETag", &tag)
        .delayed(LATENCY)
    });
    let inputs: Vec<Input> = (0..feeds)
        .map(|i| Input::Url(Subscription::new(server.url(&format!("/feed/{i}")))))
        .collect();
    let cache = tempfile::tempdir().expect("a temporary folder");
    let cached = Fetcher::new(
        Duration::from_secs(20),
        Some(Cache::new(cache.path().into())),
    );
    let uncached = Fetcher::new(Duration::from_secs(20), None);
    for (what, fetcher) in [
        ("empty cache", &cached),
        ("cache, all 304", &cached),
        ("no cache", &uncached),
    ] {
        let start = Instant::now();
        let loaded = loader::load_all_fetching(&inputs, Some(fetcher));
        let elapsed = start.elapsed();
        let n = u32::try_from(feeds).unwrap_or(u32::MAX).max(1);
        println!(
            "fetch_bench: {feeds} feeds ({what}): {} articles, {} problems in {elapsed:.2?} \
             ({:.1?} a feed; one after another would take at least {:.1?})",
            loaded.articles.len(),
            loaded.issues.len(),
            elapsed / n,
            LATENCY * n,
        );
    }
}
