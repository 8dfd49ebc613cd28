//! Numbers and dates: digits, number words, ordinals, scores, money amounts
//! (the number part), calendar dates, years, weekdays, months and durations.

// Token indices are named i, j, k, p, q, r as in the rules they implement.
#![allow(clippy::many_single_char_names)]

use super::EntityKind;
use super::lexicon::{LEXICON, case_fits};
use super::token::{
    CAP, COLUMN, INITIAL, Kind, LINE_START, LOWER, SPACE, TABLE_LINE, Token, UPPER, is_hyphen,
};
use super::words::{Lowered, Shapes, is_stopword, is_time_zone, one_of};

/// A number or date found over tokens `a..=b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub a: usize,
    pub b: usize,
    pub kind: EntityKind,
}

/// The months' names.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The months shortened (with a day after them only).
const SHORT_MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// The weekdays, and a weekday every week: `closing on Saturdays`.
const WEEKDAYS: [&str; 14] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
];

/// A weekday shortened, as datelines write it before a date (`Thu`).
const SHORT_WEEKDAYS: [&str; 10] = [
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

const MONTH_SHAPES: Shapes = Shapes::of(&[&MONTHS, &SHORT_MONTHS]);

fn month(w: &str) -> Option<bool> {
    // Some(true): a full name; Some(false): an abbreviation (needs a day)
    if !MONTH_SHAPES.may_hold(w) {
        None
    } else if MONTHS.contains(&w) {
        Some(true)
    } else if SHORT_MONTHS.contains(&w) {
        Some(false)
    } else {
        None
    }
}

const WEEKDAY_SHAPES: Shapes = Shapes::of(&[&WEEKDAYS]);

fn is_weekday(w: &str) -> bool {
    WEEKDAY_SHAPES.may_hold(w) && WEEKDAYS.contains(&w)
}

const SHORT_WEEKDAY_SHAPES: Shapes = Shapes::of(&[&SHORT_WEEKDAYS]);

fn is_short_weekday(w: &str) -> bool {
    SHORT_WEEKDAY_SHAPES.may_hold(w) && SHORT_WEEKDAYS.contains(&w)
}

fn is_time_unit(w: &str) -> bool {
    one_of!(
        w,
        "second"
            | "seconds"
            | "minute"
            | "minutes"
            | "min"
            | "hour"
            | "hours"
            | "hr"
            | "hrs"
            | "mins"
            | "secs"
            | "day"
            | "days"
            | "night"
            | "nights"
            | "week"
            | "weeks"
            | "fortnight"
            | "fortnights"
            | "month"
            | "months"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
    )
}

fn is_scale(w: &str) -> bool {
    one_of!(
        w,
        "hundred"
            | "thousand"
            | "million"
            | "billion"
            | "trillion"
            | "bn"
            | "mn"
            | "tn"
            // as wire copy writes them: `561 mln crowns`
            | "mln"
            | "bln"
            | "trln"
            | "crore"
            | "lakh"
    )
}

/// Suffixes written on the digits and kept in the span: `1.2m`, `5bn`, `3rd`.
fn is_kept_suffix(w: &str) -> bool {
    one_of!(
        w,
        "m" | "bn"
            | "b"
            | "mn"
            | "tn"
            | "k"
            | "st"
            | "nd"
            | "rd"
            | "th"
            | "s"
            | "million"
            | "billion"
    )
}

/// Units written on the digits in small letters: `km`, `mg`, `p`.
fn is_small_unit(w: &str) -> bool {
    one_of!(
        w,
        "km" | "kms"
            | "cm"
            | "mm"
            | "g"
            | "kg"
            | "kgs"
            | "mg"
            | "mcg"
            | "lb"
            | "lbs"
            | "oz"
            | "ft"
            | "in"
            | "ins"
            | "yd"
            | "yds"
            | "ml"
            | "cl"
            | "p"
            | "c"
            | "mph"
            | "kph"
            | "kmh"
            | "kbps"
            | "mbps"
            | "gbps"
            | "bhp"
            | "hp"
            | "cc"
            | "sqm"
            | "pc"
            | "ha"
            | "t"
    )
}

/// Units written on the digits with a capital, in lower case: `MW`, `GB`,
/// `Hz`.
fn is_capital_unit(w: &str) -> bool {
    one_of!(
        w,
        "kw" | "mw"
            | "gw"
            | "tw"
            | "kwh"
            | "mwh"
            | "gwh"
            | "twh"
            | "kb"
            | "mb"
            | "gb"
            | "tb"
            | "hz"
            | "khz"
            | "mhz"
            | "ghz"
            | "mah"
            | "kv"
            | "db"
            | "l"
    )
}

/// Number words from zero to nineteen, in order of their value.
pub(crate) const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Ordinal words from zeroth to nineteenth, in order of their value
/// (`zeroth` only for reading values: no text counts with it).
pub(crate) const ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// The tens from twenty to ninety.
pub(crate) const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Their ordinals, twentieth to ninetieth.
pub(crate) const TENTHS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// Ordinals of the larger numbers.
const LARGE_ORDINALS: [&str; 2] = ["hundredth", "thousandth"];

/// The shapes of the number words above: every word of a text is asked
/// about, and most are passed over by their shape alone.
const NUMBER_WORD_SHAPES: Shapes =
    Shapes::of(&[&UNITS, &ORDINALS, &TENS, &TENTHS, &LARGE_ORDINALS]);

fn cardinal_word(w: &str) -> bool {
    NUMBER_WORD_SHAPES.may_hold(w) && (UNITS.contains(&w) || TENS.contains(&w))
}

fn ordinal_word(w: &str) -> bool {
    NUMBER_WORD_SHAPES.may_hold(w)
        && (ORDINALS[1..].contains(&w) || TENTHS.contains(&w) || LARGE_ORDINALS.contains(&w))
}

/// `was first awarded`, `should first cut`: `first` as an adverb, between
/// a verb's helper and the verb.
fn first_as_adverb(c: &Cursor<'_>, i: usize, w: &str) -> bool {
    if w != "first" || i == 0 || !c.is_word(i + 1) || !c.tok(i + 1).is_some_and(|t| t.has(LOWER)) {
        return false;
    }
    let next = c.lower(i + 1);
    let modal = matches!(
        c.lower(i - 1),
        "should" | "would" | "will" | "can" | "could" | "must" | "may" | "might" | "to" | "did"
    );
    let passive = matches!(
        c.lower(i - 1),
        "was" | "were" | "is" | "are" | "be" | "been" | "being" | "has" | "have" | "had"
    ) && (next.ends_with("ed") || next.ends_with("en"));
    (modal && !matches!(next, "time" | "of" | "in" | "and" | "or")) || passive
}

/// The unit of time after a number ending at `e` (`24 hours`), also past
/// a word for which days count (`10 working days`, `five trading days`).
fn unit_after(c: &Cursor<'_>, e: usize) -> Option<usize> {
    let unit = |k: usize| c.is_word(k) && c.next_on_line(k) && is_time_unit(c.lower(k));
    if unit(e + 1) {
        return Some(e + 1);
    }
    let counted = c.is_word(e + 1)
        && c.next_on_line(e + 1)
        && matches!(
            c.lower(e + 1),
            "working" | "business" | "trading" | "calendar" | "school" | "consecutive"
        );
    if counted && unit(e + 2) {
        return Some(e + 2);
    }
    // "two and a half years"
    let half = (1..=3).all(|k| c.is_word(e + k) && c.next_on_line(e + k))
        && c.lower(e + 1) == "and"
        && c.lower(e + 2) == "a"
        && c.lower(e + 3) == "half";
    (half && unit(e + 4)).then_some(e + 4)
}

/// Words before a bare `May` or `March` that make it the month.
fn month_cue(w: &str) -> bool {
    one_of!(
        w,
        "in" | "since"
            | "than"
            | "for"
            | "until"
            | "till"
            | "by"
            | "early"
            | "late"
            | "mid"
            | "last"
            | "next"
            | "this"
            | "of"
            | "from"
            | "through"
            | "during"
            | "before"
            | "after"
            | "between"
            | "end"
            | "start"
            | "beginning"
    )
}

struct Cursor<'a> {
    text: &'a str,
    toks: &'a [Token],
    low: &'a Lowered<'a>,
}

