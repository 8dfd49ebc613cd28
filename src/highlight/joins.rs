//! Names that are only seen whole once the parts are found: a long name
//! spelt out before its letters (`Medicines and Healthcare products
//! Regulatory Agency (MHRA)`), a town joined by hyphens (`Ashton-under-Lyne`),
//! `People's` inside a name (`National People's Congress`), and a work's
//! title after its author (`Kiran Desai's The Inheritance of Loss`).
//!
//! Runs over the article's resolved names: each rule replaces the names
//! lying wholly inside a stretch of tokens with one name over it.

use super::EntityKind;
use super::names::{Cand, Strength};
use super::token::{
    CAPS_LINE, HEADLINE, HYPHEN_PREV, INITIAL, Kind, LINE_START, SPACE, TITLE_CASE, Token, UPPER,
    is_hyphen,
};
use super::words::{Lowered, one_of};

/// Tokens `a..b` to become one name of a kind.
type Join = (usize, usize, EntityKind);

/// The most words a name spelt out before its letters may have.
const MAX_EXPANSION: usize = 12;

/// The most words a work's title after its author may have.
const MAX_TITLE: usize = 10;

pub(crate) fn apply(text: &str, toks: &[Token], low: &Lowered<'_>, cands: &mut Vec<Cand>) {
    let found = Found::new(toks.len(), cands, low);
    let mut joins: Vec<Join> = Vec::new();
    for i in 0..toks.len() {
        if !may_anchor(text, toks, &found, i) {
            continue;
        }
        if let Some(join) = join_at(text, toks, &found, i) {
            joins.push(join);
        }
    }
    if joins.is_empty() {
        return;
    }
    // each join replaces the names wholly inside it, unless a name crosses
    // its edges, it is there already or an earlier join took its words
    joins.sort_by_key(|&(a, _, _)| a);
    let mut removed = vec![false; cands.len()];
    let mut added = Vec::new();
    let mut taken_to = 0;
    for (a, b, kind) in joins {
        let inside: Vec<usize> = (a..b).filter_map(|t| found.index_at(t)).collect();
        let Some(&first) = inside.first() else {
            continue;
        };
        let fits = inside.iter().all(|&n| {
            let c = &cands[n];
            // a work's title may retype a name of the same extent
            let retype = kind == EntityKind::Name && c.kind != kind;
            c.a >= a && c.b <= b && !(c.a == a && c.b == b && !retype)
        });
        if a < taken_to || !fits {
            continue;
        }
        taken_to = b;
        for n in inside {
            removed[n] = true;
        }
        let mut joined = cands[first];
        joined.a = a;
        joined.b = b;
        joined.kind = kind;
        added.push(joined);
    }
    let mut kept = removed.iter();
    cands.retain(|_| !kept.next().copied().unwrap_or(false));
    cands.extend(added);
    cands.sort_by_key(|c| c.a);
}

/// Can any rule of [`apply`] start at token `i`? Most tokens are small
/// words that none can: passing them over here saves trying each rule in
/// turn. A word in lower case anchors only `and` ([`shared_head`]) or a
/// work's noun ([`work_after_noun`]); a name found at `i` may start a
/// stock index or a sponsor's event; of punctuation, only an opening
/// bracket ([`expansion`]) or quotation mark ([`quoted_title`]) starts a
/// rule, or a name found there; capitals and a possessive ending go to the
/// rules.
fn may_anchor(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> bool {
    let t = toks[i];
    match t.kind {
        Kind::Word if !t.is_capitalised() => {
            let w = t.text(text);
            found.starting(i).is_some()
                || w == "and"
                || (WORK_SHAPES.may_hold(w) && names_a_work(text, toks, i))
        }
        Kind::Num => found.starting(i).is_some(),
        Kind::Punct(c) => c == '(' || closing_quote(c).is_some() || found.starting(i).is_some(),
        Kind::Word | Kind::Poss => true,
    }
}

/// The first join that starts at token `i`, trying the rules in order. A
/// rule can start only at the kind of token it looks for first (a
/// capitalised word, a lower-case one, a bracket or a quotation mark, a
/// possessive ending, or a name found there), so only those are tried;
/// the rules for one word (`People`, `NHS`, `Tour`...) only at a word
/// with its first letter.
/// A rule of [`apply`]: the join it makes starting at a token, if any.
type Rule = fn(&str, &[Token], &Found<'_>, usize) -> Option<Join>;

fn join_at(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    let t = toks[i];
    // the rules that start at a name found at `i`, whatever its token
    let named = found.starting(i).is_some();
    let at_name = |rule: Rule| {
        if named {
            rule(text, toks, found, i)
        } else {
            None
        }
    };
    let any_at_name = || {
        at_name(prize_for)
            .or_else(|| at_name(convention_on))
            .or_else(|| at_name(stock_index))
            .or_else(|| at_name(sponsor_event))
    };
    match t.kind {
        Kind::Word if t.is_capitalised() => {
            let first = text.as_bytes().get(t.start).copied().unwrap_or(0);
            let by_letter = |letters: &[u8], rule: Rule| {
                if letters.contains(&first) {
                    rule(text, toks, found, i)
                } else {
                    None
                }
            };
            hyphenated_town(text, toks, i)
                .or_else(|| by_letter(b"P", peoples))
                .or_else(|| possessive_body(text, toks, found, i))
                .or_else(|| body_for_a_nation(text, toks, found, i))
                .or_else(|| members_body(text, toks, found, i))
                .or_else(|| body_of_a_country(text, toks, found, i))
                .or_else(|| by_letter(b"N", health_service_body))
                .or_else(|| at_name(prize_for))
                .or_else(|| by_letter(b"NSEW", compass_of))
                .or_else(|| by_letter(b"LMCGBSI", feature_of))
                .or_else(|| by_letter(b"T", tour_of))
                .or_else(|| at_name(convention_on))
                .or_else(|| at_name(stock_index))
                .or_else(|| at_name(sponsor_event))
                .or_else(|| official_name(text, toks, found, i))
        }
        Kind::Word => work_after_noun(text, toks, found, i)
            .or_else(|| shared_head(text, toks, found, i))
            .or_else(any_at_name),
        Kind::Punct(_) => expansion(text, toks, found, i)
            .or_else(|| quoted_title(text, toks, found, i))
            .or_else(any_at_name),
        Kind::Poss => work_after_author(text, toks, found, i).or_else(any_at_name),
        Kind::Num => any_at_name(),
    }
}

/// The names found so far, looked up by token.
struct Found<'c> {
    cands: &'c [Cand],
    /// Each token in lower case.
    low: &'c Lowered<'c>,
    /// For each token, the first name over it (`NONE` if none).
    covering: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl<'c> Found<'c> {
    fn new(tokens: usize, cands: &'c [Cand], low: &'c Lowered<'c>) -> Self {
        let mut covering = vec![NONE; tokens];
        for (n, c) in cands.iter().enumerate() {
            for slot in covering.iter_mut().take(c.b).skip(c.a) {
                if *slot == NONE {
                    *slot = u32::try_from(n).unwrap_or(NONE);
                }
            }
        }
        Self {
            cands,
            low,
            covering,
        }
    }

    fn index_at(&self, i: usize) -> Option<usize> {
        let n = *self.covering.get(i)?;
        (n != NONE).then_some(n as usize)
    }

    /// The name over token `i`.
    fn at(&self, i: usize) -> Option<&'c Cand> {
        self.index_at(i).map(|n| &self.cands[n])
    }

    /// Do the names over tokens `a..b` all lie wholly inside them (none
    /// crossing an edge)?
    fn wholly_inside(&self, a: usize, b: usize) -> bool {
        (a..b).all(|j| self.at(j).is_none_or(|c| c.a >= a && c.b <= b))
    }

    /// The name starting at token `i`.
    fn starting(&self, i: usize) -> Option<&'c Cand> {
        self.at(i).filter(|c| c.a == i)
    }

    /// The name ending just before token `i`.
    fn ending(&self, i: usize) -> Option<&'c Cand> {
        self.at(i.checked_sub(1)?).filter(|c| c.b == i)
    }
}

fn word<'t>(text: &'t str, toks: &[Token], i: usize) -> Option<&'t str> {
    toks.get(i).filter(|t| t.is_word()).map(|t| t.text(text))
}

