//! Names: runs of capitalised words, cut into titles, gazetteer entries and
//! unknown names, each given a kind; then made consistent across the article.

// Token indices are named i, j, k, p, q, r as in the rules they implement.
#![allow(clippy::many_single_char_names)]

use super::EntityKind;
use super::lexicon::{Entry, LEXICON, Lexicon, Listed, Map, Source, case_fits, push_key};
use super::token::{
    CAPS_LINE, COLUMN, DOTTED, HEADLINE, HYPHEN_PREV, INITIAL, Kind, LINE_START, LOWER, SMALL,
    SPACE, TABLE_LINE, Token, UPPER, is_hyphen,
};
use super::words::{
    Lowered, is_capitalised_match_noun, is_compass_point, is_dept_word, is_event_head,
    is_hyphen_particle, is_not_a_name_acronym, is_org_head, is_org_head_first, is_org_prefix,
    is_particle, is_party_noun, is_place_adjective, is_place_feature, is_place_head,
    is_place_head_first, is_place_lead, is_place_prefix, is_place_preposition, is_political_word,
    is_post_nominal, is_ship_prefix, is_stopword, is_title_head, is_trade_head, is_word_prefix,
    one_of, org_cue_after, org_cue_before, org_cue_before_of, person_cue_after_possessive,
    person_cue_before, place_cue_after, place_cue_before_of, takes_of,
};

/// The most tokens a run of name words may have (words, hyphens, periods).
const MAX_RUN: usize = 24;

/// How sure a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Strength {
    /// Only a name if the article shows it elsewhere (a capital that proves
    /// nothing: sentence start, headline).
    Pending,
    /// A name by its shape; the kind is a guess the article may correct.
    Weak,
    /// A name and kind from a list, a title, a given name or a head word.
    Strong,
}

/// A name over tokens `a..b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // four marks, each read by its own pass
pub(crate) struct Cand {
    pub a: usize,
    pub b: usize,
    pub kind: EntityKind,
    pub strength: Strength,
    /// A one-word list entry (a town, a body) that is a person's surname
    /// when the article names that person in full.
    pub yields: bool,
    /// What the words around this mention make it, if anything.
    pub cue: Option<EntityKind>,
    /// An unknown word whose capital proves nothing (a sentence start):
    /// an ordinary word if the article also writes it in lower case.
    pub lower_test: bool,
    /// A town's or a country's name that stands for its sports side here
    /// (`beat Charlton`, `England captain`): the side wherever the article
    /// names it alone.
    pub team: bool,
    /// A place only because a town of that name is listed (`towns.txt`):
    /// no evidence for the names listed with it.
    pub town: bool,
}

impl Cand {
    /// A name whose extent and kind are settled, with nothing else to say.
    pub(crate) fn strong(a: usize, b: usize, kind: EntityKind) -> Self {
        Self {
            a,
            b,
            kind,
            strength: Strength::Strong,
            yields: false,
            cue: None,
            lower_test: false,
            team: false,
            town: false,
        }
    }
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    /// Each token in lower case.
    low: &'a Lowered<'a>,
    used: &'a [bool],
    /// Tokens inside a date.
    dates: &'a [bool],
    lex: &'static Lexicon,
    /// The longest gazetteer entry starting at each token.
    gaz: Vec<Option<(usize, &'static Entry)>>,
    buf: String,
    out: Vec<Cand>,
    /// Set by `unknown_extent` when the name it found ends with a city
    /// and is a club (`Nordhafen Hamburg`).
    club_end: Option<usize>,
    /// Tokens on lines of match results: two or more names each followed by
    /// a score.
    score_line: Vec<bool>,
    /// Per token, [`Ctx::is_cap`]: worked out once, as the rules ask it of
    /// the same tokens many times.
    caps: Vec<bool>,
}

/// Find the names in `text` (tokens already scanned for numbers, which are
/// marked in `used`).
pub(crate) fn scan(
    text: &str,
    toks: &[Token],
    low: &Lowered<'_>,
    used: &[bool],
    dates: &[bool],
) -> Vec<Cand> {
    let lex: &'static Lexicon = &LEXICON;
    let mut cx = Ctx {
        text,
        toks,
        low,
        used,
        dates,
        lex,
        gaz: Vec::new(),
        buf: String::new(),
        out: Vec::new(),
        club_end: None,
        score_line: score_lines(toks),
        caps: Vec::new(),
    };
    cx.caps = (0..toks.len()).map(|i| cx.capital_here(i)).collect();
    cx.find_gazetteer();
    let mut i = 0;
    while i < toks.len() {
        if cx.starts_name(i) {
            let end = cx.run_end(i);
            if !cx.opening_function_word(i, end) {
                cx.process_run(i, end);
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    let mut out = std::mem::take(&mut cx.out);
    lower_evidence(text, toks, &mut out);
    coordinated_names(text, toks, &cx, &mut out);
    resolve(text, toks, low, out)
}

/// `Residents of Karşıyaka and Bayraklı`, `in Troms and Finnmark`, `the
/// Biankouma and Lauzoua regions`: names joined by commas, `and` or `or`
/// are of one kind, so a word no list knows, which nothing around it
/// settles, is a place in a list whose other names are places, and a body
/// in a list of bodies.
fn coordinated_names(text: &str, toks: &[Token], cx: &Ctx<'_>, cands: &mut [Cand]) {
    let joins = |a: usize, b: usize| match &toks[a..b] {
        [x] => matches!(x.text(text), "," | "and" | "or"),
        [x, y] => x.is_punct(',') && matches!(y.text(text), "and" | "or"),
        _ => false,
    };
    let open = |c: &Cand| {
        c.b == c.a + 1
            && c.cue.is_none()
            && matches!(c.kind, EntityKind::Person | EntityKind::Name)
            && matches!(c.strength, Strength::Weak | Strength::Pending)
            && !cx.is_first_name(c.a)
            && !cx.is_common(c.a)
            && !cx.has(c.a, UPPER)
    };
    let mut start = 0;
    while start < cands.len() {
        let mut end = start + 1;
        while end < cands.len()
            && cands[end - 1].b < cands[end].a
            && joins(cands[end - 1].b, cands[end].a)
        {
            end += 1;
        }
        // a list ends with `and` or `or` (`Nationwide, Spain's` is none)
        let listed = end - start >= 2 && {
            let (x, y) = (cands[end - 2].b, cands[end - 1].a);
            toks[x..y]
                .iter()
                .any(|t| matches!(t.text(text), "and" | "or"))
        };
        if !listed {
            start = end;
            continue;
        }
        let group = &cands[start..end];
        let of = |kind: EntityKind| group.iter().filter(|c| c.kind == kind && !c.town).count();
        let (places, bodies) = (of(EntityKind::Place), of(EntityKind::Organization));
        let opened = group.iter().filter(|c| open(c)).count();
        // a list of places; or of three bodies or more, two of them known
        // (`Vietnam Airlines, Vietjet and Bamboo Airways`: `Arsenal and
        // Wenger` is none)
        // `the Itaipú and Yacyretá dams`, `the Najdi and Shazri grades`:
        // what the names are, in the plural after them
        let after = toks
            .get(cands[end - 1].b)
            .filter(|t| t.has(LOWER) && t.has(SPACE));
        let plural = after.map_or("", |t| t.text(text));
        // a listed town is a place, but no evidence for the others
        let towns = group
            .iter()
            .filter(|c| c.kind == EntityKind::Place && c.town)
            .count();
        // names only the towns' list knows, with unknown ones: what most
        // of them are (`Nkana and Luanshya` places, `Nyberg, Horvat and
        // Cardoso` people)
        let by_towns = places == 0 && towns > 0 && towns + opened == group.len();
        if by_towns && towns < opened {
            for c in &mut cands[start..end] {
                if c.town {
                    c.kind = EntityKind::Person;
                    c.town = false;
                }
            }
            start = end;
            continue;
        }
        let kind = if (by_towns || places > 0 || is_plural_site(plural))
            && places + towns + opened == group.len()
        {
            Some(EntityKind::Place)
        } else if matches!(plural, "brands" | "grades" | "varieties") && opened == group.len() {
            Some(EntityKind::Name)
        } else if group.len() >= 3 && bodies >= 2 && bodies + opened == group.len() {
            Some(EntityKind::Organization)
        } else {
            None
        };
        if let Some(kind) = kind.filter(|_| opened > 0) {
            for c in &mut cands[start..end] {
                if open(c) {
                    c.kind = kind;
                    c.cue = Some(kind);
                }
            }
        }
        start = end;
    }
}

/// Sites in the plural after a list of their names: `the Rössing, Husab
/// and Tumas mines`, `the Omdel and Kuiseb aquifers`.
fn is_plural_site(w: &str) -> bool {
    one_of!(
        w,
        "mines"
            | "dams"
            | "aquifers"
            | "fields"
            | "oilfields"
            | "gasfields"
            | "rivers"
            | "lakes"
            | "islands"
            | "valleys"
            | "mountains"
            | "provinces"
            | "districts"
            | "villages"
            | "towns"
            | "ports"
            | "wetlands"
            | "reservoirs"
            | "glaciers"
            | "basins"
            | "canals"
            | "deposits"
            | "municipalities"
            | "counties"
            | "regions"
    )
}

/// Sentence-start words the article also writes in lower case (`Handsets`
/// beside `handset`) prove nothing by their capital: they become pending.
fn lower_evidence(text: &str, toks: &[Token], cands: &mut [Cand]) {
    let tested: Vec<(usize, &str)> = cands
        .iter()
        .enumerate()
        .filter(|(_, c)| c.lower_test)
        .map(|(i, c)| (i, toks[c.a].text(text)))
        .collect();
    if tested.is_empty() {
        return;
    }
    // The same word: the same letters but for ASCII case, or one more
    // final `s` on either side (`Handsets` beside `handset`).
    let same = |word: &[u8], low: &[u8]| {
        let plural = |long: &[u8], short: &[u8]| {
            long.len() == short.len() + 1
                && long.last() == Some(&b's')
                && long[..short.len()].eq_ignore_ascii_case(short)
        };
        word.eq_ignore_ascii_case(low) || plural(word, low) || plural(low, word)
    };
    // Most words can be passed over by their length and first two letters
    // (a bit each in a small set) before they are compared.
    let sig = |b0: u8, b1: u8, len: usize| {
        (usize::from(b0.to_ascii_lowercase()) * 31 + usize::from(b1.to_ascii_lowercase())) * 7 + len
    };
    let mut seen = [0u64; 16];
    let mut note = |k: usize| seen[(k >> 6) & 15] |= 1 << (k & 63);
    for &(_, word) in &tested {
        let w = word.as_bytes();
        let (Some(&b0), n) = (w.first(), w.len()) else {
            continue;
        };
        let b1 = w.get(1).copied().unwrap_or(0);
        note(sig(b0, b1, n));
        // with a final `s` more, or less
        note(sig(b0, if n == 1 { b's' } else { b1 }, n + 1));
        if n >= 2 && w.ends_with(b"s") {
            note(sig(b0, if n == 2 { 0 } else { b1 }, n - 1));
        }
    }
    let passes = |w: &[u8]| {
        let k = sig(
            w.first().copied().unwrap_or(0),
            w.get(1).copied().unwrap_or(0),
            w.len(),
        );
        seen[(k >> 6) & 15] & (1 << (k & 63)) != 0
    };
    let mut found = vec![false; tested.len()];
    let bytes = text.as_bytes();
    for t in toks {
        if t.flags & LOWER == 0 || t.kind != Kind::Word {
            continue;
        }
        let Some(low) = bytes.get(t.start..t.end) else {
            continue;
        };
        if !passes(low) {
            continue;
        }
        for (slot, &(_, word)) in found.iter_mut().zip(&tested) {
            if !*slot && same(word.as_bytes(), low) {
                *slot = true;
            }
        }
    }
    for (&(i, _), hit) in tested.iter().zip(found) {
        if hit {
            cands[i].strength = Strength::Pending;
        }
    }
}

impl<'a> Ctx<'a> {
    fn word(&self, i: usize) -> &'a str {
        self.low.text(i)
    }

    fn is_free(&self, i: usize) -> bool {
        self.used.get(i).is_some_and(|u| !u)
    }

    /// A number at `i` that is not part of a date (a score, a count).
    fn is_score(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Num)
            && !self.dates.get(i).copied().unwrap_or(false)
    }

    /// A free token, capitalised as a name's word is (not `Don't`, not the
    /// unit in `40GB`).
    fn is_cap(&self, i: usize) -> bool {
        self.caps.get(i).copied().unwrap_or(false)
    }

    /// [`Ctx::is_cap`], worked out.
    fn capital_here(&self, i: usize) -> bool {
        self.is_free(i)
            && self.toks.get(i).is_some_and(Token::is_capitalised)
            && !self.negated(i)
            && !self.unit_after_number(i)
    }

    /// A word glued to the number before it is its unit: `40GB`, `7.2MB`.
    fn unit_after_number(&self, i: usize) -> bool {
        i > 0 && !self.has(i, SPACE) && self.toks[i - 1].kind == Kind::Num
    }

    /// A word with a negative contraction after it: `Aren't`, `Don't`.
    fn negated(&self, i: usize) -> bool {
        let end = self.toks[i].end;
        let rest = self.text.as_bytes().get(end..).unwrap_or(&[]);
        let ([b'\'', b't' | b'T', after @ ..] | [0xE2, 0x80, 0x99, b't' | b'T', after @ ..]) = rest
        else {
            return false;
        };
        after.first().is_none_or(|b| !b.is_ascii_alphanumeric())
    }

    fn has(&self, i: usize, flag: u16) -> bool {
        self.toks.get(i).is_some_and(|t| t.has(flag))
    }

    fn lower_is(&self, i: usize, f: impl Fn(&str) -> bool) -> bool {
        if !self.toks.get(i).is_some_and(Token::is_word) {
            return false;
        }
        self.low(i).is_some_and(f)
    }

    /// Is token `i` a common lower-case English word ([`Lexicon::is_common`])?
    fn is_common(&self, i: usize) -> bool {
        self.listed(i).common()
    }

    /// Is token `i` a known given name ([`Lexicon::is_first_name`])?
    fn is_first_name(&self, i: usize) -> bool {
        self.listed(i).first_name()
    }

    /// What the lexicon holds of token `i` (see [`Lowered::listed`]).
    fn listed(&self, i: usize) -> Listed {
        self.low.listed(i)
    }

    /// Are the tokens from `a` to `b` (not included) a town's name that no
    /// other list has (`Sigulda`, `Flin Flon`)?
    fn is_town(&self, a: usize, b: usize) -> bool {
        // one word in ASCII: its lower case is its key, kept already
        if b == a + 1
            && self.low.text(a).is_ascii()
            && let Some(key) = self.low(a)
        {
            return self.lex.is_town_key(key);
        }
        let mut key = String::new();
        push_span_key(self.text, self.toks, a, b, &mut key);
        self.lex.is_town_key(&key)
    }

    /// Token `i` in lower case (see [`Lowered::get`]).
    fn low(&self, i: usize) -> Option<&str> {
        self.low.get(i)
    }

    /// A bare hyphen at `i` joining two words.
    fn bare_hyphen(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(c) if is_hyphen(c)) && !t.has(SPACE))
            && self.has(i + 1, HYPHEN_PREV)
    }

    /// A lower-case particle that starts a name with a hyphen: `al-Qaeda`.
    fn particle_start(&self, i: usize) -> bool {
        self.bare_hyphen(i + 1)
            && self.is_cap(i + 2)
            && self.is_free(i)
            && self.lower_is(i, is_hyphen_particle)
    }

    /// A run that is one function word capitalised only because it opens
    /// a sentence (`The`, `But`, `In`), no list's entry: the commonest run
    /// of all, and never a name, so no rule is tried on it.
    fn opening_function_word(&self, i: usize, end: usize) -> bool {
        end == i + 1
            && self.has(i, INITIAL)
            && !self.has(i, UPPER | DOTTED)
            && self.gaz.get(i).copied().flatten().is_none()
            && self.lower_is(i, is_stopword)
    }

    fn starts_name(&self, i: usize) -> bool {
        self.is_cap(i) || self.particle_start(i)
    }

    fn find_gazetteer(&mut self) {
        let mut gaz = vec![None; self.toks.len()];
        let lex: &'static Lexicon = self.lex;
        for (i, slot) in gaz.iter_mut().enumerate() {
            let t = self.toks[i];
            if !self.is_free(i) || t.kind != Kind::Word {
                continue;
            }
            let s = t.text(self.text);
            let candidate = t.is_capitalised()
                || (!t.has(SMALL) && s.chars().skip(1).any(char::is_uppercase))
                || self.particle_start(i);
            if !candidate {
                continue;
            }
            let (text, toks, used) = (self.text, self.toks, self.used);
            let max = self.listed(i).gazetteer;
            *slot = lex.gazetteer.longest_known(
                text,
                toks,
                i,
                toks.len(),
                max,
                &mut self.buf,
                |e, n| {
                    used.get(i..i + n).is_some_and(|u| u.iter().all(|x| !x))
                        && case_fits(text, toks, i, &e.words)
                        && !(n == 1 && s.chars().count() == 1)
                },
            );
        }
        self.gaz = gaz;
    }

    /// The end (exclusive) of the run of name-like tokens starting at `i`.
    fn run_end(&self, i: usize) -> usize {
        let mut end = i + 1;
        if let Some(Some((n, _))) = self.gaz.get(i) {
            end = end.max(i + n);
        }
        loop {
            let k = end;
            let Some(t) = self.toks.get(k) else { break };
            // no name is this long; the cap keeps every rule below linear
            if k - i >= MAX_RUN || t.has(LINE_START | COLUMN) || !self.is_free(k) {
                break;
            }
            let step = match t.kind {
                Kind::Punct(c) if is_hyphen(c) && !t.has(SPACE) => {
                    if self.has(k + 1, HYPHEN_PREV)
                        && (self.is_cap(k + 1)
                            || self.particle_start(k + 1)
                            || self.korean_syllable(k - 1, k + 1))
                    {
                        Some(k + 1)
                    } else {
                        None
                    }
                }
                Kind::Punct('.') if !t.has(SPACE) => {
                    let prev = self.word(k - 1);
                    let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
                    let abbrev = super::token::is_name_abbreviation(prev);
                    // "P. van Rensburg", "K. de Alwis": a particle may
                    // follow an initial; a function word opens the next
                    // sentence ("Group C. The")
                    let opens = |w: &str| {
                        one_of!(
                            w,
                            "the"
                                | "a"
                                | "an"
                                | "it"
                                | "he"
                                | "she"
                                | "they"
                                | "we"
                                | "this"
                                | "there"
                                | "in"
                                | "but"
                                | "and"
                                | "each"
                                | "its"
                                | "his"
                                | "her"
                                | "their"
                                | "after"
                                | "when"
                                | "while"
                                | "at"
                                | "on"
                                | "for"
                                | "of"
                                | "to"
                        )
                    };
                    let next = (self.is_cap(k + 1) && !self.lower_is(k + 1, opens))
                        || (initial
                            && (self.surname_particle(k + 1)
                                || self.lower_is(k + 1, |w| {
                                    matches!(w, "de" | "du" | "di" | "del" | "della" | "le")
                                }))
                            && self.connector_end(k + 1).is_some());
                    if (initial || abbrev)
                        && next
                        && self.has(k + 1, SPACE)
                        && !self.has(k + 1, LINE_START)
                    {
                        Some(k + 1)
                    } else {
                        None
                    }
                }
                Kind::Punct('&') => {
                    (self.is_cap(k + 1) && !self.has(k + 1, LINE_START)).then_some(k + 1)
                }
                Kind::Punct(',') if !t.has(SPACE) => self.portfolio_comma(k),
                Kind::Punct('\'' | '\u{2019}') | Kind::Poss if !t.has(SPACE) => {
                    self.possessive_inside(k).then_some(k)
                }
                Kind::Word if t.is_capitalised() => Some(k),
                Kind::Word => self.connector_end(k),
                _ => None,
            };
            let Some(last) = step else { break };
            end = last + 1;
            if let Some(Some((n, _))) = self.gaz.get(last) {
                end = end.max(last + n);
            }
        }
        end
    }

    /// `Australian Workers' Union`, `St John's Research Institute`: at `k`,
    /// an apostrophe inside a body's name, after a common noun in the
    /// plural or a saint's name, before capitalised words ending in a
    /// body's head word (`Britain's Labour Party` is two names).
    fn possessive_inside(&self, k: usize) -> bool {
        if k == 0 || !self.is_cap(k + 1) || !self.has(k + 1, SPACE) {
            return false;
        }
        let plural = self.toks[k].kind != Kind::Poss
            && self.word(k - 1).ends_with('s')
            && self.is_common(k - 1);
        let saint = self.toks[k].kind == Kind::Poss
            && k >= 2
            && matches!(self.word(k - 2), "St" | "St." | "Saint");
        // "Women's World Cup", "Cambodian People's Party": a plural that
        // takes `'s`, inside a body's or an event's name
        let people = self.toks[k].kind == Kind::Poss
            && self.is_cap(k - 1)
            && self.lower_is(k - 1, |w| {
                one_of!(
                    w,
                    "women"
                        | "men"
                        | "people"
                        | "children"
                        | "seamen"
                        | "fishermen"
                        | "firemen"
                        | "policemen"
                        | "servicemen"
                )
            });
        if !(plural || saint || people) {
            return false;
        }
        let mut m = k + 1;
        while m < k + 4 && self.is_cap(m) && self.has(m, SPACE) && !self.has(m, LINE_START) {
            if self.lower_is(m, |w| is_org_head(w) || (people && is_event_head(w))) {
                return true;
            }
            m += 1;
        }
        false
    }

