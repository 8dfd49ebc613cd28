use std::sync::Arc;

use proptest::prelude::*;

use super::*;
use crate::entities::extract;
use crate::loader::{self, Input};

fn samples() -> Vec<Arc<Article>> {
    loader::load_all(&[Input::Samples])
        .articles
        .into_iter()
        .map(Arc::new)
        .collect()
}

/// Every sample article's names, mentions, figures and dates come back
/// from their encoding as they were.
#[test]
fn what_is_encoded_decodes_the_same() {
    for article in samples() {
        let body = article.body.text();
        let found = extract(&article);
        let mut bytes = Vec::new();
        encode(&found, &mut bytes);
        assert_eq!(decode(&bytes, &body), Some(found), "{}", article.title);
    }
}

/// A record that does not fit the body it is read for is no record: a
/// range past its end or off a character boundary, bytes left over.
#[test]
fn a_record_that_does_not_fit_its_body_is_a_miss() {
    let article = samples().into_iter().next().expect("a sample");
    let body = article.body.text();
    let found = extract(&article);
    assert!(!found.names.mentions.is_empty());
    let mut bytes = Vec::new();
    encode(&found, &mut bytes);
    let last = found.names.mentions.last().expect("a mention").sentence.end;
    assert!(decode(&bytes, &body[..last - 1]).is_none());
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(decode(&longer, &body).is_none());
    // A mention in the middle of a character.
    let one = Extracted {
        names: ArticleNames {
            entities: vec![found.names.entities[0].clone()],
            mentions: vec![LocalMention {
                range: 1..2,
                entity: 0,
                sentence: 0..3,
            }],
        },
        ..Extracted::default()
    };
    let mut bytes = Vec::new();
    encode(&one, &mut bytes);
    assert!(decode(&bytes, "é and more").is_none());
    assert_eq!(decode(&bytes, "abc and more"), Some(one));
}

proptest! {
    /// Any bytes decode to something or nothing, never a panic, and what
    /// they decode to lies within the body.
    #[test]
    fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200),
                                       body in "\\PC{0,40}") {
        if let Some(found) = decode(&bytes, &body) {
            for m in &found.names.mentions {
                prop_assert!(body.get(m.sentence.clone()).is_some());
                prop_assert!(body.get(m.range.clone()).is_some());
            }
        }
    }
}

fn open(folder: &Path) -> (NamesCache, Recorded) {
    NamesCache::open(folder, "/news/corpus.jsonl")
}

/// What is put is read back when the corpus is opened again; another
/// corpus has a file of its own.
#[test]
fn the_cache_keeps_what_was_found_between_runs() {
    let dir = tempfile::tempdir().expect("a folder");
    let articles = samples();
    let (mut cache, recorded) = open(dir.path());
    assert!(recorded.is_empty());
    for article in &articles {
        let body = article.body.text();
        cache.put(key(article, &body), &extract(article));
    }
    cache.flush();
    drop(cache);
    let (cache, recorded) = open(dir.path());
    assert_eq!(recorded.len(), articles.len());
    assert_eq!(cache.records(), articles.len());
    for article in &articles {
        let body = article.body.text();
        assert_eq!(
            recorded.get(key(article, &body), &body),
            Some(extract(article))
        );
    }
    let (_, other) = NamesCache::open(dir.path(), "/news/other");
    assert!(other.is_empty());
}

/// The key is the body and the date: a changed body or another date (which
/// places `Monday`) is another article.
#[test]
fn the_key_is_the_body_and_the_date() {
    let article = samples().into_iter().next().expect("a sample");
    let body = article.body.text();
    let k = key(&article, &body);
    assert_ne!(k, key(&article, &format!("{} ", &*body)));
    let mut other = Article::clone(&article);
    other.date = other.date.and_then(|d| d.succ_opt());
    assert_ne!(k, key(&other, &body));
}

/// A write cut short loses the record it cut and nothing before it, and
/// the next records are appended after the sound ones.
#[test]
fn a_file_cut_short_keeps_its_sound_records() {
    let dir = tempfile::tempdir().expect("a folder");
    let articles = samples();
    let (mut cache, _) = open(dir.path());
    for article in &articles[..3] {
        let body = article.body.text();
        cache.put(key(article, &body), &extract(article));
    }
    cache.flush();
    let path = cache.path.clone();
    drop(cache);
    let len = fs::metadata(&path).expect("the file").len();
    let f = OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("the file");
    f.set_len(len - 3).expect("cut");
    drop(f);
    let (mut cache, recorded) = open(dir.path());
    assert_eq!(recorded.len(), 2);
    let body = articles[3].body.text();
    cache.put(key(&articles[3], &body), &extract(&articles[3]));
    cache.flush();
    drop(cache);
    let (_, recorded) = open(dir.path());
    assert_eq!(recorded.len(), 3);
    assert!(recorded.get(key(&articles[3], &body), &body).is_some());
}

/// A file written by another build (another fingerprint) is started
/// again, never read.
#[test]
fn another_builds_file_is_not_read() {
    let dir = tempfile::tempdir().expect("a folder");
    let articles = samples();
    let (mut cache, _) = open(dir.path());
    let body = articles[0].body.text();
    cache.put(key(&articles[0], &body), &extract(&articles[0]));
    cache.flush();
    let path = cache.path.clone();
    drop(cache);
    let mut bytes = fs::read(&path).expect("the file");
    bytes[8] ^= 1;
    fs::write(&path, &bytes).expect("written");
    let (cache, recorded) = open(dir.path());
    assert!(recorded.is_empty());
    assert_eq!(cache.records(), 0);
    assert_eq!(fs::read(&path).expect("the file"), header());
}

/// Records of articles gone are dropped once they outnumber the live ones.
#[test]
fn tidying_keeps_only_the_articles_seen() {
    let dir = tempfile::tempdir().expect("a folder");
    let article = samples().into_iter().next().expect("a sample");
    let found = extract(&article);
    let (mut cache, _) = open(dir.path());
    for k in 0..2_000u64 {
        cache.put(k, &found);
    }
    cache.flush();
    drop(cache);
    let (mut cache, recorded) = open(dir.path());
    assert_eq!(recorded.len(), 2_000);
    for k in 0..10u64 {
        cache.hit(k);
    }
    cache.tidy();
    assert_eq!(cache.records(), 10);
    drop(cache);
    let (_, recorded) = open(dir.path());
    assert_eq!(recorded.len(), 10);
}

/// Files unused for a month are removed; others stay.
#[test]
fn files_unused_for_a_month_are_removed() {
    let dir = tempfile::tempdir().expect("a folder");
    let old = dir.path().join("0123456789abcdef.bin");
    let new = dir.path().join("fedcba9876543210.bin");
    for path in [&old, &new] {
        fs::write(path, header()).expect("written");
    }
    let month_ago = SystemTime::now() - MAX_UNUSED - Duration::from_secs(60);
    File::options()
        .write(true)
        .open(&old)
        .and_then(|f| f.set_modified(month_ago))
        .expect("dated");
    prune(dir.path(), SystemTime::now());
    assert!(!old.exists());
    assert!(new.exists());
}
