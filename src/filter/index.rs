//! The body-word index: every distinct lowercase body word (and number key)
//! with the ascending list of the articles that hold it.
//!
//! Layout, chosen for memory at 100,000 articles:
//! - the words live end to end in one `String` (`arena`), word `i` ending at
//!   `ends[i]`; a `hashbrown::HashTable` of word ids finds a word without a
//!   second copy of its text;
//! - each posting list is a byte vector of LEB128 varints holding the gaps
//!   between successive article positions (most gaps fit one byte);
//! - for prefix search the ids are kept sorted by word in two runs: a large
//!   `sorted` run and a small `pending` run that new words are merged into
//!   after each batch. `pending` is merged into `sorted` when it grows past an
//!   eighth of it, so a word is re-merged only a few times in all while
//!   articles stream in, and a search looks in both runs.

use std::sync::atomic::{AtomicBool, Ordering};

use hashbrown::HashTable;

use super::query::Mode;
use super::text::{self, Token};
use crate::article::Body;
use crate::ascii8;

/// Article positions ascending, each stored once, as varint gaps.
#[derive(Debug, Default)]
pub(crate) struct Postings {
    bytes: Vec<u8>,
    last: u32,
    count: u32,
}

impl Postings {
    /// Append `pos` (not below the last one; a repeat of it is ignored).
    /// Whether it was added.
    pub(crate) fn push(&mut self, pos: u32) -> bool {
        if self.count > 0 && pos <= self.last {
            return false;
        }
        let mut gap = if self.count == 0 {
            pos
        } else {
            pos - self.last
        };
        loop {
            // The low seven bits, with the high bit set when more follow.
            let low = u8::try_from(gap & 0x7f).unwrap_or(0);
            gap >>= 7;
            if gap == 0 {
                self.bytes.push(low);
                break;
            }
            self.bytes.push(low | 0x80);
        }
        self.last = pos;
        self.count += 1;
        true
    }

    /// Call `f` with every position, ascending.
    #[inline]
    pub(crate) fn for_each(&self, mut f: impl FnMut(u32)) {
        let mut pos = 0u32;
        let mut gap = 0u32;
        let mut shift = 0u32;
        for &b in &self.bytes {
            gap |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                pos = pos.wrapping_add(gap);
                f(pos);
                gap = 0;
                shift = 0;
            } else {
                shift += 7;
            }
        }
    }

    /// Bytes held on the heap.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
    }

    /// Give back spare capacity.
    pub(crate) fn shrink(&mut self) {
        self.bytes.shrink_to_fit();
    }

    #[cfg(test)]
    fn to_vec(&self) -> Vec<u32> {
        let mut v = Vec::new();
        self.for_each(|p| v.push(p));
        v
    }
}

/// A set of article positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bitset {
    words: Vec<u64>,
}

impl Bitset {
    pub(crate) fn new(len: usize) -> Self {
        Self {
            words: vec![0; len.div_ceil(64)],
        }
    }

    #[inline]
    pub(crate) fn set(&mut self, i: usize) {
        if let Some(w) = self.words.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    /// Set bit `i`, growing the set to hold it.
    pub(crate) fn set_growing(&mut self, i: usize) {
        if self.words.len() <= i / 64 {
            self.words.resize(i / 64 + 1, 0);
        }
        self.set(i);
    }

    /// A copy holding positions below `len` only, sized for `len`.
    fn resized(&self, len: usize) -> Self {
        let mut words = self.words.clone();
        words.resize(len.div_ceil(64), 0);
        if let Some(last) = words.last_mut()
            && !len.is_multiple_of(64)
        {
            *last &= (1u64 << (len % 64)) - 1;
        }
        Self { words }
    }

    #[inline]
    pub(crate) fn get(&self, i: usize) -> bool {
        self.words
            .get(i / 64)
            .is_some_and(|w| w & (1 << (i % 64)) != 0)
    }

    /// The positions held, ascending.
    pub(crate) fn iter_ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &bits)| {
            let mut left = bits;
            std::iter::from_fn(move || {
                if left == 0 {
                    return None;
                }
                let bit = left.trailing_zeros() as usize;
                left &= left - 1;
                Some(w * 64 + bit)
            })
        })
    }

    /// Keep only what `other` also holds.
    pub(crate) fn intersect(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    #[cfg(test)]
    pub(crate) fn ones(&self) -> Vec<usize> {
        (0..self.words.len() * 64)
            .filter(|&i| self.get(i))
            .collect()
    }

    #[cfg(test)]
    pub(crate) fn from_ones(len: usize, ones: &[usize]) -> Self {
        let mut set = Self::new(len);
        for &i in ones {
            set.set(i);
        }
        set
    }
}

