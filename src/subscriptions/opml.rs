//! OPML, the outline format feed readers trade their lists in.
//!
//! [`import`] takes every outline with an `xmlUrl` as a feed: its `title`
//! (else `text`) names it, and the outlines it sits in and its `category`
//! attribute give its tags. [`export`] writes OPML 2.0: feeds grouped in
//! an outline per first tag, every tag also in `category`, so reading the
//! export back gives the same list.

use std::fmt::Write as _;

use quick_xml::escape::escape;
use quick_xml::events::{BytesStart, Event};

use super::Subscription;

/// Why an OPML file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not readable OPML: {0}")]
pub struct OpmlError(String);

/// The feeds of an OPML document, in document order; the same URL twice
/// is kept once (its tags joined).
pub fn import(text: &str) -> Result<Vec<Subscription>, OpmlError> {
    let mut reader = quick_xml::Reader::from_str(text);
    // the names of the outlines we are inside; `None` for a feed's own
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut feeds: Vec<Subscription> = Vec::new();
    let mut seen_opml = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| OpmlError(format!("at byte {}: {e}", reader.error_position())))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "opml" => {
                seen_opml = true;
            }
            Event::Start(e) if e.local_name().as_ref() == "outline" => {
                let outline = Outline::read(&e);
                let folder = match outline.feed(&folders) {
                    Some(feed) => {
                        add(&mut feeds, feed);
                        None
                    }
                    None => outline.name,
                };
                folders.push(folder);
            }
            Event::Empty(e) if e.local_name().as_ref() == "outline" => {
                if let Some(feed) = Outline::read(&e).feed(&folders) {
                    add(&mut feeds, feed);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "outline" => {
                folders.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_opml {
        return Err(OpmlError("no <opml> element".into()));
    }
    Ok(feeds)
}

/// A feed, or its tags added to the one with its URL.
fn add(feeds: &mut Vec<Subscription>, feed: Subscription) {
    match feeds.iter_mut().find(|f| f.url == feed.url) {
        Some(known) => {
            for tag in feed.tags {
                if !known.tags.contains(&tag) {
                    known.tags.push(tag);
                }
            }
        }
        None => feeds.push(feed),
    }
}

/// The attributes of an `<outline>` that matter here.
#[derive(Default)]
struct Outline {
    name: Option<String>,
    title: Option<String>,
    url: Option<String>,
    categories: Vec<String>,
    hidden: bool,
}

impl Outline {
    fn read(element: &BytesStart<'_>) -> Self {
        let mut outline = Outline::default();
        let mut text = None;
        for attribute in element.attributes().flatten() {
            let Ok(value) = attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0) else {
                continue;
            };
            let value = value.trim().to_owned();
            if value.is_empty() {
                continue;
            }
            match attribute.key.local_name().as_ref() {
                "text" => text = Some(value),
                "title" => outline.title = Some(value),
                "xmlUrl" | "xmlurl" => outline.url = Some(value),
                "category" => {
                    outline.categories = value
                        .split(',')
                        .map(|c| c.trim().trim_matches('/').to_owned())
                        .filter(|c| !c.is_empty())
                        .collect();
                }
                "hidden" => outline.hidden = value == "true",
                _ => {}
            }
        }
        outline.name = outline.title.clone().or(text.clone());
        if outline.title.is_none() {
            outline.title = text;
        }
        outline
    }

    /// The feed this outline is, inside `folders`; `None` for a folder.
    fn feed(&self, folders: &[Option<String>]) -> Option<Subscription> {
        let url = self.url.clone()?;
        let mut tags: Vec<String> = Vec::new();
        for tag in folders.iter().flatten().chain(&self.categories) {
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
        Some(Subscription {
            title: self.title.clone().filter(|t| *t != url),
            url,
            tags,
            hidden: self.hidden,
        })
    }
}

/// OPML 2.0 for these feeds: untagged ones at the top level, the others
/// in an outline named after their first tag, every tag in `category`.
pub fn export(subscriptions: &[Subscription], title: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<opml version=\"2.0\">\n  <head>\n");
    let _ = writeln!(out, "    <title>{}</title>", escape(title));
    out.push_str("  </head>\n  <body>\n");
    let mut folders: Vec<&str> = Vec::new();
    for subscription in subscriptions {
        match subscription.tags.first() {
            None => feed_outline(&mut out, subscription, "    "),
            Some(tag) if !folders.contains(&tag.as_str()) => folders.push(tag),
            Some(_) => {}
        }
    }
    for folder in folders {
        let name = escape(folder);
        let _ = writeln!(out, "    <outline text=\"{name}\" title=\"{name}\">");
        for subscription in subscriptions
            .iter()
            .filter(|s| s.tags.first().map(String::as_str) == Some(folder))
        {
            feed_outline(&mut out, subscription, "      ");
        }
        out.push_str("    </outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn feed_outline(out: &mut String, subscription: &Subscription, indent: &str) {
    let url = escape(subscription.url.as_str());
    let _ = write!(out, "{indent}<outline type=\"rss\"");
    match &subscription.title {
        Some(title) => {
            let title = escape(title.as_str());
            let _ = write!(out, " text=\"{title}\" title=\"{title}\"");
        }
        None => {
            let _ = write!(out, " text=\"{url}\"");
        }
    }
    let _ = write!(out, " xmlUrl=\"{url}\"");
    if !subscription.tags.is_empty() {
        let categories: Vec<String> = subscription
            .tags
            .iter()
            .map(|t| t.replace(',', " "))
            .collect();
        let _ = write!(out, " category=\"{}\"", escape(categories.join(",")));
    }
    if subscription.hidden {
        out.push_str(" hidden=\"true\"");
    }
    out.push_str("/>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(url: &str, tags: &[&str], title: Option<&str>) -> Subscription {
        Subscription {
            url: url.into(),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            title: title.map(str::to_owned),
            hidden: false,
        }
    }

    #[test]
    fn an_export_reads_back_as_the_same_list() {
        let mut hidden = feed("https://news.example/q?a=1&b=2", &["sport"], None);
        hidden.hidden = true;
        let list = vec![
            feed(
                "https://news.example/world",
                &[],
                Some("World <Desk> & \"Co\""),
            ),
            feed(
                "https://news.example/hill",
                &["politics", "us"],
                Some("Hill"),
            ),
            hidden,
            feed("https://news.example/senate", &["politics"], None),
        ];
        let text = export(&list, "dateline feeds");
        assert!(text.contains("<opml version=\"2.0\">"), "{text}");
        assert!(text.contains("&amp;b=2"), "{text}");
        let mut back = import(&text).unwrap();
        // the export groups by first tag: compare as sets of feeds
        back.sort_by(|a, b| a.url.cmp(&b.url));
        let mut want = list.clone();
        want.sort_by(|a, b| a.url.cmp(&b.url));
        assert_eq!(back, want);
    }

    #[test]
    fn folders_and_categories_become_tags() {
        let text = r#"<?xml version="1.0"?>
<opml version="1.0"><head><title>Subscriptions</title></head><body>
  <outline text="News">
    <outline text="Europe" title="Europe">
      <outline type="rss" text="Harbour Ledger" xmlUrl="https://ledger.example/rss" category="/ports,shipping"/>
    </outline>
    <outline type="rss" text="Valley Post" xmlUrl="https://valley.example/feed"></outline>
  </outline>
  <outline type="rss" text="https://plain.example/atom" xmlUrl="https://plain.example/atom"/>
  <outline type="link" text="Not a feed" url="https://page.example/"/>
  <outline text="News"><outline type="rss" xmlUrl="https://valley.example/feed" text="Valley Post" category="local"/></outline>
</body></opml>"#;
        let feeds = import(text).unwrap();
        assert_eq!(
            feeds,
            vec![
                feed(
                    "https://ledger.example/rss",
                    &["News", "Europe", "ports", "shipping"],
                    Some("Harbour Ledger")
                ),
                feed(
                    "https://valley.example/feed",
                    &["News", "local"],
                    Some("Valley Post")
                ),
                feed("https://plain.example/atom", &[], None),
            ]
        );
    }

    #[test]
    fn what_is_not_opml_says_so_and_nothing_panics() {
        assert!(import("<rss><channel/></rss>").is_err());
        assert!(import("").is_err());
        assert_eq!(import("<opml version=\"2.0\"/>").unwrap(), vec![]);
        for text in [
            "<opml><body><outline",
            "<opml><outline xmlUrl=\"&bogus;\"/>",
            "<opml></body>",
        ] {
            let _ = import(text);
        }
    }
}