impl<'a> Cursor<'a> {
    fn tok(&self, i: usize) -> Option<&'a Token> {
        self.toks.get(i)
    }

    fn text(&self, i: usize) -> &'a str {
        self.low.text(i)
    }

    /// Token `i` in lower case ("" past the end or when too long).
    fn lower(&self, i: usize) -> &'a str {
        self.low.get(i).unwrap_or("")
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::is_word)
    }

    fn is_num(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Num)
    }

    /// Token `i` follows `i - 1` with no space.
    fn joined(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.has(SPACE))
    }

    /// Token `i` is a hyphen between two tokens, no spaces around it.
    fn bare_hyphen(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| matches!(t.kind, Kind::Punct(c) if is_hyphen(c)) && !t.has(SPACE))
            && self.joined(i + 1)
    }

    /// Is token `i` on a numbered line of results (`10. Paulo dos Reis
    /// (Portugal) Sicasal 0:12`), where minutes and seconds are a time
    /// taken, not a time of day?
    fn results_row(&self, i: usize) -> bool {
        let mut s = i;
        while s > 0 && !self.tok(s).is_some_and(|t| t.has(LINE_START)) {
            s -= 1;
        }
        self.is_num(s)
            && self.text(s).len() <= 3
            && self
                .tok(s + 1)
                .is_some_and(|t| t.is_punct('.') && !t.has(SPACE))
    }

    /// `am`, `pm`, `a.m.` or `p.m.` after the number at `i`, on its line:
    /// its last token.
    fn am_pm_after(&self, i: usize) -> Option<usize> {
        let k = i + 1;
        let t = self.tok(k)?;
        (t.is_word()
            && !t.has(LINE_START)
            && matches!(self.lower(k), "am" | "pm" | "a.m." | "p.m."))
        .then_some(k)
    }

    /// A zone or `local time` after the clock time at `i` (`0942 GMT`,
    /// `17.05 BST`, `0300 local time`).
    fn zone_after(&self, i: usize) -> bool {
        self.next_on_line(i + 1)
            && self.tok(i + 1).is_some_and(|t| t.has(SPACE))
            && ((self.tok(i + 1).is_some_and(|t| t.has(UPPER)) && is_time_zone(self.lower(i + 1)))
                || (self.lower(i + 1) == "local" && self.lower(i + 2) == "time"))
    }

    fn next_on_line(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| !t.has(super::token::LINE_START))
    }

    fn digits(&self, i: usize) -> Option<u32> {
        let s = self.text(i);
        if self.is_num(i) && s.bytes().all(|b| b.is_ascii_digit()) && s.len() <= 9 {
            s.parse().ok()
        } else {
            None
        }
    }

    /// A day of the month at `i` (`5`, `5th`): returns the last token.
    fn day_at(&self, i: usize) -> Option<usize> {
        let d = self.digits(i)?;
        if !(1..=31).contains(&d) {
            return None;
        }
        if self.is_word(i + 1)
            && self.joined(i + 1)
            && matches!(self.lower(i + 1), "st" | "nd" | "rd" | "th")
        {
            return Some(i + 1);
        }
        if self.is_word(i + 1) && self.joined(i + 1) {
            return None;
        }
        Some(i)
    }

    fn year_at(&self, i: usize) -> bool {
        self.text(i).len() == 4
            && self.digits(i).is_some_and(|y| (1000..=2199).contains(&y))
            && self.next_on_line(i)
    }

    /// A month name at `i` written as a name (capitalised or in capitals).
    fn month_at(&self, i: usize) -> Option<bool> {
        let t = self.tok(i)?;
        if t.kind != Kind::Word || t.flags & (CAP | UPPER) == 0 {
            return None;
        }
        month(self.lower(i))
    }
}

