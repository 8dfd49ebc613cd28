//! Closed classes of words the rules look at. Every function takes a word in
//! lower case (see [`lower`]).

use std::cell::Cell;

use super::lexicon::{LEXICON, Listed};
use super::token::{Kind, SMALL, Token};

/// Lower-case a short word into `buf` without allocating (a word already in
/// lower case is returned as it is). `None` when the word is too long for the
/// buffer (no word of these classes is).
#[inline]
pub(crate) fn lower<'a>(word: &'a str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    if bytes.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return Some(word);
        }
        let out = buf.get_mut(..bytes.len())?;
        out.copy_from_slice(bytes);
        out.make_ascii_lowercase();
        return std::str::from_utf8(out).ok();
    }
    // rare: non-ASCII letters (lower-casing may change the length)
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let c = if c == '\u{2019}' { '\'' } else { c };
        let len = c.len_utf8();
        let dst = buf.get_mut(n..n + len)?;
        c.encode_utf8(dst);
        n += len;
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

/// Lists of words by their shape: for each pair of a first and a last
/// byte (by their five low bits, so that every byte has a place and a
/// letter's two cases share one), the lengths (a bit each, the last for
/// 31 bytes and more) of the listed words with those bytes. A word whose
/// shape is not there is in none of the lists, found without comparing
/// strings; the rules ask this of nearly every word of a text. (The first
/// letter and the length alone let the commonest words through: `the` has
/// the shape of `two` and `ten`.)
pub(crate) struct Shapes([u32; 32 * 32]);

impl Shapes {
    /// The shapes of the words of `lists` (none empty).
    pub(crate) const fn of(lists: &[&[&str]]) -> Self {
        let mut bits = [0u32; 32 * 32];
        let mut l = 0;
        while l < lists.len() {
            let words = lists[l];
            let mut k = 0;
            while k < words.len() {
                let w = words[k].as_bytes();
                bits[Self::pair(w[0], w[w.len() - 1])] |= Self::length(w.len());
                k += 1;
            }
            l += 1;
        }
        Self(bits)
    }

    const fn pair(first: u8, last: u8) -> usize {
        (first & 31) as usize * 32 + (last & 31) as usize
    }

    const fn length(len: usize) -> u32 {
        1 << if len < 31 { len } else { 31 }
    }

    /// Could `w` be one of the listed words?
    pub(crate) fn may_hold(&self, w: &str) -> bool {
        let b = w.as_bytes();
        match (b.first(), b.last()) {
            (Some(&f), Some(&l)) => self.0[Self::pair(f, l)] & Self::length(b.len()) != 0,
            _ => false,
        }
    }
}

/// `matches!(word, "a" | "b" | ...)` for a list of words, the list's
/// [`Shapes`] asked first: most words are ruled out there without a
/// comparison, where a long list would compare each word with every
/// listed word of its length.
macro_rules! one_of {
    ($w:expr, $($lit:literal)|+ $(,)?) => {{
        const SHAPES: $crate::highlight::words::Shapes =
            $crate::highlight::words::Shapes::of(&[&[$($lit),+]]);
        let w: &str = $w;
        SHAPES.may_hold(w) && matches!(w, $($lit)|+)
    }};
}
pub(crate) use one_of;

/// Every token's text and its lower case, as [`lower`] gives it, worked out
/// once per text, and what the lexicon's lists hold of it, once asked: the
/// rules ask for the same words many times over.
pub(crate) struct Lowered<'t> {
    /// Per token, its text.
    own: Vec<&'t str>,
    /// Per token, its lower case: its own text, or a form kept in the
    /// arena given to [`Lowered::new`]; `None` when too long for [`lower`].
    forms: Vec<Option<&'t str>>,
    /// Per token, what the lexicon holds of it, once a rule has asked
    /// (see [`Lowered::listed`]).
    listed: Vec<Cell<Listed>>,
    /// Per token, whether it is a common word or an inflection of one,
    /// once asked (see [`Lowered::common_form`]).
    common_forms: Vec<Cell<Option<bool>>>,
}

impl<'t> Lowered<'t> {
    /// The tokens of `text` in lower case; those that differ from their
    /// text are written to `arena` (cleared first).
    pub(crate) fn new(text: &'t str, toks: &[Token], arena: &'t mut String) -> Self {
        arena.clear();
        // about a fifth of a text's words are capitalised
        arena.reserve(text.len() / 4);
        let mut buf = [0u8; 32];
        let mut forms = Vec::with_capacity(toks.len());
        let mut own_texts = Vec::with_capacity(toks.len());
        // the tokens whose forms are in the arena, and where
        let mut kept = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let own = t.text(text);
            own_texts.push(own);
            // the tokenizer saw it: ASCII, no capital
            if t.has(SMALL) || t.kind == Kind::Num {
                forms.push(Some(own));
                continue;
            }
            let word = own.as_bytes();
            // one pass: ASCII with no capital is its own lower case
            if word.len() <= buf.len() && !word.iter().any(|&b| b >= 0x80 || b.is_ascii_uppercase())
            {
                forms.push(Some(own));
                continue;
            }
            let start = arena.len();
            if word.len() <= buf.len() && word.is_ascii() {
                // lowered where it is kept, as `lower` would
                arena.push_str(own);
                if let Some(added) = arena.get_mut(start..) {
                    added.make_ascii_lowercase();
                }
            } else if let Some(low) = lower(own, &mut buf) {
                arena.push_str(low);
            } else {
                forms.push(None);
                continue;
            }
            kept.push((i, start, arena.len()));
            forms.push(None);
        }
        let arena: &'t str = arena;
        for (i, a, b) in kept {
            if let Some(form) = forms.get_mut(i) {
                *form = arena.get(a..b);
            }
        }
        Self {
            own: own_texts,
            forms,
            listed: vec![Cell::new(Listed::default()); toks.len()],
            common_forms: vec![Cell::new(None); toks.len()],
        }
    }

    /// [`Lexicon::is_common_form`] of token `i`, worked out the first time
    /// a rule asks (a name's words are asked about by several rules, and
    /// the inflections' test looks up a dozen stems); false past the end.
    pub(crate) fn common_form(&self, i: usize) -> bool {
        let Some(cell) = self.common_forms.get(i) else {
            return false;
        };
        if let Some(common) = cell.get() {
            return common;
        }
        let common = LEXICON.is_common_form(self.text(i));
        cell.set(Some(common));
        common
    }

    /// What the lexicon's lists hold of token `i` ([`Lexicon::listed`]),
    /// looked up the first time a rule asks; nothing past the end.
    pub(crate) fn listed(&self, i: usize) -> Listed {
        let Some(cell) = self.listed.get(i) else {
            return Listed::default();
        };
        let k = cell.get();
        if k.looked() {
            return k;
        }
        let k = LEXICON.listed(self.text(i), self.get(i));
        cell.set(k);
        k
    }

    /// The text of token `i` ("" past the end).
    #[inline]
    pub(crate) fn text(&self, i: usize) -> &'t str {
        self.own.get(i).copied().unwrap_or("")
    }

    /// Token `i` of the tokens given to [`Lowered::new`] in lower case:
    /// `lower(toks[i].text(text))`, and past the end what `lower("")`
    /// gives.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<&'t str> {
        self.forms.get(i).map_or(Some(""), |f| *f)
    }
}

