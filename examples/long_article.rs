//! How the reader copes with one long article: the time to open it, page,
//! jump to the end, run an idle tick, start a find and rewrap, and the time
//! to lay all of it out in idle ticks.
//!
//! ```sh
//! cargo run --release --example long_article [-- MEGABYTES]
//! ```
//!
//! The article is one line of news sentences, 50 MB without an argument.

use std::sync::Arc;
use std::time::Instant;

use dateline::app::reader::ReaderView;
use dateline::article::{Article, ArticleId, Origin};
use dateline::filter::FilterQuery;

fn main() {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(50);
    let sentence = "Dock workers in Rotterdam said on Monday that 3,800 of them would strike. ";
    let body = sentence.repeat(megabytes * 1024 * 1024 / sentence.len());
    let origin = Origin::file("long.txt");
    let article = Arc::new(Article {
        tags: Vec::new(),
        id: ArticleId::derive(None, &origin, ""),
        title: "One long line".into(),
        source: "Northline Wire".into(),
        date: None,
        author: None,
        url: None,
        origin,
        body: body.into(),
    });
    let (width, height) = (100, 50);
    let time = |what: &str, f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        println!("{what:>12}: {:?}", t.elapsed());
    };
    let mut view = None;
    time("open", &mut || {
        let mut v = ReaderView::new(
            0,
            Arc::clone(&article),
            &FilterQuery::parse("rotterdam"),
            width,
        );
        v.settle(height);
        view = Some(v);
    });
    let mut view = view.expect("opened");
    time("page down", &mut || view.scroll_by(49, height));
    time("bottom", &mut || view.scroll_to_end(height));
    time("idle tick", &mut || view.work(height));
    time("find", &mut || view.find("strike", height));
    time("rewrap", &mut || view.layout(60));
    let t = Instant::now();
    let mut ticks = 0;
    let mut slowest = std::time::Duration::ZERO;
    while view.busy() {
        let tick = Instant::now();
        view.work(height);
        slowest = slowest.max(tick.elapsed());
        ticks += 1;
    }
    println!(
        "{megabytes} MB laid out and searched in {ticks} ticks, {:?} (slowest tick {slowest:?}); {} lines, {} matches",
        t.elapsed(),
        view.lines.len(),
        view.find.matches.len()
    );
}
