//! The entity index: every name in the loaded (or filtered) articles with
//! its kind and counts of mentions, articles and sources, sortable by each
//! and narrowed fuzzily as the user types.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use chrono::Datelike;

use crate::app::grouping::DateRange;
use crate::entities::{ArticleSet, EntityId, EntityIndex, EntityRow, EntitySort};
use crate::highlight::EntityKind;

/// Where and when the highlighted entity is mentioned: by source, and per
/// day over the dates of the articles listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityProfile {
    pub id: EntityId,
    /// Sources with how many mentions, the most first (ties by name).
    pub sources: Vec<(String, u64)>,
    /// Mentions per day, from the first to the last date of the articles
    /// listed (empty when none is dated).
    pub per_day: Vec<u64>,
    /// Mentions in undated articles.
    pub undated: u64,
}

impl EntityProfile {
    /// The profile of entity `id` over the articles of `within` (all when
    /// `None`), its days spanning `dates`.
    pub fn new(
        index: &EntityIndex,
        id: EntityId,
        within: Option<&ArticleSet>,
        dates: DateRange,
    ) -> Self {
        let mut by_source: std::collections::HashMap<&str, u64> = std::collections::HashMap::new();
        let first = dates.first.map(|d| d.num_days_from_ce());
        let days = match (dates.first, dates.last) {
            (Some(a), Some(b)) => usize::try_from((b - a).num_days() + 1).unwrap_or(0),
            _ => 0,
        };
        let mut per_day = vec![0u64; days];
        let mut undated = 0;
        for (article, n) in index.mention_counts(id, within) {
            let Some(a) = index.article(article) else {
                continue;
            };
            *by_source.entry(a.source.as_str()).or_default() += u64::from(n);
            let day = a
                .date
                .zip(first)
                .and_then(|(d, f)| usize::try_from(d.num_days_from_ce() - f).ok());
            match day.and_then(|d| per_day.get_mut(d)) {
                Some(slot) => *slot += u64::from(n),
                None => undated += u64::from(n),
            }
        }
        let mut sources: Vec<(String, u64)> = by_source
            .into_iter()
            .map(|(s, n)| (s.to_string(), n))
            .collect();
        sources.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Self {
            id,
            sources,
            per_day,
            undated,
        }
    }
}

/// The first and last date of the articles the index covers (of
/// `within`, when given).
fn dates_of(index: &EntityIndex, within: Option<&ArticleSet>) -> DateRange {
    let mut range = DateRange::default();
    for a in (0..index.len()).filter(|&a| within.is_none_or(|set| set.contains(a))) {
        range.include(index.article(a).and_then(|a| a.date));
    }
    range
}

/// `per_day` in at most `columns` bars: each bar the mentions of as many
/// days as it takes to fit (the last bar may hold fewer).
pub fn bars(per_day: &[u64], columns: usize) -> Vec<u64> {
    if columns == 0 || per_day.is_empty() {
        return Vec::new();
    }
    let days = per_day.len().div_ceil(columns);
    per_day.chunks(days).map(|c| c.iter().sum()).collect()
}

#[derive(Debug, Clone)]
pub struct EntityList {
    /// Every entity, in the sort order.
    pub rows: Vec<EntityRow>,
    /// Display names, one per row, end to end (one allocation however
    /// many entities): row `i`'s ends at `name_ends[i]`.
    name_text: String,
    name_ends: Vec<u32>,
    pub sort: EntitySort,
    /// The articles counted, when the list is filtered.
    pub within: Option<ArticleSet>,
    pub input: String,
    /// Indices into `rows` of the entities shown for what is typed.
    pub matches: Vec<usize>,
    /// Index into `matches` of the highlighted entity.
    pub selected: usize,
    /// First match on screen.
    pub offset: usize,
    /// The text `matches` answer.
    matched: Option<String>,
    /// The dates of the articles listed.
    pub dates: DateRange,
    /// Where and when the highlighted entity is mentioned.
    pub profile: Option<EntityProfile>,
}

impl EntityList {
    pub fn new(index: &EntityIndex, sort: EntitySort, within: Option<ArticleSet>) -> Self {
        let mut list = Self {
            rows: Vec::new(),
            name_text: String::new(),
            name_ends: Vec::new(),
            sort,
            within,
            input: String::new(),
            matches: Vec::new(),
            selected: 0,
            offset: 0,
            matched: None,
            dates: DateRange::default(),
            profile: None,
        };
        list.dates = dates_of(index, list.within.as_ref());
        list.load(index);
        list
    }