/// Words that end an organization's name: `Health Ministry`, `Acme Corp`.
#[allow(clippy::too_many_lines)] // a word list
pub(crate) fn is_org_head(w: &str) -> bool {
    one_of!(
        w,
        "ministry"
            | "department"
            | "dept"
            | "limited"
            | "mines"
            | "agency"
            | "council"
            | "party"
            | "bank"
            | "corp"
            | "corporation"
            | "inc"
            | "ltd"
            | "plc"
            | "llc"
            | "llp"
            | "gmbh"
            | "ag"
            | "sa"
            | "nv"
            | "n.v."
            | "s.a."
            | "s.p.a."
            | "asa"
            | "oyj"
            | "bhd"
            | "berhad"
            | "tbk"
            | "jsc"
            | "pjsc"
            | "ojsc"
            | "kgaa"
            | "shimbun"
            | "ilbo"
            | "zeitung"
            | "co"
            | "company"
            | "group"
            | "holdings"
            | "fc"
            | "afc"
            | "cf"
            | "ac"
            | "cc"
            | "ccc"
            | "united"
            | "university"
            | "college"
            | "school"
            | "academy"
            | "institute"
            | "institutes"
            | "committee"
            | "commission"
            | "court"
            | "tribunal"
            | "cooperative"
            | "center"
            | "centre"
            | "association"
            | "federation"
            | "confederation"
            | "chamber"
            | "centres"
            | "centers"
            | "societies"
            | "union"
            | "foundation"
            | "trust"
            | "fund"
            | "funds"
            | "watch"
            | "advisors"
            | "advisers"
            | "consultants"
            | "society"
            | "organisation"
            | "organization"
            | "authority"
            | "board"
            | "bureau"
            | "office"
            | "service"
            | "services"
            | "forces"
            | "force"
            | "army"
            | "navy"
            | "police"
            | "guard"
            | "guards"
            | "brigade"
            | "brigades"
            | "battalion"
            | "regiment"
            | "corps"
            | "front"
            | "movement"
            | "alliance"
            | "coalition"
            | "league"
            | "club"
            | "airlines"
            | "airways"
            | "motors"
            | "electric"
            | "observer"
            | "examiner"
            | "inquirer"
            | "industries"
            | "electronics"
            | "systems"
            | "technologies"
            | "pharmaceuticals"
            | "petroleum"
            | "telecom"
            | "communications"
            | "media"
            | "news"
            | "times"
            | "post"
            | "journal"
            | "herald"
            | "tribune"
            | "gazette"
            | "chronicle"
            | "telegraph"
            | "press"
            | "radio"
            | "tv"
            | "television"
            | "broadcasting"
            | "network"
            | "exchange"
            | "reserve"
            | "parliament"
            | "assembly"
            | "congress"
            | "senate"
            | "cabinet"
            | "government"
            | "administration"
            | "church"
            | "hospital"
            | "museum"
            | "gallery"
            | "library"
            | "orchestra"
            // Indian parties and fronts: "Rashtriya Janata Dal", "Jharkhand
            // Mukti Morcha"
            | "dal"
            | "morcha"
            | "philharmonic"
            | "philharmonia"
            | "studios"
            | "records"
            | "pictures"
            | "partners"
            | "associates"
            | "brothers"
            | "rovers"
            | "wanderers"
            | "athletic"
            | "albion"
            | "rangers"
            | "hotspur"
            | "executive"
            | "baseball"
            | "football"
            | "soccer"
            | "rugby"
            | "hockey"
            | "basketball"
            | "foods"
            | "securities"
            | "operators"
            | "observatory"
            | "lines"
            | "manufacturing"
            | "capital"
            | "investments"
            | "venture"
            | "ventures"
            | "technology"
            | "facility"
            | "resources"
            | "mining"
            | "minerals"
            | "metals"
            | "steel"
            | "chemicals"
            | "pharma"
            | "biotech"
            | "therapeutics"
            | "biosciences"
            | "motor"
            | "wealth"
            | "logistics"
            | "shipping"
            | "insurance"
            | "assurance"
            | "hydro"
            | "bancorp"
            | "software"
            | "networks"
            | "semiconductor"
            | "semiconductors"
            | "labs"
            | "lab"
            | "management"
            | "laboratories"
            | "entertainment"
            | "beverages"
            | "brewery"
            | "brewing"
            | "textiles"
            | "construction"
            | "engineering"
            | "properties"
            | "realty"
            | "retail"
            | "research"
            | "consulting"
            | "solutions"
            | "enterprises"
            | "secretariat"
            | "directorate"
            | "inquiry"
            | "prosecution"
            | "mission"
            | "delegation"
            | "embassy"
            | "consulate"
            | "conservatives"
            | "democrats"
            | "republicans"
            | "socialists"
            | "greens"
            | "militia"
            | "jihad"
            | "brotherhood"
            | "taliban"
    )
}