    /// Are the words `p..r` capitalised names (not "In", not a common word
    /// at a sentence start)?
    fn plain_name_words(&self, p: usize, r: usize) -> bool {
        (p..r).all(|k| {
            let t = self.toks[k];
            !t.is_word()
                || (t.is_capitalised()
                    && !self.lower_is(k, is_stopword)
                    && !(self.risky(k) && self.is_common(k)))
        })
    }

    /// Words from `p` to `r` that may come before a body's listed head
    /// word as more of its name: plain name words, or at a sentence start
    /// (`The Federal Trade Commission said`, `Federal Trade Commission
    /// officials said`) an article, then a capitalised ordinary word, when
    /// a word after it is capitalised where a capital means a name.
    fn words_before_body(&self, p: usize, r: usize) -> bool {
        if self.plain_name_words(p, r) {
            return true;
        }
        let q = if self.risky(p) && self.lower_is(p, |w| matches!(w, "the" | "a" | "an")) {
            p + 1
        } else {
            p
        };
        if q > p && q < r && self.plain_name_words(q, r) {
            return true;
        }
        q + 1 < r
            && self.risky(q)
            && self.toks[q].is_word()
            && self.toks[q].is_capitalised()
            && !self.lower_is(q, is_stopword)
            && self.plain_name_words(q + 1, r)
    }

    /// The first third-person pronoun in the few words after `k`, in the
    /// same sentence and before another name: `its` for a body, `his`,
    /// `her` for a person.
    fn pronoun_after(&self, k: usize) -> Option<EntityKind> {
        for j in k..(k + 4).min(self.toks.len()) {
            let t = self.toks[j];
            if t.is_punct('.') || t.is_punct('"') || t.is_punct('\u{201c}') || t.is_capitalised() {
                break;
            }
            if t.is_word() && t.has(LOWER) {
                match self.low(j).unwrap_or("") {
                    "its" => return Some(EntityKind::Organization),
                    "his" | "her" | "he" | "she" | "himself" | "herself" => {
                        return Some(EntityKind::Person);
                    }
                    _ => {}
                }
            }
        }
        None
    }

    /// `Soo-min`, `Jae-in`, `Teng-hui`: the second syllable of a Korean or
    /// Chinese given name.
    fn korean_syllable(&self, before: usize, k: usize) -> bool {
        self.is_cap(before)
            && self.word(before).len() <= 5
            && self.is_free(k)
            && matches!(
                self.word(k),
                "min"
                    | "in"
                    | "ho"
                    | "hee"
                    | "jin"
                    | "jun"
                    | "woo"
                    | "soo"
                    | "hyun"
                    | "young"
                    | "seok"
                    | "won"
                    | "kyu"
                    | "hoon"
                    | "sik"
                    | "su"
                    | "ae"
                    | "ok"
                    | "ja"
                    | "suk"
                    | "mi"
                    | "yeon"
                    | "gyu"
                    | "chul"
                    | "yong"
                    | "sung"
                    | "tae"
                    | "hwa"
                    | "jae"
                    | "il"
                    | "bin"
                    | "yun"
                    | "eun"
                    | "ji"
                    | "hye"
                    | "kyung"
                    | "seung"
                    | "hak"
                    | "un"
                    | "moon"
                    | "hwan"
                    | "hyuk"
                    | "wook"
                    | "jung"
                    | "myung"
                    | "hae"
                    | "geun"
                    | "dae"
                    | "joong"
                    | "gwan"
                    // Chinese names in the older spellings: "Lee Teng-hui",
                    // "Chiang Kai-shek", "Tsai Ing-wen"
                    | "hui"
                    | "shek"
                    | "bian"
                    | "jeou"
                    | "wen"
                    | "sen"
                    | "tung"
                    | "lai"
                    | "ping"
                    | "ming"
                    | "hsien"
                    | "kuo"
            )
    }

    /// Lower-case words inside a run: particles before a capital, `of`
    /// (and `of the`) after a word that takes it. Returns the capital's index.
    fn connector_end(&self, k: usize) -> Option<usize> {
        let w = self.low(k)?;
        if is_particle(w) {
            let mut m = k + 1;
            while self.is_free(m) && self.lower_is(m, is_particle) && !self.has(m, LINE_START) {
                m += 1;
            }
            if self.is_cap(m) && self.has(m, SPACE) && !self.has(m, LINE_START) {
                return Some(m);
            }
        }
        if is_hyphen_particle(w) && self.bare_hyphen(k + 1) && self.is_cap(k + 2) {
            return Some(k + 2);
        }
        // (not after letters: "DMB for Digital Multimedia Broadcasting")
        if (w == "and" || (w == "for" && !self.has(k.saturating_sub(1), UPPER)))
            && let Some(m) = self.and_end(k)
        {
            return Some(m);
        }
        // "Committee to Protect Journalists", "Campaign to End Hunger"
        if w == "to"
            && k > 0
            && self.is_cap(k - 1)
            && self.lower_is(k - 1, is_org_head)
            && self.is_cap(k + 1)
            && self.is_cap(k + 2)
            && !self.has(k + 1, LINE_START)
            && (k + 1..k + 3).all(|m| !self.gaz_covers(m) && !self.risky(m))
        {
            return Some(k + 1);
        }
        // "Joint Committee on Intelligence and Security", "Center on
        // Poverty and Inequality": a body on its subject
        if w == "on"
            && k > 0
            && self.is_cap(k - 1)
            && self.lower_is(k - 1, takes_on)
            && self.is_cap(k + 1)
            && !self.has(k + 1, LINE_START)
            && !self.risky(k + 1)
            && !self.gaz_covers(k + 1)
        {
            // "... on Intelligence and Security": two subjects
            let two = self.lower_is(k + 2, |x| x == "and")
                && self.is_cap(k + 3)
                && !self.has(k + 3, LINE_START)
                && !self.gaz_covers(k + 3);
            return Some(if two { k + 3 } else { k + 1 });
        }
        // "Whitbread Book of the Year", "Player of the Year Award"
        if w == "of"
            && k > 0
            && self.is_cap(k - 1)
            && self.lower_is(k + 1, |x| x == "the")
            && self.word(k + 2) == "Year"
            && !self.has(k + 2, LINE_START)
        {
            return Some(k + 2);
        }
        // "Kempen and Co", "Smith and Sons"
        if w == "and"
            && k > 0
            && self.is_cap(k - 1)
            && self.is_cap(k + 1)
            && matches!(
                self.word(k + 1),
                "Co" | "Company" | "Sons" | "Partners" | "Associates" | "Co."
            )
        {
            return Some(k + 1);
        }
        if w == "of"
            && let Some(m) = self.subject_of(k)
        {
            return Some(m);
        }
        // "World of Warcraft", "Call of Duty": an ordinary word, then `of`;
        // not a plural opening a sentence ("Results of Major League
        // Baseball games", "Shares of Acme rose")
        let plural_opening = self.has(k.saturating_sub(1), INITIAL)
            && self.lower_is(k.saturating_sub(1), |x| x.len() > 3 && x.ends_with('s'));
        if w == "of"
            && k > 0
            && self.is_cap(k - 1)
            && self.is_common(k - 1)
            && !plural_opening
            && !self.lower_is(k - 1, |x| is_title_head(x) || is_stopword(x))
        {
            let mut m = k + 1;
            if self.lower_is(m, |x| x == "the") && !self.has(m, LINE_START) {
                m += 1;
            }
            if self.is_cap(m)
                && !self.has(m, LINE_START)
                && self.gaz.get(m).copied().flatten().is_none()
            {
                return Some(m);
            }
        }
        self.of_end(w, k)
    }

    /// `of` (or `for` after a body) after a word that takes it:
    /// "University of Oxford", "Commission for Africa". Returns the capital
    /// after it (and after `the`).
    fn of_end(&self, w: &str, k: usize) -> Option<usize> {
        // `for the` only before a subject named with `of`
        let for_after_org = w == "for"
            && k > 0
            && self.lower_is(k - 1, is_org_head)
            && (!self.lower_is(k + 1, |x| x == "the") || self.the_subject(k + 1));
        if (w == "of" || for_after_org)
            && k > 0
            && self.lower_is(k - 1, takes_of)
            && self.is_cap(k - 1)
        {
            let mut m = k + 1;
            if self.lower_is(m, |x| x == "the") && !self.has(m, LINE_START) {
                m += 1;
            }
            // "the Scottish Executive of Jack McConnell": a person's full
            // name is not what a body is of
            let person = m == k + 1 && !self.lower_is(k - 1, is_org_prefix) && self.full_name_at(m);
            // "Bharat Biotech of India": a firm, then where it is from
            let home = self.lower_is(k - 1, is_trade_head)
                && self
                    .gaz_at(m, self.toks.len())
                    .is_some_and(|(_, g)| g.source == Source::Country);
            if self.is_cap(m) && !self.has(m, LINE_START) && !person && !home {
                return Some(m);
            }
        }
        None
    }

    /// A listed given name and a capital after it at `m`: a person's full
    /// name, which no body is named of (`the Scottish Executive of Jack
    /// McConnell`), unless a place's or body's head word follows it.
    fn full_name_at(&self, m: usize) -> bool {
        self.is_cap(m)
            && self.is_first_name(m)
            && self.gaz_at(m, m + 1).is_none()
            && self.is_cap(m + 1)
            && self.has(m + 1, SPACE)
            && !self.lower_is(m + 1, |x| is_org_head(x) || is_place_head(x))
            && !self.lower_is(m + 2, |x| is_org_head(x) || is_place_head(x))
            // "Institute of Marine Sciences": a subject, not a surname
            && !self.lower_is(m + 1, is_field)
    }

    /// `the`, then a capitalised subject named with `of`, at `k`: "Office
    /// for the Coordination of Humanitarian Affairs", "Organisation for the
    /// Prohibition of Chemical Weapons".
    fn the_subject(&self, k: usize) -> bool {
        self.lower_is(k, |x| x == "the")
            && self.is_cap(k + 1)
            && self.lower_is(k + 2, |x| x == "of")
            && self.is_cap(k + 3)
    }

    /// `of` at `k` in a body's subject after `for the`: "Institute for the
    /// Study of Labour", whatever follows. Returns the capital after it.
    fn subject_of(&self, k: usize) -> Option<usize> {
        (k >= 4
            && self.is_cap(k - 1)
            && self.the_subject(k - 2)
            && self.lower_is(k - 3, |x| x == "for")
            && self.is_cap(k - 4)
            && self.lower_is(k - 4, is_org_head)
            && self.is_cap(k + 1)
            && !self.has(k + 1, LINE_START))
        .then_some(k + 1)
    }

    /// `and` or `for` inside one name: "Serious and Organised Crime Bill",
    /// "Medicines for Malaria Venture". Returns the capital after it.
    fn and_end(&self, k: usize) -> Option<usize> {
        if let Some(m) = self.second_portfolio(k) {
            return Some(m);
        }
        // "Serious and Organised Crime Bill", "Natural Hazards Research and
        // Applications Information Center": one name when what follows ends
        // in a head word and neither side is a name of its own
        if k > 0
            && self.is_cap(k - 1)
            && !self.lower_is(k - 1, |w| {
                // a name complete in itself: "Black Rebel Motorcycle Club and
                // Bloc Party" are two
                one_of!(
                    w,
                    "club"
                        | "party"
                        | "group"
                        | "bank"
                        | "company"
                        | "corporation"
                        | "corp"
                        | "inc"
                        | "ltd"
                        | "plc"
                        | "fc"
                        | "united"
                        | "league"
                        | "association"
                        | "federation"
                        | "council"
                        | "cup"
                )
            })
            && self.has(k + 1, SPACE)
            && !self.has(k + 1, LINE_START)
            && !self.gaz_covers(k - 1)
            && !self.list_of_names_before(k)
            && !self.has(k + 1, UPPER)
        {
            let mut m = k + 1;
            while m < self.toks.len() && m - k <= 5 && self.is_cap(m) && !self.has(m, LINE_START) {
                m += 1;
            }
            let last = m - 1;
            let headed = last > k + 1
                && self.lower_is(last, |w| is_org_head(w) || is_event_head(w))
                && (k + 1..m).all(|j| !self.gaz_covers(j))
                && (k + 1..last).all(|j| !self.is_first_name(j));
            if headed && !self.is_first_name(k - 1) {
                return Some(k + 1);
            }
        }
        None
    }

    /// `BYD, Geely and SAIC Motor`: at the `and` at `k`, the last two of a
    /// list of names (`Atmospheric, Geophysical and Astronomical Services`
    /// are words, inside one name).
    fn list_of_names_before(&self, k: usize) -> bool {
        k >= 2
            && self.toks[k - 2].is_punct(',')
            && !self.low.common_form(k - 1)
            && !self.listed(k - 1).rarer()
    }

    /// `and` between a department's two portfolios: "Department of Social
    /// Welfare and Development", "Ministry of Labour and Social Affairs",
    /// "Department of Health and Human Services". Not before a body of its
    /// own: "the Ministry of Defence and Foreign Office" are two.
    fn second_portfolio(&self, k: usize) -> Option<usize> {
        if !self.lower_is(k, |w| w == "and") {
            return None;
        }
        let mut j = self.portfolios_before(k);
        // "National Institute of Standards and Technology", "Center for
        // Volcanology and Geological Hazard Mitigation": one or two plain
        // words on either side, the name ending after the second
        let plain = |x: usize| {
            self.is_cap(x)
                && !self.has(x, UPPER)
                && !self.gaz_covers(x)
                // "Marine Sciences": a given name only as a field's word
                && (!self.is_first_name(x) || self.lower_is(x + 1, is_field))
                && !self.lower_is(x, |w| is_org_head(w) || is_org_prefix(w))
        };
        let general = j == k;
        if general {
            while j > 0 && j + 2 > k && plain(j - 1) {
                j -= 1;
            }
        }
        if j == k || j < 2 || !self.lower_is(j - 1, |w| w == "of" || w == "for") {
            return None;
        }
        // "Foundation for Science and Technology": a foundation or a centre
        // is named for its subjects as a ministry is
        let prefix = |w: &str| is_org_prefix(w) || matches!(w, "center" | "centre" | "foundation");
        if !(self.is_cap(j - 2) && self.lower_is(j - 2, prefix)) {
            return None;
        }
        let mut m = k + 1;
        while m <= k + 3 && self.is_cap(m) && self.has(m, SPACE) && !self.has(m, LINE_START) {
            m += 1;
        }
        if general {
            // a head word may end it ("and Technology"), but not a body's
            // first word ("and Foreign Office")
            let last = |x: usize| {
                x + 1 == m
                    && self.is_cap(x)
                    && !self.gaz_covers(x)
                    && !self.is_first_name(x)
                    && self.lower_is(x, |w| is_org_head(w) && !is_org_prefix(w))
            };
            let ends = !self.is_cap(m) || self.has(m, LINE_START);
            return (m > k + 1 && ends && (k + 1..m).all(|x| plain(x) || last(x))).then_some(k + 1);
        }
        let fits = |x: usize| {
            self.lower_is(x, |w| is_dept_word(w) || is_abstract_noun(w))
                || (x + 1 == m && self.lower_is(x, |w| is_org_head(w) && !is_org_prefix(w)))
        };
        (m > k + 1 && (k + 1..m).all(fits)).then_some(k + 1)
    }

    /// Where the department's words before `k` start, back over lists
    /// (`Economy, Trade` before `and Industry`); `k` if there are none.
    fn portfolios_before(&self, k: usize) -> usize {
        let dept = |x: usize| self.is_cap(x) && self.lower_is(x, is_dept_word);
        let mut j = k;
        loop {
            while j > 0 && dept(j - 1) {
                j -= 1;
            }
            if j < k && j >= 2 && self.toks[j - 1].is_punct(',') && dept(j - 2) {
                j -= 1;
            } else {
                return j;
            }
        }
    }

    /// A comma at `k` between a ministry's portfolios: "Ministry of
    /// Economy, Trade and Industry", "Department for Environment, Food and
    /// Rural Affairs". The list must end in `and` and a portfolio.
    fn portfolio_comma(&self, k: usize) -> Option<usize> {
        let dept = |x: usize| {
            self.is_cap(x)
                && self.lower_is(x, is_dept_word)
                && self.has(x, SPACE)
                && !self.has(x, LINE_START)
        };
        let j = self.portfolios_before(k);
        let named = j < k
            && j >= 2
            && self.lower_is(j - 1, |w| w == "of" || w == "for")
            && self.is_cap(j - 2)
            && self.lower_is(j - 2, is_org_prefix);
        if !named {
            return None;
        }
        let mut x = k + 1;
        for _ in 0..4 {
            if !dept(x) {
                return None;
            }
            while dept(x) {
                x += 1;
            }
            if self.toks.get(x).is_some_and(|t| t.is_punct(',')) {
                x += 1;
            } else {
                break;
            }
        }
        (self.lower_is(x, |w| w == "and") && dept(x + 1)).then_some(k + 1)
    }

    /// Is token `i` inside a gazetteer entry (starting there or before)?
    fn gaz_covers(&self, i: usize) -> bool {
        (i.saturating_sub(MAX_RUN)..=i).any(|j| {
            self.gaz
                .get(j)
                .copied()
                .flatten()
                .is_some_and(|(n, _)| j + n > i)
        })
    }

    fn gaz_at(&self, i: usize, end: usize) -> Option<(usize, &'static Entry)> {
        self.gaz
            .get(i)
            .copied()
            .flatten()
            .filter(|(n, _)| i + n <= end)
    }

    /// The title or office starting at `i` (number of tokens), 0 if none.
    fn title_at(&mut self, i: usize, end: usize) -> usize {
        if !self.is_cap(i) {
            return 0;
        }
        let (text, toks) = (self.text, self.toks);
        let max = self.listed(i).title;
        let mut n = self
            .lex
            .titles
            .longest_known(text, toks, i, end, max, &mut self.buf, |_, _| true)
            .map_or(0, |(n, _)| n);
        // "General Administration of Customs", "General Assembly": a rank
        // before a body's head word is part of the body's name
        if n == 1
            && i + 1 < end
            && self.is_cap(i + 1)
            && self.has(i + 1, SPACE)
            && self.lower_is(i + 1, |w| is_org_head(w) || is_event_head(w))
            && !self.is_first_name(i + 1)
        {
            n = 0;
        }
        // Foreign Minister, Culture Secretary: departments then an office
        let mut j = i;
        while j < end && self.is_cap(j) && self.lower_is(j, is_dept_word) {
            j += 1;
        }
        // Emergency Preparedness Minister: other plain words then an office
        // head, looked at only when one follows among the capitals
        if let Some(head) = (j + 1..end.min(j + 4))
            .take_while(|&k| self.toks[k].is_capitalised() && !self.has(k, UPPER))
            .find(|&k| self.lower_is(k, is_title_head))
            && self.is_cap(head)
            && (j..head).all(|k| self.is_cap(k) && self.plain_before_office(k))
        {
            j = head;
        }
        if j > i && j < end && self.is_cap(j) && self.lower_is(j, is_title_head) {
            n = n.max(j + 1 - i);
        }
        // Health Cabinet Secretary: departments then a listed office
        if j > i
            && j < end
            && self.is_cap(j)
            && let Some((m, _)) = self.lex.titles.longest_known(
                text,
                toks,
                j,
                end,
                self.listed(j).title,
                &mut self.buf,
                |_, _| true,
            )
        {
            n = n.max(j + m - i);
        }
        // a title's word joined by a hyphen to the next is part of a
        // name (`Stelios Haji-Ioannou`)
        if n == 0 || self.bare_hyphen(i + n) {
            return 0;
        }
        // Minister of Foreign Affairs, Secretary of State
        let mut k = i + n;
        if k < end && self.lower_is(k, |w| w == "of" || w == "for") {
            let mut m = k + 1;
            if self.lower_is(m, |w| w == "the") {
                m += 1;
            }
            let start = m;
            while m < end && self.is_cap(m) && self.lower_is(m, is_dept_word) {
                m += 1;
            }
            if m > start {
                k = m;
                n = k - i;
            }
        }
        n
    }

    /// Is word `k` a plain word that can name an office's field before its
    /// head (`Emergency`, `Preparedness`): a common or rarer English word,
    /// no given name, no list entry nor a body's, place's or event's head.
    fn plain_before_office(&self, k: usize) -> bool {
        !self.lower_is(k, is_stopword)
            && !self.is_first_name(k)
            && !self.gaz_covers(k)
            && !self.gaz_covers(k + 1)
            && !self.lower_is(k, |w| {
                // "Water Resources Minister": a ministry's field, though a
                // firm's name may end in it
                (is_org_head(w) && w != "resources") || is_place_head(w) || is_event_head(w)
            })
            && (self.is_common(k) || self.listed(k).rarer())
    }

    /// Do the capitalised words from `q` to the end of the run end with an
    /// organization's, place's or event's head word?
    fn ends_with_head(&self, q: usize, end: usize) -> bool {
        // "Chief Executive of Vantor Media": the office's `of` leads to the
        // body it is held in, a name of its own
        if self.has(q, LOWER) && self.lower_is(q, |w| w == "of" || w == "for") {
            return false;
        }
        let mut last = None;
        for k in q..end {
            let t = self.toks[k];
            // "Prime Minister Joost van Dam": a particle between capitals
            // belongs to a person's name, not a dam's
            if self.surname_particle(k) {
                return false;
            }
            if t.is_word() && t.is_capitalised() {
                if self.gaz_at(k, end).is_some() || self.is_first_name(k) {
                    return false;
                }
                last = Some(k);
            }
        }
        last.is_some_and(|k| {
            k > q
                && self.lower_is(k, |w| {
                    is_org_head(w) || is_place_head(w) || is_event_head(w)
                })
        })
    }

