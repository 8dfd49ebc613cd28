//! Names and figures told by the shape of a few tokens, found in one pass
//! over the tokens once the names scan and the joins are done: a
//! tournament's group (`Group C`), the platform `X`, a case of the
//! European Union's courts (`Case T-354/25`), numbered roads (`State
//! Highway 36`), aircraft by their model (`Boeing 777-9`, `A321neo`), a
//! country's code after a player on a leaderboard (`Seo (KOR) 70`), a
//! metal's symbol after its market on a line of prices (`LME Cu`), and
//! telephone numbers, whose groups are no figures.
//!
//! Each rule starts at a token of one kind and first byte, so the pass
//! looks at each token once and tries only the rules that can start there.

use super::names::{Cand, Strength};
use super::numbers::Found;
use super::token::{COLUMN, Kind, LINE_START, SPACE, Token, UPPER, is_hyphen};
use super::words::one_of;
use super::{EntityKind, settle};

/// Aircraft makers whose models follow them (`Boeing 777`, `Embraer E190`).
const MAKERS: &[&str] = &[
    "Boeing",
    "Airbus",
    "Embraer",
    "Bombardier",
    "Comac",
    "COMAC",
    "ATR",
    "Cessna",
    "Antonov",
    "Tupolev",
    "Ilyushin",
    "Sukhoi",
    "Gulfstream",
];

/// Apply every rule of this module to the names and figures found so far.
pub(crate) fn apply(text: &str, toks: &[Token], names: &mut Vec<Cand>, numbers: &mut Vec<Found>) {
    let s = Shapes { text, toks };
    // models given after their maker, to know them when they come again
    let mut models: Vec<(usize, usize)> = names
        .iter()
        .filter(|c| {
            c.b == c.a + 1
                && MAKERS.contains(&s.text(c.a))
                && toks
                    .get(c.b)
                    .is_some_and(|t| t.has(SPACE) && !t.has(LINE_START))
        })
        .filter_map(|c| Some((c.b, s.model_at(c.b)?)))
        .collect();
    let given: Vec<&str> = models.iter().map(|&(a, b)| s.cut(a, b)).collect();
    // (first token, end, kind) of each name found; (first, end) of each
    // telephone number
    let mut found: Vec<(usize, usize, EntityKind)> = Vec::new();
    let mut phones: Vec<(usize, usize)> = Vec::new();
    // metals' symbols after their market (`LME Cu`), no names
    let mut symbols: Vec<usize> = Vec::new();
    let mut phone_to = 0;
    let bytes = text.as_bytes();
    for (k, t) in toks.iter().enumerate() {
        let first = bytes.get(t.start).copied().unwrap_or(0);
        match t.kind {
            Kind::Word => {
                if t.is_capitalised()
                    && let Some(market) = s.metal_after_market(k)
                {
                    found.push(market);
                    symbols.push(k + 1);
                }
                let hit = match first {
                    b'G' | b'P' => s.group_at(k),
                    b'X' => s.platform_at(k),
                    b'C' | b'T' | b'F' => s.case_at(k).or_else(|| s.road_at(k)),
                    b'I' | b'H' | b'R' => s.road_at(k),
                    b'A' => s.airbus_at(k),
                    _ => None,
                };
                if let Some(hit) = hit {
                    found.push(hit);
                }
            }
            Kind::Punct('(') if s.country_code_at(k) => {
                found.push((k + 1, k + 2, EntityKind::Place));
            }
            Kind::Num | Kind::Punct('+' | '(') => {
                if t.kind == Kind::Num
                    && !given.is_empty()
                    && let Some(end) = s.model_at(k)
                    && end == k + 3
                    && !s.after_hyphen(k)
                    && !models.iter().any(|&(a, _)| a == k)
                    && given.contains(&s.cut(k, end))
                {
                    models.push((k, end));
                }
                if k >= phone_to
                    && let Some((a, b)) = s.phone_at(k)
                {
                    phones.push((a, b));
                    phone_to = b;
                }
            }
            _ => {}
        }
    }
    found.extend(models.into_iter().map(|(a, b)| (a, b, EntityKind::Name)));
    if found.is_empty() && phones.is_empty() {
        return;
    }
    numbers.retain(|f| !phones.iter().any(|&(a, b)| f.a < b && f.b >= a));
    settle_over_numbers(names, numbers, &found);
    if !symbols.is_empty() {
        names.retain(|c| !(c.b == c.a + 1 && symbols.contains(&c.a)));
    }
}