/// Words that end a place's name: `Gaza Strip`, `Damascus Airport`.
pub(crate) fn is_place_head(w: &str) -> bool {
    one_of!(
        w,
        "strip"
            | "airport"
            | "ridge"
            | "plains"
            | "trench"
            | "city"
            | "province"
            | "county"
            | "island"
            | "islands"
            | "isle"
            | "river"
            | "mountains"
            | "mountain"
            | "valley"
            | "sea"
            | "ocean"
            | "lake"
            | "bay"
            | "peninsula"
            | "desert"
            | "coast"
            | "heights"
            | "hills"
            | "region"
            | "district"
            | "governorate"
            | "prefecture"
            | "oblast"
            | "territory"
            | "territories"
            | "street"
            | "road"
            | "avenue"
            | "square"
            | "park"
            | "bridge"
            | "station"
            | "harbour"
            | "harbor"
            | "base"
            | "camp"
            | "canal"
            | "strait"
            | "straits"
            | "crossing"
            | "beach"
            | "forest"
            | "falls"
            | "springs"
            | "creek"
            | "canyon"
            | "plain"
            | "plateau"
            | "basin"
            | "delta"
            | "village"
            | "township"
            | "borough"
            | "palace"
            | "room"
            | "ground"
            | "stadium"
            | "arena"
            | "garden"
            | "gardens"
            | "cathedral"
            | "mosque"
            | "abbey"
            | "state"
            | "highway"
            | "motorway"
            | "lane"
            | "boulevard"
            | "terrace"
            | "crescent"
            | "port"
            | "reservoir"
            | "dam"
            | "glacier"
            | "volcano"
            | "archipelago"
            | "corridor"
            | "showgrounds"
            | "showground"
            | "wetland"
            | "wetlands"
            | "fjord"
            | "gorge"
            | "lagoon"
            | "estuary"
    )
}

/// Words that end an event's or a work's name: `Asian Cup`, `French Open`.
pub(crate) fn is_event_head(w: &str) -> bool {
    one_of!(
        w,
        "cup"
            | "show"
            | "airshow"
            | "championship"
            | "championships"
            | "year"
            | "language"
            | "games"
            | "olympics"
            | "open"
            | "prix"
            | "trophy"
            | "series"
            | "tour"
            | "marathon"
            | "festival"
            | "awards"
            | "award"
            | "prize"
            | "act"
            | "treaty"
            | "accord"
            | "accords"
            | "agreement"
            | "convention"
            | "summit"
            | "conference"
            | "forum"
            | "war"
            | "revolution"
            | "olympiad"
            | "invitational"
            | "bill"
            | "expo"
            | "classic"
            | "masters"
            | "derby"
            | "doctrine"
            | "plan"
            | "protocol"
            | "declaration"
            | "uprising"
            | "intifada"
            | "crisis"
            | "scandal"
    )
}

/// Words that may be followed by `of` inside a name: `University of ...`,
/// `Gulf of ...`, `Minister of ...`.
pub(crate) fn takes_of(w: &str) -> bool {
    // a company's legal suffix ends its name: "Boeing Co of Seattle"
    if matches!(w, "co" | "corp" | "inc" | "ltd" | "plc" | "llc") {
        return false;
    }
    is_org_head(w)
        || is_place_head(w)
        || is_title_head(w)
        || one_of!(
            w,
            "republic"
                | "kingdom"
                | "state"
                | "house"
                | "gulf"
                | "isle"
                | "chamber"
                | "battle"
                | "treaty"
                | "bank"
                | "emirate"
                | "sultanate"
                | "principality"
                | "duchy"
                | "commonwealth"
                | "federation"
                | "people's"
                | "order"
                | "bay"
                | "cape"
                | "straits"
                | "sea"
                | "port"
                | "city"
                | "mount"
                | "day"
                | "church"
                | "friends"
                | "sons"
                | "daughters"
                | "army"
                | "party"
                | "voice"
                | "statue"
                | "tower"
                | "museum"
                | "college"
                | "school"
                | "festival"
                | "cup"
                | "championship"
                | "council"
                | "court"
                | "institute"
                | "academy"
                | "association"
                | "society"
                | "league"
                | "union"
                | "movement"
                | "alliance"
                | "front"
                | "committee"
                | "commission"
                | "ministry"
                | "department"
                | "secretary"
                | "minister"
        )
}

/// First words that make `X of Y` an organization.
pub(crate) fn is_org_prefix(w: &str) -> bool {
    one_of!(
        w,
        "university"
            | "bank"
            | "ministry"
            | "department"
            | "church"
            | "house"
            | "council"
            | "court"
            | "board"
            | "institute"
            | "college"
            | "school"
            | "museum"
            | "chamber"
            | "federation"
            | "union"
            | "association"
            | "league"
            | "society"
            | "academy"
            | "office"
            | "commission"
            | "committee"
            | "agency"
            | "bureau"
            | "organisation"
            | "organization"
            | "army"
            | "party"
            | "friends"
            | "order"
            | "federal"
            | "alliance"
            | "movement"
            | "front"
    )
}

/// A body's head word written first, as French, Spanish, Italian,
/// Portuguese and German names put it: `Institut Verlaine`, `Banco
/// Santander`, `Grupo Bimbo`.
pub(crate) fn is_org_head_first(w: &str) -> bool {
    one_of!(
        w,
        "institut"
            | "instituto"
            // Welsh: a school, a university, a council
            | "ysgol"
            | "prifysgol"
            | "cyngor"
            | "escola"
            | "escuela"
            | "colegio"
            | "comunidad"
            | "comunidade"
            | "turismo"
            | "istituto"
            | "banco"
            | "banque"
            | "universidad"
            | "universidade"
            | "université"
            | "università"
            | "universität"
            | "fundación"
            | "fundação"
            | "fondation"
            | "fondazione"
            | "stiftung"
            | "grupo"
            | "groupe"
            | "gruppo"
            | "compagnie"
            | "compañía"
            | "galerie"
            | "galería"
            | "galleria"
            | "musée"
            | "museo"
            | "société"
            | "sociedad"
            | "società"
            | "théâtre"
            | "teatro"
            | "banca"
            | "caisse"
            | "ministerio"
            | "ministère"
            | "ministério"
            // parties and movements: "Movimiento Patria Nueva", "Partido
            // Colorado", "Parti socialiste", "Frente Amplio"
            | "movimiento"
            | "movimento"
            | "mouvement"
            | "partido"
            | "parti"
            | "partito"
            | "frente"
            | "alianza"
            | "aliança"
            | "coalición"
            | "rassemblement"
    )
}