    /// The next word of the run after `q`, if it directly follows.
    fn capital_follows(&self, q: usize, end: usize) -> bool {
        let mut q = q;
        // "Mr." : skip the period
        if self.toks.get(q).is_some_and(|t| t.is_punct('.')) {
            q += 1;
        }
        // "Mr van Dam": a surname's particle, then its capital
        if q + 1 < end && self.surname_particle(q) && self.is_cap(q + 1) {
            return true;
        }
        q < end && self.is_cap(q)
    }

    fn emit(&mut self, a: usize, b: usize, kind: EntityKind, strength: Strength) {
        // trim what is not a word at either end
        let (mut a, mut b) = (a, b);
        while a < b && !self.toks[a].is_word() {
            a += 1;
        }
        while b > a && !self.is_name_end(b - 1) {
            b -= 1;
        }
        if a >= b {
            return;
        }
        // "Vitoria Guimaraes 0 Gil Vicente 1": teams, not people
        let kind = if kind == EntityKind::Person && self.score_line.get(a).copied().unwrap_or(false)
        {
            EntityKind::Organization
        } else {
            kind
        };
        // "Yann Delaigue (Castres)": a player's club; "European
        // Telecommunications Institute (Etsi)": a body's short name
        let kind = match self.bracketed_after(a, b) {
            Some(EntityKind::Person | EntityKind::Organization) if kind == EntityKind::Person => {
                EntityKind::Organization
            }
            _ => kind,
        };
        self.out.push(Cand {
            a,
            b,
            kind,
            strength,
            yields: false,
            cue: None,
            lower_test: false,
            team: false,
            town: false,
        });
    }

    /// Does the word at `k` show that the name before it is a body: a
    /// verb of saying, or an office held in it (`Labour MSP`)?
    fn acts_as_body(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        if t.has(LOWER) {
            return self.lower_is(k, |w| {
                one_of!(
                    w,
                    "said"
                        | "says"
                        | "told"
                        | "added"
                        | "claimed"
                        | "insisted"
                        | "argued"
                        | "warned"
                        | "announced"
                        | "denied"
                        | "spokesman"
                        | "spokeswoman"
                        | "leader"
                        | "candidate"
                )
            });
        }
        t.is_word() && is_post_nominal(t.text(self.text))
    }

    /// Do the words around a town at `a..b` make it a sports club: `Norwich
    /// boss`, `Charlton's striker`, `beating Norwich`, `Brentford v
    /// Southampton`, `Surrey beat Kent`? (A country named as its national
    /// side stays a place, as the guidelines have it for a country named
    /// for its government.)
    fn club_cue(&self, a: usize, b: usize) -> bool {
        let mut k = b;
        if self.toks.get(k).is_some_and(|t| t.kind == Kind::Poss) {
            k += 1;
        }
        let after = self.has(k, LOWER)
            && self.lower_is(k, |w| {
                one_of!(
                    w,
                    "fans"
                        | "supporters"
                        | "chairman"
                        | "forward"
                        | "boss"
                        | "manager"
                        | "striker"
                        | "midfielder"
                        | "defender"
                        | "goalkeeper"
                        | "keeper"
                        | "winger"
                        | "coach"
                        | "squad"
                        | "captain"
                        | "skipper"
                        | "bowler"
                        | "batsman"
                        | "batter"
                        | "spinner"
                        | "opener"
                        | "seamer"
                        | "wicketkeeper"
                        | "v"
                        | "vs"
                )
            });
        // "Leeds head coach Stefan Lindqvist"
        let head_coach = self.has(k, LOWER)
            && self.lower_is(k, |w| w == "head")
            && self.lower_is(k + 1, |w| w == "coach");
        // "host Porto", "18th-placed Burnley", "newly promoted Leeds"
        let before = a > 0
            && self.has(a - 1, LOWER)
            && self.lower_is(a - 1, |w| {
                one_of!(
                    w,
                    "beat"
                        | "beating"
                        | "v"
                        | "vs"
                        | "thrashed"
                        | "edged"
                        | "promoted"
                        | "relegated"
                )
            });
        // "18th-placed Burnley"
        let placed = a >= 2 && self.lower_is(a - 1, |w| w == "placed") && self.bare_hyphen(a - 2);
        // "India beat Australia": a win over a side named next (not "beat
        // forecasts")
        let beat_named = self.has(k, LOWER)
            && self.lower_is(k, |w| matches!(w, "beat" | "thrashed" | "edged"))
            && self.is_cap(k + 1)
            && self.has(k + 1, SPACE);
        // "host Porto in the Europa League" (not "host Tokyo delegates")
        let host = a > 0
            && self.lower_is(a - 1, |w| matches!(w, "host" | "hosts" | "hosted"))
            && (!self.lower_word(k) || self.lower_is(k, is_stopword));
        after || head_coach || before || placed || host || beat_named
    }

    /// The kind of the name just before `(` when `a..b` is all there is
    /// between the brackets.
    fn bracketed_after(&self, a: usize, b: usize) -> Option<EntityKind> {
        if a < 2
            || !self.toks[a - 1].is_punct('(')
            || !self.toks.get(b).is_some_and(|t| t.is_punct(')'))
        {
            return None;
        }
        self.out
            .last()
            .filter(|c| c.b == a - 1 && c.strength != Strength::Pending)
            .map(|c| c.kind)
    }

    fn is_name_end(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        // "Moody's", "McDonald's": a listed name's own `'s`
        if t.kind == Kind::Poss && self.gaz_covers(i) {
            return true;
        }
        t.is_word()
            && !(t.has(super::token::LOWER)
                && self.lower_is(i, |w| {
                    is_particle(w) || w == "of" || w == "the" || w == "and"
                }))
    }

    /// Is the capital at `i` no proof of a name (sentence start, headline)?
    fn risky(&self, i: usize) -> bool {
        self.has(i, INITIAL) || self.has(i, HEADLINE)
    }

    fn process_run(&mut self, a: usize, end: usize) {
        if self.dateline(a, end) || self.byline(a, end) || self.credit(a, end) {
            return;
        }
        let mut p = a;
        let mut after_title = false;
        while p < end {
            // "Mr van Dam": the particle starts the person's name
            if after_title && self.surname_particle(p) && p + 1 < end && self.is_cap(p + 1) {
                let r = self.person_extent(p, end);
                self.emit(p, r, EntityKind::Person, Strength::Strong);
                after_title = false;
                p = r.max(p + 1);
                continue;
            }
            if !self.starts_name(p) {
                p += 1;
                continue;
            }
            // "Typhoon Kalinaw", "Super Typhoon Mangkhut": a storm's name
            if let Some(r) = self.storm_name(p, end) {
                self.emit(p, r, EntityKind::Name, Strength::Strong);
                after_title = false;
                p = r;
                continue;
            }
            // "Labour MSP Christine May": an office's letters as a title
            if is_post_nominal(self.word(p)) && self.capital_follows(p + 1, end) {
                after_title = true;
                p += 1;
                continue;
            }
            let title = self.title_at(p, end);
            let gz = self.gaz_at(p, end);
            // "Public Prosecutors Office": a body's head word right after
            // an office's words, ending the run
            let body_after = title > 0
                && p + title + 1 == end
                && self.is_cap(p + title)
                && self.lower_is(p + title, is_org_head);
            let title = if title > 0 && (body_after || self.ends_with_head(p + title, end)) {
                // "Major League Baseball", "General Motors Corp": a name
                0
            } else {
                title
            };
            if title > 0
                && gz.map_or(0, |(n, _)| n) <= title
                && self.capital_follows(p + title, end)
            {
                after_title = true;
                p += title;
                continue;
            }
            if title > 0 && gz.is_none() && !self.capital_follows(p + title, end) {
                // an office with no name after it: "the Prime Minister"
                p += title;
                continue;
            }
            // "C Paterson", "B Douglas" in a team list: an initial, then a
            // surname that is also a town
            if !after_title && self.initial_then_name(p, end) {
                let r = self.person_extent(p, end);
                self.emit_person_like(p, r, Strength::Strong);
                p = r.max(p + 1);
                continue;
            }
            // "João Pereira da Silva": names before a surname's particle
            if let Some(k) = self.words_before_particle(p, end) {
                let r = self.person_extent(k, end);
                self.emit(p, r, EntityKind::Person, Strength::Strong);
                after_title = false;
                p = r.max(p + 1);
                continue;
            }
            // "Bill & Melinda Gates Foundation": names joined by an
            // ampersand make one body
            if !after_title && let Some(r) = self.emit_ampersand_name(p, end) {
                p = r;
                continue;
            }
            // "West Yorkshire", "Northern Luzon": a compass point before a
            // listed place is part of its name
            let gz = gz.or_else(|| self.compass_place(p, end));
            // after "Mr", "Ms Essex" is a person, whatever else Essex is
            let gz = gz.filter(|&(n, _)| !(after_title && n == 1));
            if let Some((n, e)) = gz
                && let Some(next) = self.gazetteer_entry(p, n, e, end)
            {
                p = next;
                after_title = false;
                continue;
            }
            // (`River Tywi` is no River Phoenix)
            if !after_title
                && self.is_first_name(p)
                && self.word(p).chars().count() > 1
                && !self.lower_is(p, is_place_lead)
                && let Some(r) = self.given_name(p, end)
            {
                p = r;
                continue;
            }
            if after_title && self.has(p, HEADLINE) && self.is_common(p) {
                // "MAJOR LEAGUE STANDINGS": not a rank and a name
                after_title = false;
            }
            if after_title {
                let r = self.person_extent(p, end);
                self.emit_person_like(p, r, Strength::Strong);
                after_title = false;
                p = r.max(p + 1);
                continue;
            }
            let r = self.unknown_extent(p, end);
            self.classify_unknown(p, r);
            p = r.max(p + 1);
        }
    }

    /// `Photograph: Oliver Hatherley/Matchday North`, `Credit: Dewa/WAM`:
    /// on a picture's credit line, a name after a slash is the agency's,
    /// and one that starts with a given name the photographer's. Emits it
    /// whole, over what its words are too (`North`, `Crane`).
    fn credit(&mut self, a: usize, end: usize) -> bool {
        let line = (a.saturating_sub(12)..=a)
            .rev()
            .find(|&k| self.toks[k].has(LINE_START));
        let credit_line = line.is_some_and(|s| {
            self.toks.get(s + 1).is_some_and(|t| t.is_punct(':'))
                && matches!(
                    self.word(s),
                    "Photograph"
                        | "Photo"
                        | "Picture"
                        | "Pictures"
                        | "Credit"
                        | "Image"
                        | "Illustration"
                )
                && (s + 2..a).all(|k| self.toks[k].is_word() || self.toks[k].is_punct('/'))
        });
        if !credit_line || a == 0 || (a..end).any(|k| !self.toks[k].is_word() || !self.is_cap(k)) {
            return false;
        }
        let after_slash = self.toks[a - 1].is_punct('/');
        // `AAP Image/Jessamy Crane`: an agency before, a photographer after
        let agency_before = after_slash
            && self
                .out
                .iter()
                .rev()
                .take_while(|c| c.b + 3 >= a)
                .any(|c| c.kind == EntityKind::Organization);
        let two_or_three = end > a + 1 && end <= a + 3 && !self.lower_is(end - 1, is_org_head);
        let kind = if (self.is_first_name(a) || agency_before) && two_or_three {
            EntityKind::Person
        } else if after_slash {
            EntityKind::Organization
        } else {
            return false;
        };
        self.emit(a, end, kind, Strength::Strong);
        true
    }

    /// Emit a byline's writer or paper (see [`Self::byline_writer`]).
    fn byline(&mut self, a: usize, end: usize) -> bool {
        let Some((w, kind)) = self.byline_writer(a, end) else {
            return false;
        };
        self.emit(w, end, kind, Strength::Strong);
        true
    }

    /// `By Rui Tavares Lima`, `By Jordan Whitehorse and Paris Okafor`: two
    /// to four words right after a line's `By`, or after `and` or a comma
    /// following its writer, are a writer, though a word is also a town
    /// (`Lima`) or a country (`Jordan`); not a body that signs (`By
    /// Reuters Staff`, `By BBC News`). After a bar, they are the writer's
    /// paper (`| Platte Valley Ledger`). The name's start and its kind.
    fn byline_writer(&self, a: usize, end: usize) -> Option<(usize, EntityKind)> {
        let at_by = |k: usize| self.toks[k].has(LINE_START) && self.word(k) == "By";
        let (w, kind) = if at_by(a) {
            (a + 1, EntityKind::Person)
        } else {
            let before = a.checked_sub(1)?;
            // the line's `By`, a few words back, with names, commas and
            // `and` between
            let line_by = || {
                (before.saturating_sub(8)..before)
                    .rev()
                    .find(|&k| at_by(k))
                    .is_some_and(|k| {
                        (k + 1..before).all(|j| {
                            !self.toks[j].has(LINE_START)
                                && (self.is_cap(j)
                                    || self.toks[j].is_punct(',')
                                    || self.toks[j].is_punct('|')
                                    || self.word(j) == "and")
                        })
                    })
            };
            if at_by(before) {
                (a, EntityKind::Person)
            } else if (self.word(before) == "and" || self.toks[before].is_punct(','))
                && line_by()
                && self.gaz_at(a, end).is_none_or(|(n, _)| a + n < end)
                && !self.lower_word(end)
            {
                // (not a desk: `, South Asia correspondent`)
                (a, EntityKind::Person)
            } else if self.toks[before].is_punct('|') && line_by() {
                (a, EntityKind::Organization)
            } else {
                return None;
            }
        };
        let words = end.saturating_sub(w);
        let writer = (2..=4).contains(&words)
            && (w..end).any(|k| !self.is_common(k))
            && (w..end).all(|k| {
                self.toks[k].is_word()
                    && !self.has(k, UPPER)
                    && (kind == EntityKind::Organization || !self.lower_is(k, is_org_head))
                    && self
                        .gaz
                        .get(k)
                        .copied()
                        .flatten()
                        .is_none_or(|(_, e)| e.kind != EntityKind::Organization)
            });
        writer.then_some((w, kind))
    }

    /// Is the name at `p` glued to a prefix for a stance (`anti-EU`,
    /// `pro-Kremlin`, `non-Roma`)? Then it is a word of its own, not the
    /// start of the name after it: `the anti-EU Freedom Party`.
    fn after_word_prefix(&self, p: usize) -> bool {
        p >= 2
            && self.has(p, HYPHEN_PREV)
            && self.bare_hyphen(p - 1)
            && self.has(p - 2, LOWER)
            && self.lower_is(p - 2, |w| matches!(w, "anti" | "pro" | "non"))
    }

    /// A compass point at `p`, then a listed place: the place's entry over
    /// both.
    fn compass_place(&self, p: usize, end: usize) -> Option<(usize, &'static Entry)> {
        let compass = self.is_cap(p)
            && self.lower_is(p, |w| {
                is_compass_point(w)
                    || one_of!(
                        w,
                        "northern"
                            | "southern"
                            | "eastern"
                            | "western"
                            | "central"
                            | "northeastern"
                            | "northwestern"
                            | "southeastern"
                            | "southwestern"
                    )
            });
        if !compass || !self.has(p + 1, SPACE) || self.has(p + 1, LINE_START) {
            return None;
        }
        self.gaz_at(p + 1, end)
            .filter(|(_, e)| e.kind == EntityKind::Place)
            .map(|(n, e)| (n + 1, e))
    }

    /// `East Kalimantan`, `North Maluku`: a compass point before one word
    /// no list knows is a region's name (`Central Committee` and `North
    /// Face` end in a head or a common word).
    fn compass_then_unknown(&self, first: usize, last: usize, n: usize) -> bool {
        n == 2
            && self.lower_is(first, |w| {
                one_of!(
                    w,
                    "north"
                        | "south"
                        | "east"
                        | "west"
                        | "central"
                        | "northern"
                        | "southern"
                        | "eastern"
                        | "western"
                )
            })
            && !self.is_common(last)
            && !self.is_first_name(last)
            && !self.has(last, UPPER)
    }

    /// Emit a name with `&` between its capitals from `p`, if there is one:
    /// a body, or a work when its words are ordinary ones (`Black & White`,
    /// `Body & Soul`). Returns its end.
    fn emit_ampersand_name(&mut self, p: usize, end: usize) -> Option<usize> {
        let r = self.ampersand_name(p, end)?;
        let kind = if (p..r).all(|j| !self.toks[j].is_word() || self.is_common(j))
            && !self.lower_is(r - 1, is_org_head)
        {
            EntityKind::Name
        } else {
            EntityKind::Organization
        };
        self.emit(p, r, kind, Strength::Strong);
        Some(r)
    }

    /// The end of a body's name from `p` with `&` between its capitals:
    /// `Bill & Melinda Gates Foundation`, `Procter & Gamble`.
    /// Not two people (`John Smith & Mary Jones`), not a list entry's words
    /// of another kind, not a headline.
    fn ampersand_name(&mut self, p: usize, end: usize) -> Option<usize> {
        let k = (p + 1..(p + 4).min(end)).find(|&k| self.toks[k].is_punct('&'))?;
        if self.has(p, HEADLINE)
            || !(p..k).all(|j| self.is_cap(j))
            || !self.is_cap(k + 1)
            || self.lower_is(p, is_stopword)
            || self.gaz_at(p, end).is_some_and(|(n, _)| p + n > k)
            // "R & B": letters, not names
            || self.word(k - 1).chars().count() < 2
            || self.word(k + 1).chars().count() < 2
        {
            return None;
        }
        let mut r = k + 2;
        while r < end
            && self.is_cap(r)
            && self.has(r, SPACE)
            && self.title_at(r, end) == 0
            && !is_post_nominal(self.word(r))
        {
            r += 1;
        }
        let kinds_fit = (p..r).all(|j| {
            self.gaz_at(j, end)
                .is_none_or(|(_, g)| g.kind == EntityKind::Organization)
        });
        let headed = self.lower_is(r - 1, is_org_head);
        let person = |a: usize, b: usize| b >= a + 2 && self.is_first_name(a);
        // "Bonnie & Clyde", "Richard & Judy": a pair by their given names
        let pair = k == p + 1 && r == k + 2 && self.is_first_name(p) && self.is_first_name(k + 1);
        if !kinds_fit || (!headed && (person(p, k) || person(k + 1, r) || pair)) {
            return None;
        }
        Some(r)
    }

