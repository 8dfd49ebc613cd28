//! Per-article records of the entity index packed into bytes: an
//! article's name mentions and its figures, each record a run of varints
//! in one shared arena, so that 100,000 articles cost a few bytes a
//! mention rather than a few dozen.
//!
//! A mention record is the distinct entities the article names, ids
//! ascending, each as the step from the last id, its number of mentions,
//! the byte length of those mentions and then the mentions themselves, in
//! text order: the start as a step from the last one's, the length, and
//! the sentence around it (`0` for the same sentence as the last one's,
//! else the bytes before the mention plus one, and the bytes after it).
//! One entity's mentions are read without reading the others'.
//!
//! A figure record is the article's figures by value, ascending, each
//! with where it is first given: a whole number as the step from the last
//! whole number (doubled, so that the low bit is clear), any other value
//! as `1` and its eight bytes.

use std::ops::Range;

/// Append `value` as a varint: seven bits a byte, low first, the high bit
/// set when more follow.
pub(super) fn put(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let low = u8::try_from(value & 0x7f).unwrap_or(0);
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// Varints read from the front of a byte slice.
#[derive(Debug, Clone, Copy)]
pub(super) struct Varints<'a> {
    rest: &'a [u8],
}

impl<'a> Varints<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    /// The next varint; `None` at the end (or on a varint cut short).
    #[inline]
    pub(super) fn next(&mut self) -> Option<u64> {
        let mut value = 0u64;
        let mut shift = 0u32;
        loop {
            let (&b, rest) = self.rest.split_first()?;
            self.rest = rest;
            value |= u64::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
            if b & 0x80 == 0 {
                return Some(value);
            }
            shift += 7;
        }
    }

    fn next_usize(&mut self) -> Option<usize> {
        usize::try_from(self.next()?).ok()
    }

    fn next_u32(&mut self) -> Option<u32> {
        u32::try_from(self.next()?).ok()
    }

    fn next_bytes<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.rest.split_first_chunk::<N>()?;
        self.rest = rest;
        Some(*head)
    }
}

/// Records end to end in chunks of about a megabyte: the arena grows
/// without copying what it holds, with at most a chunk to spare (a chunk
/// is given its unused end back when the next is begun).
#[derive(Debug, Default)]
pub(super) struct Records {
    chunks: Vec<Vec<u8>>,
    /// Per record, where it ends in its chunk.
    ends: Vec<u32>,
    /// Per chunk, its first record.
    firsts: Vec<u32>,
    /// Where the next record is written before it is placed.
    scratch: Vec<u8>,
}

/// The size of a chunk (a larger record has a chunk of its own).
const CHUNK: usize = 1 << 20;

impl Records {
    /// Append the record `write` writes.
    pub(super) fn push(&mut self, write: impl FnOnce(&mut Vec<u8>)) {
        let mut record = std::mem::take(&mut self.scratch);
        record.clear();
        write(&mut record);
        let index = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        let chunk = match self.chunks.last_mut() {
            Some(chunk) if chunk.capacity() - chunk.len() >= record.len() => chunk,
            last => {
                // The chunk before keeps no room it will not use.
                if let Some(full) = last {
                    full.shrink_to_fit();
                }
                self.firsts.push(index);
                self.chunks
                    .push(Vec::with_capacity(CHUNK.max(record.len())));
                self.chunks.last_mut().unwrap_or_else(|| unreachable!())
            }
        };
        chunk.extend_from_slice(&record);
        self.ends
            .push(u32::try_from(chunk.len()).unwrap_or(u32::MAX));
        self.scratch = record;
    }

    /// Record `i` (empty past the last).
    pub(super) fn get(&self, i: usize) -> &[u8] {
        let Some((&end, index)) = self.ends.get(i).zip(u32::try_from(i).ok()) else {
            return &[];
        };
        let Some(c) = self.firsts.partition_point(|&f| f <= index).checked_sub(1) else {
            return &[];
        };
        let start = match i.checked_sub(1) {
            Some(before) if self.firsts.get(c) != Some(&index) => {
                self.ends.get(before).copied().unwrap_or(0)
            }
            _ => 0,
        };
        self.chunks
            .get(c)
            .and_then(|chunk| chunk.get(start as usize..end as usize))
            .unwrap_or(&[])
    }

