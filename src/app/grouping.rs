//! Sources in the document list: every loaded source with its article count
//! and date range ([`SourceIndex`], kept up to date as articles stream in),
//! and the list grouped by source ([`Groups`]: a header row per source, its
//! articles under it in the list's order).
//!
//! Both are built when the list changes, never while drawing: drawing a row
//! or moving the selection is a lookup (a binary search over the groups'
//! first rows), so a grouped list of 100,000 articles scrolls as fast as a
//! flat one.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::article::Article;

/// The first and last date of a set of articles; articles without a date do
/// not count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

impl DateRange {
    pub fn include(&mut self, date: Option<NaiveDate>) {
        let Some(date) = date else { return };
        self.first = Some(self.first.map_or(date, |d| d.min(date)));
        self.last = Some(self.last.map_or(date, |d| d.max(date)));
    }

    /// `2026-11-01 – 2026-11-21`, one date when first and last agree, or ""
    /// when no article has a date.
    pub fn label(&self) -> String {
        match (self.first, self.last) {
            (Some(first), Some(last)) if first != last => {
                format!("{} – {}", first.format("%Y-%m-%d"), last.format("%Y-%m-%d"))
            }
            (Some(day), _) | (_, Some(day)) => day.format("%Y-%m-%d").to_string(),
            (None, None) => String::new(),
        }
    }
}

/// One source: its name as the articles give it, how many articles it has
/// and when they are dated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    pub name: String,
    pub articles: usize,
    pub dates: DateRange,
}

/// Every source of the loaded articles, numbered in the order they first
/// appear, and the source of each article by load position.
#[derive(Debug, Clone, Default)]
pub struct SourceIndex {
    ids: foldhash::HashMap<String, usize>,
    sources: Vec<SourceInfo>,
    of_article: Vec<usize>,
}

impl SourceIndex {
    /// Count the articles of a batch that follows those already added.
    pub fn add(&mut self, batch: &[Arc<Article>]) {
        self.of_article.reserve(batch.len());
        for article in batch {
            let id = if let Some(&id) = self.ids.get(article.source.as_str()) {
                id
            } else {
                let id = self.sources.len();
                self.ids.insert(article.source.clone(), id);
                self.sources.push(SourceInfo {
                    name: article.source.clone(),
                    articles: 0,
                    dates: DateRange::default(),
                });
                id
            };
            let info = &mut self.sources[id];
            info.articles += 1;
            info.dates.include(article.date);
            self.of_article.push(id);
        }
    }

    /// The number of distinct sources.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    pub fn get(&self, source: usize) -> Option<&SourceInfo> {
        self.sources.get(source)
    }

    /// Every source, numbered by first appearance.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &SourceInfo)> {
        self.sources.iter().enumerate()
    }

    /// The source of the article at load position `article`.
    pub fn of_article(&self, article: usize) -> Option<usize> {
        self.of_article.get(article).copied()
    }
}

/// A row of the grouped list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupRow {
    /// The header of group `n`.
    Header(usize),
    /// The article at this position of the flat list.
    Article(usize),
}

/// One source's articles in the current list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub source: usize,
    /// Positions in the flat list, in its order.
    pub members: Vec<usize>,
    pub dates: DateRange,
}

/// The flat list grouped by source: groups in the order their sources first
/// appear in it (so under a filter the best match's source comes first and
/// the best match is the first article), a header row before each group.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    list: Vec<Group>,
    /// Group of each source id, when the source is in the list.
    of_source: Vec<Option<usize>>,
    /// The header row of each group; increasing.
    starts: Vec<usize>,
    /// For each position of the flat list: its group and place in it.
    place: Vec<(usize, usize)>,
}

impl Groups {
    /// Group a flat list given the source and date of each of its rows, in
    /// order.
    pub fn build(rows: impl IntoIterator<Item = (usize, Option<NaiveDate>)>) -> Self {
        let mut groups = Self::default();
        groups.extend(rows);
        groups
    }

