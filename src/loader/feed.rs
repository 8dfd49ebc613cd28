//! Feeds (`.xml`, `.rss`, `.atom`, `.rdf`, and `.json` files that are JSON
//! Feeds): RSS 0.9x and 2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed, read
//! by `feed-rs`.
//!
//! Each entry is an article: its title, link, authors and date (published,
//! else updated), its full content when it has one, else its summary, with
//! HTML made readable text; the feed's title is the source. An entry's
//! position in the feed (1 for the first) places it in messages. An entry
//! with neither title nor text is reported and the others load; a file
//! that is not a feed, or is broken XML, is one message.

use std::sync::{Arc, Mutex, PoisonError};

use feed_rs::model::{Entry, Feed, Text};
use feed_rs::parser::{self, ParseErrorKind, ParseFeedError, Parser};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::dates;
use super::draft::{Draft, Note, Parsed};
use super::html::{self, is_web_url};
use super::title;

/// Parse a feed's text (already decoded).
pub(crate) fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let text = text.trim_start();
    let text = without_declared_encodings(text);
    let unrecognised = Arc::new(Mutex::new(Vec::new()));
    let parser = parser_noting_dates(&unrecognised);
    match parser.parse(text.as_bytes()) {
        Ok(feed) => add_feed(&feed, 0, &mut parsed),
        Err(e) if text.starts_with('{') => json_feed_by_item(&parser, &text, &e, &mut parsed),
        Err(e) => parsed.notes.push(Note::error(None, describe(&e))),
    }
    let unrecognised =
        std::mem::take(&mut *unrecognised.lock().unwrap_or_else(PoisonError::into_inner));
    if let Some(first) = unrecognised.first() {
        let more = match unrecognised.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        parsed.notes.push(Note::warning(
            None,
            format!(
                "unrecognised date \"{}\"{more}; loaded without a date",
                super::draft::clip(first.trim(), 40)
            ),
        ));
    }
    parsed
}

/// A feed parser that reads dates as dateline does everywhere (the date as
/// written, in the writer's time zone, in any form dateline knows) and notes
/// the ones it cannot read.
fn parser_noting_dates(unrecognised: &Arc<Mutex<Vec<String>>>) -> Parser {
    let unrecognised = Arc::clone(unrecognised);
    parser::Builder::new()
        .sanitize_content(false)
        .timestamp_parser(move |text| {
            let date = dates::parse(text).or_else(|| {
                // a weekday in another language: `mer, 16 nov 2022 …`
                let (day, rest) = text.trim().split_once(',')?;
                let a_word = !day.is_empty() && day.chars().all(char::is_alphabetic);
                a_word.then(|| dates::parse(rest)).flatten()
            });
            if date.is_none() && !text.trim().is_empty() {
                let mut list = unrecognised.lock().unwrap_or_else(PoisonError::into_inner);
                list.push(text.to_owned());
            }
            // noon, so that the date in UTC is the date as written
            date.and_then(|d| d.and_hms_opt(12, 0, 0))
                .map(|d| d.and_utc())
        })
        .build()
}

/// Is this JSON text a JSON Feed (its `version` names the spec)? Cheap for
/// other JSON: the whole text is parsed only if it mentions the spec.
pub(crate) fn is_json_feed(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Version<'a> {
        #[serde(borrow)]
        version: Option<&'a str>,
    }
    memchr::memmem::find(text.as_bytes(), b"jsonfeed.org/version").is_some()
        && serde_json::from_str::<Version<'_>>(text)
            .ok()
            .and_then(|v| v.version)
            .is_some_and(|v| v.contains("jsonfeed.org/version"))
}

/// Is this XML text a feed: its first element `rss`, `feed` or `rdf:RDF`?
pub(crate) fn is_xml_feed(text: &str) -> bool {
    let mut rest = text.trim_start();
    // the prolog, comments, a doctype, processing instructions
    while let Some(after) = rest.strip_prefix('<') {
        let skip = if after.starts_with('?') {
            after.find("?>").map(|e| e + 2)
        } else if after.starts_with("!--") {
            after.find("-->").map(|e| e + 3)
        } else if after.starts_with('!') {
            after.find('>').map(|e| e + 1)
        } else {
            let name_end = after
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(after.len());
            let name = after.get(..name_end).unwrap_or_default();
            let local = name.rsplit(':').next().unwrap_or(name);
            return matches!(local, "rss" | "feed" | "RDF");
        };
        let Some(next) = skip.and_then(|skip| after.get(skip..)) else {
            return false;
        };
        rest = next.trim_start();
    }
    false
}

