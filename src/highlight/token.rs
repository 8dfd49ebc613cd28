//! One pass over the text: words, numbers, punctuation and possessive endings,
//! each with byte offsets and a few shape flags. No allocation per token.

use super::words::one_of;
use crate::ascii8;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and digits after a letter), with inner apostrophes and `&`
    /// between capitals (`O'Brien`, `AT&T`), or a dotted abbreviation (`U.S.`).
    Word,
    /// Digits, with `,` or `.` between digit groups (`40,005`, `3.5`).
    Num,
    /// A possessive ending: `'s` or `’s`.
    Poss,
    /// Any other single character that is not white space.
    Punct(char),
}

/// White space stands between this token and the one before it.
pub(crate) const SPACE: u16 = 1;
/// This token is the first on its line (or of the text).
pub(crate) const LINE_START: u16 = 1 << 1;
/// First character is upper case.
pub(crate) const CAP: u16 = 1 << 2;
/// Every letter is upper case (and there is at least one).
pub(crate) const UPPER: u16 = 1 << 3;
/// First character is lower case.
pub(crate) const LOWER: u16 = 1 << 4;
/// A dotted abbreviation such as `U.S.` or `a.m.`.
pub(crate) const DOTTED: u16 = 1 << 5;
/// Starts a sentence, a line, or follows a colon: capitals prove nothing here.
pub(crate) const INITIAL: u16 = 1 << 6;
/// On a headline-like line (all capitals or title case): every capital is
/// only a name with evidence.
pub(crate) const HEADLINE: u16 = 1 << 7;
/// On a line written in capitals only.
pub(crate) const CAPS_LINE: u16 = 1 << 8;
/// Joined to the previous word by a hyphen with no space on either side.
pub(crate) const HYPHEN_PREV: u16 = 1 << 9;
/// On a line that looks like a row of a results table (a name then numbers).
pub(crate) const TABLE_LINE: u16 = 1 << 10;
/// On a line in title case: a headline if some of its capitals are ordinary
/// words (see [`confirm_title_case`]).
pub(crate) const TITLE_CASE: u16 = 1 << 11;
/// In ASCII with no capital: the word is its own lower case (set on the
/// words read in one pass, see [`ascii_word`]).
pub(crate) const SMALL: u16 = 1 << 12;
/// Set apart from the token before it on its line by a tab or two spaces
/// or more: the next column of a table, where no name runs on.
pub(crate) const COLUMN: u16 = 1 << 13;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub flags: u16,
}

impl Token {
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// A word that starts with a capital, is in capitals, or is a dotted
    /// abbreviation in capitals.
    pub fn is_capitalised(&self) -> bool {
        self.kind == Kind::Word && self.flags & (CAP | UPPER) != 0
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Is `c` a hyphen or dash that can join two words?
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// Combining marks continue a word (decomposed accents); keys drop them
/// (`i̇` of a lower-cased `İ`).
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{20d0}'..='\u{20ff}')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Abbreviated titles and name parts (`Mr.`, `Gen.`, `Jr.`, `St.`): a
/// capitalised word after one still belongs to the same name.
pub(super) fn is_name_abbreviation(word: &str) -> bool {
    one_of!(
        word,
        "Mr" | "Mrs"
            | "Sens"
            | "Reps"
            | "Govs"
            | "Ms"
            | "Dr"
            | "St"
            | "Mt"
            | "Ft"
            | "Gen"
            | "Lt"
            | "Col"
            | "Sgt"
            | "Capt"
            | "Maj"
            | "Adm"
            | "Gov"
            | "Sen"
            | "Rep"
            | "Prof"
            | "Rev"
            | "Jr"
            | "Sr"
    )
}

/// Words of a few letters that end with a period and do not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    is_name_abbreviation(word)
        || one_of!(
            word,
            "Cmdr"
                | "Messrs"
                | "No"
                | "Nos"
                | "vs"
                | "v"
                | "Inc"
                | "Corp"
                | "Ltd"
                | "Co"
                | "Bros"
                | "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Jun"
                | "Jul"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "approx"
                | "est"
                | "Fig"
                | "pp"
        )
}

/// Length in bytes of a dotted abbreviation starting at `i` (`U.S.`,
/// `U.S.A.`, `a.m.`): at least two single letters each followed by a period.
fn dotted_len(bytes: &[u8], text: &str, i: usize) -> Option<usize> {
    let mut j = i;
    let mut pairs = 0;
    loop {
        let c = char_at(text, j)?;
        if !c.is_alphabetic() {
            break;
        }
        let after = j + c.len_utf8();
        if bytes.get(after) != Some(&b'.') {
            break;
        }
        // the letter must stand alone: what follows the period is not a
        // letter continuing a word of two letters or more
        pairs += 1;
        j = after + 1;
        match char_at(text, j) {
            Some(n) if n.is_alphabetic() => {
                let n_after = j + n.len_utf8();
                if bytes.get(n_after) != Some(&b'.') {
                    // e.g. "U.Sa": stop before this letter
                    break;
                }
            }
            _ => break,
        }
    }
    (pairs >= 2).then_some(j - i)
}

/// Does an ending such as `s`, `ve`, `re`, `ll`, `d`, `m` or `t` start at `i`
/// and end the word (`Hamas's`, `We've`)? It is not part of the name.
fn is_contraction(text: &str, i: usize) -> bool {
    let rest = text.get(i..).unwrap_or("");
    let end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(k, _)| k);
    matches!(
        rest.get(..end),
        Some("s" | "S" | "ve" | "re" | "ll" | "d" | "m" | "t" | "VE" | "RE" | "LL" | "D" | "M")
    )
}

