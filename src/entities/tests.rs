//! The entity index across articles.

use std::sync::Arc;

use super::*;
use crate::article::{Article, ArticleId, Origin};
use crate::highlight::EntityKind::{self, Organization, Person, Place};

fn article(n: usize, source: &str, day: u32, body: &str) -> Arc<Article> {
    let origin = Origin::file(format!("news/{source}/{n}.txt"));
    Arc::new(Article {
        tags: Vec::new(),
        id: ArticleId::derive(None, &origin, ""),
        title: format!("Article {n}"),
        source: source.to_string(),
        date: chrono::NaiveDate::from_ymd_opt(2025, 6, day),
        author: None,
        url: None,
        origin,
        body: body.into(),
    })
}

fn corpus() -> Vec<Arc<Article>> {
    vec![
        // 0
        article(
            0,
            "Harbour Ledger",
            3,
            "Prime Minister Tony Blair met Benjamin Netanyahu in London on Monday. \
             Blair said the talks went well. Netanyahu's office agreed.",
        ),
        // 1: only the surname
        article(
            1,
            "Northline Wire",
            2,
            "Mr Blair told MPs the plan would cost $4bn over five years.",
        ),
        // 2: aliases and a figure in words
        article(
            2,
            "Northline Wire",
            5,
            "The US and the United Nations said 40,005 people fled. \
             Officials in the United States said the U.S. would send aid.",
        ),
        // 3
        article(
            3,
            "Valley Courier",
            1,
            "NETANYAHU'S GAMBLE\nIsraeli leader Netanyahu told the UN that 4 billion \
             dollars were needed. Tony Blair agreed.",
        ),
    ]
}

fn index_of(articles: &[Arc<Article>]) -> EntityIndex {
    let mut index = EntityIndex::new();
    index.add(articles);
    index
}

fn names(index: &EntityIndex, ids: &[EntityId]) -> Vec<String> {
    ids.iter().map(|&id| index.name(id).to_string()).collect()
}

#[test]
fn a_typed_name_finds_the_full_name_in_any_case() {
    let index = index_of(&corpus());
    for typed in ["Netanyahu", "netanyahu", "NETANYAHU", "Benjamin Netanyahu"] {
        assert_eq!(
            names(&index, &index.resolve(typed, &[Person])),
            ["Benjamin Netanyahu"],
            "{typed}"
        );
    }
    assert!(index.resolve("Netan", &[Person]).is_empty());
    assert!(index.resolve("Netanyahu", &[Place]).is_empty());
    assert!(index.resolve("", &[Person]).is_empty());
    let row = index.row(index.resolve("Netanyahu", &[Person])[0]);
    assert_eq!((row.mentions, row.articles, row.sources), (4, 2, 2));
}

#[test]
fn aliases_are_one_place_across_articles() {
    let index = index_of(&corpus());
    let us = index.resolve("U.S.", &[Place]);
    assert_eq!(names(&index, &us), ["United States"]);
    assert_eq!(index.find(Place, "USA"), us.first().copied());
    assert_eq!(index.find(Place, "america"), us.first().copied());
    let row = index.row(us[0]);
    assert_eq!((row.mentions, row.articles), (3, 1));
    let un = index.resolve("UN", &[Organization]);
    assert_eq!(names(&index, &un), ["United Nations"]);
    assert_eq!(index.row(un[0]).sources, 2);
}

#[test]
fn a_bare_surname_joins_the_one_full_name_in_the_corpus() {
    let index = index_of(&corpus());
    let blair = index.find(Person, "Tony Blair");
    assert!(blair.is_some());
    let Some(blair) = blair else { return };
    // Article 1 says only "Mr Blair": it counts as Tony Blair.
    assert_eq!(index.find(Person, "Blair"), Some(blair));
    let row = index.row(blair);
    assert_eq!((row.mentions, row.articles, row.sources), (4, 3, 3));
    assert_eq!(index.resolve("blair", &[Person]), vec![blair]);
    let forms = index.surface_forms(blair);
    assert_eq!(
        forms,
        [("Blair".to_string(), 2), ("Tony Blair".to_string(), 2)]
    );
    // The bare entity is not listed on its own.
    let listed: Vec<String> = index
        .entities(EntitySort::Name, None)
        .iter()
        .map(|r| index.name(r.id).to_string())
        .collect();
    assert_eq!(listed.iter().filter(|n| n.contains("Blair")).count(), 1);
}

