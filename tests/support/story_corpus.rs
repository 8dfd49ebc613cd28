//! A generated news corpus with known stories and known near-duplicates,
//! for measuring how well articles are grouped into stories.
//!
//! Each story has its own cast (two or three people drawn from a shared
//! population where a few are famous and appear in many stories), a place
//! (from forty cities, so places are shared widely), an organization, a
//! count of something and a sum of money, and a start date in 2025. Its
//! articles come from different sources over three days; each mixes
//! sentences about the story (sources give its count a little differently),
//! sentences naming people, places and figures from elsewhere (background
//! that links stories falsely), and filler words. Some articles are copies
//! of an earlier article of their story republished by another source, with
//! a sentence or two changed or the end cut. Articles are shuffled, as
//! folders of many sources load in no date order. Everything comes from a
//! seed: the same seed gives the same corpus.

#![allow(
    dead_code,
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_possible_wrap,
    clippy::too_many_lines,
    clippy::cast_sign_loss
)]

use dateline::article::{Article, ArticleId, Origin};

/// The corpus and its truth.
pub struct Corpus {
    pub articles: Vec<Article>,
    /// Per article, its story.
    pub story: Vec<usize>,
    /// Per article, the article whose text it copies (itself when original).
    pub text_of: Vec<usize>,
}

impl Corpus {
    /// Pairs of articles that are copies of one text.
    pub fn duplicate_pairs(&self) -> std::collections::HashSet<(usize, usize)> {
        let mut by_text: std::collections::HashMap<usize, Vec<usize>> =
            std::collections::HashMap::new();
        for (a, &t) in self.text_of.iter().enumerate() {
            by_text.entry(t).or_default().push(a);
        }
        let mut pairs = std::collections::HashSet::new();
        for group in by_text.values() {
            for (i, &a) in group.iter().enumerate() {
                for &b in &group[i + 1..] {
                    pairs.insert((a.min(b), a.max(b)));
                }
            }
        }
        pairs
    }
}

/// `SplitMix64`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Zipf-like: rank `k` of `n` with weight `1 / (k + 1)`.
    fn zipf(&mut self, n: usize) -> usize {
        // Inverse of the continuous approximation of the harmonic sum.
        let h = ((n + 1) as f64).ln();
        let k = (self.unit() * h).exp() - 1.0;
        (k.max(0.0) as usize).min(n.saturating_sub(1))
    }
}

