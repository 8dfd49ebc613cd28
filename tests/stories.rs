//! Grouping a generated corpus with known stories and near-duplicates
//! (`support/story_corpus.rs`): the grouping must find most of what is
//! there and join little that is not. The README gives the figures at
//! 10,000 and 100,000 articles (`cargo run --release --example
//! stories_bench`).

use std::sync::Arc;

use dateline::article::Article;
use dateline::entities::extract_all;
use dateline::stories::{Stories, pairwise_quality};

#[path = "support/story_corpus.rs"]
mod story_corpus;

#[test]
fn generated_stories_are_found_with_few_false_joins() {
    let corpus = story_corpus::generate(1500, 21);
    let articles: Vec<Arc<Article>> = corpus.articles.iter().cloned().map(Arc::new).collect();
    let extracted = extract_all(&articles);
    let mut stories = Stories::new();
    for (part, found) in articles.chunks(100).zip(extracted.chunks(100)) {
        stories.add(part, found);
    }
    let labels = stories.labels();
    let (precision, recall) = pairwise_quality(&labels, &corpus.story);
    assert!(precision > 0.95, "precision {precision}");
    assert!(recall > 0.75, "recall {recall}");

    // Near-duplicates: every pair found is a true copy, and nearly every
    // copy is found (directly, or through another copy of the same text).
    let truth = corpus.duplicate_pairs();
    let list = stories.stories();
    let found: Vec<(usize, usize)> = list
        .iter()
        .flat_map(|s| s.duplicates.iter().map(|&(a, b, _)| (a, b)))
        .collect();
    assert!(!truth.is_empty());
    assert!(found.iter().all(|p| truth.contains(p)), "a false copy");
    let together = truth
        .iter()
        .filter(|&&(a, b)| labels[a] == labels[b])
        .count();
    assert!(
        together * 100 >= truth.len() * 97,
        "{together} of {}",
        truth.len()
    );
    let direct = found.len();
    assert!(
        direct * 100 >= truth.len() * 85,
        "{direct} of {}",
        truth.len()
    );
}

#[test]
fn the_generator_is_deterministic_and_its_truth_consistent() {
    let a = story_corpus::generate(300, 5);
    let b = story_corpus::generate(300, 5);
    assert_eq!(a.articles, b.articles);
    assert_eq!(a.articles.len(), 300);
    // A copy is in the story of its original.
    for (i, &t) in a.text_of.iter().enumerate() {
        assert_eq!(a.story[i], a.story[t]);
    }
}
