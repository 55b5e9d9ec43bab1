//! `headroom`: the command line over the Headroom core.
//!
//! ```text
//! headroom eval MODEL [--set NAME=VALUE]... [--format text|json|markdown] [--explain[=NAME]]
//! headroom eval --preset NAME [--set NAME=VALUE]...
//! headroom url MODEL [--set NAME=VALUE]...
//! headroom decode FRAGMENT
//! headroom check FILE.md
//! headroom presets
//! headroom functions
//! ```
//!
//! Exit status: 0 when the model evaluated (whatever its checks say), 1 when
//! it has errors, 2 on bad usage. All the work is done by `headroom-core`;
//! this file only reads files and arguments and prints.

// Output that cannot be written (`headroom eval m.hr | head -1` closes the
// pipe) is dropped: the std macros would panic and exit 101 instead of
// the documented status.
macro_rules! print {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($t)*);
    }};
}
macro_rules! println {
    () => { print!("\n") };
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}
macro_rules! eprint {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($t)*);
    }};
}
macro_rules! eprintln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($t)*);
    }};
}

mod args;
mod text;

use args::{Command, Explain, Format, Usage};
use headroom_core::{export, Evaluation, Model, Overrides, Report};
use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match args::parse(&argv) {
        Ok(cmd) => match run(cmd) {
            Ok(code) => code,
            Err(Usage(msg)) => usage_error(&msg),
        },
        Err(Usage(msg)) => usage_error(&msg),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("headroom: {msg}");
    eprintln!("run `headroom help` for usage");
    ExitCode::from(2)
}

/// The most text read from a file or standard input: far more than any
/// model (256 KiB) or design document, and it keeps a mistaken argument
/// (a log, a disk image) from filling the memory.
const MAX_READ: u64 = 16 * 1024 * 1024;

/// Reads a model file, or standard input for `-`.
fn read_source(path: &str) -> Result<String, Usage> {
    let (name, reader): (String, Box<dyn Read>) = match path {
        "-" => ("standard input".into(), Box::new(std::io::stdin())),
        _ => (
            format!("`{path}`"),
            Box::new(std::fs::File::open(path).map_err(|e| Usage(format!("cannot read `{path}`: {e}")))?),
        ),
    };
    let mut s = String::new();
    reader.take(MAX_READ + 1).read_to_string(&mut s).map_err(|e| Usage(format!("cannot read {name}: {e}")))?;
    if s.len() as u64 > MAX_READ {
        return Err(Usage(format!("{name} is over 16 MiB: no model or document is that large")));
    }
    Ok(s)
}