/// Scan a word starting at `i` (a letter). Returns its end.
fn word_end(bytes: &[u8], text: &str, i: usize) -> usize {
    let mut j = i;
    let mut prev: Option<char> = None;
    loop {
        // fast path: ASCII letters and digits
        let run = bytes.get(j..).map_or(0, |r| {
            r.iter().take_while(|b| b.is_ascii_alphanumeric()).count()
        });
        if run > 0 {
            j += run;
            prev = bytes.get(j - 1).map(|&b| char::from(b));
        }
        // an ASCII char other than these ends the word: no need to decode
        if let Some(&b) = bytes.get(j)
            && b.is_ascii()
            && b != b'\''
            && b != b'&'
        {
            break;
        }
        let Some(c) = char_at(text, j) else { break };
        if c.is_alphanumeric() || is_mark(c) {
            prev = Some(c);
            j += c.len_utf8();
            continue;
        }
        let next_at = j + c.len_utf8();
        let next = char_at(text, next_at);
        if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
            // possessive 's ends the word; other apostrophes join (O'Brien)
            if is_contraction(text, next_at) {
                break;
            }
            prev = Some(c);
            j = next_at;
            continue;
        }
        if c == '&' && prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_uppercase)
        {
            prev = Some(c);
            j = next_at;
            continue;
        }
        break;
    }
    j
}

/// A word of ASCII letters and digits starting with a letter at `i` and
/// ended by an ASCII char that neither continues it (an apostrophe, `&`)
/// nor makes it a dotted abbreviation (`U.`): its end and its
/// [`word_flags`], found in one pass. `None` for any other word, which
/// [`word_end`] reads.
fn ascii_word(bytes: &[u8], i: usize) -> Option<(usize, u16)> {
    let first = *bytes.get(i)?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    // the letters and digits after the first
    let ascii8::AlnumRun {
        end: j,
        small: small_after_first,
        capital: capital_after_first,
    } = ascii8::alnum_run(bytes, i + 1);
    match bytes.get(j) {
        Some(b'\'' | b'&') => return None,
        Some(b'.') if j == i + 1 => return None,
        Some(&b) if !b.is_ascii() => return None,
        _ => {}
    }
    let shape = if first.is_ascii_lowercase() {
        if !capital_after_first {
            LOWER | SMALL
        } else if brand_shape(bytes.get(i..j).unwrap_or(&[])) {
            CAP
        } else {
            LOWER
        }
    } else if small_after_first {
        CAP
    } else {
        CAP | UPPER
    };
    Some((j, shape))
}

/// `Crypto.com`, `Booking.com`, `bbc.co.uk`: a word's domain endings,
/// glued to it by periods, belong to it. The end of the word from `end`
/// on (`end` itself where no such ending follows).
#[inline]
fn domain_end(bytes: &[u8], mut end: usize) -> usize {
    const ENDINGS: [&[u8]; 10] = [
        b"com", b"net", b"org", b"io", b"ai", b"co", b"uk", b"gov", b"edu", b"tv",
    ];
    while bytes.get(end) == Some(&b'.') {
        let rest = bytes.get(end + 1..).unwrap_or(&[]);
        let Some(ending) = ENDINGS.iter().find(|e| {
            rest.starts_with(e) && rest.get(e.len()).is_none_or(|b| !b.is_ascii_alphanumeric())
        }) else {
            break;
        };
        end += 1 + ending.len();
    }
    end
}

