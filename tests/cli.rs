//! The subcommands, run as a script would run them.

use std::path::Path;
use std::process::{Command, Output};

fn dateline(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("dateline runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let wire = dir.path().join("northline");
    std::fs::create_dir_all(&wire).unwrap();
    std::fs::write(
        wire.join("strike.txt"),
        "Dock workers strike in Rotterdam\n\nDock workers walked out on Monday, union leader Anneke Verhoeven said.\n",
    )
    .unwrap();
    std::fs::write(
        wire.join("ships.txt"),
        "Title: Ships queue outside the port\nDate: 2026-11-18\n\nMore than 60 ships waited as the strike went on.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("feed.jsonl"),
        concat!(
            r#"{"title": "Central bank holds rates", "source": "Meridian Post", "date": "2026-11-12", "body": "The bank kept its rate at 3.5%."}"#,
            "\n",
            "{not json\n",
            r#"{"title": "Reservoirs fall to a third", "source": {"name": "Valley Courier"}, "pubDate": "Tue, 10 Nov 2026 08:00:00 +0000", "content": "Reservoirs held 33 per cent."}"#,
            "\n"
        ),
    )
    .unwrap();
    dir
}

#[test]
fn list_prints_every_article_with_id_source_date_and_title() {
    let dir = folder();
    let out = dateline(&["list", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 4, "{text}");
    assert!(rows.iter().all(|r| r.len() == 4 && r[0].len() == 12));
    assert!(
        rows.iter()
            .any(|r| r[1] == "northline" && r[3] == "Dock workers strike in Rotterdam")
    );
    assert!(
        rows.iter()
            .any(|r| r[1] == "Valley Courier" && r[2] == "2026-11-10")
    );
    assert!(
        rows.iter()
            .any(|r| r[2] == "2026-11-18" && r[3] == "Ships queue outside the port")
    );
    // The bad line is named with its number, once, on stderr.
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("feed.jsonl:2"), "{err}");
}

#[test]
fn ids_are_stable_between_runs() {
    let dir = folder();
    let a = stdout(&dateline(&["list", "."], dir.path()));
    let b = stdout(&dateline(&["list", "."], dir.path()));
    assert_eq!(a, b);
}

#[test]
fn list_filter_matches_the_filter_bar() {
    let dir = folder();
    let out = dateline(&["list", ".", "--filter", "strike"], dir.path());
    let text = stdout(&out);
    let titles: Vec<&str> = text.lines().filter_map(|l| l.split('\t').nth(3)).collect();
    // The title match first, then the body-only match.
    assert_eq!(
        titles,
        vec![
            "Dock workers strike in Rotterdam",
            "Ships queue outside the port"
        ]
    );
    let none = dateline(
        &["list", ".", "--filter", "!strike !rates !reservoirs"],
        dir.path(),
    );
    assert!(stdout(&none).is_empty());
    assert!(none.status.success());
}

#[test]
fn list_json_carries_every_field() {
    let dir = folder();
    let out = dateline(&["list", "--json", "feed.jsonl"], dir.path());
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["source"], "Meridian Post");
    assert_eq!(rows[0]["line"], 1);
    assert_eq!(rows[1]["line"], 3);
    assert_eq!(rows[1]["path"], "feed.jsonl");
}

