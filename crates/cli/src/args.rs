//! Command-line arguments, parsed by hand: a few subcommands and flags do
//! not need a parser library.

/// A usage error: what was wrong with the command line.
#[derive(Debug, PartialEq)]
pub struct Usage(pub String);

/// Output formats of `eval`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Format {
    /// Aligned text for people.
    Text,
    /// The stable JSON interface.
    Json,
    /// Markdown tables for design docs.
    Markdown,
}

/// Where the model comes from.
#[derive(Debug, PartialEq)]
pub enum Source {
    /// A file, or `-` for standard input.
    File(String),
    /// A built-in preset by name.
    Preset(String),
}

/// A parsed command line.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// `help`
    Help,
    /// `--version`
    Version,
    /// `eval`
    Eval {
        /// The model.
        source: Source,
        /// `--set NAME=VALUE` pairs.
        sets: Vec<(String, String)>,
        /// Output format.
        format: Format,
        /// `--explain`
        explain: bool,
    },
    /// `url`
    Url {
        /// The model file.
        path: Option<String>,
        /// `--set` pairs.
        sets: Vec<(String, String)>,
        /// `--preset NAME`
        preset: Option<String>,
    },
    /// `decode`
    Decode {
        /// The fragment, with or without `#`, or a whole URL.
        fragment: String,
    },
    /// `check FILE.md`
    Check {
        /// The document.
        path: String,
    },
    /// `presets`
    Presets,
    /// `functions`
    Functions,
}

/// The usage text.
pub const HELP: &str = "\
headroom: capacity models you can evaluate, share and check

usage:
  headroom eval MODEL [--set NAME=VALUE]... [--format text|json|markdown] [--explain]
  headroom eval --preset NAME [--set NAME=VALUE]... [--format ...]
  headroom url MODEL [--set NAME=VALUE]...       print the scenario link fragment
  headroom url --preset NAME [--set NAME=VALUE]...
  headroom decode FRAGMENT                       print the model a link holds, with its input values
  headroom check FILE.md                         evaluate the ```headroom blocks of a document
  headroom presets                               list the preset models
  headroom functions                             the function reference, with examples

MODEL is a file, or - for standard input. VALUE is a number in the input's
own unit (40) or a quantity (1 GB, 25%, $30/month).

exit status: 0 evaluated, 1 the model has errors (or a check is crit/fail
for `check`), 2 bad usage
";

fn set_pair(arg: &str) -> Result<(String, String), Usage> {
    match arg.split_once('=') {
        Some((n, v)) if !n.trim().is_empty() => Ok((n.trim().to_string(), v.trim().to_string())),
        _ => Err(Usage(format!("--set takes NAME=VALUE, not `{arg}`"))),
    }
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<Command, Usage> {
    let Some(cmd) = args.first() else {
        return Err(Usage("no command given".into()));
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "help" | "-h" | "--help" => Ok(Command::Help),
        "version" | "-V" | "--version" => Ok(Command::Version),
        "eval" | "url" => {
            let mut path = None;
            let mut preset = None;
            let mut sets = Vec::new();
            let mut format = Format::Text;
            let mut explain = false;
            let mut i = 0;
            let value = |i: usize, flag: &str| -> Result<&String, Usage> {
                rest.get(i + 1).ok_or_else(|| Usage(format!("{flag} needs a value")))
            };
            while i < rest.len() {
                let a = &rest[i];
                if let Some(v) = a.strip_prefix("--set=") {
                    sets.push(set_pair(v)?);
                } else if a == "--set" {
                    sets.push(set_pair(value(i, "--set")?)?);
                    i += 1;
                } else if let Some(v) = a.strip_prefix("--format=") {
                    format = parse_format(v)?;
                } else if a == "--format" {
                    format = parse_format(value(i, "--format")?)?;
                    i += 1;
                } else if let Some(v) = a.strip_prefix("--preset=") {
                    preset = Some(v.to_string());
                } else if a == "--preset" {
                    preset = Some(value(i, "--preset")?.clone());
                    i += 1;
                } else if a == "--explain" && cmd == "eval" {
                    explain = true;
                } else if a.starts_with("--") {
                    return Err(Usage(format!("unknown option `{a}` for `{cmd}`")));
                } else if path.is_none() {
                    path = Some(a.clone());
                } else {
                    return Err(Usage(format!("`{cmd}` takes one model, but `{a}` is a second")));
                }
                i += 1;
            }
            if path.is_some() && preset.is_some() {
                return Err(Usage("give a model file or --preset, not both".into()));
            }
            if cmd == "url" {
                return Ok(Command::Url { path, sets, preset });
            }
            let source = match (path, preset) {
                (Some(p), None) => Source::File(p),
                (None, Some(p)) => Source::Preset(p),
                _ => return Err(Usage("`eval` needs a model file (or - for standard input) or --preset NAME".into())),
            };
            Ok(Command::Eval { source, sets, format, explain })
        }
        "decode" => match rest {
            [f] => Ok(Command::Decode { fragment: f.clone() }),
            _ => Err(Usage("`decode` takes one fragment".into())),
        },
        "check" => match rest {
            [p] => Ok(Command::Check { path: p.clone() }),
            _ => Err(Usage("`check` takes one Markdown file".into())),
        },
        "presets" if rest.is_empty() => Ok(Command::Presets),
        "functions" if rest.is_empty() => Ok(Command::Functions),
        other => Err(Usage(format!("unknown command `{other}`"))),
    }
}

fn parse_format(v: &str) -> Result<Format, Usage> {
    match v {
        "text" => Ok(Format::Text),
        "json" => Ok(Format::Json),
        "markdown" | "md" => Ok(Format::Markdown),
        _ => Err(Usage(format!("unknown format `{v}`: use text, json or markdown"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, Usage> {
        parse(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn eval_with_sets_and_format() {
        assert_eq!(
            p(&["eval", "m.hr", "--set", "sessions=40", "--set=limit = 1 GB", "--format", "json"]),
            Ok(Command::Eval {
                source: Source::File("m.hr".into()),
                sets: vec![("sessions".into(), "40".into()), ("limit".into(), "1 GB".into())],
                format: Format::Json,
                explain: false,
            })
        );
        assert!(matches!(p(&["eval", "--preset", "betcode", "--explain"]), Ok(Command::Eval { explain: true, .. })));
    }

    #[test]
    fn usage_errors() {
        assert!(p(&[]).is_err());
        assert!(p(&["eval"]).is_err());
        assert!(p(&["eval", "a", "b"]).is_err());
        assert!(p(&["eval", "a", "--set", "x"]).is_err());
        assert!(p(&["eval", "a", "--format", "yaml"]).is_err());
        assert!(p(&["eval", "a", "--bogus"]).is_err());
        assert!(p(&["frobnicate"]).is_err());
        assert!(p(&["decode"]).is_err());
    }
}