/// A place's head word written first, as French, Spanish, Italian and
/// Portuguese names put it: `Gare de Lyon`, `Plaza de Mayo`, `Piazza
/// Navona`.
pub(crate) fn is_place_head_first(w: &str) -> bool {
    one_of!(
        w,
        "gare"
            | "rue"
            | "quai"
            | "pont"
            | "porte"
            | "palais"
            | "plaza"
            | "praça"
            | "piazza"
            | "estación"
            | "estação"
            | "stazione"
    )
}

/// First words that make `X of Y` a place.
pub(crate) fn is_place_prefix(w: &str) -> bool {
    one_of!(
        w,
        "republic"
            | "kingdom"
            | "state"
            | "gulf"
            | "sea"
            | "bay"
            | "isle"
            | "strait"
            | "straits"
            | "city"
            | "port"
            | "cape"
            | "lake"
            | "mount"
            | "emirate"
            | "sultanate"
            | "principality"
            | "duchy"
            | "commonwealth"
            | "province"
            | "county"
            | "district"
            | "region"
            | "isles"
            | "islands"
    )
}

/// First words that make a place: `Mount Everest`, `Lake Chad`.
pub(crate) fn is_place_lead(w: &str) -> bool {
    one_of!(
        w,
        "mount"
            | "lake"
            | "river"
            | "fort"
            | "port"
            | "cape"
            | "mt"
            | "greater"
            // the same in Arabic, Spanish and Italian names: `Jabal
            // Samhan`, `Wadi Dawkah`, `Cerro Rico`, `Nueva Palmira`
            | "jabal"
            | "jebel"
            | "djebel"
            | "wadi"
            | "khor"
            | "cerro"
            | "lago"
            | "isla"
            | "monte"
            | "ciudad"
            | "nueva"
            | "nuevo"
            | "puerto"
            | "bahía"
    )
}

/// The letters before a ship's name: `MV Bukoba`, `HMS Victory`.
pub(crate) fn is_ship_prefix(w: &str) -> bool {
    one_of!(
        w,
        "MV" | "RMS" | "HMS" | "USS" | "USNS" | "HMAS" | "HMCS" | "HMNZS" | "RFNS" | "RFA"
    )
}

/// Words that make the next words an office, not a name: `Foreign Minister`.
pub(crate) fn is_title_head(w: &str) -> bool {
    one_of!(
        w,
        "minister"
            | "secretary"
            | "secretary-general"
            | "president"
            | "chancellor"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "commissioner"
            | "envoy"
            | "ambassador"
            | "director"
            | "director-general"
            | "chief"
            | "chairman"
            | "chairwoman"
            | "adviser"
            | "advisor"
            | "governor"
            | "mayor"
            | "leader"
            | "premier"
            | "general"
            | "prosecutor"
            | "attorney"
            | "official"
            | "coach"
            | "manager"
            | "captain"
            | "judge"
    )
}

/// Government departments and portfolios: `Foreign`, `Health`, `State`.
pub(crate) fn is_dept_word(w: &str) -> bool {
    one_of!(
        w,
        "foreign"
            | "federal"
            | "opposition"
            | "constitutional"
            | "aid"
            | "defence"
            | "defense"
            | "health"
            | "interior"
            | "finance"
            | "financial"
            | "justice"
            | "education"
            | "trade"
            | "economy"
            | "economic"
            | "energy"
            | "labour"
            | "labor"
            | "culture"
            | "agriculture"
            | "transport"
            | "transportation"
            | "environment"
            | "home"
            | "information"
            | "commerce"
            | "industry"
            | "communications"
            | "housing"
            | "tourism"
            | "treasury"
            | "state"
            | "social"
            | "public"
            | "homeland"
            | "security"
            | "affairs"
            | "religious"
            | "immigration"
            | "war"
            | "veterans"
            | "science"
            | "technology"
            | "sports"
            | "sport"
            | "youth"
            | "water"
            | "oil"
            | "planning"
            | "development"
            | "intelligence"
            | "mines"
            | "fisheries"
            | "forestry"
            | "food"
            | "welfare"
            | "employment"
            | "pensions"
            | "family"
            | "women"
            | "children"
            | "human"
            | "rights"
            | "media"
            | "digital"
            | "climate"
            | "deputy"
            | "prime"
            | "vice"
            | "assistant"
            | "acting"
            | "former"
            | "shadow"
            | "junior"
            | "senior"
            | "national"
            | "armed"
            | "cooperation"
            | "development's"
            | "budget"
            | "treasury's"
            | "works"
            | "infrastructure"
            | "aviation"
            | "power"
            | "electricity"
            | "telecommunications"
            | "local"
            | "regional"
            | "rural"
            | "urban"
    )
}

/// Lower-case words that join the parts of a person's or place's name when
/// written apart: `Mohammed bin Salman`, `Charles de Gaulle`.
pub(crate) fn is_particle(w: &str) -> bool {
    one_of!(
        w,
        "al" | "el"
            | "ul"
            | "bin"
            | "ibn"
            | "bint"
            | "binti"
            | "binte"
            | "de"
            | "del"
            | "della"
            | "dela"
            | "los"
            | "las"
            | "di"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "du"
            | "van"
            | "von"
            | "der"
            | "den"
            | "ter"
            | "la"
            | "le"
            | "ould"
            | "zu"
    )
}

/// Lower-case words that join a name with a hyphen: `al-Assad`, `as-Sadr`.
/// Letters after a person's name, outside it: `QC`, `MP`, `OBE`.
pub(crate) fn is_post_nominal(w: &str) -> bool {
    one_of!(
        w,
        "QC" | "KC" | "MP" | "MEP" | "MSP" | "AM" | "OBE" | "MBE" | "CBE" | "KBE"
    )
}

