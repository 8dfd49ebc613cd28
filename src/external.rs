//! What dateline hands to other programs: an article's link to the browser,
//! text to the clipboard (through the terminal, with OSC 52), an article's
//! text to a pager or a command.
//!
//! The app asks for these as [`Effect`]s; the run loop carries them out
//! between frames, where it owns the terminal. The functions that decide
//! what to run and what to write are pure and tested here.

use std::io::{self, Write};
use std::process::{Child, Command, Stdio};

use base64::Engine as _;

use crate::article::Article;
use crate::sanitize;

/// Something for the run loop to do outside the app's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this link in the browser.
    OpenUrl(String),
    /// Put this text on the clipboard.
    Copy(String),
    /// Show `text` in the pager, or hand it to a shell command.
    Pipe {
        text: String,
        /// A command typed at the prompt (run by `sh -c`); `None` for
        /// `$PAGER`.
        command: Option<String>,
    },
}

/// The program and arguments that open `url`: `$BROWSER` when set (the
/// first of a colon-separated list; `%s` stands for the link, which is
/// added at the end otherwise), `None` to let the system decide.
pub fn browser_command(browser: Option<&str>, url: &str) -> Option<Vec<String>> {
    let first = browser?.split(':').map(str::trim).find(|c| !c.is_empty())?;
    let mut words = shell_words::split(first).ok()?;
    if words.is_empty() {
        return None;
    }
    let mut placed = false;
    for word in &mut words {
        if word.contains("%s") {
            *word = word.replace("%s", url);
            placed = true;
        }
    }
    if !placed {
        words.push(url.to_owned());
    }
    Some(words)
}

/// Start the browser on `url`, detached from the terminal (no input, output
/// discarded). The child, when one was started, is the caller's to wait
/// for; without `$BROWSER` the system's opener runs on its own.
pub fn open_url(browser: Option<&str>, url: &str) -> io::Result<Option<Child>> {
    match browser_command(browser, url) {
        Some(words) => Command::new(&words[0])
            .args(&words[1..])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map(Some),
        None => open::that_detached(url).map(|()| None),
    }
}

/// The OSC 52 sequence that sets the system clipboard to `text`, for
/// terminals that allow it (BEL-terminated, as xterm, kitty, foot, tmux and
/// others accept).
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

/// What `y` copies of an article: its link, else its title and where it was
/// read from. Always one line, without control characters.
pub fn clip_text(article: &Article) -> String {
    match article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(url) => sanitize::line(url).into_owned(),
        None => sanitize::line(&format!("{} — {}", article.title, article.origin)).into_owned(),
    }
}