    /// Bytes held on the heap.
    pub(super) fn heap_bytes(&self) -> usize {
        self.chunks.iter().map(Vec::capacity).sum::<usize>()
            + self.chunks.capacity() * size_of::<Vec<u8>>()
            + self.ends.capacity() * 4
            + self.firsts.capacity() * 4
            + self.scratch.capacity()
    }

    /// Give back spare capacity.
    pub(super) fn shrink_to_fit(&mut self) {
        if let Some(last) = self.chunks.last_mut() {
            last.shrink_to_fit();
        }
        self.chunks.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.firsts.shrink_to_fit();
        self.scratch = Vec::new();
    }
}

/// One name mention as packed: the entity's id, the byte range in the
/// body and the sentence around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Packed {
    pub entity: u32,
    pub range: Range<usize>,
    pub sentence: Range<usize>,
}

/// The sentence of a mention as stored: bytes before its start and after
/// its end, the range rebuilt from them.
fn sentence_parts(range: &Range<usize>, sentence: &Range<usize>) -> (usize, usize) {
    (
        range.start.saturating_sub(sentence.start),
        sentence.end.saturating_sub(range.end),
    )
}

fn zigzag(step: i64) -> u64 {
    (step.unsigned_abs() << 1) - u64::from(step < 0)
}

fn unzigzag(value: u64) -> i64 {
    let half = i64::try_from(value >> 1).unwrap_or(i64::MAX);
    if value & 1 == 0 { half } else { -half - 1 }
}

/// Append the mention record of an article whose mentions, in text
/// order, are `mentions`.
pub(super) fn pack_mentions(out: &mut Vec<u8>, mentions: &[Packed]) {
    // The mentions by entity, each entity's in text order.
    let mut order: Vec<&Packed> = mentions.iter().collect();
    order.sort_by_key(|m| m.entity);
    let groups: Vec<&[&Packed]> = order.chunk_by(|a, b| a.entity == b.entity).collect();
    put(out, groups.len() as u64);
    let mut group = Vec::new();
    let mut last_id = 0;
    for same in groups {
        let Some(id) = same.first().map(|m| m.entity) else {
            continue;
        };
        group.clear();
        let mut count = 0u64;
        let mut last_start = 0i64;
        let mut last_sentence: Option<Range<usize>> = None;
        for m in same {
            count += 1;
            let start = i64::try_from(m.range.start).unwrap_or(i64::MAX);
            put(&mut group, zigzag(start.saturating_sub(last_start)));
            last_start = start;
            put(&mut group, m.range.len() as u64);
            let (before, after) = sentence_parts(&m.range, &m.sentence);
            let sentence = m.range.start.saturating_sub(before)..m.range.end.saturating_add(after);
            if last_sentence.as_ref() == Some(&sentence) {
                put(&mut group, 0);
            } else {
                put(&mut group, before as u64 + 1);
                put(&mut group, after as u64);
                last_sentence = Some(sentence);
            }
        }
        put(out, u64::from(id - last_id));
        put(out, count);
        put(out, group.len() as u64);
        out.extend_from_slice(&group);
        last_id = id;
    }
}

/// The entities of a mention record, ids ascending: each with how many
/// times the article mentions it and those mentions.
#[derive(Debug, Clone)]
pub(super) struct Table<'a> {
    bytes: &'a [u8],
    left: u64,
    last_id: u32,
}

/// Read a mention record.
pub(super) fn read_mentions(record: &[u8]) -> Table<'_> {
    let mut bytes = Varints::new(record);
    let left = bytes.next().unwrap_or(0);
    Table {
        bytes: bytes.rest,
        left,
        last_id: 0,
    }
}

impl<'a> Iterator for Table<'a> {
    /// (entity id, its mentions in the article, those mentions).
    type Item = (u32, u32, Mentions<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let mut bytes = Varints::new(self.bytes);
        let id = self.last_id.checked_add(bytes.next_u32()?)?;
        let count = bytes.next_u32()?;
        let len = bytes.next_usize()?;
        let (group, rest) = bytes.rest.split_at_checked(len)?;
        self.bytes = rest;
        self.last_id = id;
        Some((
            id,
            count,
            Mentions {
                bytes: Varints::new(group),
                last_start: 0,
                last_sentence: 0..0,
            },
        ))
    }
}

impl<'a> Table<'a> {
    /// The mentions of entity `id` in the article (how many, and which).
    pub(super) fn find(mut self, id: u32) -> Option<(u32, Mentions<'a>)> {
        loop {
            let (found, count, mentions) = self.next()?;
            if found == id {
                return Some((count, mentions));
            }
            if found > id {
                return None;
            }
        }
    }

