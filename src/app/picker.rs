//! The source picker: a fuzzy list of the loaded sources, narrowed as the
//! user types, as the filter bar narrows the articles.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::grouping::SourceIndex;

/// A source the typed text matches, with the chars to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerMatch {
    pub source: usize,
    /// Char indices of the source's name that the text matched.
    pub positions: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct SourcePicker {
    pub input: String,
    pub matches: Vec<PickerMatch>,
    /// Index into `matches` of the highlighted source.
    pub selected: usize,
    /// First match on screen.
    pub offset: usize,
    /// The text `matches` answer, and how many sources there were then.
    matched: Option<(String, usize)>,
}

impl SourcePicker {
    /// A picker listing every source, with `current` (the source being
    /// read) highlighted.
    pub fn new(sources: &SourceIndex, current: Option<usize>) -> Self {
        let mut picker = Self::default();
        picker.refresh(sources);
        if let Some(k) = current.and_then(|c| picker.matches.iter().position(|m| m.source == c)) {
            picker.selected = k;
        }
        picker
    }

    /// The highlighted source.
    pub fn current(&self) -> Option<usize> {
        self.matches.get(self.selected).map(|m| m.source)
    }

    /// Match the typed text against every source again (after typing, or
    /// when sources arrive), keeping the highlighted source when it still
    /// matches.
    ///
    /// Words separated by spaces must all fuzzy-match the name (smart case,
    /// as `SkimMatcherV2` does it); the best total score comes first. With
    /// nothing typed every source is listed, by name. Typing on at the end
    /// only narrows, so then only the sources matched before are tried.
    pub fn refresh(&mut self, sources: &SourceIndex) {
        let kept = self.current();
        let words: Vec<&str> = self.input.split_whitespace().collect();
        let matcher = SkimMatcherV2::default();
        let narrowing = self.matched.as_ref().is_some_and(|(before, count)| {
            *count == sources.len() && self.input.starts_with(before.as_str())
        });
        let candidates: Vec<usize> = if narrowing {
            self.matches.iter().map(|m| m.source).collect()
        } else {
            (0..sources.len()).collect()
        };
        let mut scored: Vec<(i64, String, PickerMatch)> = Vec::new();
        for (source, info) in candidates
            .into_iter()
            .filter_map(|s| Some((s, sources.get(s)?)))
        {
            let mut total = 0;
            let mut positions = Vec::new();
            let all = words.iter().all(|word| {
                matcher
                    .fuzzy_indices(&info.name, word)
                    .map(|(score, found)| {
                        total += score;
                        positions.extend(found);
                    })
                    .is_some()
            });
            if all {
                positions.sort_unstable();
                positions.dedup();
                let key = info.name.to_lowercase();
                scored.push((total, key, PickerMatch { source, positions }));
            }
        }
        scored.sort_unstable_by(|a, b| {
            b.0.cmp(&a.0)
                .then_with(|| a.1.cmp(&b.1))
                .then_with(|| a.2.source.cmp(&b.2.source))
        });
        self.matches = scored.into_iter().map(|(_, _, m)| m).collect();
        self.matched = Some((self.input.clone(), sources.len()));
        self.selected = kept
            .and_then(|source| self.matches.iter().position(|m| m.source == source))
            .unwrap_or(0);
    }

    /// Move the highlight by `step`, within the matches.
    pub fn move_by(&mut self, step: isize) {
        self.selected = self
            .selected
            .saturating_add_signed(step)
            .min(self.matches.len().saturating_sub(1));
    }