#[test]
fn a_bare_surname_stays_apart_while_two_full_names_compete() {
    let mut articles = vec![
        article(0, "A", 1, "Mr Blair spoke in Leeds."),
        article(1, "A", 2, "Tony Blair spoke in York."),
        article(2, "B", 3, "Cherie Blair spoke in Hull."),
    ];
    let mut index = index_of(&articles);
    let bare = index.find(Person, "Blair");
    let tony = index.find(Person, "Tony Blair");
    assert!(bare.is_some() && tony.is_some());
    assert_ne!(bare, tony);
    // Tony Blair pulls ahead: three times Cherie's articles.
    let more: Vec<_> = (3..5)
        .map(|n| article(n, "C", 4, "Tony Blair spoke again."))
        .collect();
    index.add(&more);
    articles.extend(more);
    assert_eq!(index.find(Person, "Blair"), tony);
    let Some(tony) = tony else { return };
    assert_eq!(index.row(tony).articles, 4);
    // Sources A (the bare surname's and a full name's) and C.
    assert_eq!(index.row(tony).sources, 2);
    // Named as it was read, the bare article still points at its mention.
    let mentions = index.mentions(tony, None);
    let bare_article: Vec<usize> = mentions
        .iter()
        .flat_map(|g| &g.mentions)
        .map(|m| m.article)
        .filter(|&a| a == 0)
        .collect();
    assert_eq!(bare_article, [0]);
    // Cherie catches up again: the surname stands apart once more.
    let hers: Vec<_> = (5..7)
        .map(|n| article(n, "D", 5, "Cherie Blair spoke at last."))
        .collect();
    index.add(&hers);
    assert_ne!(index.find(Person, "Blair"), Some(tony));
    assert_eq!(index.row(tony).articles, 3);
}

#[test]
fn mentions_are_grouped_by_source_with_their_sentences() {
    let articles = corpus();
    let index = index_of(&articles);
    let Some(blair) = index.find(Person, "Tony Blair") else {
        panic!("no Tony Blair")
    };
    let groups = index.mentions(blair, None);
    let summary: Vec<(&str, usize, usize)> = groups
        .iter()
        .map(|g| (g.source.as_str(), g.articles, g.mentions.len()))
        .collect();
    assert_eq!(
        summary,
        [
            ("Harbour Ledger", 1, 2),
            ("Northline Wire", 1, 1),
            ("Valley Courier", 1, 1)
        ]
    );
    let first = &groups[0].mentions[1];
    let body = &articles[first.article].body.text();
    assert_eq!(&body[first.range.clone()], "Blair");
    assert_eq!(
        &body[first.sentence.clone()],
        "Blair said the talks went well."
    );
    // Only the filtered articles.
    let within = ArticleSet::from_indices([1, 3]);
    let groups = index.mentions(blair, Some(&within));
    let articles_seen: Vec<usize> = groups
        .iter()
        .flat_map(|g| g.mentions.iter().map(|m| m.article))
        .collect();
    assert_eq!(articles_seen, [1, 3]);
}

#[test]
fn mentions_in_a_source_go_oldest_first() {
    let articles = vec![
        article(0, "A", 9, "Anneke Verhoeven spoke."),
        article(1, "A", 2, "Anneke Verhoeven spoke early. Verhoeven left."),
        article(2, "B", 5, "Anneke Verhoeven spoke late."),
    ];
    let index = index_of(&articles);
    let Some(id) = index.find(Person, "Anneke Verhoeven") else {
        panic!("not found")
    };
    let groups = index.mentions(id, None);
    let order: Vec<(String, Vec<usize>)> = groups
        .iter()
        .map(|g| {
            (
                g.source.clone(),
                g.mentions.iter().map(|m| m.article).collect(),
            )
        })
        .collect();
    assert_eq!(
        order,
        [("A".to_string(), vec![1, 1, 0]), ("B".to_string(), vec![2])]
    );
    assert_eq!(groups[0].articles, 2);
}