#[test]
fn entities_jsonl_gives_spans_into_the_body() {
    let dir = folder();
    let out = dateline(&["entities", "--jsonl", "northline/strike.txt"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let row: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(row["title"], "Dock workers strike in Rotterdam");
    let body = row["body"].as_str().unwrap();
    let spans = row["spans"].as_array().unwrap();
    assert!(
        spans
            .iter()
            .any(|s| s["kind"] == "person" && s["text"] == "Anneke Verhoeven")
    );
    assert!(
        spans
            .iter()
            .any(|s| s["kind"] == "date" && s["text"] == "Monday")
    );
    let mut last = 0;
    for s in spans {
        let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
        let (start, end) = (
            usize::try_from(start).unwrap(),
            usize::try_from(end).unwrap(),
        );
        assert!(start >= last && end > start);
        assert_eq!(&body[start..end], s["text"].as_str().unwrap());
        last = end;
    }
}

#[test]
fn the_samples_load_without_paths() {
    let dir = tempfile::tempdir().unwrap();
    let out = dateline(&["list"], dir.path());
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.lines().count() >= 8, "{text}");
    let sources: std::collections::BTreeSet<&str> =
        text.lines().filter_map(|l| l.split('\t').nth(1)).collect();
    assert!(sources.len() >= 3, "{sources:?}");
}

#[test]
fn exit_status_is_1_when_nothing_loads_and_2_on_bad_usage() {
    let dir = tempfile::tempdir().unwrap();
    let out = dateline(&["list", "missing-folder"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("missing-folder"), "{err}");
    let out = dateline(&["list", "--no-such-flag"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn input_files_are_never_written() {
    let dir = folder();
    let path = dir.path().join("feed.jsonl");
    let before = std::fs::read(&path).unwrap();
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    dateline(&["list", "."], dir.path());
    dateline(&["entities", "--jsonl", "."], dir.path());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), mtime);
}

#[test]
fn standard_input_is_read_with_a_dash() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(["list", "-"])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Harbour reopens\n\nThe harbour reopened on Friday after 12 days.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = stdout(&out);
    assert!(text.contains("\tstdin\t"), "{text}");
    assert!(text.contains("Harbour reopens"), "{text}");
}

/// Three publishers, one folder each, reporting on the same people.
fn publishers() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (folder, name, text) in [
        (
            "harbour-ledger",
            "talks.txt",
            "Title: Talks resume in Doha\nDate: 2025-06-03\n\nPrime Minister Benjamin Netanyahu sent envoys to Doha on Monday. Netanyahu's office said 40,005 people had fled.\n",
        ),
        (
            "harbour-ledger",
            "aid.txt",
            "Title: Aid reaches the coast\nDate: 2025-06-10\n\nAid arrived by sea. Officials in the United States said $4bn had been pledged.\n",
        ),
        (
            "northline",
            "envoy.txt",
            "Title: Envoy meets Netanyahu\nDate: 2025-05-28\n\nThe envoy met Mr Netanyahu in Jerusalem.\nThe U.S. offered 4 billion dollars.\n",
        ),
        (
            "valley-courier",
            "undated.txt",
            "Budget passes\n\nThe budget passed without a word about Netanyahu \u{1b}[31mor anyone\u{1b}[0m.\n",
        ),
    ] {
        let dir = dir.path().join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), text).unwrap();
    }
    dir
}