/// The points of the compass: `north`, `southwest`.
pub(crate) fn is_compass_point(w: &str) -> bool {
    one_of!(
        w,
        "north" | "south" | "east" | "west" | "northeast" | "northwest" | "southeast" | "southwest"
    )
}

/// Prefixes joined by a hyphen to an ordinary word: `Ex-minister`,
/// `Anti-war`.
pub(crate) fn is_word_prefix(w: &str) -> bool {
    one_of!(
        w,
        "ex" | "anti"
            | "pro"
            | "non"
            | "mid"
            | "post"
            | "pre"
            | "semi"
            | "co"
            | "self"
            | "multi"
            | "cross"
            | "inter"
            | "counter"
            | "re"
            | "sub"
            | "half"
            | "all"
            | "well"
            | "over"
            | "under"
            | "long"
            | "short"
            | "high"
            | "low"
            | "full"
            | "part"
            | "far"
            | "once"
    )
}

pub(crate) fn is_hyphen_particle(w: &str) -> bool {
    is_particle(w)
        || one_of!(
            w,
            "as" | "ash" | "ad" | "az" | "at" | "ar" | "an" | "ur" | "abu" | "abd" | "ben" | "d"
        )
}

#[allow(clippy::too_many_lines)] // a word list
/// Function words that never start a name when capitalised at a sentence
/// start (the common-word list covers the rest).
pub(crate) fn is_stopword(w: &str) -> bool {
    one_of!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "in"
            | "on"
            | "at"
            | "for"
            | "but"
            | "and"
            | "or"
            | "if"
            | "when"
            | "while"
            | "as"
            | "after"
            | "before"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "its"
            | "there"
            | "here"
            | "what"
            | "who"
            | "why"
            | "how"
            | "so"
            | "then"
            | "yet"
            | "also"
            | "meanwhile"
            | "however"
            | "with"
            | "without"
            | "by"
            | "from"
            | "to"
            | "of"
            | "under"
            | "over"
            | "about"
            | "since"
            | "until"
            | "during"
            | "despite"
            | "although"
            | "though"
            | "because"
            | "all"
            | "some"
            | "many"
            | "most"
            | "both"
            | "each"
            | "every"
            | "no"
            | "not"
            | "one"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "has"
            | "have"
            | "had"
            | "be"
            | "been"
            | "more"
            | "less"
            | "than"
            | "where"
            | "which"
            | "whose"
            | "other"
            | "another"
            | "such"
            | "just"
            | "only"
            | "even"
            | "still"
            | "now"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "tonight"
            | "watch"
            | "read"
            | "see"
            | "related"
            | "photo"
            | "video"
            | "update"
            | "breaking"
            | "exclusive"
            | "analysis"
            | "opinion"
            | "editorial"
            | "advertisement"
    )
}

/// Prepositions after which an unknown capitalised word is likely a place.
pub(crate) fn is_place_preposition(w: &str) -> bool {
    one_of!(
        w,
        "in" | "near"
            | "outside"
            | "across"
            | "throughout"
            | "into"
            | "inside"
            | "towards"
            | "off"
            | "at"
    )
}

/// Words that can stand between a place's preposition and its name: `in
/// nearby Bairnsdale`, `in northern Gaza`.
pub(crate) fn is_place_adjective(w: &str) -> bool {
    one_of!(
        w,
        "nearby"
            | "neighbouring"
            | "neighboring"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "coastal"
            | "rural"
            | "downtown"
            | "remote"
    )
}

/// Features of a place, written in lower case after its name: `the
/// Kariba dam`, `Haeundae beach`.
pub(crate) fn is_place_feature(w: &str) -> bool {
    one_of!(
        w,
        "beach"
            | "dam"
            | "river"
            | "lake"
            | "island"
            | "islands"
            | "mountains"
            | "valley"
            | "bay"
            | "coast"
            | "coastline"
            | "peninsula"
            | "delta"
            | "basin"
            | "desert"
            | "plateau"
            | "province"
            | "district"
            | "county"
            | "village"
            | "town"
            | "border"
            | "port"
            | "airport"
            | "harbour"
            | "harbor"
            | "strait"
            | "glacier"
            | "volcano"
            | "reservoir"
            | "estuary"
            | "provinces"
            | "districts"
            | "departments"
            | "counties"
            | "neighborhood"
            | "neighbourhood"
            | "suburb"
            | "mine"
            | "regions"
            | "pier"
            | "promenade"
            | "quay"
            | "wharf"
            | "esplanade"
            | "rivers"
            | "villages"
            | "towns"
            | "valleys"
            | "municipalities"
    )
}

/// Head words that name a firm by its trade: `SAIC Motor`, `Bharat
/// Biotech`, `Tata Group`. A country after `of` is where the firm is from,
/// not part of its name (`Bharat Biotech of India`).
pub(crate) fn is_trade_head(w: &str) -> bool {
    one_of!(
        w,
        "motor"
            | "motors"
            | "biotech"
            | "therapeutics"
            | "biosciences"
            | "pharma"
            | "pharmaceuticals"
            | "airlines"
            | "airways"
            | "industries"
            | "electronics"
            | "technologies"
            | "holdings"
            | "group"
            | "wealth"
            | "energy"
            | "steel"
            | "telecom"
            | "petroleum"
            | "semiconductor"
            | "foods"
            | "corp"
            | "inc"
    )
}

/// Words of a political stance that name a party with one of
/// [`is_party_noun`] after them: `Liberal Initiative`, `Left Bloc`.
pub(crate) fn is_political_word(w: &str) -> bool {
    one_of!(
        w,
        "left"
            | "right"
            | "green"
            | "popular"
            | "civic"
            | "social"
            | "radical"
            | "progressive"
            | "liberal"
            | "socialist"
            | "conservative"
            | "democratic"
            | "republican"
            | "communist"
            | "nationalist"
            | "patriotic"
            | "reformist"
            | "christian"
            | "centrist"
            | "ecologist"
    )
}

