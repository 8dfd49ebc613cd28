//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::loader::Input;

/// A terminal reader for news articles: names and numbers highlighted,
/// fuzzy filtering, every source at hand.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders of articles (.txt, .md, .json, .jsonl), or - for
    /// standard input. Without any, the built-in sample articles.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the articles, one per line: id, source, date, title (tab-separated).
    List {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Only the articles the filter bar would show for QUERY, in its order.
        #[arg(long, short, value_name = "QUERY")]
        filter: Option<String>,
        /// JSON Lines: id, source, date, title, author, url, path.
        #[arg(long)]
        json: bool,
    },
    /// Print each source: name, article count, first and last date (tab-separated).
    Sources {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// JSON Lines: source, articles, first, last.
        #[arg(long)]
        json: bool,
    },
    /// Print every mention of a name: article id, source, date, title, sentence
    /// (tab-separated). "Netanyahu" also finds "Benjamin Netanyahu"; "US" finds
    /// "United States".
    Mentions {
        /// A person, organization, place or other name, as typed in the reader.
        name: String,
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// JSON Lines: id, source, date, title, sentence, entity, kind, start,
        /// end (byte offsets into the body), path, line.
        #[arg(long)]
        json: bool,
    },
    /// Print the stories: articles from any sources reporting the same events
    /// (shared names and figures a few days apart, or copies of one text).
    /// Each story's line (id, sources, articles, first and last date,
    /// headline; tab-separated) is followed by its articles, indented, copies
    /// marked "near-duplicate of ID".
    Stories {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// One JSON object per story: its id, headline, counts, dates and
        /// sources, its articles (each with the ids it is a near-duplicate
        /// of) and the near-duplicate pairs.
        #[arg(long)]
        json: bool,
    },
    /// Print every number and date: article id, source, date, kind, text,
    /// value, what it counts, "≠ WHAT" when another article of its story
    /// gives a different figure for the same thing, and the sentence
    /// (tab-separated).
    Figures {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// JSON Lines: id, source, date, kind, text, value, counts, sentence,
        /// start, end (byte offsets into the body), story, disagrees.
        #[arg(long)]
        json: bool,
        /// Only the disagreements, one per line: story, what is counted, each
        /// figure with its source and date, headline.
        #[arg(long)]
        disagreements: bool,
    },
    /// Print the names and numbers found in each article.
    Entities {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// One JSON object per article: path, title, body and spans (byte offsets into body).
        #[arg(long)]
        jsonl: bool,
    },
}

/// What to load for these paths: the samples when there are none.
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    if paths.is_empty() {
        return vec![Input::Samples];
    }
    paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::Path(p.clone())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_paths_means_the_samples_and_dash_means_stdin() {
        assert_eq!(inputs(&[]), vec![Input::Samples]);
        assert_eq!(
            inputs(&[PathBuf::from("-"), PathBuf::from("news")]),
            vec![Input::Stdin, Input::Path(PathBuf::from("news"))]
        );
    }

    #[test]
    fn subcommands_and_paths_parse() {
        let cli = Cli::try_parse_from(["dateline", "a", "b"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(cli.paths.len(), 2);
        let cli =
            Cli::try_parse_from(["dateline", "list", "--filter", "port strike", "x"]).unwrap();
        let Some(Command::List {
            paths,
            filter,
            json,
        }) = cli.command
        else {
            panic!("list")
        };
        assert_eq!(filter.as_deref(), Some("port strike"));
        assert_eq!(paths, vec![PathBuf::from("x")]);
        assert!(!json);
        assert!(Cli::try_parse_from(["dateline", "list", "--nope"]).is_err());
    }

    #[test]
    fn stories_and_figures_parse() {
        let cli = Cli::try_parse_from(["dateline", "stories", "a", "--json"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Stories { ref paths, json: true }) if paths == &[PathBuf::from("a")]
        ));
        let cli =
            Cli::try_parse_from(["dateline", "figures", "--disagreements", "a", "b"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Figures { ref paths, json: false, disagreements: true }) if paths.len() == 2
        ));
    }

    #[test]
    fn sources_and_mentions_parse() {
        let cli = Cli::try_parse_from(["dateline", "sources", "a", "--json"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Sources { ref paths, json: true }) if paths == &[PathBuf::from("a")]
        ));
        let cli = Cli::try_parse_from(["dateline", "mentions", "Tony Blair", "a", "b"]).unwrap();
        let Some(Command::Mentions { name, paths, json }) = cli.command else {
            panic!("mentions")
        };
        assert_eq!(name, "Tony Blair");
        assert_eq!(paths.len(), 2);
        assert!(!json);
        assert!(Cli::try_parse_from(["dateline", "mentions"]).is_err());
    }
}