    /// A capital letter standing alone for a given name, then a one-word
    /// surname that a list would read as a town: `C Paterson`, `S Orlando`.
    fn initial_then_name(&self, p: usize, end: usize) -> bool {
        let w = self.word(p);
        let letter = w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase()) && w != "I";
        let q = p + 1;
        letter
            && w != "A"
            && q < end
            && self.is_cap(q)
            && self.has(q, SPACE)
            && !self.has(q, UPPER)
            && !self.has(p, CAPS_LINE)
            && self.gaz_at(q, end).is_some_and(|(n, g)| {
                n == 1 && matches!(g.source, Source::City | Source::Subdivision)
            })
    }

    /// A dateline: `LONDON 1996-08-22`, `AL-AIN , United Arab Emirates
    /// 1996-12-06`, `NEW YORK (Reuters) -`.
    fn dateline(&mut self, a: usize, end: usize) -> bool {
        if !self.has(a, LINE_START) {
            return false;
        }
        let mut letters = 0;
        for t in &self.toks[a..end] {
            if t.is_word() {
                if !t.has(UPPER) {
                    return false;
                }
                letters += t.text(self.text).chars().count();
            }
        }
        if letters < 3 {
            return false;
        }
        let Some(next) = self.toks.get(end) else {
            return false;
        };
        if next.has(LINE_START) {
            return false;
        }
        // a dateline names a place in a few words, then the date: not a
        // headline ending in a count (`... EVACUATION OF 400`)
        let words = self.toks[a..end].iter().filter(|t| t.is_word()).count();
        if words > 4 {
            return false;
        }
        let date_after = self.dates.get(end).copied().unwrap_or(false);
        let comma_then_date = next.is_punct(',')
            && (self.line_ends_with_date(end)
                || (end + 1..end + 5).any(|k| {
                    !self.is_free(k)
                        && self
                            .toks
                            .get(k)
                            .is_some_and(|t| !t.has(LINE_START) && t.is_word())
                }));
        let agency = next.is_punct('(')
            && self
                .gaz_at(end + 1, self.toks.len())
                .is_some_and(|(_, e)| e.kind == EntityKind::Organization);
        // "SUZUKA, Japan —", "OKLAHOMA CITY —": a town in capitals, its
        // country, a dash; not "EXCLUSIVE —"
        let is_dash =
            |t: &Token| matches!(t.kind, Kind::Punct(c) if c == '\u{2014}' || c == '\u{2013}');
        let country_then_dash = next.is_punct(',')
            && self
                .gaz_at(end + 1, self.toks.len())
                .filter(|(_, e)| e.kind == EntityKind::Place)
                .is_some_and(|(n, _)| self.toks.get(end + 1 + n).is_some_and(is_dash));
        let town_then_dash = is_dash(next)
            && (a..end).all(|k| !self.toks[k].is_word() || !self.is_common(k))
            && self
                .gaz_at(a, end)
                .is_none_or(|(_, e)| e.kind == EntityKind::Place);
        if !(date_after || comma_then_date || agency || country_then_dash || town_then_dash) {
            return false;
        }
        let kind = match self.gaz_at(a, end) {
            Some((n, e)) if a + n == end => e.kind,
            _ => EntityKind::Place,
        };
        self.emit(a, end, kind, Strength::Strong);
        true
    }

    fn line_ends_with_date(&self, from: usize) -> bool {
        let mut k = from;
        let mut last_num = None;
        while let Some(t) = self.toks.get(k) {
            if k > from && t.has(LINE_START) {
                break;
            }
            if t.kind == Kind::Num {
                last_num = Some(k);
            }
            k += 1;
        }
        last_num.is_some_and(|n| !self.is_free(n) && k - n <= 5)
    }

    /// Emit a gazetteer entry starting at `p` (or a longer name it heads).
    /// Returns where to go on, or `None` to treat `p` as a given name.
    fn gazetteer_entry(&mut self, p: usize, n: usize, e: &Entry, end: usize) -> Option<usize> {
        let q = p + n;
        // "Commission for Africa", "Commission of Inquiry": a listed body's
        // short name heading a longer one
        if n == 1
            && e.kind == EntityKind::Organization
            && q < end
            && self.has(q, LOWER)
            && self.lower_is(q, |w| w == "of" || w == "for")
            && self.lower_is(p, takes_of)
        {
            return None;
        }
        // "Christian Horner": a given name that is also a word of belonging,
        // before a surname no list knows
        if n == 1
            && e.kind == EntityKind::Name
            && self.is_first_name(p)
            && q < end
            && self.is_cap(q)
            && !self.risky(q)
            && self.gaz_at(q, end).is_none()
            && !self.is_common(q)
            && !self.lower_is(q, |w| {
                is_org_head(w) || is_place_head(w) || is_event_head(w)
            })
        {
            return None;
        }
        let modifier = matches!(e.kind, EntityKind::Place | EntityKind::Name);
        // US State Department, Gaza Health Ministry, Egyptian Foreign Minister
        if modifier
            && q < end
            && self.is_cap(q)
            && self.lower_is(q, is_dept_word)
            && !self.names_an_institution(q, end)
            && !self.names_an_event(q, end)
        {
            self.emit_entry(p, q, e);
            return Some(q);
        }
        // a holiday heads no longer name ("the Christmas Special")
        if !self.bare_hyphen(q)
            && !self.after_word_prefix(p)
            && e.kind != EntityKind::Date
            && let Some((r, kind)) = self.head_extension(q, end, e)
        {
            self.emit(p, r, kind, Strength::Strong);
            return Some(r);
        }
        // a given name that is also a place: "Jordan Henderson", "Israel Katz"
        if n == 1
            && !matches!(e.source, Source::Demonym)
            && self.is_first_name(p)
            && q < end
            && self.has(q, SPACE)
            && (self.is_cap(q)
                || (self.lower_is(q, is_particle) && self.connector_end(q).is_some()))
            && !self.risky(q)
            && self.title_at(q, end) == 0
            && self.gaz_at(q, end).is_none_or(|(_, g)| {
                !matches!(
                    g.source,
                    Source::Country | Source::Demonym | Source::Organization
                )
            })
        {
            return None;
        }
        // "Vitoria Guimaraes 0 Gil Vicente 1": a town, then more of a club's
        // name on a line of results
        if self.score_line.get(p).copied().unwrap_or(false)
            && matches!(e.source, Source::City | Source::Subdivision)
            && q < end
            && self.has(q, SPACE)
            && (q..end).all(|k| self.is_cap(k) && self.gaz_at(k, end).is_none())
        {
            self.emit(p, end, EntityKind::Organization, Strength::Strong);
            return Some(end);
        }
        // "Atlantic Lisbon", "Dynamo Kiev": a name, then a town ending the
        // run: a club
        if n == 1
            && q + 1 == end
            && e.source != Source::Country
            && self.has(q, SPACE)
            && !self.has(q, CAPS_LINE)
            && self.gaz_at(q, end).is_some_and(|(m, g)| {
                m == 1 && matches!(g.source, Source::City | Source::Subdivision)
            })
        {
            self.emit(p, q + 1, EntityKind::Organization, Strength::Strong);
            return Some(q + 1);
        }
        // "Texas Instruments", "China Daily": a place or body, then an
        // ordinary word that ends the name
        if q + 1 == end
            && q < end
            && matches!(e.kind, EntityKind::Place | EntityKind::Organization)
            && self.has(q, SPACE)
            && self.is_cap(q)
            && !self.risky(q)
            && !self.has(q, UPPER)
            && self.gaz_at(q, end).is_none()
            && self.is_common(q)
            && !self.is_first_name(q)
            && !self.lower_is(q, |w| is_stopword(w) || is_title_head(w) || is_dept_word(w))
        {
            self.emit(p, q + 1, EntityKind::Organization, Strength::Strong);
            return Some(q + 1);
        }
        self.emit_entry(p, q, e);
        Some(q)
    }

    /// `the film-maker Ryusuke Hamaguchi`, `policy-maker`: before `a`, one
    /// who makes works or policy, not a maker of goods (`chip-maker Arm`).
    fn maker_of_works(&self, a: usize) -> bool {
        a >= 3
            && self.lower_is(a - 1, |w| w == "maker")
            && self.bare_hyphen(a - 2)
            && self.lower_is(a - 3, |w| {
                one_of!(
                    w,
                    "film"
                        | "movie"
                        | "documentary"
                        | "music"
                        | "policy"
                        | "law"
                        | "peace"
                        | "king"
                        | "deal"
                        | "decision"
                        | "trouble"
                        | "match"
                        | "programme"
                        | "program"
                )
            })
    }

    /// A political word at `p` and a party's noun at `q` ending the run of
    /// capitals: one party (`Liberal Initiative`, `Left Bloc`).
    fn party_name(&self, p: usize, q: usize, end: usize) -> bool {
        q == p + 1
            && q + 1 == end
            && self.lower_is(p, is_political_word)
            && self.is_cap(q)
            && self.has(q, SPACE)
            && !self.has(q, HEADLINE)
            && self.lower_is(q, is_party_noun)
    }

    /// Do the capitalised words from `q`, with a plural's `'s` among them,
    /// end the run with an event's head word? "Asian Women's Chess
    /// Championship": one event.
    fn names_an_event(&self, q: usize, end: usize) -> bool {
        let (mut last, mut possessive) = (None, false);
        for k in q..end {
            let t = self.toks[k];
            if t.is_word() && t.is_capitalised() {
                last = Some(k);
            } else if t.kind == Kind::Poss && self.possessive_inside(k) {
                possessive = true;
            } else {
                return false;
            }
        }
        possessive && last.is_some_and(|k| k > q && self.lower_is(k, is_event_head))
    }

    /// Do the department words from `q` lead to a university, a school, a
    /// hospital? Then the place before them is part of its name: "Colorado
    /// State University", "Moscow State University".
    fn names_an_institution(&self, q: usize, end: usize) -> bool {
        let mut k = q;
        while k < end && self.is_cap(k) && self.lower_is(k, is_dept_word) {
            k += 1;
        }
        k < end
            && self.is_cap(k)
            && self.lower_is(k, |w| {
                one_of!(
                    w,
                    "university"
                        | "college"
                        | "school"
                        | "institute"
                        | "academy"
                        | "hospital"
                        | "museum"
                        | "library"
                        | "theatre"
                        | "theater"
                        | "orchestra"
                        | "prison"
                        | "park"
                )
            })
    }

    /// A place's name from `p` to `q` in a results table: its club; not a
    /// dateline's town before its date (`Seoul, October 29, 2025`).
    fn table_club(&self, p: usize, q: usize) -> bool {
        self.has(p, TABLE_LINE) && !(q..q + 2).any(|k| self.dates.get(k).copied().unwrap_or(false))
    }

    /// A town's name from `p` to `q` that stands for its club: in a
    /// results table, after a player (`G Thomas (Toulouse)`), or with a
    /// club's words (`Norwich boss`, `beat Charlton`).
    fn town_club(&self, p: usize, q: usize) -> bool {
        self.table_club(p, q)
            || self.bracketed_after(p, q) == Some(EntityKind::Person)
            || self.club_cue(p, q)
    }

    /// `Giggs (Saha 70)`: a substitute in a line-up, with the minute he
    /// came on.
    fn substitute(&self, k: usize) -> bool {
        k > 0
            && self.toks[k - 1].is_punct('(')
            && self
                .toks
                .get(k + 1)
                .is_some_and(|t| t.kind == Kind::Num && t.end - t.start <= 3)
    }

    /// A town no other list has, from `a` to `b`: a place, or its club.
    fn town_kind(&self, a: usize, b: usize) -> EntityKind {
        if self.town_club(a, b) {
            EntityKind::Organization
        } else {
            EntityKind::Place
        }
    }

    fn emit_entry(&mut self, p: usize, q: usize, e: &Entry) {
        let mut kind = e.kind;
        let club = match e.source {
            Source::City | Source::Subdivision => self.town_club(p, q),
            Source::Region => self.table_club(p, q) || self.club_cue(p, q),
            Source::Country => false,
            _ => e.kind == EntityKind::Place && self.table_club(p, q),
        };
        if club {
            kind = EntityKind::Organization;
        }
        let strength = if q == p + 1
            && self.risky(p)
            && !self.has(p, TABLE_LINE)
            && ((self.has(p, CAPS_LINE) || !self.has(p, UPPER)) && e.common
                || self.has(p, CAPS_LINE)
                    && e.words.first().is_some_and(|w| w.chars().count() <= 2))
            && !e.source.strong_at_start()
        {
            Strength::Pending
        } else {
            Strength::Strong
        };
        // "Congress in Guatemala must approve": a legislature's one word
        // opening a sentence is the body
        let legislature = self.lower_is(p, |w| matches!(w, "congress" | "parliament" | "senate"))
            && self.has(q, LOWER);
        // "Labour said", "Labour MSP Christine May": a body at a sentence
        // start that acts as one
        let strength = if strength == Strength::Pending
            && e.kind == EntityKind::Organization
            && (self.acts_as_body(q) || legislature)
        {
            Strength::Strong
        } else {
            strength
        };
        self.emit(p, q, kind, strength);
        if club
            && let Some(c) = self.out.last_mut()
            && (c.a, c.b) == (p, q)
        {
            c.team = true;
        }
        // a country too: "Montenegro" after "Luís Montenegro" is he
        if q == p + 1
            && e.source != Source::Demonym
            && let Some(c) = self.out.last_mut()
        {
            c.yields = true;
            if club {
                c.cue = Some(EntityKind::Organization);
            }
        }
    }

    /// After an entry ending before `q`: capitalised words up to a head word
    /// make one longer name (`London Stock Exchange`, `Asian Cup`).
    fn head_extension(&mut self, q: usize, end: usize, e: &Entry) -> Option<(usize, EntityKind)> {
        // "Liberal Initiative", "Socialist Alternative": a party
        if e.source == Source::Demonym
            && e.words.len() == 1
            && q > 0
            && self.party_name(q - 1, q, end)
        {
            return Some((q + 1, EntityKind::Organization));
        }
        if q >= end || !self.is_cap(q) || !self.has(q, SPACE) || self.has(q, CAPS_LINE) {
            return None;
        }
        // "US Federal Reserve": a country, then a listed body of its own;
        // but "Fiji Navy", "Philippine Coast Guard": a country's armed
        // service is named with the country
        if matches!(e.source, Source::Country | Source::Demonym)
            && let Some((n, g)) = self.gaz_at(q, end)
            && g.kind == EntityKind::Organization
        {
            return self
                .armed_service(q, n, g)
                .then_some((q + n, EntityKind::Organization));
        }
        let mut best = None;
        let mut extended = false;
        let mut r = q;
        while r < end {
            let t = self.toks[r];
            if t.is_word() && t.is_capitalised() {
                // "CBS TV network": a description, not the name
                if self.has(r, UPPER) && self.lower_is(r, is_not_a_name_acronym) {
                    break;
                }
                // "Asian Chess Championship": a listed event's head word
                // alone still ends the name
                if r > q
                    && let Some((n, g)) = self.gaz_at(r, end)
                    && !(n == 1 && self.lower_is(r, is_event_head))
                {
                    // "Economic Commission for Latin America"
                    if let Some((b, kind)) = best
                        && b + 1 == r
                        && g.kind == EntityKind::Place
                        && self.lower_is(b, |w| w == "of" || w == "for")
                    {
                        best = Some((r + n, kind));
                    }
                    break;
                }
                let title = self.title_at(r, end);
                if title > 0 && self.capital_follows(r + title, end) {
                    break;
                }
                if r > 0
                    && best.is_some_and(|(b, _)| b + 1 == r)
                    && self.lower_is(r - 1, |w| w == "of")
                    && !self.lower_is(r - 2, is_org_prefix)
                    && self.full_name_at(r)
                {
                    break;
                }
                if self.lower_is(r, is_title_head)
                    && !self.lower_is(r, |w| is_org_head(w) || is_place_head(w))
                {
                    break;
                }
                let w = self.low(r).unwrap_or("");
                // ("Thai Meteorological Department": a body's own words
                // before the generic word make it a name, but for a
                // ministry's, its portfolio: "Argentine Work Ministry")
                let generic = matches!(e.source, Source::Country | Source::Demonym)
                    && (r == q || w == "ministry")
                    && one_of!(
                        w,
                        "government"
                            | "embassy"
                            | "consulate"
                            | "authorities"
                            | "ministry"
                            | "department"
                            | "office"
                            | "administration"
                            | "media"
                            | "press"
                            | "military"
                            | "state"
                            | "city"
                            | "tv"
                            | "television"
                    );
                if !generic {
                    if let Some(kind) = self.head_word_kind(r, q, w) {
                        best = Some((r + 1, kind));
                    } else if let Some((b, kind)) = best
                        && b <= r
                        && (self.lower_is(b, |x| x == "of" || x == "for") || extended)
                    {
                        // "Kanazawa Institute of Space Science"
                        best = Some((r + 1, kind));
                        extended = true;
                    }
                }
                r += 1;
            } else if t.is_word()
                || matches!(t.kind, Kind::Punct(_))
                // "Cambodian People's Party"
                || (t.kind == Kind::Poss && !t.has(SPACE) && self.possessive_inside(r))
            {
                r += 1;
            } else {
                break;
            }
        }
        best
    }

    /// A country in brackets at `k`: `(Japan)` after an athlete's name.
    fn country_in_brackets(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.is_punct('('))
            && self.gaz_at(k + 1, self.toks.len()).is_some_and(|(n, g)| {
                g.source == Source::Country
                    && self.toks.get(k + 1 + n).is_some_and(|t| t.is_punct(')'))
            })
    }

    /// Is the listed body `g` of `n` words at `q` an armed service ending
    /// the name (not "US Army Corps of Engineers", a body of the service)?
    fn armed_service(&self, q: usize, n: usize, g: &Entry) -> bool {
        let service = match &g.words[..] {
            [a] => matches!(&**a, "Navy" | "Army" | "Marines"),
            [a, b] => matches!((&**a, &**b), ("Air", "Force") | ("Coast", "Guard")),
            _ => false,
        };
        service && !(self.is_cap(q + n) && self.has(q + n, SPACE))
    }

    /// The kind a head word `w` at `r` (after the name's start at `q`)
    /// gives a name: a body's, a place's or an event's.
    fn head_word_kind(&self, r: usize, q: usize, w: &str) -> Option<EntityKind> {
        // "Arizona Daily Ledger", "Arizona Daily Star": a paper
        let paper = r > q && self.lower_is(r - 1, |x| x == "daily");
        if is_org_head(w) || paper || (r > q && self.service_head(r)) {
            Some(EntityKind::Organization)
        } else if is_place_head(w) {
            Some(EntityKind::Place)
        } else if is_event_head(w) {
            Some(EntityKind::Name)
        } else {
            None
        }
    }

    /// A head word at `k` that makes a body only after the word before
    /// it: `Unified School District`, `Kyushu Electric Power`.
    fn service_head(&self, k: usize) -> bool {
        self.body_district(k) || self.power_company(k)
    }

    /// `Kansai Electric Power`, `ACWA Power`: `Power` at `k` after
    /// `Electric` or a body's letters names a company (`Lisa Power` is
    /// a person).
    fn power_company(&self, k: usize) -> bool {
        k > 0
            && self.lower_is(k, |w| w == "power")
            && (self.lower_is(k - 1, |w| w == "electric")
                || (self.has(k - 1, UPPER) && self.word(k - 1).len() >= 2))
    }

    /// `District` at `k` after a service's word: a body (`Unified School
    /// District`, `Metropolitan Water District`), not a place.
    fn body_district(&self, k: usize) -> bool {
        k > 0
            && self.lower_is(k, |w| w == "district")
            && self.lower_is(k - 1, |w| {
                matches!(
                    w,
                    "school"
                        | "water"
                        | "fire"
                        | "irrigation"
                        | "sanitation"
                        | "hospital"
                        | "transit"
                )
            })
    }

    /// A given name at `p` followed by more of the name: a person.
    fn given_name(&mut self, p: usize, end: usize) -> Option<usize> {
        let next = if self.bare_hyphen(p + 1) {
            p + 2
        } else {
            p + 1
        };
        if next >= end || !self.is_cap(next) {
            return None;
        }
        if self
            .gaz_at(next, end)
            .is_some_and(|(_, g)| matches!(g.source, Source::Country | Source::Demonym))
            && !self.country_surname(p, next, end)
        {
            return None;
        }
        let title = self.title_at(next, end);
        if title > 0 && self.capital_follows(next + title, end) {
            return None;
        }
        if self.risky(next) && self.is_common(next) && self.has(next, HEADLINE) {
            return None;
        }
        let r = self.person_extent(p, end);
        if r <= next {
            return None;
        }
        // "accountants Grant Thornton", "William Hill spokesman Rupert
        // Adams": a firm named after people (a person's spokesman comes
        // after the possessive)
        let staff_after = self.has(r, LOWER)
            && self.lower_is(r, |w| {
                matches!(
                    w,
                    "spokesman" | "spokeswoman" | "spokesperson" | "analyst" | "economist"
                )
            })
            && self.is_cap(r + 1);
        if (p > 0 && self.has(p - 1, LOWER) && self.lower_is(p - 1, is_firm_noun)) || staff_after {
            self.emit(p, r, EntityKind::Organization, Strength::Strong);
            return Some(r);
        }
        self.emit_person_like(p, r, Strength::Strong);
        Some(r)
    }

    /// `Luís Montenegro`, `Amy Chad`: a given name that no list knows as
    /// anything else, then one word that is a country's name and ends the
    /// run of capitals, is a person's full name, the country the surname.
    fn country_surname(&self, p: usize, q: usize, end: usize) -> bool {
        q == p + 1
            && q + 1 == end
            && self.has(q, SPACE)
            && !self.has(q, HEADLINE)
            && self.is_first_name(p)
            && !(self.risky(p) && self.is_common(p))
            && self.word(p).chars().count() > 1
            && self.gaz_at(p, end).is_none()
            && self.gaz_at(q, end).is_some_and(|(n, g)| {
                n == 1
                    && (g.source == Source::Country
                        || (g.source == Source::Demonym
                            && !self.word(q).ends_with('s')
                            && self.no_noun_after(q + 1)))
            })
            && !self.has(q, UPPER)
    }

    /// `Victor Moldovan (CDR)`, `Ryan English said`: nothing after token
    /// `k - 1` that a people's word would describe (`Moldovan wine`).
    fn no_noun_after(&self, k: usize) -> bool {
        self.toks.get(k).is_none_or(|t| {
            !t.is_word()
                || t.has(LINE_START)
                || self.lower_is(k, |w| {
                    one_of!(
                        w,
                        "said"
                            | "says"
                            | "told"
                            | "who"
                            | "was"
                            | "is"
                            | "has"
                            | "had"
                            | "and"
                            | "won"
                            | "wins"
                            | "added"
                            | "wrote"
                    )
                })
        })
    }

    /// How far a person's name starting at `p` goes.
    fn person_extent(&mut self, p: usize, end: usize) -> usize {
        let mut r = p + 1;
        while r < end {
            let t = self.toks[r];
            if t.is_word() && t.is_capitalised() {
                if r > p && !self.has(r, HYPHEN_PREV) {
                    let title = self.title_at(r, end);
                    if title > 0 && self.capital_follows(r + title, end) {
                        break;
                    }
                    if self.gaz_at(r, end).is_some_and(|(n, g)| {
                        n > 1 && g.kind != EntityKind::Person
                            || matches!(g.source, Source::Country | Source::Demonym)
                    }) && !self.country_surname(p, r, end)
                    {
                        break;
                    }
                    if self.has(r, HEADLINE) && self.is_common(r) {
                        break;
                    }
                    // letters after a name: "Nicholas Blake QC", "Jane Doe MP"
                    if is_post_nominal(t.text(self.text)) {
                        break;
                    }
                }
                r += 1;
            } else {
                r += 1;
            }
        }
        r
    }

    /// The end of a storm's name starting at `p`: `Hurricane Milton`,
    /// `Super Typhoon Mangkhut`, `Tropical Storm Alberto`.
    fn storm_name(&self, p: usize, end: usize) -> Option<usize> {
        // Every word a storm's name can start with (`Storm`, `Super`,
        // `Cyclone`…) has at least five letters: others are passed over at once.
        const SHORTEST_START: usize = 5;
        if p + 1 >= end
            || self.toks[p].kind != Kind::Word
            || self.toks[p].text(self.text).len() < SHORTEST_START
        {
            return None;
        }
        let mut k = p;
        while k < end
            && self.is_cap(k)
            && self.lower_is(k, |w| matches!(w, "super" | "severe" | "tropical"))
        {
            k += 1;
        }
        let storm = k + 1 < end
            && self.is_cap(k)
            && self.lower_is(k, |w| {
                matches!(w, "typhoon" | "hurricane" | "cyclone" | "storm")
            })
            && self.is_cap(k + 1)
            && self.has(k + 1, SPACE)
            && !self.has(k + 1, HEADLINE)
            && self.gaz_at(k + 1, end).is_none();
        storm.then_some(k + 2)
    }

    /// Two or three plain capitalised words from `p`, then a surname's
    /// particle and its capital (`João Pereira da Silva`, `Maria Alves dos
    /// Santos`): the particle's index.
    fn words_before_particle(&self, p: usize, end: usize) -> Option<usize> {
        // most names have no particle: look for one first
        if !(p + 2..(p + 4).min(end)).any(|k| self.surname_particle(k)) {
            return None;
        }
        let mut k = p;
        while k < end && k < p + 3 && self.is_cap(k) && self.has(k + 1, SPACE) {
            let plain = !self.risky(k)
                && !self.lower_is(k, |w| {
                    is_stopword(w)
                        || is_org_head(w)
                        || is_place_head(w)
                        || is_dept_word(w)
                        || is_title_head(w)
                })
                && self.gaz_at(k, end).is_none_or(|(n, g)| {
                    n == 1 && matches!(g.source, Source::City | Source::Subdivision)
                });
            if !plain {
                return None;
            }
            k += 1;
        }
        (k >= p + 2 && k + 1 < end && self.surname_particle(k) && self.is_cap(k + 1)).then_some(k)
    }

    /// A lower-case word that only joins the parts of a person's name:
    /// `Joost van Dam`, `Ludwig von Mises`, `Maria dos Santos`.
    fn surname_particle(&self, k: usize) -> bool {
        let Some(&t) = self.toks.get(k) else {
            return false;
        };
        t.is_word()
            && t.text(self.text).len() <= 3
            && !t.is_capitalised()
            && self.lower_is(k, |w| {
                one_of!(
                    w,
                    "van" | "von" | "der" | "den" | "ter" | "da" | "dos" | "das"
                )
            })
    }

    /// Whether the line of token `k` is a table's row of headings: three
    /// cells or more set apart by column gaps, each one word, two of them
    /// common words, no figures, at most 48 tokens.
    fn heading_row(&self, k: usize) -> bool {
        let start = (0..=k)
            .rev()
            .find(|&j| self.has(j, LINE_START))
            .unwrap_or(0);
        let end = (k + 1..self.toks.len())
            .find(|&j| self.has(j, LINE_START))
            .unwrap_or(self.toks.len());
        // a row of headings is short: a longer line is not looked through
        // (each of its words would look through it again)
        if end - start > 48 {
            return false;
        }
        let (mut cells, mut common) = (0, 0);
        for j in start..end {
            let t = self.toks[j];
            if t.kind == Kind::Num {
                return false;
            }
            if !t.has(LINE_START | COLUMN) {
                continue;
            }
            let alone = j + 1 == end || self.has(j + 1, COLUMN);
            if !(t.is_word() && alone) {
                continue;
            }
            cells += 1;
            common += usize::from(self.is_common(j));
        }
        cells >= 3 && common >= 2
    }

    /// A person, unless the name ends with a head word.
    fn emit_person_like(&mut self, p: usize, r: usize, strength: Strength) {
        let mut last = r;
        while last > p && !self.is_name_end(last - 1) {
            last -= 1;
        }
        let particle = (p + 1..r).any(|k| self.surname_particle(k));
        // "Judge Rosa Villanueva-Park": the second half of a double
        // surname is no head word
        let double = last > p && self.has(last - 1, HYPHEN_PREV);
        let kind = if particle || double {
            EntityKind::Person
        } else if last > p + 1
            && (self.lower_is(last - 1, is_org_head) || self.service_head(last - 1))
        {
            EntityKind::Organization
        } else if last > p + 1 && self.lower_is(last - 1, is_place_head) {
            EntityKind::Place
        } else {
            EntityKind::Person
        };
        self.emit(p, r, kind, strength);
    }

    /// "Chinedu Okafor-Bello": at `r`, a town's name joined by a hyphen to
    /// the second of two unknown capitalised words (at or after `p`): the
    /// second half of a double surname.
    fn town_ends_surname(&self, p: usize, r: usize, g: &Entry) -> bool {
        self.has(r, HYPHEN_PREV)
            && r >= p + 3
            && self.has(r - 2, SPACE)
            && matches!(g.source, Source::City | Source::Subdivision)
            && [r - 3, r - 2].iter().all(|&k| {
                self.toks[k].is_capitalised()
                    && self.gaz_at(k, k + 1).is_none()
                    && !self.is_common(k)
            })
    }

    /// "the Cedar-Riverside neighborhood": an unknown word joined by a
    /// hyphen to a town's name (at `r`) is one name with it, not two
    /// places (`U.S.-China`, where both are listed, stays two).
    fn town_ends_place(&self, p: usize, r: usize, g: &Entry) -> bool {
        r == p + 2
            && self.has(r, HYPHEN_PREV)
            && matches!(
                g.source,
                Source::City | Source::Region | Source::Subdivision
            )
            && self.toks[p].is_capitalised()
            && !self.has(p, UPPER)
            && self.gaz_at(p, p + 1).is_none()
            && !self.is_first_name(p)
            && !self.is_cap(r + 1)
    }

    /// An unknown name: from `p` to a title, a gazetteer entry, or (in a
    /// headline) a common word.
    #[allow(clippy::too_many_lines)] // one rule after another, in order
    fn unknown_extent(&mut self, p: usize, end: usize) -> usize {
        let mut r = p + 1;
        // "the anti-Kremlin Yabloko party": what a prefix takes is a word
        // of its own
        if self.after_word_prefix(p) && !self.is_first_name(p) && self.has(r, SPACE) {
            return r;
        }
        while r < end {
            let t = self.toks[r];
            // "GroenLinks-PvdA": bodies' names in mixed case joined by a
            // hyphen are two (a double surname has no inner capitals)
            if self.bare_hyphen(r) && (camel_case(self.word(r - 1)) || camel_case(self.word(r + 1)))
            {
                break;
            }
            // "cut B.C. Queues stretched": an ordinary word after a dotted
            // abbreviation starts the next sentence
            if t.is_word()
                && t.is_capitalised()
                && self.has(r - 1, super::token::DOTTED)
                && !self.has(r, UPPER)
                && self.low.common_form(r)
                && !self.is_first_name(r)
                && !self.lower_is(r, |w| {
                    is_org_head(w) || is_place_head(w) || is_title_head(w)
                })
            {
                break;
            }
            if t.is_word() && t.is_capitalised() {
                // "Gare de Lyon", "Plaza de Mayo": a place's head word
                // first, then its particle
                let after_de = r == p + 2
                    && self.lower_is(p, is_place_head_first)
                    && self.lower_is(r - 1, |w| {
                        matches!(w, "de" | "du" | "des" | "del" | "di" | "do" | "da")
                    });
                let after_of = after_de
                    || r > p + 1
                        && (self.lower_is(r - 1, |w| w == "of" || w == "for")
                            || (r > p + 2
                                && self.lower_is(r - 1, |w| w == "the")
                                && self.lower_is(r - 2, |w| w == "of")));
                if let Some((n, g)) = self.gaz_at(r, end) {
                    // "Economic Commission for Africa": a listed head word
                    // with more of the name after it
                    let of_after = n == 1
                        && self.lower_is(r, is_org_head)
                        && self.has(r + 1, LOWER)
                        && self.lower_is(r + 1, |w| w == "of" || w == "for")
                        && r + 2 < end;
                    // "Women's World Cup": a listed name after a plural
                    // that takes `'s` inside the name
                    let people = r == p + 2
                        && self.toks[p + 1].kind == Kind::Poss
                        && g.kind != EntityKind::Place
                        && self.possessive_inside(p + 1);
                    if after_of || of_after || people {
                        r += n;
                        continue;
                    }
                    // "National Electoral Commission": more words before a body's
                    // name; "Radio Times": before a head word listed alone
                    if g.kind == EntityKind::Organization
                        && (n >= 2 || self.lower_is(r, is_org_head))
                        && r > p
                        && self.has(r, SPACE)
                        && self.words_before_body(p, r)
                    {
                        self.club_end = Some(r + n);
                        return r + n;
                    }
                    // "World Test Championship", "County Championship": more
                    // words before an event's head word listed alone
                    if g.kind == EntityKind::Name
                        && n == 1
                        && r + 1 == end
                        && self.lower_is(r, is_event_head)
                        && r > p
                        && self.has(r, SPACE)
                        && self.plain_name_words(p, r)
                    {
                        return r + 1;
                    }
                    // "Nordhafen Hamburg", "Dynamo Kiev": a club (not
                    // "Kento Ishikawa (Japan)", an athlete and a country)
                    if matches!(
                        g.source,
                        Source::City | Source::Subdivision | Source::Region
                    ) && g.kind == EntityKind::Place
                        && r + n == end
                        && r > p
                        && self.has(r, SPACE)
                        && !self.has(r, HEADLINE)
                        && self.plain_name_words(p, r)
                        && !(r == p + 1 && self.word(p).chars().count() == 1)
                        // "Lake Victoria", "Mount Kenya": a place's feature
                        && !(r == p + 1
                            && matches!(self.word(p), "Lake" | "Mount" | "Mt" | "Cape" | "Lakes"))
                    {
                        // "Kento Ishikawa (Japan)": an athlete's surname;
                        // "the Prek Takeo junction": a site's whole name
                        let site = self.lower_word(end)
                            && self.lower_is(end, |w| site_noun(w) == Some(Site::Mine));
                        // "Nueva Palmira", "Greater London": a town named
                        // for another, or a place's wider area
                        // (not "the Greater Poznań coalition", a body)
                        let lead = r == p + 1
                            && self.lower_is(p, is_place_lead)
                            && !(self.lower_word(end)
                                && self.lower_is(end, |w| {
                                    apposition_kind(w) == Some(EntityKind::Organization)
                                }));
                        if self.country_in_brackets(end) || site || lead {
                            r += n;
                            continue;
                        }
                        self.club_end = Some(r + n);
                        return r + n;
                    }
                    // "Liam Fox", "Harrison Ford": an unknown word, then a
                    // one-word body's name ending the run: a person
                    if n == 1
                        && r == p + 1
                        && r + 1 == end
                        && g.source == Source::Organization
                        && self.has(r, SPACE)
                        && !self.risky(p)
                        && !self.has(p, UPPER)
                        && !self.has(r, UPPER)
                        && !self.low.common_form(p)
                    {
                        return r + 1;
                    }
                    // "Himal Sky Airlines": a one-word body's name inside
                    // a longer one, before the head word that ends it
                    if n == 1
                        && g.kind == EntityKind::Organization
                        && r + 2 <= end
                        && self.is_cap(r + 1)
                        && self.has(r + 1, SPACE)
                        && self.gaz_at(r + 1, end).is_none()
                        && self.lower_is(r + 1, is_org_head)
                    {
                        return r + 2;
                    }
                    if n == 1 && (self.town_ends_surname(p, r, g) || self.town_ends_place(p, r, g))
                    {
                        r += 1;
                        continue;
                    }
                    if !self.has(r, HYPHEN_PREV) || self.lower_is(p, |w| !is_hyphen_particle(w)) {
                        break;
                    }
                }
                if self.title_at(r, end) > 0
                    || is_post_nominal(t.text(self.text))
                    || (r > p && self.has(r, UPPER) && self.lower_is(r, is_not_a_name_acronym))
                {
                    // "CBS TV network": a description, not the name
                    break;
                }
                // a given name starts a name of its own: "Singer Sue Essex"
                if !self.has(r, HYPHEN_PREV)
                    && (p..r).all(|k| !self.toks[k].is_capitalised() || self.is_common(k))
                    && self.is_first_name(r)
                    && self.is_cap(r + 1)
                    && self.has(r + 1, SPACE)
                    // "Institute of Marine Sciences": a field after `of`
                    && !(after_of && self.lower_is(r + 1, is_field))
                {
                    break;
                }
                if self.has(r, HEADLINE) && self.is_common(r) {
                    break;
                }
                if self.has(r, CAPS_LINE) {
                    break;
                }
            }
            r += 1;
        }
        r
    }

    #[allow(clippy::too_many_lines)] // one rule after another, in order
    fn classify_unknown(&mut self, p: usize, r: usize) {
        let mut p = p;
        // capitalised sentence starts that are ordinary words
        loop {
            while p < r && !(self.toks[p].is_word() && self.toks[p].is_capitalised()) {
                p += 1;
            }
            if p >= r {
                break;
            }
            if !self.risky(p) {
                // "The European Central Bank": the article stays outside
                if p + 1 < r && self.lower_is(p, |w| matches!(w, "the" | "a" | "an")) {
                    p += 1;
                    continue;
                }
                break;
            }
            let w = self.word(p);
            // an initial ("M. Atherton") is part of the name
            let initial_letter = w.chars().count() == 1
                && self
                    .toks
                    .get(p + 1)
                    .is_some_and(|t| t.is_punct('.') && !t.has(SPACE))
                && p + 2 < r;
            if initial_letter {
                break;
            }
            let stop = self.lower_is(p, |w| is_stopword(w) || w == "former");
            let words_after = (p + 1..r).filter(|&k| self.toks[k].is_word()).count();
            // asked only when no stop word decides: the inflections' test
            // looks up a dozen stems
            let common_unheaded = || {
                self.low.common_form(p)
                    && !self.is_first_name(p)
                    && !(words_after > 0
                        && self.lower_is(self.last_word(p, r), |x| {
                            is_org_head(x) || is_place_head(x) || is_event_head(x)
                        }))
            };
            let table_row = self.has(p, TABLE_LINE)
                && self.has(p, LINE_START)
                && words_after == 0
                && self.is_score(p + 1);
            // "Call of Duty comes with...": a title; not "Shares of ..."
            let work = words_after > 0
                && self.lower_is(p + 1, |x| x == "of")
                && !self.word(p).ends_with('s');
            if !table_row && !work && (stop || common_unheaded()) {
                if !stop && words_after == 0 {
                    self.emit(p, p + 1, EntityKind::Person, Strength::Pending);
                }
                p += 1;
                continue;
            }
            break;
        }
        if p >= r {
            return;
        }
        let words: Vec<usize> = (p..r).filter(|&k| self.toks[k].is_word()).collect();
        let caps: Vec<usize> = words
            .iter()
            .copied()
            .filter(|&k| self.toks[k].is_capitalised())
            .collect();
        let (Some(&first), Some(&last)) = (caps.first(), caps.last()) else {
            return;
        };
        let r = last + 1;
        let n = caps.len();
        if self.has(first, CAPS_LINE) {
            for &k in &caps {
                if !self.lower_is(k, is_stopword) {
                    self.emit(k, k + 1, EntityKind::Person, Strength::Pending);
                }
            }
            return;
        }
        let has_of = words
            .iter()
            .any(|&k| self.lower_is(k, |w| w == "of" || w == "for"));
        if self.club_end.take() == Some(r) {
            // "opener Rahmanullah Safi": a player, though his surname is
            // a town
            let player = p > 0 && self.lower_word(p - 1) && self.lower_is(p - 1, person_cue_before);
            // "said Hilaire Kouassi Yao, director general of": someone
            // speaking, or with a post after
            let speaker = p > 0
                && self.lower_word(p - 1)
                && self.lower_is(p - 1, |w| matches!(w, "said" | "says"));
            let post_after = self.toks.get(r).is_some_and(|t| t.is_punct(','))
                && self.lower_word(r + 1)
                && self.lower_is(r + 1, person_cue_before);
            let kind = if player || speaker || post_after {
                EntityKind::Person
            } else {
                EntityKind::Organization
            };
            self.emit(p, r, kind, Strength::Strong);
            return;
        }
        if n == 2
            && r == first + 3
            && let Some(Some((1, g))) = self.gaz.get(last)
            && self.town_ends_place(first, last, g)
        {
            self.emit(p, r, EntityKind::Place, Strength::Weak);
            return;
        }
        if n >= 2 {
            // `Dalsfjord Havbruk AS`, `Volvo AB`: a company's letters
            let company_letters = matches!(self.word(last), "AS" | "AB" | "Oy" | "ApS" | "SpA");
            let kind = if self.lower_is(last, is_org_head)
                || company_letters
                || (last > first && self.service_head(last))
                // "Cofco International"
                || self.word(last) == "International"
                || self.lower_is(first, is_org_head_first)
                || self.party_name(first, last, r)
            {
                Some(EntityKind::Organization)
            } else if self.lower_is(last, is_place_head)
                || self.lower_is(first, is_place_head_first)
                || self.compass_then_unknown(first, last, n)
            {
                Some(EntityKind::Place)
            } else if self.lower_is(last, is_event_head)
                || self.lower_is(first, |w| {
                    // "Convention on Biological Diversity": a law on its subject
                    matches!(
                        w,
                        "convention" | "treaty" | "charter" | "covenant" | "protocol"
                    )
                })
            {
                Some(EntityKind::Name)
            } else if has_of && self.lower_is(first, is_org_prefix) {
                Some(EntityKind::Organization)
            } else if words.iter().any(|&k| {
                k > p
                    && ((self.lower_is(k, |w| matches!(w, "to" | "of" | "for"))
                        && self.lower_is(k - 1, is_org_head))
                        || (self.lower_is(k, |w| w == "on") && self.lower_is(k - 1, takes_on)))
            }) {
                // "Committee to Protect Journalists", "Economic Commission
                // for Africa"
                Some(EntityKind::Organization)
            } else if (has_of && self.lower_is(first, is_place_prefix))
                || self.lower_is(first, is_place_lead)
            {
                Some(EntityKind::Place)
            } else {
                None
            };
            // "the band Velvet Harbour", "label Rough Trade": a body's noun
            // before outweighs a place's or an event's head word
            let body_before = p > 0
                && self.has(p - 1, LOWER)
                && self.lower_is(p - 1, |w| {
                    org_cue_before(w) || more_org_cue_before(w) || is_firm_noun(w)
                });
            // "the tanker Aegean Star", "the MV Bukoba": a ship, whatever
            // its words (the prefix's letters stay outside)
            let vessel = (p > 0 && self.lower_word(p - 1) && self.lower_is(p - 1, is_vessel_noun))
                || is_ship_prefix(self.word(first));
            let kind = if vessel { Some(EntityKind::Name) } else { kind };
            if let Some(kind) = kind {
                let kind = if body_before {
                    EntityKind::Organization
                } else {
                    kind
                };
                self.emit(p, r, kind, Strength::Strong);
                return;
            }
            // single capital letters and bare codes are not names ("Group C")
            if self.word(last).chars().count() == 1 {
                return;
            }
            let initial = self.word(first).chars().count() == 1
                && self.toks.get(first + 1).is_some_and(|t| t.is_punct('.'));
            let by_town = !initial && self.is_town(first, r);
            let kind = if by_town {
                // `Flin Flon`, `Herceg Novi`: a town no other list has
                self.town_kind(first, r)
            } else if initial || self.is_first_name(first) {
                EntityKind::Person
            } else if (self.is_common(last) && (n > 2 || self.is_common(first)))
                || (has_of && self.is_common(first))
            {
                EntityKind::Name
            } else if (first + 1..r).all(|k| self.has(k, HYPHEN_PREV) || !self.toks[k].is_word())
                && self.lone_place_before(first, r)
            {
                // `a drive to Rouyn-Noranda`: a hyphened place
                EntityKind::Place
            } else {
                EntityKind::Person
            };
            // "Ipsos I&O", "Standard & Poor's": letters joined by `&` are a
            // body's
            let all_upper = caps.iter().all(|&k| self.has(k, UPPER))
                || caps.iter().any(|&k| self.word(k).contains('&'));
            let kind = if all_upper {
                EntityKind::Organization
            } else {
                kind
            };
            let cue = self.cue(p, r).filter(|_| !initial);
            self.emit(p, r, cue.unwrap_or(kind), Strength::Weak);
            if let Some(c) = self.out.last_mut() {
                c.cue = cue;
                c.town = by_town && cue.is_none() && kind == EntityKind::Place;
            }
            return;
        }
        // a single word
        let w = self.word(first);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters <= 1 && !self.has(first, super::token::DOTTED) {
            return;
        }
        if self.lower_is(first, is_not_a_name_acronym) {
            return;
        }
        // "Close    Change   High     Low", "Month    Sett    Chg": a
        // column's heading, a common word or one in a row of them
        if self.has(first, COLUMN | LINE_START)
            && self
                .toks
                .get(first + 1)
                .is_none_or(|t| t.has(LINE_START | COLUMN))
            && ((self.has(first, COLUMN) && self.is_common(first)) || self.heading_row(first))
        {
            return;
        }
        // "the second Test", "five Tests", "a home Test": one match of a
        // kind, after a word that counts or picks it out
        if self.lower_is(first, is_capitalised_match_noun)
            && first > 0
            && ((self.toks[first - 1].is_word() && self.has(first - 1, LOWER))
                || self.toks[first - 1].kind == Kind::Num)
        {
            return;
        }
        // "Currently", "Clearly" after a lost stop: an adverb
        // ("met Geely", "BYD, Geely": a name after a lower-case word or a
        // comma)
        if w.len() > 4
            && (self.risky(first)
                || !(first > 0
                    && (self.toks[first - 1].is_punct(',')
                        || (self.toks[first - 1].is_word() && self.has(first - 1, LOWER)))))
            && w.ends_with("ly")
            && self.lex.is_common(&w[..w.len() - 2])
            && !self.is_first_name(first)
        {
            return;
        }
        // "RPGs", "NGOs": a common noun's abbreviation in the plural
        if w.len() >= 3
            && w.ends_with('s')
            && w[..w.len() - 1].bytes().all(|b| b.is_ascii_uppercase())
        {
            return;
        }
        // "Aid minister Hilary Benn": a department before an office
        if self.lower_is(first, is_dept_word)
            && self.has(first + 1, LOWER)
            && self.lower_is(first + 1, is_title_head)
        {
            return;
        }
        // "Ex-chat show host", "Anti-war protesters": a prefix
        if self.bare_hyphen(first + 1)
            && self.has(first + 2, LOWER)
            && self.lower_is(first, is_word_prefix)
        {
            return;
        }
        // the second half of a word whose first half is not a name: "Spider-Man"
        // ("GroenLinks-PvdA" is two bodies)
        if self.has(first, HYPHEN_PREV)
            && first >= 2
            && self.toks[first - 2].is_capitalised()
            && !camel_case(w)
            && !camel_case(self.word(first - 2))
        {
            return;
        }
        // "the Bank's 2% target", "the Government has", "before the Games":
        // a body or an event named by its head word alone, capitalised in
        // mid-sentence
        let the_before = first >= 1
            && self.has(first - 1, LOWER)
            && self.lower_is(first - 1, |x| x == "the")
            && !self.risky(first)
            && !self.has(first, UPPER)
            && !self.lower_is(first, is_title_head)
            // "the Ministry of Justice" is cut elsewhere, not here
            && !self.lower_is(first + 1, |x| x == "of" || x == "for");
        // "The House passed it": the chamber
        let house = first >= 1
            && self.lower_is(first - 1, |x| x == "the")
            && self.word(first) == "House"
            && !self.lower_is(first + 1, |x| x == "of");
        if house || (the_before && self.lower_is(first, is_org_head)) {
            self.emit(first, first + 1, EntityKind::Organization, Strength::Weak);
            return;
        }
        if the_before && self.lower_is(first, is_event_head) {
            self.emit(first, first + 1, EntityKind::Name, Strength::Weak);
            return;
        }
        if self.lower_is(first, |x| {
            is_org_head(x)
                || is_place_head(x)
                || is_event_head(x)
                || is_title_head(x)
                || is_stopword(x)
        }) {
            return;
        }
        let common = self.is_common(first);
        let upper = self.has(first, UPPER);
        // (`Revenue   412.6`: a row's label before amounts, no side)
        let amount = self
            .toks
            .get(first + 1)
            .is_some_and(|t| t.text(self.text).contains(['.', ',']));
        if common && amount && self.has(first, TABLE_LINE) && self.is_score(first + 1) {
            return;
        }
        let team_slot = self.has(first, TABLE_LINE)
            && self.is_score(first + 1)
            && (self.has(first, LINE_START)
                || first
                    .checked_sub(1)
                    .is_some_and(|k| self.toks[k].kind == Kind::Num));
        // "the Beatles", "the Killers", "the Saints": a band or a team
        let the_plural = first > 0
            && self.toks[first - 1].is_word()
            && self.lower_is(first - 1, |x| x == "the")
            && w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !upper;
        // "Digital Markets Act (DMA)", "Tadawul All Share Index (TASI)":
        // letters in brackets after a name that starts with their first
        // letter are its short form, of its kind
        let short_form = (first >= 1
            && upper
            && self.toks[first - 1].is_punct('(')
            && self.toks.get(first + 1).is_some_and(|t| t.is_punct(')')))
        .then(|| self.out.last().filter(|c| c.b + 1 == first))
        .flatten()
        .filter(|c| {
            self.word(c.a).chars().next() == w.chars().next()
                && matches!(c.kind, EntityKind::Name | EntityKind::Place)
        })
        .map(|c| c.kind);
        // "HBM3E", "GE9X", "Mazda3", "A321neo": letters and digits make
        // a model's or a product's code
        let code = (w.bytes().any(|b| b.is_ascii_digit()) && !self.lower_is(first, is_channel))
            || (camel_case(w) && w.ends_with("OS"));
        let mut by_town = false;
        let kind = if let Some(kind) = short_form {
            kind
        } else if code {
            EntityKind::Name
        } else if (upper && letters <= 6) || team_slot || camel_case(w) || the_plural {
            EntityKind::Organization
        } else if first > 0 && self.prev_word_is(first, is_place_preposition) {
            EntityKind::Place
        } else if common {
            // an ordinary word with a capital: a title, a product, an event
            EntityKind::Name
        } else if self.lone_place_before(first, first + 1) {
            EntityKind::Place
        } else if self.is_town(first, first + 1) && !self.substitute(first) {
            by_town = true;
            self.town_kind(first, first + 1)
        } else {
            EntityKind::Person
        };
        let table_row =
            self.has(first, TABLE_LINE) && self.has(first, LINE_START) && self.is_score(first + 1);
        // "PP leader Álvaro Méndez", "NUT said": letters at a sentence
        // start that act as a body are one
        let acronym_acts = upper && letters <= 6 && self.acts_as_body(first + 1);
        let strength = if table_row || acronym_acts {
            Strength::Weak
        } else if self.risky(first)
            && (common
                || self.low.common_form(first)
                || (self.listed(first).rarer() && !self.is_first_name(first)))
        {
            Strength::Pending
        } else {
            Strength::Weak
        };
        let cue = short_form.or_else(|| self.cue(first, first + 1));
        self.emit(first, first + 1, cue.unwrap_or(kind), strength);
        let lower_test = strength == Strength::Weak
            && self.risky(first)
            && !upper
            && !self.is_first_name(first)
            && cue.is_none();
        if let Some(c) = self.out.last_mut() {
            c.cue = cue;
            c.lower_test = lower_test;
            c.town = by_town && cue.is_none() && kind == EntityKind::Place;
        }
    }

    /// What the words before a name at `a` say of where it is or comes
    /// from: `Beijing-based Rokid` a body, `published in the Lancet` a
    /// journal, `a farmer from Friesland` a place.
    fn base_cue(&self, a: usize) -> Option<EntityKind> {
        // "Beijing-based Rokid", "the Geneva-based Medicines for Malaria
        // Venture": a body named by the place it is based in (a person
        // is introduced by a noun: "London-based artist Jane Doe")
        if a >= 3
            && self.has(a - 1, HYPHEN_PREV)
            && self.lower_is(a - 1, |w| w == "based")
            && self
                .out
                .last()
                .is_some_and(|c| c.b + 1 == a - 1 && c.kind == EntityKind::Place)
        {
            return Some(EntityKind::Organization);
        }
        // "published in the Lancet", "writing in Nature": a journal
        let journal_at = if self.lower_is(a - 1, |w| w == "the") {
            a - 1
        } else {
            a
        };
        if journal_at >= 2
            && self.lower_is(journal_at - 1, |w| w == "in")
            && self.lower_word(journal_at - 2)
            && self.lower_is(journal_at - 2, |w| {
                matches!(
                    w,
                    "published" | "publishing" | "printed" | "writing" | "wrote" | "written"
                )
            })
        {
            return Some(EntityKind::Organization);
        }
        // "firms such as Sagem", "retailers including Jessops": the first
        // of a list of bodies
        let such_as =
            a >= 3 && self.lower_is(a - 1, |w| w == "as") && self.lower_is(a - 2, |w| w == "such");
        let listing = if such_as {
            a - 2
        } else {
            a - usize::from(self.lower_is(a - 1, |w| matches!(w, "including" | "like")))
        };
        if listing < a
            && listing >= 2
            && self.toks[listing - 1].is_word()
            && self.lower_is(listing - 1, is_firms_noun)
        {
            return Some(EntityKind::Organization);
        }
        // "a town like Burwell", "rivers such as the Waimakariri": the
        // first of a list of places
        let the = usize::from(self.lower_is(a - 1, |w| w == "the"));
        let such_as = a >= 3 + the
            && self.lower_is(a - 1 - the, |w| w == "as")
            && self.lower_is(a - 2 - the, |w| w == "such");
        let listing = if such_as {
            a - 2 - the
        } else {
            let example =
                a > the && self.lower_is(a - 1 - the, |w| matches!(w, "including" | "like"));
            a - the - usize::from(example)
        };
        if listing < a - the
            && listing >= 2
            && self.toks[listing - 1].is_word()
            && self.lower_is(listing - 1, is_settlement_noun)
            && !self.has(a, UPPER)
        {
            return Some(EntityKind::Place);
        }
        // "Sen. Marla Kuehn of Ord": where a lawmaker is from
        if a >= 3
            && self.lower_is(a - 1, |w| w == "of")
            && let Some(p) = self
                .out
                .last()
                .filter(|c| c.b + 1 == a && c.kind == EntityKind::Person)
            && let Some(t) = (p.a.checked_sub(1)).map(|k| {
                k - usize::from(k > 0 && self.toks[k].is_punct('.') && !self.has(k, SPACE))
            })
            && self.lower_is(t, is_lawmaker)
            && !self.has(a, UPPER)
        {
            return Some(EntityKind::Place);
        }
        // "a dairy farmer from Friesland", "fled from Kherson": where
        // someone or something comes from
        if a >= 2
            && self.lower_is(a - 1, |w| w == "from")
            && self.lower_word(a - 2)
            && self.lower_is(a - 2, comes_from)
            && !self.has(a, UPPER)
        {
            return Some(EntityKind::Place);
        }
        None
    }

    /// What the words around a name at `a..b` make it: `oil firm Yukos`,
    /// `Yukos shares`, `striker Rooney`, `Glazer's son`, `, who`.
    fn cue(&self, a: usize, b: usize) -> Option<EntityKind> {
        if a >= 1 && self.lower_word(a - 1) {
            if self.maker_of_works(a) {
                return Some(EntityKind::Person);
            }
            // "the research vessel Atlântida Nova", "the Liberian-flagged
            // Lagune Horizon": a ship's name
            if self.lower_is(a - 1, is_vessel_noun)
                || (self.has(a - 1, HYPHEN_PREV) && self.lower_is(a - 1, |w| w == "flagged"))
            {
                return Some(EntityKind::Name);
            }
            if self.lower_is(a - 1, |w| {
                org_cue_before(w) || more_org_cue_before(w) || is_firm_noun(w)
            }) {
                return Some(EntityKind::Organization);
            }
            if self.lower_is(a - 1, person_cue_before) {
                return Some(EntityKind::Person);
            }
            if let Some(kind) = self.base_cue(a) {
                return Some(kind);
            }
            // "a company called Akamai", "the device, called the Linga One":
            // the noun before says what the name is
            let called = if self.lower_is(a - 1, |w| w == "the") {
                a - 1
            } else {
                a
            };
            if called >= 2 && self.lower_is(called - 1, |w| matches!(w, "called" | "named")) {
                let comma = self.toks[called - 2].is_punct(',');
                let noun = called - 2 - usize::from(comma);
                if (!comma || noun > 0)
                    && self.lower_word(noun)
                    && let Some(kind) = self.low(noun).and_then(apposition_kind)
                {
                    return Some(kind);
                }
            }
            if a >= 2
                && self.lower_is(a - 1, |w| matches!(w, "in" | "of" | "for" | "at"))
                && self.lower_is(a - 2, org_cue_before_of)
            {
                return Some(EntityKind::Organization);
            }
            // "according to Fastmarkets": one word no list knows, where a
            // person would be named in full (so too after `funded by`,
            // below)
            let according = a >= 2
                && self.lower_is(a - 1, |w| w == "to")
                && self.lower_word(a - 2)
                && self.lower_is(a - 2, |w| w == "according");
            if b == a + 1 && according && !self.is_first_name(a) && !self.is_common(a) {
                return Some(EntityKind::Organization);
            }
            // "an analyst at Bernstein", "a partner for Tods Murray": where
            // someone works
            let at = if self.lower_is(a - 1, |w| w == "the") {
                a - 1
            } else {
                a
            };
            // (also at a sentence start: "Analysts at Mediobanca said")
            if at >= 2
                && self.toks[at - 2].is_word()
                && self.lower_is(at - 1, |w| matches!(w, "at" | "for" | "with"))
                && self.lower_is(at - 2, works_at)
            {
                return Some(EntityKind::Organization);
            }
            // "the villages of Msaka", "Residents of Karşıyaka" (also at a
            // sentence's start)
            if a >= 2
                && self.lower_is(a - 1, |w| w == "of")
                && (self.lower_word(a - 2) || self.has(a - 2, INITIAL))
                && self.lower_is(a - 2, place_cue_before_of)
            {
                return Some(EntityKind::Place);
            }
            if self.place_before(a, b) {
                return Some(EntityKind::Place);
            }
        }
        // "its contract manufacturer, Goertek, rose", "its bakery unit, Kornly,": a
        // firm's or a unit's noun, then the name between commas
        if a >= 2
            && self.toks[a - 1].is_punct(',')
            && self.lower_word(a - 2)
            && self.lower_is(a - 2, |w| {
                is_firm_noun(w) || matches!(w, "unit" | "subsidiary" | "division" | "arm")
            })
            && self
                .toks
                .get(b)
                .is_some_and(|t| t.is_punct(',') || t.is_punct('.'))
        {
            return Some(EntityKind::Organization);
        }
        // "funded by Wellcome", "manufactured by Spain's Ferrer"
        if b == a + 1 && self.by_a_body(a) && !self.is_first_name(a) && !self.is_common(a) {
            return Some(EntityKind::Organization);
        }
        self.cue_after(a, b)
    }

    /// `funded by Wellcome`, `operated by Vietjet`, `manufactured by
    /// Spain's Ferrer`: what a body does, then `by` before the name at `a`
    /// (a country's possessive may come between).
    fn by_a_body(&self, a: usize) -> bool {
        let k = if a >= 3 && self.place_possessive(a - 2) {
            a - 2
        } else {
            a
        };
        k >= 2
            && self.lower_word(k - 1)
            && self.lower_is(k - 1, |w| w == "by")
            && self.lower_word(k - 2)
            && self.lower_is(k - 2, |w| {
                one_of!(
                    w,
                    "funded"
                        | "financed"
                        | "backed"
                        | "sponsored"
                        | "acquired"
                        | "operated"
                        | "owned"
                        | "run"
                        | "manufactured"
                        | "controlled"
                        | "bought"
                        | "supplied"
                        | "distributed"
                )
            })
    }

    /// Whether the words before a name at `a..b` (after a lower-case
    /// word) make it a place: `in Gaza`, `in nearby Bairnsdale`, `the
    /// townships of Bruthen and Sarsfield`.
    fn place_before(&self, a: usize, b: usize) -> bool {
        let acronym = self.has(a, UPPER) && b == a + 1;
        // "holding off Lando Norris", "saw off Arsenal": a verb's off
        let verb_off = a >= 2
            && self.lower_is(a - 1, |w| w == "off")
            && self.lower_word(a - 2)
            && self.lower_is(a - 2, |w| {
                w.ends_with("ing")
                    || w.ends_with("ed")
                    || matches!(
                        w,
                        "hold" | "held" | "saw" | "see" | "fend" | "fought" | "beat"
                    )
            });
        // "in nearby Bairnsdale", "in the northern Tigray"
        let between = a >= 2
            && self.lower_is(a - 1, is_place_adjective)
            && self.lower_word(a - 2)
            && (self.lower_is(a - 2, |w| is_place_preposition(w) && w != "off")
                || (a >= 3
                    && self.lower_is(a - 2, |w| w == "the")
                    && self.lower_is(a - 3, |w| is_place_preposition(w) && w != "off")));
        if !acronym
            && !verb_off
            && (self.lower_is(a - 1, is_place_preposition)
                || between
                || (a >= 2
                    && self.lower_is(a - 1, |w| w == "the")
                    && self.lower_word(a - 2)
                    && self.lower_is(a - 2, |w| is_place_preposition(w) && w != "off")))
        {
            return true;
        }
        // "of neighbouring Creighton", "within eight kilometres of Flin
        // Flon"
        let neighbour = self.lower_is(a - 1, |w| {
            matches!(w, "neighbouring" | "neighboring" | "nearby")
        });
        let distance = a >= 2
            && self.lower_is(a - 1, |w| w == "of")
            && self.lower_is(a - 2, |w| {
                matches!(
                    w,
                    "km" | "kilometres" | "kilometers" | "miles" | "metres" | "meters"
                )
            });
        if !acronym && (neighbour || distance) {
            return true;
        }
        // "from Ras Tanura in Saudi Arabia to Ain Sokhna in Egypt"
        let route = self.lower_is(a - 1, |w| matches!(w, "from" | "to"))
            && self.lower_is(b, |w| w == "in")
            && self
                .gaz_at(b + 1, self.toks.len())
                .is_some_and(|(_, e)| matches!(e.source, Source::Country | Source::Subdivision));
        if !acronym && route {
            return true;
        }
        if !acronym && self.route_end(a, b) {
            return true;
        }
        // "Winnipeg, Thompson and Brandon": the last of a list of places
        let listed = match self.out.as_slice() {
            [.., first, second] => {
                self.lower_is(a - 1, |w| w == "and")
                    && b == a + 1
                    && second.b + 1 == a
                    && first.b + 1 == second.a
                    && self.toks[first.b].is_punct(',')
                    && [first, second]
                        .iter()
                        .all(|c| c.kind == EntityKind::Place && c.strength == Strength::Strong)
            }
            _ => false,
        };
        if listed {
            return true;
        }
        // "the townships of Bruthen and Sarsfield": the second of two
        // places
        self.lower_is(a - 1, |w| w == "and")
            && self.out.last().is_some_and(|c| {
                c.b + 1 == a
                    && c.b == c.a + 1
                    && c.a >= 2
                    && c.kind == EntityKind::Place
                    && self.lower_is(c.a - 1, |w| w == "of")
                    && self.lower_word(c.a - 2)
                    && self.lower_is(c.a - 2, place_cue_before_of)
            })
    }

    /// `a ride from Musanze to Rubavu`, `the road north to Soubré`: a
    /// route's ends, after a way of going (`a march from Shakespeare to
    /// Yeats` is none).
    fn route_end(&self, a: usize, b: usize) -> bool {
        if a == 0 {
            return false;
        }
        let travel = |f: usize| {
            f >= 1
                && self.lower_word(f - 1)
                && self.lower_is(f - 1, |w| comes_from(w) || is_travel_word(w))
        };
        let route_start = self.lower_is(a - 1, |w| w == "from")
            && travel(a - 1)
            && self.lower_is(b, |w| w == "to")
            && self.is_cap(b + 1)
            && !self
                .toks
                .get(b + 2)
                .is_some_and(|t| t.is_word() && t.is_capitalised());
        let route_end = a >= 3
            && self.lower_is(a - 1, |w| w == "to")
            && self.lower_is(a - 3, |w| w == "from")
            && travel(a - 3)
            && self
                .out
                .last()
                .is_some_and(|c| c.a + 2 == a && c.b + 1 == a);
        let heading = a >= 2
            && self.lower_is(a - 1, |w| matches!(w, "to" | "from"))
            && self.lower_word(a - 2)
            && self.lower_is(a - 2, is_compass_point);
        b == a + 1 && (route_start || route_end || heading)
    }

    /// Whether token `k` is a word in lower case.
    fn lower_word(&self, k: usize) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| t.is_word() && t.has(super::token::LOWER))
    }

    /// Whether token `k` is a place's feature ending its phrase, after the
    /// place's name: `the Kariba dam,`, `Haeundae beach before` (`the
    /// Ruiz border plans` is no place).
    fn place_feature_at(&self, k: usize) -> bool {
        // (a plural ends its phrase: `the Biankouma and Lauzoua regions
        // rose`)
        self.lower_word(k)
            && self.lower_is(k, is_place_feature)
            && (!self.lower_word(k + 1)
                || self.lower_is(k + 1, is_stopword)
                || self.lower_is(k, |w| w.ends_with('s') && w != "mountains"))
    }

    /// `its Lalor mine`, `its idled Kemerton plant`, `the Cobre Panamá
    /// copper mine`: a site's own name before its noun, once its owner is
    /// named (`its`, `their`) or for a mine, a fab or a field with `the`
    /// (`the Toyota plant` is the firm's).
    fn site_name(&self, a: usize, b: usize) -> bool {
        let material = |k: usize| self.lower_word(k) && self.lower_is(k, is_site_material);
        let mut what = b + usize::from(material(b));
        // "the Oyu Tolgoi copper and gold mine"
        if what > b && self.lower_is(what, |w| w == "and") && material(what + 1) {
            what += 2;
        }
        if !self.lower_word(what) {
            return false;
        }
        let Some(noun) = self.low(what).and_then(site_noun) else {
            return false;
        };
        let owner = |k: usize| {
            self.toks[k].is_word()
                && self.lower_is(k, |w| {
                    matches!(w, "its" | "their" | "our" | "his" | "her")
                        || (noun == Site::Mine && matches!(w, "the" | "a"))
                })
        };
        // one word may stand between: `its idled`, `the shuttered`
        (a >= 1 && owner(a - 1)) || (a >= 2 && self.lower_word(a - 1) && owner(a - 2))
    }

    /// The words after a name at `a..b` that make it a place: a site's
    /// noun (`its Lalor mine`), `-based` (`the Cupertino-based company`),
    /// an electoral seat (`the Kuala Penyu state seat`).
    fn place_words_after(&self, a: usize, b: usize) -> bool {
        let based = self.bare_hyphen(b)
            && self.lower_is(b + 1, |w| w == "based")
            && !(b == a + 1 && (self.is_common(a) || self.has(a, UPPER)));
        let seat = b + usize::from(self.lower_is(b, |w| {
            matches!(
                w,
                "state" | "federal" | "parliamentary" | "assembly" | "marginal"
            )
        }));
        self.site_name(a, b)
            || based
            || (self.lower_word(seat)
                && self.lower_is(seat, |w| {
                    matches!(w, "seat" | "constituency" | "electorate")
                }))
    }

    /// The word at `k` after a name at `a..b` (and its `'s` if
    /// `possessive`) is a town's council or a part of a place: `Askvoll
    /// council voted`, `Peine's councillors`, `Victoria's west`; not of a
    /// body's letters (`ISA council`).
    fn town_part_after(&self, a: usize, b: usize, k: usize, possessive: bool) -> bool {
        self.lower_word(k)
            && ((self.lower_is(k, |w| matches!(w, "council" | "councillors" | "councilors"))
                && !(a..b).any(|i| self.has(i, UPPER)))
                || (possessive && self.lower_is(k, is_compass_point)))
    }

    /// What the words after a name at `a..b` make it.
    fn cue_after(&self, a: usize, b: usize) -> Option<EntityKind> {
        if self.place_words_after(a, b) {
            return Some(EntityKind::Place);
        }
        let mut k = b;
        let apostrophe = self
            .toks
            .get(k)
            .is_some_and(|t| t.is_punct('\'') || t.is_punct('\u{2019}'));
        // "Germany 's" as wire copy writes it
        let spaced_s = apostrophe && self.word(k + 1) == "s" && !self.has(k + 1, SPACE);
        let possessive = self.toks.get(k).is_some_and(|t| t.kind == Kind::Poss)
            || spaced_s
            || (apostrophe && self.has(k + 1, SPACE));
        if spaced_s {
            k += 1;
        }
        if possessive {
            k += 1;
            if self.lower_word(k) && self.lower_is(k, person_cue_after_possessive) {
                return Some(EntityKind::Person);
            }
        }
        // "the Trump administration", "the Obama presidency": a leader
        if !possessive
            && self.lower_word(k)
            && self.lower_is(k, |w| matches!(w, "administration" | "presidency"))
        {
            return Some(EntityKind::Person);
        }
        if self.town_part_after(a, b, k, possessive) {
            return Some(EntityKind::Place);
        }
        if self.lower_word(k) && self.lower_is(k, org_cue_after) {
            return Some(EntityKind::Organization);
        }
        if !possessive && self.place_feature_at(k) {
            return Some(EntityKind::Place);
        }
        // "Marsh's chief executive", "Tongyu's chief financial officer": a
        // company's officer
        if self.lower_word(k)
            && self.lower_is(k, |w| w == "chief")
            && self.lower_is(k + 1, |w| {
                matches!(w, "executive" | "financial" | "operating" | "technology")
            })
        {
            return Some(EntityKind::Organization);
        }
        // "Technorati, a blog search engine,", "Perrier, the French
        // mineral water owned by Nestle"
        if !possessive
            && self.toks.get(k).is_some_and(|t| t.is_punct(','))
            && let Some(kind) = self.apposition(k + 1)
        {
            return Some(kind);
        }
        // "Antwerp and Zeebrugge": like the place before
        if a >= 2
            && self.lower_is(a - 1, |w| w == "and" || w == "or")
            && self.out.last().is_some_and(|c| {
                c.b == a - 1 && c.kind == EntityKind::Place && c.strength == Strength::Strong
            })
        {
            return Some(EntityKind::Place);
        }
        if let Some(kind) = self.listed_between(a, b) {
            return Some(kind);
        }
        // "MUSCAT, March 15 (Northline) -": a news agency
        if a >= 1
            && self.toks[a - 1].is_punct('(')
            && self.toks.get(b).is_some_and(|t| t.is_punct(')'))
            && self.toks.get(b + 1).is_some_and(
                |t| matches!(t.kind, Kind::Punct(c) if is_hyphen(c) || c == '\u{2014}'),
            )
        {
            return Some(EntityKind::Organization);
        }
        if self.lower_word(k) && self.lower_is(k, place_cue_after) {
            return Some(EntityKind::Place);
        }
        // "the Oder and Opava rivers"
        if !possessive
            && self.lower_is(k, |w| w == "and" || w == "or")
            && self.is_cap(k + 1)
            && self.lower_is(k + 2, place_cue_after)
        {
            return Some(EntityKind::Place);
        }
        // "Havenbond said 4,600 of its members": the next pronoun
        if let Some(kind) = self.pronoun_after(k) {
            return Some(kind);
        }
        if !possessive
            && self.toks.get(k).is_some_and(|t| t.is_punct(','))
            && self.lower_is(k + 1, |w| w == "who")
        {
            return Some(EntityKind::Person);
        }
        // "Tods Murray, which has a client": not a person; a place or a
        // product is mostly known already, so a body
        let comma = usize::from(self.toks.get(k).is_some_and(|t| t.is_punct(',')));
        if !possessive && self.lower_word(k + comma) && self.lower_is(k + comma, |w| w == "which") {
            return Some(EntityKind::Organization);
        }
        if !possessive
            && self.lower_is(k, |w| matches!(w, "said" | "says" | "told" | "added"))
            && self.lower_is(k + 1, |w| matches!(w, "he" | "she" | "his" | "her"))
        {
            return Some(EntityKind::Person);
        }
        None
    }

    /// The kind of the names the name at `a..b` is listed between, when
    /// both are places or both bodies: `Genoa, La Spezia and Livorno`, `Dell,
    /// Samsung and Matsushita`.
    /// Also the last of a list of bodies: `Dell, Samsung and Matsushita`.
    fn listed_between(&self, a: usize, b: usize) -> Option<EntityKind> {
        let before = self
            .out
            .last()
            .filter(|c| a >= 2 && c.b + 1 == a && c.strength == Strength::Strong)?;
        if self.lower_is(a - 1, |w| w == "and" || w == "or")
            && before.a > 0
            && self.toks[before.a - 1].is_punct(',')
            && before.kind == EntityKind::Organization
        {
            return Some(EntityKind::Organization);
        }
        let before = before.kind;
        let listed = self.toks[a - 1].is_punct(',')
            && (self.toks.get(b).is_some_and(|t| t.is_punct(','))
                || self.lower_is(b, |w| w == "and" || w == "or"));
        let after = self.gaz_at(b + 1, self.toks.len())?.1.kind;
        (listed
            && before == after
            && matches!(before, EntityKind::Place | EntityKind::Organization))
        .then_some(before)
    }

    /// What an apposition starting at `j` (`a`, `an` or `the`, a few
    /// words, then a comma or a word such as `of` or `owned`) says a name
    /// is, by its last noun: `a blog search engine` a body, `the former
    /// striker` a person, `the port town` a place, `the mineral water` a
    /// product.
    /// `Japan's`, `Spain's`: a listed place's name at `k`, then `'s`.
    fn place_possessive(&self, k: usize) -> bool {
        self.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Poss)
            && self
                .gaz_at(k, k + 1)
                .is_some_and(|(_, e)| e.kind == EntityKind::Place)
    }

    fn apposition(&self, j: usize) -> Option<EntityKind> {
        // "Chacaltaya, once home to the world's highest ski run"
        let home =
            |k: usize| self.lower_is(k, |w| w == "home") && self.lower_is(k + 1, |w| w == "to");
        if self.has(j, LOWER)
            && (home(j)
                || (self.lower_is(j, |w| matches!(w, "once" | "now" | "still")) && home(j + 1)))
        {
            return Some(EntityKind::Place);
        }
        // "a blog search engine", or a place's ("Japan's largest business
        // federation")
        let from = if self.has(j, LOWER) && self.lower_is(j, |w| matches!(w, "a" | "an" | "the")) {
            j + 1
        } else if self.place_possessive(j) {
            j + 2
        } else {
            return None;
        };
        let mut last = None;
        // (a hyphen's compounds count as one word: "a Freetown-based
        // mobile payments start-up")
        let hyphens = (from..(j + 12).min(self.toks.len()))
            .filter(|&m| self.has(m, HYPHEN_PREV))
            .count();
        for m in from..(j + 7 + 2 * hyphens).min(self.toks.len()) {
            let t = self.toks[m];
            if t.has(LINE_START) {
                break;
            }
            if !t.is_word() {
                if matches!(t.kind, Kind::Punct(c) if is_hyphen(c)) || t.kind == Kind::Poss {
                    continue;
                }
                break;
            }
            // "Freetown-based": the compound describes, it does not end
            if self.has(m, HYPHEN_PREV) {
                last = Some(m);
                continue;
            }
            if self.apposition_stop(m) {
                break;
            }
            last = Some(m);
        }
        let m = last?;
        // the noun is the apposition's last: "the industry's first
        // full-hybrid sport utility vehicle" is no utility
        let next_word = self
            .toks
            .get(m + 1)
            .is_some_and(|t| t.is_word() && t.has(LOWER));
        if !self.has(m, LOWER) || (next_word && !self.apposition_stop(m + 1)) {
            return None;
        }
        // "a start-up": the compound's two words are the noun
        if m >= 2 && self.bare_hyphen(m - 1) && self.lower_is(m - 2, |w| w == "start") {
            return self
                .lower_is(m, |w| w == "up")
                .then_some(EntityKind::Organization);
        }
        self.low(m).and_then(apposition_kind)
    }

    /// A word at `k` that ends an apposition's description: `of`, `who`,
    /// `based`, `said`...
    fn apposition_stop(&self, k: usize) -> bool {
        self.lower_is(k, |w| {
            one_of!(
                w,
                "of" | "who"
                    | "which"
                    | "that"
                    // "Nusantara, the new capital being carved out"
                    | "being"
                    | "whose"
                    | "where"
                    | "with"
                    | "in"
                    | "at"
                    | "for"
                    | "from"
                    | "by"
                    | "and"
                    | "owned"
                    | "based"
                    | "known"
                    | "said"
                    | "says"
                    | "has"
                    | "had"
                    | "is"
                    | "was"
            )
        })
    }

    fn last_word(&self, p: usize, r: usize) -> usize {
        (p..r).rev().find(|&k| self.toks[k].is_word()).unwrap_or(p)
    }

    /// `a drive to Amos`, `by phone from Berchtesgaden`, `between
    /// Ranomena and`, `around Hasik`, `on Grímsey`, `the Hidrovía`: one
    /// word no list knows, no given name, after these is a place, where a
    /// person would have been named in full (the article's own full names
    /// still make it a surname). Not before a possessive (`from
    /// Gudjohnsen's header`), nor after `the` or `on` before a noun it
    /// qualifies (`the Tomlinson review`, `on Soham murderer`), nor after
    /// what is said or given to someone (`listen to Vivaldi`), nor after
    /// `from` but for a journey or a home (`a bid from Qwest`).
    fn lone_place_before(&self, i: usize, end: usize) -> bool {
        if i == 0 || self.is_first_name(i) || self.has(i, UPPER) || self.risky(i) {
            return false;
        }
        let next = self.toks.get(end);
        let possessive = next.is_some_and(|t| t.kind == Kind::Poss);
        let noun_after = next.is_some_and(|t| t.is_word() && t.has(LOWER))
            && !self.lower_is(end, |w| is_stopword(w) || is_place_preposition(w));
        if possessive || !self.prev_word_is(i, |_| true) {
            return false;
        }
        let before = |f: fn(&str) -> bool| i >= 2 && self.lower_is(i - 2, f);
        let Some(prep) = self.low(i - 1) else {
            return false;
        };
        match prep {
            "the" => {
                // `the Kop.`, `the Hidrovía, to`: nothing it qualifies
                // after (`the Kirin 9030 processor` is a product)
                let ends = next.is_none_or(|t| match t.kind {
                    Kind::Punct(_) => true,
                    Kind::Word => !noun_after,
                    _ => false,
                });
                ends && !self.word(end - 1).ends_with('s')
            }
            "on" => !noun_after,
            "between" | "around" | "beyond" | "reaches" => true,
            // `from Shakespeare to Yeats` is a range, left to the route's
            // own test
            "to" => {
                let range = i >= 3 && self.lower_is(i - 3, |w| w == "from");
                !(noun_after || range || before(takes_a_person_to))
            }
            "from" => {
                let route = self.lower_is(end, |w| matches!(w, "in" | "near"));
                route
                    || (i >= 2 && self.toks[i - 2].is_punct(','))
                    || before(|w| {
                        one_of!(
                            w,
                            "hours"
                                | "minutes"
                                | "km"
                                | "kilometres"
                                | "kilometers"
                                | "miles"
                                | "phone"
                                | "both"
                                | "arrived"
                                | "returned"
                                | "came"
                                | "comes"
                                | "flew"
                                | "moved"
                                | "travelled"
                                | "traveled"
                                | "drove"
                                | "residents"
                                | "villagers"
                                | "people"
                                | "farmers"
                                | "families"
                        )
                    })
            }
            _ => false,
        }
    }

    fn prev_word_is(&self, i: usize, f: impl Fn(&str) -> bool) -> bool {
        let Some(k) = i.checked_sub(1) else {
            return false;
        };
        self.toks[k].is_word() && self.toks[k].has(super::token::LOWER) && self.lower_is(k, f)
    }
}

