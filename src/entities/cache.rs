//! The names cache: what [`super::extract`] found in each article of a
//! corpus, kept on disk between runs, so that a corpus opened again has its
//! names, mentions and figures indexed without running the highlighter on
//! every article (it is most of the indexing time: seconds at 100,000
//! articles, against well under one to read the cache).
//!
//! One file per corpus (the paths and URLs read, as the read state keys
//! them) in `dateline/names` in the XDG cache folder: a header (a magic
//! string and the fingerprint of the build that wrote it) and then records
//! appended as articles are extracted. A record is the article's key (a hash
//! of its body and its date, the only inputs of [`super::extract`]), the
//! payload's length and checksum, and the payload: the [`Extracted`] in
//! varints. The fingerprint is a hash of dateline's sources and assets
//! (`build.rs`), so that another build's file is started again, never read.
//!
//! Reading trusts nothing: a record that fails its checksum ends the file
//! there (a write cut short), and one that does not decode into spans
//! within its article's body is a miss. Articles no longer in the corpus
//! leave records behind; when they are more than half of the file it is
//! written again with the live ones only. Files not used for
//! [`MAX_UNUSED`] are removed when a cache is opened. Nothing is ever
//! written where articles are read from.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use foldhash::fast::FixedState;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use super::{ArticleNames, Extracted, LocalEntity, LocalMention};
use crate::article::Article;
use crate::highlight::EntityKind;

const MAGIC: &[u8; 8] = b"DLNAMES2";

/// The hash of the sources and assets this build was made from.
const FINGERPRINT: &str = env!("DATELINE_NAMES_FINGERPRINT");

/// A corpus's file not opened for this long is removed.
pub const MAX_UNUSED: Duration = Duration::from_secs(30 * 86_400);

/// A record's key, length and checksum.
const RECORD_HEAD: usize = 16;

fn fingerprint() -> u64 {
    xxh3_64(FINGERPRINT.as_bytes())
}

fn header() -> [u8; 16] {
    let mut h = [0u8; 16];
    h[..8].copy_from_slice(MAGIC);
    h[8..].copy_from_slice(&fingerprint().to_le_bytes());
    h
}

/// An article's key: its body and date, which are all that
/// [`super::extract`] reads.
pub fn key(article: &Article, body: &str) -> u64 {
    let days = article
        .date
        .map_or(i32::MIN, |d| chrono::Datelike::num_days_from_ce(&d));
    xxh3_64_with_seed(body.as_bytes(), u64::from(days.cast_unsigned()))
}

/// `dateline/names` in the XDG cache folder (`$XDG_CACHE_HOME` when set,
/// else `~/.cache`); `None` when no home folder is known.
pub fn default_folder() -> Option<PathBuf> {
    use etcetera::BaseStrategy as _;
    let base = etcetera::choose_base_strategy().ok()?;
    Some(base.cache_dir().join("dateline").join("names"))
}

/// The records a cache file held when it was opened.
#[derive(Default)]
pub struct Recorded {
    /// The file's bytes, in memory of their own (an anonymous map) that
    /// goes back to the system the moment this is dropped: a corpus's file
    /// is a third of its size.
    data: Bytes,
    /// Key → payload's byte range in `data`; the first record of a key wins.
    at: HashMap<u64, (usize, usize), FixedState>,
}

impl Recorded {
    /// What was found in the article with `key` and `body`; `None` when
    /// not recorded or the record does not fit the body.
    pub fn get(&self, key: u64, body: &str) -> Option<Extracted> {
        let &(start, end) = self.at.get(&key)?;
        decode(self.data.get(start..end)?, body)
    }

