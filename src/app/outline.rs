//! The outline of the open article: its people, organizations, places,
//! other names, figures and dates with how often each is mentioned, in a
//! side list with a highlight of its own.

use crate::entities::OutlineEntry;
use crate::highlight::EntityKind;

/// How much of a long article the outline covers: highlighting more would
/// hold the screen up for too long.
pub const OUTLINE_BYTES: usize = 4 * 1024 * 1024;

/// A row of the outline as shown: a kind's heading, or an entry under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineRow {
    Kind(EntityKind),
    Entry(usize),
}

#[derive(Debug, Clone)]
pub struct OutlineView {
    /// The article's position in load order.
    pub article: usize,
    /// Sorted by kind, as [`crate::entities::outline`] gives them.
    pub entries: Vec<OutlineEntry>,
    pub rows: Vec<OutlineRow>,
    /// Index into `entries` of the highlighted entry.
    pub selected: usize,
    /// First row on screen.
    pub offset: usize,
    /// Whether only the start of a long article is covered.
    pub partial: bool,
}

impl OutlineView {
    pub fn new(article: usize, entries: Vec<OutlineEntry>, partial: bool) -> Self {
        let mut rows = Vec::with_capacity(entries.len() + EntityKind::ALL.len());
        for (i, e) in entries.iter().enumerate() {
            if i == 0 || entries[i - 1].kind != e.kind {
                rows.push(OutlineRow::Kind(e.kind));
            }
            rows.push(OutlineRow::Entry(i));
        }
        Self {
            article,
            entries,
            rows,
            selected: 0,
            offset: 0,
            partial,
        }
    }

    pub fn current(&self) -> Option<&OutlineEntry> {
        self.entries.get(self.selected)
    }

    /// The row the entry `entry` is shown on.
    pub fn row_of(&self, entry: usize) -> usize {
        self.rows
            .iter()
            .position(|r| *r == OutlineRow::Entry(entry))
            .unwrap_or(0)
    }

    pub fn move_by(&mut self, step: isize) {
        self.selected = self
            .selected
            .saturating_add_signed(step)
            .min(self.entries.len().saturating_sub(1));
    }

    /// Scroll so the highlighted entry, and its kind's heading when it is
    /// the first of its kind, are among `height` rows on screen.
    pub fn keep_visible(&mut self, height: usize) {
        let height = height.max(1);
        let row = self.row_of(self.selected);
        let top = match row.checked_sub(1).map(|r| self.rows[r]) {
            Some(OutlineRow::Kind(_)) if height > 1 => row - 1,
            _ => row,
        };
        if top < self.offset {
            self.offset = top;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }
}

/// The heading of a kind in the outline.
pub fn heading(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
        EntityKind::Place => "Places",
        EntityKind::Name => "Other names",
        EntityKind::Number => "Figures",
        EntityKind::Date => "Dates",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::outline;
    use crate::highlight::highlight;

    #[test]
    fn rows_put_a_heading_over_each_kind_and_the_highlight_moves_on_entries() {
        let text = "Anneke Verhoeven met Havenbond in Rotterdam. Verhoeven said 3,800 \
                    walked out on Monday.";
        let mut view = OutlineView::new(0, outline(text, &highlight(text)), false);
        let kinds: Vec<EntityKind> = view
            .rows
            .iter()
            .filter_map(|r| match r {
                OutlineRow::Kind(k) => Some(*k),
                OutlineRow::Entry(_) => None,
            })
            .collect();
        assert_eq!(kinds[0], EntityKind::Person);
        assert!(kinds.contains(&EntityKind::Number));
        assert_eq!(view.rows[1], OutlineRow::Entry(0));
        assert_eq!(view.current().unwrap().label, "Anneke Verhoeven");
        assert_eq!(view.current().unwrap().count(), 2);
        view.move_by(100);
        assert_eq!(view.selected, view.entries.len() - 1);
        view.keep_visible(3);
        assert_eq!(view.offset, view.rows.len() - 3);
        view.move_by(-100);
        view.keep_visible(3);
        assert_eq!(view.offset, 0, "the first heading shows");
    }
}
