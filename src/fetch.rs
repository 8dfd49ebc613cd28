//! Fetching feeds and pages over HTTP(S), with a disk cache.
//!
//! Pure of the terminal, as the loader is: [`Fetcher::fetch`] asks for one
//! URL (redirects followed, gzip accepted, a connect and an overall
//! timeout) and gives its body, or a one-line reason why not. With a
//! [`Cache`], a URL fetched before is revalidated (`If-None-Match`,
//! `If-Modified-Since`): a `304 Not Modified` gives the cached body, and
//! when the network fails the cached copy is given with a note of its age.

pub mod cache;

use std::fmt;
use std::time::{Duration, SystemTime};

use ureq::http::StatusCode;

pub use cache::Cache;

/// How long one fetch may take in all, unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// How long connecting may take, at most.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Bodies larger than this are not read.
pub const MAX_BODY_BYTES: u64 = 64 * 1024 * 1024;
/// Redirects followed before giving up.
const MAX_REDIRECTS: u32 = 10;

/// `dateline/VERSION`, with the project's address when it has one.
pub fn user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match option_env!("CARGO_PKG_REPOSITORY").filter(|r| !r.is_empty()) {
        Some(repo) => format!("dateline/{version} (+{repo})"),
        None => format!("dateline/{version}"),
    }
}

/// Whether a command-line argument names a URL rather than a path.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A body fetched (or taken from the cache).
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The URL after redirects.
    pub final_url: String,
    pub body: Vec<u8>,
    /// The media type the server gave, without parameters, lowercased.
    pub content_type: Option<String>,
    /// The `charset` the server gave with it.
    pub charset: Option<String>,
    /// Set when the body is a cached copy shown because the fetch failed:
    /// why, and how old the copy is.
    pub stale: Option<String>,
}

/// Why a URL gave nothing: one line, without the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError(pub String);

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FetchError {}

/// Fetches URLs: one agent (connections kept for reuse), one timeout, and
/// a cache or none. Cheap to share between threads by reference.
#[derive(Debug)]
pub struct Fetcher {
    agent: ureq::Agent,
    timeout: Duration,
    cache: Option<Cache>,
    /// The cache is pruned once, before the first fetch.
    pruned: std::sync::Once,
}

impl Fetcher {
    pub fn new(timeout: Duration, cache: Option<Cache>) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .timeout_connect(Some(timeout.min(CONNECT_TIMEOUT)))
            .user_agent(user_agent())
            .http_status_as_error(false)
            .max_redirects(MAX_REDIRECTS)
            .build();
        Self {
            agent: config.into(),
            timeout,
            cache,
            pruned: std::sync::Once::new(),
        }
    }

    /// The default timeout and the cache in the XDG cache folder (none
    /// when there is no home folder).
    pub fn with_default_cache(timeout: Duration) -> Self {
        Self::new(timeout, Cache::default_folder().map(Cache::new))
    }

    pub fn cache(&self) -> Option<&Cache> {
        self.cache.as_ref()
    }

    /// Fetch `url`: from the network, revalidating a cached copy; the
    /// cached copy when the network fails.
    pub fn fetch(&self, url: &str) -> Result<Fetched, FetchError> {
        self.prune_once();
        let cached = self.cache.as_ref().and_then(|c| c.get(url));
        let mut request = self.agent.get(url);
        if let Some(entry) = &cached {
            if let Some(etag) = &entry.meta.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(modified) = &entry.meta.last_modified {
                request = request.header("If-Modified-Since", modified);
            }
        }
        let mut response = match request.call() {
            Ok(response) => response,
            Err(e) => return Self::fall_back(cached, &self.describe(&e)),
        };
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return match cached {
                Some(mut entry) => {
                    entry.meta.fetched = unix_now();
                    if let Some(cache) = &self.cache {
                        cache.put(url, &entry.meta, &entry.body);
                    }
                    Ok(Fetched {
                        final_url: entry.meta.final_url.clone(),
                        content_type: entry.meta.content_type.clone(),
                        charset: entry.meta.charset.clone(),
                        body: entry.body,
                        stale: None,
                    })
                }
                None => Err(FetchError("304 Not Modified, and no copy kept".into())),
            };
        }
        if !status.is_success() {
            return Self::fall_back(cached, &describe_status(status));
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let etag = header("etag");
        let last_modified = header("last-modified");
        let content_type_header = header("content-type");
        let content_type = content_type_header.as_deref().map(media_type);
        let charset = content_type_header.as_deref().and_then(charset_of);
        let final_url = {
            use ureq::ResponseExt as _;
            response.get_uri().to_string()
        };
        let body = match response
            .body_mut()
            .with_config()
            .limit(MAX_BODY_BYTES)
            .read_to_vec()
        {
            Ok(body) => body,
            Err(e) => return Self::fall_back(cached, &self.describe(&e)),
        };
        if let Some(cache) = &self.cache {
            let meta = cache::Meta {
                url: url.to_owned(),
                final_url: final_url.clone(),
                etag,
                last_modified,
                content_type: content_type.clone(),
                charset: charset.clone(),
                fetched: unix_now(),
            };
            cache.put(url, &meta, &body);
        }
        Ok(Fetched {
            final_url,
            body,
            content_type,
            charset,
            stale: None,
        })
    }

    /// Prune the cache, the first time a URL is fetched: on a fetching
    /// thread, so that a large folder never holds up the reader.
    fn prune_once(&self) {
        let Some(cache) = &self.cache else {
            return;
        };
        self.pruned.call_once(|| {
            let pruned = cache.prune();
            if pruned.removed > 0 {
                crate::logfile::info(&format!(
                    "cache pruned: {} copies removed ({} KiB), {} kept ({} KiB)",
                    pruned.removed,
                    pruned.removed_bytes / 1024,
                    pruned.kept,
                    pruned.kept_bytes / 1024
                ));
            }
        });
    }

    /// The cached copy with a note of why and how old, or the reason.
    fn fall_back(cached: Option<cache::Entry>, reason: &str) -> Result<Fetched, FetchError> {
        match cached {
            Some(entry) => {
                let age = unix_now().saturating_sub(entry.meta.fetched);
                Ok(Fetched {
                    final_url: entry.meta.final_url,
                    content_type: entry.meta.content_type,
                    charset: entry.meta.charset,
                    body: entry.body,
                    stale: Some(format!("{reason}; showing the copy from {}", ago(age))),
                })
            }
            None => Err(FetchError(reason.to_owned())),
        }
    }

    /// One line for a failed request.
    fn describe(&self, error: &ureq::Error) -> String {
        use ureq::Error as E;
        match error {
            E::Timeout(_) => format!("timed out after {}", seconds(self.timeout)),
            E::HostNotFound => "offline or no such host".to_owned(),
            E::ConnectionFailed => "offline (could not connect)".to_owned(),
            E::Io(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
                "offline (connection refused)".to_owned()
            }
            E::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => {
                format!("timed out after {}", seconds(self.timeout))
            }
            E::Io(e) => format!("network error: {e}"),
            E::StatusCode(code) => StatusCode::from_u16(*code)
                .map_or_else(|_| format!("status {code}"), describe_status),
            E::BodyExceedsLimit(_) => format!(
                "larger than {} MiB; not read",
                MAX_BODY_BYTES / (1024 * 1024)
            ),
            E::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
            E::BadUri(_) | E::Http(_) => "not a URL that can be fetched".to_owned(),
            other => other.to_string(),
        }
    }
}