#[test]
fn sources_prints_each_source_with_its_count_and_date_range() {
    let dir = publishers();
    let out = dateline(&["sources", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(
        rows,
        vec![
            vec!["harbour-ledger", "2", "2025-06-03", "2025-06-10"],
            vec!["northline", "1", "2025-05-28", "2025-05-28"],
            vec!["valley-courier", "1", "", ""],
        ]
    );
    let out = dateline(&["sources", "--json", "."], dir.path());
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["source"], "harbour-ledger");
    assert_eq!(rows[0]["articles"], 2);
    assert_eq!(rows[0]["first"], "2025-06-03");
    assert_eq!(rows[2]["first"], serde_json::Value::Null);
    let none = dateline(&["sources", "missing"], dir.path());
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn mentions_finds_a_name_under_every_spelling_grouped_by_source() {
    let dir = publishers();
    let out = dateline(&["mentions", "Netanyahu", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert!(
        rows.iter().all(|r| r.len() == 5 && r[0].len() == 12),
        "{text}"
    );
    let summary: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r[1], r[2], r[4])).collect();
    // The source with most mentions first, then the others; the
    // control sequence in the undated article shows as text.
    assert_eq!(
        summary,
        vec![
            (
                "harbour-ledger",
                "2025-06-03",
                "Prime Minister Benjamin Netanyahu sent envoys to Doha on Monday."
            ),
            (
                "harbour-ledger",
                "2025-06-03",
                "Netanyahu's office said 40,005 people had fled."
            ),
            (
                "northline",
                "2025-05-28",
                "The envoy met Mr Netanyahu in Jerusalem."
            ),
            (
                "valley-courier",
                "",
                "The budget passed without a word about Netanyahu ␛[31mor anyone␛[0m."
            ),
        ]
    );
    assert_eq!(rows[0][3], "Talks resume in Doha");
    // Any case, and the full name, find the same.
    for name in ["netanyahu", "Benjamin Netanyahu"] {
        let again = dateline(&["mentions", name, "."], dir.path());
        assert_eq!(stdout(&again), text, "{name}");
    }
}

#[test]
fn mentions_json_gives_the_entity_and_byte_ranges() {
    let dir = publishers();
    let out = dateline(
        &["mentions", "--json", "US", "harbour-ledger", "northline"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(row["entity"], "United States");
        assert_eq!(row["kind"], "place");
        let path = dir.path().join(row["path"].as_str().unwrap());
        let file = std::fs::read_to_string(path).unwrap();
        let sentence = row["sentence"].as_str().unwrap();
        assert!(file.contains(sentence), "{sentence}");
    }
    let spellings: Vec<&str> = rows
        .iter()
        .map(|r| {
            let s = r["sentence"].as_str().unwrap();
            let (start, end) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
            let spelling = if s.contains("U.S.") {
                "U.S."
            } else {
                "United States"
            };
            assert_eq!(usize::try_from(end - start).unwrap(), spelling.len());
            spelling
        })
        .collect();
    assert_eq!(spellings, ["United States", "U.S."]);
}

#[test]
fn mentions_of_an_unknown_name_print_nothing_and_say_so() {
    let dir = publishers();
    let out = dateline(&["mentions", "Nobody Atall", "."], dir.path());
    assert!(out.status.success());
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains("Nobody Atall"), "{}", stderr(&out));
    let out = dateline(&["mentions", "Netanyahu", "missing"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let out = dateline(&["mentions"], dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn list_filter_takes_field_terms() {
    let dir = publishers();
    let titles = |filter: &str| -> Vec<String> {
        let out = dateline(&["list", ".", "--filter", filter], dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .filter_map(|l| l.split('\t').nth(3).map(str::to_string))
            .collect()
    };
    assert_eq!(
        titles("person:netanyahu num:>1000"),
        ["Talks resume in Doha", "Envoy meets Netanyahu"]
    );
    assert_eq!(
        titles("num:4bn"),
        ["Aid reaches the coast", "Envoy meets Netanyahu"]
    );
    assert_eq!(titles("source:northline"), ["Envoy meets Netanyahu"]);
    assert_eq!(
        titles("date:2025-06 place:\"united states\""),
        ["Aid reaches the coast"]
    );
    assert_eq!(titles("\"sent envoys\""), ["Talks resume in Doha"]);
}

/// A folder of feeds and saved pages in every flavour, some in legacy
/// encodings, one broken.
fn feeds_and_pages() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    // RSS 2.0 in ISO-8859-1, as its prolog says: é is one byte, 0xE9
    write(
        "harbour.xml",
        b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Harbour Wire</title>\
<item><title>Caf\xe9 on the quay reopens</title><link>https://wire.example/cafe</link>\
<pubDate>Mon, 02 Mar 2026 07:00:00 +0100</pubDate><author>desk@wire.example (Nora Lynch)</author>\
<description>&lt;p&gt;The caf\xe9 &amp;amp; bakery opened at &lt;b&gt;nine&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;See &lt;a href=\"https://wire.example/menu\"&gt;the menu&lt;/a&gt;.&lt;/p&gt;</description></item>\
<item><title>Tide tables for March</title><link>https://wire.example/tides</link><description>High water at 06:12.</description></item>\
</channel></rss>",
    );
    write(
        "courier.atom",
        br#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title><id>urn:x:courier</id><updated>2026-03-05T00:00:00Z</updated>
<entry><title>Bridge reopens after repairs</title><id>urn:x:bridge</id><link href="https://courier.example/bridge"/>
<updated>2026-03-04T18:00:00Z</updated><author><name>Tomas Brennan</name></author>
<content type="html">&lt;ul&gt;&lt;li&gt;Cars from Monday&lt;/li&gt;&lt;li&gt;Lorries from May&lt;/li&gt;&lt;/ul&gt;</content></entry>
</feed>"#,
    );
    write(
        "metro.json",
        br#"{"version": "https://jsonfeed.org/version/1.1", "title": "Metro Notes", "items": [
  {"id": "1", "url": "https://metro.example/buses", "title": "Night buses return", "content_text": "From Friday, every 20 minutes.", "date_published": "2026-03-06T21:00:00Z"},
  {"id": "2", "title": ["not", "a", "title"]}
]}"#,
    );
    write(
        "lists.rdf",
        br#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://lists.example/"><title>Lists Weekly</title><link>https://lists.example/</link><description>d</description></channel>
<item rdf:about="https://lists.example/mirror"><title>Mirror moves to a new host</title><link>https://lists.example/mirror</link><description>On Friday.</description><dc:date>2026-03-07</dc:date></item>
</rdf:RDF>"#,
    );
    // a saved page in Windows-1252, as its meta says: curly quotes are 0x93 0x94
    let paragraph = "<p>The harbour board voted on Tuesday to close the old ferry terminal by the end of March, ending ninety years of sailings from the pier at Kilmore.</p>";
    let mut page = format!(
        "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\
<title>Terminal to close | Southeast Ledger</title>\
<meta property=\"og:title\" content=\"Ferry terminal to close\"><meta property=\"og:site_name\" content=\"Southeast Ledger\">\
<meta property=\"article:published_time\" content=\"2026-02-10T09:30:00+00:00\"><meta name=\"author\" content=\"Cathal Byrne\">\
<link rel=\"canonical\" href=\"https://ledger.example/terminal\"></head><body>\
<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport pages</a></nav><article><h1>Ferry terminal to close</h1>{}",
        paragraph.repeat(4)
    )
    .into_bytes();
    page.extend_from_slice(b"<p>\x93It is the end of an era,\x94 said the harbour master.</p></article><div class=\"comments\">Comment: first!</div></body></html>");
    write("terminal.html", &page);
    write(
        "broken.xml",
        b"<rss version=\"2.0\"><channel><title>Cut</title><item><title>x",
    );
    write(
        "sitemap.xml",
        b"<?xml version=\"1.0\"?><urlset><url><loc>https://a.example/</loc></url></urlset>",
    );
    dir
}

#[test]
fn feeds_and_pages_list_with_sources_dates_and_clean_text() {
    let dir = feeds_and_pages();
    let out = dateline(&["list", "--json", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let row = |title: &str| {
        rows.iter()
            .find(|r| r["title"] == title)
            .unwrap_or_else(|| panic!("no {title} in {rows:#?}"))
    };
    let cafe = row("Caf\u{e9} on the quay reopens");
    assert_eq!(cafe["source"], "Harbour Wire");
    assert_eq!(cafe["date"], "2026-03-02");
    assert_eq!(cafe["url"], "https://wire.example/cafe");
    assert_eq!(cafe["line"], 1);
    assert_eq!(row("Tide tables for March")["line"], 2);
    let bridge = row("Bridge reopens after repairs");
    assert_eq!(bridge["source"], "Valley Courier");
    assert_eq!(bridge["author"], "Tomas Brennan");
    assert_eq!(bridge["date"], "2026-03-04");
    assert_eq!(row("Night buses return")["source"], "Metro Notes");
    assert_eq!(row("Mirror moves to a new host")["date"], "2026-03-07");
    let page = row("Ferry terminal to close");
    assert_eq!(page["source"], "Southeast Ledger");
    assert_eq!(page["author"], "Cathal Byrne");
    assert_eq!(page["date"], "2026-02-10");
    assert_eq!(page["url"], "https://ledger.example/terminal");
    assert_eq!(rows.len(), 6, "{rows:#?}");
    // one line per problem: the broken feed, the sitemap, the bad item
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("broken.xml: skipped: not a readable feed")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("sitemap.xml: skipped: not a feed")),
        "{err}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("metro.json:2: skipped: not a feed item")),
        "{err}"
    );

    // the text: no tags, no entities, links as references
    let out = dateline(
        &[
            "entities",
            "--jsonl",
            "harbour.xml",
            "courier.atom",
            "terminal.html",
        ],
        dir.path(),
    );
    let bodies: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["body"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        bodies[0],
        "The caf\u{e9} & bakery opened at nine.\n\nSee [the menu][1].\n\n[1]: https://wire.example/menu"
    );
    assert_eq!(bodies[2], "* Cars from Monday\n* Lorries from May");
    let page = &bodies[3];
    assert!(
        page.contains("\u{201c}It is the end of an era,\u{201d}"),
        "{page}"
    );
    for chrome in ["Sport pages", "first!", "<p>", "&amp;"] {
        assert!(!page.contains(chrome), "{chrome} in {page}");
    }
}

#[test]
fn a_feed_or_a_page_on_standard_input_is_told_by_its_content() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let run = |input: &[u8]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(["list", "-"])
            .current_dir(dir.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    let feed = run(
        b"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Valley Courier</title><id>urn:x</id>\
<updated>2026-03-05T00:00:00Z</updated><entry><title>Bridge reopens</title><id>urn:y</id>\
<updated>2026-03-04T18:00:00Z</updated><summary>Cars from Monday.</summary></entry></feed>",
    );
    assert!(
        feed.contains("\tValley Courier\t2026-03-04\tBridge reopens"),
        "{feed}"
    );
    let paragraph = "<p>The harbour board voted on Tuesday to close the old ferry terminal by the end of March, ending ninety years of sailings.</p>";
    let page = run(
        format!("<!doctype html><html><head><title>Terminal to close</title></head><body><article>{}</article></body></html>", paragraph.repeat(4))
            .as_bytes(),
    );
    assert!(page.contains("\tstdin\t\tTerminal to close"), "{page}");
}

// The benchmarks' generator: its float conversions only shape the text.
#[path = "../examples/common/synthetic.rs"]
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
mod synthetic;

/// Article ids in the order the filter bar lists them for `query`, typed
/// into the app (which indexes every body word) key by key.
fn filter_bar_ids(
    articles: &[std::sync::Arc<dateline::article::Article>],
    query: &str,
) -> Vec<String> {
    use dateline::action::{Action, Update};
    let mut app = dateline::app::App::new(ratatui::layout::Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(articles.to_vec()));
    app.update(Update::LoadFinished);
    app.update(Action::Search);
    for c in query.chars() {
        app.update(Action::Insert(c));
    }
    (0..app.visible_len())
        .filter_map(|row| app.visible(row).map(|(_, a, _)| a.id.to_string()))
        .collect()
}

#[test]
fn list_filter_answers_as_the_filter_bar_does_on_a_generated_corpus() {
    use synthetic::{Cast, Rng, Words, make_news_article};
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(7);
    let words = Words::new(&mut rng, 3_000);
    let cast = Cast::new(&mut rng, 60);
    let mut lines = String::new();
    for i in 0..150 {
        let a = make_news_article(&mut rng, &words, &cast, i);
        let row = serde_json::json!({
            "title": a.title, "source": a.source, "body": a.body,
            "date": a.date.map(|d| d.to_string()),
        });
        lines.push_str(&row.to_string());
        lines.push('\n');
    }
    let path = dir.path().join("corpus.jsonl");
    std::fs::write(&path, lines).unwrap();
    let loaded = dateline::loader::load_all(&[dateline::loader::Input::Path(path.clone())]);
    let articles: Vec<_> = loaded
        .articles
        .into_iter()
        .map(std::sync::Arc::new)
        .collect();
    assert_eq!(articles.len(), 150);
    let (given, surname) = &cast.people[0];
    let surname = surname.to_lowercase();
    let queries = [
        "ceasefire talks".to_string(),
        "\"ceasefire talks\"".into(),
        "minister".into(),
        "m".into(),
        "'rates budget".into(),
        "^infl | court".into(),
        "ion$ 2".into(),
        "!police market".into(),
        surname[..3].to_string(),
        format!("{} {surname}", given.to_lowercase()),
        "source:reuters election".into(),
        "date:2025-03 s".into(),
        format!("person:{surname}"),
        "num:>1000 energy".into(),
    ];
    for query in &queries {
        let out = dateline(
            &["list", "--filter", query, path.to_str().unwrap()],
            dir.path(),
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        let ids: Vec<String> = text
            .lines()
            .filter_map(|l| l.split('\t').next().map(str::to_string))
            .collect();
        let expected = filter_bar_ids(&articles, query);
        assert!(
            !expected.is_empty() || query.starts_with('!'),
            "{query} finds nothing"
        );
        assert_eq!(ids, expected, "{query}");
    }
}

/// Three outlets on one ceasefire story (one republishing another's wire
/// copy), and an unrelated article, written as a folder per outlet.
fn ceasefire() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let wire = "Mediators from Qatar and Egypt said on Monday that talks in Doha \
        between Israel and Hamas would resume, as the Gaza health ministry said \
        40,005 people had been killed since the war began. Envoy Brett Halvorsen \
        met Benjamin Netanyahu in Jerusalem before flying to Doha.";
    let files = [
        (
            "agence",
            "a.txt",
            "2024-08-15",
            "Talks to resume in Doha",
            wire.to_string(),
        ),
        (
            "courier",
            "b.txt",
            "2024-08-16",
            "Doha talks set to resume",
            wire.replace(
                "before flying to Doha.",
                "before he flew to Doha on Tuesday.",
            ),
        ),
        (
            "ledger",
            "c.txt",
            "2024-08-18",
            "Hopes rise in Doha as envoy returns",
            "Brett Halvorsen returned to Doha, where mediators from Qatar and Egypt \
             met delegations from Israel and Hamas. The death toll in Gaza has reached \
             40,139, the health ministry said. Benjamin Netanyahu did not comment."
                .to_string(),
        ),
        (
            "ledger",
            "d.txt",
            "2024-08-17",
            "Reservoirs fall in Catalonia",
            "Reservoirs in Catalonia fell to 21.4% of capacity, officials in Barcelona \
             said, as the drought entered its third year."
                .to_string(),
        ),
    ];
    for (folder, name, date, title, body) in files {
        let path = dir.path().join(folder);
        std::fs::create_dir_all(&path).unwrap();
        std::fs::write(
            path.join(name),
            format!("Title: {title}\nDate: {date}\n\n{body}\n"),
        )
        .unwrap();
    }
    dir
}

#[test]
fn stories_print_each_story_then_its_articles_and_mark_copies() {
    let dir = ceasefire();
    let out = dateline(&["stories", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    let head: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(
        head[1..5],
        ["3 sources", "3 articles", "2024-08-15", "2024-08-18"],
        "{text}"
    );
    let articles: Vec<Vec<&str>> = lines[1..4]
        .iter()
        .map(|l| l.trim_start().split('\t').collect())
        .collect();
    assert!(lines[1..4].iter().all(|l| l.starts_with("  ")));
    assert_eq!(
        articles.iter().map(|a| a[1]).collect::<Vec<_>>(),
        ["agence", "courier", "ledger"]
    );
    // The republished copy and its original are marked, each naming the other.
    assert_eq!(
        articles[0][4],
        format!("near-duplicate of {}", articles[1][0])
    );
    assert_eq!(
        articles[1][4],
        format!("near-duplicate of {}", articles[0][0])
    );
    assert_eq!(articles[2].len(), 4);
    // The reservoirs are a story of one.
    assert!(lines[4].contains("\t1 source\t1 article\t"), "{text}");
    assert_eq!(lines.len(), 6);

    let out = dateline(&["stories", ".", "--json"], dir.path());
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["source_count"], 3);
    assert_eq!(
        rows[0]["sources"],
        serde_json::json!(["agence", "courier", "ledger"])
    );
    assert_eq!(rows[0]["duplicates"].as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["articles"][2]["path"], "./ledger/c.txt");
}

#[test]
fn figures_give_every_number_and_date_and_flag_the_toll_that_differs() {
    let dir = ceasefire();
    let out = dateline(&["figures", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 9), "{text}");
    let toll: Vec<&Vec<&str>> = rows.iter().filter(|r| r[4].starts_with("40,")).collect();
    assert_eq!(toll.len(), 3, "{text}");
    for r in &toll {
        assert_eq!(r[7], "≠ deaths", "{text}");
    }
    assert_eq!(toll[2][5], "40139");
    assert_eq!(toll[2][1], "ledger");
    assert_eq!(
        toll[2][8],
        "The death toll in Gaza has reached 40,139, the health ministry said."
    );
    let monday = rows.iter().find(|r| r[4] == "Monday").unwrap();
    assert_eq!((monday[3], monday[5]), ("date", "2024-08-12"));
    let share = rows.iter().find(|r| r[4] == "21.4%").unwrap();
    assert_eq!(
        (share[5], share[6], share[7]),
        ("21.4", "percent capacity", "")
    );

    let out = dateline(&["figures", ".", "--disagreements"], dir.path());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains(
            "\tdeaths\t40,005 people killed (agence, 2024-08-15) · 40,005 people killed \
             (courier, 2024-08-16) · 40,139 deaths (ledger, 2024-08-18)\t"
        ),
        "{text}"
    );

    let out = dateline(&["figures", ".", "--json"], dir.path());
    let first: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    for key in [
        "id",
        "source",
        "date",
        "kind",
        "text",
        "value",
        "counts",
        "sentence",
        "start",
        "end",
        "story",
        "disagrees",
    ] {
        assert!(first.get(key).is_some(), "{key} missing in {first}");
    }
}

#[test]
fn stories_and_figures_keep_articles_from_acting_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.txt"),
        "Title: Strike \u{1b}]0;owned\u{7}\nSource: Wire\u{1b}[2J\n\nAbout 3,800 \u{9b}31m workers \
         walked out in Rotterdam \u{202e} on Monday.\n",
    )
    .unwrap();
    for args in [
        &["stories", "."][..],
        &["stories", ".", "--json"],
        &["figures", "."],
        &["figures", ".", "--json"],
    ] {
        let out = dateline(args, dir.path());
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(!text.is_empty());
        assert!(
            !text
                .chars()
                .any(|c| c != '\n' && c != '\t' && (c.is_control() || c == '\u{202e}')),
            "{args:?}: {text}"
        );
    }
    let out = dateline(&["stories", "missing"], dir.path());
    assert_eq!(out.status.code(), Some(1));
}
