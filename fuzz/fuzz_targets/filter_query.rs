//! The filter on any query: parsing never panics, and a search over a few
//! articles gives hits and body matches that are in bounds.
#![no_main]

use std::sync::{Arc, LazyLock};

use dateline::article::{Article, ArticleId, Origin};
use dateline::filter::{FilterQuery, SearchIndex};
use libfuzzer_sys::fuzz_target;

fn article(n: usize, title: &str, source: &str, body: &str) -> Arc<Article> {
    let origin = Origin::at_line("fuzz.jsonl", n);
    Arc::new(Article {
        tags: Vec::new(),
        id: ArticleId::derive(None, &origin, title),
        title: title.into(),
        source: source.into(),
        date: None,
        author: None,
        url: None,
        origin,
        body: body.into(),
    })
}

static INDEX: LazyLock<(Vec<Arc<Article>>, SearchIndex)> = LazyLock::new(|| {
    let articles = vec![
        article(1, "Dock workers strike in Rotterdam", "Northline Wire", "About 3,800 dockworkers walked off the job; İstanbul, Zürich and 東京 watched."),
        article(2, "Ships queue off the port", "Valley Courier", "More than 60 ships waited.\tThe union's chief said \"no\"."),
        article(3, "سفن في الميناء", "Meridian Post", "Reservoirs held 33 per cent. 👩‍👩‍👧 café e\u{301}"),
    ];
    let mut index = SearchIndex::new();
    index.add(&articles);
    (articles, index)
});

fuzz_target!(|bytes: &[u8]| {
    let input = dateline_fuzz::text(bytes);
    let query = FilterQuery::parse(&input);
    let (articles, index) = &*INDEX;
    for hit in index.search(&query) {
        let article = &articles[hit.index];
        let lit = query.list_highlights(&article.title, &article.source);
        let title_chars = article.title.chars().count();
        assert!(lit.title.iter().all(|&p| p < title_chars));
        let source_chars = article.source.chars().count();
        assert!(lit.source.iter().all(|&p| p < source_chars));
    }
    for article in articles {
        let body = &article.body;
        let mut end = 0;
        for m in query.body_matches(body) {
            assert!(m.start >= end && m.start <= m.end && m.end <= body.len());
            assert!(body.is_char_boundary(m.start) && body.is_char_boundary(m.end));
            end = m.end;
        }
    }
});