/// Words that name a model's trim after its name and number (`iPhone 17
/// Pro Max`, `Snapdragon 8 Elite Gen 5`, `Galaxy S26 Ultra`).
const TRIMS: &[&str] = &[
    "Pro", "Max", "Plus", "Ultra", "Mini", "Air", "Lite", "Elite", "Edge", "Fold", "Flip", "FE",
    "SE", "Neo", "XL", "Gen",
];

/// `iPhone 17 Pro`, `Mate 80 Pro`, `HarmonyOS 6`, `the Kirin 9030
/// processor`, `A19 Pro`: a product's name, its number or code and its
/// trims are one name. A name that only might be one (an unknown word
/// read as a person) needs a trim or a product's noun after it.
pub(crate) fn product_models(
    text: &str,
    toks: &[Token],
    names: &mut Vec<Cand>,
    numbers: &mut Vec<Found>,
) {
    let s = Shapes { text, toks };
    let mut found: Vec<(usize, usize)> = Vec::new();
    for c in names.iter() {
        let known = c.kind == EntityKind::Name;
        if !known && (c.strength == Strength::Strong || c.kind == EntityKind::Place) {
            continue;
        }
        // most names have no number, code or trim in or after them
        let next = toks.get(c.b);
        if !(next.is_some_and(|t| number_or_code(text, t) || (known && t.is_capitalised()))
            || toks[c.a..c.b].iter().any(|t| number_or_code(text, t)))
        {
            continue;
        }
        // a number (`17`, `9030`; not a year) or a code (`S26`, `A19`)
        let numeral = |k: usize| {
            toks.get(k).is_some_and(|t| {
                number_or_code(text, t)
                    && (t.kind != Kind::Num
                        || (t.end - t.start <= 4
                            && s.text(k).bytes().all(|b| b.is_ascii_digit())
                            && (k < c.b
                                || numbers.iter().any(|f| {
                                    f.a == k && f.b == k && f.kind == EntityKind::Number
                                }))))
            })
        };
        let spaced = |k: usize| {
            toks.get(k)
                .is_some_and(|t| t.has(SPACE) && !t.has(LINE_START))
        };
        // the name's own words, up to its number or a trim
        let mut k = c.a + 1;
        while k < c.b && !numeral(k) && !TRIMS.contains(&s.text(k)) {
            k += 1;
        }
        let mut numbered = k == c.a + 1 && numeral(c.a);
        if spaced(k) && numeral(k) {
            numbered = true;
            k += 1;
        }
        let mut trims = 0;
        while spaced(k) && TRIMS.contains(&s.text(k)) {
            // `Gen 5`
            if s.text(k) == "Gen" {
                if !(spaced(k + 1) && toks[k + 1].kind == Kind::Num) {
                    break;
                }
                k += 1;
            }
            trims += 1;
            k += 1;
        }
        if k < c.b {
            continue;
        }
        let noun_after = spaced(k) && is_product_noun(s.text(k));
        // a name with a capital or a digit inside (`iPhone`, `A19`) takes a
        // trim with no number (`iPhone Air`)
        let shaped = known
            && s.text(c.a)
                .bytes()
                .skip(1)
                .any(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        let extends = (numbered && (trims > 0 || noun_after || shaped)) || (shaped && trims > 0);
        if extends && (k > c.b || !known) {
            found.push((c.a, k));
        }
    }
    let found: Vec<_> = found
        .into_iter()
        .map(|(a, b)| (a, b, EntityKind::Name))
        .collect();
    settle_over_numbers(names, numbers, &found);
}

/// A number token, or a word in capitals with a digit (`S26`, `GE9X`).
fn number_or_code(text: &str, t: &Token) -> bool {
    t.kind == Kind::Num
        || (t.kind == Kind::Word
            && t.has(UPPER)
            && text.as_bytes()[t.start..t.end]
                .iter()
                .any(u8::is_ascii_digit))
}

/// Make each `(a, b, kind)` one settled name, dropping the numbers found
/// inside it.
fn settle_over_numbers(
    names: &mut Vec<Cand>,
    numbers: &mut Vec<Found>,
    found: &[(usize, usize, EntityKind)],
) {
    if found.is_empty() {
        return;
    }
    numbers.retain(|f| !found.iter().any(|&(a, b, _)| f.a < b && f.b >= a));
    for &(a, b, kind) in found {
        settle(names, a, b, kind);
    }
}

/// Nouns for what a product is, after its name: `the Kirin 9030
/// processor`, `the Galaxy S26 series`.
fn is_product_noun(w: &str) -> bool {
    one_of!(
        w,
        "processor"
            | "processors"
            | "chip"
            | "chips"
            | "chipset"
            | "phone"
            | "phones"
            | "smartphone"
            | "smartphones"
            | "handset"
            | "handsets"
            | "series"
            | "lineup"
            | "console"
            | "consoles"
            | "laptop"
            | "laptops"
            | "tablet"
            | "tablets"
            | "engine"
            | "engines"
            | "jet"
            | "jets"
            | "aircraft"
            | "drone"
            | "drones"
            | "rocket"
            | "satellite"
            | "telescope"
            | "headset"
            | "model"
            | "models"
    )
}

struct Shapes<'t> {
    text: &'t str,
    toks: &'t [Token],
}

