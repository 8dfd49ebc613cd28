//! The `dateline` binary: the terminal app, or a subcommand for scripts.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory as _, Parser as _};
use dateline::app::{App, Kept};
use dateline::cli::{self, Cli, Command};
use dateline::config::{self, Config};
use dateline::fetch::{Cache, Fetcher};
use dateline::loader::{self, Input, Loaded};
use dateline::state::ReadState;
use dateline::state::store::{self as state_store, StateFile};
use dateline::ui::theme::ColorMode;
use dateline::{commands, entities, logfile, sanitize};
use ratatui::crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, KeyboardEnhancementFlags, PopKeyboardEnhancementFlags,
    PushKeyboardEnhancementFlags,
};
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
    let log = cli.log.clone().or_else(|| {
        std::env::var_os(logfile::ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    if let Some(path) = &log
        && let Err(e) = logfile::init(path)
    {
        eprintln!(
            "dateline: log file {}: {e}",
            sanitize::line(&path.display().to_string())
        );
        return ExitCode::from(2);
    }
    logfile::info(&format!("dateline {} started", env!("CARGO_PKG_VERSION")));
    let code = run(cli);
    logfile::info("done");
    code
}

/// The subcommands that need no articles, run; `None` for the others.
fn without_articles(cli: &Cli) -> Option<ExitCode> {
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let mut out = io::stdout().lock();
            clap_complete::generate(*shell, &mut Cli::command(), "dateline", &mut out);
            Some(ExitCode::SUCCESS)
        }
        Some(Command::Man) => Some(print(|out| {
            clap_mangen::Man::new(Cli::command()).render(out)
        })),
        Some(Command::Config { default, path }) => {
            Some(config_command(cli.config.as_deref(), *default, *path))
        }
        Some(Command::Import { file, write }) => {
            Some(import_command(file, *write, cli.urls.as_deref()))
        }
        Some(Command::Export {
            paths, opml: true, ..
        }) => Some(export_opml(paths, cli.urls.as_deref())),
        _ => None,
    }
}

fn run(cli: Cli) -> ExitCode {
    if let Some(code) = without_articles(&cli) {
        return code;
    }
    let Some((settings, problems)) = load_config(cli.config.as_deref()) else {
        return ExitCode::from(2);
    };
    // Without paths or --urls, the config's default paths and the urls
    // file in the config folder (the samples when neither is there).
    let urls_file = cli.urls.clone();
    let paths = |paths: Vec<PathBuf>| inputs_for(&paths, urls_file.as_ref(), &settings);
    let cache = (!cli.no_cache).then(Cache::default_folder).flatten();
    let fetcher = Arc::new(Fetcher::new(cli.timeout, cache.map(Cache::new)));
    if cli.command.is_some() {
        // Scripts see config problems at once; the reader after it quits.
        for problem in &problems {
            eprintln!("dateline: {}", sanitize::line(problem));
        }
    }
    let result = match cli.command {
        None => {
            let colors = cli.color.resolve(
                std::env::var_os("NO_COLOR").as_deref(),
                std::env::var_os("TERM").as_deref(),
            );
            let inputs = paths(cli.paths);
            let config = Config {
                palette: fitted(&settings),
                ..settings.clone()
            };
            let result = read(
                inputs,
                Some(fetcher),
                colors,
                config,
                problems.clone(),
                cli.no_state,
                (!cli.no_cache)
                    .then(entities::cache::default_folder)
                    .flatten(),
            );
            for problem in &problems {
                eprintln!("dateline: {}", sanitize::line(problem));
            }
            result
        }
        Some(command) => script_command(command, paths, &fetcher, cli.no_state),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            let message = format!("{err:#}");
            logfile::error(&message);
            eprintln!("dateline: {}", sanitize::line(&message));
            ExitCode::FAILURE
        }
    }
}

