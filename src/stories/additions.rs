//! What each article of a story says that the others do not: the sentences
//! holding a name or a figure that no other article of the story gives.

use std::collections::HashSet;
use std::ops::Range;

use crate::entities::resolve_names;
use crate::entities::sentence_around;
use crate::entities::values::{same_value, values_of};
use crate::highlight::{EntityKind, Span};

/// A sentence of one article with the names and figures only it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Addition {
    /// Byte range of the sentence in the body.
    pub sentence: Range<usize>,
    /// Byte ranges of the names and figures in it that no other article
    /// gives, in text order.
    pub only_here: Vec<Range<usize>>,
}

/// What one article holds, for comparing with the others.
struct Held {
    /// (kind, key) of its entities; people also by their last word.
    names: HashSet<(EntityKind, String)>,
    surnames: HashSet<String>,
    figures: Vec<f64>,
}

fn last_word(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

fn held(body: &str, spans: &[Span]) -> Held {
    let resolved = resolve_names(body, spans);
    let mut names = HashSet::new();
    let mut surnames = HashSet::new();
    for e in &resolved.entities {
        if e.kind == EntityKind::Person {
            surnames.insert(last_word(&e.key).to_string());
        }
        names.insert((e.kind, e.key.clone()));
    }
    let mut figures = Vec::new();
    for s in spans.iter().filter(|s| s.kind == EntityKind::Number) {
        if let Some(text) = body.get(s.start..s.end) {
            figures.extend(values_of(text));
        }
    }
    Held {
        names,
        surnames,
        figures,
    }
}

/// For each article of a story (its body and highlighted spans), the
/// sentences that hold a name or figure found in no other article of the
/// story, in text order. A person named by surname only counts as found
/// when another article names someone with that surname; a figure is found
/// when another article gives the same value, however written (`4bn`,
/// `4 billion`). Dates are not compared: each article dates itself.
pub fn additions(articles: &[(&str, &[Span])]) -> Vec<Vec<Addition>> {
    let helds: Vec<Held> = articles.iter().map(|(b, s)| held(b, s)).collect();
    articles
        .iter()
        .enumerate()
        .map(|(me, (body, spans))| {
            let others = || helds.iter().enumerate().filter(move |(k, _)| *k != me);
            let resolved = resolve_names(body, spans);
            let mut only: Vec<Range<usize>> = Vec::new();
            for m in &resolved.mentions {
                let entity = &resolved.entities[m.entity];
                let found = others().any(|(_, h)| {
                    h.names.contains(&(entity.kind, entity.key.clone()))
                        || (entity.kind == EntityKind::Person
                            && h.surnames.contains(last_word(&entity.key)))
                });
                if !found {
                    only.push(m.range.clone());
                }
            }
            for s in spans.iter().filter(|s| s.kind == EntityKind::Number) {
                let Some(text) = body.get(s.start..s.end) else {
                    continue;
                };
                let values = values_of(text);
                if values.is_empty() {
                    continue;
                }
                let found = values
                    .iter()
                    .all(|v| others().any(|(_, h)| h.figures.iter().any(|w| same_value(*v, *w))));
                if !found {
                    only.push(s.start..s.end);
                }
            }
            only.sort_by_key(|r| r.start);
            let mut out: Vec<Addition> = Vec::new();
            for range in only {
                let sentence = sentence_around(body, range.clone());
                match out.last_mut() {
                    Some(last) if last.sentence == sentence => last.only_here.push(range),
                    _ => out.push(Addition {
                        sentence,
                        only_here: vec![range],
                    }),
                }
            }
            out
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight::highlight;

    fn run(bodies: &[&str]) -> Vec<Vec<String>> {
        let spans: Vec<Vec<Span>> = bodies.iter().map(|b| highlight(b)).collect();
        let input: Vec<(&str, &[Span])> = bodies
            .iter()
            .zip(&spans)
            .map(|(b, s)| (*b, s.as_slice()))
            .collect();
        additions(&input)
            .iter()
            .zip(bodies)
            .map(|(adds, body)| {
                adds.iter()
                    .map(|a| body[a.sentence.clone()].to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn sentences_with_names_or_figures_only_one_article_gives_are_its_additions() {
        let a = "About 3,800 dockworkers walked out in Rotterdam. Anneke Verhoeven led them.";
        let b = "Dockworkers in Rotterdam struck. Verhoeven said 3,800 had stopped work. \
                 Karim al-Mansouri of Crescent Ocean Lines said ships were waiting.";
        let out = run(&[a, b]);
        assert!(out[0].is_empty(), "{:?}", out[0]);
        assert_eq!(
            out[1],
            vec!["Karim al-Mansouri of Crescent Ocean Lines said ships were waiting."]
        );
    }

    #[test]
    fn a_figure_written_another_way_is_not_new_but_a_different_one_is() {
        let a = "The board put losses at $4bn on Monday.";
        let b =
            "Losses reached 4 billion dollars, the board said. The union counted 4,600 strikers.";
        let out = run(&[a, b]);
        assert!(out[0].is_empty(), "{:?}", out[0]);
        assert_eq!(out[1], vec!["The union counted 4,600 strikers."]);
    }

    #[test]
    fn a_lone_article_adds_every_sentence_with_a_name_or_figure() {
        let a = "Rotterdam is a port. It rained. About 3,800 walked out.";
        let out = run(&[a]);
        assert_eq!(
            out[0],
            vec!["Rotterdam is a port.", "About 3,800 walked out."]
        );
        assert!(run(&[]).is_empty());
    }

    #[test]
    fn ranges_point_at_the_new_names_and_figures() {
        let a = "Verhoeven spoke.";
        let b = "Anneke Verhoeven and Sofia van der Berg spoke of 27 ships.";
        let spans: Vec<Vec<Span>> = [a, b].iter().map(|t| highlight(t)).collect();
        let out = additions(&[(a, &spans[0]), (b, &spans[1])]);
        let only: Vec<&str> = out[1][0].only_here.iter().map(|r| &b[r.clone()]).collect();
        assert_eq!(only, vec!["Sofia van der Berg", "27"]);
    }
}
