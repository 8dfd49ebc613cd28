//! State tests of reloading and full articles: the updates the network
//! threads would send, applied by hand.

use super::*;
use crate::app::network::FullText;
use crate::subscriptions::Subscription;

fn linked(i: usize, title: &str, url: Option<&str>) -> Arc<Article> {
    let mut a = (*article(i, title, "Wire", "A short summary of the story.")).clone();
    a.url = url.map(str::to_owned);
    a.id = ArticleId::derive(a.url.as_deref(), &a.origin, title);
    Arc::new(a)
}

fn titles(app: &App) -> Vec<&str> {
    app.articles.iter().map(|a| a.title.as_str()).collect()
}

#[test]
fn a_reload_adds_only_the_new_articles_and_clears_the_old_url_messages() {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    let first = linked(0, "Ferry resumes", Some("https://news.example/ferry"));
    app.update(Update::Loaded(vec![Arc::clone(&first)]));
    app.update(Update::LoadIssue(LoadIssue {
        origin: Origin::file("https://news.example/feed"),
        severity: Severity::Error,
        message: "500 Internal Server Error".into(),
    }));
    app.update(Update::LoadIssue(LoadIssue {
        origin: Origin::file("local/notes.txt"),
        severity: Severity::Warning,
        message: "unrecognised date".into(),
    }));
    app.update(Update::LoadFinished);
    // nothing to reload without URLs
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.reloading.count, 0);
    app.reloading.inputs = vec![Input::Url(Subscription::new("https://news.example/feed"))];
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.reloading.count, 1);
    assert!(!app.loading.done);
    assert_eq!(app.issues.len(), 1, "the local file's warning stays");
    // a second r while the first runs does nothing
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.reloading.count, 1);
    let new = linked(1, "Harbour reopens", Some("https://news.example/harbour"));
    app.update(Update::Loaded(vec![first, Arc::clone(&new)]));
    app.update(Update::LoadFinished);
    assert_eq!(titles(&app), ["Ferry resumes", "Harbour reopens"]);
    app.update(Update::Loaded(vec![new]));
    assert_eq!(app.articles.len(), 2);
}

#[test]
fn the_status_bar_says_what_a_reload_brought_or_why_there_is_none() {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(vec![linked(
        0,
        "Ferry resumes",
        Some("https://news.example/ferry"),
    )]));
    app.update(Update::LoadFinished);
    assert_eq!(app.notice, None, "the first load is not a reload");
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(
        app.notice.as_deref(),
        Some("Nothing to reload: the articles came from standard input or the samples.")
    );
    assert_eq!(app.reloading.count, 0);

    app.reloading.inputs = vec![Input::Url(Subscription::new("https://news.example/feed"))];
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.notice, None);
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(
        app.notice.as_deref(),
        Some("Still loading; r again once it is done.")
    );
    // the feed gives back only what is listed
    app.update(Update::Loaded(vec![linked(
        0,
        "Ferry resumes",
        Some("https://news.example/ferry"),
    )]));
    app.update(Update::LoadFinished);
    assert_eq!(app.notice.as_deref(), Some("Reloaded: no new articles."));
    assert_eq!(app.articles.len(), 1);

    // the next brings two, and one URL fails (counted in the summary)
    press(&mut app, KeyCode::Char('r'));
    app.update(Update::Loaded(vec![
        linked(0, "Ferry resumes", Some("https://news.example/ferry")),
        linked(1, "Harbour reopens", Some("https://news.example/harbour")),
        linked(2, "Bridge closes", Some("https://news.example/bridge")),
    ]));
    app.update(Update::LoadIssue(LoadIssue {
        origin: Origin::file("https://news.example/other"),
        severity: Severity::Error,
        message: "404 Not Found".into(),
    }));
    app.update(Update::LoadFinished);
    assert_eq!(app.notice.as_deref(), Some("Reloaded: 2 new articles."));
    // any key clears it
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.notice, None);
}