/// Nouns that, after a political word, make a party's name though they
/// are no body's head word elsewhere: `Liberal Initiative`, `Left Bloc`,
/// `Civic Platform`, `Socialist Alternative`.
pub(crate) fn is_party_noun(w: &str) -> bool {
    one_of!(
        w,
        "initiative"
            | "bloc"
            | "alternative"
            | "platform"
            | "rally"
            | "renewal"
            | "unity"
            | "action"
            | "coalition"
            | "left"
            | "alliance"
            | "front"
            | "movement"
            | "union"
            | "party"
            | "league"
            | "congress"
    )
}

/// Kinds of match that sport writes with a capital though each is one of
/// many, not a name: `the second Test`, `five Tests`, `a home Test`.
pub(crate) fn is_capitalised_match_noun(w: &str) -> bool {
    matches!(
        w,
        "test" | "tests" | "twenty20" | "t20" | "t20s" | "odi" | "odis"
    )
}

/// A time zone, in lower case: `gmt`, `cest`, `ist` ("5:12 p.m. PST",
/// "18:42 CEST").
pub(crate) fn is_time_zone(w: &str) -> bool {
    one_of!(
        w,
        "gmt"
            | "bst"
            | "est"
            | "utc"
            | "edt"
            | "pst"
            | "pdt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "mt"
            | "cet"
            | "cest"
            | "eet"
            | "eest"
            | "jst"
            | "aest"
            | "aedt"
            | "hkt"
            | "sgt"
            | "ist"
            | "et"
            | "eat"
            | "wat"
            | "cat"
            | "sast"
            | "msk"
            | "gst"
            | "pkt"
            | "npt"
            | "ict"
            | "wib"
            | "kst"
            | "pht"
            | "awst"
            | "nzst"
            | "nzdt"
            | "akst"
            | "hst"
    )
}

/// [`is_currency_code`] of a word of two or three letters in any case
/// (`AED`, `Ksh`).
pub(crate) fn is_currency_code_any_case(w: &str) -> bool {
    let mut buf = [0u8; 32];
    (2..=3).contains(&w.len()) && lower(w, &mut buf).is_some_and(is_currency_code)
}

/// Currencies' codes and short forms written before an amount: ISO 4217
/// codes of much-reported currencies and the forms local papers use
/// (`KSh`, `Rp`, `RM`).
pub(crate) fn is_currency_code(w: &str) -> bool {
    one_of!(
        w,
        "usd"
            | "eur"
            | "gbp"
            | "jpy"
            | "cny"
            | "rmb"
            | "chf"
            | "cad"
            | "aud"
            | "nzd"
            | "hkd"
            | "sgd"
            | "inr"
            | "pkr"
            | "bdt"
            | "lkr"
            | "npr"
            | "aed"
            | "sar"
            | "qar"
            | "kwd"
            | "bhd"
            | "omr"
            | "egp"
            | "ngn"
            | "kes"
            | "ugx"
            | "tzs"
            | "zar"
            | "ghs"
            | "etb"
            | "xof"
            | "xaf"
            | "cfa"
            | "brl"
            | "mxn"
            | "ars"
            | "clp"
            | "cop"
            | "krw"
            | "twd"
            | "thb"
            | "myr"
            | "idr"
            | "php"
            | "vnd"
            | "rub"
            | "uah"
            | "pln"
            | "czk"
            | "huf"
            | "ron"
            | "sek"
            | "nok"
            | "dkk"
            | "isk"
            | "ils"
            | "irr"
            | "iqd"
            | "ksh"
            | "ush"
            | "tsh"
            | "rp"
            | "rm"
            | "tl"
            | "zl"
            | "dh"
            | "dhs"
            // Omani rial, Malagasy ariary, Bahraini and Kuwaiti dinars,
            // Qatari riyal, Malawian kwacha, rupees
            | "ro"
            | "ar"
            | "bd"
            | "kd"
            | "qr"
            | "mk"
            | "rs"
    )
}

/// Capitalised abbreviations and words that are not names: `DVD`, `GDP`,
/// `MPs`, time zones, `Celsius`.
#[allow(clippy::too_many_lines)] // a word list
pub(crate) fn is_not_a_name_acronym(w: &str) -> bool {
    is_time_zone(w)
        || one_of!(
            w,
            "dvd"
            // a container ship's size: `a 6,500-TEU vessel`
            | "teu"
            | "teus"
            | "ebitda"
            | "ebit"
            | "ytd"
            | "chg"
            // currencies written with a capital in a table's rows
            | "baht"
            | "rupee"
            | "rupees"
            | "ringgit"
            | "rupiah"
            | "yuan"
            | "renminbi"
            | "dirham"
            | "riyal"
            | "naira"
            | "cedi"
            | "shekel"
            | "zloty"
            | "forint"
            | "koruna"
            | "hryvnia"
            | "rouble"
            | "ruble"
            | "ram"
            | "cpu"
            | "gpu"
            | "ssd"
            | "oled"
            | "ldl"
            | "hdl"
            | "bmi"
            | "var"
            | "hbm"
            | "dram"
            | "nand"
            | "fob"
            | "cif"
            | "dvds"
            | "awol"
            | "mp3"
            | "mp3s"
            | "mp4"
            | "ep"
            | "eps"
            | "lol"
            | "qc"
            | "kc"
            | "obe"
            | "mbe"
            | "cbe"
            | "kbe"
            | "cd"
            | "cds"
            | "tv"
            | "pc"
            | "pcs"
            | "gdp"
            | "gnp"
            | "vat"
            | "ceo"
            | "ceos"
            | "cfo"
            | "mp"
            | "mps"
            | "mep"
            | "meps"
            | "msp"
            | "msps"
            | "aids"
            | "hiv"
            | "bse"
            | "sars"
            | "it"
            | "id"
            | "pin"
            | "sms"
            | "gps"
            | "usb"
            | "ai"
            | "ufo"
            | "ok"
            | "pr"
            | "hr"
            | "iq"
            | "dna"
            | "rna"
            // units of power and energy: "50 GWh", "300 MW"
            | "kw"
            | "kwh"
            | "mw"
            | "mwh"
            | "gw"
            | "gwh"
            | "twh"
            // scales and a currency written before its amount: "44.1
            // degrees Celsius", "Rs 4.5 million"
            | "celsius"
            | "rs"
            | "tk"
            // a wire desk's sign-off: "-- London Newsroom"
            | "newsroom"
            // "(home team in CAPS)" above results
            | "caps"
            | "pm"
            | "am"
            | "fm"
            | "vip"
            | "vips"
            | "icu"
            | "ivf"
            | "mri"
            | "ipo"
            | "gcse"
            | "gcses"
            | "mba"
            | "phd"
            | "uav"
            | "wmd"
            | "ied"
            | "ieds"
            | "atm"
            | "apr"
            | "lcd"
            | "led"
            | "hd"
            | "vr"
            | "pdf"
            | "url"
            | "html"
            | "suv"
            | "suvs"
            | "mvp"
            | "uv"
            | "lng"
            | "cpi"
            | "rpi"
            | "dj"
            | "djs"
            | "tb"
            | "adhd"
            | "ptsd"
            | "covid"
            | "fdi"
            | "tnt"
            | "faq"
            | "diy"
            | "asap"
            | "eta"
            | "rip"
            | "ps"
            | "nb"
            | "aka"
            | "vs"
            | "ie"
            | "eg"
            | "etc"
            | "q"
            | "a"
            | "ii"
            | "iii"
            | "iv"
            | "vi"
            | "vii"
            | "viii"
            | "ix"
            | "cctv"
            | "mph"
            | "spring"
            | "summer"
            | "autumn"
            | "winter"
            | "kph"
            | "km"
            | "kg"
            | "mm"
            | "cm"
            | "ml"
            | "bbl"
            | "ppm"
            | "rpm"
        )
}

