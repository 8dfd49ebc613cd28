//! URLs and urls files: the real binary fetching from a server on
//! 127.0.0.1 that the test runs (never the outside network), with its
//! cache in a folder of the test's own.

#[path = "support/http.rs"]
mod http;

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use http::{Response, Server, gzip, rss};

/// The folders a run keeps things in, all inside one temporary folder.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn cache(&self) -> std::path::PathBuf {
        self.path().join("cache")
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_dateline"))
            .args(args)
            .current_dir(self.path())
            .env("XDG_CACHE_HOME", self.cache())
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_STATE_HOME", self.path().join("state"))
            .env("HOME", self.path())
            .output()
            .expect("dateline runs")
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The titles `dateline list` printed, in order.
fn titles(out: &Output) -> Vec<String> {
    stdout(out)
        .lines()
        .filter_map(|l| l.split('\t').nth(3).map(str::to_owned))
        .collect()
}

fn world_feed() -> String {
    rss(
        "World Desk",
        &[
            (
                "Ferry service resumes after storm",
                "https://news.example/ferry",
                "Sailings restart on Monday.",
            ),
            (
                "Harbour reopens to cargo ships",
                "https://news.example/harbour",
                "Forty ships waited outside.",
            ),
        ],
    )
}

#[test]
fn a_feed_url_loads_and_is_revalidated_by_etag_on_the_next_run() {
    let server = Server::start(|request| {
        if request.header("if-none-match") == Some("\"v1\"") {
            return Response::status(304).header("ETag", "\"v1\"");
        }
        Response::ok("application/rss+xml", world_feed()).header("ETag", "\"v1\"")
    });
    let home = Home::new();
    let url = server.url("/world.xml");
    let first = home.run(&["list", &url]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(
        titles(&first),
        [
            "Ferry service resumes after storm",
            "Harbour reopens to cargo ships"
        ]
    );
    assert!(stderr(&first).is_empty(), "{}", stderr(&first));
    let second = home.run(&["list", &url]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert_eq!(titles(&second), titles(&first));
    assert!(stderr(&second).is_empty(), "{}", stderr(&second));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].header("if-none-match"), None);
    assert_eq!(requests[1].header("if-none-match"), Some("\"v1\""));
    let agent = requests[0].header("user-agent").unwrap();
    assert!(agent.starts_with("dateline/"), "{agent}");
    assert!(home.cache().join("dateline/http").is_dir());
}