    /// Scroll so the highlighted match is among `height` rows on screen.
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

/// The filter query that shows the articles of source `name`:
/// `source:"NAME"`. The filter has no escape for a `"` inside quotes, so a
/// name holding one is searched by its longest stretch without one.
pub fn source_query(name: &str) -> String {
    let value = if name.contains('"') {
        name.split('"')
            .map(str::trim)
            .max_by_key(|piece| piece.len())
            .unwrap_or_default()
    } else {
        name
    };
    format!("source:\"{value}\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::article;

    fn index(names: &[&str]) -> SourceIndex {
        let mut index = SourceIndex::default();
        let batch: Vec<_> = names
            .iter()
            .enumerate()
            .map(|(i, n)| article(i, "t", n, ""))
            .collect();
        index.add(&batch);
        index
    }

    fn names(picker: &SourcePicker, index: &SourceIndex) -> Vec<String> {
        picker
            .matches
            .iter()
            .map(|m| index.get(m.source).unwrap().name.clone())
            .collect()
    }

    #[test]
    fn nothing_typed_lists_every_source_by_name() {
        let index = index(&["valley Courier", "Meridian Post", "Northline Wire"]);
        let picker = SourcePicker::new(&index, None);
        assert_eq!(
            names(&picker, &index),
            ["Meridian Post", "Northline Wire", "valley Courier"]
        );
    }

    #[test]
    fn the_picker_opens_on_the_current_source() {
        let index = index(&["Valley Courier", "Meridian Post", "Northline Wire"]);
        let picker = SourcePicker::new(&index, Some(0));
        assert_eq!(picker.current(), Some(0));
        assert_eq!(picker.selected, 2, "Valley Courier is listed last");
    }

    #[test]
    fn typing_narrows_fuzzily_and_marks_the_letters() {
        let index = index(&["Valley Courier", "Meridian Post", "Northline Wire"]);
        let mut picker = SourcePicker::new(&index, None);
        picker.input = "nwir".into();
        picker.refresh(&index);
        assert_eq!(names(&picker, &index), ["Northline Wire"]);
        assert_eq!(picker.matches[0].positions, vec![0, 10, 11, 12]);
        picker.input = "post mer".into();
        picker.refresh(&index);
        assert_eq!(names(&picker, &index), ["Meridian Post"]);
        picker.input = "zzz".into();
        picker.refresh(&index);
        assert!(picker.matches.is_empty());
        assert_eq!(picker.current(), None);
    }

    #[test]
    fn typing_on_narrows_and_deleting_widens_again() {
        let index = index(&[
            "Valley Courier",
            "Meridian Post",
            "Northline Wire",
            "Vale Times",
        ]);
        let mut picker = SourcePicker::new(&index, None);
        let mut typed = String::new();
        let mut counts = Vec::new();
        for c in "vale t".chars() {
            typed.push(c);
            picker.input.clone_from(&typed);
            picker.refresh(&index);
            counts.push(picker.matches.len());
        }
        // Each step answers as a fresh search would.
        let mut fresh = SourcePicker::new(&index, None);
        fresh.input = "vale t".into();
        fresh.refresh(&index);
        assert_eq!(picker.matches, fresh.matches);
        assert_eq!(names(&picker, &index), ["Vale Times"]);
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        picker.input = "v".into();
        picker.refresh(&index);
        assert_eq!(picker.matches.len(), 2, "Valley Courier and Vale Times");
    }

    #[test]
    fn the_highlight_stays_on_its_source_when_the_list_changes() {
        let mut idx = index(&["Alpha", "Beta"]);
        let mut picker = SourcePicker::new(&idx, None);
        picker.move_by(1);
        assert_eq!(picker.current(), Some(1));
        idx.add(&[article(9, "t", "Aardvark", "")]);
        picker.refresh(&idx);
        assert_eq!(names(&picker, &idx), ["Aardvark", "Alpha", "Beta"]);
        assert_eq!(picker.current(), Some(1), "still Beta");
        picker.move_by(10);
        assert_eq!(picker.selected, 2);
        picker.move_by(-10);
        assert_eq!(picker.selected, 0);
    }

    #[test]
    fn scrolling_keeps_the_highlight_on_screen() {
        let names: Vec<String> = (0..20).map(|i| format!("Source {i:02}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let idx = index(&refs);
        let mut picker = SourcePicker::new(&idx, None);
        picker.move_by(12);
        picker.keep_visible(5);
        assert_eq!(picker.offset, 8);
        picker.move_by(-10);
        picker.keep_visible(5);
        assert_eq!(picker.offset, 2);
    }

    #[test]
    fn the_source_query_quotes_the_name() {
        assert_eq!(source_query("Northline Wire"), "source:\"Northline Wire\"");
        assert_eq!(source_query("The \"Harbour\" Ledger"), "source:\"Harbour\"");
        assert_eq!(source_query(""), "source:\"\"");
    }
}