#[test]
fn entities_sort_by_each_count_and_by_name() {
    let index = index_of(&corpus());
    let rows = index.entities(EntitySort::Mentions, None);
    assert!(rows.windows(2).all(|w| w[0].mentions >= w[1].mentions));
    assert!(rows.iter().all(|r| is_name_kind(r.kind)));
    let top: Vec<&str> = rows.iter().take(2).map(|r| index.name(r.id)).collect();
    assert!(top.contains(&"Tony Blair") && top.contains(&"Benjamin Netanyahu"));
    let rows = index.entities(EntitySort::Sources, None);
    assert_eq!(index.name(rows[0].id), "Tony Blair");
    assert_eq!(rows[0].sources, 3);
    let rows = index.entities(EntitySort::Articles, None);
    assert!(rows.windows(2).all(|w| w[0].articles >= w[1].articles));
    let rows = index.entities(EntitySort::Name, None);
    let keys: Vec<&str> = rows.iter().map(|r| index.key(r.id)).collect();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(keys, sorted);
}

#[test]
fn entities_within_articles_are_counted_over_them_alone() {
    let index = index_of(&corpus());
    let within = ArticleSet::from_indices([1, 3]);
    let rows = index.entities(EntitySort::Mentions, Some(&within));
    let row = |name: &str| rows.iter().find(|r| index.name(r.id) == name).copied();
    let blair = row("Tony Blair").map(|r| (r.mentions, r.articles, r.sources));
    assert_eq!(blair, Some((2, 2, 2)));
    let netanyahu = row("Benjamin Netanyahu").map(|r| (r.mentions, r.articles));
    assert_eq!(netanyahu, Some((2, 1)));
    assert!(row("United States").is_none());
    assert!(
        index
            .entities(EntitySort::Name, Some(&ArticleSet::from_indices([])))
            .is_empty()
    );
}

#[test]
fn the_entity_under_an_offset_and_an_articles_entities() {
    let articles = corpus();
    let index = index_of(&articles);
    let body = &articles[0].body.text();
    let at = body.find("Blair said").unwrap_or(0);
    let blair = index.entity_at(0, at + 2);
    assert_eq!(blair.map(|id| index.name(id)), Some("Tony Blair"));
    assert_eq!(index.entity_at(0, at + 6), None);
    assert_eq!(index.entity_at(0, 0), None);
    assert_eq!(index.entity_at(99, 0), None);
    let counts: Vec<(String, u32)> = index
        .article_entities(0)
        .into_iter()
        .map(|(id, n)| (index.name(id).to_string(), n))
        .collect();
    assert_eq!(
        counts,
        [
            ("Tony Blair".to_string(), 2),
            ("Benjamin Netanyahu".to_string(), 2),
            ("London".to_string(), 1)
        ]
    );
    let in_order: Vec<&str> = index
        .article_mentions(0)
        .into_iter()
        .map(|(_, r)| &body[r])
        .collect();
    assert_eq!(
        in_order,
        [
            "Tony Blair",
            "Benjamin Netanyahu",
            "London",
            "Blair",
            "Netanyahu"
        ]
    );
}

#[test]
fn figures_are_kept_by_value_per_article() {
    let index = index_of(&corpus());
    // "five years" is a duration, a date: not a figure.
    assert_eq!(index.article_numbers(1), [4e9]);
    assert_eq!(index.article_numbers(2), [40005.0]);
    assert_eq!(index.article_numbers(3), [4e9]);
    let big = index.articles_with_number(4, |v| v > 1e9);
    assert_eq!(big.ones(), [1, 3]);
    let none = index.articles_with_number(4, |v| v < 0.0);
    assert!(none.ones().is_empty());
}

#[test]
fn incremental_batches_equal_one_batch() {
    let mut articles = corpus();
    for n in 4..40 {
        let body = match n % 4 {
            0 => "Tony Blair and Gordon Brown met in Leeds.".to_string(),
            1 => format!("Brown said {n} jobs were lost in the US."),
            2 => "Mr Blair denied it. The UN said nothing.".to_string(),
            _ => format!("Sarah Brown visited {n} schools."),
        };
        articles.push(article(
            n,
            ["A", "B", "C"][n % 3],
            1 + u32::try_from(n % 28).unwrap_or(0),
            &body,
        ));
    }
    let whole = index_of(&articles);
    for size in [1, 3, 7] {
        let mut streamed = EntityIndex::new();
        for batch in articles.chunks(size) {
            streamed.add(batch);
        }
        assert_eq!(streamed.len(), whole.len());
        for sort in [
            EntitySort::Mentions,
            EntitySort::Articles,
            EntitySort::Sources,
            EntitySort::Name,
        ] {
            let a: Vec<(String, EntityKind, u32, u32, u32)> = whole
                .entities(sort, None)
                .iter()
                .map(|r| {
                    (
                        whole.name(r.id).to_string(),
                        r.kind,
                        r.mentions,
                        r.articles,
                        r.sources,
                    )
                })
                .collect();
            let b: Vec<(String, EntityKind, u32, u32, u32)> = streamed
                .entities(sort, None)
                .iter()
                .map(|r| {
                    (
                        streamed.name(r.id).to_string(),
                        r.kind,
                        r.mentions,
                        r.articles,
                        r.sources,
                    )
                })
                .collect();
            assert_eq!(a, b, "batches of {size}, {sort:?}");
        }
    }
}