/// `404 Not Found`.
fn describe_status(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => format!("status {}", status.as_u16()),
    }
}

/// `text/html; charset=utf-8` → `text/html`.
fn media_type(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// `text/html; Charset="ISO-8859-1"` → `iso-8859-1`.
fn charset_of(value: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_ascii_lowercase())
            .filter(|v| !v.is_empty())
    })
}

/// `20 s`, `1.5 s`, `250 ms`.
fn seconds(d: Duration) -> String {
    if d.as_millis() < 1000 {
        format!("{} ms", d.as_millis())
    } else if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// How long ago, roughly: `40 s ago`, `12 min ago`, `3 h ago`, `5 days ago`.
pub fn ago(secs: u64) -> String {
    match secs {
        0..90 => format!("{secs} s ago"),
        90..5400 => format!("{} min ago", (secs + 30) / 60),
        5400..172_800 => format!("{} h ago", (secs + 1800) / 3600),
        _ => format!("{} days ago", (secs + 43_200) / 86_400),
    }
}

pub(crate) fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://news.example/feed.xml"));
        assert!(is_url("HTTP://news.example"));
        assert!(!is_url("news/feed.xml"));
        assert!(!is_url("http:"));
        assert!(!is_url("ftp://news.example/x"));
        assert!(!is_url("-"));
        assert!(!is_url("é"));
    }

    #[test]
    fn ages_read_naturally() {
        assert_eq!(ago(5), "5 s ago");
        assert_eq!(ago(600), "10 min ago");
        assert_eq!(ago(3 * 3600 + 100), "3 h ago");
        assert_eq!(ago(5 * 86_400), "5 days ago");
    }

    #[test]
    fn statuses_media_types_and_timeouts_read_as_one_line() {
        assert_eq!(describe_status(StatusCode::NOT_FOUND), "404 Not Found");
        assert_eq!(media_type("Text/HTML; charset=utf-8"), "text/html");
        assert_eq!(
            charset_of("text/html; Charset=\"ISO-8859-1\"").as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(charset_of("text/html"), None);
        assert_eq!(charset_of("text/html; charset="), None);
        assert_eq!(seconds(Duration::from_secs(20)), "20 s");
        assert_eq!(seconds(Duration::from_millis(300)), "300 ms");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5 s");
        assert!(user_agent().starts_with("dateline/"));
    }
}