/// `National Institute for Health and Care Excellence (NICE)`: at `(`, the
/// capitalised words before it whose initials spell the letters inside.
fn expansion(text: &str, toks: &[Token], found: &Found<'_>, open: usize) -> Option<Join> {
    if !toks[open].is_punct('(') || open == 0 || !toks.get(open + 2)?.is_punct(')') {
        return None;
    }
    let letters: Vec<char> = word(text, toks, open + 1)?
        .chars()
        .filter(char::is_ascii_uppercase)
        .collect();
    if !(2..=10).contains(&letters.len()) {
        return None;
    }
    // the words before the bracket, back to punctuation or a line's start
    let mut words: Vec<usize> = Vec::new();
    let mut listed = false;
    let mut k = open;
    while k > 0 && words.len() < MAX_EXPANSION {
        k -= 1;
        let t = toks[k];
        // a comma between fields of the name (`Foreign, Commonwealth and
        // Development Office (FCDO)`) or a hyphen inside a word of it
        // (`Anti-Corruption`) is passed over
        let comma = t.is_punct(',')
            && words.last().is_some_and(|&w| toks[w].is_capitalised())
            && k > 0
            && toks[k - 1].is_capitalised();
        let hyphen = matches!(t.kind, Kind::Punct(c) if is_hyphen(c))
            && !t.has(SPACE)
            && words.last().is_some_and(|&w| toks[w].has(HYPHEN_PREV))
            && k > 0
            && toks[k - 1].is_word();
        if comma || hyphen {
            listed |= comma;
            continue;
        }
        if !t.is_word() {
            break;
        }
        words.push(k);
        if t.has(LINE_START) {
            break;
        }
    }
    let last = *words.first()?;
    // a list's last field is no place (`Paris, London and Rome`)
    let place = || found.at(last).is_some_and(|c| c.kind == EntityKind::Place);
    if !toks[last].is_capitalised() || (listed && place()) {
        return None;
    }
    // a name in French, Spanish or Portuguese spells its letters with
    // its small words too (`Fédération interprofessionnelle de la santé
    // du Québec (FIQ)`, `Société d'Exploitation du Rail Sud-Est (SERSE)`)
    let romance = words.iter().any(|&k| {
        let w = toks[k].text(text);
        one_of!(w, "de" | "du" | "des" | "del" | "do" | "da" | "dos" | "das")
            || w.starts_with("d'")
            || w.starts_with("d\u{2019}")
    });
    // a small word's initial, past `d'` or `l'`, if it has four letters
    let initial = |k: usize| {
        let w = toks[k].text(text);
        let w = ["d'", "l'", "d\u{2019}", "l\u{2019}"]
            .iter()
            .find_map(|p| w.strip_prefix(p))
            .unwrap_or(w);
        (w.chars().count() >= 4).then(|| w.chars().next()).flatten()
    };
    // match the letters from the last, each to a capitalised word's initial;
    // one capitalised word may go unmatched (`Health` in NICE)
    let mut skipped = 0;
    let mut w = 0;
    let mut start = None;
    for (n, &letter) in letters.iter().enumerate().rev() {
        loop {
            let &k = words.get(w)?;
            w += 1;
            let t = toks[k];
            if romance && !t.is_capitalised() {
                if initial(k).is_some_and(|c| c.to_uppercase().eq(std::iter::once(letter))) {
                    if n == 0 {
                        return None;
                    }
                    break;
                }
                continue;
            }
            if !t.is_capitalised() {
                continue;
            }
            if t.text(text).starts_with(letter) {
                if n == 0 {
                    start = Some(k);
                }
                break;
            }
            skipped += 1;
            if skipped > 1 || k == last {
                return None;
            }
        }
    }
    let start = start?;
    if start == last {
        return None;
    }
    let kind = match found.at(open + 1).map(|c| c.kind) {
        Some(EntityKind::Place) => EntityKind::Place,
        _ => EntityKind::Organization,
    };
    Some((start, open, kind))
}

/// `Stoke-on-Trent`, `Ashton-under-Lyne`, `Aix-en-Provence`: a capital, a
/// joining word and a capital, all joined by hyphens.
fn hyphenated_town(text: &str, toks: &[Token], i: usize) -> Option<Join> {
    let joined = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(c) if is_hyphen(c)) && !t.has(SPACE))
            && toks.get(k + 1).is_some_and(|t| t.has(HYPHEN_PREV))
    };
    let first = toks[i];
    if !first.is_capitalised() || (i > 0 && joined(i - 1)) || !joined(i + 1) || !joined(i + 3) {
        return None;
    }
    let link = word(text, toks, i + 2)?;
    let last = toks.get(i + 4)?;
    if !last.is_capitalised() || joined(i + 5) {
        return None;
    }
    one_of!(
        link,
        "on" | "upon"
            | "under"
            | "le"
            | "la"
            | "les"
            | "en"
            | "sur"
            | "sous"
            | "in"
            | "by"
            | "am"
            | "im"
            | "an"
            | "de"
            | "du"
    )
    .then_some((i, i + 5, EntityKind::Place))
}

/// `National People's Congress`, `People's Liberation Army`: `People's`
/// inside a name, not a possessive after one.
fn peoples(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    if !matches!(word(text, toks, i)?, "People" | "PEOPLE") {
        return None;
    }
    let after = match toks.get(i + 1)?.kind {
        Kind::Poss => i + 2,
        Kind::Punct('\'' | '\u{2019}') if word(text, toks, i + 2) == Some("s") => i + 3,
        _ => return None,
    };
    let rest = found.starting(after)?;
    if !matches!(
        rest.kind,
        EntityKind::Organization | EntityKind::Place | EntityKind::Name
    ) {
        return None;
    }
    let start = found.ending(i + 1).map_or(i, |c| c.a).min(i);
    Some((with_place_before(toks, found, start), rest.b, rest.kind))
}

/// `Mongolian People's Revolutionary Party`, `Botswana Mine Workers'
/// Union`: a country's or a people's name right before a body's name
/// that holds an apostrophe is part of it, as it is when the name is
/// written without one (`Pakistan Cricket Board`). Where the body's
/// name starts at `start`, where it starts with what comes before.
fn with_place_before(toks: &[Token], found: &Found<'_>, start: usize) -> usize {
    let glued = toks
        .get(start)
        .is_some_and(|t| t.has(SPACE) && !t.has(LINE_START));
    match found.ending(start) {
        Some(c) if glued && matches!(c.kind, EntityKind::Place | EntityKind::Name) => c.a,
        _ => start,
    }
}

/// `People’s Party`, `Ellison’s Bakery`, `Sainsbury's Bank`: a word, its
/// `'s`, then one capitalised word for a body or a shop that ends the
/// name (or a ground or street: `Stark's Park`, a place). Not a known person's possessive (`Mr Blair's Cabinet` after `Tony
/// Blair`), nor one before a longer name (`Britain's Labour Party`).
fn possessive_body(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    let owner = toks[i];
    if !owner.is_word() || !owner.is_capitalised() || toks.get(i + 1)?.kind != Kind::Poss {
        return None;
    }
    let head = toks.get(i + 2)?;
    if !head.is_word() || !head.is_capitalised() || !head.has(SPACE) || head.has(LINE_START) {
        return None;
    }
    if toks
        .get(i + 3)
        .is_some_and(|t| t.is_word() && t.is_capitalised() && t.has(SPACE))
    {
        return None;
    }
    let mut buf = [0u8; 32];
    let head_word = super::words::lower(head.text(text), &mut buf)?;
    // `Stark's Park`, `Regent's Park`, `Earl's Court`: a ground or a
    // street named for its owner
    let kind = if one_of!(
        head_word,
        "park" | "square" | "road" | "lane" | "green" | "cross" | "wharf" | "court"
    ) {
        EntityKind::Place
    } else {
        EntityKind::Organization
    };
    if !(kind == EntityKind::Place || super::words::is_org_head(head_word) || is_shop(head_word))
        || matches!(
            head_word,
            "government" | "cabinet" | "administration" | "office" | "executive" | "team"
        )
    {
        return None;
    }
    // the owner: unknown or a weak guess, a word alone, no known surname
    let mine = found.at(i);
    if mine.is_some_and(|c| c.a != i || c.b != i + 1 || c.strength == Strength::Strong) {
        return None;
    }
    let owner_word = owner.text(text);
    let surname = found.cands.iter().any(|c| {
        c.kind == EntityKind::Person && c.b >= c.a + 2 && toks[c.b - 1].text(text) == owner_word
    });
    if surname || found.at(i + 2).is_some_and(|c| c.b > i + 3) {
        return None;
    }
    Some((i, i + 3, kind))
}

