//! The disk cache of fetched URLs: `$XDG_CACHE_HOME/dateline/http/` (by
//! default `~/.cache/dateline/http/`), one file per URL named by a hash of
//! it, holding a line of JSON (the URL, its `ETag` and `Last-Modified`, the
//! media type, when it was fetched) and then the body as it came.
//!
//! Files are written whole to a temporary file beside them and renamed
//! over the old one, so a reader never sees half a file. A file that
//! cannot be read is as good as none: the URL is fetched afresh.
//!
//! A file's modification time is when it was last used (written, or read
//! for a fetch). [`Cache::prune`] removes copies unused for
//! [`MAX_UNUSED`] and then, oldest first, as many as keep the folder under
//! [`MAX_BYTES`]; only files named as the cache names them are touched.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

/// Writes started by this process, to name their temporary files.
static WRITES: AtomicU64 = AtomicU64::new(0);

/// Copies not used for this long are removed.
pub const MAX_UNUSED: Duration = Duration::from_secs(30 * 86_400);
/// The folder is kept under this many bytes, the least recently used
/// copies going first.
pub const MAX_BYTES: u64 = 200 * 1024 * 1024;
/// A temporary file this old was left by a write that never finished.
const STALE_TEMP: Duration = Duration::from_secs(3600);

/// What a pruning removed and kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    pub removed: usize,
    pub removed_bytes: u64,
    pub kept: usize,
    pub kept_bytes: u64,
}

/// What is kept about a URL beside its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The URL asked for (checked on reading, against a clash of hashes).
    pub url: String,
    /// The URL after redirects.
    pub final_url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub content_type: Option<String>,
    /// The `charset` given with the media type.
    #[serde(default)]
    pub charset: Option<String>,
    /// Seconds since 1970 when the body was last fetched or revalidated.
    pub fetched: u64,
}

/// A cached body and what is known of it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub meta: Meta,
    pub body: Vec<u8>,
}

/// A cache folder.
#[derive(Debug, Clone)]
pub struct Cache {
    folder: PathBuf,
}

impl Cache {
    pub fn new(folder: PathBuf) -> Self {
        Self { folder }
    }

