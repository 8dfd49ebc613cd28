//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands::export::ExportFormat;
use crate::loader::Input;
use crate::ui::theme::ColorMode;

/// A terminal reader for news articles: names and numbers highlighted,
/// fuzzy filtering, every source at hand.
// Doc comments here are the help text, where backticks would show as such.
#[allow(clippy::doc_markdown)]
#[derive(Debug, Parser)]
#[command(name = "dateline", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders of articles (.txt, .md, .json, .jsonl, feeds, saved
    /// pages), http(s) URLs of feeds or pages, or - for standard input.
    /// Without any, the config's default paths and urls file, else the
    /// built-in sample articles.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Also read the feeds listed in FILE: one URL a line, tags in double
    /// quotes after it (see the README). Without paths or --urls, the urls
    /// file in the config folder is read when there is one.
    #[arg(long, value_name = "FILE", global = true)]
    pub urls: Option<PathBuf>,
    /// Without the disk caches: fetched URLs and the names found in a
    /// corpus are neither read from the cache nor kept in it.
    #[arg(long, global = true)]
    pub no_cache: bool,
    /// Give up on a URL after this many seconds.
    #[arg(long, value_name = "SECS", global = true, default_value = "20", value_parser = parse_timeout)]
    pub timeout: std::time::Duration,
    /// Run without reading or writing the read state (read and starred
    /// articles, the last place).
    #[arg(long, global = true)]
    pub no_state: bool,
    /// When to draw in colour: auto (unless NO_COLOR is set or TERM is
    /// dumb), always, never.
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// Read this config file instead of $XDG_CONFIG_HOME/dateline/config.toml.
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
    /// Append a log to FILE (also set by DATELINE_LOG); nothing is ever
    /// logged to the screen.
    #[arg(long, value_name = "FILE", global = true)]
    pub log: Option<PathBuf>,
}

