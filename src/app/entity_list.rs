//! The entity index: every name in the loaded (or filtered) articles with
//! its kind and counts of mentions, articles and sources, sortable by each
//! and narrowed fuzzily as the user types.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::entities::{ArticleSet, EntityIndex, EntityRow, EntitySort};
use crate::highlight::EntityKind;

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
        };
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
