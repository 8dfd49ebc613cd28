//! Short lists of articles by key, for the grouping's indexes: which
//! articles share an LSH bucket, which have a feature on a day.
//!
//! Millions of lists, most of one article: a list of one is kept in its
//! key's entry; longer ones in blocks of a power of two articles in one
//! pool, moved to a block twice as big when full (the block left behind is
//! reused by the next list that needs one of its size). A list's articles
//! are side by side, so reading one costs a cache miss or two where a
//! linked list cost one per article. Only the articles still read are
//! kept (see [`Overflow`]).

use std::collections::HashMap;
use std::hash::Hash;

use foldhash::fast::FixedState;

/// What a list keeps once it has more than its `keep` articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overflow {
    /// Only the newest `keep`.
    DropOldest,
    /// None: the list is only counted (it is too common to be read).
    Forget,
}

#[derive(Debug, Clone, Copy)]
struct Head {
    /// Articles pushed, whether kept or not.
    len: u32,
    /// The article itself when one is kept; else where its block starts.
    at: u32,
}

/// Lists of articles (`u32`) by key, each key with something more about
/// it (`X`) kept beside its list's head.
#[derive(Debug)]
pub struct Lists<K, X = ()> {
    heads: HashMap<K, (Head, X), FixedState>,
    pool: Vec<u32>,
    /// Per size (2, 4, 8, …: index `log2(size) - 1`), blocks no list uses.
    free: Vec<Vec<u32>>,
    keep: u32,
    overflow: Overflow,
}

/// A list as found: how many articles were pushed to it, and those kept.
#[derive(Debug, Clone, Copy)]
pub struct List<'a> {
    pub len: usize,
    one: Option<u32>,
    block: &'a [u32],
}

impl List<'_> {
    /// The articles kept, newest first.
    pub fn newest(self) -> impl Iterator<Item = u32> {
        self.one.into_iter().chain(self.block.iter().rev().copied())
    }
}

impl<K: Hash + Eq, X: Default> Lists<K, X> {
    /// Lists that keep up to `keep` articles (at least one), then do as
    /// `overflow` says.
    pub fn new(keep: usize, overflow: Overflow) -> Self {
        Self {
            heads: HashMap::default(),
            pool: Vec::new(),
            free: Vec::new(),
            keep: u32::try_from(keep.max(1)).unwrap_or(u32::MAX),
            overflow,
        }
    }

    /// Add an article to the key's list.
    pub fn push(&mut self, key: K, article: u32) {
        let Self {
            heads,
            pool,
            free,
            keep,
            overflow,
        } = self;
        let kept = |len: u32| kept(len, *keep, *overflow);
        let (head, _) = heads
            .entry(key)
            .or_insert_with(|| (Head { len: 0, at: 0 }, X::default()));
        let before = kept(head.len);
        let len = head.len.saturating_add(1);
        let after = kept(len);
        match (before, after) {
            (_, 0) => {
                if before > 1 {
                    release(free, head.at, before);
                }
                head.at = 0;
            }
            (0, 1) => head.at = article,
            (1, 2) => {
                let Some(at) = claim(pool, free, 2) else {
                    return;
                };
                pool[at as usize] = head.at;
                pool[at as usize + 1] = article;
                head.at = at;
            }
            (b, a) if a == b + 1 => {
                let at = if b.is_power_of_two() {
                    // The block is full: move to one twice as big.
                    let Some(to) = claim(pool, free, a) else {
                        return;
                    };
                    let from = head.at as usize;
                    pool.copy_within(from..from + b as usize, to as usize);
                    release(free, head.at, b);
                    to
                } else {
                    head.at
                };
                pool[(at + b) as usize] = article;
                head.at = at;
            }
            _ => {
                // As many kept as before: the oldest makes room.
                let (from, to) = (head.at as usize, (head.at + before) as usize);
                if before == 1 {
                    head.at = article;
                } else {
                    pool.copy_within(from + 1..to, from);
                    pool[to - 1] = article;
                }
            }
        }
        head.len = len;
    }

    /// What is kept about a key, made when missing.
    pub fn about(&mut self, key: K) -> &mut X {
        &mut self
            .heads
            .entry(key)
            .or_insert_with(|| (Head { len: 0, at: 0 }, X::default()))
            .1
    }

