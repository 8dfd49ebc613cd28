//! Synthetic news articles for the benchmarks, generated deterministically
//! from a seed: a Zipf-distributed vocabulary of real and made-up words
//! ([`make_article`]), and for the entity benchmark, articles that also name
//! people, organizations and places from a cast with Zipf-distributed
//! fame, with figures written in the ways news writes them
//! ([`make_news_article`]).

// Shared by several examples, each of which uses part of it.
#![allow(dead_code)]

use dateline::article::{Article, ArticleId, Origin};

/// `SplitMix64`: small, deterministic, good enough to vary synthetic text.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

pub const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "a", "in", "that", "is", "for", "on", "was", "with", "said", "as",
    "it", "by", "at", "from", "his", "her", "they", "have", "has", "be", "were", "an", "not",
    "this", "which", "after", "would", "their", "who", "but", "had", "will", "are", "been",
];

pub const NEWS_WORDS: &[&str] = &[
    "government",
    "minister",
    "president",
    "election",
    "ceasefire",
    "talks",
    "market",
    "markets",
    "rates",
    "inflation",
    "economy",
    "exports",
    "budget",
    "parliament",
    "court",
    "police",
    "protest",
    "climate",
    "summit",
    "energy",
    "prices",
    "troops",
    "border",
    "trade",
    "health",
    "hospital",
    "school",
    "report",
    "officials",
    "company",
    "shares",
    "bank",
    "central",
    "growth",
    "crisis",
    "storm",
    "flood",
    "wildfire",
    "vote",
    "party",
    "leader",
    "Japan",
    "Japanese",
    "Ukraine",
    "Gaza",
    "Canada",
    "Brazil",
    "Kenya",
    "Germany",
    "India",
    "Zürich",
    "Genève",
    "São",
    "Paulo",
    "Reykjavík",
    "Kraków",
];

pub const SOURCES: &[&str] = &[
    "Reuters",
    "AP",
    "AFP",
    "BBC News",
    "The Guardian",
    "Le Monde",
    "Nikkei Asia",
    "Al Jazeera",
    "Financial Times",
    "Der Spiegel",
    "El País",
    "CBC News",
    "ABC Australia",
    "The Hindu",
    "Daily Nation",
    "Folha de S.Paulo",
    "NHK World",
    "Politico Europe",
    "Bloomberg",
    "Axios",
];

pub const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "pe", "zu", "bar", "den", "gil", "hor", "jun",
    "kes", "lan", "mor", "nis", "ost", "pra", "quin", "rel", "sta", "tor", "ul", "ver", "wen",
    "yar", "zel", "ch", "str", "ith", "ea", "ou",
];

/// The vocabulary, most frequent first, and a Zipf sampler over it.
pub struct Words {
    pub words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Words {
    pub fn new(rng: &mut Rng, size: usize) -> Self {
        let mut words: Vec<String> = FUNCTION_WORDS.iter().map(|w| (*w).to_string()).collect();
        words.extend(NEWS_WORDS.iter().map(|w| (*w).to_string()));
        let mut seen: std::collections::HashSet<String> = words.iter().cloned().collect();
        while words.len() < size {
            let parts = 2 + rng.below(3);
            let mut w: String = (0..parts)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if rng.below(10) == 0 {
                w.push('s');
            }
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|r| {
                total += 1.0 / (r as f64).powf(1.05);
                total
            })
            .collect();
        Self { words, cumulative }
    }

    pub fn pick(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        self.words.get(i).map_or("the", String::as_str)
    }
}

pub fn number(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("{}", 1990 + rng.below(36)),
        1 => format!("{}.{}", rng.below(100), rng.below(10)),
        2 => {
            let n = rng.below(900_000) + 1000;
            format!("{},{:03}", n / 1000, n % 1000)
        }
        _ => format!("{}", rng.below(1000)),
    }
}