/// Which body words a one-off search can match: those that one of its
/// keys accepts by its mode. Built for [`kept_keys`].
pub(crate) struct WordFilter<'q> {
    keys: Vec<(&'q str, Mode)>,
    /// When every key must start a matching word (no suffix keys), the
    /// ASCII bytes that can start one, lowercase: a word starting with
    /// another ASCII byte is passed over without computing its key.
    initials: Option<[bool; 128]>,
}

impl<'q> WordFilter<'q> {
    pub(crate) fn new(keys: Vec<(&'q str, Mode)>) -> Self {
        let mut initials = [false; 128];
        let mut anchored = true;
        for &(key, mode) in &keys {
            match (mode, key.as_bytes().first()) {
                (Mode::Suffix, _) | (_, None) => anchored = false,
                (_, Some(&b)) => {
                    if let Some(slot) = initials.get_mut(usize::from(b)) {
                        *slot = true;
                    }
                }
            }
        }
        Self {
            keys,
            initials: anchored.then_some(initials),
        }
    }

    /// Whether a word whose text starts with byte `b` may be kept. Keys are
    /// lowercase and a word's key starts with its first char lowercased
    /// (digits stay as they are in a number's key), so an ASCII `b` whose
    /// lowercase starts no key rules the word out.
    #[inline]
    fn may_start_with(&self, b: u8) -> bool {
        match &self.initials {
            Some(initials) if b < 0x80 => initials
                .get(usize::from(b.to_ascii_lowercase()))
                .copied()
                .unwrap_or(false),
            _ => true,
        }
    }

    #[inline]
    pub(crate) fn keeps(&self, key: &str) -> bool {
        self.keys.iter().any(|&(k, mode)| mode.accepts(key, k))
    }
}

/// The keys of `body`'s words and numbers that `filter` keeps, sorted, each
/// once: what [`BodyIndex::add_body`] would index of this body, less what
/// the filter leaves out.
pub(crate) fn kept_keys(body: &str, filter: &WordFilter) -> Vec<Box<str>> {
    let mut out: Vec<Box<str>> = Vec::new();
    let mut key = String::new();
    let bytes = body.as_bytes();
    for Token { range, kind } in text::tokens(body) {
        if !bytes
            .get(range.start)
            .is_some_and(|&b| filter.may_start_with(b))
        {
            continue;
        }
        text::token_key(&body[range], kind, &mut key);
        if filter.keeps(&key) {
            out.push(key.as_str().into());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// [`kept_keys`] of each of `bodies`, in order, found on every core (see
/// [`crate::entities::map_all`]: a body it fails on has no keys).
pub(crate) fn kept_keys_of_all(bodies: &[&Body], filter: &WordFilter) -> Vec<Vec<Box<str>>> {
    crate::entities::map_all(bodies, |b| kept_keys(&b.text(), filter))
}

/// The hash the word tables use (foldhash: quick on the short keys that
/// words are).
#[inline]
fn hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(0x6b65_7973).hash_one(word.as_bytes())
}

/// The first eight bytes of `word`, zero-padded, as a big-endian number:
/// numbers in the order of the words (ties aside).
#[inline]
fn sort_prefix(word: &str) -> u64 {
    let mut prefix = [0u8; 8];
    for (slot, &b) in prefix.iter_mut().zip(word.as_bytes()) {
        *slot = b;
    }
    u64::from_be_bytes(prefix)
}

/// Whether word `id` of the vocabulary in `arena` and `ends` is `key`,
/// compared as bytes.
#[inline]
fn word_is(arena: &str, ends: &[u32], id: u32, key: &str) -> bool {
    let i = id as usize;
    let start = match i.checked_sub(1) {
        Some(prev) => ends.get(prev).copied().unwrap_or(0) as usize,
        None => 0,
    };
    let end = ends.get(i).copied().unwrap_or(0) as usize;
    arena
        .as_bytes()
        .get(start..end)
        .is_some_and(|word| same_bytes(word, key.as_bytes()))
}

/// `a == b`, compared in place: body words are a few bytes long, too
/// short to gain from a call to `memcmp`. Eight bytes at a time, the last
/// eight overlapping the ones before; four at a time below eight.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if ascii8::load(a, i) != ascii8::load(b, i) {
                return false;
            }
            i += 8;
        }
        return ascii8::load(a, n - 8) == ascii8::load(b, n - 8);
    }
    if n >= 4 {
        let four =
            |s: &[u8], at: usize| s.get(at..at + 4).and_then(|w| <[u8; 4]>::try_from(w).ok());
        return four(a, 0) == four(b, 0) && four(a, n - 4) == four(b, n - 4);
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// Word `id` of the vocabulary laid out in `arena` and `ends`.
#[inline]
fn word_in<'a>(arena: &'a str, ends: &[u32], id: u32) -> &'a str {
    let i = id as usize;
    let start = match i.checked_sub(1) {
        Some(prev) => ends.get(prev).copied().unwrap_or(0) as usize,
        None => 0,
    };
    let end = ends.get(i).copied().unwrap_or(0) as usize;
    arena.get(start..end).unwrap_or("")
}