/// Lower-case words just before a name that make it an organization:
/// `oil firm Yukos`, `carrier Qantas`.
pub(crate) fn org_cue_before(w: &str) -> bool {
    one_of!(
        w,
        "firm"
            | "firms"
            | "company"
            | "group"
            | "giant"
            | "maker"
            | "bank"
            | "lender"
            | "carrier"
            | "airline"
            | "retailer"
            | "brewer"
            | "insurer"
            | "operator"
            | "chain"
            | "manufacturer"
            | "producer"
            | "broadcaster"
            | "newspaper"
            | "magazine"
            | "website"
            | "club"
            | "side"
            | "party"
            | "subsidiary"
            | "conglomerate"
            | "supplier"
            | "distributor"
            | "label"
            | "studio"
            | "studios"
            | "agency"
            | "network"
            | "provider"
            | "developer"
            | "publisher"
            | "exchange"
            | "regulator"
            | "watchdog"
            | "automaker"
            | "carmaker"
            | "drugmaker"
            | "chipmaker"
            | "telecoms"
            | "outfit"
            | "startup"
            | "start-up"
            | "unit"
            | "militia"
            | "movement"
            | "broker"
            | "analysts"
            | "consultancy"
            | "consultants"
            | "pollster"
            | "pollsters"
            | "auditor"
            | "auditors"
            | "brokerage"
            | "cooperative"
            | "co-operative"
            | "charity"
            | "consortium"
            | "investor"
            | "fund"
            | "union"
            | "association"
            | "organisation"
            | "organization"
            | "body"
    )
}

/// Lower-case words two before a name (with `in`, `of`, `for` between)
/// that make it an organization: `shares in Yukos`, `takeover of Marsh`.
pub(crate) fn org_cue_before_of(w: &str) -> bool {
    one_of!(
        w,
        "shares"
            | "stake"
            | "bid"
            | "takeover"
            | "acquisition"
            | "merger"
            | "offer"
            | "owner"
            | "owners"
            | "shareholders"
            | "investors"
            | "bosses"
            | "board"
            | "executives"
            | "employees"
            | "staff"
            | "workers"
            | "chairman"
            | "subsidiary"
            | "unit"
            | "division"
    )
}

/// Words just after a name (or its `'s`) that make it an organization:
/// `Yukos shares`, `Marsh's chief executive`.
pub(crate) fn org_cue_after(w: &str) -> bool {
    one_of!(
        w,
        "shares"
            | "share"
            | "stock"
            | "ceo"
            | "cfo"
            | "analyst"
            | "analysts"
            | "economist"
            | "economists"
            | "strategist"
            | "shareholders"
            | "executives"
            | "bosses"
            | "board"
            | "profits"
            | "profit"
            | "revenues"
            | "revenue"
            | "sales"
            | "subsidiary"
            | "unit"
            | "division"
            | "founder"
            | "founders"
            | "creditors"
            | "investors"
            | "spokesman"
            | "spokeswoman"
            | "employees"
            | "staff"
            | "workforce"
            | "headquarters"
            | "plant"
            | "plants"
            | "factory"
            | "factories"
            | "stores"
            | "brand"
            | "products"
            | "customers"
            | "chairman"
            | "boss"
            | "union"
            | "party"
            | "group"
            | "club"
            | "team"
            | "council"
            | "government"
            | "ministry"
            | "militia"
            | "committee"
            | "members"
            | "lawmakers"
            | "faction"
            | "rebels"
            | "fighters"
            | "militants"
            | "supporters"
            | "leadership"
            | "spokesperson"
            | "newspaper"
            | "magazine"
            | "tabloid"
            | "daily"
            | "weekly"
            | "channel"
            | "website"
            | "coalition"
            | "bloc"
            | "alliance"
            | "coach"
            | "squad"
            | "fans"
            | "striker"
            | "midfielder"
            | "goalkeeper"
            | "defender"
    )
}

