use std::sync::Arc;

use super::*;
use crate::article::Origin;
use crate::entities::extract;
use crate::loader::{self, Input};

fn article(n: usize, source: &str, date: Option<(i32, u32, u32)>, body: &str) -> Arc<Article> {
    let origin = Origin::at_line("t.jsonl", n);
    Arc::new(Article {
        tags: Vec::new(),
        id: ArticleId::derive(None, &origin, ""),
        title: format!("article {n}"),
        source: source.into(),
        date: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        author: None,
        url: None,
        origin,
        body: body.into(),
    })
}

fn grouped(articles: &[Arc<Article>]) -> Stories {
    let extracted: Vec<Extracted> = articles.iter().map(|a| extract(a)).collect();
    let mut stories = Stories::new();
    stories.add(articles, &extracted);
    stories
}

/// The stories as lists of titles, each list sorted, the lists sorted.
fn titles(stories: &Stories) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = stories
        .stories()
        .iter()
        .map(|s| {
            let mut t: Vec<String> = s
                .articles
                .iter()
                .map(|&a| stories.article(a).unwrap().title.clone())
                .collect();
            t.sort();
            t
        })
        .collect();
    out.sort();
    out
}

const STRIKE: &str = "Dockworkers led by Anneke Verhoeven of the Havenbond union walked out in \
    Rotterdam on Monday. The Maas Harbour Board said 27 ships were waiting. Rotterdam \
    Terminal Operators offered 3.5% and a payment of €1,250.";
const STRIKE_2: &str = "The strike in Rotterdam went on. Havenbond chief Anneke Verhoeven \
    said members would not accept 3.5%. The Maas Harbour Board counted 61 vessels.";
const STRIKE_3: &str = "Anneke Verhoeven, who leads Havenbond, told the Maas Harbour Board that \
    the Rotterdam strike would last.";
const ELECTION: &str = "Magdalena Wiśniewska-Nowak won the Poznań mayoral run-off with 54.2% \
    of the vote, beating Tomasz Zielonka, the Civic Platform candidate, by 22,150 votes.";

#[test]
fn articles_sharing_distinctive_names_within_days_are_one_story() {
    let articles = vec![
        article(1, "Northline", Some((2026, 11, 16)), STRIKE),
        article(2, "Meridian", Some((2026, 11, 18)), STRIKE_2),
        article(3, "Meridian", Some((2026, 11, 17)), ELECTION),
    ];
    let stories = grouped(&articles);
    assert_eq!(
        titles(&stories),
        vec![vec!["article 1", "article 2"], vec!["article 3"]]
    );
    let list = stories.stories();
    let strike = &list[0];
    assert_eq!(strike.sources, vec!["Northline", "Meridian"]);
    assert_eq!(strike.first, NaiveDate::from_ymd_opt(2026, 11, 16));
    assert_eq!(strike.last, NaiveDate::from_ymd_opt(2026, 11, 18));
    assert_eq!(strike.id, articles[0].id);
    assert!(strike.duplicates.is_empty());
}

#[test]
fn the_same_names_weeks_apart_or_undated_against_dated_are_not_linked() {
    let articles = vec![
        article(1, "Northline", Some((2026, 11, 16)), STRIKE),
        article(2, "Meridian", Some((2026, 12, 20)), STRIKE_2),
        article(3, "Meridian", None, STRIKE_3),
    ];
    assert_eq!(
        titles(&grouped(&articles)),
        vec![vec!["article 1"], vec!["article 2"], vec!["article 3"]]
    );
    // Two undated articles are compared.
    let undated = vec![
        article(1, "Northline", None, STRIKE),
        article(2, "Meridian", None, STRIKE_2),
    ];
    assert_eq!(titles(&grouped(&undated)).len(), 1);
}

#[test]
fn one_common_name_is_not_enough() {
    let articles = vec![
        article(
            1,
            "A",
            Some((2026, 1, 1)),
            "Rotterdam had rain on Monday and a quiet day.",
        ),
        article(
            2,
            "B",
            Some((2026, 1, 2)),
            "A new museum opened in Rotterdam to crowds.",
        ),
    ];
    assert_eq!(titles(&grouped(&articles)).len(), 2);
}