/// What a batch of articles holds before it joins the index: each distinct
/// key once, in a table of its own small enough to stay in the caches, and
/// the (key, article) pairs in the order met, each article's keys once.
/// Joining then looks each key up in the large table once per batch rather
/// than once per occurrence, and appends each key's articles together.
#[derive(Debug, Default)]
struct Batch {
    /// The batch's keys end to end, key `i` ending at `ends[i]`.
    arena: String,
    ends: Vec<u32>,
    hashes: Vec<u64>,
    table: HashTable<u32>,
    /// Per key, the last article it was noted for.
    last: Vec<u32>,
    /// Per key, how many pairs hold it.
    counts: Vec<u32>,
    /// (key, article position) pairs in the order noted.
    pairs: Vec<(u32, u32)>,
    /// Reused buffers: the key being cut, and the pairs' positions
    /// grouped by key.
    key: String,
    grouped: Vec<u32>,
}

impl Batch {
    /// Note that the article at `pos` holds `key`. A batch whose keys'
    /// text would pass 4 GiB drops the key.
    fn note(&mut self, pos: u32, key: &str) {
        let h = hash(key);
        let Self {
            arena,
            ends,
            hashes,
            table,
            last,
            counts,
            pairs,
            ..
        } = self;
        if let Some(&id) = table.find(h, |&id| word_is(arena, ends, id, key)) {
            let i = id as usize;
            if let (Some(l), Some(c)) = (last.get_mut(i), counts.get_mut(i))
                && *l != pos
            {
                *l = pos;
                *c += 1;
                pairs.push((id, pos));
            }
            return;
        }
        let (Ok(end), Ok(id)) = (
            u32::try_from(arena.len() + key.len()),
            u32::try_from(ends.len()),
        ) else {
            return;
        };
        arena.push_str(key);
        ends.push(end);
        hashes.push(h);
        let hashes = &*hashes;
        table.insert_unique(h, id, |&id| hashes.get(id as usize).copied().unwrap_or(0));
        last.push(pos);
        counts.push(1);
        pairs.push((id, pos));
    }

