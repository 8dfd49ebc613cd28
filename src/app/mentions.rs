//! The mentions pane: every mention of one name in the loaded (or
//! filtered) articles, grouped by source, narrowed fuzzily as the user
//! types.

use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::article::Article;
use crate::entities::{EntityId, Mention, SourceMentions};
use crate::highlight::EntityKind;

/// A row of the pane: a source's header, or a mention under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionRow {
    /// Group `group`, with how many of its mentions are shown.
    Source {
        group: usize,
        shown: usize,
    },
    Mention {
        group: usize,
        index: usize,
    },
}

#[derive(Debug, Clone)]
pub struct MentionsPane {
    pub entity: EntityId,
    pub name: String,
    pub kind: EntityKind,
    pub groups: Vec<SourceMentions>,
    /// Whether only the filtered articles were searched.
    pub filtered: bool,
    /// Whether some articles were left out (a figure found in too many to
    /// read them all again).
    pub partial: bool,
    pub input: String,
    /// The rows shown for what is typed.
    pub rows: Vec<MentionRow>,
    /// Index into `rows` of the highlighted mention (never a header).
    pub selected: usize,
    /// First row on screen.
    pub offset: usize,
    /// The text `rows` answer.
    matched: String,
}

impl MentionsPane {
    pub fn new(
        entity: EntityId,
        name: String,
        kind: EntityKind,
        groups: Vec<SourceMentions>,
        filtered: bool,
        articles: &[Arc<Article>],
    ) -> Self {
        let mut pane = Self {
            entity,
            name,
            kind,
            groups,
            filtered,
            partial: false,
            input: String::new(),
            rows: Vec::new(),
            selected: 0,
            offset: 0,
            matched: String::new(),
        };
        pane.refresh(articles);
        pane
    }