/// Shops and places to eat that take their owner's name: `Ellison's
/// Bakery`, `Luigi's Restaurant`.
fn is_shop(w: &str) -> bool {
    one_of!(
        w,
        "bakery"
            | "bakers"
            | "butchers"
            | "cafe"
            | "café"
            | "restaurant"
            | "pub"
            | "inn"
            | "shop"
            | "store"
            | "stores"
            | "bar"
            | "kitchen"
            | "garage"
            | "pharmacy"
            | "deli"
            | "diner"
            | "bistro"
            | "salon"
            | "boutique"
            | "pizzeria"
    )
}

/// `Kiran Desai's The Inheritance of Loss`: after a person's possessive,
/// `The` and the capitalised words (with the small words between them) of
/// a book's, a film's or an album's title.
fn work_after_author(text: &str, toks: &[Token], found: &Found<'_>, poss: usize) -> Option<Join> {
    if toks[poss].kind != Kind::Poss
        || found
            .ending(poss)
            .is_none_or(|c| c.kind != EntityKind::Person)
    {
        return None;
    }
    let the = poss + 1;
    if word(text, toks, the)? != "The" || !toks.get(the + 1)?.is_capitalised() {
        return None;
    }
    let mut end = the + 2;
    let mut words = 1;
    while words < MAX_TITLE {
        let Some(t) = toks.get(end) else { break };
        if !t.is_word() || t.has(LINE_START) {
            break;
        }
        if t.is_capitalised() {
            end += 1;
        } else if let Some(n) = small_words_then_capital(text, toks, end) {
            end += n + 1;
            words += n;
        } else {
            break;
        }
        words += 1;
    }
    // a newspaper after its owner is a body: "Murdoch's The Times"
    if end == the + 2
        && found
            .at(the + 1)
            .is_some_and(|c| c.kind == EntityKind::Organization)
    {
        return None;
    }
    Some((the, end, EntityKind::Name))
}

/// The title of a work after the noun that says what it is: `the film
/// The Brutalist`, `her novel Harry Potter and the Half-Blood Prince`,
/// `the album Definitely Maybe`, `the game Half-Life`. At the noun, the
/// capitalised words after it, with the small words a title keeps in lower
/// case between them.
fn work_after_noun(text: &str, toks: &[Token], found: &Found<'_>, noun: usize) -> Option<Join> {
    if !names_a_work(text, toks, noun) {
        return None;
    }
    let start = noun + 1;
    let end = title_end(text, toks, start)?;
    // "the film Sean Baker made": a name known for sure is no title
    known_for_sure(text, toks, found, start, end).then_some((start, end, EntityKind::Name))
}

/// Is `a..b` fit to be a title: not one name known for sure as something
/// else (a person, a body, a place), not a lone article?
fn known_for_sure(text: &str, toks: &[Token], found: &Found<'_>, a: usize, b: usize) -> bool {
    if let Some(c) = found.at(a)
        && c.a == a
        && c.b == b
        && c.strength == Strength::Strong
        && c.kind != EntityKind::Name
    {
        return false;
    }
    !(b == a + 1 && word(text, toks, a).is_some_and(|w| matches!(w, "The" | "A" | "An")))
}

/// The end of a title's capitalised words from `start`: small words such as
/// `of the` between them, and hyphens inside them (`Half-Blood`); it stops
/// at a line's or a sentence's start.
fn title_end(text: &str, toks: &[Token], start: usize) -> Option<usize> {
    let first = toks.get(start)?;
    if !first.is_word() || !first.is_capitalised() || first.has(LINE_START) {
        return None;
    }
    let mut end = start + 1;
    let mut words = 1;
    while words < MAX_TITLE {
        let Some(t) = toks.get(end) else { break };
        if t.has(LINE_START) || t.has(INITIAL) {
            break;
        }
        if t.is_word() && t.is_capitalised() {
            end += 1;
        } else if let Some(n) = small_words_then_capital(text, toks, end) {
            end += n + 1;
            words += n;
        } else if matches!(t.kind, Kind::Punct(c) if is_hyphen(c))
            && !t.has(SPACE)
            && toks
                .get(end + 1)
                .is_some_and(|n| n.is_word() && n.has(HYPHEN_PREV) && n.is_capitalised())
        {
            end += 2;
        } else {
            break;
        }
        words += 1;
    }
    Some(end)
}

/// The mark that closes a quotation opened by `c`, if `c` opens one.
fn closing_quote(c: char) -> Option<char> {
    match c {
        '\u{2018}' => Some('\u{2019}'),
        '\u{201c}' => Some('\u{201d}'),
        '"' | '\'' => Some(c),
        _ => None,
    }
}

/// A title in quotation marks: `‘No More Mr Nasty’`, `“Hotel Rwanda”`, and
/// one word the article already reads as a name (`‘Anora’ sweeps`). Only
/// capitalised words (and a title's small words) inside, the marks right
/// against them, nothing after the last word: speech (`“We won.”`) is left
/// alone, and so is a nickname inside a name (`Paul “Bonehead” Arthurs`).
fn quoted_title(text: &str, toks: &[Token], found: &Found<'_>, open: usize) -> Option<Join> {
    let Kind::Punct(mark) = toks[open].kind else {
        return None;
    };
    let close = closing_quote(mark)?;
    let opens = toks[open].has(SPACE)
        || toks[open].has(LINE_START)
        || open
            .checked_sub(1)
            .is_some_and(|k| matches!(toks[k].kind, Kind::Punct('(' | '[' | '\u{2014}' | ':')));
    let start = open + 1;
    if !opens || toks.get(start)?.has(SPACE) {
        return None;
    }
    let end = title_end(text, toks, start)?;
    let after = toks.get(end)?;
    if !after.is_punct(close) || after.has(SPACE) {
        return None;
    }
    // the mark closes: a space, a line end or punctuation after it
    if toks
        .get(end + 1)
        .is_some_and(|t| !t.has(SPACE) && !t.has(LINE_START) && t.is_word())
    {
        return None;
    }
    // "Paul “Bonehead” Arthurs": a nickname between a name's words
    let name_before = open
        .checked_sub(1)
        .is_some_and(|k| toks[k].is_word() && toks[k].is_capitalised());
    if name_before && toks.get(end + 1).is_some_and(Token::is_capitalised) {
        return None;
    }
    let words = toks[start..end].iter().filter(|t| t.is_word()).count();
    if words == 1 && found.starting(start).is_none_or(|c| c.b != end) {
        return None;
    }
    known_for_sure(text, toks, found, start, end).then_some((start, end, EntityKind::Name))
}

/// Nouns that name a kind of work.
const WORKS: [&str; 18] = [
    "film",
    "movie",
    "album",
    "novel",
    "memoir",
    "song",
    "sitcom",
    "documentary",
    "musical",
    "biopic",
    "sequel",
    "podcast",
    "videogame",
    "thriller",
    "drama",
    "comedy",
    "franchise",
    "trilogy",
];

/// Nouns that name a work after a word that makes them one.
const WORKS_AFTER_A_WORD: [&str; 9] = [
    "book", "game", "show", "series", "play", "single", "track", "opera", "poem",
];

/// The shapes of [`WORKS`] and [`WORKS_AFTER_A_WORD`]: most words are
/// passed over without comparing.
const WORK_SHAPES: super::words::Shapes = super::words::Shapes::of(&[&WORKS, &WORKS_AFTER_A_WORD]);