const GIVEN: &[&str] = &[
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

const CITIES: &[&str] = &[
    "Rotterdam",
    "London",
    "Paris",
    "Tokyo",
    "Nairobi",
    "Berlin",
    "Mumbai",
    "Toronto",
    "Madrid",
    "Lagos",
    "Cairo",
    "Lima",
    "Oslo",
    "Warsaw",
    "Vienna",
    "Lisbon",
    "Athens",
    "Dublin",
    "Manila",
    "Jakarta",
    "Seoul",
    "Sydney",
    "Chicago",
    "Houston",
    "Bogota",
    "Santiago",
    "Istanbul",
    "Karachi",
    "Dhaka",
    "Hanoi",
    "Bangkok",
    "Nairobi",
    "Accra",
    "Dakar",
    "Rabat",
    "Tunis",
    "Kyiv",
    "Prague",
    "Budapest",
    "Helsinki",
];

const ORG_KINDS: &[&str] = &["Group", "Holdings", "Union", "Council", "Authority", "Bank"];

const SOURCES: &[&str] = &[
    "Northline Wire",
    "Meridian Post",
    "Valley Courier",
    "The Harbor Ledger",
    "Daily Signal",
    "Evening Star",
    "Coastal Times",
    "Metro Herald",
    "Capital Gazette",
    "Morning Record",
    "Western Tribune",
    "Eastern Echo",
    "Summit News",
    "Riverside Journal",
    "Union Bulletin",
    "Global Dispatch",
    "Plains Reporter",
    "Island Observer",
    "Northern Sentinel",
    "City Press",
];

const THINGS: &[&str] = &[
    "workers",
    "ships",
    "homes",
    "families",
    "passengers",
    "patients",
    "students",
    "farmers",
    "flights",
    "jobs",
    "schools",
    "vehicles",
];

const VERBS: &[&str] = &[
    "said",
    "warned",
    "announced",
    "confirmed",
    "denied",
    "expected",
    "told",
    "argued",
];

const COMMON: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "that",
    "is",
    "for",
    "on",
    "was",
    "with",
    "as",
    "it",
    "by",
    "at",
    "from",
    "they",
    "have",
    "has",
    "be",
    "were",
    "an",
    "not",
    "this",
    "which",
    "after",
    "would",
    "their",
    "who",
    "but",
    "had",
    "will",
    "are",
    "been",
    "government",
    "minister",
    "talks",
    "market",
    "rates",
    "economy",
    "budget",
    "court",
    "police",
    "protest",
    "energy",
    "prices",
    "border",
    "trade",
    "health",
    "report",
    "officials",
    "company",
    "shares",
    "growth",
    "crisis",
    "storm",
    "vote",
    "party",
    "plan",
    "deal",
    "week",
    "year",
    "city",
    "region",
    "service",
    "support",
    "public",
    "local",
    "national",
    "new",
    "early",
    "late",
    "further",
    "higher",
    "lower",
    "people",
    "statement",
    "meeting",
    "process",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mir", "ven", "dra", "sel", "tor", "bri", "nan", "quo", "ras", "lim", "per", "sta",
    "vol", "den", "gri", "hal", "mun", "dor", "fel", "kin", "ber", "wal", "tan", "zor",
];

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn made_up(rng: &mut Rng, parts: usize) -> String {
    (0..parts)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

fn thousands(n: usize) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

struct Story {
    people: Vec<usize>,
    place: &'static str,
    org: String,
    thing: &'static str,
    count: usize,
    money: usize,
    day: i64,
    size: usize,
}

/// A corpus of `n` articles from `seed`.
pub fn generate(n: usize, seed: u64) -> Corpus {
    let mut rng = Rng(seed);
    let population = 2000 + n / 10;
    let people: Vec<(String, String)> = (0..population)
        .map(|_| {
            let given = GIVEN[rng.below(GIVEN.len())].to_string();
            let parts = 2 + rng.below(2);
            (given, capitalised(&made_up(&mut rng, parts)))
        })
        .collect();
    let words: Vec<String> = (0..3000)
        .map(|_| {
            let parts = 1 + rng.below(3);
            made_up(&mut rng, parts)
        })
        .collect();
    let filler = |rng: &mut Rng, len: usize| -> String {
        (0..len)
            .map(|_| {
                if rng.below(3) == 0 {
                    words[rng.zipf(words.len())].clone()
                } else {
                    COMMON[rng.zipf(COMMON.len())].to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut articles: Vec<Article> = Vec::with_capacity(n);
    let mut story_of: Vec<usize> = Vec::with_capacity(n);
    let mut text_of: Vec<usize> = Vec::with_capacity(n);
    let mut story_id = 0;
    while articles.len() < n {
        let size = match rng.below(100) {
            0..35 => 1,
            35..55 => 2,
            55..70 => 3,
            70..80 => 4,
            80..88 => 5,
            88..94 => 6,
            _ => 7 + rng.below(4),
        }
        .min(n - articles.len());
        let story = Story {
            people: (0..2 + rng.below(2))
                .map(|_| rng.zipf(population))
                .collect(),
            place: CITIES[rng.below(CITIES.len())],
            org: format!(
                "{} {}",
                capitalised(&made_up(&mut rng, 3)),
                ORG_KINDS[rng.below(ORG_KINDS.len())]
            ),
            thing: THINGS[rng.below(THINGS.len())],
            count: 200 + rng.below(60_000),
            money: 2 + rng.below(900),
            day: rng.below(365) as i64,
            size,
        };
        let first = articles.len();
        for k in 0..story.size {
            let source = SOURCES[rng.below(SOURCES.len())];
            let day = story.day + rng.below(4) as i64;
            let copy = k > 0 && rng.below(100) < 15;
            let (body, original) = if copy {
                let of = first + rng.below(k);
                (
                    republish(&mut rng, &articles[of].body.text(), &filler),
                    text_of[of],
                )
            } else {
                (
                    write_story(&mut rng, &story, &people, &filler),
                    articles.len(),
                )
            };
            let i = articles.len();
            let origin = Origin::at_line("stories.jsonl", i + 1);
            let (_, surname) = &people[story.people[0]];
            let title = format!(
                "{surname} {} {} {} in {}",
                VERBS[rng.below(VERBS.len())],
                filler(&mut rng, 2),
                story.thing,
                story.place
            );
            articles.push(Article {
                tags: Vec::new(),
                id: ArticleId::derive(None, &origin, &title),
                title,
                source: source.to_string(),
                date: chrono::NaiveDate::from_ymd_opt(2025, 1, 1)
                    .map(|d| d + chrono::Duration::days(day)),
                author: None,
                url: None,
                origin,
                body: body.into(),
            });
            story_of.push(story_id);
            text_of.push(original);
        }
        story_id += 1;
    }
    // Shuffle the load order (Fisher-Yates), keeping the truth aligned.
    let mut order: Vec<usize> = (0..articles.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut position = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        position[old] = new;
    }
    let mut slots: Vec<Option<Article>> = articles.into_iter().map(Some).collect();
    let articles = order
        .iter()
        .map(|&old| slots[old].take().expect("each once"))
        .collect();
    Corpus {
        articles,
        story: order.iter().map(|&old| story_of[old]).collect(),
        text_of: order.iter().map(|&old| position[text_of[old]]).collect(),
    }
}

fn write_story(
    rng: &mut Rng,
    story: &Story,
    people: &[(String, String)],
    filler: &dyn Fn(&mut Rng, usize) -> String,
) -> String {
    // Each source counts a little differently.
    let count = story.count + story.count * rng.below(20) / 100;
    let mut introduced = vec![false; story.people.len()];
    let mut sentences: Vec<String> = Vec::new();
    let sentences_wanted = 10 + rng.below(8);
    while sentences.len() < sentences_wanted {
        let k = rng.below(story.people.len());
        let (given, surname) = &people[story.people[k]];
        let who = if introduced[k] {
            surname.clone()
        } else {
            introduced[k] = true;
            format!("{given} {surname}")
        };
        let s = match rng.below(10) {
            0 | 1 => format!(
                "{who} {} that {} {} in {} {}.",
                VERBS[rng.below(VERBS.len())],
                thousands(count),
                story.thing,
                story.place,
                filler(rng, 4)
            ),
            2 => format!(
                "The {} put the cost at ${} million, {} {}.",
                story.org,
                story.money,
                who,
                VERBS[rng.below(VERBS.len())]
            ),
            3 => format!(
                "{who} met officials of the {} in {} to {}.",
                story.org,
                story.place,
                filler(rng, 5)
            ),
            4 => {
                // Background: someone from elsewhere, somewhere else.
                let (g, s) = &people[rng.zipf(people.len())];
                format!(
                    "{} {} in {} {} {}.",
                    capitalised(&filler(rng, 3)),
                    if rng.below(2) == 0 {
                        format!("{g} {s}")
                    } else {
                        s.clone()
                    },
                    CITIES[rng.below(CITIES.len())],
                    filler(rng, 3),
                    thousands(100 + rng.below(5000))
                )
            }
            _ => format!("{}.", {
                let len = 8 + rng.below(10);
                capitalised(&filler(rng, len))
            }),
        };
        sentences.push(s);
    }
    sentences.join(" ")
}

/// A copy of `body` as another outlet republishes it: one or two sentences
/// rewritten, sometimes the last ones cut.
fn republish(rng: &mut Rng, body: &str, filler: &dyn Fn(&mut Rng, usize) -> String) -> String {
    let mut sentences: Vec<String> = body.split_inclusive(". ").map(str::to_string).collect();
    for _ in 0..=rng.below(2) {
        let i = rng.below(sentences.len());
        sentences[i] = {
            let text = filler(rng, 10);
            format!("{}. ", capitalised(&text))
        };
    }
    if rng.below(3) == 0 && sentences.len() > 6 {
        sentences.truncate(sentences.len() - 2);
    }
    sentences.concat().trim_end().to_string()
}
