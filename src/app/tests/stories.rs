//! The list as stories: grouped from the entity worker's table, toggled with
//! `t`, moved through as the grouped-by-source list is.

use super::*;
use crate::entities::extract;
use crate::loader::{self, Input};
use crate::stories::Stories;

/// The built-in samples, then the Northline strike report republished by
/// another outlet a day later.
pub(crate) fn story_articles() -> Vec<Arc<Article>> {
    let loaded = loader::load_all(&[Input::Samples]);
    let mut articles: Vec<Arc<Article>> = loaded.articles.into_iter().map(Arc::new).collect();
    let first = Arc::clone(&articles[0]);
    let origin = Origin::at_line("copy.jsonl", 1);
    articles.push(Arc::new(Article {
        tags: Vec::new(),
        id: ArticleId::derive(None, &origin, ""),
        title: "Dock strike halts Rotterdam".into(),
        source: "Coastal Daily".into(),
        date: first.date.and_then(|d| d.succ_opt()),
        author: None,
        url: None,
        origin,
        body: first.body.clone(),
    }));
    articles
}

/// What the entity worker sends for `articles`.
pub(crate) fn story_table(articles: &[Arc<Article>]) -> Arc<StoryTable> {
    let extracted: Vec<_> = articles.iter().map(|a| extract(a)).collect();
    let mut stories = Stories::new();
    stories.add(articles, &extracted);
    Arc::new(stories.table())
}

/// An app at 120x40 with [`story_articles`] loaded and grouped.
pub(crate) fn story_app() -> App {
    let articles = story_articles();
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(articles.clone()));
    app.update(Update::LoadFinished);
    app.update(Update::StoriesGrouped(story_table(&articles)));
    app
}

/// The list as shown: `# N` for the header of a story of N articles, the
/// title (`≈ ` before a copy) for an article.
fn story_rows(app: &App) -> Vec<String> {
    let table = app.stories.as_deref().unwrap();
    (0..app.list_len())
        .map(|row| match app.list_row(row) {
            Some(ListRow::Header(g)) => {
                let group = app.groups.as_ref().unwrap().group(g).unwrap();
                format!("# {}", group.members.len())
            }
            Some(ListRow::Article(p)) => {
                let (index, article, _) = app.visible(p).unwrap();
                let mark = if table.is_copy(index) { "≈ " } else { "" };
                format!("{mark}{}", article.title)
            }
            None => panic!("row {row} is past the end"),
        })
        .collect()
}

#[test]
fn t_shows_stories_with_their_articles_and_copies_marked() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('t'));
    assert!(app.by_story);
    let rows = story_rows(&app);
    assert_eq!(
        rows[..7],
        [
            "# 5",
            "Rotterdam dockworkers strike over pay as ships start to queue",
            "Ships pile up off Rotterdam as dock strike enters third day",
            "Rotterdam dock strike ends with tentative deal after marathon talks",
            "After the Rotterdam strike, the bill keeps arriving",
            "≈ Dock strike halts Rotterdam",
            "# 1",
        ],
        "{rows:#?}"
    );
    // Every article once, under a header.
    let articles = rows.iter().filter(|r| !r.starts_with('#')).count();
    assert_eq!(articles, app.articles.len());
    let headers = rows.len() - articles;
    let table = app.stories.as_deref().unwrap();
    assert_eq!(headers, table.stories.len());
    // The Poznań pair is one story too.
    let poznan = rows.iter().position(|r| r.contains("Poznań")).unwrap();
    assert_eq!(rows[poznan - 1], "# 2");
    // `t` again: the flat list; `s` then `t` switches grouping.
    press(&mut app, KeyCode::Char('t'));
    assert!(app.groups.is_none());
    assert_eq!(app.list_len(), app.articles.len());
    press(&mut app, KeyCode::Char('s'));
    assert!(!app.by_story);
    press(&mut app, KeyCode::Char('t'));
    assert!(app.by_story && app.groups.is_some());
    assert_eq!(story_rows(&app), rows);
}

#[test]
fn the_selection_moves_over_story_headers_and_enter_reads() {
    let mut app = story_app();
    type_text(&mut app, "jjjj");
    let before = selected_title(&app);
    assert_eq!(
        before,
        "Spain’s reservoirs sink to 21 per cent as drought enters third year"
    );
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(
        selected_title(&app),
        before,
        "the same article stays selected"
    );
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(selected_title(&app), "Dock strike halts Rotterdam");
    press(&mut app, KeyCode::Char('j'));
    // Over the header to the first article of the next story.
    assert_eq!(app.selected_row(), 7);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(selected_title(&app), "Dock strike halts Rotterdam");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.focus, Focus::Reader);
    let index = app.reader.as_ref().unwrap().index;
    assert_eq!(app.articles[index].title, "Dock strike halts Rotterdam");
    // `}` goes to the next story.
    press(&mut app, KeyCode::Char('h'));
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('}'));
    assert_eq!(app.selected_row(), 7);
}

#[test]
fn articles_are_their_own_stories_until_the_worker_groups_them() {
    let articles = story_articles();
    let mut app = App::new(Rect::new(0, 0, 120, 40));
    app.update(Update::Loaded(articles[..6].to_vec()));
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.list_len(), 12, "a header per article");
    app.update(Update::StoriesGrouped(story_table(&articles[..6])));
    assert_eq!(story_rows(&app)[0], "# 4");
    // More articles arrive before the worker has read them.
    app.update(Update::Loaded(articles[6..].to_vec()));
    let rows = app.list_len();
    assert_eq!(rows, 4 + 1 + 2 * 2 + 2 * (articles.len() - 6));
    app.update(Update::StoriesGrouped(story_table(&articles)));
    assert_eq!(story_rows(&app)[0], "# 5");
}

#[test]
fn stories_follow_the_filter() {
    let mut app = story_app();
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "rotterdam");
    let rows = story_rows(&app);
    assert_eq!(rows[0], "# 5", "{rows:#?}");
    assert_eq!(rows.len(), 6, "{rows:#?}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        story_rows(&app).len(),
        app.articles.len() + app.stories.as_deref().unwrap().stories.len()
    );
}
