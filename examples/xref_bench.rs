//! Entity index benchmark: generates N synthetic news articles naming
//! people, organizations and places (deterministically; N from the command
//! line, default 100,000), or loads real ones from the paths given, then
//! builds the entity index as the app does (highlight outside the index,
//! add in batches of 512) and times the queries the screens make.
//!
//! ```text
//! cargo run --release --example xref_bench [N]
//! cargo run --release --example xref_bench -- PATH...
//! ```
//!
//! Reports the build time (highlighting and adding apart), the memory per
//! article, and the median and 99th percentile of: resolving a name and
//! listing its mentions grouped by source (the most mentioned person, a
//! rare one), listing every entity sorted, counting entities over half the
//! articles, and looking up `person:` and `num:` filter terms.

// Timings and sizes are printed as floating point; precision loss in those
// conversions is irrelevant here.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use dateline::app::entity_list::EntityList;
use dateline::app::mentions::MentionsPane;
use dateline::article::Article;
use dateline::entities::{ArticleSet, EntityIndex, EntityRow, EntitySort, Extracted, extract};
use dateline::filter::FilterQuery;
use dateline::highlight::EntityKind;
use dateline::loader::{self, Input};

#[path = "common/synthetic.rs"]
mod synthetic;

use synthetic::{Cast, Rng, Words, make_news_article};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and 99th percentile, in ms, of `runs` timings of `f`.
fn time(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            ms(start.elapsed())
        })
        .collect();
    t.sort_by(f64::total_cmp);
    let at = |q: f64| t[((t.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let articles: Vec<Arc<Article>> = match args.first().map(|a| a.replace('_', "").parse()) {
        Some(Ok(n)) => synthetic(n),
        None => synthetic(100_000),
        Some(Err(_)) => {
            let inputs: Vec<Input> = args.iter().map(|p| Input::Path(p.into())).collect();
            let loaded = loader::load_all(&inputs);
            loaded.articles.into_iter().map(Arc::new).collect()
        }
    };
    let mut index = build(&articles);
    report(&mut index, &articles);
}

fn synthetic(n: usize) -> Vec<Arc<Article>> {
    let mut rng = Rng(0x0000_ddb1_a5e5);
    let words = Words::new(&mut rng, 60_000);
    let cast = Cast::new(&mut rng, (n / 4).max(50));
    let start = Instant::now();
    let articles: Vec<Arc<Article>> = (0..n)
        .map(|i| Arc::new(make_news_article(&mut rng, &words, &cast, i)))
        .collect();
    println!(
        "generated           {n} articles in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    articles
}

/// Build as the entity worker does: highlight a batch, then add it. The
/// time to add is the time the index is held for writing.
fn build(articles: &[Arc<Article>]) -> EntityIndex {
    let mut index = EntityIndex::new();
    let mut highlighting = Duration::ZERO;
    let mut adding = Duration::ZERO;
    let mut add_times = Vec::new();
    for batch in articles.chunks(512) {
        let start = Instant::now();
        let extracted: Vec<Extracted> = batch.iter().map(|a| extract(a)).collect();
        highlighting += start.elapsed();
        let start = Instant::now();
        index.add_extracted(batch, extracted);
        let took = start.elapsed();
        adding += took;
        add_times.push(ms(took));
    }
    add_times.sort_by(f64::total_cmp);
    let n = articles.len().max(1);
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    println!("articles            {}", articles.len());
    println!(
        "bodies              {:.1} MiB",
        bytes as f64 / (1024.0 * 1024.0)
    );
    println!(
        "highlight+resolve   {:.1} s on one thread ({:.0} µs per article, {:.1} MB/s)",
        highlighting.as_secs_f64(),
        highlighting.as_secs_f64() * 1e6 / n as f64,
        bytes as f64 / 1e6 / highlighting.as_secs_f64().max(1e-9)
    );
    println!(
        "add to index        {:.0} ms in all; per batch of 512: {:.2} ms median, {:.2} ms max",
        ms(adding),
        add_times.get(add_times.len() / 2).copied().unwrap_or(0.0),
        add_times.last().copied().unwrap_or(0.0)
    );
    index
}

fn report(index: &mut EntityIndex, articles: &[Arc<Article>]) {
    let n = articles.len().max(1);
    println!(
        "entities            {} ({} mentions)",
        index.entity_count(),
        index.mention_count()
    );
    let growing = index.memory_bytes();
    index.shrink_to_fit();
    let memory = index.memory_bytes();
    let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
    println!(
        "index memory        {:.1} MiB, {:.0} bytes per article, {:.1} per mention \
         ({:.1} MiB before giving back spare capacity)",
        mib(memory),
        memory as f64 / n as f64,
        memory as f64 / index.mention_count().max(1) as f64,
        mib(growing)
    );
    let index = &*index;
    // People with a full name, most mentioned first.
    let people: Vec<_> = index
        .entities(EntitySort::Mentions, None)
        .into_iter()
        .filter(|r| r.kind == EntityKind::Person && index.key(r.id).contains(' '))
        .collect();
    let (Some(top), Some(rare)) = (people.first(), people.get(people.len() * 9 / 10)) else {
        println!("no people found");
        return;
    };
    let top_name = index.name(top.id).to_string();
    let rare_name = index.name(rare.id).to_string();
    let runs = 30;
    println!("\nquery (release build; {runs} runs each)                     median ms   p99 ms");
    let line = |what: &str, (median, p99): (f64, f64)| {
        println!("{what:<58} {median:>9.2} {p99:>8.2}");
    };
    for (label, name, row) in [
        ("most mentioned person", &top_name, top),
        ("rare person", &rare_name, rare),
    ] {
        let mentions: usize = index
            .mentions(row.id, None)
            .iter()
            .map(|g| g.mentions.len())
            .sum();
        line(
            &format!("{label} {name:?}: resolve + {mentions} mentions by source"),
            time(runs, || {
                let ids = index.resolve(name, &[EntityKind::Person]);
                for id in ids {
                    std::hint::black_box(index.mentions(id, None));
                }
            }),
        );
    }
    let half = ArticleSet::from_indices((0..articles.len()).step_by(2));
    line(
        &format!("{top_name:?}: mentions within half the articles"),
        time(runs, || {
            std::hint::black_box(index.mentions(top.id, Some(&half)));
        }),
    );
    for (label, sort) in [
        ("by mentions", EntitySort::Mentions),
        ("by sources", EntitySort::Sources),
        ("by name", EntitySort::Name),
    ] {
        let count = index.entities(sort, None).len();
        line(
            &format!("all {count} entities sorted {label}"),
            time(runs, || {
                std::hint::black_box(index.entities(sort, None));
            }),
        );
    }
    line(
        "entities of half the articles, sorted by mentions",
        time(runs, || {
            std::hint::black_box(index.entities(EntitySort::Mentions, Some(&half)));
        }),
    );
    screens(index, articles, [top, rare], runs);
    for q in [format!("person:{top_name:?}"), "num:>1000".to_string()] {
        let query = FilterQuery::parse(&q);
        line(
            &format!("filter lookup {q}"),
            time(runs, || {
                std::hint::black_box(query.lookup(index));
            }),
        );
    }
}

/// What the screens do on a key press, end to end: Enter on a name (find
/// the entity under the cursor, list its mentions by source, lay out the
/// pane's rows), and `e` (every entity with its counts and names, sorted),
/// then typing and sorting in it.
fn screens(index: &EntityIndex, articles: &[Arc<Article>], people: [&EntityRow; 2], runs: usize) {
    let line = |what: &str, (median, p99): (f64, f64)| {
        println!("{what:<58} {median:>9.2} {p99:>8.2}");
    };
    println!("\nscreens (what one key costs)");
    for (label, row) in ["most mentioned person", "rare person"]
        .into_iter()
        .zip(people)
    {
        let first = index.mentions(row.id, None);
        let Some(m) = first.first().and_then(|g| g.mentions.first()).cloned() else {
            continue;
        };
        line(
            &format!("Enter on the {label}: mentions pane"),
            time(runs, || {
                let id = index.entity_at(m.article, m.range.start).unwrap_or(row.id);
                let groups = index.mentions(id, None);
                std::hint::black_box(MentionsPane::new(
                    id,
                    index.name(id).to_string(),
                    index.kind(id),
                    groups,
                    false,
                    articles,
                ));
            }),
        );
        line(
            &format!("Enter on the {label}, half the articles filtered"),
            time(runs, || {
                let within = ArticleSet::from_indices((0..articles.len()).step_by(2));
                let groups = index.mentions(row.id, Some(&within));
                std::hint::black_box(MentionsPane::new(
                    row.id,
                    index.name(row.id).to_string(),
                    index.kind(row.id),
                    groups,
                    true,
                    articles,
                ));
            }),
        );
        let groups = index.mentions(row.id, None);
        let mut pane = MentionsPane::new(
            row.id,
            index.name(row.id).to_string(),
            index.kind(row.id),
            groups,
            false,
            articles,
        );
        line(
            &format!("typing a word, then deleting it, in the {label}'s pane"),
            time(runs, || {
                pane.input = "the".to_string();
                pane.refresh(articles);
                pane.input.clear();
                pane.refresh(articles);
            }),
        );
    }
    figure(index, runs);
    line(
        "e: the entity index (every entity, by mentions)",
        time(runs, || {
            std::hint::black_box(EntityList::new(index, EntitySort::Mentions, None));
        }),
    );
    line(
        "e with half the articles filtered",
        time(runs, || {
            let within = ArticleSet::from_indices((0..articles.len()).step_by(2));
            std::hint::black_box(EntityList::new(index, EntitySort::Mentions, Some(within)));
        }),
    );
    let mut list = EntityList::new(index, EntitySort::Mentions, None);
    line(
        "typing a letter, then deleting it, in the entity index",
        time(runs, || {
            list.input = "k".to_string();
            list.refresh();
            list.input.clear();
            list.refresh();
        }),
    );
    line(
        "Tab: sort the entity index by the next column",
        time(runs, || list.cycle_sort(index)),
    );
}

/// Enter on a figure: the articles holding its value read again.
fn figure(index: &EntityIndex, runs: usize) {
    let line = |what: &str, (median, p99): (f64, f64)| {
        println!("{what:<58} {median:>9.2} {p99:>8.2}");
    };
    if let Some(&value) = index.article_numbers(0).first() {
        let (groups, cut) = index.figure_mentions(value, None, dateline::app::FIGURE_ARTICLES);
        let count: usize = groups.iter().map(|g| g.mentions.len()).sum();
        let more = if cut { ", more left out" } else { "" };
        line(
            &format!("Enter on the figure {value}: {count} mentions{more}"),
            time(runs, || {
                std::hint::black_box(index.figure_mentions(
                    value,
                    None,
                    dateline::app::FIGURE_ARTICLES,
                ));
            }),
        );
    }
}