/// `iPhone`, `eBay`, `iFood`, `iOS`: a brand written with a small `i` or
/// `e` before its capital is capitalised as a name is (not `mRNA`, `kWh`,
/// `pH`, `xAI`: a small letter then capitals or a unit).
fn brand_shape(word: &[u8]) -> bool {
    match word {
        b"iOS" => true,
        [b'i' | b'e', second, rest @ ..] => {
            second.is_ascii_uppercase()
                && rest.len() >= 2
                && rest.iter().all(u8::is_ascii_lowercase)
        }
        _ => false,
    }
}

/// Where the amount starts in a word from `i` to `end` that is a
/// currency's code or short form glued to digits: `KSh129`, `AED128`,
/// `RM10` (of `RM10,000`), `Rs500`, and the rand's `R` before an amount
/// with a separator (`R46.80`, `R1.2 billion`). Codes that are also the
/// names of other things with numbers (`COP28`, `PHP8`, `RON95`) stay
/// whole.
fn currency_split(bytes: &[u8], i: usize, end: usize) -> Option<usize> {
    let word = bytes.get(i..end)?;
    let digits = word.iter().position(u8::is_ascii_digit)?;
    let amount = word.get(digits..)?;
    let scale = amount.len()
        - amount
            .iter()
            .rev()
            .take_while(|b| !b.is_ascii_digit())
            .count();
    let (figures, suffix) = amount.split_at(scale);
    if digits == 0
        || !figures.iter().all(u8::is_ascii_digit)
        || !(suffix.is_empty() || SCALES.contains(&suffix))
    {
        return None;
    }
    let code = word.get(..digits)?;
    let separated = matches!(bytes.get(end), Some(b'.' | b','))
        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
    let dollar = i > 0 && bytes.get(i - 1) == Some(&b'$');
    let cut = if is_one_letter_currency(code) {
        separated
    } else {
        is_cut_currency(code) || (dollar && is_dollar_country(code))
    };
    cut.then_some(i + digits)
}

/// Scales written on an amount after a currency's code (`Dh11bn`).
const SCALES: [&[u8]; 5] = [b"bn", b"m", b"mn", b"tn", b"k"];

/// The last byte of a word's amount: its last byte, or the one before a
/// scale glued to it (`Dh11bn`, `KSh2m`).
fn amount_end(word: &[u8]) -> Option<u8> {
    let suffix = SCALES
        .into_iter()
        .find(|s| word.ends_with(s))
        .map_or(0, <[u8]>::len);
    word.len()
        .checked_sub(suffix + 1)
        .and_then(|k| word.get(k))
        .copied()
}

/// The rand's `R`, the naira's `N` and the kwacha's or the kina's `K`: cut
/// from an amount only when it has a separator (`R46.80`, `N1,500`,
/// `K6,200`), as a letter and digits are often a model or a road (`K2`).
fn is_one_letter_currency(code: &[u8]) -> bool {
    matches!(code, b"R" | b"N" | b"K")
}

/// The country's letters written after a dollar sign, glued to the
/// amount: `$US1,200`, `$A50`, `$NZ3.5 billion`.
pub(crate) fn is_dollar_country(code: &[u8]) -> bool {
    matches!(
        code,
        b"US" | b"A" | b"AU" | b"NZ" | b"HK" | b"S" | b"C" | b"NT"
    )
}

/// A currency's code or short form that [`currency_split`] may have cut
/// from the amount glued to it: what the numbers scan lets stand before a
/// figure with no space between.
pub(crate) fn is_cut_currency(code: &[u8]) -> bool {
    let short_form = matches!(
        code,
        b"KSh" | b"Ksh" | b"USh" | b"TSh" | b"Rs" | b"Rp" | b"Dh" | b"Dhs" | b"Tk"
    );
    let iso = code.iter().all(u8::is_ascii_uppercase)
        && !matches!(code, b"COP" | b"PHP" | b"RON")
        && std::str::from_utf8(code).is_ok_and(super::words::is_currency_code_any_case);
    short_form || iso || is_one_letter_currency(code)
}