    /// Read the rows from the index, in the sort order.
    fn load(&mut self, index: &EntityIndex) {
        let kept = self.current().map(|r| r.id);
        self.rows = index.entities(self.sort, self.within.as_ref());
        self.name_text.clear();
        self.name_ends.clear();
        for row in &self.rows {
            self.name_text.push_str(index.name(row.id));
            self.name_ends
                .push(u32::try_from(self.name_text.len()).unwrap_or(u32::MAX));
        }
        self.matched = None;
        self.refresh();
        if let Some(k) = kept.and_then(|id| {
            self.matches
                .iter()
                .position(|&m| self.rows.get(m).is_some_and(|r| r.id == id))
        }) {
            self.selected = k;
        }
    }

    /// Sort by the next column: mentions, articles, sources, name.
    pub fn cycle_sort(&mut self, index: &EntityIndex) {
        self.sort = match self.sort {
            EntitySort::Mentions => EntitySort::Articles,
            EntitySort::Articles => EntitySort::Sources,
            EntitySort::Sources => EntitySort::Name,
            EntitySort::Name => EntitySort::Mentions,
        };
        self.load(index);
    }

    pub fn current(&self) -> Option<&EntityRow> {
        self.rows.get(*self.matches.get(self.selected)?)
    }

    pub fn current_name(&self) -> Option<&str> {
        Some(self.name(*self.matches.get(self.selected)?))
    }

    /// The name of row `i` (empty past the end).
    pub fn name(&self, i: usize) -> &str {
        let start = i
            .checked_sub(1)
            .and_then(|p| self.name_ends.get(p))
            .map_or(0, |&e| e as usize);
        let end = self.name_ends.get(i).map_or(start, |&e| e as usize);
        self.name_text.get(start..end).unwrap_or("")
    }

    /// Every row's name, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        (0..self.rows.len()).map(|i| self.name(i))
    }

    /// Narrow to what is typed: every word fuzzy-matches the name; the
    /// sort order stays. Typing on at the end only narrows.
    pub fn refresh(&mut self) {
        let words: Vec<&str> = self.input.split_whitespace().collect();
        let narrowing = self
            .matched
            .as_ref()
            .is_some_and(|before| self.input.starts_with(before.as_str()));
        let matcher = SkimMatcherV2::default();
        let accept = |name: &str| words.iter().all(|w| matcher.fuzzy_match(name, w).is_some());
        self.matches = if words.is_empty() {
            (0..self.rows.len()).collect()
        } else if narrowing {
            self.matches
                .iter()
                .copied()
                .filter(|&i| accept(self.name(i)))
                .collect()
        } else {
            (0..self.rows.len())
                .filter(|&i| accept(self.name(i)))
                .collect()
        };
        self.matched = Some(self.input.clone());
        self.selected = 0;
        self.offset = 0;
    }

    /// Profile the highlighted entity, unless it already is.
    pub fn profile_current(&mut self, index: &EntityIndex) {
        let id = self.current().map(|r| r.id);
        if self.profile.as_ref().map(|p| p.id) == id {
            return;
        }
        self.profile = id.map(|id| EntityProfile::new(index, id, self.within.as_ref(), self.dates));
    }

    pub fn move_by(&mut self, step: isize) {
        self.selected = self
            .selected
            .saturating_add_signed(step)
            .min(self.matches.len().saturating_sub(1));
    }

    pub fn keep_visible(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.matches.len().saturating_sub(height));
    }
}

/// The filter term for the entity `name` of `kind`: `person:"NAME"` (or
/// `org:`, `place:`, `name:`). The filter has no escape for a `"` inside
/// quotes, so a name holding one is searched by its longest stretch
/// without one.
pub fn entity_term(kind: EntityKind, name: &str) -> String {
    let field = match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "org",
        EntityKind::Place => "place",
        _ => "name",
    };
    let value = if name.contains('"') {
        name.split('"')
            .map(str::trim)
            .max_by_key(|piece| piece.len())
            .unwrap_or_default()
    } else {
        name
    };
    format!("{field}:\"{value}\"")
}