/// Words before `to` that take a person: `listen to`, `spoke to`, `a
/// tribute to`, `compared me to`, `lost to`, `went to` (a prize).
fn takes_a_person_to(w: &str) -> bool {
    one_of!(
        w,
        "listen"
            | "listened"
            | "listening"
            | "spoke"
            | "speak"
            | "speaking"
            | "said"
            | "say"
            | "talk"
            | "talked"
            | "talking"
            | "tribute"
            | "answer"
            | "reply"
            | "replied"
            | "compared"
            | "dedicated"
            | "married"
            | "wrote"
            | "letter"
            | "message"
            | "sold"
            | "lost"
            | "went"
            | "goes"
            | "go"
            | "belongs"
            | "belonged"
            | "thanks"
            | "owed"
            | "apologised"
            | "apologized"
            | "introduced"
            | "happened"
            | "passed"
            | "handed"
            | "given"
            | "gave"
            | "award"
            | "awarded"
            | "prize"
            | "sister"
            | "brother"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "adviser"
            | "advisor"
            | "successor"
            | "rival"
            | "similar"
            | "loyal"
            | "close"
            | "next"
    )
}

/// Lower-case words just before a name that make it a body, beside
/// [`org_cue_before`]: `the band Kasabian`, `admissions service Ucas`,
/// `think tank Bruegel`, `streaming platform Twitch`.
/// What a site's noun says: a mine, a fab, a field, a canal or a dam is
/// named for its place even after `the`; a plant or a factory is as often
/// its firm's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Site {
    Mine,
    Plant,
}

