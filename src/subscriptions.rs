//! The feeds a reader follows: a urls file as newsboat writes it, one URL a
//! line with optional tags in double quotes, and OPML ([`opml`]) to move
//! such a list between readers.
//!
//! ```text
//! # comments and blank lines are skipped
//! https://news.example/world.xml "world" "~World desk"
//! https://news.example/sport.xml "sport" "!"
//! ```
//!
//! A tag starting with `~` renames the feed (its articles' source); a tag
//! starting with `!` hides the feed: it stays in the file (and in an OPML
//! export) but is not read. Every other tag is a group, which the filter
//! bar finds as `tag:NAME`.

pub mod opml;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::fetch;

/// One feed (or page) followed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subscription {
    pub url: String,
    /// The groups it is in, as written.
    pub tags: Vec<String>,
    /// The name to show instead of the feed's own (a `~` tag).
    pub title: Option<String>,
    /// Kept in the list but not read (a `!` tag).
    pub hidden: bool,
}

impl Subscription {
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            ..Self::default()
        }
    }

    /// The line a urls file holds for it.
    pub fn to_line(&self) -> String {
        let mut line = self.url.clone();
        for tag in &self.tags {
            let _ = write!(line, " {}", quoted(tag));
        }
        if let Some(title) = &self.title {
            let _ = write!(line, " {}", quoted(&format!("~{title}")));
        }
        if self.hidden {
            line.push_str(" \"!\"");
        }
        line
    }
}

/// `"text"`, a double quote inside written `\"`.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A line of a urls file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    /// 1-based.
    pub line: usize,
    pub message: String,
}

/// What a urls file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlsFile {
    pub subscriptions: Vec<Subscription>,
    pub problems: Vec<LineProblem>,
}

/// `urls` in the config folder (`$XDG_CONFIG_HOME/dateline/urls`).
pub fn default_path() -> Option<PathBuf> {
    crate::config::default_path().map(|p| p.with_file_name("urls"))
}

/// Read a urls file: every good line, and a problem for each bad one.
pub fn parse(text: &str) -> UrlsFile {
    let mut file = UrlsFile::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_line(line) {
            Ok(subscription) => file.subscriptions.push(subscription),
            Err(message) => file.problems.push(LineProblem {
                line: n + 1,
                message,
            }),
        }
    }
    file
}

fn parse_line(line: &str) -> Result<Subscription, String> {
    let (url, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    let url = url.trim_matches('"');
    if let Some(kind) = ["query:", "exec:", "filter:"]
        .into_iter()
        .find(|k| url.starts_with(k))
    {
        return Err(format!(
            "{} feeds are newsboat's own",
            kind.trim_end_matches(':')
        ));
    }
    if !fetch::is_url(url) || url.len() <= "http://".len() {
        return Err(format!(
            "{:?} is not an http or https URL",
            crate::sanitize::line(&clip(url, 60))
        ));
    }
    let mut subscription = Subscription::new(url);
    for tag in tags(rest)? {
        if let Some(title) = tag.strip_prefix('~') {
            let title = title.trim();
            if !title.is_empty() {
                subscription.title = Some(title.to_owned());
            }
        } else if tag.starts_with('!') {
            subscription.hidden = true;
        } else if !tag.trim().is_empty() {
            subscription.tags.push(tag.trim().to_owned());
        }
    }
    Ok(subscription)
}

/// The tags after a URL: each in double quotes (`\"` inside one is a
/// quote), or a bare word.
fn tags(rest: &str) -> Result<Vec<String>, String> {
    let mut tags = Vec::new();
    let mut chars = rest.trim().chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut tag = String::new();
        if c == '"' {
            chars.next();
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '\\' => tag.extend(chars.next()),
                    '"' => {
                        closed = true;
                        break;
                    }
                    c => tag.push(c),
                }
            }
            if !closed {
                return Err(format!(
                    "a tag's quote is not closed: \"{}",
                    crate::sanitize::line(&clip(&tag, 40))
                ));
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                tag.push(c);
                chars.next();
            }
        }
        tags.push(tag);
    }
    Ok(tags)
}

fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// A urls file's text for these subscriptions, with a header comment.
pub fn to_text(subscriptions: &[Subscription], header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        let _ = writeln!(out, "# {line}");
    }
    for subscription in subscriptions {
        out.push_str(&subscription.to_line());
        out.push('\n');
    }
    out
}