    /// A key's list (empty when nothing was pushed to it).
    pub fn list(&self, key: &K) -> List<'_> {
        self.find(key).0
    }

    /// A key's list and what is kept about it, if anything is.
    pub fn find(&self, key: &K) -> (List<'_>, Option<&X>) {
        let Some((head, about)) = self.heads.get(key) else {
            return (
                List {
                    len: 0,
                    one: None,
                    block: &[],
                },
                None,
            );
        };
        let head = *head;
        let kept = kept(head.len, self.keep, self.overflow);
        let (one, block) = match kept {
            0 => (None, &[][..]),
            1 => (Some(head.at), &[][..]),
            n => (
                None,
                self.pool
                    .get(head.at as usize..(head.at + n) as usize)
                    .unwrap_or_default(),
            ),
        };
        (
            List {
                len: head.len as usize,
                one,
                block,
            },
            Some(about),
        )
    }

    pub fn shrink_to_fit(&mut self) {
        self.heads.shrink_to_fit();
        self.pool.shrink_to_fit();
    }

    /// Bytes held, roughly.
    pub fn memory_bytes(&self) -> usize {
        self.heads.capacity() * (size_of::<(K, (Head, X))>() + 1)
            + self.pool.capacity() * 4
            + self.free.iter().map(|f| f.capacity() * 4).sum::<usize>()
    }
}

/// How many of `len` articles pushed to a list are kept.
fn kept(len: u32, keep: u32, overflow: Overflow) -> u32 {
    match overflow {
        Overflow::DropOldest => len.min(keep),
        Overflow::Forget if len > keep => 0,
        Overflow::Forget => len,
    }
}

/// The block size for `n` articles: the power of two at or above it.
fn block_size(n: u32) -> u32 {
    n.next_power_of_two()
}

/// A block for `n` articles: a free one of its size, or a new one at the
/// end of the pool (none once the pool has `u32::MAX` articles).
fn claim(pool: &mut Vec<u32>, free: &mut [Vec<u32>], n: u32) -> Option<u32> {
    let size = block_size(n);
    let class = size.trailing_zeros() as usize;
    if let Some(at) = free.get_mut(class).and_then(Vec::pop) {
        return Some(at);
    }
    let at = u32::try_from(pool.len()).ok()?;
    at.checked_add(size)?;
    pool.resize(pool.len() + size as usize, 0);
    Some(at)
}

/// Give back the block at `at` holding `n` articles.
fn release(free: &mut Vec<Vec<u32>>, at: u32, n: u32) {
    let class = block_size(n).trailing_zeros() as usize;
    if free.len() <= class {
        free.resize_with(class + 1, Vec::new);
    }
    free[class].push(at);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn newest(lists: &Lists<u64>, key: u64) -> Vec<u32> {
        lists.list(&key).newest().collect()
    }

    #[test]
    fn a_list_gives_its_articles_newest_first_and_counts_them() {
        let mut lists = Lists::new(100, Overflow::DropOldest);
        for a in 0..37 {
            lists.push(7, a);
            lists.push(8, 1000 + a);
            if a % 3 == 0 {
                lists.push(9, 2000 + a);
            }
        }
        assert_eq!(newest(&lists, 7), (0..37).rev().collect::<Vec<_>>());
        assert_eq!(newest(&lists, 8), (1000..1037).rev().collect::<Vec<_>>());
        let nines: Vec<u32> = (0..37)
            .rev()
            .filter(|a| a % 3 == 0)
            .map(|a| 2000 + a)
            .collect();
        assert_eq!(newest(&lists, 9), nines);
        assert_eq!(lists.list(&7).len, 37);
        assert_eq!(lists.list(&10).len, 0);
        assert!(newest(&lists, 10).is_empty());
    }

    #[test]
    fn drop_oldest_keeps_the_newest() {
        for keep in [1, 2, 3, 4, 5, 8] {
            let mut lists = Lists::new(keep, Overflow::DropOldest);
            for a in 0..20 {
                lists.push(1, a);
                let want: Vec<u32> = (0..=a).rev().take(keep).collect();
                assert_eq!(newest(&lists, 1), want, "keep {keep}, after {a}");
                assert_eq!(lists.list(&1).len, a as usize + 1);
            }
        }
    }

    #[test]
    fn forget_counts_a_long_list_but_keeps_none_of_it() {
        let mut lists = Lists::new(3, Overflow::Forget);
        for a in 0..3 {
            lists.push(1, a);
        }
        assert_eq!(newest(&lists, 1), vec![2, 1, 0]);
        lists.push(1, 3);
        lists.push(1, 4);
        assert!(newest(&lists, 1).is_empty());
        assert_eq!(lists.list(&1).len, 5);
    }

    #[test]
    fn blocks_left_behind_are_reused() {
        let mut lists: Lists<u64> = Lists::new(2, Overflow::Forget);
        for key in 0..100u64 {
            for a in 0..3 {
                lists.push(key, u32::try_from(key).unwrap() * 10 + a);
            }
        }
        // Each list grew to a block of two, then forgot it: one block in
        // the pool served them all.
        assert_eq!(lists.pool.len(), 2);
        let mut lists: Lists<u64> = Lists::new(8, Overflow::DropOldest);
        for key in 0..50u64 {
            for a in 0..5 {
                lists.push(key, a);
            }
        }
        // Blocks of 2 and 4 left behind by each list are taken by the next.
        assert!(lists.pool.len() <= 50 * 8 + 6, "{}", lists.pool.len());
        assert_eq!(newest(&lists, 49), vec![4, 3, 2, 1, 0]);
    }
}
