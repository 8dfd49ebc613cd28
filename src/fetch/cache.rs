//! The disk cache of fetched URLs: `$XDG_CACHE_HOME/dateline/http/` (by
//! default `~/.cache/dateline/http/`), one file per URL named by a hash of
//! it, holding a line of JSON (the URL, its `ETag` and `Last-Modified`, the
//! media type, when it was fetched) and then the body as it came.
//!
//! Files are written whole to a temporary file beside them and renamed
//! over the old one, so a reader never sees half a file. A file that
//! cannot be read is as good as none: the URL is fetched afresh.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

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

    /// The cached copy of `url`, if there is a readable one.
    pub fn get(&self, url: &str) -> Option<Entry> {
        let bytes = fs::read(self.path_of(url)).ok()?;
        let end = memchr::memchr(b'\n', &bytes)?;
        let meta: Meta = serde_json::from_slice(&bytes[..end]).ok()?;
        if meta.url != url {
            return None;
        }
        let mut body = bytes;
        body.drain(..=end);
        Some(Entry { meta, body })
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
        let temp = self
            .folder
            .join(format!(".{name}.{}.tmp", std::process::id()));
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
}
