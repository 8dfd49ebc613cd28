//! Saved web pages (`.html`, `.htm`): the article's main text, found as
//! Firefox's reader view finds it (`dom_smoothie`, a port of Readability),
//! with its title, author, date, site and canonical URL from the page's
//! metadata (JSON-LD, `og:`, `article:` and other `<meta>` tags).
//! Navigation, ads, comments and scripts are left out.
//!
//! Also home to [`to_text`], which turns HTML (a page's extracted article, a
//! feed entry's content) into readable text.

use dom_smoothie::{Config, Readability};

use super::draft::{Draft, Note, Parsed};
use super::title;

/// Pages with more elements than this are not scored in full (the
/// extractor's own guard against pathological pages).
const MAX_ELEMENTS: usize = 200_000;
/// HTML nested deeper than this is not read: real pages and entries stay
/// under a hundred levels, while the text renderer's time grows with the
/// square of the depth (20 ms at 1,000 levels, 7 s at 20,000) and the
/// extractor's recursion overflows the stack at 100,000.
const MAX_DEPTH: usize = 1_000;
/// Lines of text are laid out this wide; the reader wraps them again to
/// its own width, so only over-long paragraphs are ever cut here.
const TEXT_WIDTH: usize = 4096;

/// Parse a saved web page into one article.
pub(crate) fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    if let Some(depth) = too_deep(text) {
        parsed.notes.push(Note::error(
            None,
            format!("markup nested more than {depth} deep; not read"),
        ));
        return parsed;
    }
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut reader = match Readability::new(text, None, Some(config)) {
        Ok(reader) => reader,
        Err(e) => {
            parsed
                .notes
                .push(Note::error(None, format!("not a readable page: {e}")));
            return parsed;
        }
    };
    // before the extractor prunes the document
    let canonical = ["link[rel~=canonical]", "meta[property=\"og:url\"]"]
        .iter()
        .find_map(|selector| {
            let found = reader.doc.select(selector);
            let url = found.attr("href").or_else(|| found.attr("content"))?;
            Some(url.trim().to_owned())
        })
        .filter(|u| is_web_url(u));
    let page = match reader.parse() {
        Ok(page) => page,
        Err(e) => {
            parsed.notes.push(Note::error(
                None,
                format!("no article found in the page: {e}"),
            ));
            return parsed;
        }
    };
    let body = to_text(&page.content, &mut parsed.notes, None);
    let clean = |s: Option<String>| s.map(|s| title::one_line(&s)).filter(|s| !s.is_empty());
    let url = clean(page.url).filter(|u| is_web_url(u)).or(canonical);
    parsed.drafts.push(Draft {
        line: None,
        title: clean(Some(page.title)),
        // the site's name, else its host
        source: clean(page.site_name).or_else(|| url.as_deref().and_then(host_of)),
        date_text: clean(page.published_time.or(page.modified_time)),
        date: None,
        author: clean(page.byline),
        url,
        body,
        span: None,
    });
    parsed
}

/// A URL worth keeping as an article's: absolute, on the web.
pub(crate) fn is_web_url(url: &str) -> bool {
    let lower = url
        .trim_start()
        .get(..8)
        .unwrap_or(url)
        .to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The host of a web URL, without `www.`: `https://www.example.org/a` →
/// `example.org`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?;
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_owned())
}

/// Readable text from HTML: paragraphs apart, list items marked, headings
/// kept, links' addresses listed at the end as numbered references (`[words][1]`
/// in the text), no tags, no entities, no scripts or styles. A problem gives
/// a warning at `line` and the text found so far (or none).
pub(crate) fn to_text(html: &str, notes: &mut Vec<Note>, line: Option<usize>) -> String {
    if let Some(depth) = too_deep(html) {
        notes.push(Note::warning(
            line,
            format!("HTML nested more than {depth} deep; its text is left out"),
        ));
        return String::new();
    }
    let rendered = html2text::config::plain_no_decorate()
        .link_footnotes(true)
        .no_table_borders()
        .allow_width_overflow()
        .string_from_read(html.as_bytes(), TEXT_WIDTH);
    match rendered {
        Ok(text) => tidy(&text),
        Err(e) => {
            notes.push(Note::warning(
                line,
                format!("HTML that could not be turned into text ({e}); left out"),
            ));
            String::new()
        }
    }
}