/// The label of a sort order, for the window's title.
pub fn sort_label(sort: EntitySort) -> &'static str {
    match sort {
        EntitySort::Mentions => "mentions",
        EntitySort::Articles => "articles",
        EntitySort::Sources => "sources",
        EntitySort::Name => "name",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::article;

    fn index() -> EntityIndex {
        let mut index = EntityIndex::new();
        index.add(&[
            article(
                0,
                "a",
                "Wire",
                "Anneke Verhoeven met Havenbond in Rotterdam.",
            ),
            article(
                1,
                "b",
                "Post",
                "Verhoeven spoke in Rotterdam. Rotterdam waited.",
            ),
            article(2, "c", "Post", "Jan de Vries spoke in Utrecht."),
        ]);
        index
    }

    #[test]
    fn sorted_by_mentions_then_each_column_in_turn() {
        let index = index();
        let mut list = EntityList::new(&index, EntitySort::Mentions, None);
        assert_eq!(list.current_name(), Some("Rotterdam"));
        assert_eq!(list.current().unwrap().mentions, 3);
        list.cycle_sort(&index);
        assert_eq!(list.sort, EntitySort::Articles);
        list.cycle_sort(&index);
        assert_eq!(list.sort, EntitySort::Sources);
        list.cycle_sort(&index);
        assert_eq!(list.sort, EntitySort::Name);
        assert_eq!(list.name(list.matches[0]), "Anneke Verhoeven");
        assert_eq!(
            list.current_name(),
            Some("Rotterdam"),
            "the highlight stays"
        );
        list.cycle_sort(&index);
        assert_eq!(list.sort, EntitySort::Mentions);
    }

    #[test]
    fn typing_narrows_fuzzily_keeping_the_order() {
        let index = index();
        let mut list = EntityList::new(&index, EntitySort::Mentions, None);
        list.input = "vr".into();
        list.refresh();
        let names: Vec<&str> = list.matches.iter().map(|&i| list.name(i)).collect();
        assert!(names.contains(&"Anneke Verhoeven"));
        assert!(names.contains(&"Jan de Vries"));
        list.input = "vries".into();
        list.refresh();
        assert_eq!(list.current_name(), Some("Jan de Vries"));
        list.input = "zzz".into();
        list.refresh();
        assert!(list.current().is_none());
    }

    #[test]
    fn within_counts_only_those_articles() {
        let index = index();
        let list = EntityList::new(
            &index,
            EntitySort::Mentions,
            Some(ArticleSet::from_indices([2])),
        );
        assert!(list.names().all(|n| n != "Rotterdam"));
        assert!(list.names().any(|n| n == "Utrecht"));
    }

    #[test]
    fn the_highlighted_entity_is_profiled_by_source_and_day() {
        let index = index();
        let mut list = EntityList::new(&index, EntitySort::Mentions, None);
        // Articles 0, 1, 2 are dated 1, 2 and 3 November.
        assert_eq!(list.dates.label(), "2026-11-01 – 2026-11-03");
        list.profile_current(&index);
        let profile = list.profile.clone().unwrap();
        assert_eq!(list.current_name(), Some("Rotterdam"));
        assert_eq!(
            profile.sources,
            vec![("Post".to_string(), 2), ("Wire".to_string(), 1)]
        );
        assert_eq!(profile.per_day, vec![1, 2, 0]);
        assert_eq!(profile.undated, 0);
        list.input = "vries".into();
        list.refresh();
        list.profile_current(&index);
        let profile = list.profile.clone().unwrap();
        assert_eq!(profile.sources, vec![("Post".to_string(), 1)]);
        assert_eq!(profile.per_day, vec![0, 0, 1]);
        // Filtered, only those articles count, and only their dates span.
        let mut list = EntityList::new(
            &index,
            EntitySort::Mentions,
            Some(ArticleSet::from_indices([1])),
        );
        list.profile_current(&index);
        assert_eq!(list.dates.label(), "2026-11-02");
        assert_eq!(list.profile.unwrap().per_day, vec![2]);
    }

    #[test]
    fn days_are_summed_into_as_many_bars_as_fit() {
        assert_eq!(bars(&[1, 2, 3], 10), vec![1, 2, 3]);
        assert_eq!(bars(&[1, 2, 3, 4, 5], 2), vec![6, 9]);
        assert_eq!(bars(&[1, 2, 3, 4], 2), vec![3, 7]);
        assert!(bars(&[], 5).is_empty());
        assert!(bars(&[1], 0).is_empty());
        let year = vec![1; 365];
        let fitted = bars(&year, 100);
        assert!(fitted.len() <= 100);
        assert_eq!(fitted.iter().sum::<u64>(), 365);
    }

    #[test]
    fn terms_name_the_kind_and_quote_the_name() {
        assert_eq!(
            entity_term(EntityKind::Person, "Anneke Verhoeven"),
            "person:\"Anneke Verhoeven\""
        );
        assert_eq!(
            entity_term(EntityKind::Organization, "Havenbond"),
            "org:\"Havenbond\""
        );
        assert_eq!(
            entity_term(EntityKind::Place, "Rotterdam"),
            "place:\"Rotterdam\""
        );
        assert_eq!(entity_term(EntityKind::Name, "Dutch"), "name:\"Dutch\"");
        assert_eq!(
            entity_term(EntityKind::Organization, "The \"Harbour\" Ledger"),
            "org:\"Harbour\""
        );
    }
}