    /// Every mention of the article in text order: (entity id, byte
    /// range, sentence range).
    pub(super) fn in_text_order(self) -> Vec<(u32, Range<usize>, Range<usize>)> {
        let mut all: Vec<(u32, Range<usize>, Range<usize>)> = self
            .flat_map(|(id, _, mentions)| {
                mentions.map(move |(range, sentence)| (id, range, sentence))
            })
            .collect();
        all.sort_by_key(|m| m.1.start);
        all
    }
}

/// The mentions of one entity in a record, in text order: (byte range,
/// sentence range).
#[derive(Debug, Clone)]
pub(super) struct Mentions<'a> {
    bytes: Varints<'a>,
    last_start: usize,
    last_sentence: Range<usize>,
}

impl Iterator for Mentions<'_> {
    type Item = (Range<usize>, Range<usize>);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let step = unzigzag(self.bytes.next()?);
        let start = i64::try_from(self.last_start)
            .ok()
            .and_then(|s| s.checked_add(step))
            .and_then(|s| usize::try_from(s).ok())?;
        self.last_start = start;
        let end = start.checked_add(self.bytes.next_usize()?)?;
        let before = self.bytes.next_usize()?;
        if before > 0 {
            let after = self.bytes.next_usize()?;
            self.last_sentence = start.saturating_sub(before - 1)..end.saturating_add(after);
        }
        Some((start..end, self.last_sentence.clone()))
    }
}

/// Below 2^53, every whole number is exact in an `f64`.
const EXACT: f64 = 9_007_199_254_740_992.0;

/// Whether `value` is stored as a whole number: not negative (nor `-0`),
/// whole, and exact.
fn whole(value: f64) -> Option<u64> {
    let plain = value.to_bits() >> 63 == 0 && value.fract() == 0.0 && value < EXACT;
    // In range and whole, so the conversion is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    plain.then_some(value as u64)
}

/// Append the figure record of an article: its figures by value,
/// ascending, with where each is first given (`starts`, one a value;
/// `u32::MAX` for one not known).
pub(super) fn pack_figures(out: &mut Vec<u8>, values: &[f64], starts: &[u32]) {
    let mut last = 0u64;
    for (i, &value) in values.iter().enumerate() {
        match whole(value) {
            Some(n) if n >= last => {
                put(out, (n - last) << 1);
                last = n;
            }
            _ => {
                put(out, 1);
                out.extend_from_slice(&value.to_bits().to_le_bytes());
            }
        }
        put(out, u64::from(starts.get(i).copied().unwrap_or(u32::MAX)));
    }
}

/// The figures of a figure record: (value, where first given).
#[derive(Debug, Clone)]
pub(super) struct Figures<'a> {
    bytes: Varints<'a>,
    last: u64,
}

pub(super) fn read_figures(record: &[u8]) -> Figures<'_> {
    Figures {
        bytes: Varints::new(record),
        last: 0,
    }
}

