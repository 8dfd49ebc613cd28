//! Timing of what the read state costs at scale: ARTICLES synthetic
//! articles from 200 sources, all but a few marked read in the state, then
//! what a reader does: stream them into the app (each one's source counts
//! its unread), jump to the next unread article when it is far away (the
//! worst case: every article passed over is looked up), mark one read, draw
//! the grouped list with its unread counts; and `dateline list --filter
//! is:unread` as a script runs it.
//!
//! ```sh
//! cargo run --release --example unread_bench [-- ARTICLES]
//! ```
//!
//! Each figure is the median of several runs, in milliseconds.

use std::sync::Arc;
use std::time::Instant;

use dateline::action::{Action, Update};
use dateline::app::App;
use dateline::article::{Article, ArticleId, Origin};
use dateline::commands;
use dateline::state::{ArticleKey, ReadState};
use dateline::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn articles(n: usize) -> Vec<Arc<Article>> {
    (0..n)
        .map(|i| {
            let title = format!("Harbour report number {i} on ships and rates");
            let origin = Origin::at_line("bench.jsonl", i + 1);
            let url = (i % 2 == 0).then(|| format!("https://wire.test/{i}"));
            Arc::new(Article {
                id: ArticleId::derive(url.as_deref(), &origin, &title),
                date: chrono::NaiveDate::from_yo_opt(2026, 1 + u32::try_from(i % 365).unwrap_or(0)),
                body: format!("{title}. The port said on Monday that {i} ships waited.").into(),
                title,
                source: format!("Publisher {:03}", (i * 7) % 200),
                author: None,
                url,
                origin,
                tags: Vec::new(),
            })
        })
        .collect()
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let all = articles(n);
    // Everything read but the first and the last article.
    let mut state = ReadState::default();
    for article in &all[1..n - 1] {
        state.set_read(&ArticleKey::of(article), true);
    }
    let size = Rect::new(0, 0, 120, 40);
    let mut bare = App::new(size);
    let start = Instant::now();
    for batch in all.chunks(1_000) {
        bare.update(Update::Loaded(batch.to_vec()));
    }
    let without = start.elapsed().as_secs_f64() * 1000.0;
    drop(bare);
    let mut app = App::new(size);
    app.start_from(state.clone(), "bench".into());
    let start = Instant::now();
    for batch in all.chunks(1_000) {
        app.update(Update::Loaded(batch.to_vec()));
    }
    let stream = start.elapsed().as_secs_f64() * 1000.0;
    app.update(Update::LoadFinished);
    let unread: usize = (0..app.sources.len()).map(|s| app.unread_of(s)).sum();
    println!(
        "{n} articles, {unread} unread, from {} sources",
        app.sources.len()
    );
    println!("  stream without a state:                {without:8.1} ms in all");
    println!("  stream with the state, unread counted: {stream:8.1} ms in all");

    // From the first article, the next unread is the last: every article
    // between is passed over; and back round the end.
    let far = median_ms(9, || {
        app.update(Action::NextUnread(1));
        app.update(Action::NextUnread(1));
    }) / 2.0;
    println!("  next unread, {} articles apart:   {far:8.2} ms", n - 1);
    app.update(Action::ToggleGroups);
    let grouped = median_ms(9, || {
        app.update(Action::NextUnread(1));
        app.update(Action::NextUnread(1));
    }) / 2.0;
    println!("  the same, grouped by source:         {grouped:8.2} ms");
    let toggle = median_ms(51, || app.update(Action::ToggleRead));
    println!("  mark read or unread:                 {toggle:8.3} ms");
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).expect("backend");
    let frame = median_ms(21, || {
        terminal.draw(|f| ui::render(f, &app)).expect("draw");
    });
    println!("  draw a frame, grouped, with counts:  {frame:8.3} ms");

    let filtered = median_ms(5, || {
        let hits = commands::filtered(&all, Some("is:unread"), Some(&state));
        assert_eq!(hits.len(), 2);
    });
    println!("  list --filter is:unread (no load):   {filtered:8.1} ms");
}