/// Trailing spaces off each line, at most one blank line in a row.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// The nesting depth past [`MAX_DEPTH`], if the markup goes that deep:
/// counted cheaply, opening tags less closing ones, void and self-closed
/// elements aside. An over-estimate for pages that leave `<p>` and `<li>`
/// unclosed, which real pages do only so many times.
fn too_deep(html: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut skip_to = 0;
    for at in memchr::memchr_iter(b'<', bytes) {
        if at < skip_to {
            continue;
        }
        match bytes.get(at + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b) if b.is_ascii_alphabetic() => {
                let name_end = bytes
                    .get(at + 1..)
                    .and_then(|rest| rest.iter().position(|b| !b.is_ascii_alphanumeric()))
                    .map_or(bytes.len(), |n| at + 1 + n);
                let name = bytes.get(at + 1..name_end).unwrap_or_default();
                // a script's or a style's text is not markup
                for raw in [&b"script"[..], b"style"] {
                    if name.eq_ignore_ascii_case(raw) {
                        skip_to = closing_tag(bytes, name_end, raw);
                    }
                }
                if is_void(name) || self_closed(bytes.get(name_end..).unwrap_or_default()) {
                    continue;
                }
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(MAX_DEPTH);
                }
            }
            _ => {}
        }
    }
    None
}

/// Where `</name` next starts from `from` (any case), or the end.
fn closing_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    memchr::memmem::find_iter(rest, b"</")
        .find(|&at| {
            rest.get(at + 2..at + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        })
        .map_or(bytes.len(), |at| from + at)
}