    pub fn len(&self) -> usize {
        self.at.len()
    }

    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// Read the records of a file's bytes: none when the header is not this
    /// build's; up to the first record cut short or failing its checksum.
    /// Also gives where the sound part ends.
    fn parse(data: Bytes) -> (Self, usize) {
        let mut at = HashMap::default();
        if data.get(..16) != Some(&header()[..]) {
            return (Self::default(), 0);
        }
        let mut pos = 16;
        while let Some((key, len, check)) = data.get(pos..).and_then(read_head) {
            let start = pos + RECORD_HEAD;
            let Some(payload) = data.get(start..start + len) else {
                break;
            };
            if checksum(payload) != check {
                break;
            }
            at.entry(key).or_insert((start, start + len));
            pos = start + len;
        }
        (Self { data, at }, pos)
    }
}

/// A file's bytes in an anonymous memory map (none when empty).
#[derive(Default)]
struct Bytes(Option<memmap2::Mmap>);

impl Bytes {
    fn read(path: &Path) -> io::Result<Self> {
        use io::Read as _;
        let mut file = File::open(path)?;
        let len = usize::try_from(file.metadata()?.len()).unwrap_or(usize::MAX);
        if len == 0 {
            return Ok(Self(None));
        }
        let mut map = memmap2::MmapMut::map_anon(len)?;
        file.read_exact(&mut map)?;
        Ok(Self(Some(map.make_read_only()?)))
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        self.0.as_deref().unwrap_or(&[])
    }
}

/// A record's head: its key, its payload's length and checksum.
fn record_head(key: u64, len: u32, payload: &[u8]) -> [u8; RECORD_HEAD] {
    let mut head = [0u8; RECORD_HEAD];
    head[..8].copy_from_slice(&key.to_le_bytes());
    head[8..12].copy_from_slice(&len.to_le_bytes());
    head[12..].copy_from_slice(&checksum(payload).to_le_bytes());
    head
}

/// The key, payload length and checksum of the record head at the start
/// of `bytes`, if it holds one.
fn read_head(bytes: &[u8]) -> Option<(u64, usize, u32)> {
    let key = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?);
    let len = u32::from_le_bytes(bytes.get(8..12)?.try_into().ok()?);
    let check = u32::from_le_bytes(bytes.get(12..RECORD_HEAD)?.try_into().ok()?);
    Some((key, len as usize, check))
}

fn checksum(payload: &[u8]) -> u32 {
    // The low half of the hash.
    (xxh3_64(payload) & 0xffff_ffff) as u32
}

/// A corpus's cache file, kept up to date as articles are extracted.
pub struct NamesCache {
    path: PathBuf,
    file: Option<File>,
    /// Records in the file, counting those of articles gone.
    records: usize,
    /// Keys of the articles seen this run.
    live: HashSet<u64>,
    /// Records waiting to be written.
    pending: Vec<u8>,
    /// Set after a failed write: the cache is given up for this run.
    failed: bool,
}

impl NamesCache {
    /// Open the cache of `corpus` in `folder` and read what it holds; a
    /// missing, unreadable or other build's file holds nothing. Files in
    /// `folder` unused for [`MAX_UNUSED`] are removed.
    pub fn open(folder: &Path, corpus: &str) -> (Self, Recorded) {
        prune(folder, SystemTime::now());
        let path = folder.join(format!("{:016x}.bin", xxh3_64(corpus.as_bytes())));
        let data = Bytes::read(&path).unwrap_or_default();
        let whole = data.len();
        let (recorded, sound) = Recorded::parse(data);
        let mut cache = Self {
            path,
            file: None,
            records: recorded.len(),
            live: HashSet::new(),
            pending: Vec::new(),
            failed: false,
        };
        // Appending goes after the last sound record: a file cut short is
        // cut there, another build's is started again.
        let opened = if sound == 0 {
            cache.start_again()
        } else {
            OpenOptions::new()
                .append(true)
                .open(&cache.path)
                .and_then(|f| {
                    if sound < whole {
                        f.set_len(sound as u64)?;
                    }
                    // Marks the file used, for pruning.
                    f.set_modified(SystemTime::now())?;
                    Ok(f)
                })
        };
        match opened {
            Ok(f) => cache.file = Some(f),
            Err(e) => cache.give_up(&e),
        }
        (cache, recorded)
    }