/// The text without an `encoding` in any XML declaration: the text has
/// been decoded already, and the parser would decode it again (and panics
/// on a declaration that is not at the very start). A declaration naming an
/// encoding becomes a plain `<?xml version="1.0"?>`.
fn without_declared_encodings(text: &str) -> std::borrow::Cow<'_, str> {
    let mut fixed = String::new();
    let mut copied = 0;
    for at in memchr::memmem::find_iter(text.as_bytes(), "<?xml") {
        if at < copied {
            continue;
        }
        let rest = text.get(at + 5..).unwrap_or_default();
        if !rest.starts_with(|c: char| c.is_whitespace() || c == '?') {
            continue; // `<?xml-stylesheet …?>` and the like
        }
        let Some(end) = rest.find("?>").map(|end| at + 5 + end + 2) else {
            break;
        };
        let declaration = text.get(at..end).unwrap_or_default();
        if declaration.contains("encoding") {
            fixed.push_str(text.get(copied..at).unwrap_or_default());
            fixed.push_str("<?xml version=\"1.0\"?>");
            copied = end;
        }
    }
    if copied == 0 {
        return text.into();
    }
    fixed.push_str(text.get(copied..).unwrap_or_default());
    fixed.into()
}

/// The feed's message, on one line, said for a person.
fn describe(e: &ParseFeedError) -> String {
    match e {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            "not a feed: no RSS, Atom, RDF or JSON Feed root".to_owned()
        }
        ParseFeedError::ParseError(kind) => {
            format!("not a feed: {}", title::one_line(&kind.to_string()))
        }
        other => format!(
            "not a readable feed: {}",
            title::one_line(&other.to_string())
        ),
    }
}

/// A JSON Feed the parser refused whole: parse each item on its own, so
/// that one bad item is reported (by its position) and the rest load.
fn json_feed_by_item(parser: &Parser, text: &str, whole: &ParseFeedError, parsed: &mut Parsed) {
    #[derive(Deserialize)]
    struct Shell<'a> {
        #[serde(borrow)]
        items: Option<Vec<&'a RawValue>>,
        #[serde(borrow)]
        version: Option<&'a RawValue>,
        #[serde(borrow)]
        title: Option<&'a RawValue>,
    }
    let Ok(Shell {
        items: Some(items),
        version: Some(version),
        title,
    }) = serde_json::from_str::<Shell<'_>>(text)
    else {
        parsed.notes.push(Note::error(None, describe(whole)));
        return;
    };
    let title = title.map_or("\"\"", RawValue::get);
    for (i, item) in items.iter().enumerate() {
        let one = format!(
            "{{\"version\":{},\"title\":{title},\"items\":[{}]}}",
            version.get(),
            item.get()
        );
        match parser.parse(one.as_bytes()) {
            Ok(feed) => add_feed(&feed, i, parsed),
            Err(e) => parsed.notes.push(Note::error(
                Some(i + 1),
                format!("not a feed item: {}", title::one_line(&e.to_string())),
            )),
        }
    }
}

/// The feed's entries as drafts, the first at position `first + 1`.
fn add_feed(feed: &Feed, first: usize, parsed: &mut Parsed) {
    let source = feed
        .title
        .as_ref()
        .map(|t| one_line_of(t, &mut parsed.notes, None))
        .filter(|t| !t.is_empty());
    parsed.drafts.reserve(feed.entries.len());
    for (i, entry) in feed.entries.iter().enumerate() {
        let draft = draft_of(
            entry,
            Some(first + i + 1),
            source.clone(),
            &mut parsed.notes,
        );
        parsed.drafts.push(draft);
    }
}

fn draft_of(
    entry: &Entry,
    line: Option<usize>,
    source: Option<String>,
    notes: &mut Vec<Note>,
) -> Draft {
    let title = entry
        .title
        .as_ref()
        .map(|t| one_line_of(t, notes, line))
        .filter(|t| !t.is_empty());
    let body = if let Some(html) = entry.content.as_ref().and_then(|c| {
        let body = c.body.as_deref()?;
        Some((body, c.content_type.essence().to_string()))
    }) {
        let (body, kind) = html;
        if kind.contains("html") {
            html::to_text(body, notes, line)
        } else {
            body.to_owned()
        }
    } else if let Some(summary) = &entry.summary {
        text_of(summary, notes, line)
    } else {
        // Media RSS (video feeds) keeps the text in the media's description
        entry
            .media
            .iter()
            .find_map(|m| m.description.as_ref())
            .map(|d| text_of(d, notes, line))
            .unwrap_or_default()
    };
    let url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.clone())
        .or_else(|| is_web_url(&entry.id).then(|| entry.id.clone()));
    let author = entry
        .authors
        .iter()
        .filter_map(|a| a.name.as_deref().or(a.email.as_deref()))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    Draft {
        line,
        title,
        source,
        date_text: None,
        date: entry.published.or(entry.updated).map(|d| d.date_naive()),
        author: (!author.is_empty()).then_some(author),
        url,
        body,
        span: None,
    }
}