/// A kind of place whose examples follow `like`, `such as` or
/// `including`: `a town like Burwell`, `rivers such as the Rakaia`.
fn is_settlement_noun(w: &str) -> bool {
    one_of!(
        w,
        "town"
            | "towns"
            | "city"
            | "cities"
            | "village"
            | "villages"
            | "township"
            | "townships"
            | "suburb"
            | "suburbs"
            | "province"
            | "provinces"
            | "region"
            | "regions"
            | "district"
            | "districts"
            | "county"
            | "counties"
            | "port"
            | "ports"
            | "island"
            | "islands"
            | "river"
            | "rivers"
            | "lake"
            | "lakes"
            | "country"
            | "countries"
            | "destinations"
    )
}

/// A ship's noun, before the ship's name: `the tanker Aegean Star`.
fn is_vessel_noun(w: &str) -> bool {
    one_of!(
        w,
        "vessel"
            | "ship"
            | "tanker"
            | "freighter"
            | "frigate"
            | "destroyer"
            | "corvette"
            | "submarine"
            | "yacht"
            | "ferry"
            | "trawler"
            | "icebreaker"
            | "liner"
            | "supertanker"
            | "bulker"
            | "containership"
    )
}

/// A way of going from one place to another, before `from`: `a ride
/// from Musanze to Rubavu`, `flights from Kigali`.
fn is_travel_word(w: &str) -> bool {
    one_of!(
        w,
        "ride"
            | "stage"
            | "road"
            | "route"
            | "flight"
            | "flights"
            | "trip"
            | "journey"
            | "drive"
            | "walk"
            | "march"
            | "train"
            | "trains"
            | "bus"
            | "buses"
            | "highway"
            | "railway"
            | "rail"
            | "pipeline"
            | "voyage"
            | "sailed"
            | "flew"
            | "drove"
            | "travelled"
            | "traveled"
            | "water"
            | "commute"
            | "ferries"
            | "cable"
            | "link"
    )
}