    /// Append rows to the end of the flat list (articles streaming in while
    /// no filter is on). Costs the new rows plus one pass over the groups.
    pub fn extend(&mut self, rows: impl IntoIterator<Item = (usize, Option<NaiveDate>)>) {
        for (source, date) in rows {
            if source >= self.of_source.len() {
                self.of_source.resize(source + 1, None);
            }
            let group = *self.of_source[source].get_or_insert_with(|| {
                self.list.push(Group {
                    source,
                    members: Vec::new(),
                    dates: DateRange::default(),
                });
                self.list.len() - 1
            });
            let position = self.place.len();
            let members = &mut self.list[group].members;
            self.place.push((group, members.len()));
            members.push(position);
            self.list[group].dates.include(date);
        }
        self.starts.clear();
        let mut row = 0;
        for group in &self.list {
            self.starts.push(row);
            row += 1 + group.members.len();
        }
    }

    /// Put the groups with the newest articles first (by the last date of
    /// each; undated groups last), ties in the order they were. The
    /// articles of each group keep their order.
    pub fn newest_first(&mut self) {
        let mut order: Vec<usize> = (0..self.list.len()).collect();
        order.sort_by_key(|&g| std::cmp::Reverse(self.list[g].dates.last));
        if order.iter().enumerate().all(|(i, &g)| i == g) {
            return;
        }
        let mut new_of_old = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_of_old[old] = new;
        }
        let mut old: Vec<Option<Group>> = std::mem::take(&mut self.list)
            .into_iter()
            .map(Some)
            .collect();
        self.list = order.iter().filter_map(|&g| old[g].take()).collect();
        for slot in self.of_source.iter_mut().flatten() {
            *slot = new_of_old[*slot];
        }
        for (group, _) in &mut self.place {
            *group = new_of_old[*group];
        }
        self.starts.clear();
        let mut row = 0;
        for group in &self.list {
            self.starts.push(row);
            row += 1 + group.members.len();
        }
    }

    /// Rows in all: headers and articles.
    pub fn rows(&self) -> usize {
        self.list.len() + self.place.len()
    }

    /// The number of articles (rows of the flat list).
    pub fn articles(&self) -> usize {
        self.place.len()
    }

    pub fn groups(&self) -> &[Group] {
        &self.list
    }

    pub fn group(&self, n: usize) -> Option<&Group> {
        self.list.get(n)
    }

    /// What is shown at grouped row `row`.
    pub fn at(&self, row: usize) -> Option<GroupRow> {
        if row >= self.rows() {
            return None;
        }
        let group = self.starts.partition_point(|&start| start <= row) - 1;
        let start = self.starts[group];
        if row == start {
            Some(GroupRow::Header(group))
        } else {
            self.list[group]
                .members
                .get(row - start - 1)
                .map(|&p| GroupRow::Article(p))
        }
    }

    /// The grouped row of flat position `position`.
    pub fn row_of(&self, position: usize) -> Option<usize> {
        let &(group, k) = self.place.get(position)?;
        Some(self.starts[group] + 1 + k)
    }

    /// The group that flat position `position` is in.
    pub fn group_of(&self, position: usize) -> Option<usize> {
        self.place.get(position).map(|&(group, _)| group)
    }

    /// The group of source `source`, when it has articles in the list.
    pub fn group_of_source(&self, source: usize) -> Option<usize> {
        self.of_source.get(source).copied().flatten()
    }

    /// The article at or next to grouped row `row`: a header stands for the
    /// article under it, or, going up (`direction` < 0), for the last
    /// article of the group above it when there is one.
    pub fn article_near(&self, row: usize, direction: isize) -> Option<usize> {
        let row = row.min(self.rows().checked_sub(1)?);
        match self.at(row)? {
            GroupRow::Article(p) => Some(p),
            GroupRow::Header(group) => {
                if direction < 0 && group > 0 {
                    self.list[group - 1].members.last().copied()
                } else {
                    self.list[group].members.first().copied()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 11, d)
    }

    #[test]
    fn date_ranges_label_first_and_last() {
        let mut range = DateRange::default();
        assert_eq!(range.label(), "");
        range.include(day(9));
        assert_eq!(range.label(), "2026-11-09");
        range.include(None);
        range.include(day(3));
        range.include(day(21));
        range.include(day(10));
        assert_eq!(range.label(), "2026-11-03 – 2026-11-21");
    }

    #[test]
    fn groups_follow_first_appearance_and_keep_the_list_order() {
        use GroupRow::{Article, Header};
        // Sources by flat position: 0 1 0 2 1 0.
        let rows = [
            (0, day(5)),
            (1, day(2)),
            (0, day(1)),
            (2, None),
            (1, day(4)),
            (0, day(9)),
        ];
        let groups = Groups::build(rows);
        assert_eq!(groups.rows(), 9);
        assert_eq!(groups.articles(), 6);
        let shown: Vec<GroupRow> = (0..groups.rows()).map(|r| groups.at(r).unwrap()).collect();
        assert_eq!(
            shown,
            vec![
                Header(0),
                Article(0),
                Article(2),
                Article(5),
                Header(1),
                Article(1),
                Article(4),
                Header(2),
                Article(3),
            ]
        );
        assert_eq!(groups.at(9), None);
        for (row, item) in shown.iter().enumerate() {
            if let Article(p) = item {
                assert_eq!(groups.row_of(*p), Some(row));
            }
        }
        assert_eq!(
            groups.group(0).unwrap().dates.label(),
            "2026-11-01 – 2026-11-09"
        );
        assert_eq!(groups.group(2).unwrap().dates.label(), "");
        assert_eq!(groups.group_of(4), Some(1));
        assert_eq!(groups.group_of_source(2), Some(2));
        assert_eq!(groups.group_of_source(7), None);
    }

    #[test]
    fn extending_gives_what_building_at_once_gives() {
        let rows: Vec<(usize, Option<NaiveDate>)> = (0..500)
            .map(|i| ((i * 7) % 13 % 5, day(1 + u32::try_from(i % 28).unwrap())))
            .collect();
        let whole = Groups::build(rows.iter().copied());
        let mut streamed = Groups::default();
        for chunk in rows.chunks(37) {
            streamed.extend(chunk.iter().copied());
        }
        assert_eq!(whole.rows(), streamed.rows());
        for row in 0..whole.rows() {
            assert_eq!(whole.at(row), streamed.at(row));
        }
        assert_eq!(whole.groups(), streamed.groups());
    }

    #[test]
    fn groups_can_be_put_newest_first_keeping_their_articles() {
        use GroupRow::{Article, Header};
        // Groups by flat position: 0 1 0 2; group 1 is newest, 2 undated.
        let mut groups = Groups::build([(0, day(5)), (1, day(9)), (0, day(1)), (2, None)]);
        groups.newest_first();
        let shown: Vec<GroupRow> = (0..groups.rows()).map(|r| groups.at(r).unwrap()).collect();
        assert_eq!(
            shown,
            vec![
                Header(0),
                Article(1),
                Header(1),
                Article(0),
                Article(2),
                Header(2),
                Article(3),
            ]
        );
        assert_eq!(groups.group(0).unwrap().source, 1);
        assert_eq!(groups.group_of_source(0), Some(1));
        assert_eq!(groups.group_of(3), Some(2));
        for (row, item) in shown.iter().enumerate() {
            if let Article(p) = item {
                assert_eq!(groups.row_of(*p), Some(row));
            }
        }
    }

    #[test]
    fn a_header_stands_for_the_article_beside_it() {
        let groups = Groups::build([(0, None), (1, None), (1, None)]);
        // Rows: H0 a0 H1 a1 a2.
        assert_eq!(groups.article_near(0, -1), Some(0));
        assert_eq!(groups.article_near(2, 1), Some(1));
        assert_eq!(groups.article_near(2, -1), Some(0));
        assert_eq!(groups.article_near(99, 1), Some(2));
        assert_eq!(Groups::default().article_near(0, 1), None);
    }

    #[test]
    fn the_source_index_counts_and_dates_each_source() {
        use crate::app::tests::article;
        let mut index = SourceIndex::default();
        index.add(&[
            article(3, "a", "Wire", ""),
            article(1, "b", "Post", ""),
            article(9, "c", "Wire", ""),
        ]);
        index.add(&[article(5, "d", "Post", "")]);
        assert_eq!(index.len(), 2);
        let wire = index.get(0).unwrap();
        assert_eq!((wire.name.as_str(), wire.articles), ("Wire", 2));
        assert_eq!(wire.dates.label(), "2026-11-04 – 2026-11-10");
        assert_eq!(index.get(1).unwrap().articles, 2);
        assert_eq!(index.of_article(2), Some(0));
        assert_eq!(index.of_article(3), Some(1));
        assert_eq!(index.of_article(4), None);
    }
}