/// What to read: the paths (and URLs) given and the `--urls` file; with
/// neither, the config's default paths and the urls file in the config
/// folder when there is one (the samples when there is nothing).
fn inputs_for(paths: &[PathBuf], urls_file: Option<&PathBuf>, settings: &Config) -> Vec<Input> {
    if !paths.is_empty() || urls_file.is_some() {
        return cli::inputs(
            paths,
            urls_file.map(std::slice::from_ref).unwrap_or_default(),
        );
    }
    let default_urls: Vec<PathBuf> = dateline::subscriptions::default_path()
        .filter(|p| p.is_file())
        .into_iter()
        .collect();
    cli::inputs(&settings.paths, &default_urls)
}

/// A command for scripts: load, filter, print.
fn script_command(
    command: Command,
    paths: impl Fn(Vec<PathBuf>) -> Vec<Input>,
    fetcher: &Fetcher,
    no_state: bool,
) -> anyhow::Result<ExitCode> {
    match command {
        Command::List {
            paths: p,
            filter,
            json,
        } => {
            // The state is read only when the filter asks about it.
            let state = (!no_state && commands::filter_needs_state(filter.as_deref()))
                .then(open_state)
                .flatten();
            script(&paths(p), fetcher, |articles, out| {
                commands::list(articles, filter.as_deref(), state.as_ref(), json, out)
            })
        }
        Command::Entities { paths: p, jsonl } => script(&paths(p), fetcher, |articles, out| {
            commands::entities(&articles, jsonl, out)
        }),
        Command::Sources {
            paths: p,
            json,
            unread,
        } => {
            let state = (unread && !no_state).then(open_state).flatten();
            script(&paths(p), fetcher, |articles, out| {
                commands::sources(&articles, unread.then_some(state.as_ref()), json, out)
            })
        }
        Command::Stories { paths: p, json } => script(&paths(p), fetcher, |articles, out| {
            commands::stories(articles, json, out)
        }),
        Command::Figures {
            paths: p,
            json,
            disagreements,
        } => script(&paths(p), fetcher, |articles, out| {
            commands::figures(articles, json, disagreements, out)
        }),
        Command::Mentions {
            name,
            paths: p,
            json,
        } => mentions(&paths(p), fetcher, &name, json),
        Command::Export {
            paths: p,
            filter,
            format,
            opml: _,
        } => {
            let state = if no_state { None } else { open_state() };
            script(&paths(p), fetcher, |articles, out| {
                let articles: Vec<Arc<_>> = articles.into_iter().map(Arc::new).collect();
                let order = commands::filtered(&articles, filter.as_deref(), state.as_ref());
                commands::export::export(&articles, &order, state.as_ref(), format, out)
            })
        }
        // run by `without_articles`
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// The config's palette in colours the terminal shows (`COLORTERM` tells
/// whether `#rrggbb` works).
fn fitted(settings: &Config) -> config::theme::Palette {
    let depth =
        config::theme::ColorDepth::from_colorterm(std::env::var("COLORTERM").ok().as_deref());
    settings.palette.clone().fitted(depth)
}

/// `dateline mentions NAME`: saying so when no name matches.
fn mentions(
    inputs: &[Input],
    fetcher: &Fetcher,
    name: &str,
    json: bool,
) -> anyhow::Result<ExitCode> {
    script(inputs, fetcher, |articles, out| {
        let found = commands::mentions(articles, name, json, out)?;
        if found == commands::Found::NoSuchName {
            eprintln!(
                "dateline: no person, organization, place or other name matches {}",
                sanitize::line(&format!("{name:?}"))
            );
        }
        Ok(())
    })
}

/// The config: the file named with `--config` (which must exist), else the
/// one in the XDG config folder (if any). Problems come back as lines and
/// are logged; `None` (after saying why) when a named file cannot be read.
fn load_config(named: Option<&Path>) -> Option<(Config, Vec<String>)> {
    let (path, required) = match named {
        Some(p) => (p.to_path_buf(), true),
        None => match config::default_path() {
            Some(p) => (p, false),
            None => return Some((Config::default(), Vec::new())),
        },
    };
    match Config::load(&path, required) {
        Ok(loaded) => {
            logfile::info(&format!("config {}", path.display()));
            for problem in &loaded.problems {
                logfile::warn(problem);
            }
            Some((loaded.config, loaded.problems))
        }
        Err(e) => {
            let message = format!("config file {e}");
            logfile::error(&message);
            eprintln!("dateline: {}", sanitize::line(&message));
            None
        }
    }
}

/// The read state, for reading only; `None` when there is nowhere to keep
/// it. A corrupt file is set aside, with a warning on standard error.
fn open_state() -> Option<ReadState> {
    state_file().map(|(_, state)| state)
}

/// The state file and the state read from it; `None` when there is nowhere
/// to keep it. A corrupt file is set aside, with a warning on standard error.
fn state_file() -> Option<(StateFile, ReadState)> {
    let Some(path) = state_store::default_path() else {
        let message = "no home folder: running without read state";
        logfile::warn(message);
        eprintln!("dateline: {message}");
        return None;
    };
    let opened = StateFile::open(&path);
    logfile::info(&format!("state {}", path.display()));
    for warning in &opened.warnings {
        logfile::warn(warning);
        eprintln!("dateline: {}", sanitize::line(warning));
    }
    Some((opened.file, opened.state))
}

/// `dateline config`: the default config, its path, or a check of it.
fn config_command(named: Option<&Path>, default: bool, path: bool) -> ExitCode {
    if default {
        return print(|out| out.write_all(config::default_toml().as_bytes()));
    }
    let Some(file) = named.map(Path::to_path_buf).or_else(config::default_path) else {
        eprintln!("dateline: no home folder, so no config file");
        return ExitCode::FAILURE;
    };
    let shown = file.display().to_string();
    let shown = sanitize::line(&shown);
    if path {
        return print(|out| writeln!(out, "{shown}"));
    }
    if named.is_none() && !file.exists() {
        println!(
            "{shown}: no such file; the defaults apply (dateline config --default prints them)"
        );
        return ExitCode::SUCCESS;
    }
    let Some((_, problems)) = load_config(named.or(Some(&file))) else {
        return ExitCode::from(2);
    };
    for problem in &problems {
        eprintln!("dateline: {}", sanitize::line(problem));
    }
    if problems.is_empty() {
        println!("{shown}: no problems");
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The urls file named with `--urls`, else the one in the config folder.
fn urls_file(named: Option<&Path>) -> Option<PathBuf> {
    named
        .map(Path::to_path_buf)
        .or_else(dateline::subscriptions::default_path)
}

/// `dateline import FILE.opml`: its feeds as a urls file on standard
/// output, or (`--write`) added to the urls file.
fn import_command(file: &Path, write: bool, named: Option<&Path>) -> ExitCode {
    let shown = |p: &Path| sanitize::line(&p.display().to_string()).into_owned();
    let feeds = match std::fs::read(file) {
        Ok(bytes) => dateline::subscriptions::opml::import(&String::from_utf8_lossy(&bytes)),
        Err(e) => {
            eprintln!("dateline: {}: {e}", shown(file));
            return ExitCode::FAILURE;
        }
    };
    let feeds = match feeds {
        Ok(feeds) => feeds,
        Err(e) => {
            eprintln!("dateline: {}: {e}", shown(file));
            return ExitCode::FAILURE;
        }
    };
    let note = format!("imported from {}", file.display());
    if !write {
        return print(|out| {
            out.write_all(dateline::subscriptions::to_text(&feeds, &note).as_bytes())
        });
    }
    let Some(target) = urls_file(named) else {
        eprintln!("dateline: no home folder, so no urls file; name one with --urls FILE");
        return ExitCode::FAILURE;
    };
    let existing = match std::fs::read(&target) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => {
            eprintln!("dateline: {}: {e}", shown(&target));
            return ExitCode::FAILURE;
        }
    };
    let (text, added) = dateline::subscriptions::merged(&existing, &feeds, &note);
    if added > 0
        && let Err(e) = dateline::subscriptions::write_atomically(&target, &text)
    {
        eprintln!("dateline: {}: {e}", shown(&target));
        return ExitCode::FAILURE;
    }
    let noun = if added == 1 { "feed" } else { "feeds" };
    eprintln!(
        "dateline: {added} {noun} added to {} ({} already listed)",
        shown(&target),
        feeds.len() - added
    );
    ExitCode::SUCCESS
}

/// `dateline export --opml`: the feeds followed, as OPML.
fn export_opml(paths: &[PathBuf], named: Option<&Path>) -> ExitCode {
    let mut feeds = Vec::new();
    if let Some(file) = urls_file(named) {
        match dateline::subscriptions::read(&file) {
            Ok(list) => {
                for problem in &list.problems {
                    eprintln!(
                        "dateline: {}:{}: skipped: {}",
                        sanitize::line(&file.display().to_string()),
                        problem.line,
                        sanitize::line(&problem.message)
                    );
                }
                feeds = list.subscriptions;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound && named.is_none() => {}
            Err(e) => {
                eprintln!(
                    "dateline: {}: {e}",
                    sanitize::line(&file.display().to_string())
                );
                return ExitCode::FAILURE;
            }
        }
    }
    for input in cli::inputs(paths, &[]) {
        if let Input::Url(feed) = input {
            feeds.push(feed);
        }
    }
    print(|out| {
        out.write_all(dateline::subscriptions::opml::export(&feeds, "dateline feeds").as_bytes())
    })
}

/// Write to standard output; a closed pipe is not an error.
fn print(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Load everything, report problems on stderr, then print for scripts.
/// Exit status 1 when nothing could be loaded.
fn script(
    inputs: &[Input],
    fetcher: &Fetcher,
    print: impl FnOnce(Vec<dateline::article::Article>, &mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<ExitCode> {
    let Loaded { articles, issues } = loader::load_all_fetching(inputs, Some(fetcher));
    for issue in &issues {
        let issue = issue.to_string();
        logfile::warn(&issue);
        eprintln!("dateline: {}", sanitize::line(&issue));
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
/// (ratatui's hook, with mouse capture and the keyboard mode undone first).
///
/// Terminals that speak the kitty keyboard protocol are asked to tell
/// `Ctrl-i` from `Tab` (and `Ctrl-o`, `Esc` and the rest from what they
/// share a code with); the others ignore the request, which is why it is
/// sent without asking the terminal first (asking would wait on terminals
/// that never answer).
fn read(
    inputs: Vec<Input>,
    fetcher: Option<Arc<Fetcher>>,
    colors: ColorMode,
    config: Config,
    problems: Vec<String>,
    no_state: bool,
    names_cache: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    if !io::stdout().is_terminal() {
        eprintln!(
            "dateline: standard output is not a terminal; `dateline list` prints for scripts"
        );
        return Ok(ExitCode::from(2));
    }
    // Read (and warned about) before the screen is taken over.
    let state = if no_state { None } else { state_file() };
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            io::stdout(),
            PopKeyboardEnhancementFlags,
            DisableMouseCapture
        );
        previous(info);
    }));
    let mut terminal = ratatui::init();
    let _ = execute!(
        io::stdout(),
        EnableMouseCapture,
        PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
    );
    let result = App::run(
        inputs,
        fetcher,
        colors,
        config,
        problems,
        Kept {
            state,
            names: names_cache,
        },
        &mut terminal,
    );
    let _ = execute!(
        io::stdout(),
        PopKeyboardEnhancementFlags,
        DisableMouseCapture
    );
    ratatui::restore();
    result?;
    Ok(ExitCode::SUCCESS)
}