impl<'t> Shapes<'t> {
    fn text(&self, k: usize) -> &'t str {
        self.toks.get(k).map_or("", |t| t.text(self.text))
    }

    /// The text of tokens `a..b`.
    fn cut(&self, a: usize, b: usize) -> &'t str {
        match (
            self.toks.get(a),
            b.checked_sub(1).and_then(|l| self.toks.get(l)),
        ) {
            (Some(first), Some(last)) => self.text.get(first.start..last.end).unwrap_or(""),
            _ => "",
        }
    }

    /// Token `k` is the word `w` (length and bytes compared).
    fn is(&self, k: usize, w: &str) -> bool {
        self.toks.get(k).is_some_and(|t| {
            t.end - t.start == w.len()
                && self.text.as_bytes().get(t.start..t.end) == Some(w.as_bytes())
        })
    }

    /// `LME Cu`, `SHFE Al`, `Comex Cu` on a line of prices: at `k`, a
    /// market's letters, then a metal's symbol, which is no name.
    fn metal_after_market(&self, k: usize) -> Option<(usize, usize, EntityKind)> {
        let market = self.toks.get(k)?;
        let symbol = self.toks.get(k + 1)?;
        if symbol.end - symbol.start != 2 {
            return None;
        }
        let metal = matches!(
            self.text(k + 1),
            "Cu" | "Al"
                | "Zn"
                | "Pb"
                | "Ni"
                | "Sn"
                | "Au"
                | "Ag"
                | "Pt"
                | "Pd"
                | "Fe"
                | "Co"
                | "Mo"
        );
        let after = self.toks.get(k + 2)?;
        (market.end - market.start <= 5
            && metal
            && symbol.has(SPACE)
            && (after.has(COLUMN) || after.kind == Kind::Num || after.is_punct('(')))
        .then_some((k, k + 1, EntityKind::Organization))
    }

    /// `Jae-won Seo (KOR)`, `Lucas Alves (BRA)`: at the bracket `k`, a
    /// sports body's three-letter code of a country after a name.
    fn country_code_at(&self, k: usize) -> bool {
        let Some(code) = self.toks.get(k + 1) else {
            return false;
        };
        k > 0
            && self.toks[k - 1].is_word()
            && self.toks[k - 1].is_capitalised()
            && code.kind == Kind::Word
            && code.has(UPPER)
            && code.end - code.start == 3
            && !code.has(SPACE)
            && self.glued(k + 2, ')')
            && is_country_code(self.text(k + 1))
            // on a line of scores or a list, not spelling out a body's
            // letters (`Missile Defense Agency (MDA)`)
            && self
                .toks
                .get(k + 3)
                .is_none_or(|t| t.has(LINE_START) || t.kind == Kind::Num || t.is_punct(',') || t.is_punct(';'))
            && !self.spelt_out_before(k, self.text(k + 1))
    }

    /// The words before token `k` start with the letters of `code`, in
    /// order: `Missile Defense Agency` before `(MDA)`.
    fn spelt_out_before(&self, k: usize, code: &str) -> bool {
        let n = code.len();
        k >= n
            && code.bytes().enumerate().all(|(j, letter)| {
                self.toks
                    .get(k - n + j)
                    .and_then(|t| self.text.as_bytes().get(t.start))
                    .is_some_and(|b| b.eq_ignore_ascii_case(&letter))
            })
    }

    /// Token `k` is `p` with nothing between it and the token before.
    fn glued(&self, k: usize, p: char) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| t.is_punct(p) && !t.has(SPACE))
    }

    /// Token `k` is digits alone (no separators).
    fn digits(&self, k: usize) -> Option<&'t Token> {
        self.toks.get(k).filter(|t| {
            t.kind == Kind::Num
                && self
                    .text
                    .as_bytes()
                    .get(t.start..t.end)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        })
    }

    /// A bare hyphen joins token `k` to the one before it.
    fn after_hyphen(&self, k: usize) -> bool {
        k.checked_sub(1)
            .and_then(|p| self.toks.get(p))
            .is_some_and(|p| matches!(p.kind, Kind::Punct(c) if is_hyphen(c)) && !p.has(SPACE))
    }

    /// `Group C`, `Pool B`: a stage of a tournament named by a capital.
    fn group_at(&self, k: usize) -> Option<(usize, usize, EntityKind)> {
        let letter = self.toks.get(k + 1)?;
        let fits = (self.is(k, "Group") || self.is(k, "Pool"))
            && letter.is_word()
            && letter.has(SPACE)
            && letter.end == letter.start + 1
            && letter.has(UPPER)
            && !self.toks[k].has(super::token::CAPS_LINE);
        fits.then_some((k, k + 2, EntityKind::Name))
    }

    /// `posted on X`: the platform once called Twitter, at the end of a
    /// clause.
    fn platform_at(&self, k: usize) -> Option<(usize, usize, EntityKind)> {
        let fits = self.is(k, "X")
            && k > 0
            && self.toks[k].has(SPACE)
            && self.is(k - 1, "on")
            && self.toks.get(k + 1).is_none_or(|t| {
                t.has(LINE_START)
                    || matches!(t.kind, Kind::Punct(_))
                    || matches!(t.text(self.text), "but" | "and" | "that" | "saying")
            });
        fits.then_some((k, k + 1, EntityKind::Organization))
    }

    /// `Case T-354/25`, `C-311/18`: a case of the European Union's courts
    /// by its number.
    fn case_at(&self, k: usize) -> Option<(usize, usize, EntityKind)> {
        let fits = (self.is(k, "C") || self.is(k, "T") || self.is(k, "F"))
            && self.glued(k + 1, '-')
            && self.digits(k + 2).is_some_and(|t| !t.has(SPACE))
            && self.glued(k + 3, '/')
            && self
                .digits(k + 4)
                .is_some_and(|t| !t.has(SPACE) && t.end - t.start == 2);
        fits.then_some((k, k + 5, EntityKind::Name))
    }

    /// Roads by their number: `Interstate 69`, `State Highway 36`, `Route
    /// 66`, Texas's farm-to-market roads (`FM 723`); not a list of
    /// numbers (`Highway 1, 2 and 3`).
    fn road_at(&self, k: usize) -> Option<(usize, usize, EntityKind)> {
        let road = self.is(k, "Interstate")
            || self.is(k, "Highway")
            || self.is(k, "Route")
            || self.is(k, "FM");
        if !road {
            return None;
        }
        let n = self.digits(k + 1)?;
        let numbered = n.has(SPACE)
            && !n.has(LINE_START)
            && n.end - n.start <= 4
            && !(self.toks.get(k + 2).is_some_and(|t| t.is_punct(','))
                && self.toks.get(k + 3).is_some_and(|t| t.kind == Kind::Num));
        if !numbered {
            return None;
        }
        let lead = k.checked_sub(1).filter(|&p| {
            self.toks[k].has(SPACE)
                && matches!(
                    self.text(p),
                    "State" | "US" | "U.S." | "National" | "County"
                )
        });
        Some((lead.unwrap_or(k), k + 2, EntityKind::Place))
    }

    /// An Airbus by its letter and number (`A330`, `A321neo`,
    /// `A350-1000`).
    fn airbus_at(&self, k: usize) -> Option<(usize, usize, EntityKind)> {
        let b = self.text(k).as_bytes();
        let airbus = b.len() >= 4
            && b[0] == b'A'
            && matches!(b[1], b'2' | b'3')
            && b[2..4].iter().all(u8::is_ascii_digit)
            && b[4..].iter().all(u8::is_ascii_alphabetic);
        if !airbus || self.after_hyphen(k) {
            return None;
        }
        Some((k, self.model_at(k)?, EntityKind::Name))
    }

    /// The end of an aircraft's model starting at `k`: three digits or a
    /// lettered number (`777`, `E190`), then a variant after a hyphen
    /// (`-9`, `-1000`).
    fn model_at(&self, k: usize) -> Option<usize> {
        let t = self.toks.get(k)?;
        let w = t.text(self.text).as_bytes();
        let base = match t.kind {
            Kind::Num => w.len() == 3 && w.iter().all(u8::is_ascii_digit),
            Kind::Word => {
                let letters = w.iter().take_while(|c| c.is_ascii_uppercase()).count();
                (1..=2).contains(&letters)
                    && w.get(letters..letters + 2)
                        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                    && w.iter().all(u8::is_ascii_alphanumeric)
            }
            _ => false,
        };
        if !base {
            return None;
        }
        let variant = self.glued(k + 1, '-')
            && self
                .digits(k + 2)
                .is_some_and(|n| !n.has(SPACE) && n.end - n.start <= 4)
            && self
                .toks
                .get(k + 3)
                .is_none_or(|t| !t.is_punct('-') || t.has(SPACE));
        Some(if variant { k + 3 } else { k + 1 })
    }

    /// `+44 171 542 8041`, `( 603 ) 230 6280`, `020 7946 0000`: a
    /// telephone number opening at `k` with `+`, a bracketed area code or
    /// a leading zero, running on in groups of digits (or groups joined
    /// by hyphens) to seven digits or more. Its first and end tokens.
    fn phone_at(&self, k: usize) -> Option<(usize, usize)> {
        let t = self.toks.get(k)?;
        let plus = t.is_punct('+') && self.digits(k + 1).is_some_and(|d| !d.has(SPACE));
        let area = t.is_punct('(')
            && self
                .digits(k + 1)
                .is_some_and(|d| (2..=5).contains(&(d.end - d.start)))
            && self.toks.get(k + 2).is_some_and(|t| t.is_punct(')'));
        let zero = self.digits(k).is_some_and(|d| {
            d.end - d.start >= 3 && self.text.as_bytes().get(d.start) == Some(&b'0')
        });
        let first = if plus || area {
            k + 1
        } else if zero {
            k
        } else {
            return None;
        };
        let mut total = self.digits(first).map_or(0, |d| d.end - d.start);
        let mut last = first;
        let mut j = first + 1;
        if self.toks.get(j).is_some_and(|t| t.is_punct(')')) {
            j += 1;
        }
        while let Some(d) = self.digits(j) {
            if d.has(LINE_START) {
                break;
            }
            total += d.end - d.start;
            last = j;
            j += 1;
            if self.glued(j, '-') && self.digits(j + 1).is_some_and(|d| !d.has(SPACE)) {
                j += 1;
            }
        }
        (total >= 7 && last > first).then_some((first, last + 1))
    }
}