    fn clear(&mut self) {
        self.arena.clear();
        self.ends.clear();
        self.hashes.clear();
        self.table.clear();
        self.last.clear();
        self.counts.clear();
        self.pairs.clear();
        self.grouped.clear();
    }

    fn memory_bytes(&self) -> usize {
        self.arena.capacity()
            + (self.ends.capacity()
                + self.last.capacity()
                + self.counts.capacity()
                + self.grouped.capacity())
                * 4
            + self.hashes.capacity() * 8
            + self.table.allocation_size()
            + self.pairs.capacity() * 8
            + self.key.capacity()
    }
}

#[derive(Debug, Default)]
pub(crate) struct BodyIndex {
    arena: String,
    ends: Vec<u32>,
    table: HashTable<u32>,
    postings: Vec<Postings>,
    sorted: Vec<u32>,
    pending: Vec<u32>,
    /// For each ASCII first char of a key, the articles holding a word
    /// that starts with it: one-char prefixes (what the filter bar sees at
    /// the first keystroke) would otherwise union a large part of the index.
    initials: Vec<Bitset>,
    /// The batch being added, searchable once [`finish_batch`](Self::finish_batch)
    /// has joined it to the rest.
    batch: Batch,
}

/// How many candidates or words to go through between looks at the cancel
/// flag.
pub(crate) const CANCEL_STRIDE: usize = 1024;

impl BodyIndex {
    fn word(&self, id: u32) -> &str {
        word_in(&self.arena, &self.ends, id)
    }

    fn find(&self, key: &str) -> Option<u32> {
        self.table
            .find(hash(key), |&id| word_is(&self.arena, &self.ends, id, key))
            .copied()
    }

    /// The id of `key` (whose hash is `h`), added to the vocabulary if new;
    /// `None` when a new word's text would push the vocabulary past 4 GiB.
    fn word_id(&mut self, h: u64, key: &str) -> Option<u32> {
        let Self {
            arena,
            ends,
            table,
            postings,
            ..
        } = self;
        if let Some(&id) = table.find(h, |&id| word_is(arena, ends, id, key)) {
            return Some(id);
        }
        let (Ok(end), Ok(id)) = (
            u32::try_from(arena.len() + key.len()),
            u32::try_from(ends.len()),
        ) else {
            return None;
        };
        arena.push_str(key);
        ends.push(end);
        table.insert_unique(h, id, |&id| hash(word_in(arena, ends, id)));
        postings.push(Postings::default());
        Some(id)
    }

    /// Join the batch to the index: per key of the batch, in the order the
    /// keys were first met, its articles in the order noted.
    fn join_batch(&mut self) {
        let mut batch = std::mem::take(&mut self.batch);
        // The pairs' positions grouped by key (a counting sort: each key's
        // positions keep their order).
        let mut starts: Vec<u32> = Vec::with_capacity(batch.counts.len() + 1);
        let mut total = 0u32;
        for &c in &batch.counts {
            starts.push(total);
            total += c;
        }
        batch.grouped.clear();
        batch.grouped.resize(total as usize, 0);
        for &(id, pos) in &batch.pairs {
            if let Some(at) = starts.get_mut(id as usize) {
                if let Some(slot) = batch.grouped.get_mut(*at as usize) {
                    *slot = pos;
                }
                *at += 1;
            }
        }
        // `starts` now holds each key's end.
        let mut from = 0usize;
        for (id, &end) in (0u32..).zip(&starts) {
            let end = end as usize;
            let positions = batch.grouped.get(from..end).unwrap_or(&[]);
            from = end;
            let key = word_in(&batch.arena, &batch.ends, id);
            let h = batch.hashes.get(id as usize).copied().unwrap_or(0);
            let Some(word) = self.word_id(h, key) else {
                continue;
            };
            let first = key.as_bytes().first().copied();
            if self.initials.is_empty() && first.is_some() {
                self.initials = vec![Bitset::new(0); 128];
            }
            let Some(postings) = self.postings.get_mut(word as usize) else {
                continue;
            };
            let mut initial = first.and_then(|b| self.initials.get_mut(usize::from(b)));
            for &pos in positions {
                if postings.push(pos)
                    && let Some(set) = initial.as_deref_mut()
                {
                    set.set_growing(pos as usize);
                }
            }
        }
        batch.clear();
        self.batch = batch;
    }