    /// How many mentions, in how many articles, in how many sources.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mentions = self.groups.iter().map(|g| g.mentions.len()).sum();
        let articles = self.groups.iter().map(|g| g.articles).sum();
        (mentions, articles, self.groups.len())
    }

    /// The mention the highlight is on.
    pub fn current(&self) -> Option<&Mention> {
        match self.rows.get(self.selected)? {
            MentionRow::Mention { group, index } => self.groups.get(*group)?.mentions.get(*index),
            MentionRow::Source { .. } => None,
        }
    }

    /// How many mentions are shown for what is typed.
    pub fn shown(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r, MentionRow::Mention { .. }))
            .count()
    }

    /// Narrow the rows to what is typed: every word must fuzzy-match the
    /// article's title or its source, or be in the mention's sentence
    /// (fuzzy matching a whole sentence would let nearly anything through). Typing on
    /// only narrows, so then only the rows shown are tried.
    pub fn refresh(&mut self, articles: &[Arc<Article>]) {
        let kept = self.current().cloned();
        let words: Vec<&str> = self.input.split_whitespace().collect();
        let matcher = SkimMatcherV2::default();
        let narrowing = !self.matched.is_empty() && self.input.starts_with(&self.matched);
        let candidates: Vec<(usize, usize)> = if narrowing {
            self.rows
                .iter()
                .filter_map(|r| match *r {
                    MentionRow::Mention { group, index } => Some((group, index)),
                    MentionRow::Source { .. } => None,
                })
                .collect()
        } else {
            self.groups
                .iter()
                .enumerate()
                .flat_map(|(g, group)| (0..group.mentions.len()).map(move |i| (g, i)))
                .collect()
        };
        let mut rows = Vec::with_capacity(candidates.len() + self.groups.len());
        let mut header_at = None;
        // Which words the title or source of the last article met matched:
        // an article's mentions come one after another.
        let mut last: Option<(usize, Vec<bool>)> = None;
        let mut body: Option<(usize, crate::article::BodyText)> = None;
        for (group, index) in candidates {
            let Some(m) = self.groups.get(group).and_then(|g| g.mentions.get(index)) else {
                continue;
            };
            if !words.is_empty() {
                let Some(article) = articles.get(m.article) else {
                    continue;
                };
                if last.as_ref().is_none_or(|(a, _)| *a != m.article) {
                    let source = &self.groups[group].source;
                    let fields = words
                        .iter()
                        .map(|w| {
                            [article.title.as_str(), source]
                                .iter()
                                .any(|text| matcher.fuzzy_match(text, w).is_some())
                        })
                        .collect();
                    last = Some((m.article, fields));
                }
                let in_fields = last.as_ref().map_or(&[][..], |(_, f)| f.as_slice());
                let mut all = true;
                for (k, w) in words.iter().enumerate() {
                    if in_fields.get(k).copied().unwrap_or(false) {
                        continue;
                    }
                    // The text, read once per article (from its file when
                    // it was let go after indexing).
                    if body.as_ref().is_none_or(|(a, _)| *a != m.article) {
                        body = Some((m.article, article.body.text()));
                    }
                    let text = body.as_ref().map_or("", |(_, t)| t.as_str());
                    let sentence = text.get(m.sentence.clone()).unwrap_or("");
                    if super::reader::find_all(sentence, w).is_empty() {
                        all = false;
                        break;
                    }
                }
                if !all {
                    continue;
                }
            }
            match header_at {
                Some((g, at)) if g == group => {
                    if let Some(MentionRow::Source { shown, .. }) = rows.get_mut(at) {
                        *shown += 1;
                    }
                }
                _ => {
                    header_at = Some((group, rows.len()));
                    rows.push(MentionRow::Source { group, shown: 1 });
                }
            }
            rows.push(MentionRow::Mention { group, index });
        }
        self.rows = rows;
        self.matched.clone_from(&self.input);
        self.selected = kept
            .and_then(|k| {
                self.rows.iter().position(|r| match *r {
                    MentionRow::Mention { group, index } => {
                        self.groups[group].mentions.get(index) == Some(&k)
                    }
                    MentionRow::Source { .. } => false,
                })
            })
            .or_else(|| {
                self.rows
                    .iter()
                    .position(|r| matches!(r, MentionRow::Mention { .. }))
            })
            .unwrap_or(0);
        self.offset = 0;
    }

    /// Highlight the mention at `start` of article `article`, if shown.
    pub fn select(&mut self, article: usize, start: usize) {
        let found = self.rows.iter().position(|r| match *r {
            MentionRow::Mention { group, index } => self.groups[group]
                .mentions
                .get(index)
                .is_some_and(|m| m.article == article && m.range.start == start),
            MentionRow::Source { .. } => false,
        });
        if let Some(k) = found {
            self.selected = k;
        }
    }

    /// Move the highlight by `step` mentions, stepping over headers.
    pub fn move_by(&mut self, step: isize) {
        let mentions: Vec<usize> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, MentionRow::Mention { .. }))
            .map(|(i, _)| i)
            .collect();
        let Some(now) = mentions.iter().position(|&i| i == self.selected) else {
            return;
        };
        let next = now
            .saturating_add_signed(step)
            .min(mentions.len().saturating_sub(1));
        self.selected = mentions[next];
    }

    /// Scroll so the highlight is among `height` rows on screen, with its
    /// source's header when that fits.
    pub fn keep_visible(&mut self, height: usize) {
        let height = height.max(1);
        let top = match self.selected.checked_sub(1).map(|i| self.rows[i]) {
            Some(MentionRow::Source { .. }) if height > 1 => self.selected - 1,
            _ => self.selected,
        };
        if top < self.offset {
            self.offset = top;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::article;

    fn mention(article: usize, start: usize, body: &str) -> Mention {
        Mention {
            article,
            range: start..start + 4,
            sentence: 0..body.len(),
        }
    }

    fn pane() -> (MentionsPane, Vec<Arc<Article>>) {
        let bodies = ["Kees spoke at the port.", "Kees went home.", "Kees won."];
        let articles = vec![
            article(0, "Strike begins", "Wire", bodies[0]),
            article(1, "Strike ends", "Wire", bodies[1]),
            article(2, "Vote counted", "Post", bodies[2]),
        ];
        let groups = vec![
            SourceMentions {
                source: "Wire".into(),
                articles: 2,
                mentions: vec![mention(0, 0, bodies[0]), mention(1, 0, bodies[1])],
            },
            SourceMentions {
                source: "Post".into(),
                articles: 1,
                mentions: vec![mention(2, 0, bodies[2])],
            },
        ];
        let pane = MentionsPane::new(
            EntityId::default(),
            "Kees".into(),
            EntityKind::Person,
            groups,
            false,
            &articles,
        );
        (pane, articles)
    }

    #[test]
    fn rows_are_headers_then_mentions_and_the_highlight_skips_headers() {
        let (mut pane, _) = pane();
        assert_eq!(
            pane.rows,
            vec![
                MentionRow::Source { group: 0, shown: 2 },
                MentionRow::Mention { group: 0, index: 0 },
                MentionRow::Mention { group: 0, index: 1 },
                MentionRow::Source { group: 1, shown: 1 },
                MentionRow::Mention { group: 1, index: 0 },
            ]
        );
        assert_eq!(pane.selected, 1);
        assert_eq!(pane.counts(), (3, 3, 2));
        pane.move_by(2);
        assert_eq!(pane.selected, 4);
        assert_eq!(pane.current().map(|m| m.article), Some(2));
        pane.move_by(5);
        assert_eq!(pane.selected, 4);
        pane.move_by(-1);
        assert_eq!(pane.selected, 2);
    }

    #[test]
    fn typing_narrows_by_title_source_or_sentence() {
        let (mut pane, articles) = pane();
        pane.input = "home".into();
        pane.refresh(&articles);
        assert_eq!(pane.shown(), 1);
        assert_eq!(pane.current().map(|m| m.article), Some(1));
        pane.input = "post".into();
        pane.refresh(&articles);
        assert_eq!(pane.current().map(|m| m.article), Some(2));
        pane.input = "strike port".into();
        pane.refresh(&articles);
        assert_eq!(pane.shown(), 1);
        pane.input = "zzz".into();
        pane.refresh(&articles);
        assert!(pane.rows.is_empty());
        assert_eq!(pane.current(), None);
        pane.input.clear();
        pane.refresh(&articles);
        assert_eq!(pane.shown(), 3);
    }
}