pub fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A synthetic article: a title and about 3 KB of body drawn from the
/// vocabulary, with a figure every 40 words or so.
pub fn make_article(rng: &mut Rng, words: &Words, i: usize) -> Article {
    let title_len = 5 + rng.below(7);
    let title: Vec<String> = (0..title_len)
        .map(|k| {
            let w = if rng.below(6) == 0 {
                NEWS_WORDS[rng.below(NEWS_WORDS.len())].to_string()
            } else {
                words.pick(rng).to_string()
            };
            if k == 0 { capitalised(&w) } else { w }
        })
        .collect();
    let mut body = String::with_capacity(3200);
    let mut sentence_start = true;
    while body.len() < 2600 + rng.below(800) {
        let w = if rng.below(40) == 0 {
            number(rng)
        } else {
            words.pick(rng).to_string()
        };
        if sentence_start {
            body.push_str(&capitalised(&w));
        } else {
            body.push_str(&w);
        }
        sentence_start = rng.below(14) == 0;
        body.push_str(if sentence_start {
            ". "
        } else if rng.below(12) == 0 {
            ", "
        } else {
            " "
        });
    }
    // As loaded, a body holds no spare capacity.
    body.shrink_to_fit();
    let origin = Origin::at_line("bench.jsonl", i + 1);
    let title = title.join(" ");
    Article {
        tags: Vec::new(),
        id: ArticleId::derive(None, &origin, &title),
        title,
        source: SOURCES[rng.below(SOURCES.len())].to_string(),
        date: None,
        author: None,
        url: None,
        origin,
        body: body.into(),
    }
}

/// Given names the highlighter knows (its gazetteer), for synthetic people.
const GIVEN_NAMES: &[&str] = &[
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Daniel",
    "Nancy",
    "Matthew",
    "Lisa",
    "Anthony",
    "Betty",
    "Mark",
    "Margaret",
    "Paul",
    "Sandra",
    "Steven",
    "Ashley",
    "Andrew",
    "Emily",
    "Kenneth",
    "Donna",
    "Joshua",
    "Michelle",
    "Kevin",
    "Carol",
    "Brian",
    "Amanda",
    "George",
    "Melissa",
    "Edward",
    "Deborah",
    "Ronald",
    "Stephanie",
    "Timothy",
    "Rebecca",
    "Jason",
    "Laura",
    "Jeffrey",
    "Helen",
    "Ryan",
    "Sharon",
    "Jacob",
    "Cynthia",
    "Gary",
    "Kathleen",
    "Nicholas",
    "Amy",
    "Eric",
    "Anna",
    "Ahmed",
    "Fatima",
    "Olena",
    "Dmitri",
    "Priya",
    "Hiroshi",
    "Ingrid",
    "Kwame",
    "Lucia",
    "Marta",
];

/// Places, each with the other spellings news uses for it.
const PLACES: &[&[&str]] = &[
    &["United States", "US", "U.S."],
    &["United Kingdom", "UK", "Britain"],
    &["Germany"],
    &["Japan"],
    &["Brazil"],
    &["Kenya"],
    &["India"],
    &["Canada"],
    &["France"],
    &["China"],
    &["Rotterdam"],
    &["London"],
    &["Paris"],
    &["Tokyo"],
    &["Nairobi"],
    &["Berlin"],
    &["Mumbai"],
    &["Toronto"],
    &["São Paulo"],
    &["Zürich"],
];

/// Organizations, each with its other spellings.
const ORGANIZATIONS: &[&[&str]] = &[
    &["United Nations", "UN"],
    &["European Union", "EU"],
    &["NATO", "Nato"],
    &["World Bank"],
    &["International Monetary Fund", "IMF"],
    &["Federal Reserve", "Fed"],
    &["World Health Organization", "WHO"],
    &["European Central Bank", "ECB"],
];

/// Titles before a full name.
const TITLES: &[&str] = &[
    "President",
    "Minister",
    "Senator",
    "Dr",
    "union leader",
    "chief executive",
    "spokeswoman",
    "spokesman",
    "striker",
    "Governor",
];

/// The figures of a news story, in the ways it writes them.
fn figure(rng: &mut Rng) -> String {
    match rng.below(7) {
        0 => format!("${}bn", 1 + rng.below(40)),
        1 => format!("{}.{} million", 1 + rng.below(9), rng.below(10)),
        2 => format!("{} billion", 1 + rng.below(20)),
        3 => format!("{}%", rng.below(60)),
        4 => {
            let n = rng.below(90_000) + 1000;
            format!("{},{:03}", n / 1000, n % 1000)
        }
        5 => format!("€{}.{}bn", 1 + rng.below(9), rng.below(10)),
        _ => format!("{}", 2 + rng.below(500)),
    }
}