fn run(cmd: Command) -> Result<ExitCode, Usage> {
    match cmd {
        Command::Help(topic) => {
            print!("{}", topic.unwrap_or(args::HELP));
            Ok(ExitCode::SUCCESS)
        }
        Command::Version => {
            println!("headroom {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { source, sets, format, explain } => {
            let (src, file) = match source {
                // A link (`'#preset=betcode&sessions=40'`, or a whole URL)
                // opens as the page would open it.
                args::Source::File(path) if looks_like_link(&path) && !std::path::Path::new(&path).exists() => {
                    (link_source(&path)?, String::from("link"))
                }
                args::Source::File(path) => {
                    let src = read_source(&path)?;
                    // A link piped in (`headroom url m.hr | headroom eval -`)
                    // is no model of one comment line: open it.
                    match is_link(&src) {
                        true => (link_source(src.trim())?, String::from("link")),
                        false => (src, path),
                    }
                }
                args::Source::Preset(name) => (preset_source(&name)?, format!("{name}.hr")),
            };
            eval(&src, &file, &sets, format, explain)
        }
        Command::Url { path, sets, preset } => {
            let src = match (&path, &preset) {
                (Some(p), _) => read_source(p)?,
                (None, Some(name)) => preset_source(name)?,
                (None, None) => return Err(Usage("`url` needs a model file or --preset NAME".into())),
            };
            // A design document is no model: its blocks are checked, not linked.
            if !headroom_core::doc::blocks(&src).is_empty() {
                return Err(Usage(format!(
                    "`{}` is a Markdown document: `url` takes a model file; copy one of its ```headroom blocks into its own file",
                    path.as_deref().unwrap_or("-")
                )));
            }
            let model = Model::parse(&src);
            let overrides = overrides(&model, &sets)?;
            // A file that is a preset word for word gets the short link.
            let preset = preset
                .or_else(|| headroom_core::presets::ALL.iter().find(|p| p.source == src).map(|p| p.name.to_string()));
            let scenario = headroom_core::scenario::Scenario::from_model(&model, &overrides, preset.as_deref());
            match headroom_core::scenario::link(&scenario) {
                Ok(fragment) => {
                    println!("#{fragment}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("headroom: the model is too large for a link: {e}");
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Decode { fragment } => match headroom_core::scenario::decode(
            match fragment.as_str() {
                "-" => read_source("-")?,
                _ => fragment,
            }
            .trim(),
        ) {
            Ok(s) => {
                // The link's input values are written into the model as
                // defaults, so `decode LINK | eval -` gives the link's numbers.
                let (src, problems) = s.source_with_inputs();
                print!("{src}");
                if !src.ends_with('\n') {
                    println!();
                }
                for m in link_messages(&s, problems) {
                    eprintln!("headroom: {m}");
                }
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("headroom: {e}");
                Ok(ExitCode::from(1))
            }
        },
        Command::Check { paths } => {
            // Every document is read first: a missing one is bad usage.
            let docs = paths.iter().map(|p| read_source(p)).collect::<Result<Vec<_>, _>>()?;
            let mut ok = true;
            for (doc, path) in docs.iter().zip(&paths) {
                let outcome = headroom_core::doc::check(doc);
                print!("{}", text::doc_check(&outcome, doc, path));
                ok &= outcome.ok();
            }
            Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Presets => {
            print!("{}", text::presets());
            Ok(ExitCode::SUCCESS)
        }
        Command::Functions => {
            print!("{}", text::functions());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Whether a text is a link alone on one line: a scenario fragment, or a
/// URL with one.
fn is_link(text: &str) -> bool {
    !text.trim().contains(char::is_whitespace) && looks_like_link(text)
}

/// Whether a text starts as a link does (a fragment or a URL with one); an
/// argument may hold spaces, as a value pasted from the page's link does.
fn looks_like_link(text: &str) -> bool {
    let t = text.trim();
    let url = (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("file://")) && t.contains('#');
    // Any fragment with a key (`#z=...`, `#?preset=...`) is read as one, so
    // that a link this version cannot open says why, not "no such file".
    (t.starts_with('#') && t.contains('=')) || url
}

/// The model of a link, with the link's input values written in as its
/// defaults; a link that cannot be opened is bad usage.
fn link_source(link: &str) -> Result<String, Usage> {
    let s = headroom_core::scenario::decode(link).map_err(|e| Usage(format!("cannot open the link: {e}")))?;
    let (src, problems) = s.source_with_inputs();
    for m in link_messages(&s, problems) {
        eprintln!("headroom: {m}");
    }
    Ok(src)
}

/// What a link's input values say: inputs set twice, and values not used.
fn link_messages(s: &headroom_core::scenario::Scenario, problems: Vec<String>) -> Vec<String> {
    let unused = problems.into_iter().map(|p| format!("{p}; that input keeps the model's default"));
    headroom_core::scenario::said_at_most(s.repeated().into_iter().chain(unused).collect())
}

fn preset_source(name: &str) -> Result<String, Usage> {
    headroom_core::presets::find(name).map(|p| p.source.to_string()).ok_or_else(|| {
        let names: Vec<&str> = headroom_core::presets::ALL.iter().map(|p| p.name).collect();
        Usage(format!("no preset `{name}`; the presets are {}", names.join(", ")))
    })
}

/// The `--set` values as overrides; an input that does not exist or a value
/// that does not fit is a usage error.
fn overrides(model: &Model, sets: &[(String, String)]) -> Result<Overrides, Usage> {
    let mut o = Overrides::new();
    for (i, (name, value)) in sets.iter().enumerate() {
        let (slot, q) = headroom_core::report::parse_input(model, name, value).map_err(Usage)?;
        o.set(slot, q);
        // A fraction on a percentage input is that many percent: say so, as
        // a share (`0.97` for 97%) is easily meant.
        if let Ok(n) = value.trim().parse::<f64>() {
            if n > 0.0 && n < 1.0 && (q.value() * 100.0 - n).abs() <= 1e-9 * n {
                let whole = headroom_core::format::clean(n * 100.0);
                eprintln!("headroom: `{name}` is a percentage, so {n} is {n}%; for {whole}% write `{name}={whole}`");
            }
        }
        if sets[i + 1..].iter().any(|(n, _)| n == name) && sets[..i].iter().all(|(n, _)| n != name) {
            eprintln!("headroom: `{name}` is set more than once; the last value is used");
        }
    }
    Ok(o)
}

/// The explanations of the values named and the checks labelled in `names`
/// (an input says it is given); bad usage when one names neither, with
/// the near name.
fn only(model: &Model, ev: &Evaluation, report: &Report, names: &[String]) -> Result<export::Explained, Usage> {
    let known: Vec<&str> =
        report.values().map(|v| v.name.as_str()).chain(report.checks().map(|c| c.label.as_str())).collect();
    if let Some(unknown) = names.iter().find(|n| !known.contains(&n.as_str())) {
        let near = match headroom_core::diagnostic::suggest(unknown, known.iter().copied()) {
            Some(near) => format!("; did you mean `{near}`?"),
            None => String::new(),
        };
        return Err(Usage(format!("--explain: the model has no value or check `{unknown}`{near}")));
    }
    let mut explained = export::explanations_of(model, ev, report, |n| names.iter().any(|w| w == n));
    let inputs = report.values().filter(|v| v.kind == headroom_core::report::ValueKind::Input);
    for v in inputs.filter(|v| names.contains(&v.name)) {
        let text = format!("{} = {}\n  an input: its value is given, not worked out\n", v.name, v.display.text());
        let at = report
            .values()
            .take_while(|w| w.slot != v.slot)
            .filter(|w| explained.values.iter().any(|e| e.0 == w.name))
            .count();
        explained.values.insert(at, (v.name.clone(), text));
    }
    Ok(explained)
}

fn eval(src: &str, file: &str, sets: &[(String, String)], format: Format, explain: Explain) -> Result<ExitCode, Usage> {
    let model = Model::parse(src);
    let overrides = overrides(&model, sets)?;
    let ev = model.evaluate(&overrides);
    let report = Report::new(&model, &ev);
    let explained = match explain {
        Explain::Nothing => export::Explained::default(),
        Explain::All => export::explanations(&model, &ev, &report),
        Explain::Only(names) => only(&model, &ev, &report, &names)?,
    };
    let texts: Vec<&str> = explained
        .values
        .iter()
        .map(|(_, t)| t.trim_end())
        .chain(explained.checks.iter().map(|t| t.trim_end()))
        .filter(|t| !t.is_empty())
        .collect();
    match format {
        Format::Json => print!("{}", export::json_with(&report, &explained)),
        Format::Markdown => {
            // Titled as the page's export is: by the model's first comment.
            print!("{}", export::markdown(&report, model.title().unwrap_or_default()));
            if !texts.is_empty() {
                println!("### How the values are worked out\n\n```text\n{}\n```", texts.join("\n\n"));
            }
        }
        Format::Text => {
            print!("{}", export::text(&report));
            if !texts.is_empty() {
                println!();
                for text in &texts {
                    println!("{text}\n");
                }
            }
            for p in &report.problems {
                eprint!("{}", p.diagnostic.render(src, file));
            }
        }
    }
    Ok(if report.has_errors() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