#[test]
fn republished_copy_is_a_near_duplicate_in_the_same_story_whatever_its_date() {
    let long = format!(
        "{STRIKE} {STRIKE_2} Talks were due to resume on Thursday in The Hague, \
        where the mediator Jean-Luc Moreau has called both sides to a meeting."
    );
    let copy = long.replace("Talks were due to resume", "Negotiations should restart");
    let articles = vec![
        article(1, "Northline", Some((2026, 11, 16)), &long),
        article(2, "Courier", Some((2026, 12, 30)), &copy),
        article(3, "Meridian", Some((2026, 11, 17)), ELECTION),
    ];
    let stories = grouped(&articles);
    let list = stories.stories();
    assert_eq!(list[0].articles, vec![0, 1]);
    assert_eq!(list[0].duplicates.len(), 1);
    let (a, b, similarity) = list[0].duplicates[0];
    assert_eq!((a, b), (0, 1));
    assert!(similarity >= DUPLICATE_SIMILARITY);
    assert!(stories.are_duplicates(1, 0));
    assert!(!stories.are_duplicates(0, 2));
    // The table the list reads: the later article is the copy.
    let table = stories.table();
    assert_eq!(table.story_of(0), table.story_of(1));
    assert_ne!(table.story_of(0), table.story_of(2));
    assert_eq!(table.story_of(3), None);
    assert!(table.is_copy(1));
    assert!(!table.is_copy(0));
    assert!(!table.is_copy(2));
    let n = table.story_of(0).unwrap();
    assert_eq!(table.stories[n].articles, vec![0, 1]);
}

#[test]
fn the_headline_is_an_original_rather_than_a_copy() {
    let long = format!(
        "{STRIKE} {STRIKE_2} Talks were due to resume on Thursday in The Hague, \
        where the mediator Jean-Luc Moreau has called both sides to a meeting."
    );
    // The copy is loaded later but dated earlier: as central as the
    // original, and older, it would have won the tie.
    let articles = vec![
        article(1, "Northline", Some((2026, 11, 16)), &long),
        article(2, "Courier", Some((2026, 11, 15)), &long),
    ];
    let stories = grouped(&articles);
    let list = stories.stories();
    assert_eq!(list[0].articles, vec![1, 0]);
    assert_eq!(list[0].headline, 0);
    assert!(stories.table().is_copy(1));
}

#[test]
fn articles_added_in_batches_group_as_when_added_at_once() {
    let articles = vec![
        article(1, "Northline", Some((2026, 11, 16)), STRIKE),
        article(2, "Meridian", Some((2026, 11, 17)), ELECTION),
        article(3, "Meridian", Some((2026, 11, 18)), STRIKE_2),
        article(4, "Courier", Some((2026, 11, 18)), ELECTION),
    ];
    let whole = grouped(&articles);
    let extracted: Vec<Extracted> = articles.iter().map(|a| extract(a)).collect();
    let mut parts = Stories::new();
    for k in 0..articles.len() {
        parts.add(&articles[k..=k], &extracted[k..=k]);
    }
    assert_eq!(titles(&whole), titles(&parts));
    assert_eq!(titles(&whole).len(), 2);
    // A batch without its extracts: articles without names or figures.
    // (The two election articles are one text: near-duplicates still.)
    let mut bare = Stories::new();
    bare.add(&articles, &[]);
    assert_eq!(bare.stories().len(), 3);
}

#[test]
fn articles_prepared_elsewhere_group_as_when_added_with_their_extracts() {
    let loaded = loader::load_all(&[Input::Samples]);
    let articles: Vec<Arc<Article>> = loaded.articles.into_iter().map(Arc::new).collect();
    let whole = grouped(&articles);
    // Prepared on other threads, as the entity worker does, in two batches.
    let prepared = crate::entities::map_all(&articles, |a| prepare(Some(&extract(a))));
    let mut parts = Stories::new();
    let (first, second) = prepared.split_at(5);
    parts.add_prepared(&articles[..5], first.to_vec());
    parts.add_prepared(&articles[5..], second.to_vec());
    assert_eq!(whole.stories(), parts.stories());
    assert_eq!(whole.table(), parts.table());
    // With the signatures computed beforehand, as the entity worker does
    // for the next chunk while it groups one.
    let mut signed = Stories::new();
    signed.add_signed(&articles[..5], first.to_vec(), signatures(&articles[..5]));
    signed.add_signed(&articles[5..], second.to_vec(), signatures(&articles[5..]));
    assert_eq!(whole.stories(), signed.stories());
    assert_eq!(whole.table(), signed.table());
    // Fewer prepared parts than articles: the rest count as bare.
    let mut short = Stories::new();
    short.add_prepared(&articles, Vec::new());
    let mut bare = Stories::new();
    for a in &articles {
        bare.add(std::slice::from_ref(a), &[]);
    }
    assert_eq!(short.stories(), bare.stories());
}