impl Iterator for Figures<'_> {
    type Item = (f64, u32);

    #[inline]
    fn next(&mut self) -> Option<(f64, u32)> {
        let tag = self.bytes.next()?;
        let value = if tag & 1 == 0 {
            self.last = self.last.checked_add(tag >> 1)?;
            // Below 2^53 when packed, so exact.
            #[allow(clippy::cast_precision_loss)]
            let value = self.last as f64;
            value
        } else {
            f64::from_bits(u64::from_le_bytes(self.bytes.next_bytes::<8>()?))
        };
        let start = self.bytes.next_u32()?;
        Some((value, start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(entity: u32, range: Range<usize>, sentence: Range<usize>) -> Packed {
        Packed {
            entity,
            range,
            sentence,
        }
    }

    fn unpack(record: &[u8]) -> Vec<Packed> {
        read_mentions(record)
            .in_text_order()
            .into_iter()
            .map(|(id, range, sentence)| mention(id, range, sentence))
            .collect()
    }

    #[test]
    fn varints_round_trip_at_every_width() {
        let values = [
            0,
            1,
            127,
            128,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ];
        let mut out = Vec::new();
        for &v in &values {
            put(&mut out, v);
        }
        let mut read = Varints::new(&out);
        for &v in &values {
            assert_eq!(read.next(), Some(v));
        }
        assert_eq!(read.next(), None);
        // Cut short: nothing rather than a wrong value.
        assert_eq!(Varints::new(&[0x80, 0x80]).next(), None);
    }

    #[test]
    fn mentions_round_trip_with_their_table_and_sentences() {
        let mentions = vec![
            mention(70_000, 4..16, 0..40),
            mention(3, 20..25, 0..40),
            mention(70_000, 50..55, 41..90),
            mention(9, 60..61, 58..90),
            mention(3, 100_000..100_300, 99_000..200_000),
        ];
        let mut out = vec![0xff];
        pack_mentions(&mut out, &mentions);
        assert_eq!(unpack(&out[1..]), mentions);
        let table: Vec<(u32, u32)> = read_mentions(&out[1..]).map(|(id, n, _)| (id, n)).collect();
        assert_eq!(table, [(3, 2), (9, 1), (70_000, 2)]);
        let (count, rest) = read_mentions(&out[1..]).find(70_000).unwrap();
        assert_eq!(count, 2);
        let ranges: Vec<_> = rest.map(|m| m.0).collect();
        assert_eq!(ranges, [4..16, 50..55]);
        assert!(read_mentions(&out[1..]).find(4).is_none());
    }

    #[test]
    fn mentions_out_of_text_order_and_odd_sentences_survive() {
        // A sentence that starts after its mention is read from the
        // mention's start.
        let mentions = vec![
            mention(1, 30..35, 28..40),
            mention(2, 10..12, 20..25),
            mention(1, 0..0, 0..0),
        ];
        let mut out = Vec::new();
        pack_mentions(&mut out, &mentions);
        // Given back in text order.
        let back = unpack(&out);
        assert_eq!(back[0], mentions[2]);
        assert_eq!(back[1], mention(2, 10..12, 10..25));
        assert_eq!(back[2], mentions[0]);
    }

    #[test]
    fn empty_and_broken_records_read_as_nothing() {
        assert_eq!(unpack(&[]), []);
        let mut out = Vec::new();
        pack_mentions(&mut out, &[]);
        assert_eq!(unpack(&out), []);
        assert_eq!(read_figures(&[]).count(), 0);
        // A table that promises more than it holds.
        assert_eq!(read_mentions(&[5, 1]).count(), 0);
        assert_eq!(unpack(&[5, 1]), []);
    }

    #[test]
    fn figures_round_trip_bit_for_bit() {
        let values = [
            -3.5,
            -0.0,
            0.0,
            0.5,
            3.0,
            3.0,
            2.0,
            40_005.0,
            4e9,
            EXACT,
            1e300,
            f64::INFINITY,
            f64::NAN,
        ];
        let starts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, u32::MAX, 0];
        let mut out = Vec::new();
        pack_figures(&mut out, &values, &starts);
        let back: Vec<(f64, u32)> = read_figures(&out).collect();
        assert_eq!(back.len(), values.len());
        for (i, (&v, (b, s))) in values.iter().zip(back).enumerate() {
            assert_eq!(v.to_bits(), b.to_bits(), "value {i}");
            assert_eq!(s, starts.get(i).copied().unwrap_or(u32::MAX), "start {i}");
        }
        // Whole numbers cost a byte or two, starts as much.
        let mut small = Vec::new();
        pack_figures(&mut small, &[3.0, 12.0, 2026.0], &[10, 100, 1000]);
        assert!(small.len() <= 8, "{} bytes", small.len());
    }

    #[test]
    fn records_come_back_across_chunks_and_after_shrinking() {
        let mut records = Records::default();
        // Records of 0 to 999 bytes, some larger than a chunk: each is
        // its index's low byte repeated.
        let size = |i: usize| match i % 500 {
            7 => CHUNK + 3,
            n => n * 2 % 1000,
        };
        let byte = |i: usize| u8::try_from(i % 256).unwrap_or(0);
        for i in 0..3000 {
            records.push(|out| out.resize(size(i), byte(i)));
            if i == 1500 {
                records.shrink_to_fit();
            }
        }
        assert!(records.chunks.len() > 3);
        for i in 0..3000 {
            let r = records.get(i);
            assert_eq!(r.len(), size(i), "record {i}");
            assert!(r.iter().all(|&b| b == byte(i)), "record {i}");
        }
        assert_eq!(records.get(3000), &[] as &[u8]);
        let held = records.heap_bytes();
        let stored: usize = (0..3000).map(size).sum();
        assert!(held < stored + 3 * CHUNK, "{held} bytes for {stored}");
    }
}