/// Scan digits starting at `i`, with `,`/`.` between digit groups.
fn number_end(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < bytes.len() {
        let b = bytes[j];
        let separator =
            (b == b',' || b == b'.') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || separator {
            j += 1;
        } else {
            break;
        }
    }
    j
}

fn word_flags(word: &str) -> u16 {
    if word.is_ascii() {
        // the same as below: an ASCII letter is small or a capital
        let bytes = word.as_bytes();
        let Some(at) = bytes.iter().position(u8::is_ascii_alphabetic) else {
            return 0;
        };
        if bytes[at].is_ascii_lowercase() {
            return if brand_shape(bytes) { CAP } else { LOWER };
        }
        let rest = bytes.get(at + 1..).unwrap_or(&[]);
        return if rest.iter().any(u8::is_ascii_lowercase) {
            CAP
        } else {
            CAP | UPPER
        };
    }
    let mut chars = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return 0;
    };
    let mut flags = 0;
    if first.is_uppercase() {
        flags |= CAP;
    } else if first.is_lowercase() {
        flags |= LOWER;
    }
    if first.is_uppercase() && chars.all(|c| !c.is_lowercase()) {
        flags |= UPPER;
    }
    // a word that starts with a digit (impossible here) or a mark is neither
    flags
}

/// Do the last tokens of `toks` end with a bare hyphen after a word or a
/// number, so that a word right after it is joined to them (`al-Assad`,
/// `2-year`)?
fn after_bare_hyphen(toks: &[Token]) -> bool {
    matches!(toks, [.., a, h]
        if matches!(h.kind, Kind::Punct(c) if is_hyphen(c))
            && !h.has(SPACE)
            && matches!(a.kind, Kind::Word | Kind::Num))
}

/// The flags a token takes from the white space before it: any at all, a
/// line break, or a column's gap (two spaces or more, or a tab).
fn spacing_flags(space: bool, line_start: bool, gap: u8) -> u16 {
    let mut flags = if space { SPACE } else { 0 };
    if line_start {
        flags |= LINE_START;
    } else if gap >= 2 {
        flags |= COLUMN;
    }
    flags
}

/// Split `text` into tokens (appended to `out`).
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space = false;
    let mut line_start = true;
    // white space since the last token on this line: a tab counts two
    let mut gap = 0u8;
    while i < bytes.len() {
        let b = bytes[i];
        // the commonest byte, a plain space, first
        if b == b' ' {
            space = true;
            gap = gap.saturating_add(1);
            i += 1;
            continue;
        }
        let c = if b < 0x80 {
            char::from(b)
        } else {
            let Some(c) = char_at(text, i) else {
                i += 1;
                continue;
            };
            c
        };
        let len = c.len_utf8();
        // (a letter or a digit, most tokens' first byte, is no space)
        if !b.is_ascii_alphanumeric()
            && (c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}' || c == '\u{ad}')
        {
            space = true;
            gap = gap.saturating_add(if c == '\t' { 2 } else { 1 });
            if is_line_break(c) {
                line_start = true;
            }
            i += len;
            continue;
        }
        let start = i;
        let mut flags = 0;
        let kind;
        if let Some((end, shape)) = ascii_word(bytes, i) {
            let end = domain_end(bytes, end);
            // the common case, in one pass: letters and digits ending at
            // an ASCII char that cannot continue the word; a currency's
            // code glued to its amount (`KSh129`, `AED128`) is a word of
            // its own, the amount a number
            let glued = shape & CAP != 0
                && bytes
                    .get(i..end)
                    .is_some_and(|w| amount_end(w).is_some_and(|a| a.is_ascii_digit()));
            i = glued
                .then(|| currency_split(bytes, i, end))
                .flatten()
                .unwrap_or(end);
            flags |= shape;
            kind = Kind::Word;
        } else if c.is_alphabetic() {
            // a dotted abbreviation has a period after its first letter
            let dotted = if b.is_ascii() && bytes.get(i + 1) != Some(&b'.') {
                None
            } else {
                dotted_len(bytes, text, i)
            };
            if let Some(n) = dotted {
                i += n;
                flags |= DOTTED;
            } else {
                i = word_end(bytes, text, i);
            }
            flags |= word_flags(text.get(start..i).unwrap_or(""));
            kind = Kind::Word;
        } else if b.is_ascii_digit()
            || (b == b'.'
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                && (space || out.is_empty()))
        {
            i = number_end(bytes, i + 1);
            kind = Kind::Num;
        } else if is_apostrophe(c)
            && matches!(bytes.get(i + len), Some(b's' | b'S'))
            && !char_at(text, i + len + 1).is_some_and(char::is_alphanumeric)
            && !space
            && out
                .last()
                .is_some_and(|t: &Token| matches!(t.kind, Kind::Word | Kind::Num))
        {
            i += len + 1;
            kind = Kind::Poss;
        } else {
            i += len;
            kind = Kind::Punct(c);
        }
        flags |= spacing_flags(space, line_start, gap);
        if kind == Kind::Word && !space && after_bare_hyphen(out) {
            flags |= HYPHEN_PREV;
        }
        out.push(Token {
            start,
            end: i,
            kind,
            flags,
        });
        space = false;
        line_start = false;
        gap = 0;
    }
    mark_initials(text, out);
    mark_lines(text, out);
}