#[test]
fn the_samples_group_into_their_stories() {
    let loaded = loader::load_all(&[Input::Samples]);
    let articles: Vec<Arc<Article>> = loaded.articles.into_iter().map(Arc::new).collect();
    let stories = grouped(&articles);
    let list = stories.stories();
    let strike = &list[0];
    assert_eq!(strike.articles.len(), 4, "{:?}", titles(&stories));
    assert_eq!(strike.sources.len(), 4);
    assert!(
        strike
            .articles
            .iter()
            .all(|&a| stories.article(a).unwrap().title.contains("Rotterdam"))
    );
    // The oldest first.
    assert_eq!(
        stories.article(strike.articles[0]).unwrap().source,
        "Northline Wire"
    );
    let sizes: Vec<usize> = list.iter().map(|s| s.articles.len()).collect();
    let total: usize = sizes.iter().sum();
    assert_eq!(total, articles.len());
    // The two Poznań articles (Poznań and Poznan) are a story of two. The
    // ECB's rate cut and a feature two days later on what it means for
    // borrowers share only the bank, Germany and the rate: two stories. So
    // are the reservoirs, three weeks apart.
    let pairs: Vec<Vec<String>> = titles(&stories)
        .into_iter()
        .filter(|t| t.len() > 1)
        .collect();
    assert_eq!(pairs.len(), 2, "{pairs:?}");
    assert!(
        pairs
            .iter()
            .any(|p| p.len() == 2 && p.iter().all(|t| t.contains("Pozna"))),
        "{pairs:?}"
    );
}

#[test]
fn pairwise_quality_counts_pairs() {
    // Truth: {0,1,2}, {3}. Predicted: {0,1}, {2,3}.
    let (precision, recall) = pairwise_quality(&[0, 0, 1, 1], &[5, 5, 5, 6]);
    assert!((precision - 0.5).abs() < 1e-9);
    assert!((recall - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(pairwise_quality(&[0, 1], &[0, 1]), (1.0, 1.0));
    assert_eq!(pairwise_quality(&[], &[]), (1.0, 1.0));
}

#[test]
fn the_days_of_two_stories_merge_in_order_counting_shared_days() {
    assert_eq!(
        merge_days(&[(1, 2), (4, 1), (9, 1)], &[(0, 1), (4, 3), (12, 1)]),
        vec![(0, 1), (1, 2), (4, 4), (9, 1), (12, 1)]
    );
    assert_eq!(merge_days(&[], &[(3, 1)]), vec![(3, 1)]);
}

#[test]
fn a_figure_is_kept_to_six_significant_digits() {
    assert_eq!(six_digits(3.5), (350_000, 0));
    assert_eq!(six_digits(-3.5), (-350_000, 0));
    assert_eq!(six_digits(40_005.0), (400_050, 4));
    assert_eq!(six_digits(1_234_567.0), (123_457, 6));
    assert_eq!(six_digits(0.25), (250_000, -1));
    // rounding carries into the next power of ten
    assert_eq!(six_digits(999_999.7), (100_000, 6));
    assert_eq!(six_digits(1e6), (100_000, 6));
    assert_eq!(six_digits(4e9), (400_000, 9));
    assert_eq!(six_digits(0.0), (0, 0));
    assert_eq!(six_digits(f64::NAN), (0, 0));
    // the same figure written two ways is one feature, others are not
    assert_eq!(figure_feature(3.5), figure_feature(3.500_000_1));
    assert_ne!(figure_feature(3.5), figure_feature(3.6));
    assert_ne!(figure_feature(350.0), figure_feature(3.5));
    assert_ne!(figure_feature(-3.5), figure_feature(3.5));
}