fn is_void(name: &[u8]) -> bool {
    const VOID: [&[u8]; 21] = [
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
        b"source", b"track", b"wbr", b"p", b"li", b"option", b"td", b"th", b"tr", b"dt", b"dd",
    ];
    // from `p` on, elements close themselves when the next one opens
    VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// `<… />`: the tag's end, up to its `>`, has a `/` just before it.
fn self_closed(rest: &[u8]) -> bool {
    memchr::memchr(b'>', rest).is_some_and(|end| end > 0 && rest.get(end - 1) == Some(&b'/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        let mut notes = Vec::new();
        let text = to_text(html, &mut notes, None);
        assert!(notes.is_empty(), "{notes:?}");
        text
    }

    #[test]
    fn html_becomes_paragraphs_lists_and_link_references() {
        let got = text(
            "<p>The ferry to <b>Inishmore</b> runs again &amp; on time.</p>\
             <p>Timetable:</p><ul><li>Mon&nbsp;&ndash; 08:00</li><li>Fri &ndash; 17:30</li></ul>\
             <p>See <a href=\"https://ferries.example/aran\">the operator</a>.</p>",
        );
        assert_eq!(
            got,
            "The ferry to Inishmore runs again & on time.\n\nTimetable:\n* Mon\u{a0}\u{2013} 08:00\n* Fri \u{2013} 17:30\n\nSee [the operator][1].\n\n[1]: https://ferries.example/aran"
        );
    }

    #[test]
    fn scripts_styles_and_comments_leave_no_trace() {
        let got = text(
            "<style>p{color:red}</style><script>alert('x')</script><!-- note --><p>Only this.</p>",
        );
        assert_eq!(got, "Only this.");
    }

    #[test]
    fn long_paragraphs_stay_on_one_line() {
        let para = "word ".repeat(300);
        let got = text(&format!("<p>{para}</p>"));
        assert_eq!(got.lines().count(), 1);
    }

    #[test]
    fn deep_markup_is_refused_not_overflowed() {
        let deep = "<div>".repeat(100_000) + "x";
        let mut notes = Vec::new();
        assert_eq!(to_text(&deep, &mut notes, Some(3)), "");
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].line, Some(3));
        // unclosed paragraphs and void elements are not depth
        let flat = "<p>a<br><img src=x><hr/>".repeat(5_000);
        assert!(too_deep(&flat).is_none());
        let parsed = parse(&deep);
        assert!(parsed.drafts.is_empty());
        assert!(parsed.notes[0].message.contains("nested"));
    }

    /// A page as a news site saves it: navigation, a share bar, a comment
    /// thread and a footer around the article, metadata in the head.
    fn page() -> String {
        let paragraphs: String = [
            "The harbour board voted on Tuesday to close the old ferry terminal at Kilmore Quay by the end of March, ending ninety years of sailings from the pier.",
            "Board chair Siobhan Reddy said the terminal needed repairs costing 4.2 million euro that the port could not justify for two sailings a day.",
            "Fishermen who share the pier said they feared the closure would be followed by cuts to dredging, which keeps the channel open at low tide.",
            "Passenger services will move to the deep-water berth at Rosslare, about 25 kilometres to the east, from the first of April.",
        ]
        .iter()
        .fold(String::new(), |mut all, p| {
            all.push_str("<p>");
            all.push_str(p);
            all.push_str("</p>\n");
            all
        });
        format!(
            r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Kilmore Quay ferry terminal to close | The Southeast Ledger</title>
<meta property="og:title" content="Kilmore Quay ferry terminal to close after ninety years">
<meta property="og:site_name" content="The Southeast Ledger">
<meta property="og:url" content="https://ledger.example/news/kilmore-terminal">
<meta property="article:published_time" content="2026-02-10T09:30:00+00:00">
<meta name="author" content="Cathal Byrne">
<link rel="canonical" href="https://ledger.example/news/kilmore-terminal">
</head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<div class="share-bar"><a href="https://social.example/share">Share this</a></div>
<article><h1>Kilmore Quay ferry terminal to close after ninety years</h1>
{paragraphs}</article>
<section id="comments" class="comments"><h2>Comments</h2><div class="comment">First! Great article about nothing.</div></section>
<footer class="site-footer">Copyright The Southeast Ledger. All rights reserved.</footer>
</body></html>"#
        )
    }

    #[test]
    fn a_page_gives_its_article_and_metadata_without_the_chrome() {
        let parsed = parse(&page());
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        let [draft] = parsed.drafts.as_slice() else {
            panic!("{:?}", parsed.drafts)
        };
        assert_eq!(
            draft.title.as_deref(),
            Some("Kilmore Quay ferry terminal to close after ninety years")
        );
        assert_eq!(draft.source.as_deref(), Some("The Southeast Ledger"));
        assert_eq!(draft.author.as_deref(), Some("Cathal Byrne"));
        assert_eq!(
            draft.url.as_deref(),
            Some("https://ledger.example/news/kilmore-terminal")
        );
        assert_eq!(
            draft.date_text.as_deref(),
            Some("2026-02-10T09:30:00+00:00")
        );
        assert!(draft.body.contains("The harbour board voted on Tuesday"));
        assert!(draft.body.contains("from the first of April."));
        for chrome in ["Sport", "Share this", "First!", "Copyright", "<p>"] {
            assert!(!draft.body.contains(chrome), "{chrome} in {}", draft.body);
        }
    }

    #[test]
    fn json_ld_metadata_is_read() {
        let page = page()
            .replace(r#"<meta name="author" content="Cathal Byrne">"#, "")
            .replace(
                "</head>",
                r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Kilmore Quay ferry terminal to close after ninety years","author":{"@type":"Person","name":"Aoife Doyle"},"datePublished":"2026-02-11"}</script></head>"#,
            );
        let parsed = parse(&page);
        let draft = &parsed.drafts[0];
        assert_eq!(draft.author.as_deref(), Some("Aoife Doyle"));
        assert_eq!(draft.date_text.as_deref(), Some("2026-02-11"));
    }

    #[test]
    fn without_a_site_name_the_source_is_the_host() {
        let page = page().replace(
            r#"<meta property="og:site_name" content="The Southeast Ledger">"#,
            "",
        );
        let parsed = parse(&page);
        assert_eq!(parsed.drafts[0].source.as_deref(), Some("ledger.example"));
        assert_eq!(
            host_of("http://user@WWW.News.example:8080/x?y"),
            Some("news.example".into())
        );
        assert_eq!(host_of("https://"), None);
    }

    #[test]
    fn a_page_without_an_article_is_one_message() {
        let parsed = parse("<html><body></body></html>");
        assert!(parsed.drafts.is_empty() || parsed.drafts[0].body.is_empty());
    }
}