/// Mark the tokens where capitals prove nothing: sentence and line starts.
fn mark_initials(text: &str, toks: &mut [Token]) {
    let mut pending = true;
    // the last word or number, and whether it is a letter on a number's
    // digits (`35C.`): a unit, after which a period ends no abbreviation
    let mut prev_word: Option<(usize, usize, bool)> = None;
    let mut on_digits = false;
    let mut prev_end = usize::MAX;
    for t in toks.iter_mut() {
        if t.flags & LINE_START != 0 {
            pending = true;
        }
        match t.kind {
            Kind::Word | Kind::Num => {
                if pending {
                    t.flags |= INITIAL;
                }
                pending = false;
                let is_word = t.kind == Kind::Word;
                on_digits = is_word && prev_word.is_some_and(|(_, _, w)| !w) && prev_end == t.start;
                prev_word = Some((t.start, t.end, is_word));
                if is_word && t.flags & DOTTED != 0 {
                    // "in the U.S. The" : the next word may start a sentence
                    pending = true;
                }
            }
            Kind::Poss => pending = false,
            Kind::Punct('.') => {
                let abbrev = !on_digits
                    && prev_word.is_some_and(|(start, end, is_word)| {
                        end == t.start && is_word && {
                            let s = text.get(start..end).unwrap_or("");
                            is_abbreviation(s)
                                || (s.chars().count() == 1 && s.chars().all(char::is_uppercase))
                        }
                    });
                if !abbrev {
                    pending = true;
                }
            }
            Kind::Punct('!' | '?' | '\u{2026}' | ':' | '\u{2022}' | '|') => pending = true,
            // "FRANKFURT — The European Central Bank"
            Kind::Punct('\u{2014}' | '\u{2013}' | '-') if t.flags & SPACE != 0 => pending = true,
            Kind::Punct(_) => {}
        }
        prev_end = t.end;
    }
    // Credit lines: "(Reporting by ...; Editing by ...; Additional
    // reporting by ...)" start a phrase after the bracket or semicolon.
    for k in 1..toks.len().saturating_sub(1) {
        let credit = matches!(toks[k - 1].kind, Kind::Punct(';' | '('))
            && toks[k].is_word()
            && (toks[k + 1].text(text) == "by"
                || toks.get(k + 2).is_some_and(|t| t.text(text) == "by") && toks[k + 1].has(LOWER));
        if credit {
            toks[k].flags |= INITIAL;
        }
    }
}

/// The end (exclusive) of the line whose first token is `s`: the next
/// token that starts a line, or the end of `toks`.
pub(crate) fn line_end(toks: &[Token], s: usize) -> usize {
    toks.iter()
        .skip(s + 1)
        .position(|t| t.has(LINE_START))
        .map_or(toks.len(), |n| s + 1 + n)
}