/// Is the word at `noun` one that names a kind of work (`film`, `album`,
/// `the game`), so that a capitalised title may follow?
fn names_a_work(text: &str, toks: &[Token], noun: usize) -> bool {
    let t = toks[noun];
    if !t.is_word() || t.is_capitalised() {
        return false;
    }
    let w = t.text(text);
    let plain = WORKS.contains(&w);
    // words that are also verbs or plain nouns need a word before them
    // that makes them a work: `the game`, `his latest book`, `a new show`
    let needs_det = WORKS_AFTER_A_WORD.contains(&w);
    if !plain && !needs_det {
        return false;
    }
    if needs_det {
        let Some(before) = noun.checked_sub(1).map(|k| toks[k]) else {
            return false;
        };
        let det = before.kind == Kind::Poss
            || word(text, toks, noun - 1).is_some_and(|d| {
                one_of!(
                    d,
                    "the"
                        | "a"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "new"
                        | "latest"
                        | "debut"
                        | "hit"
                        | "next"
                        | "classic"
                        | "video"
                        | "computer"
                        | "console"
                        | "TV"
                        | "television"
                        | "radio"
                        | "stage"
                )
            });
        if !det {
            return false;
        }
    }
    true
}

/// At `i`, one or two small title words (`of`, `and the`) followed by a
/// capitalised word on the same line: how many small words.
fn small_words_then_capital(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    for n in 1..=2 {
        let t = toks.get(i + n - 1)?;
        if !t.is_word() || t.has(LINE_START) || !is_title_small_word(t.text(text)) {
            return None;
        }
        let next = toks.get(i + n)?;
        if next.is_word() && next.is_capitalised() && !next.has(LINE_START) {
            return Some(n);
        }
    }
    None
}

/// `NHS England`, `Universities Scotland`, `Sport Wales`: a body's word
/// and then one of the nations of the United Kingdom, with nothing between
/// them, name one body. Not after a person, a place or a nationality
/// (`Harry Kane England`, `Dublin Ireland`), nor at a sentence start where
/// the capital proves nothing.
fn body_for_a_nation(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    let t = toks[i];
    let org = found
        .starting(i)
        .is_some_and(|c| c.b == i + 1 && c.kind == EntityKind::Organization);
    if !t.is_word() || !t.is_capitalised() || ((t.has(INITIAL) || t.has(LINE_START)) && !org) {
        return None;
    }
    let nation = toks.get(i + 1)?;
    if !nation.has(SPACE) || nation.has(LINE_START) {
        return None;
    }
    let n = match word(text, toks, i + 1)? {
        "England" | "Scotland" | "Wales" => 1,
        "Northern" if word(text, toks, i + 2) == Some("Ireland") => 2,
        _ => return None,
    };
    let place = found.starting(i + 1)?;
    if !(place.kind == EntityKind::Place || place.team) || place.b != i + 1 + n {
        return None;
    }
    if let Some(c) = found.at(i)
        && (c.a != i
            || c.b != i + 1
            || !matches!(c.kind, EntityKind::Organization | EntityKind::Name))
    {
        return None;
    }
    // the body's word ends a sentence or is one of a pair ("and Scotland")
    if toks
        .get(i + 1 + n)
        .is_some_and(|t| t.is_word() && t.is_capitalised())
    {
        return None;
    }
    Some((i, i + 1 + n, EntityKind::Organization))
}

/// `Consumers’ Association`, `National Farmers' Union`, `Workers' Party`:
/// members in the plural, their apostrophe, then the kind of body.
fn members_body(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    let members = word(text, toks, i)?;
    if !toks[i].is_capitalised() || members.len() <= 3 || !members.ends_with('s') {
        return None;
    }
    let mark = toks.get(i + 1)?;
    if !matches!(mark.kind, Kind::Punct('\'' | '\u{2019}')) || mark.has(SPACE) {
        return None;
    }
    let mut end = i + 2;
    while toks
        .get(end)
        .is_some_and(|t| t.is_word() && t.is_capitalised() && t.has(SPACE) && !t.has(LINE_START))
        && end < i + 5
    {
        end += 1;
    }
    let head = word(text, toks, end.checked_sub(1)?)?;
    if end == i + 2
        || !one_of!(
            head,
            "Association"
                | "Union"
                | "Party"
                | "Federation"
                | "Alliance"
                | "Council"
                | "Guild"
                | "Society"
                | "League"
                | "Club"
                | "Forum"
                | "Front"
                | "Trust"
                | "Fund"
                | "Congress"
                | "Movement"
                | "Coalition"
                | "Cooperative"
                | "Co-operative"
        )
    {
        return None;
    }
    let start = found.ending(i + 1).map_or(i, |c| c.a).min(i);
    Some((
        with_place_before(toks, found, start),
        end,
        EntityKind::Organization,
    ))
}

/// `Avon and Somerset Police`, `Barking and Dagenham Council`: two names
/// sharing a body's last word, at the `and` between them.
fn shared_head(text: &str, toks: &[Token], found: &Found<'_>, and: usize) -> Option<Join> {
    if word(text, toks, and)? != "and" {
        return None;
    }
    let before = found.ending(and).filter(|c| c.b == c.a + 1)?;
    // `Dudley and Walsall Mental Health Trust`: a few words after `and`
    let after = found
        .starting(and + 1)
        .filter(|c| (2..=5).contains(&(c.b - c.a)) && c.kind == EntityKind::Organization)?;
    let head = word(text, toks, after.b - 1)?;
    matches!(
        head,
        "Police" | "Constabulary" | "Council" | "Authority" | "Trust" | "Board" | "Commission"
    )
    .then_some((before.a, after.b, EntityKind::Organization))
}

/// `Public Health Scotland`, `Natural Resources Canada`, `Environment
/// and Climate Change Canada`, `Police Scotland`: the words of a public
/// service's field, then a country's name, are the service. Only words
/// that name a field join: `Western Canada` and `Rural Scotland` are
/// places.
fn body_of_a_country(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    // the field's words start the name (`UK Sport and Sport England` is
    // two), in running text, not a headline's capitals
    let t = toks[i];
    let continues = i > 0
        && toks[i - 1].is_capitalised()
        && t.has(SPACE)
        && !t.has(LINE_START)
        && !t.has(INITIAL);
    if continues || t.has(HEADLINE) || found.at(i).is_some_and(|c| c.a < i) {
        return None;
    }
    let mut k = i;
    while k < toks.len() && k < i + 6 {
        let t = toks[k];
        if k > i && (!t.has(SPACE) || t.has(LINE_START)) {
            return None;
        }
        let field = t.is_capitalised()
            && !t.has(UPPER)
            && lower_word(text, toks, found.low, k).is_some_and(is_field_word);
        let and = k > i && word(text, toks, k) == Some("and");
        if !field && !and {
            break;
        }
        k += 1;
    }
    if k == i || word(text, toks, k - 1) == Some("and") {
        return None;
    }
    let country = found.starting(k)?;
    let name = word(text, toks, k)?;
    let mut key = String::new();
    let listed_country = super::lexicon::LEXICON
        .gazetteer
        .longest_at(text, toks, k, k + 1, &mut key, |_, n| n == 1)
        .is_some_and(|(_, e)| e.source == super::lexicon::Source::Country);
    let is_country = country.kind == EntityKind::Place
        && toks[k].has(SPACE)
        && (listed_country || matches!(name, "England" | "Scotland" | "Wales"));
    // the field's words must not be a name of their own reading
    (is_country && found.wholly_inside(i, k) && country.b == k + 1).then_some((
        i,
        k + 1,
        EntityKind::Organization,
    ))
}

/// Words that name a public service's field (not an office's rank, as
/// `Assistant U.S. Attorney`).
fn is_field_word(w: &str) -> bool {
    one_of!(
        w,
        "health"
            | "public"
            | "justice"
            | "education"
            | "environment"
            | "transport"
            | "finance"
            | "trade"
            | "energy"
            | "agriculture"
            | "culture"
            | "housing"
            | "tourism"
            | "revenue"
            | "statistics"
            | "natural"
            | "resources"
            | "climate"
            | "change"
            | "parks"
            | "fisheries"
            | "oceans"
            | "heritage"
            | "historic"
            | "veterans"
            | "innovation"
            | "science"
            | "employment"
            | "immigration"
            | "sport"
            | "infrastructure"
            | "water"
            | "forestry"
            | "police"
            | "creative"
            | "skills"
            | "services"
            | "standards"
            | "defence"
            | "industry"
            | "food"
            | "safety"
            | "digital"
            | "communications"
            | "social"
            | "welfare"
            | "research"
            | "arts"
    )
}

