//! Throughput of the highlighter on one core: builds a text of at least
//! 20 MB from varied news-like sentences (web and wire style), highlights it
//! in chunks the size of articles, and prints the median MB/s of several runs.
//!
//! ```sh
//! cargo run --release --example throughput [-- MEGABYTES [RUNS] [FILE...]]
//! ```
//!
//! With files, the articles are those files (each one article), repeated
//! until the text is at least MEGABYTES long.

use std::time::Instant;

use dateline::highlight::highlight;

const SENTENCES: &[&str] = &[
    "US Secretary of State Antony Blinken met Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al-Thani in Doha on Thursday.",
    "The Health Ministry in Gaza said 40,005 people had been killed in 20 months of war, while Israeli officials disputed the figure.",
    "Shares in Vodafone rose 3.5% to 142p after the company reported a £1.2bn profit for the year to March 31.",
    "SOCCER - LEEDS HOLD CHELSEA TO GOALLESS DRAW AT ELLAND ROAD .",
    "LONDON 1996-08-22",
    "Arsenal 2 Southampton 0",
    "Newcastle 5 4 0 1 10 4 12",
    "Mr. Ansari told AFP that the talks, backed by Egypt and the United States, could resume next week in Cairo.",
    "The European Commission said on Wednesday it disagreed with German advice to consumers to shun British lamb.",
    "Former president Bashar al-Assad fled to Moscow after rebels led by Hayat Tahrir al-Sham entered Damascus in December 2024.",
    "Two goals in the last six minutes gave Japan a 2-1 win over Syria in their Asian Cup opener at the Zayed Sports City stadium.",
    "Hurdler Sarah Claxton, 25, set a new British record of 7.96 seconds at the Birmingham Grand Prix last week.",
    "Prices of crude oil fell by two dollars a barrel, the sharpest fall in three years, traders in New York and Singapore said.",
    "Ukrainian President Volodymyr Zelensky said Kyiv would not cede Crimea or the Donbas to Russia under any anti-Ukraine deal.",
    "Pete Sampras ( U.S. ) beat Jim Grabb ( U.S. ) 6-4 6-3",
    "Naïve café owners in Zürich and São Paulo — “Ça va?” — priced the menu at 12,50 € and ¥1,200.",
];

fn build_text(min_bytes: usize) -> Vec<String> {
    // articles of about 3 kB, sentences in a shifting order
    let mut articles = Vec::new();
    let mut total = 0;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    while total < min_bytes {
        let mut a = String::new();
        while a.len() < 3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let k = usize::try_from(seed % SENTENCES.len() as u64).unwrap_or(0);
            a.push_str(SENTENCES[k]);
            a.push(if seed.is_multiple_of(3) { '\n' } else { ' ' });
        }
        total += a.len();
        articles.push(a);
    }
    articles
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(24);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let files: Vec<String> = args
        .filter_map(|p| std::fs::read(&p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .filter(|s| !s.is_empty())
        .collect();
    let articles = if files.is_empty() {
        build_text(mb * 1_000_000)
    } else {
        let mut articles = Vec::new();
        let mut total = 0;
        while total < mb * 1_000_000 {
            for f in &files {
                total += f.len();
                articles.push(f.clone());
            }
        }
        articles
    };
    let bytes: usize = articles.iter().map(String::len).sum();
    // warm up: builds the gazetteers
    let _ = highlight("Warm up in London.");
    let mut rates = Vec::new();
    let mut spans = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        spans = 0;
        for a in &articles {
            spans += highlight(a).len();
        }
        let secs = start.elapsed().as_secs_f64();
        #[allow(clippy::cast_precision_loss)]
        rates.push(bytes as f64 / secs / 1e6);
    }
    rates.sort_by(f64::total_cmp);
    let median = rates[rates.len() / 2];
    println!(
        "{bytes} bytes in {} articles, {spans} spans per run; runs (MB/s): {}",
        articles.len(),
        rates
            .iter()
            .map(|r| format!("{r:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("median throughput: {median:.1} MB/s");
}