    /// `dateline/http` in the XDG cache folder: `$XDG_CACHE_HOME` when set,
    /// else `~/.cache`. `None` when no home folder is known.
    pub fn default_folder() -> Option<PathBuf> {
        use etcetera::BaseStrategy as _;
        let base = etcetera::choose_base_strategy().ok()?;
        Some(base.cache_dir().join("dateline").join("http"))
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The file a URL is kept in.
    pub fn path_of(&self, url: &str) -> PathBuf {
        let hash = xxhash_rust::xxh3::xxh3_128(url.as_bytes());
        self.folder.join(format!("{hash:032x}"))
    }

    /// The cached copy of `url`, if there is a readable one. Its file is
    /// marked used now, so that pruning keeps it.
    pub fn get(&self, url: &str) -> Option<Entry> {
        let path = self.path_of(url);
        let bytes = fs::read(&path).ok()?;
        let end = memchr::memchr(b'\n', &bytes)?;
        let meta: Meta = serde_json::from_slice(&bytes[..end]).ok()?;
        if meta.url != url {
            return None;
        }
        if let Ok(file) = OpenOptions::new().write(true).open(&path) {
            let _ = file.set_modified(SystemTime::now());
        }
        let mut body = bytes;
        body.drain(..=end);
        Some(Entry { meta, body })
    }

    /// Remove the copies unused for [`MAX_UNUSED`], then the least recently
    /// used until the rest fit in [`MAX_BYTES`]; temporary files left by
    /// writes that never finished go too. Errors only mean less is removed.
    pub fn prune(&self) -> Pruned {
        self.prune_at(SystemTime::now(), MAX_UNUSED, MAX_BYTES)
    }

    /// [`Cache::prune`] as if it were `now`, with the limits given.
    pub fn prune_at(&self, now: SystemTime, max_unused: Duration, max_bytes: u64) -> Pruned {
        let mut pruned = Pruned::default();
        let Ok(dir) = fs::read_dir(&self.folder) else {
            return pruned;
        };
        let age = |modified: SystemTime| now.duration_since(modified).unwrap_or_default();
        let mut kept: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        for entry in dir.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let temp = is_temp_name(&name);
            if !temp && !is_entry_name(&name) {
                continue;
            }
            let Ok(meta) = entry.metadata() else {
                continue;
            };
            if !meta.is_file() {
                continue;
            }
            let modified = meta.modified().unwrap_or(now);
            let too_old = if temp {
                age(modified) > STALE_TEMP
            } else {
                age(modified) > max_unused
            };
            if too_old {
                if fs::remove_file(entry.path()).is_ok() {
                    pruned.removed += 1;
                    pruned.removed_bytes += meta.len();
                }
            } else if !temp {
                kept.push((modified, meta.len(), entry.path()));
            }
        }
        let mut total: u64 = kept.iter().map(|(_, len, _)| len).sum();
        // the least recently used first
        kept.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.2.cmp(&b.2)));
        pruned.kept = kept.len();
        for (_, len, path) in kept {
            if total <= max_bytes {
                break;
            }
            if fs::remove_file(&path).is_ok() {
                total -= len;
                pruned.kept -= 1;
                pruned.removed += 1;
                pruned.removed_bytes += len;
            }
        }
        pruned.kept_bytes = total;
        pruned
    }

    /// Keep `body` for `url`; a failure only means the next run fetches
    /// afresh (it is logged).
    pub fn put(&self, url: &str, meta: &Meta, body: &[u8]) {
        if let Err(e) = self.write(url, meta, body) {
            crate::logfile::warn(&format!("cache for {url} not written: {e}"));
        }
    }

    fn write(&self, url: &str, meta: &Meta, body: &[u8]) -> io::Result<()> {
        fs::create_dir_all(&self.folder)?;
        let path = self.path_of(url);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // one temporary file per write, even for two threads writing the
        // same URL at once
        let n = WRITES.fetch_add(1, Ordering::Relaxed);
        let temp = self
            .folder
            .join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        let written = (|| {
            let mut file = OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true)
                .open(&temp)?;
            let line = serde_json::to_vec(meta).map_err(io::Error::other)?;
            file.write_all(&line)?;
            file.write_all(b"\n")?;
            file.write_all(body)?;
            file.sync_all()?;
            fs::rename(&temp, &path)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&temp);
        }
        written?;
        if let Ok(dir) = File::open(&self.folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

/// A copy's name: 32 lowercase hex digits.
fn is_entry_name(name: &str) -> bool {
    name.len() == 32 && name.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// A temporary file's name: `.{entry}.{pid}.{n}.tmp`.
fn is_temp_name(name: &str) -> bool {
    name.strip_prefix('.')
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .and_then(|rest| {
            rest.get(..32)
                .filter(|_| rest.as_bytes().get(32) == Some(&b'.'))
        })
        .is_some_and(is_entry_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(url: &str) -> Meta {
        Meta {
            url: url.to_owned(),
            final_url: format!("{url}/final"),
            etag: Some("\"v1\"".into()),
            last_modified: None,
            content_type: Some("application/rss+xml".into()),
            charset: None,
            fetched: 1_700_000_000,
        }
    }

    #[test]
    fn a_body_comes_back_as_it_was_put() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().join("http"));
        let url = "https://news.example/feed";
        assert!(cache.get(url).is_none());
        let body = b"<rss>\n\0binary\nlines</rss>".to_vec();
        cache.put(url, &meta(url), &body);
        let entry = cache.get(url).unwrap();
        assert_eq!(entry.meta, meta(url));
        assert_eq!(entry.body, body);
        // written again, over the old one, with no temporary file left
        cache.put(url, &meta(url), b"new");
        assert_eq!(cache.get(url).unwrap().body, b"new");
        let names: Vec<_> = fs::read_dir(cache.folder()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn threads_writing_one_url_at_once_leave_one_whole_copy() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().to_path_buf());
        let url = "https://news.example/busy";
        let bodies: Vec<Vec<u8>> = (0..8u8).map(|i| vec![b'a' + i; 64 * 1024]).collect();
        std::thread::scope(|scope| {
            for body in &bodies {
                let cache = &cache;
                scope.spawn(move || cache.put(url, &meta(url), body));
            }
        });
        let entry = cache.get(url).unwrap();
        assert!(bodies.contains(&entry.body));
        assert_eq!(fs::read_dir(cache.folder()).unwrap().count(), 1);
    }

    #[test]
    fn a_damaged_or_foreign_file_is_as_good_as_none() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().to_path_buf());
        let url = "https://news.example/a";
        fs::write(cache.path_of(url), b"not json\nbody").unwrap();
        assert!(cache.get(url).is_none());
        fs::write(cache.path_of(url), b"no line end").unwrap();
        assert!(cache.get(url).is_none());
        let other = meta("https://news.example/b");
        let mut bytes = serde_json::to_vec(&other).unwrap();
        bytes.extend_from_slice(b"\nbody");
        fs::write(cache.path_of(url), bytes).unwrap();
        assert!(cache.get(url).is_none());
    }

    /// Put `url` in the cache with `len` bytes of body, last used `days_ago`
    /// days before `now`.
    fn put_used(cache: &Cache, url: &str, len: usize, now: SystemTime, days_ago: u64) {
        cache.put(url, &meta(url), &vec![b'x'; len]);
        let file = OpenOptions::new()
            .write(true)
            .open(cache.path_of(url))
            .unwrap();
        file.set_modified(now - Duration::from_secs(days_ago * 86_400))
            .unwrap();
    }

    #[test]
    fn pruning_removes_copies_unused_for_a_month_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().to_path_buf());
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        put_used(&cache, "https://news.example/old", 100, now, 45);
        put_used(&cache, "https://news.example/recent", 100, now, 3);
        put_used(&cache, "https://news.example/edge", 100, now, 29);
        // not the cache's: left alone however old
        let foreign = dir.path().join("notes.txt");
        fs::write(&foreign, b"mine").unwrap();
        File::options()
            .write(true)
            .open(&foreign)
            .unwrap()
            .set_modified(now - Duration::from_secs(400 * 86_400))
            .unwrap();
        // a temporary file left by a write that never finished
        let name = cache.path_of("https://news.example/cut");
        let name = name.file_name().unwrap().to_string_lossy();
        let temp = dir.path().join(format!(".{name}.7.0.tmp"));
        fs::write(&temp, b"half").unwrap();
        File::options()
            .write(true)
            .open(&temp)
            .unwrap()
            .set_modified(now - Duration::from_secs(2 * 86_400))
            .unwrap();
        let pruned = cache.prune_at(now, MAX_UNUSED, MAX_BYTES);
        assert_eq!(pruned.removed, 2);
        assert_eq!(pruned.kept, 2);
        // (looked at without reading, which would mark them used)
        let kept = |url: &str| cache.path_of(url).exists();
        assert!(!kept("https://news.example/old"));
        assert!(!temp.exists());
        assert!(foreign.exists());
        assert!(kept("https://news.example/recent"));
        assert!(kept("https://news.example/edge"));
        // pruned again at once, nothing more goes
        let again = cache.prune_at(now, MAX_UNUSED, MAX_BYTES);
        assert_eq!((again.removed, again.kept), (0, 2));
    }

    #[test]
    fn over_the_size_cap_the_least_recently_used_go_first() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().to_path_buf());
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        for (i, days) in [5, 1, 9, 3].into_iter().enumerate() {
            put_used(
                &cache,
                &format!("https://news.example/{i}"),
                1000,
                now,
                days,
            );
        }
        let one = fs::metadata(cache.path_of("https://news.example/0"))
            .unwrap()
            .len();
        // room for two copies: the two used last are kept
        let pruned = cache.prune_at(now, MAX_UNUSED, 2 * one + 10);
        assert_eq!((pruned.removed, pruned.kept), (2, 2));
        assert_eq!(pruned.kept_bytes, 2 * one);
        let left: Vec<bool> = (0..4)
            .map(|i| cache.path_of(&format!("https://news.example/{i}")).exists())
            .collect();
        assert_eq!(left, [false, true, false, true]);
    }

    #[test]
    fn reading_a_copy_marks_it_used_and_a_missing_folder_prunes_to_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path().to_path_buf());
        let now = SystemTime::now();
        let url = "https://news.example/kept";
        put_used(&cache, url, 10, now, 60);
        assert!(cache.get(url).is_some());
        assert_eq!(cache.prune().removed, 0);
        assert!(cache.get(url).is_some());
        let none = Cache::new(dir.path().join("never-made"));
        assert_eq!(none.prune(), Pruned::default());
        assert!(is_temp_name(&format!(".{}.12.3.tmp", "a".repeat(32))));
        assert!(!is_temp_name(".tmp"));
        assert!(!is_entry_name(&"g".repeat(32)));
    }
}