/// A title or a feed's name on one line; character references that some
/// feeds leave in plain text (`&#8211;`, `&amp;`) decoded too.
fn one_line_of(text: &Text, notes: &mut Vec<Note>, line: Option<usize>) -> String {
    let plain = text_of(text, notes, line);
    let decoded = if plain.contains('&') {
        html_escape::decode_html_entities(&plain)
    } else {
        plain.as_str().into()
    };
    title::one_line(&decoded)
}

/// A feed's text construct as plain text: HTML (and XHTML) made readable.
fn text_of(text: &Text, notes: &mut Vec<Note>, line: Option<usize>) -> String {
    if text.content_type.essence().to_string().contains("html") {
        html::to_text(&text.content, notes, line)
    } else {
        text.content.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only(parsed: &Parsed) -> &[Draft] {
        assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
        &parsed.drafts
    }

    const RSS2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Wire</title>
  <link>https://wire.example/</link>
  <description>News from the coast</description>
  <item>
    <title>Ferry fares rise by 4% from May</title>
    <link>https://wire.example/fares</link>
    <dc:creator>Nuala Quinn</dc:creator>
    <pubDate>Tue, 03 Mar 2026 08:15:00 GMT</pubDate>
    <description>Short summary only.</description>
    <content:encoded><![CDATA[<p>Fares on the <a href="https://ferries.example/">island ferry</a> rise by 4% on <b>1 May</b>.</p><ul><li>Adults: &euro;12</li><li>Children: &euro;6</li></ul>]]></content:encoded>
  </item>
  <item>
    <title>Pier lights repaired</title>
    <guid isPermaLink="true">https://wire.example/lights</guid>
    <description>&lt;p&gt;The lights on the east pier work again &amp;amp; the harbour master is pleased.&lt;/p&gt;</description>
  </item>
  <item>
    <description></description>
  </item>
</channel>
</rss>"#;

    #[test]
    fn rss2_entries_become_drafts() {
        let parsed = parse(RSS2);
        let drafts = only(&parsed);
        assert_eq!(drafts.len(), 3);
        let fares = &drafts[0];
        assert_eq!(fares.line, Some(1));
        assert_eq!(
            fares.title.as_deref(),
            Some("Ferry fares rise by 4% from May")
        );
        assert_eq!(fares.source.as_deref(), Some("Harbour Wire"));
        assert_eq!(fares.url.as_deref(), Some("https://wire.example/fares"));
        assert_eq!(fares.author.as_deref(), Some("Nuala Quinn"));
        assert_eq!(
            fares.date.map(|d| d.to_string()).as_deref(),
            Some("2026-03-03")
        );
        // the full content, not the summary; links as references
        assert_eq!(
            fares.body,
            "Fares on the [island ferry][1] rise by 4% on 1 May.\n* Adults: \u{20ac}12\n* Children: \u{20ac}6\n\n[1]: https://ferries.example/"
        );
        let lights = &drafts[1];
        assert_eq!(lights.url.as_deref(), Some("https://wire.example/lights"));
        assert_eq!(
            lights.body,
            "The lights on the east pier work again & the harbour master is pleased."
        );
        assert_eq!(lights.date, None);
        // the empty item is a draft with nothing: finishing it reports it
        assert_eq!(drafts[2].title, None);
        assert_eq!(drafts[2].body, "");
    }

    #[test]
    fn atom_with_html_xhtml_and_updated_dates() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Valley &lt;i&gt;Courier&lt;/i&gt;</title>
  <id>urn:uuid:2b1e6a8e-0000-4000-8000-000000000001</id>
  <updated>2026-04-02T10:00:00Z</updated>
  <entry>
    <title>Bridge reopens after &lt;repairs&gt;</title>
    <link rel="alternate" href="https://courier.example/bridge"/>
    <link rel="enclosure" href="https://courier.example/bridge.jpg"/>
    <id>urn:uuid:2b1e6a8e-0000-4000-8000-000000000002</id>
    <updated>2026-04-01T23:30:00-02:00</updated>
    <author><name>Tomas Brennan</name></author>
    <author><name>Ellen Ward</name></author>
    <summary>Summary.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The bridge on the N25 reopened at <em>noon</em>.</p></div></content>
  </entry>
  <entry>
    <title type="html">Council &amp;amp; unions agree</title>
    <id>tag:courier.example,2026:council</id>
    <published>2026-03-30T09:00:00Z</published>
    <updated>2026-04-01T09:00:00Z</updated>
    <summary type="html">&lt;p&gt;Pay deal signed.&lt;/p&gt;</summary>
  </entry>
</feed>"#;
        let parsed = parse(atom);
        let drafts = only(&parsed);
        assert_eq!(drafts.len(), 2);
        assert_eq!(drafts[0].source.as_deref(), Some("Valley Courier"));
        assert_eq!(
            drafts[0].title.as_deref(),
            Some("Bridge reopens after <repairs>")
        );
        assert_eq!(
            drafts[0].url.as_deref(),
            Some("https://courier.example/bridge")
        );
        assert_eq!(
            drafts[0].author.as_deref(),
            Some("Tomas Brennan, Ellen Ward")
        );
        // updated, the date as written
        assert_eq!(
            drafts[0].date.map(|d| d.to_string()).as_deref(),
            Some("2026-04-01")
        );
        assert_eq!(drafts[0].body, "The bridge on the N25 reopened at noon.");
        assert_eq!(drafts[1].title.as_deref(), Some("Council & unions agree"));
        // published wins over updated
        assert_eq!(
            drafts[1].date.map(|d| d.to_string()).as_deref(),
            Some("2026-03-30")
        );
        assert_eq!(drafts[1].body, "Pay deal signed.");
        assert_eq!(drafts[1].url, None);
    }

    #[test]
    fn rss1_rdf_and_rss091() {
        let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://lists.example/"><title>Lists Weekly</title><link>https://lists.example/</link><description>d</description></channel>
  <item rdf:about="https://lists.example/1">
    <title>Mirror moves to new host</title>
    <link>https://lists.example/1</link>
    <description>The mirror moves on Friday.</description>
    <dc:date>2026-01-09T12:00:00+00:00</dc:date>
    <dc:creator>Mirror Team</dc:creator>
  </item>
</rdf:RDF>"#;
        let drafts = parse(rdf).drafts;
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].source.as_deref(), Some("Lists Weekly"));
        assert_eq!(drafts[0].title.as_deref(), Some("Mirror moves to new host"));
        assert_eq!(
            drafts[0].date.map(|d| d.to_string()).as_deref(),
            Some("2026-01-09")
        );
        assert_eq!(drafts[0].body, "The mirror moves on Friday.");
        let rss091 = r#"<rss version="0.91"><channel><title>Old Gazette</title><link>https://gazette.example</link><description>d</description>
