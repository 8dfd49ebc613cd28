//! Timing of the document list grouped by source at scale: builds ARTICLES
//! synthetic articles from SOURCES sources, streams them into the app in
//! batches of 1,000 with the list grouped, then times what a reader does:
//! switch grouping on and off, hop to the next source, move, draw a frame,
//! open the source picker and type in it, filter the grouped list.
//!
//! ```sh
//! cargo run --release --example sources_bench [-- ARTICLES [SOURCES]]
//! ```
//!
//! Each figure is the median of several runs, in milliseconds.

use std::sync::Arc;
use std::time::Instant;

use dateline::action::{Action, Update};
use dateline::app::App;
use dateline::article::{Article, ArticleId, Origin};
use dateline::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const WORDS: &[&str] = &[
    "strike",
    "port",
    "harbour",
    "rates",
    "bank",
    "drought",
    "reservoir",
    "election",
    "mayor",
    "telescope",
    "final",
    "cup",
    "talks",
    "deal",
    "union",
    "ships",
    "budget",
    "court",
    "storm",
];

fn articles(n: usize, sources: usize) -> Vec<Arc<Article>> {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % 1_000_003).unwrap_or(0)
    };
    (0..n)
        .map(|i| {
            let title: Vec<&str> = (0..6).map(|_| WORDS[next() % WORDS.len()]).collect();
            let title = title.join(" ");
            let source = format!("Publisher {:03}", next() % sources);
            let origin = Origin::at_line("bench.jsonl", i + 1);
            let day = u32::try_from(next() % 365).unwrap_or(0);
            Arc::new(Article {
                tags: Vec::new(),
                id: ArticleId::derive(None, &origin, &title),
                date: chrono::NaiveDate::from_yo_opt(2026, 1 + day),
                body: format!("{title}. The {} said on Monday.", WORDS[i % WORDS.len()]).into(),
                title,
                source,
                author: None,
                url: None,
                origin,
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
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let sources: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let all = articles(n, sources);
    let size = Rect::new(0, 0, 120, 40);

    let stream = |grouped: bool| {
        let mut app = App::new(size);
        if grouped {
            app.update(Action::ToggleGroups);
        }
        let start = Instant::now();
        for batch in all.chunks(1_000) {
            app.update(Update::Loaded(batch.to_vec()));
        }
        (app, start.elapsed().as_secs_f64() * 1000.0)
    };
    let (_, flat_ms) = stream(false);
    let (mut app, grouped_ms) = stream(true);
    app.update(Update::LoadFinished);
    println!(
        "{n} articles from {} sources, streamed in batches of 1,000",
        app.sources.len()
    );
    println!("  stream, flat list:        {flat_ms:8.1} ms in all");
    println!("  stream, grouped list:     {grouped_ms:8.1} ms in all");

    let toggle = median_ms(9, || {
        app.update(Action::ToggleGroups);
        app.update(Action::ToggleGroups);
    });
    println!("  group and ungroup:        {toggle:8.2} ms");
    let hop = median_ms(51, || app.update(Action::NextSource(1)));
    println!("  next source (grouped):    {hop:8.3} ms");
    let step = median_ms(51, || app.update(Action::Move(1)));
    println!("  move one row (grouped):   {step:8.3} ms");
    app.update(Action::ToggleGroups);
    let flat_hop = median_ms(51, || app.update(Action::NextSource(1)));
    println!("  next source (flat):       {flat_hop:8.3} ms");
    app.update(Action::ToggleGroups);

    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).expect("backend");
    let frame = median_ms(21, || {
        terminal.draw(|f| ui::render(f, &app)).expect("draw");
    });
    println!("  draw a frame (grouped):   {frame:8.3} ms");

    let picker = median_ms(9, || {
        app.update(Action::PickSource);
        for c in "pub 04".chars() {
            app.update(Action::Insert(c));
        }
        app.update(Action::Back);
    });
    println!("  picker: open, type 6:     {picker:8.2} ms");

    let filter = median_ms(5, || {
        app.update(Action::Search);
        for c in "strike".chars() {
            app.update(Action::Insert(c));
        }
        app.update(Action::Back);
    });
    println!(
        "  filter grouped, 6 keys:   {filter:8.1} ms (the search included; regrouping \
         {} matches each time)",
        {
            app.update(Action::Search);
            for c in "strike".chars() {
                app.update(Action::Insert(c));
            }
            let hits = app.visible_len();
            app.update(Action::Back);
            hits
        }
    );
}