/// A lawmaker's title, before the name of one: `Sen.`, `Rep.`,
/// `Assemblywoman`.
fn is_lawmaker(w: &str) -> bool {
    one_of!(
        w,
        "sen"
            | "senator"
            | "rep"
            | "representative"
            | "assemblyman"
            | "assemblywoman"
            | "assemblymember"
            | "congressman"
            | "congresswoman"
            | "del"
            | "delegate"
    )
}

fn site_noun(w: &str) -> Option<Site> {
    match w {
        "mine" | "mines" | "smelter" | "fab" | "oilfield" | "gasfield" | "field" | "deposit"
        | "reactor" | "pit" | "glassworks" | "canal" | "dam" | "reservoir" | "glacier"
        | "junction" | "crossing" | "valley" | "basin" | "aquifer" | "volcano" => Some(Site::Mine),
        "plant" | "factory" | "refinery" | "works" | "terminal" => Some(Site::Plant),
        _ => None,
    }
}

/// Television channels named with a number, which are their broadcasters'
/// (`ITV1`, `S4C`), not products' codes.
fn is_channel(w: &str) -> bool {
    one_of!(
        w,
        "itv1"
            | "itv2"
            | "itv3"
            | "itv4"
            | "bbc1"
            | "bbc2"
            | "bbc3"
            | "bbc4"
            | "vh1"
            | "s4c"
            | "e4"
            | "more4"
            | "film4"
            | "sky1"
            | "5usa"
    )
}

/// What a mine or a plant works or makes, between its name and its noun
/// (`the Cobre Panamá copper mine`, `its Hazira steel plant`).
fn is_site_material(w: &str) -> bool {
    one_of!(
        w,
        "copper"
            | "gold"
            | "silver"
            | "lithium"
            | "nickel"
            | "iron"
            | "coal"
            | "uranium"
            | "zinc"
            | "bauxite"
            | "gas"
            | "oil"
            | "steel"
            | "cement"
            | "chip"
            | "battery"
            | "solar"
            | "wind"
            | "nuclear"
            | "power"
            | "hydro"
            | "processing"
            | "assembly"
    )
}

fn more_org_cue_before(w: &str) -> bool {
    one_of!(
        w,
        "band"
            | "service"
            | "duo"
            | "trio"
            | "quartet"
            | "collective"
            | "platform"
            | "tank"
            | "think-tank"
            | "streamer"
            | "supermarket"
            | "channel"
            | "tabloid"
            | "broadsheet"
            | "daily"
            | "outlet"
            | "campaigners"
            | "charities"
            | "companies"
            | "groups"
            | "banks"
            | "airlines"
            | "carmakers"
            | "retailers"
            | "funds"
            | "publishers"
            | "publication"
            | "journal"
            // "the statistics office Monstat", "the vaccine alliance Gavi",
            // "the Phnom Penh-based builder Khmerbuild"
            | "office"
            | "alliance"
            | "builder"
            | "shipyard"
            | "exporter"
            | "utility"
    )
}

/// Nouns for a business that no person is called by: `carmaker Ford`,
/// `accountants Grant Thornton`, `its contract manufacturer, Goertek` (not
/// `film-maker`, `publisher` or `broadcaster`, which people are too).
fn is_firm_noun(w: &str) -> bool {
    one_of!(
        w,
        "firm"
            | "company"
            | "manufacturer"
            | "lender"
            | "bank"
            | "carrier"
            | "airline"
            | "retailer"
            | "brewer"
            | "insurer"
            | "supplier"
            | "distributor"
            | "conglomerate"
            | "automaker"
            | "carmaker"
            | "drugmaker"
            | "chipmaker"
            | "startup"
            | "start-up"
            | "accountants"
            | "auditors"
            | "auditor"
            | "brokerage"
            | "portal"
            | "marketplace"
            | "miner"
            | "contractor"
            | "utility"
    )
}

/// Plural nouns for businesses and bodies that a list of them follows:
/// `firms such as Sagem`, `retailers including Jessops`.
fn is_firms_noun(w: &str) -> bool {
    one_of!(
        w,
        "companies"
            | "firms"
            | "groups"
            | "banks"
            | "lenders"
            | "retailers"
            | "carmakers"
            | "airlines"
            | "carriers"
            | "insurers"
            | "supermarkets"
            | "chains"
            | "giants"
            | "manufacturers"
            | "makers"
            | "operators"
            | "publishers"
            | "broadcasters"
            | "networks"
            | "clubs"
            | "charities"
            | "newspapers"
            | "labels"
            | "studios"
    )
}