    /// Write an empty file with this build's header in place of the old.
    fn start_again(&mut self) -> io::Result<File> {
        if let Some(parent) = self.path.parent() {
            fs::create_dir_all(parent)?;
        }
        self.records = 0;
        write_whole(&self.path, &header())
    }

    fn give_up(&mut self, e: &io::Error) {
        if !self.failed {
            crate::logfile::warn(&format!(
                "names cache {} not kept: {e}",
                self.path.display()
            ));
        }
        self.failed = true;
        self.file = None;
        self.pending = Vec::new();
    }

    /// The article with `key` was found in the cache.
    pub fn hit(&mut self, key: u64) {
        self.live.insert(key);
    }

    /// Keep what was found in the article with `key` (written at the next
    /// [`flush`](Self::flush)).
    pub fn put(&mut self, key: u64, found: &Extracted) {
        if self.failed || !self.live.insert(key) {
            return;
        }
        let mut payload = Vec::new();
        encode(found, &mut payload);
        let Ok(len) = u32::try_from(payload.len()) else {
            return;
        };
        self.pending
            .extend_from_slice(&record_head(key, len, &payload));
        self.pending.extend_from_slice(&payload);
        self.records += 1;
    }

    /// Append the records kept since the last flush.
    pub fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        // The file is open for appending: every write goes at its end,
        // even with another dateline appending to it too.
        let written = match self.file.as_mut() {
            Some(f) => f.write_all(&pending),
            None => Ok(()),
        };
        if let Err(e) = written {
            self.give_up(&e);
        }
    }

    /// When articles gone leave more records than the live ones, write the
    /// file again with the live ones only. For when the worker is idle.
    pub fn tidy(&mut self) {
        self.flush();
        if self.failed || self.records <= 2 * self.live.len() + 1000 {
            return;
        }
        let data = Bytes::read(&self.path).unwrap_or_default();
        let (old, _) = Recorded::parse(data);
        let mut out = header().to_vec();
        let mut kept = 0;
        for (&key, &(start, end)) in &old.at {
            if !self.live.contains(&key) {
                continue;
            }
            let payload = &old.data[start..end];
            out.extend_from_slice(&old.data[start - RECORD_HEAD..start]);
            out.extend_from_slice(payload);
            kept += 1;
        }
        match write_whole(&self.path, &out) {
            Ok(f) => {
                self.file = Some(f);
                self.records = kept;
            }
            Err(e) => self.give_up(&e),
        }
    }

    /// Records in the file (for tests and benchmarks).
    pub fn records(&self) -> usize {
        self.records
    }
}