#[test]
fn u_marks_read_now_that_r_reloads() {
    let mut app = loaded_app();
    assert!(!app.is_read(0));
    press(&mut app, KeyCode::Char('u'));
    assert!(app.is_read(0));
    press(&mut app, KeyCode::Char('u'));
    assert!(!app.is_read(0));
}

#[test]
fn f_shows_the_fetched_page_in_place_of_the_summary_and_back() {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(vec![
        linked(0, "Ferry resumes", Some("https://news.example/ferry")),
        linked(1, "No link here", None),
    ]));
    app.update(Update::LoadFinished);
    assert!(app.reader.is_some());
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.full_texts.get(&0), Some(&FullText::Fetching));
    assert!(app.fetching_full_text());
    let body =
        "The ferry left at nine with 120 passengers aboard.\n\nCrews had worked through the night.";
    app.update(Update::FullText {
        index: 0,
        result: Ok(body.to_owned()),
    });
    assert_eq!(app.full_shown, Some(0));
    let view = app.reader.as_ref().unwrap();
    assert_eq!(view.body, body);
    assert_eq!(view.article.title, "Ferry resumes");
    // the list keeps the article as loaded
    assert_eq!(app.articles[0].body, "A short summary of the story.");
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.full_shown, None);
    assert_eq!(
        app.reader.as_ref().unwrap().body,
        "A short summary of the story."
    );
    // the second time it comes from memory, at once
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.full_shown, Some(0));
    // moving on shows the next article as loaded
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.full_shown, None);
    press(&mut app, KeyCode::Char('f'));
    assert!(matches!(app.full_texts.get(&1), Some(FullText::Failed(_))));
    assert!(!app.fetching_full_text());
}

#[test]
fn a_page_that_fails_is_one_message_and_a_late_answer_for_another_article_waits() {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(vec![
        linked(0, "Ferry resumes", Some("https://news.example/ferry")),
        linked(1, "Harbour reopens", Some("https://news.example/harbour")),
    ]));
    app.update(Update::LoadFinished);
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('f'));
    app.update(Update::FullText {
        index: 1,
        result: Err("404 Not Found".into()),
    });
    assert_eq!(
        app.issues.last().map(ToString::to_string).as_deref(),
        Some("https://news.example/harbour: warning: full article not fetched: 404 Not Found")
    );
    assert_eq!(app.full_shown, None);
    // the first article's text arrives while the second is open
    app.update(Update::FullText {
        index: 0,
        result: Ok("Whole text.".into()),
    });
    assert_eq!(app.full_shown, None);
    assert_eq!(app.reader.as_ref().unwrap().index, 1);
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.reader.as_ref().unwrap().body, "Whole text.");
    // an answer for an article that is not there is ignored
    app.update(Update::FullText {
        index: 99,
        result: Ok("x".into()),
    });
}

#[test]
fn a_source_the_config_names_opens_in_full_until_f_asks_for_the_summary() {
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.full_article_sources = vec!["wire".into()];
    app.update(Update::Loaded(vec![
        linked(0, "Ferry resumes", Some("https://news.example/ferry")),
        linked(1, "Harbour reopens", Some("https://news.example/harbour")),
    ]));
    // the first article opened as it arrived, and its page was asked for
    assert_eq!(app.full_texts.get(&0), Some(&FullText::Fetching));
    app.update(Update::FullText {
        index: 0,
        result: Ok("The whole ferry story.".into()),
    });
    assert_eq!(app.full_shown, Some(0));
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.full_shown, None, "f: the summary, and it stays");
    app.update(Update::LoadFinished);
    assert_eq!(app.full_shown, None);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.full_texts.get(&1), Some(&FullText::Fetching));
    app.update(Update::FullText {
        index: 1,
        result: Err("404 Not Found".into()),
    });
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.full_shown, Some(0), "back on it: in full again");
    press(&mut app, KeyCode::Char('j'));
    // a page that failed is not asked for again on opening
    assert!(matches!(app.full_texts.get(&1), Some(FullText::Failed(_))));
    assert_eq!(app.full_shown, None);
}