/// The `--color` choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Colour or not, given the `NO_COLOR` and `TERM` variables: `auto` is
    /// no colour when `NO_COLOR` is set and not empty (<https://no-color.org>)
    /// or the terminal is `dumb`.
    pub fn resolve(
        self,
        no_color: Option<&std::ffi::OsStr>,
        term: Option<&std::ffi::OsStr>,
    ) -> ColorMode {
        match self {
            ColorChoice::Always => ColorMode::Color,
            ColorChoice::Never => ColorMode::Mono,
            ColorChoice::Auto => {
                let no_color = no_color.is_some_and(|v| !v.is_empty());
                if no_color || term.is_some_and(|t| t == "dumb") {
                    ColorMode::Mono
                } else {
                    ColorMode::Color
                }
            }
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the articles, one per line: id, source, date, title (tab-separated).
    List {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Only the articles the filter bar would show for QUERY, in its order
        /// (is:unread, is:read and is:starred read the state file).
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
        /// JSON Lines: source, articles, first, last (and unread).
        #[arg(long)]
        json: bool,
        /// Add each source's unread articles, from the read state (all of
        /// them with --no-state).
        #[arg(long)]
        unread: bool,
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
    /// Write the articles (those the filter shows, in its order) with their
    /// metadata, names and numbers, and read state, for other tools.
    Export {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Only the articles the filter bar would show for QUERY, in its order.
        #[arg(long, short, value_name = "QUERY")]
        filter: Option<String>,
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Print the feeds followed instead (the urls file's, or --urls
        /// FILE's, and any URL given) as OPML 2.0, tags as categories.
        #[arg(long, conflicts_with_all = ["format", "filter"])]
        opml: bool,
    },
    /// Read the feeds of an OPML file (as newsboat, russ and most feed
    /// readers export them) and print them as a urls file; with --write,
    /// add the feeds not listed yet to the urls file (the one in the config
    /// folder, or --urls FILE) instead. Nothing already there is changed.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Add to the urls file rather than print.
        #[arg(long)]
        write: bool,
    },
    /// Check the config file and name each problem; --default prints the
    /// documented default config, --path where it is read from.
    Config {
        /// Print the default config, every key documented.
        #[arg(long, conflicts_with = "path")]
        default: bool,
        /// Print the config file's path.
        #[arg(long)]
        path: bool,
    },
    /// Print a completion script for SHELL (bash, zsh, fish, elvish,
    /// powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), for `man -l -` or a man folder.
    Man,
}

/// `--timeout`: seconds, more than none and at most an hour.
fn parse_timeout(text: &str) -> Result<std::time::Duration, String> {
    let secs: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if secs.is_finite() && secs > 0.0 && secs <= 3600.0 {
        Ok(std::time::Duration::from_secs_f64(secs))
    } else {
        Err("expected more than 0 and at most 3600 seconds".to_owned())
    }
}

/// What to load for these paths (URLs among them) and urls files: the
/// samples when there are none.
pub fn inputs(paths: &[PathBuf], urls_files: &[PathBuf]) -> Vec<Input> {
    if paths.is_empty() && urls_files.is_empty() {
        return vec![Input::Samples];
    }
    paths
        .iter()
        .map(|p| match p.to_str() {
            Some(arg) => Input::from_arg(arg),
            None => Input::Path(p.clone()),
        })
        .chain(urls_files.iter().cloned().map(Input::UrlsFile))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_paths_means_the_samples_and_dash_means_stdin() {
        assert_eq!(inputs(&[], &[]), vec![Input::Samples]);
        assert_eq!(
            inputs(&[PathBuf::from("-"), PathBuf::from("news")], &[]),
            vec![Input::Stdin, Input::Path(PathBuf::from("news"))]
        );
        assert_eq!(
            inputs(
                &[PathBuf::from("https://news.example/feed")],
                &[PathBuf::from("urls")]
            ),
            vec![
                Input::Url(crate::subscriptions::Subscription::new(
                    "https://news.example/feed"
                )),
                Input::UrlsFile(PathBuf::from("urls"))
            ]
        );
        assert_eq!(
            inputs(&[], &[PathBuf::from("urls")]),
            vec![Input::UrlsFile(PathBuf::from("urls"))]
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
    fn global_flags_parse_before_and_after_a_subcommand() {
        let cli =
            Cli::try_parse_from(["dateline", "--no-state", "--color", "never", "news"]).unwrap();
        assert!(cli.no_state && cli.color == ColorChoice::Never && cli.paths.len() == 1);
        let cli = Cli::try_parse_from([
            "dateline",
            "export",
            "a",
            "--format",
            "csv",
            "--no-state",
            "--config",
            "c.toml",
        ])
        .unwrap();
        assert!(cli.no_state);
        assert_eq!(cli.config, Some(PathBuf::from("c.toml")));
        assert!(matches!(
            cli.command,
            Some(Command::Export { format: ExportFormat::Csv, ref paths, filter: None, opml: false }) if paths.len() == 1
        ));
        let cli = Cli::try_parse_from(["dateline", "--log", "d.log", "list"]).unwrap();
        assert_eq!(cli.log, Some(PathBuf::from("d.log")));
        assert!(matches!(cli.command, Some(Command::List { .. })));
        let cli = Cli::try_parse_from(["dateline", "--config", "c.toml", "config"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Config {
                default: false,
                path: false
            })
        ));
        assert!(cli.paths.is_empty());
        assert!(Cli::try_parse_from(["dateline", "--color", "sometimes"]).is_err());
        assert!(Cli::try_parse_from(["dateline", "config", "--default", "--path"]).is_err());
        assert!(Cli::try_parse_from(["dateline", "completions", "zsh"]).is_ok());
        assert!(Cli::try_parse_from(["dateline", "completions", "tcsh"]).is_err());
    }

    #[test]
    fn network_flags_parse() {
        let cli = Cli::try_parse_from(["dateline", "list", "--urls", "u", "--no-cache"]).unwrap();
        assert_eq!(cli.urls, Some(PathBuf::from("u")));
        assert!(cli.no_cache);
        assert_eq!(cli.timeout, std::time::Duration::from_secs(20));
        let cli = Cli::try_parse_from(["dateline", "--timeout", "0.5"]).unwrap();
        assert_eq!(cli.timeout, std::time::Duration::from_millis(500));
        for bad in ["0", "-1", "x", "NaN", "4000"] {
            assert!(Cli::try_parse_from(["dateline", "--timeout", bad]).is_err());
        }
    }

    #[test]
    fn colour_follows_the_flag_then_no_color_then_term() {
        use std::ffi::OsStr;
        let set = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        let dumb = Some(OsStr::new("dumb"));
        let xterm = Some(OsStr::new("xterm-256color"));
        assert_eq!(ColorChoice::Auto.resolve(None, xterm), ColorMode::Color);
        assert_eq!(ColorChoice::Auto.resolve(set, xterm), ColorMode::Mono);
        assert_eq!(ColorChoice::Auto.resolve(empty, xterm), ColorMode::Color);
        assert_eq!(ColorChoice::Auto.resolve(None, dumb), ColorMode::Mono);
        assert_eq!(ColorChoice::Always.resolve(set, dumb), ColorMode::Color);
        assert_eq!(ColorChoice::Never.resolve(None, xterm), ColorMode::Mono);
    }

    #[test]
    fn the_man_page_and_completions_come_from_these_definitions() {
        use clap::CommandFactory as _;
        let mut page = Vec::new();
        clap_mangen::Man::new(Cli::command())
            .render(&mut page)
            .unwrap();
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains(".TH dateline"), "{page}");
        assert!(page.contains("read state"), "{page}");
        let mut script = Vec::new();
        clap_complete::generate(
            clap_complete::Shell::Bash,
            &mut Cli::command(),
            "dateline",
            &mut script,
        );
        let script = String::from_utf8(script).unwrap();
        assert!(script.contains("export") && script.contains("--format"));
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
            Some(Command::Sources { ref paths, json: true, .. }) if paths == &[PathBuf::from("a")]
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