/// `NHS Lothian`, `NHS Greater Glasgow and Clyde`, `NHS England`: a
/// health service named by its area is one body.
fn health_service_body(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    if word(text, toks, i)? != "NHS" || found.starting(i).is_none_or(|c| c.b != i + 1) {
        return None;
    }
    let lex = &*super::lexicon::LEXICON;
    let mut buf = String::new();
    let mut end = i + 1;
    while let Some(t) = toks.get(end) {
        if !t.has(SPACE) || t.has(LINE_START) {
            break;
        }
        let area = t.is_capitalised()
            && !found
                .at(end)
                .is_some_and(|c| c.kind == EntityKind::Person && c.b > end + 1)
            && lex
                .titles
                .longest_at(text, toks, end, toks.len(), &mut buf, |_, _| true)
                .is_none();
        // `Greater Glasgow and Clyde`
        let and = word(text, toks, end) == Some("and")
            && end > i + 1
            && toks.get(end + 1).is_some_and(Token::is_capitalised)
            && word(text, toks, end + 1) != Some("NHS");
        if !area && !and {
            break;
        }
        end += 1;
    }
    (end > i + 1 && found.wholly_inside(i, end)).then_some((i, end, EntityKind::Organization))
}

/// `Caine Prize for African Writing`, `Nobel Prize in Literature`,
/// `International Booker Prize`: a prize's name runs on over `for` or `in`
/// and the capitals after it, and takes a word of reach written before it.
fn prize_for(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    let prize = found.starting(i)?;
    let head = word(text, toks, prize.b - 1)?;
    if prize.kind != EntityKind::Name || !matches!(head, "Prize" | "Award" | "Medal" | "Trophy") {
        return None;
    }
    // the word of reach before it, a name of its own so far
    let start = match i.checked_sub(1) {
        Some(k)
            if toks[i].has(SPACE)
                && !toks[i].has(LINE_START)
                && matches!(
                    word(text, toks, k),
                    Some("International" | "National" | "World" | "European")
                )
                && found.at(k).is_none_or(|c| c.a == k && c.b == i) =>
        {
            k
        }
        _ => i,
    };
    let mut end = prize.b;
    let link = toks.get(end)?;
    if matches!(word(text, toks, end), Some("for" | "in"))
        && link.has(SPACE)
        && !link.has(LINE_START)
    {
        let stop = caps_end(text, toks, found, end + 1, toks.len().min(end + 6));
        // where it is held is no part of it: "the Champions Trophy in
        // England" (but "the Nobel Prize in Literature")
        let place = found
            .starting(end + 1)
            .is_some_and(|c| c.kind == EntityKind::Place && c.strength == Strength::Strong);
        // the capitals after it must be free, or names wholly inside
        if stop > end + 1 && !place && found.at(stop).is_none_or(|c| c.a >= stop) {
            end = stop;
        }
    }
    (start < i || end > prize.b).then_some((start, end, EntityKind::Name))
}

/// `West of England Combined Authority`, `East of England`: a compass
/// point and `of` before a name are part of it.
fn compass_of(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    if !matches!(word(text, toks, i)?, "North" | "South" | "East" | "West")
        || word(text, toks, i + 1)? != "of"
        || toks[i].has(LINE_START)
    {
        return None;
    }
    let rest = found.starting(i + 2)?;
    matches!(rest.kind, EntityKind::Organization | EntityKind::Place)
        .then_some((i, rest.b, rest.kind))
}

/// `Lake Malawi`, `Mount Kenya`, `Gulf of İzmir`, `Bay of Bengal`: a
/// lake, a mountain or a sea named by a place is one place with its noun.
fn feature_of(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    if toks[i].has(HEADLINE) {
        return None;
    }
    let at = match word(text, toks, i)? {
        "Lake" | "Mount" | "Mt" | "Cape" => i + 1 + usize::from(toks.get(i + 1)?.is_punct('.')),
        "Gulf" | "Bay" | "Sea" | "Strait" | "Straits" | "Isle" | "Lakes" => {
            if word(text, toks, i + 1)? != "of" {
                return None;
            }
            i + 2
        }
        _ => return None,
    };
    let rest = found.starting(at)?;
    let on_line = (i + 1..=at).all(|k| !toks[k].has(LINE_START));
    (on_line && rest.kind == EntityKind::Place).then_some((i, rest.b, EntityKind::Place))
}

/// `European Convention on Human Rights`, `Geneva Convention on Refugees`,
/// `Treaty on European Union`: a convention's or a treaty's name runs on
/// over `on` to its subject, when the scan found both halves as names.
fn convention_on(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    let law = found.starting(i)?;
    let head = word(text, toks, law.b.checked_sub(1)?)?;
    if !matches!(
        head,
        "Convention" | "Treaty" | "Charter" | "Covenant" | "Protocol" | "Declaration"
    ) || word(text, toks, law.b)? != "on"
    {
        return None;
    }
    let subject = found.starting(law.b + 1)?;
    let on_line = (law.b..subject.b).all(|k| toks[k].has(SPACE) && !toks[k].has(LINE_START));
    on_line.then_some((law.a, subject.b, EntityKind::Name))
}

/// `Tour of Portugal`, `Tour of Flanders`: a cycling race named for where
/// it runs is one event. Not on a headline, where `Tour` may be a visit.
fn tour_of(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    if word(text, toks, i)? != "Tour"
        || word(text, toks, i + 1)? != "of"
        || toks[i].has(HEADLINE)
        || toks[i].has(TITLE_CASE)
    {
        return None;
    }
    let rest = found.starting(i + 2)?;
    (rest.kind == EntityKind::Place).then_some((i, rest.b, EntityKind::Name))
}

/// `the FTSE MIB index`, `the MSCI Asia Pacific index`: a body's name and
/// the name right after it, before `index`, name one index.
fn stock_index(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    let first = found.starting(i)?;
    if first.kind != EntityKind::Organization {
        return None;
    }
    let next = toks.get(first.b)?;
    if !next.has(SPACE) || next.has(LINE_START) {
        return None;
    }
    let second = found.starting(first.b)?;
    let after = toks.get(second.b)?;
    (matches!(word(text, toks, second.b)?, "index" | "indices") && !after.has(LINE_START))
        .then_some((first.a, second.b, EntityKind::Organization))
}

/// `BFI London Film Festival`, `RBC Canadian Open`: a body's letters
/// right before an event's name of several words, headed by an event's
/// word, are the event's full name.
fn sponsor_event(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    let body = found.starting(i)?;
    let t = toks[i];
    if body.kind != EntityKind::Organization
        || body.b != i + 1
        || !t.has(UPPER)
        || t.has(CAPS_LINE)
        || t.text(text).chars().count() < 2
    {
        return None;
    }
    let event = found.starting(i + 1)?;
    if event.kind != EntityKind::Name || event.b < i + 3 || !toks[i + 1].has(SPACE) {
        return None;
    }
    let head = lower_word(text, toks, found.low, event.b - 1)?;
    super::words::is_event_head(head).then_some((i, event.b, EntityKind::Name))
}

/// The lower-case form of word `i`, if it is a word.
fn lower_word<'a>(text: &str, toks: &[Token], low: &Lowered<'a>, i: usize) -> Option<&'a str> {
    let w = word(text, toks, i)?;
    if w.len() > 32 || !w.is_ascii() {
        return None;
    }
    // an ASCII word's lower case, as the tokens' own
    low.get(i)
}

/// A capitalised word inside a run: after a space, on the same line, and
/// not a word in capitals on a line of capitals.
fn run_word(toks: &[Token], i: usize) -> bool {
    toks.get(i).is_some_and(|t| {
        t.is_capitalised() && t.has(SPACE) && !t.has(LINE_START) && !t.has(CAPS_LINE)
    })
}