/// An article as plain text for a pager: title, the metadata known, a blank
/// line, the body. Control characters are replaced, as on screen, so that
/// `PAGER=cat` cannot act on them either.
pub fn article_text(article: &Article) -> String {
    let mut out = String::new();
    out.push_str(&sanitize::line(&article.title));
    out.push('\n');
    let meta = [
        ("Source", Some(article.source.clone())),
        (
            "Date",
            article.date.map(|d| d.format("%Y-%m-%d").to_string()),
        ),
        ("Author", article.author.clone()),
        ("URL", article.url.clone()),
        ("From", Some(article.origin.to_string())),
    ];
    for (label, value) in meta {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            out.push_str(label);
            out.push_str(": ");
            out.push_str(&sanitize::line(&value));
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(sanitize::text(&article.body.text()).trim_end());
    out.push('\n');
    out
}

/// The pager's program and arguments: `$PAGER` (split as the shell would),
/// else `less`.
pub fn pager_command(pager: Option<&str>) -> Vec<String> {
    pager
        .and_then(|p| shell_words::split(p).ok())
        .filter(|w| !w.is_empty())
        .unwrap_or_else(|| vec!["less".to_owned()])
}

/// Run `words` (or, with `shell`, `sh -c` on the command) with `text` on
/// its standard input and the terminal for its output; wait for it. A
/// program that stops reading early is not an error.
pub fn run_with_input(program: &[String], text: &str) -> io::Result<std::process::ExitStatus> {
    let (first, rest) = program
        .split_first()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no command"))?;
    let mut child = Command::new(first)
        .args(rest)
        .stdin(Stdio::piped())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        let text = text.to_owned();
        // Written from a thread: a pager reads as the reader pages.
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(text.as_bytes());
        });
        let status = child.wait();
        let _ = writer.join();
        return status;
    }
    child.wait()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{ArticleId, Origin};

    fn article(url: Option<&str>) -> Article {
        let origin = Origin::file("news/strike.txt");
        Article {
            id: ArticleId::derive(url, &origin, "Dock strike"),
            title: "Dock strike\x1b[31m".into(),
            source: "Northline Wire".into(),
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 16),
            author: None,
            url: url.map(Into::into),
            origin,
            body: "Workers walked out.\n\nThe port\x1b]0;x\x07 waited.\n".into(),
            tags: Vec::new(),
        }
    }

    #[test]
    fn browser_from_the_environment_with_the_link_in_place_or_at_the_end() {
        let url = "https://wire.test/a?b=1&c=2";
        assert_eq!(browser_command(None, url), None);
        assert_eq!(browser_command(Some(""), url), None);
        assert_eq!(
            browser_command(Some("firefox"), url).unwrap(),
            ["firefox", url]
        );
        assert_eq!(
            browser_command(Some(":w3m -o x:lynx"), url).unwrap(),
            ["w3m", "-o", "x", url]
        );
        assert_eq!(
            browser_command(Some("open -a 'Safari App' --url=%s"), url).unwrap(),
            ["open", "-a", "Safari App", &format!("--url={url}")]
        );
        // Unbalanced quotes are not a command.
        assert_eq!(browser_command(Some("fire'fox"), url), None);
    }

    #[test]
    fn osc52_is_base64_between_the_sequence_and_bel() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        assert_eq!(
            osc52("https://wire.test/ä"),
            "\x1b]52;c;aHR0cHM6Ly93aXJlLnRlc3Qvw6Q=\x07"
        );
        assert_eq!(osc52(""), "\x1b]52;c;\x07");
        // Whatever the text, the sequence holds no control character of its own.
        let seq = osc52("a\x07b\x1b\\c");
        assert!(!seq[7..seq.len() - 1].contains(['\x07', '\x1b']));
    }

    #[test]
    fn the_clip_is_the_link_else_title_and_path() {
        assert_eq!(
            clip_text(&article(Some(" https://wire.test/strike "))),
            "https://wire.test/strike"
        );
        let clip = clip_text(&article(None));
        assert!(clip.starts_with("Dock strike"), "{clip}");
        assert!(clip.ends_with(" — news/strike.txt"), "{clip}");
        assert!(!clip.contains('\x1b'));
    }

    #[test]
    fn the_article_as_text_has_title_metadata_and_body_without_escapes() {
        let text = article_text(&article(Some("https://wire.test/strike")));
        assert!(text.starts_with("Dock strike"), "{text}");
        assert!(text.contains("\nSource: Northline Wire\nDate: 2026-11-16\n"));
        assert!(text.contains("URL: https://wire.test/strike\n"));
        assert!(text.contains("From: news/strike.txt\n\nWorkers walked out.\n\nThe port"));
        assert!(!text.contains('\x1b') && !text.contains('\x07'), "{text:?}");
        assert!(!text.contains("Author:"));
    }

    #[test]
    fn the_pager_is_pager_else_less() {
        assert_eq!(pager_command(None), ["less"]);
        assert_eq!(pager_command(Some("  ")), ["less"]);
        assert_eq!(pager_command(Some("less -R +G")), ["less", "-R", "+G"]);
    }

    #[test]
    fn a_program_gets_the_text_on_its_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.txt");
        let program = [
            "sh".to_owned(),
            "-c".to_owned(),
            format!("cat > '{}'", out.display()),
        ];
        let status = run_with_input(&program, "one\ntwo\n").unwrap();
        assert!(status.success());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "one\ntwo\n");
        // One that reads nothing and quits is fine too.
        let status = run_with_input(&["true".to_owned()], &"x".repeat(1 << 20)).unwrap();
        assert!(status.success());
        assert!(run_with_input(&[], "x").is_err());
    }
}
