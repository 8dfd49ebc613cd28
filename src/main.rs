//! The `dateline` binary: the terminal app, or a subcommand for scripts.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser as _;
use dateline::app::App;
use dateline::cli::{self, Cli, Command};
use dateline::loader::{self, Input, Loaded};
use dateline::{commands, sanitize};
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Usage errors echo what was typed: shown like any other text.
            let text = err.render().to_string();
            let text = sanitize::text(&text);
            if err.use_stderr() {
                eprint!("{text}");
            } else {
                print!("{text}");
            }
            return ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
        }
    };
    let result = match cli.command {
        None => read(cli::inputs(&cli.paths)),
        Some(Command::List {
            paths,
            filter,
            json,
        }) => script(&paths, |articles, out| {
            commands::list(articles, filter.as_deref(), json, out)
        }),
        Some(Command::Entities { paths, jsonl }) => script(&paths, |articles, out| {
            commands::entities(&articles, jsonl, out)
        }),
        Some(Command::Sources { paths, json }) => script(&paths, |articles, out| {
            commands::sources(&articles, json, out)
        }),
        Some(Command::Stories { paths, json }) => script(&paths, |articles, out| {
            commands::stories(articles, json, out)
        }),
        Some(Command::Figures {
            paths,
            json,
            disagreements,
        }) => script(&paths, |articles, out| {
            commands::figures(articles, json, disagreements, out)
        }),
        Some(Command::Mentions { name, paths, json }) => script(&paths, |articles, out| {
            let found = commands::mentions(articles, &name, json, out)?;
            if found == commands::Found::NoSuchName {
                eprintln!(
                    "dateline: no person, organization, place or other name matches {}",
                    sanitize::line(&format!("{name:?}"))
                );
            }
            Ok(())
        }),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("dateline: {}", sanitize::line(&format!("{err:#}")));
            ExitCode::FAILURE
        }
    }
}

/// Load everything, report problems on stderr, then print for scripts.
/// Exit status 1 when nothing could be loaded.
fn script(
    paths: &[std::path::PathBuf],
    print: impl FnOnce(Vec<dateline::article::Article>, &mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<ExitCode> {
    let Loaded { articles, issues } = loader::load_all(&cli::inputs(paths));
    for issue in &issues {
        eprintln!("dateline: {}", sanitize::line(&issue.to_string()));
    }
    if articles.is_empty() {
        eprintln!("dateline: no articles could be loaded");
        return Ok(ExitCode::FAILURE);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match print(articles, &mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.into()),
    }
}

/// The terminal app. The terminal is restored on quit, on error and on panic
/// (ratatui's hook, with mouse capture undone first).
fn read(inputs: Vec<Input>) -> anyhow::Result<ExitCode> {
    if !io::stdout().is_terminal() {
        eprintln!(
            "dateline: standard output is not a terminal; `dateline list` prints for scripts"
        );
        return Ok(ExitCode::from(2));
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let result = App::run(inputs, &mut terminal);
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result?;
    Ok(ExitCode::SUCCESS)
}