#[test]
fn a_headline_in_capitals_does_not_name_the_entity() {
    let articles = vec![
        article(0, "A", 1, "ANNEKE VERHOEVEN WINS\nThe vote was close."),
        article(1, "B", 2, "Union chief Anneke Verhoeven won the vote."),
    ];
    let index = index_of(&articles);
    let found = index.resolve("verhoeven", &[Person]);
    assert_eq!(names(&index, &found), ["Anneke Verhoeven"]);
}

#[test]
fn the_shared_index_reads_and_writes() {
    fn send_sync<T: Send + Sync>() {}
    let shared = shared();
    write(&shared).add(&corpus());
    assert_eq!(read(&shared).len(), 4);
    send_sync::<EntityIndex>();
    send_sync::<Extracted>();
}

#[test]
fn extraction_can_happen_apart_from_adding() {
    let articles = corpus();
    let extracted: Vec<Extracted> = articles.iter().map(|a| extract(a)).collect();
    let mut index = EntityIndex::new();
    // Fewer extractions than articles: the rest count as empty.
    index.add_extracted(&articles, extracted[..2].to_vec());
    assert_eq!(index.len(), 4);
    assert!(index.article_entities(3).is_empty());
    assert!(!index.article_entities(0).is_empty());
    assert!(index.memory_bytes() > 0);
    assert!(index.mention_count() > 0);
}

#[test]
fn a_figure_is_found_by_value_grouped_by_source_within_a_limit() {
    let articles = vec![
        article(
            0,
            "Wire",
            3,
            "About 3,800 workers walked out. Pay rose 3.5%.",
        ),
        article(1, "Post", 4, "Some 3800 farms and 12 towns were dry."),
        article(
            2,
            "Post",
            5,
            "The port paid $3.8 thousand in fines and 3,800 more.",
        ),
        article(3, "Wire", 6, "Nothing of the kind: 38 ships."),
    ];
    let index = index_of(&articles);
    let (groups, left_out) = index.figure_mentions(3800.0, None, 10);
    assert!(!left_out);
    let found: Vec<(String, usize, String)> = groups
        .iter()
        .flat_map(|g| {
            g.mentions.iter().map(|m| {
                (
                    g.source.clone(),
                    m.article,
                    articles[m.article].body.text()[m.range.clone()].to_string(),
                )
            })
        })
        .collect();
    assert_eq!(found[0].0, "Post", "the source with most mentions first");
    assert!(found.iter().any(|(_, a, t)| *a == 0 && *t == "3,800"));
    assert!(found.iter().any(|(_, a, t)| *a == 1 && *t == "3800"));
    assert!(found.iter().any(|(_, a, t)| *a == 2 && *t == "3,800"));
    assert!(found.iter().all(|(_, a, _)| *a != 3));
    let m = &groups[0].mentions[0];
    assert!(articles[m.article].body.text()[m.sentence.clone()].contains("3800"));
    // Within a set, and cut at a number of articles.
    let (groups, _) = index.figure_mentions(3800.0, Some(&ArticleSet::from_indices([1])), 10);
    assert_eq!(groups.len(), 1);
    let (groups, left_out) = index.figure_mentions(3800.0, None, 1);
    assert!(left_out);
    assert_eq!(groups.iter().map(|g| g.articles).sum::<usize>(), 1);
}