/// The three-letter codes of countries that sports bodies (the IOC, FIFA)
/// print after a player's name.
const COUNTRY_CODES: &[&str] = &[
    "AFG", "ALB", "ALG", "AND", "ANG", "ARG", "ARM", "AUS", "AUT", "AZE", "BAH", "BAN", "BAR",
    "BEL", "BEN", "BER", "BIH", "BLR", "BOL", "BOT", "BRA", "BRN", "BUL", "BUR", "CAN", "CHI",
    "CHN", "CIV", "CMR", "COD", "COL", "CRC", "CRO", "CUB", "CYP", "CZE", "DEN", "DOM", "ECU",
    "EGY", "ENG", "ESA", "ESP", "EST", "ETH", "FIJ", "FIN", "FRA", "GAB", "GBR", "GEO", "GER",
    "GHA", "GRE", "GUA", "HAI", "HKG", "HON", "HUN", "INA", "IND", "IRI", "IRL", "IRN", "IRQ",
    "ISL", "ISR", "ITA", "JAM", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KOR", "KOS", "KSA", "KUW",
    "LAT", "LBN", "LTU", "LUX", "MAR", "MAS", "MDA", "MEX", "MGL", "MKD", "MLT", "MNE", "MON",
    "MOZ", "MRI", "NAM", "NED", "NGR", "NIR", "NOR", "NZL", "OMA", "PAK", "PAN", "PAR", "PER",
    "PHI", "POL", "POR", "PRK", "PUR", "QAT", "ROU", "ROM", "RSA", "RUS", "SCO", "SEN", "SRB",
    "SGP", "SLO", "SRI", "SUI", "SVK", "SWE", "SYR", "THA", "TJK", "TPE", "TRI", "TUN", "TUR",
    "UAE", "UGA", "UKR", "URU", "USA", "UZB", "VEN", "VIE", "WAL", "YEM", "ZAM", "ZIM",
];

fn is_country_code(w: &str) -> bool {
    COUNTRY_CODES.contains(&w)
}