/// Find numbers and dates. `used[i]` is set for every token they cover.
pub(crate) fn scan(
    text: &str,
    toks: &[Token],
    low: &Lowered<'_>,
    used: &mut [bool],
    out: &mut Vec<Found>,
) {
    let c = Cursor { text, toks, low };
    let mut buf = String::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i].kind == Kind::Num
            && let Some(f) = listed_with_number(&c, &mut buf, used, i)
        {
            i = take(f, used, out);
            continue;
        }
        let found = match toks[i].kind {
            Kind::Num => digits_at(&c, i),
            Kind::Word => word_at(&c, i),
            _ => None,
        };
        match found {
            Some(Hit::Skip(b)) => i = b + 1,
            Some(Hit::Found(f)) => i = take(f, used, out),
            Some(Hit::Two(first, second)) => {
                take(first, used, out);
                i = take(second, used, out);
            }
            None => i += 1,
        }
    }
    paired_days(&c, out);
}

/// `4 and 5 October`, `March 28 and 29`: a day of the month beside a date
/// of the same month, joined by `and`, `or` or `to`, is a date too.
fn paired_days(c: &Cursor, out: &mut [Found]) {
    let day = |k: usize| {
        c.tok(k).is_some_and(|t| {
            t.kind == Kind::Num
                && t.end - t.start <= 2
                && t.has(SPACE)
                && c.text
                    .get(t.start..t.end)
                    .and_then(|d| d.parse::<u8>().ok())
                    .is_some_and(|d| (1..=31).contains(&d))
        })
    };
    let joined = |k: usize| matches!(c.lower(k), "and" | "or" | "to") && c.is_word(k);
    let dates: Vec<(usize, usize)> = out
        .iter()
        .filter(|f| f.kind == EntityKind::Date)
        .map(|f| (f.a, f.b))
        .collect();
    for f in out.iter_mut() {
        if f.kind != EntityKind::Number || f.a != f.b || !day(f.a) {
            continue;
        }
        // before a date that opens with its day: `4 and 5 October`
        let before = dates
            .iter()
            .any(|&(a, b)| a == f.a + 2 && b > a && day(a) && c.month_at(a + 1).is_some());
        // after a date that ends with its day: `March 28 and 29`, not
        // `March 28 and 29 people`
        let after = f.a >= 2
            && dates
                .iter()
                .any(|&(a, b)| b + 2 == f.a && b > a && day(b) && c.month_at(a).is_some())
            && !c
                .tok(f.a + 1)
                .is_some_and(|t| t.has(LOWER) && t.kind == Kind::Word);
        let link = if before {
            f.a + 1
        } else {
            f.a.saturating_sub(1)
        };
        if (before || after) && joined(link) && c.next_on_line(f.a) {
            f.kind = EntityKind::Date;
        }
    }
}

/// What the digits at a token are: a number or date, or a stretch to skip
/// (a clock time, neither).
enum Hit {
    Found(Found),
    /// Two spans at once, in order, for a hyphen-joined pair whose second
    /// part would not be read alone as what it is: the years of a season
    /// (`1996-97`), the days of `Nov. 7-8`. (Other pairs give their first
    /// part, and the scan reads the next as it would alone: `2-1`.)
    Two(Found, Found),
    Skip(usize),
}

/// A listed name that ends in the number at `i` (`Euro 2024`, `Ligue 1`,
/// `Covid-19`): the number is part of the name, no count.
fn listed_with_number(c: &Cursor, buf: &mut String, used: &[bool], i: usize) -> Option<Found> {
    let lex = &*LEXICON;
    (i.saturating_sub(2)..i).find_map(|k| {
        let t = c.tok(k)?;
        // not a team's score: "Ireland 27 France 24", "beat France 24-18"
        let score = t.has(TABLE_LINE)
            || (k > 0 && c.is_num(k - 1))
            || (c.bare_hyphen(i + 1) && c.is_num(i + 2));
        if !t.is_capitalised() || score || used.get(k..i).is_none_or(|u| u.contains(&true)) {
            return None;
        }
        let (n, e) = lex
            .gazetteer
            .longest_at(c.text, c.toks, k, i + 1, buf, |e, n| {
                k + n == i + 1 && case_fits(c.text, c.toks, k, &e.words)
            })?;
        Some(Found {
            a: k,
            b: k + n - 1,
            kind: e.kind,
        })
    })
}

/// Mark `f`'s tokens used and keep it; the token after it.
fn take(f: Found, used: &mut [bool], out: &mut Vec<Found>) -> usize {
    for u in used.iter_mut().take(f.b + 1).skip(f.a) {
        *u = true;
    }
    out.push(f);
    f.b + 1
}

/// A time of day in four digits, or two and two around a period:
/// `0942`, `17.05`.
fn is_clock_digits(s: &str) -> bool {
    let b = s.as_bytes();
    let (h, m) = match b {
        [h1, h2, m1, m2] | [h1, h2, b'.', m1, m2] => ([*h1, *h2], [*m1, *m2]),
        _ => return false,
    };
    let two = |d: [u8; 2]| {
        d.iter()
            .all(u8::is_ascii_digit)
            .then(|| (d[0] - b'0') * 10 + (d[1] - b'0'))
    };
    matches!((two(h), two(m)), (Some(h), Some(m)) if h <= 24 && m < 60)
}

/// A line of two or more years and nothing else, from `i` on: the
/// columns' heading of a table (`2025        2024`).
fn years_row(c: &Cursor, i: usize) -> bool {
    let mut n = 0;
    let mut k = i;
    while let Some(t) = c.tok(k) {
        if k > i && t.has(LINE_START) {
            break;
        }
        let year = t.kind == Kind::Num
            && c.text(k).len() == 4
            && c.digits(k).is_some_and(|y| (1900..=2099).contains(&y));
        if !year {
            return false;
        }
        n += 1;
        k += 1;
    }
    n >= 2
}