/// `existing` (a urls file's text, perhaps empty) with the feeds of `new`
/// that it does not list yet added at its end under a `# note` line; and
/// how many were added. Nothing already there changes.
pub fn merged(existing: &str, new: &[Subscription], note: &str) -> (String, usize) {
    let known: Vec<String> = parse(existing)
        .subscriptions
        .into_iter()
        .map(|s| s.url)
        .collect();
    let mut added: Vec<&Subscription> = Vec::new();
    for subscription in new {
        if !known.contains(&subscription.url) && !added.iter().any(|a| a.url == subscription.url) {
            added.push(subscription);
        }
    }
    let mut text = existing.to_owned();
    if added.is_empty() {
        return (text, 0);
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    let _ = writeln!(text, "# {note}");
    for subscription in &added {
        text.push_str(&subscription.to_line());
        text.push('\n');
    }
    (text, added.len())
}

/// Write `text` to `path` whole or not at all: a temporary file beside
/// it, renamed over it.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder)?;
    let name = path
        .file_name()
        .map_or_else(|| "urls".into(), |n| n.to_string_lossy().into_owned());
    let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Read the urls file at `path`.
pub fn read(path: &Path) -> std::io::Result<UrlsFile> {
    let bytes = std::fs::read(path)?;
    Ok(parse(&String::from_utf8_lossy(&bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_tags_titles_comments_and_mistakes() {
        let text = "# my feeds\n\
            \n\
            https://news.example/world.xml \"world\" \"~World desk\"\n\
            \thttps://news.example/sport.xml \"sport\" \"!\"   \n\
            https://news.example/plain\n\
            news.example/no-scheme \"x\"\n\
            \"query:Unread:unread = \\\"yes\\\"\"\n\
            https://news.example/open \"never closed\n\
            https://news.example/bare politics \"say \\\"hi\\\"\"\n";
        let file = parse(text);
        assert_eq!(
            file.subscriptions,
            vec![
                Subscription {
                    url: "https://news.example/world.xml".into(),
                    tags: vec!["world".into()],
                    title: Some("World desk".into()),
                    hidden: false,
                },
                Subscription {
                    url: "https://news.example/sport.xml".into(),
                    tags: vec!["sport".into()],
                    title: None,
                    hidden: true,
                },
                Subscription::new("https://news.example/plain"),
                Subscription {
                    url: "https://news.example/bare".into(),
                    tags: vec!["politics".into(), "say \"hi\"".into()],
                    ..Subscription::default()
                },
            ]
        );
        let problems: Vec<(usize, &str)> = file
            .problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(
            problems,
            vec![
                (6, "\"news.example/no-scheme\" is not an http or https URL"),
                (7, "query feeds are newsboat's own"),
                (8, "a tag's quote is not closed: \"never closed"),
            ]
        );
    }

    #[test]
    fn lines_written_read_back_the_same() {
        let subscriptions = vec![
            Subscription {
                url: "https://news.example/a".into(),
                tags: vec!["two words".into(), "with \"quotes\"".into()],
                title: Some("A \\ desk".into()),
                hidden: true,
            },
            Subscription::new("http://news.example/b"),
        ];
        let text = to_text(&subscriptions, "imported\nfrom OPML");
        assert!(text.starts_with("# imported\n# from OPML\n"));
        let back = parse(&text);
        assert!(back.problems.is_empty(), "{:?}", back.problems);
        assert_eq!(back.subscriptions, subscriptions);
    }

    #[test]
    fn merging_adds_only_new_feeds_and_keeps_every_line() {
        let existing = "# mine\nhttps://a.example/feed \"x\"\nnot a url";
        let new = vec![
            Subscription::new("https://a.example/feed"),
            Subscription::new("https://b.example/feed"),
            Subscription::new("https://b.example/feed"),
        ];
        let (text, added) = merged(existing, &new, "from OPML");
        assert_eq!(added, 1);
        assert_eq!(
            text,
            "# mine\nhttps://a.example/feed \"x\"\nnot a url\n# from OPML\nhttps://b.example/feed\n"
        );
        assert_eq!(merged(&text, &new, "again"), (text.clone(), 0));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("conf/urls");
        write_atomically(&path, &text).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        assert_eq!(
            std::fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1
        );
    }

    #[test]
    fn nothing_in_a_line_panics() {
        for line in [
            "\"",
            "https://x \"",
            "https://x \\",
            "https://x \"a\\",
            "~",
            "!",
        ] {
            let _ = parse(line);
        }
    }
}