/// The people, organizations and places synthetic news is about, with a
/// Zipf sampler over the people (a few are in many stories, most in few).
pub struct Cast {
    /// (given name, surname).
    pub people: Vec<(String, String)>,
    cumulative: Vec<f64>,
    /// Made-up companies (`Kalomir Group`).
    pub companies: Vec<String>,
}

impl Cast {
    /// `people` people sharing `people * 2 / 3` surnames (namesakes happen),
    /// and `people / 2` companies.
    pub fn new(rng: &mut Rng, people: usize) -> Self {
        let mut surnames: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        while surnames.len() < (people * 2 / 3).max(1) {
            let parts = 2 + rng.below(2);
            let w: String = (0..parts)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if w.len() > 4 && seen.insert(w.clone()) {
                surnames.push(capitalised(&w));
            }
        }
        let mut pairs = std::collections::HashSet::new();
        let mut list = Vec::new();
        while list.len() < people {
            let given = GIVEN_NAMES[rng.below(GIVEN_NAMES.len())].to_string();
            let surname = surnames[rng.below(surnames.len())].clone();
            if pairs.insert((given.clone(), surname.clone())) {
                list.push((given, surname));
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=list.len())
            .map(|r| {
                total += 1.0 / r as f64;
                total
            })
            .collect();
        let companies = (0..people / 2)
            .map(|k| {
                let kind = ["Group", "Holdings", "Bank", "Airlines", "Motors"][k % 5];
                format!("{} {kind}", surnames[(k * 7) % surnames.len()])
            })
            .collect();
        Self {
            people: list,
            cumulative,
            companies,
        }
    }

    /// A person, the famous more often.
    pub fn pick(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.people.len().saturating_sub(1))
    }
}

/// A synthetic news story: sentences of the vocabulary's words, and
/// sentences about two to six people of the cast (introduced by title and
/// full name, then by surname; one story in twenty names them by surname
/// only), organizations and places under their various spellings, with
/// figures. About 3 KB of body, dated in 2025.
pub fn make_news_article(rng: &mut Rng, words: &Words, cast: &Cast, i: usize) -> Article {
    let mut article = make_article(rng, words, i);
    let people: Vec<usize> = (0..2 + rng.below(5)).map(|_| cast.pick(rng)).collect();
    let surname_only = rng.below(20) == 0;
    let mut introduced = vec![surname_only; people.len()];
    let mut body = String::with_capacity(3400);
    let filler = |rng: &mut Rng, n: usize| -> String {
        (0..n)
            .map(|_| words.pick(rng))
            .collect::<Vec<_>>()
            .join(" ")
    };
    while body.len() < 2600 + rng.below(800) {
        let k = rng.below(people.len());
        let (given, surname) = &cast.people[people[k]];
        let who = if introduced[k] {
            match rng.below(3) {
                0 => format!("Mr {surname}"),
                _ => surname.clone(),
            }
        } else {
            introduced[k] = true;
            let title = TITLES[rng.below(TITLES.len())];
            format!("{} {given} {surname}", capitalised(title))
        };
        let place = PLACES[rng.below(PLACES.len())];
        let place = place[rng.below(place.len())];
        let org = if rng.below(3) == 0 {
            cast.companies[rng.below(cast.companies.len())].clone()
        } else {
            let o = ORGANIZATIONS[rng.below(ORGANIZATIONS.len())];
            o[rng.below(o.len())].to_string()
        };
        let sentence = match rng.below(5) {
            0 => format!(
                "{who} said the {} would cost {}. ",
                filler(rng, 4),
                figure(rng)
            ),
            1 => format!(
                "Officials in {place} said {} {} had {}. ",
                figure(rng),
                filler(rng, 2),
                filler(rng, 5)
            ),
            2 => format!(
                "The {org} said {} of {} in {place}. ",
                figure(rng),
                filler(rng, 6)
            ),
            3 => format!(
                "{who} told the {org} that {} {}. ",
                filler(rng, 5),
                figure(rng)
            ),
            _ => format!("{} {}. ", capitalised(words.pick(rng)), filler(rng, 10)),
        };
        body.push_str(&sentence);
    }
    body.shrink_to_fit();
    article.body = body.into();
    article.date = chrono::NaiveDate::from_ymd_opt(2025, 1 + (i % 12) as u32, 1 + (i % 28) as u32);
    article
}