/// `22.01.2026`, `3.5.2025`: a day, a month and a year of four digits
/// between periods.
fn is_dotted_date(s: &str) -> bool {
    let mut parts = s.split('.');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let small = |p: &str, most: u32| {
        (1..=2).contains(&p.len()) && p.parse::<u32>().is_ok_and(|n| (1..=most).contains(&n))
    };
    small(d, 31)
        && small(m, 12)
        && y.len() == 4
        && (y.starts_with("19") || y.starts_with("20"))
        && y.bytes().all(|b| b.is_ascii_digit())
}

#[allow(clippy::too_many_lines)] // one pattern after another, in order
fn digits_at(c: &Cursor, i: usize) -> Option<Hit> {
    let date = |a, b| {
        Some(Hit::Found(Found {
            a,
            b,
            kind: EntityKind::Date,
        }))
    };
    let number = |a, b| {
        Some(Hit::Found(Found {
            a,
            b,
            kind: EntityKind::Number,
        }))
    };
    let s = c.text(i);
    // a number glued to a word before it (G7, MI5 are words already; "A4"),
    // unless the word is a currency's code cut from it (`KSh129`, `R46.80`)
    if i > 0
        && c.joined(i)
        && c.is_word(i - 1)
        && !super::token::is_cut_currency(c.text(i - 1).as_bytes())
        && !(i >= 2
            && c.tok(i - 2).is_some_and(|t| t.is_punct('$'))
            && c.joined(i - 1)
            && super::token::is_dollar_country(c.text(i - 1).as_bytes()))
    {
        return None;
    }
    // a number that names: "Chapter 11", "Section 5", "World War 2";
    // "Radio 4" is left to the station's name
    if i > 0 && c.is_word(i - 1) && c.tok(i).is_some_and(|t| t.has(SPACE)) && s.len() <= 3 {
        let prev = c.text(i - 1);
        if matches!(
            prev,
            "Chapter" | "Section" | "Article" | "Clause" | "Schedule" | "Proposition"
        ) && c.digits(i).is_some()
        {
            return Some(Hit::Found(Found {
                a: i - 1,
                b: i,
                kind: EntityKind::Name,
            }));
        }
        if prev == "War" && i > 1 && c.text(i - 2) == "World" && c.digits(i).is_some() {
            return Some(Hit::Found(Found {
                a: i - 2,
                b: i,
                kind: EntityKind::Name,
            }));
        }
        if prev == "Radio" {
            return Some(Hit::Skip(i));
        }
    }
    // a table's heading of years: `2025        2024`
    if c.tok(i).is_some_and(|t| t.has(LINE_START)) && years_row(c, i) {
        return date(i, i);
    }
    // `22.01.2026`: day, month and year between periods (a number's
    // separators joined them into one token)
    if s.len() >= 8 && is_dotted_date(s) {
        return date(i, i);
    }
    // ISO date 2025-06-28 and 22/08/1996
    if c.year_at(i)
        && c.bare_hyphen(i + 1)
        && c.is_num(i + 2)
        && c.bare_hyphen(i + 3)
        && c.is_num(i + 4)
    {
        return date(i, i + 4);
    }
    if c.is_num(i)
        && c.tok(i + 1)
            .is_some_and(|t| t.is_punct('/') && !t.has(SPACE))
        && c.is_num(i + 2)
        && c.joined(i + 2)
        && c.tok(i + 3)
            .is_some_and(|t| t.is_punct('/') && !t.has(SPACE))
        && c.is_num(i + 4)
        && c.joined(i + 4)
    {
        return date(i, i + 4);
    }
    // a season or a financial year: 1996/97, 2024-25 (the second year
    // the next one, shortened)
    if c.year_at(i)
        && c.tok(i + 1).is_some_and(|t| {
            !t.has(SPACE) && (t.is_punct('/') || matches!(t.kind, Kind::Punct(h) if is_hyphen(h)))
        })
        && c.joined(i + 2)
        && c.text(i + 2).len() == 2
        && let (Some(y), Some(n)) = (c.digits(i), c.digits(i + 2))
        && (y + 1) % 100 == n
    {
        return date(i, i + 2);
    }
    // fractions: 1/2
    if c.tok(i + 1)
        .is_some_and(|t| t.is_punct('/') && !t.has(SPACE))
        && c.is_num(i + 2)
        && c.joined(i + 2)
        && c.text(i).len() <= 2
        && c.text(i + 2).len() <= 2
    {
        return number(i, i + 2);
    }
    // clock times are dates (10:30, 4:10 p.m.), and so are race times,
    // which are durations (2:31.45, 2:10:45, minutes and seconds on a
    // results line); a score on a results line (2:1) is two numbers
    if c.tok(i + 1)
        .is_some_and(|t| t.is_punct(':') && !t.has(SPACE))
        && c.is_num(i + 2)
        && c.joined(i + 2)
    {
        let mut e = i + 2;
        while c
            .tok(e + 1)
            .is_some_and(|t| t.is_punct(':') && !t.has(SPACE))
            && c.is_num(e + 2)
            && c.joined(e + 2)
        {
            e += 2;
        }
        let seconds = c.text(i + 2).len() >= 2 && c.digits(i + 2).is_none_or(|m| m < 60);
        if e > i + 2 || c.text(i + 2).contains('.') || (c.results_row(i) && seconds) {
            return date(i, e);
        }
        if c.results_row(i) {
            return number(i, e);
        }
        let clock = c.digits(i).is_some_and(|h| h <= 24)
            && c.text(i + 2).len() == 2
            && c.digits(i + 2).is_some_and(|m| m < 60);
        if clock {
            return date(i, c.am_pm_after(e).unwrap_or(e));
        }
        return Some(Hit::Skip(e));
    }
    // a whole number and a fraction: 18-1/2 games behind, 3.26-1/2 cents
    if c.bare_hyphen(i + 1) && c.is_num(i + 2) && c.joined(i + 2) {
        let slash = c
            .tok(i + 3)
            .is_some_and(|t| t.is_punct('/') && !t.has(SPACE));
        let proper = match (c.digits(i + 2), c.digits(i + 4)) {
            (Some(n), Some(d)) => n < d && d <= 64,
            _ => false,
        };
        if slash && c.joined(i + 4) && proper {
            return number(i, i + 4);
        }
    }
    // ranges and scores: each part alone (2-1, 2010-12, 5-6 March).
    // The first part is taken here; the scan reads the next as it would
    // read it alone (`10-15 million` gives `10` and `15 million`).
    if c.bare_hyphen(i + 1) && c.is_num(i + 2) {
        let right = c.text(i + 2);
        if c.year_at(i) && (right.len() == 2 || right.len() == 4) && c.digits(i + 2).is_some() {
            let year = |a| Found {
                a,
                b: a,
                kind: EntityKind::Date,
            };
            return Some(Hit::Two(year(i), year(i + 2)));
        }
        if c.day_at(i) == Some(i)
            && c.day_at(i + 2) == Some(i + 2)
            && c.month_at(i + 3).is_some()
            && c.tok(i + 3)
                .is_some_and(|t| t.has(SPACE) && !t.has(LINE_START))
        {
            return date(i, i);
        }
        return number(i, i);
    }
    // glued suffix: 3rd, 1.2m, 1990s, 60m
    if c.is_word(i + 1) && c.joined(i + 1) {
        let suf = c.lower(i + 1);
        if suf == "s" && s.len() == 4 && c.digits(i).is_some() {
            return date(i, i + 1);
        }
        if is_kept_suffix(suf) {
            return number(i, i + 1);
        }
        // 3am and 24hours are times
        if matches!(suf, "am" | "pm") || is_time_unit(suf) {
            return date(i, i + 1);
        }
        // a unit written on the digits stays outside the number, as a
        // number word in a compound stands alone (`two-month`): 4km, 35mm,
        // 5mg, 6,460MW, 256GB, 120Hz
        // (codes such as 3G, 3D, 4x4 and names such as 3ami are no amounts)
        let capital = c.tok(i + 1).is_some_and(|t| t.flags & (CAP | UPPER) != 0);
        // degrees (`35C`, `29.4C`) take two digits or a decimal, as a digit
        // and a letter are mostly a code (`3C`, `Group 1F`)
        let degrees = capital && matches!(suf, "c" | "f");
        let unit = if degrees {
            // one digit after a temperature's words: `between 2C and 8C`
            let measured = i > 0
                && c.tok(i - 1).is_some_and(|t| t.has(LOWER))
                && matches!(
                    c.lower(i - 1),
                    "between" | "and" | "to" | "minus" | "below" | "above" | "about" | "around"
                );
            s.len() >= 2 || s.contains('.') || measured
        } else if capital {
            is_capital_unit(suf)
        } else {
            is_small_unit(suf) || is_capital_unit(suf)
        };
        return unit.then(|| number(i, i)).flatten();
    }
    // day month [year]: 22 August 1996, 5 March, 29 Jan 2026; a month
    // shortened is no month before a capital without a year (`2 Jan
    // Smith`)
    if let Some(d) = c.day_at(i)
        && let Some(full) = c.month_at(d + 1)
        && c.tok(d + 1)
            .is_some_and(|t| t.has(SPACE) && !t.has(LINE_START))
        && (full
            || c.year_at(d + 2)
            || c.tok(d + 2)
                .is_none_or(|n| !n.is_capitalised() || !n.has(SPACE)))
    {
        let mut e = d + 1;
        if c.year_at(e + 1)
            && c.tok(e + 1)
                .is_some_and(|t| t.has(SPACE) && !t.has(LINE_START))
        {
            e += 1;
        }
        return date(i, e);
    }
    // 10 am, 6 p.m.; 0942 GMT, 17.05 BST
    if c.digits(i).is_some_and(|h| (1..=12).contains(&h))
        && let Some(e) = c.am_pm_after(i)
    {
        return date(i, e);
    }
    if c.zone_after(i) && is_clock_digits(s) {
        return date(i, i);
    }
    let mut e = i;
    // 3.2 million
    if c.is_word(i + 1) && c.next_on_line(i + 1) && is_scale(c.lower(i + 1)) {
        e = i + 1;
    }
    // 20 months, 24 hours, 10 working days
    if let Some(u) = unit_after(c, e) {
        return date(i, u);
    }
    if e == i && c.year_at(i) && c.digits(i).is_some_and(|y| (1900..=2099).contains(&y)) {
        let money_before = i > 0
            && c.tok(i - 1)
                .is_some_and(|t| matches!(t.kind, Kind::Punct('$' | '£' | '€' | '¥')));
        let percent_after = c.tok(i + 1).is_some_and(|t| t.is_punct('%'));
        if !money_before && !percent_after {
            return date(i, i);
        }
    }
    number(i, e)
}