#[test]
fn last_modified_is_sent_back_and_a_feed_without_either_is_fetched_whole() {
    let stamp = "Tue, 10 Nov 2026 08:00:00 GMT";
    let server = Server::start(move |request| match request.path.as_str() {
        "/dated.xml" if request.header("if-modified-since") == Some(stamp) => Response::status(304),
        "/dated.xml" => {
            Response::ok("application/rss+xml", world_feed()).header("Last-Modified", stamp)
        }
        _ => Response::ok(
            "application/rss+xml",
            rss(
                "Plain",
                &[(
                    "Museum reopens",
                    "https://news.example/museum",
                    "After repairs.",
                )],
            ),
        ),
    });
    let home = Home::new();
    let dated = server.url("/dated.xml");
    let plain = server.url("/plain.xml");
    for _ in 0..2 {
        let out = home.run(&["list", &dated, &plain]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(titles(&out).len(), 3, "{}", stdout(&out));
    }
    let requests = server.requests();
    let dated_asks: Vec<_> = requests.iter().filter(|r| r.path == "/dated.xml").collect();
    assert_eq!(dated_asks[0].header("if-modified-since"), None);
    assert_eq!(dated_asks[1].header("if-modified-since"), Some(stamp));
    assert!(
        requests
            .iter()
            .filter(|r| r.path == "/plain.xml")
            .all(|r| r.header("if-modified-since").is_none() && r.header("if-none-match").is_none())
    );
}

#[test]
fn a_404_and_a_timeout_are_one_line_each_and_the_rest_loads() {
    let server = Server::start(|request| match request.path.as_str() {
        "/gone.xml" => Response::status(404),
        "/slow.xml" => {
            Response::ok("application/rss+xml", world_feed()).delayed(Duration::from_secs(3))
        }
        _ => Response::ok(
            "application/rss+xml",
            rss(
                "Plain",
                &[(
                    "Museum reopens",
                    "https://news.example/museum",
                    "After repairs.",
                )],
            ),
        ),
    });
    let home = Home::new();
    let (gone, slow, good) = (
        server.url("/gone.xml"),
        server.url("/slow.xml"),
        server.url("/good.xml"),
    );
    let out = home.run(&["list", "--timeout", "0.5", &gone, &slow, &good]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(titles(&out), ["Museum reopens"]);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines,
        [
            format!("dateline: {gone}: skipped: 404 Not Found"),
            format!("dateline: {slow}: skipped: timed out after 500 ms"),
        ],
        "{err}"
    );
}

#[test]
fn redirects_are_followed_and_gzip_bodies_read() {
    let server = Server::start(|request| match request.path.as_str() {
        "/old.xml" => Response::status(301).header("Location", "/world.xml"),
        "/packed.xml" => {
            let accepts = request
                .header("accept-encoding")
                .is_some_and(|e| e.contains("gzip"));
            assert!(accepts, "gzip is asked for");
            Response::ok(
                "application/rss+xml",
                gzip(
                    rss(
                        "Packed",
                        &[(
                            "Bridge repairs finish early",
                            "https://news.example/bridge",
                            "Work ended a week early.",
                        )],
                    )
                    .as_bytes(),
                ),
            )
            .header("Content-Encoding", "gzip")
        }
        _ => Response::ok("application/rss+xml", world_feed()),
    });
    let home = Home::new();
    let out = home.run(&["list", &server.url("/old.xml"), &server.url("/packed.xml")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        titles(&out),
        [
            "Ferry service resumes after storm",
            "Harbour reopens to cargo ships",
            "Bridge repairs finish early"
        ]
    );
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn a_feed_served_as_html_is_still_a_feed_and_a_page_keeps_its_url() {
    let page = "<!DOCTYPE html><html><head><title>Council approves new library</title>\
        <meta property=\"og:site_name\" content=\"Town Crier\"></head><body><article>\
        <h1>Council approves new library</h1>\
        <p>The town council voted on Tuesday to build a new library beside the market square, \
        ending a debate that had run for three years and filled many evening meetings.</p>\
        <p>Work is due to start in the spring and to last eighteen months, the council said, \
        and the old building will become a youth centre once the books have moved.</p>\
        </article></body></html>";
    let server = Server::start(move |request| match request.path.as_str() {
        "/feed" => Response::ok("text/html; charset=utf-8", world_feed()),
        _ => Response::ok("text/html", page),
    });
    let home = Home::new();
    let page_url = server.url("/library");
    let out = home.run(&["list", "--json", &server.url("/feed"), &page_url]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3, "{}", stdout(&out));
    assert_eq!(rows[0]["source"], "World Desk");
    assert_eq!(rows[2]["title"], "Council approves new library");
    assert_eq!(rows[2]["url"], page_url.as_str());
    assert_eq!(rows[2]["path"], page_url.as_str());
}

#[test]
fn when_the_server_fails_the_cached_copy_is_shown_with_its_age() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&calls);
    let server = Server::start(move |_| match counter.fetch_add(1, Ordering::SeqCst) {
        0 => Response::ok("application/rss+xml", world_feed()),
        1 => Response::status(500),
        _ => Response::ok("application/rss+xml", world_feed()).delayed(Duration::from_secs(3)),
    });
    let home = Home::new();
    let url = server.url("/world.xml");
    assert!(home.run(&["list", &url]).status.success());
    let failed = home.run(&["list", &url]);
    assert!(failed.status.success(), "{}", stderr(&failed));
    assert_eq!(titles(&failed).len(), 2);
    // the copy is a moment old: 0 s, or 1 s on a busy machine
    let warning = stderr(&failed);
    let age = warning
        .trim_end()
        .strip_prefix(&format!(
            "dateline: {url}: warning: 500 Internal Server Error; showing the copy from "
        ))
        .and_then(|rest| rest.strip_suffix(" s ago"))
        .and_then(|secs| secs.parse::<u64>().ok());
    assert!(age.is_some_and(|a| a <= 2), "{warning}");
    let slow = home.run(&["list", "--timeout", "0.5", &url]);
    assert_eq!(titles(&slow).len(), 2);
    assert!(
        stderr(&slow).contains("timed out after 500 ms; showing the copy from"),
        "{}",
        stderr(&slow)
    );
}

#[test]
fn a_fetch_prunes_copies_unused_for_a_month_and_leaves_other_files_alone() {
    let server = Server::start(|_| {
        Response::ok(
            "application/rss+xml",
            rss(
                "Desk",
                &[(
                    "Ferry resumes",
                    "https://news.example/f",
                    "Sailings restart.",
                )],
            ),
        )
    });
    let home = Home::new();
    let folder = home.cache().join("dateline/http");
    std::fs::create_dir_all(&folder).unwrap();
    let month_and_more = std::time::SystemTime::now() - Duration::from_secs(40 * 86_400);
    let aged = |path: &Path| {
        std::fs::write(path, b"{}\nold").unwrap();
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(month_and_more)
            .unwrap();
    };
    let old_copy = folder.join("0123456789abcdef0123456789abcdef");
    let foreign = folder.join("keep-me.txt");
    aged(&old_copy);
    aged(&foreign);
    let recent_copy = folder.join("fedcba9876543210fedcba9876543210");
    std::fs::write(&recent_copy, b"{}\nrecent").unwrap();
    let feed = server.url("/feed.xml");
    let out = home.run(&["list", &feed]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(titles(&out), ["Ferry resumes"]);
    assert!(!old_copy.exists(), "a copy unused for 40 days goes");
    assert!(foreign.exists(), "a file the cache did not name stays");
    assert!(recent_copy.exists());
    // the feed's own copy was written after pruning
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 3);
}

#[test]
fn no_cache_keeps_nothing_and_a_closed_port_is_offline() {
    let server = Server::start(|_| Response::ok("application/rss+xml", world_feed()));
    let home = Home::new();
    let out = home.run(&["list", "--no-cache", &server.url("/world.xml")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!home.cache().exists());
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/feed.xml", listener.local_addr().unwrap())
    };
    let out = home.run(&["list", &closed]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).starts_with(&format!("dateline: {closed}: skipped: offline")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_urls_file_with_tags_titles_hidden_feeds_and_bad_lines() {
    let server = Server::start(|request| match request.path.as_str() {
        "/politics.xml" => Response::ok(
            "application/rss+xml",
            rss(
                "Capitol Wire",
                &[(
                    "Senate passes budget",
                    "https://news.example/budget",
                    "The vote was 61 to 39.",
                )],
            ),
        ),
        "/hidden.xml" => panic!("a hidden feed is not fetched"),
        _ => Response::ok("application/rss+xml", world_feed()),
    });
    let home = Home::new();
    let urls = home.path().join("my urls");
    std::fs::write(
        &urls,
        format!(
            "# feeds\n\n{} \"politics\" \"~Hill Desk\"\nnot a url\n{} \"world\"\n{} \"!\"\n{} \"unclosed\n",
            server.url("/politics.xml"),
            server.url("/world.xml"),
            server.url("/hidden.xml"),
            server.url("/other.xml"),
        ),
    )
    .unwrap();
    let urls_arg = urls.to_str().unwrap();
    let out = home.run(&["list", "--urls", urls_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(titles(&out).len(), 3, "{}", stdout(&out));
    assert_eq!(
        stderr(&out).lines().collect::<Vec<_>>(),
        [
            format!("dateline: {urls_arg}:4: skipped: \"not\" is not an http or https URL"),
            format!("dateline: {urls_arg}:7: skipped: a tag's quote is not closed: \"unclosed"),
        ]
    );
    let politics = home.run(&["list", "--urls", urls_arg, "--filter", "tag:politics"]);
    assert_eq!(titles(&politics), ["Senate passes budget"]);
    let sources = home.run(&["sources", "--urls", urls_arg]);
    let mut names: Vec<String> = stdout(&sources)
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["Hill Desk", "World Desk"], "{}", stdout(&sources));
    assert!(
        server.requests().iter().all(|r| r.path != "/hidden.xml"),
        "hidden feeds stay unread"
    );
}

#[test]
fn the_urls_file_in_the_config_folder_is_read_when_nothing_is_named() {
    let server = Server::start(|_| Response::ok("application/rss+xml", world_feed()));
    let home = Home::new();
    let folder = home.path().join("config/dateline");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("urls"), server.url("/world.xml") + "\n").unwrap();
    let out = home.run(&["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(titles(&out).len(), 2, "{}", stdout(&out));
    // a path given: the urls file is left alone
    std::fs::write(home.path().join("one.txt"), "Local note\n\nA line.\n").unwrap();
    let out = home.run(&["list", "one.txt"]);
    assert_eq!(titles(&out), ["Local note"]);
}

#[test]
fn opml_import_prints_or_adds_to_the_urls_file_and_export_gives_it_back() {
    let home = Home::new();
    let opml = home.path().join("feeds.opml");
    std::fs::write(
        &opml,
        r#"<?xml version="1.0"?>
<opml version="2.0"><head><title>From another reader</title></head><body>
  <outline text="politics">
    <outline type="rss" text="Hill Desk" xmlUrl="https://hill.example/rss"/>
  </outline>
  <outline type="rss" text="https://world.example/atom" xmlUrl="https://world.example/atom"/>
</body></opml>"#,
    )
    .unwrap();
    let opml_arg = opml.to_str().unwrap();
    let printed = home.run(&["import", opml_arg]);
    assert!(printed.status.success(), "{}", stderr(&printed));
    let body: Vec<String> = stdout(&printed)
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        body,
        [
            "https://hill.example/rss \"politics\" \"~Hill Desk\"",
            "https://world.example/atom"
        ]
    );
    let urls = home.path().join("config/dateline/urls");
    assert!(!urls.exists(), "printing writes nothing");
    std::fs::create_dir_all(urls.parent().unwrap()).unwrap();
    std::fs::write(&urls, "https://world.example/atom \"mine\"\n").unwrap();
    let written = home.run(&["import", "--write", opml_arg]);
    assert!(written.status.success(), "{}", stderr(&written));
    assert!(
        stderr(&written).contains("1 feed added to")
            && stderr(&written).contains("(1 already listed)"),
        "{}",
        stderr(&written)
    );
    let text = std::fs::read_to_string(&urls).unwrap();
    assert!(
        text.starts_with("https://world.example/atom \"mine\"\n# imported from "),
        "{text}"
    );
    assert!(
        text.ends_with("https://hill.example/rss \"politics\" \"~Hill Desk\"\n"),
        "{text}"
    );
    let exported = home.run(&["export", "--opml"]);
    assert!(exported.status.success(), "{}", stderr(&exported));
    let xml = stdout(&exported);
    assert!(xml.contains("<opml version=\"2.0\">"), "{xml}");
    assert!(
        xml.contains("<outline type=\"rss\" text=\"https://world.example/atom\" xmlUrl=\"https://world.example/atom\" category=\"mine\"/>"),
        "{xml}"
    );
    assert!(
        xml.contains("<outline type=\"rss\" text=\"Hill Desk\" title=\"Hill Desk\" xmlUrl=\"https://hill.example/rss\" category=\"politics\"/>"),
        "{xml}"
    );
    let bad = home.run(&["import", urls.to_str().unwrap()]);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("not readable OPML"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn hostile_responses_are_messages_and_never_reach_the_terminal_as_control_codes() {
    let server = Server::start(|request| match request.path.as_str() {
        "/escape.xml" => Response::ok(
            "application/rss+xml",
            rss(
                "Desk\u{1b}]0;owned\u{7}",
                &[(
                    "Title \u{1b}[2J cleared",
                    "https://news.example/x",
                    "Body \u{1b}]52;c;aGk=\u{7} text.",
                )],
            ),
        ),
        "/binary" => Response::ok("text/html", vec![0u8, 159, 146, 150, 0, 1, 2, 255]),
        "/empty" => Response::ok("application/rss+xml", Vec::new()),
        "/loop" => Response::status(302).header("Location", "/loop"),
        _ => Response::ok("application/json", "{\"not\": \"articles\""),
    });
    let home = Home::new();
    let urls: Vec<String> = ["/escape.xml", "/binary", "/empty", "/loop", "/json"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    let mut args = vec!["list", "--json"];
    args.extend(urls.iter().map(String::as_str));
    let out = home.run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b));
    assert!(!out.stdout.contains(&0x07) && !out.stderr.contains(&0x07));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    for (line, url) in lines.iter().zip(&urls[1..]) {
        assert!(
            line.starts_with(&format!("dateline: {url}: skipped: ")),
            "{err}"
        );
    }
    assert!(lines[2].contains("more than 10 redirects"), "{err}");
}

#[test]
fn empty_and_binary_responses_are_reported_in_url_terms() {
    // the first bytes of a PNG image
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec();
    let server = Server::start(move |request| match request.path.as_str() {
        "/empty" => Response::ok("application/rss+xml", Vec::new()),
        "/blank" => Response::ok("text/html", "  \n\n "),
        "/logo.png" => Response::ok("image/png", png.clone()),
        "/garbled" => Response::ok("text/html", vec![0u8, 1, 2, 3, 0, 255, 0, 7]),
        _ => Response::ok(
            "application/rss+xml",
            rss(
                "Desk",
                &[(
                    "Ferry resumes",
                    "https://news.example/f",
                    "Sailings restart.",
                )],
            ),
        ),
    });
    let home = Home::new();
    let urls: Vec<String> = ["/empty", "/blank", "/logo.png", "/garbled", "/feed"]
        .iter()
        .map(|p| server.url(p))
        .collect();
    let mut args = vec!["list"];
    args.extend(urls.iter().map(String::as_str));
    let out = home.run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(titles(&out), ["Ferry resumes"]);
    assert_eq!(
        stderr(&out).lines().collect::<Vec<_>>(),
        [
            format!("dateline: {}: skipped: empty response", urls[0]),
            format!("dateline: {}: skipped: empty response", urls[1]),
            format!(
                "dateline: {}: skipped: not a feed or page (image/png)",
                urls[2]
            ),
            format!(
                "dateline: {}: skipped: not a feed or page (binary data served as text/html)",
                urls[3]
            ),
        ]
    );
}

#[test]
fn the_charset_a_server_gives_decodes_the_body_and_is_kept_with_the_copy() {
    let server = Server::start(|request| {
        if request.header("if-none-match").is_some() {
            return Response::status(304);
        }
        let mut body = b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Caf".to_vec();
        body.extend_from_slice(
            b"\xE9 du Port</title><item><title>Cr\xE8me br\xFBl\xE9e returns</title>",
        );
        body.extend_from_slice(b"<link>https://news.example/c</link><description>Yes.</description></item></channel></rss>");
        Response::ok("application/rss+xml; charset=ISO-8859-1", body).header("ETag", "\"1\"")
    });
    let home = Home::new();
    let url = server.url("/latin1.xml");
    for _ in 0..2 {
        let out = home.run(&["list", &url]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stderr(&out).is_empty(),
            "no guess, no warning: {}",
            stderr(&out)
        );
        assert_eq!(titles(&out), ["Crème brûlée returns"]);
        assert!(
            stdout(&out).contains("\tCafé du Port\t"),
            "{}",
            stdout(&out)
        );
    }
    assert_eq!(server.requests().len(), 2);
}
