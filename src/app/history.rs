//! Where the reader has been: a list of places to go back to and, after
//! going back, forward to again, as a browser's or vim's jump list.

use std::ops::Range;

/// A place in the reader: an article, the body offset at the top of the
/// screen (`None` on the title) and the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The article's position in load order.
    pub article: usize,
    pub top: Option<usize>,
    pub cursor: Option<Range<usize>>,
}

/// How many places are kept each way.
const KEEP: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct History {
    back: Vec<Place>,
    forward: Vec<Place>,
}

impl History {
    /// A jump is made from `from`: remember it, and forget the places
    /// ahead (as a browser does after following a new link).
    pub fn leave(&mut self, from: Place) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > KEEP {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// The place to go back to from `current`, which is kept to come
    /// forward to again.
    pub fn back(&mut self, current: Option<Place>) -> Option<Place> {
        let place = self.back.pop()?;
        if let Some(current) = current {
            self.forward.push(current);
        }
        Some(place)
    }

    /// The place to go forward to from `current`, which is kept to come
    /// back to.
    pub fn forward(&mut self, current: Option<Place>) -> Option<Place> {
        let place = self.forward.pop()?;
        if let Some(current) = current {
            self.back.push(current);
        }
        Some(place)
    }

    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty()
    }

    pub fn can_go_forward(&self) -> bool {
        !self.forward.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(article: usize) -> Place {
        Place {
            article,
            top: Some(article * 10),
            cursor: None,
        }
    }

    #[test]
    fn back_and_forward_retrace_the_jumps() {
        let mut h = History::default();
        h.leave(at(0));
        h.leave(at(1));
        // Now at 2.
        assert_eq!(h.back(Some(at(2))), Some(at(1)));
        assert_eq!(h.back(Some(at(1))), Some(at(0)));
        assert_eq!(h.back(Some(at(0))), None);
        assert!(h.can_go_forward());
        assert_eq!(h.forward(Some(at(0))), Some(at(1)));
        assert_eq!(h.forward(Some(at(1))), Some(at(2)));
        assert_eq!(h.forward(Some(at(2))), None);
    }

    #[test]
    fn a_new_jump_forgets_the_places_ahead() {
        let mut h = History::default();
        h.leave(at(0));
        assert_eq!(h.back(Some(at(1))), Some(at(0)));
        h.leave(at(0));
        assert!(!h.can_go_forward());
        assert!(h.can_go_back());
    }

    #[test]
    fn the_same_place_twice_is_kept_once_and_the_list_is_bounded() {
        let mut h = History::default();
        h.leave(at(3));
        h.leave(at(3));
        assert_eq!(h.back(None), Some(at(3)));
        assert!(!h.can_go_back());
        for i in 0..KEEP + 50 {
            h.leave(at(i));
        }
        let mut n = 0;
        while h.back(None).is_some() {
            n += 1;
        }
        assert_eq!(n, KEEP);
    }
}