/// Every word [`word_at`] can find something at: the months, the
/// weekdays and the number words.
const CALENDAR_AND_NUMBER_SHAPES: Shapes = Shapes::of(&[
    &MONTHS,
    &SHORT_MONTHS,
    &WEEKDAYS,
    &SHORT_WEEKDAYS,
    &UNITS,
    &ORDINALS,
    &TENS,
    &TENTHS,
    &LARGE_ORDINALS,
]);

#[allow(clippy::too_many_lines)] // one pattern after another, in order
fn word_at(c: &Cursor, i: usize) -> Option<Hit> {
    let t = c.tok(i)?;
    let w = c.lower(i);
    // most words are none of those, told by their shape
    if !CALENDAR_AND_NUMBER_SHAPES.may_hold(w) {
        return None;
    }
    let date = |a, b| {
        Some(Hit::Found(Found {
            a,
            b,
            kind: EntityKind::Date,
        }))
    };
    let capitalised = t.flags & (CAP | UPPER) != 0;
    // months
    if let Some(full) = c.month_at(i) {
        // a futures contract's month heading a row of prices: `Dec
        // 392.15   +3.40`
        if t.has(LINE_START)
            && c.tok(i + 1)
                .is_some_and(|n| n.kind == Kind::Num && n.has(COLUMN))
        {
            return date(i, i);
        }
        let mut e = i;
        if c.tok(e + 1)
            .is_some_and(|t| t.is_punct('.') && !t.has(SPACE))
            && !full
        {
            e += 1;
        }
        if let Some(d) = c.day_at(e + 1).filter(|_| {
            c.tok(e + 1)
                .is_some_and(|t| t.has(SPACE) && !t.has(LINE_START))
        }) {
            let mut end = d;
            // Nov. 7-8: two dates, `Nov. 7` and `8`
            let first = d;
            let d = if c.bare_hyphen(d + 1) && c.day_at(d + 2).is_some() {
                end = d + 2;
                d + 2
            } else {
                d
            };
            // May 31, 2024
            if c.tok(d + 1).is_some_and(|t| t.is_punct(','))
                && c.year_at(d + 2)
                && c.next_on_line(d + 2)
            {
                end = d + 2;
            } else if c.year_at(d + 1)
                && c.tok(d + 1)
                    .is_some_and(|t| t.has(SPACE) && !t.has(LINE_START))
            {
                end = d + 1;
            }
            if d > first {
                let day = |a, b| Found {
                    a,
                    b,
                    kind: EntityKind::Date,
                };
                return Some(Hit::Two(day(i, first), day(d, end)));
            }
            return date(i, end);
        }
        if c.year_at(e + 1)
            && c.tok(e + 1)
                .is_some_and(|t| t.has(SPACE) && !t.has(LINE_START))
        {
            return date(i, e + 1);
        }
        // "Sep      1,004    +9": a delivery month opening a row of prices
        let row = t.has(LINE_START)
            && t.has(TABLE_LINE)
            && c.tok(i + 1)
                .is_some_and(|n| n.kind == Kind::Num && c.next_on_line(i + 1));
        if !full && !row {
            return None;
        }
        // a bare month name; not in a name like "April Jones"
        let next_cap = c.tok(i + 1).is_some_and(|n| {
            n.is_capitalised() && n.has(SPACE) && c.next_on_line(i + 1) && !n.has(UPPER)
        });
        if next_cap && !t.has(UPPER) && matches!(w, "april" | "may" | "june" | "august") {
            return None;
        }
        if matches!(w, "may" | "march") {
            // "March and April", "May to July"
            let month_pair = matches!(c.lower(i + 1), "and" | "or" | "to" | "through")
                && c.month_at(i + 2) == Some(true);
            // "than March", "in March": a cue before; a capital March inside
            // a sentence is the month unless it marches somewhere
            let march = w == "march"
                && i > 0
                && c.tok(i - 1).is_some_and(|p| p.has(LOWER))
                && !matches!(c.lower(i + 1), "on" | "against" | "past" | "through");
            let cue =
                month_pair || march || (i > 0 && c.is_word(i - 1) && month_cue(c.lower(i - 1)));
            if (!cue || t.has(INITIAL)) && !row {
                return None;
            }
        }
        return date(i, i);
    }
    if capitalised && is_weekday(w) {
        // part of a name: "Sheffield Wednesday", "Good Friday"
        let name_before = i > 0
            && !t.has(INITIAL)
            && t.has(SPACE)
            && c.tok(i - 1)
                .is_some_and(|p| p.is_capitalised() && !p.has(UPPER))
            && c.is_word(i - 1)
            && {
                let pw = c.lower(i - 1);
                !is_weekday(pw)
                    && month(pw).is_none()
                    && !is_stopword(pw)
                    && !one_of!(
                        pw,
                        "last"
                            | "next"
                            | "late"
                            | "early"
                            | "every"
                            | "through"
                            | "published"
                            | "updated"
                            | "posted"
                            | "dated"
                            | "issued"
                    )
            };
        if name_before {
            return None;
        }
        // "Monday Night Football", but not "on Monday If you..." (a
        // sentence with its stop lost)
        let next_cap = c.tok(i + 1).is_some_and(|n| {
            n.is_capitalised() && n.has(SPACE) && c.next_on_line(i + 1) && !n.has(UPPER)
        }) && !is_stopword(c.lower(i + 1))
            && month(c.lower(i + 1)).is_none();
        if next_cap && !t.has(UPPER) {
            return None;
        }
        return date(i, i);
    }
    if capitalised && is_short_weekday(w) {
        // "Thu 12 Mar 2026", "Tue, 17 Nov", "Fri Mar 6": only before a
        // date, not "The Sun 24 hours later"
        let k = if c.tok(i + 1).is_some_and(|n| n.is_punct(',')) {
            i + 2
        } else {
            i + 1
        };
        let day = c.tok(k).is_some_and(|n| {
            n.kind == Kind::Num && n.has(SPACE) && n.end - n.start <= 2 && c.next_on_line(k)
        });
        let month_after = |m: usize| c.next_on_line(m) && c.month_at(m).is_some();
        let dated = (day && month_after(k + 1)) || month_after(k);
        return dated.then(|| date(i, i)).flatten();
    }
    let is_card = cardinal_word(w);
    let is_ord = ordinal_word(w);
    if !is_card && !is_ord {
        return None;
    }
    // a capitalised number word inside a name: "Second World War", "Three Lions"
    if capitalised && !t.has(LOWER) {
        let next_cap = c
            .tok(i + 1)
            .is_some_and(|n| n.is_capitalised() && n.has(SPACE));
        if !t.has(INITIAL) || next_cap {
            return None;
        }
    }
    // part of a hyphenated word: keep only what is a number (two-month -> two)
    if i >= 2 && c.tok(i).is_some_and(|t| t.has(super::token::HYPHEN_PREV)) {
        let prev = c.lower(i - 2);
        if !cardinal_word(prev) {
            return None;
        }
    }
    if w == "one" && !one_is_number(c, i) {
        return None;
    }
    // (a part is a number too: `a third of`, `cut by a fifth`)
    if is_ord && first_as_adverb(c, i, w) {
        return None;
    }
    if w == "second" {
        let prev = if i > 0 { c.lower(i - 1) } else { "" };
        let next_is_noun = c.is_word(i + 1)
            && c.tok(i + 1).is_some_and(|t| t.has(LOWER))
            && !matches!(
                c.lower(i + 1),
                "of" | "and"
                    | "or"
                    | "later"
                    | "ago"
                    | "longer"
                    | "earlier"
                    | "to"
                    | "in"
                    | "for"
                    | "before"
                    | "after"
            );
        // "a second, weaker storm": a comparative after the comma
        let comparative_after = c.tok(i + 1).is_some_and(|t| t.is_punct(','))
            && c.is_word(i + 2)
            && c.tok(i + 2).is_some_and(|t| t.has(LOWER))
            && (c.lower(i + 2).ends_with("er") || c.lower(i + 2) == "more")
            && !matches!(
                c.lower(i + 2),
                "however"
                    | "never"
                    | "ever"
                    | "whatever"
                    | "together"
                    | "after"
                    | "under"
                    | "over"
                    | "rather"
                    | "whether"
                    | "either"
                    | "neither"
                    | "other"
            );
        if matches!(prev, "per" | "split" | "every" | "each")
            || (prev == "a" && !next_is_noun && !comparative_after)
        {
            return None;
        }
    }
    let mut e = i;
    // twenty-five; a fraction, two-thirds, is one number
    if is_card && c.bare_hyphen(i + 1) && c.is_word(i + 2) {
        let n = c.lower(i + 2);
        let parts = one_of!(
            n,
            "thirds"
                | "quarters"
                | "fifths"
                | "sixths"
                | "sevenths"
                | "eighths"
                | "ninths"
                | "tenths"
        );
        if cardinal_word(n) || ordinal_word(n) || parts {
            e = i + 2;
        }
    }
    if c.bare_hyphen(e + 1) {
        // two-month, fifth-fastest: the number alone
        return Some(Hit::Found(Found {
            a: i,
            b: e,
            kind: EntityKind::Number,
        }));
    }
    // two million, three hundred
    while is_card
        && c.is_word(e + 1)
        && c.next_on_line(e + 1)
        && c.tok(e + 1)
            .is_some_and(|t| t.has(SPACE) && !t.has(LINE_START))
        && is_scale(c.lower(e + 1))
    {
        e += 1;
    }
    // two years, three days
    if is_card
        && let Some(u) = unit_after(c, e)
        && !c.bare_hyphen(u + 1)
    {
        return date(i, u);
    }
    Some(Hit::Found(Found {
        a: i,
        b: e,
        kind: EntityKind::Number,
    }))
}