/// Lower-case words just before a name that make it a person:
/// `striker Rooney`, `actor Brando`.
pub(crate) fn person_cue_before(w: &str) -> bool {
    one_of!(
        w,
        "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "winger"
            | "forward"
            | "coach"
            | "manager"
            | "captain"
            | "skipper"
            | "player"
            | "actor"
            | "actress"
            | "singer"
            | "star"
            | "director"
            | "producer"
            | "writer"
            | "author"
            | "novelist"
            | "poet"
            | "artist"
            | "composer"
            | "rapper"
            | "comedian"
            | "presenter"
            | "chairman"
            | "chairwoman"
            | "founder"
            | "tycoon"
            | "billionaire"
            | "minister"
            | "president"
            | "leader"
            | "spokesman"
            | "spokeswoman"
            | "economist"
            | "analyst"
            | "champion"
            | "boxer"
            | "bowler"
            | "batsman"
            | "batter"
            | "spinner"
            | "opener"
            | "seamer"
            | "paceman"
            | "wicketkeeper"
            | "jockey"
            | "trainer"
            | "driver"
            | "rider"
            | "cyclist"
            | "sprinter"
            | "hurdler"
            | "athlete"
            | "swimmer"
            | "golfer"
            | "seed"
            | "mr"
            | "mrs"
            | "ms"
            | "dr"
            | "judge"
            | "lawyer"
            | "prosecutor"
            | "senator"
            | "governor"
            | "mayor"
            | "boss"
            | "wife"
            | "husband"
            | "widow"
            | "son"
            | "daughter"
            | "brother"
            | "sister"
            | "nephew"
            | "niece"
            | "girlfriend"
            | "boyfriend"
            | "fiancee"
            | "fiance"
    )
}

/// Words just after a name's `'s` that make it a person: `Glazer's son`.
pub(crate) fn person_cue_after_possessive(w: &str) -> bool {
    one_of!(
        w,
        "wife"
            | "husband"
            | "son"
            | "daughter"
            | "father"
            | "mother"
            | "brother"
            | "sister"
            | "family"
            | "career"
            | "lawyer"
            | "lawyers"
            | "death"
            | "birthday"
            | "girlfriend"
            | "boyfriend"
            | "widow"
            | "children"
            | "home"
    )
}

/// Words just after a name (or its `'s`) that make it a place:
/// `Frankfurt airport`, `Lyari district`, `Goma's residents`.
pub(crate) fn place_cue_after(w: &str) -> bool {
    one_of!(
        w,
        "airport"
            | "crossing"
            | "checkpoint"
            | "port"
            | "slum"
            | "slums"
            | "township"
            | "harbour"
            | "harbor"
            | "border"
            | "region"
            | "province"
            | "district"
            | "area"
            | "city"
            | "town"
            | "village"
            | "suburb"
            | "valley"
            | "coast"
            | "countryside"
            | "residents"
            | "mayor"
            | "neighbourhood"
            | "neighborhood"
            | "county"
            | "camp"
            | "refinery"
            | "prison"
            | "municipality"
            | "governorate"
            | "outskirts"
            | "river"
            | "rivers"
            | "mountains"
            | "lake"
            | "island"
            | "islands"
            | "basin"
            | "delta"
            | "peninsula"
            | "estuary"
            | "coastline"
    )
}

/// Lower-case words before `of` that make the name after it a place:
/// `island of Orust`, `mayor of Poznan`.
pub(crate) fn place_cue_before_of(w: &str) -> bool {
    is_compass_point(w)
        || one_of!(
            w,
            "island"
                | "islands"
                | "city"
                | "cities"
                | "town"
                | "towns"
                | "township"
                | "townships"
                | "village"
                | "villages"
                | "municipality"
                | "province"
                | "region"
                | "district"
                | "districts"
                | "port"
                | "suburb"
                | "capital"
                | "mayor"
                | "governor"
                | "outskirts"
                | "centre"
                | "center"
                | "heart"
                | "streets"
                | "residents"
                | "people"
                | "citizens"
                // "upstream of Toktogul", "parts of Osh"
                | "upstream"
                | "downstream"
                | "parts"
                | "shores"
                | "coast"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight::token::tokenize;

    #[test]
    fn shapes_pass_every_listed_word_and_rule_out_most_others() {
        const SHAPES: Shapes = Shapes::of(&[&["two", "twenty"], &["first"]]);
        const LONG: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
        const ODD: Shapes = Shapes::of(&[&["s.p.a.", "n.v.", "çà", LONG]]);
        for w in ["two", "twenty", "first"] {
            assert!(SHAPES.may_hold(w), "{w}");
        }
        // another first or last letter or length is ruled out; the same
        // shape is only a maybe, left to the comparison
        for w in ["four", "", "twentyfold", "déjà", "the", "ten", "twe"] {
            assert!(!SHAPES.may_hold(w), "{w}");
        }
        assert!(SHAPES.may_hold("tao") && SHAPES.may_hold("Two") && SHAPES.may_hold("fifst"));
        // any byte has a place, and a long word its length's
        for w in ["s.p.a.", "n.v.", "çà", LONG] {
            assert!(ODD.may_hold(w), "{w}");
        }
        assert!(!ODD.may_hold("spa") && !ODD.may_hold("n.v"));
    }

    #[test]
    fn one_of_is_matches_for_a_word_list() {
        let listed = |w: &str| one_of!(w, "bank" | "council" | "n.v." | "s.p.a." | "ağ");
        for w in ["bank", "council", "n.v.", "s.p.a.", "ağ"] {
            assert!(listed(w), "{w}");
        }
        for w in ["Bank", "banks", "", "nv", "council ", "ag"] {
            assert!(!listed(w), "{w}");
        }
    }

    #[test]
    fn each_token_lowered_once_is_what_lower_gives() {
        let long = "Abcdefghijklmnopqrstuvwxyzabcdefghij";
        let text = format!(
            "The U.S. and ÉMILE’S Café in ZÜRICH, 40,005 people — {long} and İstanbul's KELVIN."
        );
        let mut toks = Vec::new();
        tokenize(&text, &mut toks);
        let mut arena = String::new();
        let low = Lowered::new(&text, &toks, &mut arena);
        let mut buf = [0u8; 32];
        for (i, t) in toks.iter().enumerate() {
            assert_eq!(low.get(i), lower(t.text(&text), &mut buf));
        }
        assert_eq!(low.get(toks.len()), Some(""));
        let at = toks.iter().position(|t| t.text(&text) == long).unwrap();
        assert_eq!(low.get(at), None);
    }
}