    /// Index one article's body under position `pos` (positions must not
    /// go down from one call to the next).
    pub(crate) fn add_body(&mut self, pos: u32, body: &str) {
        let batch = &mut self.batch;
        let mut key = std::mem::take(&mut batch.key);
        text::for_each_key(body, &mut key, |k| batch.note(pos, k));
        batch.key = key;
    }

    /// Index, under position `pos`, keys already computed by
    /// [`kept_keys`] (positions must not go down from one call to the next).
    pub(crate) fn add_keys<'k>(&mut self, pos: u32, keys: impl IntoIterator<Item = &'k str>) {
        for key in keys {
            self.batch.note(pos, key);
        }
    }

    /// Join the articles added since the last call to the index and bring
    /// the sorted runs up to date: until then they are not searched.
    pub(crate) fn finish_batch(&mut self) {
        self.join_batch();
        let known = self.sorted.len() + self.pending.len();
        let Ok(total) = u32::try_from(self.ends.len()) else {
            return;
        };
        let Ok(known) = u32::try_from(known) else {
            return;
        };
        if known >= total {
            return;
        }
        // Sorted by their first eight bytes as a number first (in the same
        // order as the words: shorter words are padded with the least
        // byte), the words themselves only where those agree.
        let mut keyed: Vec<(u64, u32)> = (known..total)
            .map(|id| (sort_prefix(self.word(id)), id))
            .collect();
        keyed.sort_unstable_by(|&(pa, a), &(pb, b)| {
            pa.cmp(&pb).then_with(|| self.word(a).cmp(self.word(b)))
        });
        let fresh: Vec<u32> = keyed.into_iter().map(|(_, id)| id).collect();
        let pending = std::mem::take(&mut self.pending);
        self.pending = self.merge(&pending, &fresh);
        if self.pending.len() > (self.sorted.len() / 8).max(4096) {
            let pending = std::mem::take(&mut self.pending);
            let sorted = std::mem::take(&mut self.sorted);
            self.sorted = self.merge(&sorted, &pending);
        }
    }

    fn merge(&self, a: &[u32], b: &[u32]) -> Vec<u32> {
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
            if self.word(x) <= self.word(y) {
                out.push(x);
                i += 1;
            } else {
                out.push(y);
                j += 1;
            }
        }
        out.extend_from_slice(a.get(i..).unwrap_or(&[]));
        out.extend_from_slice(b.get(j..).unwrap_or(&[]));
        out
    }

    /// The articles (among `len`) holding a word that `key` matches by
    /// `mode`; `None` when cancelled.
    pub(crate) fn matching(
        &self,
        key: &str,
        mode: Mode,
        len: usize,
        cancel: &AtomicBool,
    ) -> Option<Bitset> {
        if let (Mode::Prefix, &[first]) = (mode, key.as_bytes())
            && let Some(initial) = self.initials.get(usize::from(first))
        {
            return Some(initial.resized(len));
        }
        let mut set = Bitset::new(len);
        let mut add = |id: u32| {
            if let Some(p) = self.postings.get(id as usize) {
                p.for_each(|pos| set.set(pos as usize));
            }
        };
        match mode {
            Mode::Whole => {
                if let Some(id) = self.find(key) {
                    add(id);
                }
            }
            Mode::Prefix => {
                for run in [&self.sorted, &self.pending] {
                    let from = run.partition_point(|&id| self.word(id) < key);
                    let ids = run.get(from..).unwrap_or(&[]);
                    for (n, &id) in ids.iter().enumerate() {
                        if !self.word(id).starts_with(key) {
                            break;
                        }
                        if n.is_multiple_of(CANCEL_STRIDE) && cancel.load(Ordering::Relaxed) {
                            return None;
                        }
                        add(id);
                    }
                }
            }
            Mode::Suffix => {
                for id in 0..self.ends.len() {
                    let Ok(id) = u32::try_from(id) else { break };
                    if (id as usize).is_multiple_of(CANCEL_STRIDE * 16)
                        && cancel.load(Ordering::Relaxed)
                    {
                        return None;
                    }
                    if self.word(id).ends_with(key) {
                        add(id);
                    }
                }
            }
        }
        Some(set)
    }

    /// How many distinct words and numbers are indexed.
    pub(crate) fn vocabulary_len(&self) -> usize {
        self.ends.len()
    }

    /// How many (word, article) pairs are indexed.
    pub(crate) fn postings_len(&self) -> usize {
        self.postings.iter().map(|p| p.count as usize).sum()
    }

    /// Bytes held on the heap (capacities; allocator overhead not counted).
    pub(crate) fn memory_bytes(&self) -> usize {
        self.arena.capacity()
            + self.ends.capacity() * 4
            + self.table.allocation_size()
            + self.postings.capacity() * size_of::<Postings>()
            + self
                .postings
                .iter()
                .map(|p| p.bytes.capacity())
                .sum::<usize>()
            + (self.sorted.capacity() + self.pending.capacity()) * 4
            + self.batch.memory_bytes()
            + self
                .initials
                .iter()
                .map(|s| size_of::<Bitset>() + s.words.capacity() * 8)
                .sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_bytes_is_equality_at_every_length() {
        for n in 0..30u8 {
            let a: Vec<u8> = (0..n).map(|k| b'a' + k % 26).collect();
            assert!(same_bytes(&a, &a.clone()), "{n}");
            for k in 0..usize::from(n) {
                let mut b = a.clone();
                b[k] = b'Z';
                assert!(!same_bytes(&a, &b), "{n} {k}");
            }
            assert!(!same_bytes(&a, &a[..a.len().saturating_sub(1)]) || n == 0);
        }
    }

    #[test]
    fn postings_round_trip_gaps_of_every_width() {
        let positions = [0, 1, 2, 130, 131, 20_000, 2_000_000, 300_000_000, u32::MAX];
        let mut p = Postings::default();
        for &pos in &positions {
            p.push(pos);
            p.push(pos); // repeats within one article are ignored
        }
        assert_eq!(p.to_vec(), positions);
        assert_eq!(p.count as usize, positions.len());
        // Gaps below 128 take one byte each.
        let mut dense = Postings::default();
        for pos in 0..1000 {
            dense.push(pos);
        }
        assert_eq!(dense.bytes.len(), 1000);
    }

    #[test]
    fn bitset_lists_its_positions_in_order() {
        for ones in [vec![], vec![0], vec![63, 64], vec![1, 5, 64, 127, 128, 199]] {
            let set = Bitset::from_ones(200, &ones);
            assert_eq!(set.iter_ones().collect::<Vec<_>>(), ones);
            assert_eq!(set.ones(), ones);
        }
    }

    #[test]
    fn bitset_sets_and_intersects() {
        let mut a = Bitset::new(130);
        let mut b = Bitset::new(130);
        for i in [0, 63, 64, 129, 500] {
            a.set(i);
        }
        b.set(64);
        b.set(129);
        assert!(a.get(63) && !a.get(500) && !a.get(1000));
        a.intersect(&b);
        assert_eq!(a.ones(), vec![64, 129]);
    }

    fn words_matching(index: &BodyIndex, key: &str, mode: Mode) -> Vec<usize> {
        index
            .matching(key, mode, 8, &AtomicBool::new(false))
            .map(|s| s.ones())
            .unwrap_or_default()
    }

    #[test]
    fn words_are_found_by_whole_prefix_and_suffix() {
        let mut index = BodyIndex::default();
        index.add_body(0, "The ceasefire held overnight.");
        index.add_body(1, "Ceasefires rarely hold; fire broke out.");
        index.finish_batch();
        index.add_body(2, "A cease-fire was agreed, said the firefighters.");
        index.finish_batch();
        assert_eq!(
            words_matching(&index, "ceasefire", Mode::Prefix),
            vec![0, 1]
        );
        assert_eq!(words_matching(&index, "ceasefire", Mode::Whole), vec![0]);
        assert_eq!(words_matching(&index, "fire", Mode::Prefix), vec![1, 2]);
        assert_eq!(words_matching(&index, "fire", Mode::Suffix), vec![0, 1, 2]);
        assert_eq!(words_matching(&index, "the", Mode::Whole), vec![0, 2]);
        assert!(words_matching(&index, "absent", Mode::Prefix).is_empty());
        assert_eq!(index.vocabulary_len(), 16);
        assert!(index.memory_bytes() > 0);
    }

    #[test]
    fn sorted_runs_stay_sorted_across_many_batches() {
        let mut index = BodyIndex::default();
        let mut pos = 0;
        for batch in 0..40u32 {
            for k in 0..300u32 {
                let word = format!("w{}x{}", (k * 7919 + batch * 31) % 9973, batch % 3);
                index.add_body(pos, &word);
                pos += 1;
            }
            index.finish_batch();
        }
        for run in [&index.sorted, &index.pending] {
            assert!(run.windows(2).all(|w| index.word(w[0]) <= index.word(w[1])));
        }
        assert_eq!(
            index.sorted.len() + index.pending.len(),
            index.vocabulary_len()
        );
        let set = index
            .matching("w1", Mode::Prefix, pos as usize, &AtomicBool::new(false))
            .map(|s| s.ones().len());
        let expected = (0..pos)
            .filter(|&p| {
                let (batch, k) = (p / 300, p % 300);
                format!("w{}", (k * 7919 + batch * 31) % 9973).starts_with("w1")
            })
            .count();
        assert_eq!(set, Some(expected));
    }

    #[test]
    fn sort_prefixes_keep_the_order_of_words() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcdefgh",
            "abcdefghi",
            "abcdefgi",
            "b",
            "zürich",
            "zz",
            "40.5",
            "405",
        ];
        for a in words {
            for b in words {
                let (pa, pb) = (sort_prefix(a), sort_prefix(b));
                if pa != pb {
                    assert_eq!(pa.cmp(&pb), a.cmp(b), "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn one_char_prefixes_agree_with_the_postings() {
        let mut index = BodyIndex::default();
        let bodies = [
            "Aid arrived at dawn.",
            "Zürich and Ålesund; 40 boats.",
            "",
            "Boats, aid and ships.",
        ];
        for (pos, body) in (0u32..).zip(bodies) {
            index.add_body(pos, body);
            index.finish_batch();
        }
        for key in ["a", "b", "z", "4", "å", "x"] {
            let cancel = AtomicBool::new(false);
            let fast = index
                .matching(key, Mode::Prefix, 4, &cancel)
                .map(|s| s.ones());
            let mut slow = Bitset::new(4);
            for id in 0..u32::try_from(index.vocabulary_len()).unwrap_or(0) {
                if index.word(id).starts_with(key) {
                    index.postings[id as usize].for_each(|p| slow.set(p as usize));
                }
            }
            assert_eq!(fast, Some(slow.ones()), "{key}");
        }
        // Asked for fewer articles than indexed, the set holds only those.
        assert_eq!(
            index
                .matching("a", Mode::Prefix, 1, &AtomicBool::new(false))
                .map(|s| s.ones()),
            Some(vec![0])
        );
    }

    #[test]
    fn matching_stops_when_cancelled() {
        let mut index = BodyIndex::default();
        index.add_body(0, "alpha beta");
        index.finish_batch();
        let cancel = AtomicBool::new(true);
        assert!(index.matching("al", Mode::Prefix, 1, &cancel).is_none());
        assert!(index.matching("a", Mode::Suffix, 1, &cancel).is_none());
    }
}