/// Mark headline lines: in capitals only, or in title case without a final
/// period, and rows of results tables.
fn mark_lines(text: &str, toks: &mut [Token]) {
    let mut s = 0;
    while s < toks.len() {
        let e = line_end(toks, s);
        let line = &toks[s..e];
        let mut words = 0usize;
        let mut lower_words = 0usize;
        let mut function_words = 0usize;
        let mut upper_words = 0usize;
        let mut any_lower_letter = false;
        let mut nums = 0usize;
        // brackets' depth: words in brackets before any small letter
        // outside them count for nothing, so "WHITE SUGAR ($/tonne)" is a
        // line in capitals
        let mut depth = 0usize;
        for t in line {
            match t.kind {
                Kind::Punct('(') => depth += 1,
                Kind::Punct(')') => depth = depth.saturating_sub(1),
                Kind::Word if depth > 0 && !any_lower_letter => {}
                Kind::Word => {
                    words += 1;
                    // a word starting in lower case, or a capital then
                    // small letters, has a small letter: no need to look
                    if !any_lower_letter
                        && (t.has(LOWER)
                            || (t.has(CAP) && !t.has(UPPER))
                            || has_lowercase(t.text(text)))
                    {
                        any_lower_letter = true;
                    }
                    if t.has(LOWER) {
                        lower_words += 1;
                        // once one is not, the line is in no title case
                        if lower_words == function_words + 1
                            && is_headline_function_word(t.text(text))
                        {
                            function_words += 1;
                        }
                    }
                    // capitals only matter on a line with no small letter
                    if !any_lower_letter && t.has(UPPER) && letters_at_least(t.text(text), 2) {
                        upper_words += 1;
                    }
                }
                // "1996-08-28" is one number
                Kind::Num if t.flags & (SPACE | LINE_START) != 0 => nums += 1,
                _ => {}
            }
        }
        let ends_with_period = line
            .last()
            .is_some_and(|t| t.is_punct('.') || t.is_punct('!') || t.is_punct('?'));
        let caps = !any_lower_letter && upper_words >= 1;
        // a table row: starts with a capitalised word and has about as many
        // numbers as words
        let table =
            line.first().is_some_and(Token::is_capitalised) && nums >= 2 && nums + 1 >= words;
        // "(Reporting by Zhou Xin; Editing by Mark Potter)": a credit in
        // brackets, no headline
        let aside = line.first().is_some_and(|t| t.is_punct('('))
            && line.last().is_some_and(|t| t.is_punct(')'));
        let title_case = !table
            && !aside
            && words >= 3
            && lower_words == function_words
            && words - lower_words >= 3
            && !ends_with_period;
        let mut flags = 0;
        if caps {
            flags |= CAPS_LINE | HEADLINE;
        } else if title_case {
            flags |= TITLE_CASE;
        }
        if table {
            flags |= TABLE_LINE;
        }
        if flags != 0 {
            for t in &mut toks[s..e] {
                t.flags |= flags;
                if flags & HEADLINE != 0 {
                    t.flags |= INITIAL;
                }
            }
        }
        s = e;
    }
}

/// Does `word` have a lower-case letter?
fn has_lowercase(word: &str) -> bool {
    if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        word.chars().any(char::is_lowercase)
    }
}

/// Does `word` have at least `n` letters?
fn letters_at_least(word: &str, n: usize) -> bool {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .nth(n.saturating_sub(1))
        .is_some()
}

/// Make the title-case lines whose capitals include ordinary words
/// (`Gaza Ceasefire Talks Resume`) headlines; a line of names alone
/// (`Ernie Els ( South Africa ) , Colin Montgomerie`) is not one.
pub(crate) fn confirm_title_case(text: &str, toks: &mut [Token], is_common: impl Fn(&str) -> bool) {
    let mut s = 0;
    while s < toks.len() {
        let e = line_end(toks, s);
        if toks[s].has(TITLE_CASE) {
            let caps = toks[s..e].iter().filter(|t| t.is_capitalised());
            let (mut n, mut common) = (0usize, 0usize);
            for t in caps {
                n += 1;
                if is_common(t.text(text)) {
                    common += 1;
                }
            }
            // a byline that only names its writer: "By Meredith
            // Chow-Lambert" (not "By Fiona MacLeod, Science Correspondent")
            let byline = toks[s].text(text) == "By"
                && n <= 5
                && toks[s + 1..e].iter().all(|t| match t.kind {
                    Kind::Word => t.is_capitalised(),
                    Kind::Punct(c) => is_hyphen(c) || c == '.',
                    _ => false,
                });
            if common * 3 >= n && common >= 2 && !byline {
                for t in &mut toks[s..e] {
                    t.flags |= HEADLINE | INITIAL;
                }
            }
        }
        s = e;
    }
}