/// "one" as a number, not a pronoun ("no one", "one another", "the one").
fn one_is_number(c: &Cursor, i: usize) -> bool {
    // "the one-hour session", "a one-year deal": a length of time
    if c.bare_hyphen(i + 1) && is_time_unit(c.lower(i + 2)) {
        return true;
    }
    let prev = if i > 0 && c.is_word(i - 1) {
        c.lower(i - 1)
    } else {
        ""
    };
    if one_of!(
        prev,
        "no" | "any"
            | "every"
            | "each"
            | "some"
            | "someone"
            | "this"
            | "that"
            | "which"
            | "the"
            | "another"
            | "little"
            | "loved"
            | "young"
            | "only"
            | "last"
            | "right"
            | "wrong"
            | "big"
            | "new"
            | "old"
            | "fake"
            | "real"
            | "true"
            | "first"
            | "better"
            | "best"
    ) {
        return false;
    }
    // "a Brussels-written one", "a home-grown one": a compound adjective
    // before a pronoun
    if i > 0
        && c.is_word(i - 1)
        && c.tok(i - 1)
            .is_some_and(|t| t.has(super::token::HYPHEN_PREV))
        && c.tok(i).is_some_and(|t| t.has(SPACE))
        && !c.is_word(i + 1)
        && (["ed", "en", "wn", "ing", "made", "built", "run"]
            .iter()
            .any(|end| prev.ends_with(end)))
    {
        return false;
    }
    // "millions have one.", "she is certainly one to watch": a pronoun
    let stop_after = c
        .tok(i + 1)
        .is_none_or(|t| matches!(t.kind, Kind::Punct('.' | ',' | ';' | '!' | '?')));
    if stop_after
        && matches!(
            prev,
            "have" | "has" | "had" | "own" | "owns" | "buy" | "get"
        )
    {
        return false;
    }
    // "a slow deal to a bad one.", "an easy one,": an article and an
    // adjective, then a pause
    if stop_after
        && i >= 2
        && c.tok(i - 1).is_some_and(|t| t.is_word() && t.has(LOWER))
        && matches!(c.lower(i - 2), "a" | "an")
    {
        return false;
    }
    {
        if c.lower(i + 1) == "to" && c.lower(i + 2) == "watch" {
            return false;
        }
    }
    let next = if c.is_word(i + 1) { c.lower(i + 1) } else { "" };
    if matches!(next, "another") {
        return false;
    }
    if c.bare_hyphen(i + 1)
        && one_of!(
            next,
            "off" | "time" | "sided" | "way" | "on" | "man" | "stop" | "party" | "size" | "liner"
        )
    {
        return false;
    }
    // "one-off": the word after the hyphen
    if c.bare_hyphen(i + 1) {
        let after = c.lower(i + 2);
        if one_of!(
            after,
            "off" | "time" | "sided" | "way" | "on" | "man" | "stop" | "party" | "size" | "liner"
        ) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight::token::tokenize;

    fn found(text: &str) -> Vec<(String, EntityKind)> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let mut used = vec![false; toks.len()];
        let mut out = Vec::new();
        let mut arena = String::new();
        let low = Lowered::new(text, &toks, &mut arena);
        scan(text, &toks, &low, &mut used, &mut out);
        out.iter()
            .map(|f| (text[toks[f.a].start..toks[f.b].end].to_string(), f.kind))
            .collect()
    }

    use EntityKind::{Date, Number};

    fn s(x: &str, k: EntityKind) -> (String, EntityKind) {
        (x.to_string(), k)
    }

    #[test]
    fn digits_with_separators_money_and_percent() {
        assert_eq!(
            found(
                "The ministry said 40,005 people died, up 3.5% on a $5bn budget of £3.2 million."
            ),
            [
                s("40,005", Number),
                s("3.5", Number),
                s("5bn", Number),
                s("3.2 million", Number)
            ]
        );
        assert_eq!(
            found("It cost 40 euros and 1.2m dollars"),
            [s("40", Number), s("1.2m", Number)]
        );
    }

    #[test]
    fn calendar_dates_years_and_weekdays() {
        assert_eq!(
            found("On Tuesday, March 5, talks resumed; the deal of May 31 and October 7 2023."),
            [
                s("Tuesday", Date),
                s("March 5", Date),
                s("May 31", Date),
                s("October 7 2023", Date)
            ]
        );
        assert_eq!(
            found("LONDON 1996-08-22 Hamas opened an office in 2012 and met on 5-6 March."),
            [
                s("1996-08-22", Date),
                s("2012", Date),
                s("5", Date),
                s("6 March", Date)
            ]
        );
        assert_eq!(
            found("In January it collapsed, in March too, in the 1990s"),
            [s("January", Date), s("March", Date), s("1990s", Date)]
        );
    }

    #[test]
    fn may_and_march_need_a_cue() {
        assert_eq!(found("Theresa May said the march may go ahead"), []);
        assert_eq!(
            found("May 31 is late; they met in May."),
            [s("May 31", Date), s("May", Date)]
        );
    }

    #[test]
    fn durations_are_dates_but_hyphenated_compounds_keep_the_number() {
        assert_eq!(
            found("ending 20 months of war, a two-month truce for 24 hours and the 25-year-old"),
            [
                s("20 months", Date),
                s("two", Number),
                s("24 hours", Date),
                s("25", Number)
            ]
        );
        assert_eq!(
            found("two years ago, the fifth-fastest time"),
            [s("two years", Date), s("fifth", Number)]
        );
    }

    #[test]
    fn number_words_ordinals_and_scores() {
        assert_eq!(
            found(
                "Japan won 2-1, the first flight, twenty-five men, 3rd place, two million people"
            ),
            [
                s("2", Number),
                s("1", Number),
                s("first", Number),
                s("twenty-five", Number),
                s("3rd", Number),
                s("two million", Number)
            ]
        );
    }

    #[test]
    fn what_a_hyphen_joins_is_taken_part_by_part() {
        // votes, wickets and bowling figures: every part a number
        assert_eq!(
            found("The Senate voted 16-14. Wickets: 1-64 2-85. Such 26-6-79-3."),
            [
                s("16", Number),
                s("14", Number),
                s("1", Number),
                s("64", Number),
                s("2", Number),
                s("85", Number),
                s("26", Number),
                s("6", Number),
                s("79", Number),
                s("3", Number)
            ]
        );
        // the second part of a range is read as it would be alone
        assert_eq!(
            found("some 10-15 million people"),
            [s("10", Number), s("15 million", Number)]
        );
        // a season or a financial year is one date (the second year the
        // next, shortened); a span of years two; an ISO date stays whole
        assert_eq!(
            found(
                "the 1996-97 season in 2024/25, the 2010-12 slump, the 1991-2020 average, on 2025-06-28"
            ),
            [
                s("1996-97", Date),
                s("2024/25", Date),
                s("2010", Date),
                s("12", Date),
                s("1991", Date),
                s("2020", Date),
                s("2025-06-28", Date)
            ]
        );
    }

    #[test]
    fn vague_words_pronouns_and_times_are_not_numbers() {
        assert_eq!(
            found(
                "hundreds of people, several days, no one knew, this week, yesterday, one another"
            ),
            []
        );
        assert_eq!(found("the Second World War ended"), []);
    }

    #[test]
    fn one_before_a_length_of_time_is_a_number() {
        use EntityKind::Number;
        assert_eq!(found("the one-hour session"), [s("one", Number)]);
        assert_eq!(found("a one-year deal"), [s("one", Number)]);
        assert_eq!(found("the one we had"), []);
    }

    #[test]
    fn wire_scales_degrees_minutes_and_weekdays_every_week() {
        use EntityKind::{Date, Number};
        assert_eq!(
            found("EBIT 561 mln crowns vs 505 mln, debt of 2 bln"),
            [
                s("561 mln", Number),
                s("505 mln", Number),
                s("2 bln", Number)
            ]
        );
        assert_eq!(
            found("above 35C, a record 29.4C, or 98F"),
            [s("35", Number), s("29.4", Number), s("98", Number)]
        );
        // a digit and a capital letter are a code, but for a temperature's
        // words before it
        assert_eq!(found("the 3C group"), []);
        assert_eq!(
            found("kept between 2C and 8C"),
            [s("2", Number), s("8", Number)]
        );
        assert_eq!(found("a 6 min read"), [s("6 min", Date)]);
        assert_eq!(found("closed on Saturdays"), [s("Saturdays", Date)]);
    }

    #[test]
    fn clock_times_are_dates_with_their_am_or_pm() {
        use EntityKind::{Date, Number};
        assert_eq!(
            found("at 4:30 a.m. on Thursday"),
            [s("4:30 a.m.", Date), s("Thursday", Date)]
        );
        assert_eq!(found("landed at 2:47 pm"), [s("2:47 pm", Date)]);
        assert_eq!(found("from 7:30am"), [s("7:30am", Date)]);
        assert_eq!(found("yesterday at 10:30"), [s("10:30", Date)]);
        assert_eq!(
            found("from 10 am until 6 p.m."),
            [s("10 am", Date), s("6 p.m.", Date)]
        );
        assert_eq!(
            found("by 0942 GMT, at 17.05 BST, about 0300 local time"),
            [s("0942", Date), s("17.05", Date), s("0300", Date)]
        );
        // a race time is a duration; not a clock: a ratio, a count before
        // a zone word
        assert_eq!(found("clocked 1:41.27"), [s("1:41.27", Date)]);
        assert_eq!(found("won in 3:58:41"), [s("3:58:41", Date)]);
        assert_eq!(found("a 3:2 split"), []);
        assert_eq!(found("2500 GMT"), [s("2500", Number)]);
        assert_eq!(found("25 am"), [s("25", Number)]);
    }
}