#[test]
fn figures_and_dates_keep_where_each_is_first_given() {
    let body = "On 16 November 2026, 3,800 walked out; 27 ships waited. \
                By Friday 3800 were out and 12 ships left.";
    let a = article(0, "Wire", 18, body);
    let found = extract(&a);
    assert_eq!(found.numbers.len(), found.number_starts.len());
    assert_eq!(found.dates.len(), found.date_starts.len());
    let start_of = |v: f64| {
        let i = found.numbers.iter().position(|&n| values::same_value(n, v));
        i.map(|i| found.number_starts[i] as usize)
    };
    // 3,800 twice: where it comes first.
    assert_eq!(start_of(3800.0), body.find("3,800"));
    assert_eq!(start_of(27.0), body.find("27"));
    assert_eq!(start_of(12.0), body.find("12"));
    let dates: Vec<usize> = found.date_starts.iter().map(|&s| s as usize).collect();
    assert!(dates.contains(&body.find("16").unwrap()), "{dates:?}");
    assert!(dates.contains(&body.find("Friday").unwrap()), "{dates:?}");
    let mut index = EntityIndex::new();
    index.add(&[Arc::clone(&a)]);
    assert_eq!(index.article_number_starts(0), &found.number_starts[..]);
    assert_eq!(index.article_date_starts(0), &found.date_starts[..]);
    assert!(index.article_number_starts(1).is_empty());
}

#[test]
fn a_range_highlighted_part_by_part_keeps_its_scale() {
    // The highlighter gives `10` and `15 million`; both are millions.
    let body = "Some 10-15 million people moved and Japan won 2-1.";
    let found = extract(&article(0, "Wire", 18, body));
    let has = |v: f64| found.numbers.iter().any(|&n| values::same_value(n, v));
    assert!(has(10e6) && has(15e6), "{:?}", found.numbers);
    assert!(!has(10.0), "{:?}", found.numbers);
    assert!(has(2.0) && has(1.0), "{:?}", found.numbers);
    assert_eq!(found.number_starts.len(), found.numbers.len());
}

#[test]
fn sources_are_counted_once_each_past_the_first_sixty_four() {
    // 70 sources, each naming the agency in two articles, the later
    // sources first so that the first source is past the 64th.
    let mut articles = Vec::new();
    for round in 0..2 {
        for s in (0..70).rev() {
            let n = articles.len();
            let body = format!("The Tidewater Port Authority said {round} ships waited.");
            articles.push(article(n, &format!("Source {s}"), 1, &body));
        }
    }
    // And one from a source named again after the others.
    articles.push(article(
        140,
        "Source 69",
        1,
        "The Tidewater Port Authority agreed.",
    ));
    let index = index_of(&articles);
    let ids = index.resolve("Tidewater Port Authority", &[Organization]);
    assert_eq!(ids.len(), 1);
    let row = index.row(ids[0]);
    assert_eq!((row.articles, row.sources), (141, 70));
    let all = index.entities(EntitySort::Sources, None);
    assert_eq!(
        all.iter().find(|r| r.id == ids[0]).map(|r| r.sources),
        Some(70)
    );
}

#[test]
fn a_bare_surname_seen_before_or_after_its_full_name_joins_it() {
    for bare_first in [true, false] {
        let bare = article(
            0,
            "Harbour Ledger",
            1,
            "Mr Okonkwo said the port would reopen.",
        );
        let full = article(
            1,
            "Valley Courier",
            2,
            "Port chief Adaeze Okonkwo said it reopens.",
        );
        let articles = if bare_first {
            [bare, full]
        } else {
            [full, bare]
        };
        let mut index = EntityIndex::new();
        // One article a batch, so that the join is made again each time.
        for a in &articles {
            index.add(std::slice::from_ref(a));
        }
        let ids = index.resolve("Adaeze Okonkwo", &[Person]);
        assert_eq!(ids.len(), 1, "bare first: {bare_first}");
        let row = index.row(ids[0]);
        assert_eq!(
            (row.mentions, row.articles),
            (2, 2),
            "bare first: {bare_first}"
        );
    }
}

#[test]
fn map_all_keeps_the_order_and_gives_a_failed_item_the_default() {
    let items: Vec<usize> = (0..2_000).collect();
    let out = map_all(&items, |&n| {
        assert!(n != 1_234, "this one fails");
        n * 2
    });
    assert_eq!(out.len(), items.len());
    for (n, &doubled) in out.iter().enumerate() {
        let expected = if n == 1_234 { 0 } else { n * 2 };
        assert_eq!(doubled, expected, "item {n}");
    }
}