/// A word that may stand in an official name before or after its head: a
/// name, a place or a body found there, or a capitalised word nobody took;
/// never a person, a month or a day.
fn name_word(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> bool {
    if found.at(i).is_some_and(|c| c.kind == EntityKind::Person) {
        return false;
    }
    !matches!(
        word(text, toks, i),
        Some(
            "January"
                | "February"
                | "March"
                | "April"
                | "May"
                | "June"
                | "July"
                | "August"
                | "September"
                | "October"
                | "November"
                | "December"
                | "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
                | "Mondays"
                | "Tuesdays"
                | "Wednesdays"
                | "Thursdays"
                | "Fridays"
                | "Saturdays"
                | "Sundays"
                | "I"
        ) | None
    )
}

/// Word `i` is the kind of body an official name ends in (`Bank`,
/// `Authority`, `Federation`), or `House` before `of`.
fn official_head(text: &str, toks: &[Token], low: &Lowered<'_>, i: usize) -> bool {
    if toks[i].has(UPPER) {
        return false;
    }
    match lower_word(text, toks, low, i) {
        Some("house") => word(text, toks, i + 1) == Some("of"),
        Some(w) => super::words::is_org_head(w),
        None => false,
    }
}

/// The end of the capitalised words from `i` on (`i` itself if none).
fn caps_end(text: &str, toks: &[Token], found: &Found<'_>, mut i: usize, max: usize) -> usize {
    while i < max && run_word(toks, i) && name_word(text, toks, found, i) {
        i += 1;
    }
    i
}

/// `Swiss National Bank`, `Confederation of British Industry`, `Department
/// for Business and Trade`, `Board of Control for Cricket in India`,
/// `University of Texas at Austin`: a run of capitalised words with a
/// body's head word, and what the lower-case joining words carry on after
/// it, is one body's official name.
///
/// The words before the head stay in it (`Southeastern Pennsylvania
/// Transportation Authority`, `Netherlands Space Office`) unless they are a
/// country's letters (`US`, `UK`) or the rest is a government's generic
/// body (`Iranian Foreign Ministry`, `Russian Parliament`): the guidelines
/// split `the US State Department` into `US` and `State Department`.
///
/// After the head, `of`, `for` and `on` take the capitalised words after
/// them (`the` may come between: `Society for the Protection of Birds`),
/// but `for` and `on` not a body's name;
/// `and` or `&` takes one more run only inside such an object, or right
/// after the head for `&`, and never a body of its own (`Bank of England
/// and Financial Conduct Authority`) unless it is a plural head naming the
/// members (`Red Cross and Red Crescent Societies`); `in` only ends a name
/// with two such parts already (`Board of Control for Cricket in India`),
/// `at` only a university's campus.
#[allow(clippy::too_many_lines)] // one link after another, in order
fn official_name(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> Option<Join> {
    let first = toks[i];
    if !first.is_capitalised()
        || first.has(CAPS_LINE)
        || first.has(HYPHEN_PREV)
        || !name_word(text, toks, found, i)
    {
        return None;
    }
    // only at the start of a run of capitals (a sentence's first word
    // nobody took is not part of it)
    if i > 0
        && toks[i].has(SPACE)
        && !toks[i].has(LINE_START)
        && toks[i - 1].is_capitalised()
        && found.at(i - 1).is_some()
    {
        return None;
    }
    let limit = (i + MAX_RUN_WORDS).min(toks.len());
    // the run's first stretch of capitals, and its first head
    let mut end = i + 1;
    while end < limit && run_word(toks, end) && name_word(text, toks, found, end) {
        end += 1;
    }
    let head = if let Some(h) = (i..end).find(|&h| official_head(text, toks, found.low, h)) {
        h
    } else {
        end = fields_then_head(text, toks, found, (i, end), limit)?;
        end - 1
    };
    if ends_a_title(text, toks, found, head) {
        return None;
    }
    // the name ends at its last head: a title or a name after it is not
    // part of it (`Home Office Minister`, `Air Force One`)
    end = (head..end)
        .rev()
        .find(|&h| official_head(text, toks, found.low, h))?
        + 1;
    if head > i && found.at(i).is_none() {
        return None;
    }
    // the head's stretch runs on past the head (`Chamber`, `House`)
    if head > i && found.at(i)?.kind == EntityKind::Person {
        return None;
    }
    let head_word = word(text, toks, head)?;
    // a company's suffix ends its name: `Boeing Co of Seattle`
    let suffix = one_of!(
        head_word,
        "Co" | "Corp" | "Inc" | "Ltd" | "Plc" | "PLC" | "LLC" | "LLP" | "GmbH" | "AG" | "SA" | "NV"
    );
    let mut parts = 0;
    let mut object_is_place = false;
    while let Some(link) = word(text, toks, end).or_else(|| {
        toks.get(end)
            .is_some_and(|t| t.is_punct('&'))
            .then_some("&")
    }) {
        if suffix {
            break;
        }
        let amp = toks.get(end).is_some_and(|t| t.is_punct('&'));
        let mut next = end + 1;
        let the_between =
            matches!(link, "of" | "for" | "on") && word(text, toks, next) == Some("the");
        next += usize::from(the_between);
        let link = if amp { "&" } else { link };
        if amp && !toks.get(end).is_some_and(|t| t.has(SPACE)) {
            break;
        }
        let mut stop = caps_end(text, toks, found, next, limit);
        // a title after the name is not part of it: `Church of Scotland
        // Minister`
        while stop > next
            && lower_word(text, toks, found.low, stop - 1).is_some_and(super::words::is_title_head)
        {
            stop -= 1;
        }
        if stop == next {
            break;
        }
        let ok = link_takes(
            text,
            toks,
            found,
            link,
            (next, stop),
            (parts, object_is_place),
            head_word,
        );
        if !ok
            || found.at(stop).is_some_and(|c| c.a < stop)
            || (link == "of"
                && parts == 0
                && firm_and_home(text, toks, found, (end, next, stop), the_between))
        {
            break;
        }
        if matches!(link, "of" | "for" | "on") {
            parts += 1;
            object_is_place = found
                .starting(next)
                .is_some_and(|c| c.kind == EntityKind::Place && c.b == stop);
        }
        end = stop;
        if matches!(link, "in" | "at") {
            break;
        }
    }
    let start = official_start(text, toks, found, i, head, end)?;
    // something must change: a name as found already is left alone
    if found.starting(start).is_some_and(|c| c.b == end) {
        return None;
    }
    if end - start < 2 {
        return None;
    }
    // a name crossing the edges keeps its own reading
    if found.at(start).is_some_and(|c| c.a < start) || found.at(end).is_some_and(|c| c.a < end) {
        return None;
    }
    Some((start, end, EntityKind::Organization))
}

/// `Dubai Electricity and Water Authority`: a place, then the first of
/// a body's fields over `i..end` (no head word yet), `and`, and capitals
/// ending in a head word: the end of that body's name, if so.
fn fields_then_head(
    text: &str,
    toks: &[Token],
    found: &Found<'_>,
    (i, end): (usize, usize),
    limit: usize,
) -> Option<usize> {
    let place = found.at(i)?;
    if place.kind != EntityKind::Place || place.b >= end || word(text, toks, end) != Some("and") {
        return None;
    }
    let stop = caps_end(text, toks, found, end + 1, limit);
    if stop <= end + 2 || !official_head(text, toks, found.low, stop - 1) {
        return None;
    }
    // the body found already over the fields and the head, or nothing
    // found over either
    let fits = match found.starting(place.b) {
        Some(body) => body.kind == EntityKind::Organization && body.b == stop,
        None => !(place.b..stop).any(|k| found.at(k).is_some()),
    };
    fits.then_some(stop)
}

/// `Chief Executive of AOL`: is word `i` the last of an office's title
/// that starts with the capitals just before it (left outside every name)?
/// Then it is no body's head word.
fn ends_a_title(text: &str, toks: &[Token], found: &Found<'_>, i: usize) -> bool {
    let lex = &*super::lexicon::LEXICON;
    let mut buf = String::new();
    (i.saturating_sub(3)..=i).any(|j| {
        (j + 1..=i).all(|k| run_word(toks, k))
            && toks[j].is_word()
            && toks[j].is_capitalised()
            && (j..=i).all(|k| found.at(k).is_none())
            && lex
                .titles
                .longest_at(text, toks, j, i + 1, &mut buf, |_, _| true)
                .is_some_and(|(n, _)| j + n == i + 1)
    })
}

/// `General Motors of the US`, `Bharat Biotech of India`: a firm named by
/// its trade, or a body that is not of its country, then `of` at `link`
/// and a place over `next..stop`: where the firm is from, not part of its
/// name. A state's or an institution's name keeps the country
/// (`University of the Philippines`, `State Bank of India`).
fn firm_and_home(
    text: &str,
    toks: &[Token],
    found: &Found<'_>,
    (link, next, stop): (usize, usize, usize),
    the_between: bool,
) -> bool {
    found
        .starting(next)
        .is_some_and(|c| c.kind == EntityKind::Place && c.b == stop)
        && lower_word(text, toks, found.low, link - 1).is_none_or(|w| {
            super::words::is_trade_head(w)
                || (the_between
                    && !super::words::is_org_prefix(w)
                    && !super::words::is_place_prefix(w))
        })
}

/// Whether the joining word `link` carries an official name on over the
/// capitalised words `next..stop`, after `parts` objects of `of`, `for` or
/// `on` (the last a place if `object_is_place`).
fn link_takes(
    text: &str,
    toks: &[Token],
    found: &Found<'_>,
    link: &str,
    (next, stop): (usize, usize),
    (parts, object_is_place): (usize, bool),
    head_word: &str,
) -> bool {
    let body = found
        .starting(next)
        .is_some_and(|c| c.kind == EntityKind::Organization);
    let person = found
        .starting(next)
        .is_some_and(|c| c.kind == EntityKind::Person);
    match link {
        // a person after `of` is no part of a body's name: `the Scottish
        // Executive of Jack McConnell`
        "of" => !person,
        "for" | "on" => !body,
        "and" | "&" => {
            let last = lower_word(text, toks, found.low, stop - 1).unwrap_or("");
            let plural_head = super::words::is_org_head(last) && last.ends_with('s');
            let own_body = body
                || official_head(text, toks, found.low, stop - 1)
                || found
                    .starting(next)
                    .is_some_and(|c| c.kind == EntityKind::Place || c.b > stop);
            (parts > 0 || (link == "&" && stop == next + 1))
                && (!own_body || plural_head)
                && !(link == "&" && body)
        }
        "in" => {
            // a country read as its national side is still a place here
            parts >= 2
                && !object_is_place
                && found
                    .starting(next)
                    .is_some_and(|c| (c.kind == EntityKind::Place || c.team) && c.b == stop)
        }
        "at" => {
            parts >= 1
                && matches!(head_word, "University" | "College")
                && found
                    .starting(next)
                    .is_some_and(|c| c.kind == EntityKind::Place && c.b == stop)
        }
        _ => false,
    }
}

/// Where an official name from `i` to `end`, with its head at `head`,
/// starts: a country's letters or a nationality before a government's
/// generic body stay apart (`US` + `State Department`, `Iranian` +
/// `Foreign Ministry`).
fn official_start(
    text: &str,
    toks: &[Token],
    found: &Found<'_>,
    i: usize,
    head: usize,
    end: usize,
) -> Option<usize> {
    let head_word = word(text, toks, head)?;
    let mut start = i;
    if head > i {
        let prefix = found.at(i)?;
        // the rest after the first name is a government's generic body: a
        // ministry (`Ministry of Defence`), a word and a ministry (`Work
        // Ministry`), a portfolio's word and a government's body (`Federal
        // Police`), or the head alone
        // (`Parliament`)
        let rest = prefix.b;
        let government = one_of!(
            head_word,
            "Ministry"
                | "Department"
                | "Office"
                | "Secretariat"
                | "Police"
                | "Government"
                | "Parliament"
                | "Army"
                | "Navy"
                | "Court"
        );
        let generic = (rest == head && (government || end == head + 1))
            || (rest + 1 == head
                && end == head + 1
                && (matches!(head_word, "Ministry" | "Department")
                    || (government
                        && lower_word(text, toks, found.low, rest)
                            .is_some_and(super::words::is_dept_word))));
        // a country's or a body's letters: `US`, `UN`
        let letters = matches!(prefix.kind, EntityKind::Place | EntityKind::Organization)
            && toks[i].has(UPPER)
            && rest == i + 1;
        if rest < end
            && (letters || (generic && matches!(prefix.kind, EntityKind::Place | EntityKind::Name)))
        {
            start = rest;
        }
    }
    Some(start)
}

/// The most tokens an official name may run over.
const MAX_RUN_WORDS: usize = 16;

/// The small words a title keeps in lower case.
fn is_title_small_word(w: &str) -> bool {
    one_of!(
        w,
        "of" | "and"
            | "in"
            | "a"
            | "an"
            | "the"
            | "at"
            | "on"
            | "for"
            | "to"
            | "with"
            | "from"
            | "by"
            | "or"
    )
}

#[cfg(test)]
mod tests {
    use crate::highlight::EntityKind::{Name, Organization, Person, Place};
    use crate::highlight::tests::names;

    /// Whether `names(text)` has `name` whole, of `kind`.
    fn has(text: &str, name: &str, kind: crate::highlight::EntityKind) -> bool {
        names(text).iter().any(|&(n, k)| n == name && k == kind)
    }

    #[test]
    fn a_body_of_or_for_something_is_one_body() {
        for (text, name) in [
            (
                "Costs have risen since April, which the Confederation of British Industry \
                 says has hurt firms.",
                "Confederation of British Industry",
            ),
            (
                "A spokesperson for the Department for Business and Trade said the \
                 government would respond.",
                "Department for Business and Trade",
            ),
            (
                "The Board of Control for Cricket in India said a decision would follow.",
                "Board of Control for Cricket in India",
            ),
            (
                "Doses came through the International Coordinating Group on Vaccine \
                 Provision, a body of four agencies.",
                "International Coordinating Group on Vaccine Provision",
            ),
            (
                "It includes UNICEF and the International Federation of Red Cross and Red \
                 Crescent Societies.",
                "International Federation of Red Cross and Red Crescent Societies",
            ),
            (
                "The Africa Centres for Disease Control and Prevention has listed cholera \
                 as a threat.",
                "Africa Centres for Disease Control and Prevention",
            ),
            (
                "He studied with the Royal Society for the Protection of Birds for years.",
                "Royal Society for the Protection of Birds",
            ),
            (
                "She joined the University of Texas at Austin in 2019.",
                "University of Texas at Austin",
            ),
        ] {
            assert!(has(text, name, Organization), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn a_place_or_nationality_before_a_body_is_part_of_its_name() {
        for (text, name) in [
            (
                "The move came hours after the Swiss National Bank cut its main rate.",
                "Swiss National Bank",
            ),
            (
                "Fighting between the Sudanese Armed Forces and a militia went on.",
                "Sudanese Armed Forces",
            ),
            (
                "Jan Meulen, who chairs the Netherlands Space Office, said the vote was close.",
                "Netherlands Space Office",
            ),
            (
                "The board of the Southeastern Pennsylvania Transportation Authority voted \
                 on Thursday.",
                "Southeastern Pennsylvania Transportation Authority",
            ),
            (
                "The Greater Philadelphia Chamber of Commerce estimated the cost.",
                "Greater Philadelphia Chamber of Commerce",
            ),
            (
                "The bill passed the Pennsylvania House of Representatives in May.",
                "Pennsylvania House of Representatives",
            ),
        ] {
            assert!(has(text, name, Organization), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn a_country_before_a_generic_government_body_stays_apart() {
        let text = "Officials at the US State Department and the Iranian Foreign Ministry \
                    traded statements.";
        let found = names(text);
        assert!(found.contains(&("US", Place)), "{found:?}");
        assert!(
            found.contains(&("State Department", Organization)),
            "{found:?}"
        );
        assert!(
            found.contains(&("Foreign Ministry", Organization)),
            "{found:?}"
        );
        let text = "Support for the anti-EU Freedom Party rose again on Monday.";
        assert!(
            has(text, "Freedom Party", Organization),
            "{:?}",
            names(text)
        );
    }

    #[test]
    fn separate_bodies_after_and_for_or_in_stay_apart() {
        let text = "A poll by Clearview Research for the Meridian Post put Labour ahead.";
        assert!(
            !names(text).iter().any(|(n, _)| n.contains("Research for")),
            "{:?}",
            names(text)
        );
        let text = "The Bank of England and the Treasury met the Financial Conduct Authority.";
        assert!(
            has(text, "Bank of England", Organization),
            "{:?}",
            names(text)
        );
        let text = "Staff at the Ministry of Defence and Foreign Office were told on Friday.";
        assert!(
            !names(text).iter().any(|(n, _)| n.contains("Defence and")),
            "{:?}",
            names(text)
        );
        let text = "The Bank of England in London raised rates on Thursday.";
        assert!(
            has(text, "Bank of England", Organization),
            "{:?}",
            names(text)
        );
        assert!(has(text, "London", Place), "{:?}", names(text));
        let text = "The Council on Monday agreed to the plan.";
        assert!(
            !names(text).iter().any(|(n, _)| n.contains("Monday")),
            "{:?}",
            names(text)
        );
    }

    #[test]
    fn a_title_after_a_body_is_not_part_of_its_name() {
        for text in [
            "Home Office Minister Hazel Blears spoke on Monday.",
            "Former Metropolitan Police Commissioner Sir John Stevens backed it.",
            "The son of a Church of Scotland Minister in Fife, he went south.",
            "The Argentine Work Ministry has been mediating.",
        ] {
            assert!(
                !names(text).iter().any(|(n, _)| n.ends_with("Minister")
                    || n.ends_with("Commissioner")
                    || n.starts_with("Argentine ")),
                "{text}: {:?}",
                names(text)
            );
        }
    }

    #[test]
    fn headlines_in_capitals_are_not_read_as_official_names() {
        let text = "BANK OF ENGLAND FOR BRITAIN\n\nThe rate was cut by the Bank of England.";
        assert!(
            !names(text).iter().any(|(n, _)| n.contains("FOR BRITAIN")),
            "{:?}",
            names(text)
        );
    }

    #[test]
    fn a_name_spelt_out_before_its_letters_is_one_body() {
        let text = "The drug was approved by the National Institute for Health and Care \
                    Excellence (NICE) and the Medicines and Healthcare products Regulatory \
                    Agency (MHRA) last year.";
        assert_eq!(
            names(text),
            [
                (
                    "National Institute for Health and Care Excellence",
                    Organization
                ),
                ("NICE", Organization),
                (
                    "Medicines and Healthcare products Regulatory Agency",
                    Organization
                ),
                ("MHRA", Organization),
            ]
        );
    }

    #[test]
    fn letters_that_do_not_spell_the_words_before_join_nothing() {
        let found = names("He met Kiran Desai (NICE) and Paul Smith (BBC) later.");
        assert!(found.contains(&("Kiran Desai", Person)), "{found:?}");
        assert!(found.contains(&("Paul Smith", Person)), "{found:?}");
    }

    #[test]
    fn towns_joined_by_hyphens_are_one_place() {
        let found = names("She is the MP for Ashton-under-Lyne and grew up in Aix-en-Provence.");
        assert_eq!(
            found,
            [("Ashton-under-Lyne", Place), ("Aix-en-Provence", Place)]
        );
        // two names joined by a hyphen stay two
        assert_eq!(
            names("The Israel-Iran talks resumed."),
            [("Israel", Place), ("Iran", Place)]
        );
    }

    #[test]
    fn peoples_inside_a_name_is_no_possessive() {
        let text = "The National People's Congress met while the People's Liberation Army drilled.";
        assert_eq!(
            names(text),
            [
                ("National People's Congress", Organization),
                ("People's Liberation Army", Organization),
            ]
        );
        // wire copy writes the ending apart
        let text = "Delegates to the National People 's Congress arrived .";
        assert_eq!(names(text), [("National People 's Congress", Organization)]);
    }

    #[test]
    fn a_possessive_before_a_body_word_is_inside_the_name() {
        let text = "On Monday night Ellison’s Bakery closed, where the opposition People’s \
                    Party holds a majority, and Sainsbury's Bank agreed.";
        assert_eq!(
            names(text),
            [
                ("Ellison’s Bakery", Organization),
                ("People’s Party", Organization),
                ("Sainsbury's Bank", Organization),
            ]
        );
        // a known person's possessive, or one before a longer name
        let text = "Tony Blair spoke before Blair's Cabinet met, and Britain's Labour Party won.";
        assert_eq!(
            names(text),
            [
                ("Tony Blair", Person),
                ("Blair", Person),
                ("Britain", Place),
                ("Labour Party", Organization),
            ]
        );
    }

    #[test]
    fn names_side_by_side_before_index_are_one_index() {
        let text = "Shares rose, lifting the FTSE MIB index 0.8%, while the MSCI Asia Pacific \
                    index fell and the US Nasdaq index was flat.";
        assert_eq!(
            names(text),
            [
                ("FTSE MIB", Name),
                ("MSCI Asia Pacific", Name),
                ("US", Place),
                ("Nasdaq", Name),
            ]
        );
    }

    #[test]
    fn a_title_after_its_author_is_a_work() {
        let text = "The shortlist included Kiran Desai’s The Loneliness of Sonia and Sunny, \
                    and Andrew Miller's The Land in Winter.";
        assert_eq!(
            names(text),
            [
                ("Kiran Desai", Person),
                ("The Loneliness of Sonia and Sunny", Name),
                ("Andrew Miller", Person),
                ("The Land in Winter", Name),
            ]
        );
    }

    #[test]
    fn a_title_after_the_noun_for_its_kind_is_a_work() {
        let text = "Adrien Brody won for the film The Brutalist, and fans queued for the \
                    novel Harry Potter and the Half-Blood Prince. Her debut album Flow sold \
                    well, but the film Sean Baker made next has no title yet.";
        assert_eq!(
            names(text),
            [
                ("Adrien Brody", Person),
                ("The Brutalist", Name),
                ("Harry Potter and the Half-Blood Prince", Name),
                ("Flow", Name),
                ("Sean Baker", Person),
            ]
        );
    }

    #[test]
    fn a_title_in_quotation_marks_is_a_work() {
        let text = "The BBC showed a documentary called ‘No More Mr Nasty’ on Sunday. \
                    “We did it,” Tessa Jowell said, and the cinema played “Hotel \
                    Rwanda”.";
        assert_eq!(
            names(text),
            [
                ("BBC", Organization),
                ("No More Mr Nasty", Name),
                ("Tessa Jowell", Person),
                ("Hotel Rwanda", Name),
            ]
        );
    }

    #[test]
    fn a_body_for_one_nation_of_the_kingdom_is_one_name() {
        let text = "Principals from Universities Scotland met NHS England officials, \
                    while Harry Kane and England fans waited. NHS England agreed.";
        assert_eq!(
            names(text),
            [
                ("Universities Scotland", Organization),
                ("NHS England", Organization),
                ("Harry Kane", Person),
                ("England", Place),
                ("NHS England", Organization),
            ]
        );
    }

    #[test]
    fn members_and_their_apostrophe_start_a_body() {
        let text = "Critics at the Consumers’ Association in Stockholm and the National \
                    Farmers' Union objected, as did Taylor Swift’s The Life of a Showgirl.";
        assert_eq!(
            names(text),
            [
                ("Consumers’ Association", Organization),
                ("Stockholm", Place),
                ("National Farmers' Union", Organization),
                ("Taylor Swift", Person),
                ("The Life of a Showgirl", Name),
            ]
        );
    }

    #[test]
    fn a_verb_like_work_noun_needs_a_word_before_it() {
        let text = "Arsenal will play Chelsea on the day fans book Ryanair flights, while \
                    the game Minecraft outsold the new show The Bear.";
        assert_eq!(
            names(text),
            [
                ("Arsenal", Organization),
                ("Chelsea", Organization),
                ("Ryanair", Organization),
                ("Minecraft", Name),
                ("The Bear", Name),
            ]
        );
    }

    #[test]
    fn bodies_sharing_a_last_word_and_compass_regions_join() {
        let text = "Money comes from the West of England Combined Authority, and Avon and \
                    Somerset Police agreed.";
        assert_eq!(
            names(text),
            [
                ("West of England Combined Authority", Organization),
                ("Avon and Somerset Police", Organization),
            ]
        );
    }
}