/// Lower-case words a title-case headline leaves in lower case.
fn is_headline_function_word(w: &str) -> bool {
    one_of!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "and"
            | "or"
            | "but"
            | "by"
            | "with"
            | "from"
            | "as"
            | "vs"
            | "v"
            | "into"
            | "over"
            | "after"
            | "off"
            | "up"
            | "is"
            | "are"
            | "be"
            | "de"
            | "al"
            | "bin"
            | "van"
            | "von"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, Kind)> {
        let mut v = Vec::new();
        tokenize(text, &mut v);
        v.iter()
            .map(|t| (t.text(text).to_string(), t.kind))
            .collect()
    }

    fn words(text: &str) -> Vec<String> {
        toks(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn keeps_domain_names_whole() {
        assert_eq!(
            words("at Crypto.com Arena, on bbc.co.uk. The end.Then"),
            [
                "at",
                "Crypto.com",
                "Arena",
                ",",
                "on",
                "bbc.co.uk",
                ".",
                "The",
                "end",
                ".",
                "Then"
            ]
        );
    }

    #[test]
    fn splits_possessives_and_keeps_inner_apostrophes() {
        assert_eq!(
            words("Hamas’s leaders met O'Brien's aide"),
            ["Hamas", "’s", "leaders", "met", "O'Brien", "'s", "aide"]
        );
        let t = toks("Netanyahu's office");
        assert_eq!(t[1].1, Kind::Poss);
    }

    #[test]
    fn keeps_dotted_abbreviations_and_numbers_whole() {
        assert_eq!(
            words("the U.S. gave 40,005 and 3.5 to AT&T."),
            [
                "the", "U.S.", "gave", "40,005", "and", "3.5", "to", "AT&T", "."
            ]
        );
    }

    #[test]
    fn marks_sentence_starts_but_not_after_titles() {
        let text = "He met Mr. Ansari. Then Doha said";
        let mut v = Vec::new();
        tokenize(text, &mut v);
        let flag = |w: &str| v.iter().find(|t| t.text(text) == w).map(|t| t.has(INITIAL));
        assert_eq!(flag("He"), Some(true));
        assert_eq!(flag("Ansari"), Some(false));
        assert_eq!(flag("Then"), Some(true));
        assert_eq!(flag("Doha"), Some(false));
    }

    #[test]
    fn marks_caps_headlines_and_hyphen_joins() {
        let text = "SOCCER - JAPAN GET LUCKY WIN\nBashar al-Assad left";
        let mut v = Vec::new();
        tokenize(text, &mut v);
        assert!(v[0].has(CAPS_LINE) && v[2].has(HEADLINE));
        let assad = v.iter().find(|t| t.text(text) == "Assad").map(|t| t.flags);
        assert!(assad.is_some_and(|f| f & HYPHEN_PREV != 0));
        let left = v.iter().find(|t| t.text(text) == "left").map(|t| t.flags);
        assert!(left.is_some_and(|f| f & CAPS_LINE == 0));
    }

    #[test]
    fn a_brand_with_a_small_i_or_e_is_capitalised() {
        for brand in ["iPhone", "iPad", "eBay", "iOS"] {
            assert!(brand_shape(brand.as_bytes()), "{brand}");
        }
        for word in ["mRNA", "kWh", "pH", "xAI", "iX", "ePS", "iphone"] {
            assert!(!brand_shape(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn a_plain_ascii_word_read_in_one_pass_is_what_the_general_way_reads() {
        let text = "Gaza NATO iPhone x9 UK’s U.S. O'Brien AT&T Hamas's Zürich ok eBay mRNA kWh";
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_alphabetic()
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
                && let Some((end, shape)) = ascii_word(bytes, i)
            {
                let general = word_end(bytes, text, i);
                assert_eq!(end, general, "{}", &text[i..]);
                let word = &text[i..end];
                assert_eq!(shape & !SMALL, word_flags(word), "{word}");
                assert_eq!(shape & SMALL != 0, word == word.to_lowercase(), "{word}");
            }
            i += 1;
        }
        // the words it leaves to the general way
        assert_eq!(ascii_word(b"O'Brien", 0), None);
        assert_eq!(ascii_word(b"AT&T", 0), None);
        assert_eq!(ascii_word(b"U.S.", 0), None);
        assert_eq!(ascii_word("Zürich".as_bytes(), 0), None);
    }

    #[test]
    fn never_splits_inside_a_character() {
        let text = "Café’s “Zürich” – 5€ ½ naïve\u{301}";
        let mut v = Vec::new();
        tokenize(text, &mut v);
        for t in &v {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.start < t.end && t.end <= text.len());
        }
    }
}