<item><title>Tram timetable</title><link>https://gazette.example/tram</link><description>New times from Monday.</description></item>
</channel></rss>"#;
        let drafts = parse(rss091).drafts;
        assert_eq!(drafts[0].source.as_deref(), Some("Old Gazette"));
        assert_eq!(drafts[0].body, "New times from Monday.");
    }

    #[test]
    fn json_feed_and_one_bad_item() {
        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Metro Notes",
          "items": [
            {"id": "1", "url": "https://metro.example/1", "title": "Night buses return", "content_html": "<p>From <b>Friday</b>.</p>", "date_published": "2026-05-01T21:00:00Z", "authors": [{"name": "Ines Kerr"}]},
            {"id": 2, "title": 7},
            {"id": "3", "content_text": "Station lifts fixed.\n\nAll six work.", "date_modified": "2026-05-03T08:00:00Z"}
          ]}"#;
        assert!(is_json_feed(json));
        let parsed = parse(json);
        assert_eq!(parsed.drafts.len(), 2, "{:?}", parsed.notes);
        assert_eq!(
            parsed.drafts[0].title.as_deref(),
            Some("Night buses return")
        );
        assert_eq!(parsed.drafts[0].source.as_deref(), Some("Metro Notes"));
        assert_eq!(parsed.drafts[0].author.as_deref(), Some("Ines Kerr"));
        assert_eq!(parsed.drafts[0].body, "From Friday.");
        assert_eq!(parsed.drafts[1].line, Some(3));
        assert_eq!(
            parsed.drafts[1].body,
            "Station lifts fixed.\n\nAll six work."
        );
        assert_eq!(
            parsed.drafts[1].date.map(|d| d.to_string()).as_deref(),
            Some("2026-05-03")
        );
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(parsed.notes[0].line, Some(2));
        assert!(
            parsed.notes[0].message.starts_with("not a feed item"),
            "{}",
            parsed.notes[0].message
        );
        assert!(!is_json_feed(
            r#"{"title": "jsonfeed.org/version is a spec"}"#
        ));
    }

    #[test]
    fn dates_as_written_and_unrecognised_ones_noted() {
        let rss = r#"<rss version="2.0"><channel><title>Metro &#8211; Wire</title>
<item><title>Late edition</title><pubDate>Tue, 03 Mar 2026 23:15:00 -0500</pubDate></item>
<item><title>Odd date</title><pubDate>Sat, Dec 16 2023 02:02:33 PM</pubDate></item>
<item><title>Italian</title><pubDate>mer, 16 nov 2022 00:38:15 +0100</pubDate></item>
<item><title>No date</title><pubDate>the day before yesterday</pubDate></item>
</channel></rss>"#;
        let parsed = parse(rss);
        let dates: Vec<String> = parsed
            .drafts
            .iter()
            .map(|d| d.date.map(|d| d.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(dates, ["2026-03-03", "2023-12-16", "2022-11-16", ""]);
        assert_eq!(
            parsed.drafts[0].source.as_deref(),
            Some("Metro \u{2013} Wire")
        );
        assert_eq!(parsed.notes.len(), 1);
        assert_eq!(
            parsed.notes[0].message,
            "unrecognised date \"the day before yesterday\"; loaded without a date"
        );
    }

    #[test]
    fn a_declared_encoding_is_not_applied_twice() {
        // decoded from ISO-8859-1 already: the é is in the text
        let rss = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\u{e9} Soci\u{e9}t\u{e9}</title><item><title>Cr\u{e8}me</title></item></channel></rss>";
        let drafts = parse(rss).drafts;
        assert_eq!(
            drafts[0].source.as_deref(),
            Some("Caf\u{e9} Soci\u{e9}t\u{e9}")
        );
        assert_eq!(drafts[0].title.as_deref(), Some("Cr\u{e8}me"));
        let f = |t| without_declared_encodings(t).into_owned();
        assert_eq!(
            f("<?xml version='1.0' encoding='latin1' ?><a/>"),
            "<?xml version=\"1.0\"?><a/>"
        );
        assert_eq!(f("<?xml version='1.0'?><a/>"), "<?xml version='1.0'?><a/>");
        assert_eq!(
            f("<?xml-stylesheet encoding='x'?><a><?xml version='1.0' encoding='utf-16'?></a>"),
            "<?xml-stylesheet encoding='x'?><a><?xml version=\"1.0\"?></a>"
        );
        assert_eq!(f("<?xml encoding='x'"), "<?xml encoding='x'");
    }

    #[test]
    fn a_declaration_after_other_text_is_no_panic() {
        // found by fuzzing: the XML parser panicked when asked to change
        // encoding once past the start of the text
        let text = "\u{fffd}!,,<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>V</title><entry><title>B\u{e9}</title></entry></feed>";
        let _ = parse(text);
        let _ = parse(
            "<rss version=\"2.0\"><channel><?xml version=\"1.0\" encoding=\"UTF-16\"?><title>T</title></channel></rss>",
        );
    }

    #[test]
    fn broken_and_foreign_xml_is_one_message() {
        for text in [
            "<rss version=\"2.0\"><channel><title>Cut off</title><item><title>x",
            "<html><body>not a feed</body></html>",
            "<?xml version=\"1.0\"?><urlset><url><loc>https://a.example/</loc></url></urlset>",
            "",
        ] {
            let parsed = parse(text);
            assert!(parsed.drafts.is_empty(), "{text}");
            assert_eq!(parsed.notes.len(), 1, "{text}");
            assert!(!parsed.notes[0].message.contains('\n'));
        }
    }

    #[test]
    fn deep_nesting_is_no_overflow() {
        for inner in ["<x>".repeat(100_000), "&lt;div&gt;".repeat(100_000)] {
            let rss = format!(
                "<rss version=\"2.0\"><channel><title>Deep</title><item><title>Deep item</title><description>{inner}</description></item></channel></rss>"
            );
            let parsed = parse(&rss);
            assert!(parsed.drafts.len() + parsed.notes.len() >= 1);
        }
        let json = format!(
            "{{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [{}1{}]}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert_eq!(parse(&json).drafts.len(), 0);
    }

    #[test]
    fn feeds_are_told_from_other_xml() {
        assert!(is_xml_feed(
            "<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"
        ));
        assert!(is_xml_feed("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(is_xml_feed(
            "<?xml version=\"1.0\"?><?xml-stylesheet href=\"s.xsl\"?><rdf:RDF>"
        ));
        assert!(!is_xml_feed("<!DOCTYPE html><html>"));
        assert!(!is_xml_feed("<urlset>"));
        assert!(!is_xml_feed("<?xml unfinished"));
    }
}