/// Write `bytes` to a file beside `path`, then put it in `path`'s place;
/// gives it open for appending.
fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<File> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let result = (|| {
        File::create(&tmp)?.write_all(bytes)?;
        fs::rename(&tmp, path)?;
        OpenOptions::new().append(true).open(path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Remove the cache files in `folder` not used for [`MAX_UNUSED`] at `now`.
fn prune(folder: &Path, now: SystemTime) {
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > MAX_UNUSED);
        if old && path.extension().is_some_and(|e| e == "bin") {
            let _ = fs::remove_file(path);
        }
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push(low_byte(v) | 0x80);
        v >>= 7;
    }
    out.push(low_byte(v));
}

fn low_byte(v: u64) -> u8 {
    v.to_le_bytes()[0]
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

const KINDS: [EntityKind; 6] = EntityKind::ALL;

/// `found` in varints: entities (kind and bareness in a byte, key, name),
/// mentions (start as a step from the last, length, entity, the sentence as
/// bytes before and after), figures (value's bits, where first given),
/// dates (days, zigzagged, where first given).
pub fn encode(found: &Extracted, out: &mut Vec<u8>) {
    let names = &found.names;
    put_varint(out, names.entities.len() as u64);
    for e in &names.entities {
        let kind = KINDS.iter().position(|&k| k == e.kind).unwrap_or(0);
        out.push(low_byte(kind as u64) << 1 | u8::from(e.bare));
        put_str(out, &e.key);
        put_str(out, &e.name);
    }
    put_varint(out, names.mentions.len() as u64);
    let mut last = 0usize;
    for m in &names.mentions {
        put_varint(out, m.range.start.saturating_sub(last) as u64);
        put_varint(out, (m.range.end - m.range.start) as u64);
        put_varint(out, m.entity as u64);
        put_varint(out, m.range.start.saturating_sub(m.sentence.start) as u64);
        put_varint(out, m.sentence.end.saturating_sub(m.range.end) as u64);
        last = m.range.start;
    }
    put_varint(out, found.numbers.len() as u64);
    for (v, at) in found.numbers.iter().zip(&found.number_starts) {
        out.extend_from_slice(&v.to_bits().to_le_bytes());
        put_varint(out, u64::from(*at));
    }
    put_varint(out, found.dates.len() as u64);
    for (d, at) in found.dates.iter().zip(&found.date_starts) {
        let zigzag = ((d << 1) ^ (d >> 31)).cast_unsigned();
        put_varint(out, u64::from(zigzag));
        put_varint(out, u64::from(*at));
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.pos)?;
            self.pos += 1;
            v |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(v);
            }
        }
        None
    }

    fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.varint()?).ok()
    }

    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        let b = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(b)
    }

    fn string(&mut self) -> Option<String> {
        let n = self.usize()?;
        String::from_utf8(self.bytes(n)?.to_vec()).ok()
    }

    /// A count of items of at least `min` bytes each, no more than the
    /// bytes left could hold.
    fn count(&mut self, min: usize) -> Option<usize> {
        let n = self.usize()?;
        (n.checked_mul(min)? <= self.bytes.len() - self.pos).then_some(n)
    }
}

/// What [`encode`] wrote, checked against the article's body: `None`
/// unless every range and offset lies within it on character boundaries.
pub fn decode(bytes: &[u8], body: &str) -> Option<Extracted> {
    let inside = |at: usize| body.is_char_boundary(at);
    let mut r = Reader { bytes, pos: 0 };
    let n = r.count(3)?;
    let mut entities = Vec::with_capacity(n);
    for _ in 0..n {
        let b = *r.bytes(1)?.first()?;
        let kind = *KINDS.get(usize::from(b >> 1))?;
        entities.push(LocalEntity {
            kind,
            bare: b & 1 == 1,
            key: r.string()?,
            name: r.string()?,
        });
    }
    let n = r.count(5)?;
    let mut mentions = Vec::with_capacity(n);
    let mut last = 0usize;
    for _ in 0..n {
        let start = last.checked_add(r.usize()?)?;
        let end = start.checked_add(r.usize()?)?;
        let entity = r.usize()?;
        let sentence = start.checked_sub(r.usize()?)?..end.checked_add(r.usize()?)?;
        let bounds = [sentence.start, start, end, sentence.end];
        if entity >= entities.len() || !bounds.into_iter().all(inside) {
            return None;
        }
        mentions.push(LocalMention {
            range: start..end,
            entity,
            sentence,
        });
        last = start;
    }
    let n = r.count(9)?;
    let (mut numbers, mut number_starts) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        let bits: [u8; 8] = r.bytes(8)?.try_into().ok()?;
        numbers.push(f64::from_bits(u64::from_le_bytes(bits)));
        number_starts.push(offset(&mut r, body)?);
    }
    let n = r.count(2)?;
    let (mut dates, mut date_starts) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for _ in 0..n {
        let zigzag = u32::try_from(r.varint()?).ok()?;
        dates.push((zigzag >> 1).cast_signed() ^ -((zigzag & 1).cast_signed()));
        date_starts.push(offset(&mut r, body)?);
    }
    let found = Extracted {
        names: ArticleNames { entities, mentions },
        numbers,
        number_starts,
        dates,
        date_starts,
    };
    (r.pos == bytes.len()).then_some(found)
}

fn offset(r: &mut Reader, body: &str) -> Option<u32> {
    let at = u32::try_from(r.varint()?).ok()?;
    body.is_char_boundary(at as usize).then_some(at)
}

#[cfg(test)]
mod tests;