/// Words before `from` that make the name after it a place: `a farmer
/// from Friesland`, `fled from Kherson`, `flights from Malaga`, `a
/// legislator from Gumla`, `commutes from Melun`.
fn comes_from(w: &str) -> bool {
    one_of!(
        w,
        "man"
            | "woman"
            | "men"
            | "women"
            | "boy"
            | "girl"
            | "family"
            | "families"
            | "farmer"
            | "farmers"
            | "rancher"
            | "ranchers"
            | "fisherman"
            | "fishermen"
            | "villagers"
            | "voters"
            | "evacuees"
            | "pilgrims"
            | "old"
            | "people"
            | "resident"
            | "residents"
            | "native"
            | "migrants"
            | "refugees"
            | "visitors"
            | "tourists"
            | "pensioner"
            | "student"
            | "students"
            | "teenager"
            | "couple"
            | "hails"
            | "hailing"
            | "came"
            | "comes"
            | "fled"
            | "fleeing"
            | "moved"
            | "travelled"
            | "traveled"
            | "arrived"
            | "returned"
            | "originally"
            | "evacuated"
            | "deported"
            | "emigrated"
            | "escaped"
            | "flights"
            | "flight"
            | "trains"
            | "road"
            | "miles"
            | "kilometres"
            | "kilometers"
            | "km"
            | "legislator"
            | "lawmaker"
            | "politician"
            | "worker"
            | "workers"
            | "teacher"
            | "nurse"
            | "doctor"
            | "economist"
            | "engineer"
            | "client"
            | "mother"
            | "father"
            | "voter"
            | "trader"
            | "traders"
            | "driver"
            | "lawyer"
            | "activist"
            | "villager"
            | "commuter"
            | "commuters"
            | "commutes"
            | "commute"
            | "relocated"
            | "drove"
            | "flew"
    )
}

/// Bodies named with `on` and their subject: `Committee on Foreign
/// Relations`, `Center on Budget and Policy Priorities`.
fn takes_on(w: &str) -> bool {
    one_of!(
        w,
        "committee"
            | "commission"
            | "council"
            | "center"
            | "centre"
            | "conference"
            | "convention"
            | "panel"
            | "institute"
            | "subcommittee"
    )
}

/// People's roles before `at`, `for` or `with` and the body they work for:
/// `an analyst at Bernstein`, `a partner for Tods Murray`.
fn works_at(w: &str) -> bool {
    one_of!(
        w,
        "analyst"
            | "analysts"
            | "economist"
            | "economists"
            | "strategist"
            | "strategists"
            | "researcher"
            | "researchers"
            | "professor"
            | "lecturer"
            | "partner"
            | "director"
            | "engineer"
            | "engineers"
            | "scientist"
            | "scientists"
            | "executive"
            | "executives"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "fellow"
            | "editor"
            | "consultant"
            | "colleagues"
            | "staff"
            | "employee"
            | "employees"
            | "worker"
            | "workers"
            | "officials"
            | "manager"
            | "managers"
            | "boss"
            | "bosses"
            | "trader"
            | "traders"
            | "dealer"
            | "dealers"
            | "lawyer"
            | "lawyers"
            | "pollster"
            | "pollsters"
    )
}

/// The words that stand for a name found in full: people's surnames (with
/// their particle: `al-Ansari`) and the first words of organizations'
/// names. Returns one arena and the ranges of each kind in it.
#[allow(clippy::type_complexity)]
fn name_parts(
    text: &str,
    toks: &[Token],
    low: &Lowered<'_>,
    cands: &[Cand],
) -> (String, Vec<(usize, usize)>, Vec<(usize, usize)>) {
    let mut snames = String::new();
    let mut sranges = Vec::new();
    let mut oranges = Vec::new();
    for c in cands {
        if c.strength == Strength::Pending || c.kind != EntityKind::Person || c.b <= c.a + 1 {
            continue;
        }
        // a person only by default ("Ultima Online"): an ordinary last word
        // is no surname
        if c.strength == Strength::Weak && low.common_form(c.b - 1) {
            continue;
        }
        // East Asian names put the family name first: "Xi" for "Xi Jinping"
        if matches!(
            toks[c.a].text(text),
            "Xi" | "Li"
                | "Wang"
                | "Zhang"
                | "Liu"
                | "Chen"
                | "Yang"
                | "Zhao"
                | "Wu"
                | "Zhou"
                | "Hu"
                | "Kim"
                | "Park"
                | "Lee"
                | "Moon"
                | "Yoon"
                | "Choi"
                | "Hun"
                | "Ma"
        ) && c.b > c.a + 1
        {
            let s = snames.len();
            push_key(&mut snames, toks[c.a].text(text));
            sranges.push((s, snames.len()));
        }
        // the last word, and the last word with its particle (al-Ansari)
        let last = c.b - 1;
        let s = snames.len();
        push_key(&mut snames, toks[last].text(text));
        sranges.push((s, snames.len()));
        let mut start = last;
        while start >= c.a + 2
            && toks[start].has(HYPHEN_PREV)
            && toks.get(start - 2).is_some_and(Token::is_word)
        {
            start -= 2;
        }
        if start < last {
            let s = snames.len();
            for t in toks.iter().take(last + 1).skip(start) {
                push_key(&mut snames, t.text(text));
            }
            sranges.push((s, snames.len()));
        }
        // "Van Dam" after "Joost van Dam": the surname with its particle
        if last >= c.a + 2
            && toks[last].has(SPACE)
            && toks[last - 1].is_word()
            && !toks[last - 1].is_capitalised()
            && is_particle(&toks[last - 1].text(text).to_lowercase())
        {
            let s = snames.len();
            push_key(&mut snames, toks[last - 1].text(text));
            snames.push(' ');
            push_key(&mut snames, toks[last].text(text));
            sranges.push((s, snames.len()));
        }
    }
    org_parts(text, toks, low, cands, &mut snames, &mut oranges);
    (snames, sranges, oranges)
}

/// The words that stand for organizations found in full, pushed onto
/// `snames` with their ranges in `oranges`.
fn org_parts(
    text: &str,
    toks: &[Token],
    low: &Lowered<'_>,
    cands: &[Cand],
    snames: &mut String,
    oranges: &mut Vec<(usize, usize)>,
) {
    // the first word of an organization's name stands for it: "Baikal"
    // after "Baikal Finance Group", "Merrill" after "Merrill Lynch" (not the
    // given name of a body named after someone: "Steve" after "Steve
    // Redgrave Trust"); so does the last of two words that is no body's
    // generic word: "Thornton" after "Grant Thornton", "Sachs" after
    // "Goldman Sachs"
    for c in cands {
        if c.strength == Strength::Pending
            || c.kind != EntityKind::Organization
            || c.b <= c.a + 1
            || !toks[c.a].is_capitalised()
        {
            continue;
        }
        let first = toks[c.a].text(text);
        let named_after = c.b >= c.a + 3
            && low.listed(c.a).first_name()
            && low.get(c.b - 1).is_some_and(is_org_head);
        if !low.listed(c.a).common() && !named_after {
            let s = snames.len();
            push_key(snames, first);
            oranges.push((s, snames.len()));
        }
        let last = toks[c.b - 1];
        let generic = low.get(c.b - 1).is_none_or(is_org_head);
        if c.b == c.a + 2
            && last.is_capitalised()
            && last.has(SPACE)
            && !generic
            && !low.listed(c.b - 1).common()
            && !low.listed(c.b - 1).first_name()
        {
            let s = snames.len();
            push_key(snames, last.text(text));
            oranges.push((s, snames.len()));
        }
    }
}

/// Make the names agree across the article: surnames of people found in
/// full, one kind per string, and evidence for the capitals that proved
/// nothing.
fn resolve(text: &str, toks: &[Token], low: &Lowered<'_>, cands: Vec<Cand>) -> Vec<Cand> {
    // every candidate's key, and the surnames of people, in two arenas
    let mut arena = String::with_capacity(cands.len() * 16);
    let mut ranges = Vec::with_capacity(cands.len());
    let keys_into = |cands: &[Cand], arena: &mut String, ranges: &mut Vec<(usize, usize)>| {
        arena.clear();
        ranges.clear();
        for c in cands {
            let s = arena.len();
            push_cand_key(text, toks, c, arena);
            ranges.push((s, arena.len()));
        }
    };
    keys_into(&cands, &mut arena, &mut ranges);
    let (snames, sranges, oranges) = name_parts(text, toks, low, &cands);
    let parts = |ranges: &[(usize, usize)]| -> Vec<&str> {
        ranges
            .iter()
            .filter_map(|&(a, b)| snames.get(a..b))
            .collect()
    };
    let said = what_is_said(
        toks,
        &cands,
        &arena,
        &ranges,
        &parts(&sranges),
        &parts(&oranges),
    );
    let mut buf = String::new();
    // headline names replace what overlaps them: the keys are taken again
    // (the count alone may not change)
    let mut arena2 = String::new();
    let mut ranges2 = Vec::new();
    let (cands, arena, ranges) = match headline_names(text, toks, &said, &cands, &mut buf) {
        Some(new) => {
            keys_into(&new, &mut arena2, &mut ranges2);
            (new, &arena2, &ranges2)
        }
        None => (cands, &arena, &ranges),
    };
    let mut out = Vec::with_capacity(cands.len());
    for (mut c, &(ka, kb)) in cands.into_iter().zip(ranges.iter()) {
        let key = arena.get(ka..kb).unwrap_or("");
        let of_key = said.get(key).copied().unwrap_or_default();
        if c.kind == EntityKind::Place && of_key.table_club {
            c.kind = EntityKind::Organization;
            c.team = true;
        }
        // "Van Dam" after "Joost van Dam": the surname, whatever its head
        let particle_surname = c.b == c.a + 2
            && key
                .split_once(' ')
                .is_some_and(|(first, _)| is_particle(first));
        if (c.yields || particle_surname) && of_key.surname {
            c.kind = EntityKind::Person;
        }
        if c.strength != Strength::Strong {
            if of_key.surname {
                c.kind = EntityKind::Person;
            } else if let Some((kind, Strength::Strong)) = of_key.known {
                c.kind = kind;
            } else if let Some(kind) = of_key.cue_kind() {
                c.kind = kind;
            } else if of_key.org_head {
                c.kind = EntityKind::Organization;
            } else if let Some((kind, _)) = of_key.known {
                c.kind = kind;
            } else if c.strength == Strength::Pending {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The kind of name a noun in apposition describes.
fn apposition_kind(noun: &str) -> Option<EntityKind> {
    Some(match noun {
        "company" | "firm" | "group" | "maker" | "manufacturer" | "giant" | "carrier"
        | "airline" | "retailer" | "bank" | "lender" | "insurer" | "engine" | "website"
        | "service" | "network" | "agency" | "charity" | "organisation" | "organization"
        | "union" | "club" | "side" | "operator" | "supplier" | "chain" | "conglomerate"
        | "broadcaster" | "publisher" | "newspaper" | "label" | "studio" | "developer"
        | "exchange" | "regulator" | "watchdog" | "party" | "unit" | "subsidiary" | "division"
        | "business" | "startup" | "provider" | "consortium" | "fund" | "institute"
        | "university" | "team" | "brand" | "militia" | "movement" | "federation"
        | "association" | "lobby" | "coalition" | "platform" | "distributor" | "office"
        | "bureau" | "authority" | "ministry" | "council" | "commission" | "cooperative"
        | "utility" | "producer" | "exporter" | "miner" | "shipyard" | "builder" | "contractor"
        | "tank" | "outlet" | "fintech" => EntityKind::Organization,
        "spokesman" | "spokeswoman" | "spokesperson" | "minister" | "striker" | "midfielder"
        | "defender" | "goalkeeper" | "singer" | "actor" | "actress" | "player" | "chief"
        | "president" | "executive" | "director" | "leader" | "manager" | "coach" | "star"
        | "founder" | "lawyer" | "economist" | "analyst" | "author" | "writer" | "official"
        | "senator" | "mayor" | "governor" | "boss" | "chairman" | "chairwoman" | "rapper"
        | "artist" | "journalist" | "professor" | "researcher" | "scientist" | "captain"
        | "champion" | "son" | "daughter" | "wife" | "husband" | "mother" | "father"
        | "brother" | "sister" | "presenter" | "comedian" | "musician" | "guitarist"
        | "novelist" | "filmmaker" | "teacher" | "doctor" | "chancellor" | "ambassador"
        | "envoy" | "commissioner" | "judge" | "politician" | "businessman" | "businesswoman"
        | "entrepreneur" | "tycoon" | "billionaire" | "spokesmen" | "engineer" | "farmer"
        | "activist" | "hydrologist" | "pilot" | "nurse" | "trader" | "vendor" => {
            EntityKind::Person
        }
        "town" | "city" | "village" | "region" | "province" | "country" | "island" | "port"
        | "capital" | "district" | "suburb" | "county" | "enclave" | "territory" => {
            EntityKind::Place
        }
        "water" | "drink" | "beer" | "film" | "movie" | "album" | "song" | "single" | "novel"
        | "book" | "show" | "series" | "game" | "phone" | "handset" | "drug" | "console"
        | "software" | "programme" | "program" | "festival" | "fair" | "ceremony"
        | "exhibition" | "tournament" | "horse" | "racehorse" | "device" | "robot" | "app"
        | "virus" | "worm" | "pill" | "vaccine" | "car" | "model" | "ship" | "vessel" | "shot"
        | "jab" | "treatment" | "medicine" | "ferry" | "aircraft" => EntityKind::Name,
        _ => return None,
    })
}

/// An abstract noun by its ending, a ministry's portfolio: `Ministry of
/// Economic Development and Digitalisation`, `Labour and Social Protection`.
fn is_abstract_noun(w: &str) -> bool {
    w.len() > 6
        && ["tion", "sion", "ment", "ity", "ance", "ence"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// A department's field, or fields (`Science`, `Sciences`): what an
/// institute is of, no surname.
fn is_field(w: &str) -> bool {
    is_dept_word(w) || w.strip_suffix('s').is_some_and(is_dept_word)
}

/// `WorldCom`, `DaimlerChrysler`, `PeopleSoft`: a capital after a small
/// letter, not in a surname's prefix (`McDonald`, `DiCaprio`, `LeBron`).
fn camel_case(w: &str) -> bool {
    let b = w.as_bytes();
    let inner = b
        .windows(2)
        .position(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase());
    match inner {
        Some(k) => {
            let prefix = w.get(..=k).unwrap_or("");
            !one_of!(
                prefix,
                "Mc" | "Mac" | "Di" | "De" | "Le" | "La" | "Van" | "Von" | "Du" | "Da"
            )
        }
        None => false,
    }
}

/// What an article says of one name's key, gathered over all its
/// candidates: found once, so that each candidate's key is looked up once.
#[derive(Debug, Clone, Copy, Default)]
struct Said {
    /// The kind found with the most certainty, and that certainty (never
    /// pending).
    known: Option<(EntityKind, Strength)>,
    /// The context words' votes: person, organization, place.
    cues: [u16; 3],
    /// The surname of a person named in full.
    surname: bool,
    /// A word that stands for an organization named in full.
    org_head: bool,
    /// An organization's name in a results table: a club.
    table_club: bool,
}

impl Said {
    /// Where `cues` counts the votes for `kind`: none for a kind the
    /// context words do not vote for.
    fn slot(kind: EntityKind) -> Option<usize> {
        match kind {
            EntityKind::Person => Some(0),
            EntityKind::Organization => Some(1),
            EntityKind::Place => Some(2),
            _ => None,
        }
    }

    /// The kind the context words give, by majority; none without a vote.
    fn cue_kind(self) -> Option<EntityKind> {
        let v = self.cues;
        if v == [0; 3] {
            None
        } else if v[2] > v[0] && v[2] >= v[1] {
            Some(EntityKind::Place)
        } else if v[1] > v[0] && v[1] > v[2] {
            Some(EntityKind::Organization)
        } else {
            Some(EntityKind::Person)
        }
    }

    /// Keep `kind` at `strength` unless a surer finding is kept.
    fn find(&mut self, kind: EntityKind, strength: Strength) {
        match self.known {
            Some((_, s)) if s >= strength => {}
            _ => self.known = Some((kind, strength)),
        }
    }
}

/// What the article says of each key: the kind of every string found with
/// some certainty (the strongest finding wins), the context words' votes,
/// surnames, organizations' stand-ins and clubs in results tables.
fn what_is_said<'k>(
    toks: &[Token],
    cands: &[Cand],
    arena: &'k str,
    ranges: &[(usize, usize)],
    surnames: &[&'k str],
    org_heads: &[&'k str],
) -> Map<&'k str, Said> {
    let mut said: Map<&'k str, Said> = Map::with_capacity_and_hasher(
        cands.len() + surnames.len() + org_heads.len(),
        foldhash::fast::FixedState::default(),
    );
    for (c, &(a, b)) in cands.iter().zip(ranges) {
        let key = arena.get(a..b).unwrap_or("");
        let slot = c.cue.and_then(Said::slot);
        if c.strength == Strength::Pending && slot.is_none() {
            continue;
        }
        let of_key = said.entry(key).or_default();
        if let Some(slot) = slot {
            of_key.cues[slot] = of_key.cues[slot].saturating_add(1);
        }
        if c.strength == Strength::Pending {
            continue;
        }
        if c.kind == EntityKind::Organization && (toks[c.a].has(TABLE_LINE) || c.team) {
            of_key.table_club = true;
        }
        of_key.find(c.kind, c.strength);
        if c.kind != EntityKind::Place {
            continue;
        }
        // "Semeru" after "Mount Semeru", "Kivu" after "Lake Kivu", "Gobi"
        // after "Gobi Desert": the mountain's, lake's or desert's own name
        // "Noi Bai" after "Noi Bai International Airport": the
        // place the airport is named for
        let own = ["mount ", "mt ", "lake "]
            .iter()
            .find_map(|prefix| key.strip_prefix(prefix))
            .or_else(|| {
                [" desert", " river", " mountains"]
                    .iter()
                    .find_map(|suffix| key.strip_suffix(suffix))
                    .filter(|own| !own.contains(' '))
            })
            .or_else(|| {
                [" international airport", " airport"]
                    .iter()
                    .find_map(|suffix| key.strip_suffix(suffix))
            });
        if let Some(own) = own
            && !own.is_empty()
        {
            said.entry(own)
                .or_default()
                .find(EntityKind::Place, Strength::Strong);
        }
    }
    for &key in surnames {
        said.entry(key).or_default().surname = true;
    }
    for &key in org_heads {
        said.entry(key).or_default().org_head = true;
    }
    said
}

/// Mark the lines of match results (`Benfica 2 Porto 1`): two capitalised
/// words or more that are each followed by a number.
fn score_lines(toks: &[Token]) -> Vec<bool> {
    let mut marks = vec![false; toks.len()];
    let mut s = 0;
    while s < toks.len() {
        let e = super::token::line_end(toks, s);
        // cheapest test first: most lines are prose and fail the first two
        let starts_with_name = toks[s].is_capitalised();
        let bare = || {
            toks[s..e]
                .iter()
                .all(|t| matches!(t.kind, Kind::Word | Kind::Num) || t.is_punct('.'))
        };
        let scores = || {
            (s..e.saturating_sub(1))
                .filter(|&k| toks[k].is_capitalised() && toks[k + 1].kind == Kind::Num)
                .count()
        };
        if starts_with_name && bare() && scores() == 2 {
            for m in &mut marks[s..e] {
                *m = true;
            }
        }
        s = e;
    }
    marks
}

fn push_cand_key(text: &str, toks: &[Token], c: &Cand, buf: &mut String) {
    push_span_key(text, toks, c.a, c.b, buf);
}

/// Append the key of the tokens from `a` to `b` (not included): each
/// token's [`push_key`], a space where the text has white space.
fn push_span_key(text: &str, toks: &[Token], a: usize, b: usize, buf: &mut String) {
    for (k, t) in toks.iter().enumerate().take(b).skip(a) {
        if k > a && t.has(SPACE) {
            buf.push(' ');
        }
        push_key(buf, t.text(text));
    }
}

/// In headlines, names of several words the article spells out elsewhere:
/// `CANADIAN OPEN` after `Canadian Open`.
fn headline_names(
    text: &str,
    toks: &[Token],
    said: &Map<&str, Said>,
    cands: &[Cand],
    buf: &mut String,
) -> Option<Vec<Cand>> {
    let mut added = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if !(t.has(HEADLINE) && t.is_capitalised()) {
            i += 1;
            continue;
        }
        let mut hit = None;
        for n in (2..=4).rev() {
            let Some(last) = toks.get(i + n - 1) else {
                continue;
            };
            if !last.is_word() || toks[i + 1..i + n].iter().any(|t| t.has(LINE_START)) {
                continue;
            }
            buf.clear();
            for (k, t) in toks.iter().enumerate().take(i + n).skip(i) {
                if k > i && t.has(SPACE) {
                    buf.push(' ');
                }
                push_key(buf, t.text(text));
            }
            if let Some((kind, s)) = said.get(buf.as_str()).and_then(|of_key| of_key.known)
                && s > Strength::Pending
            {
                hit = Some((n, kind));
                break;
            }
        }
        if let Some((n, kind)) = hit {
            added.push(Cand::strong(i, i + n, kind));
            i += n;
        } else {
            i += 1;
        }
    }
    if added.is_empty() {
        return None;
    }
    let mut cands: Vec<Cand> = cands
        .iter()
        .filter(|c| !added.iter().any(|a| c.a < a.b && a.a < c.b))
        .copied()
        .collect();
    cands.extend(added);
    Some(cands)
}
