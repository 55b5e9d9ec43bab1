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
/// Which values `eval` explains.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Explain {
    /// None.
    #[default]
    Nothing,
    /// Every value and check (`--explain`).
    All,
    /// The values and checks named or labelled (`--explain=NAME`, repeatable).
    Only(Vec<String>),
}

#[derive(Debug, PartialEq)]
pub enum Command {
    /// `help`, `help COMMAND`, or `COMMAND --help`: the usage of all
    /// commands, or of one.
    Help(Option<&'static str>),
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
        /// `--explain` or `--explain=NAME`
        explain: Explain,
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
    /// `check FILE.md...`
    Check {
        /// The documents, each checked on its own.
        paths: Vec<String>,
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
  headroom eval MODEL [--set NAME=VALUE]... [--format text|json|markdown] [--explain[=NAME]]
  headroom eval --preset NAME [--set NAME=VALUE]... [--format ...]
  headroom url MODEL [--set NAME=VALUE]...       print the scenario link fragment
  headroom url --preset NAME [--set NAME=VALUE]...
  headroom decode FRAGMENT                       print the model a link holds, with its input values
  headroom check FILE.md...                      evaluate the ```headroom blocks of documents
  headroom presets                               list the preset models
  headroom functions                             the function reference, with examples
  headroom help COMMAND                          the usage of one command (or COMMAND --help)

MODEL is a file, or - for standard input. VALUE is a number in the input's
own unit (40) or a quantity (1 GB, 25%, $30/month).

exit status: 0 evaluated, 1 the model has errors (or a check is crit/fail
for `check`), 2 bad usage
";

/// The usage of one command, for `headroom COMMAND --help`.
pub fn command_help(cmd: &str) -> Option<&'static str> {
    Some(match cmd {
        "eval" => {
            "\
usage:
  headroom eval MODEL [--set NAME=VALUE]... [--format text|json|markdown] [--explain[=NAME]]
  headroom eval --preset NAME [--set NAME=VALUE]... [--format ...] [--explain[=NAME]]

Evaluates a model and prints every input, value and check.
  MODEL             a model file, - for standard input, or a link
                    ('#preset=betcode&sessions=40', or a page's whole URL)
  --preset NAME     a built-in preset instead of a file (`headroom presets` lists them)
  --set NAME=VALUE  gives an input a value: a number in the input's own unit (40)
                    or a quantity (1 GB, 25%, $30/month); may be repeated
  --format FORMAT   text (the default), json (the stable interface) or markdown
  --explain         shows how each value and check is worked out
  --explain=NAME    shows it for one value (or check label) only; repeatable;
                    `--explain NAME` after the model does the same

exit status: 0 evaluated (whatever the checks say), 1 the model has errors,
2 bad usage
"
        }
        "url" => {
            "\
usage:
  headroom url MODEL [--set NAME=VALUE]...
  headroom url --preset NAME [--set NAME=VALUE]...

Prints the link fragment (#...) of a scenario: the model and the inputs set
with --set. A preset, or a file that is a preset word for word, gives the
short form (#preset=NAME&input=value).

exit status: 0 printed, 1 the model is too large for a link, 2 bad usage
"
        }
        "decode" => {
            "\
usage:
  headroom decode FRAGMENT

Prints the model a link holds, with the link's input values written in as
defaults, so `headroom decode LINK | headroom eval -` gives the link's
numbers (`headroom eval LINK` opens it directly). FRAGMENT may be the
fragment, with or without #, a whole URL, or - to read it from standard
input.

exit status: 0 decoded, 1 the link is bad or truncated, 2 bad usage
"
        }
        "check" => {
            "\
usage:
  headroom check FILE.md...

Evaluates each ```headroom code block of each Markdown document and
reports its checks. A block that uses names of the blocks above it is evaluated
after them. Fails when a block has errors or a check is crit or fail, so a
boolean check (check \"doc says 300 MB\" daemon == 300 MB) pins a number
the prose states.

exit status: 0 every block of every document evaluated and no check is
crit or fail, 1 otherwise, 2 bad usage
"
        }
        "presets" => {
            "\
usage:
  headroom presets

Lists the preset models, for `eval --preset NAME` and `url --preset NAME`.
"
        }
        "functions" => {
            "\
usage:
  headroom functions

Prints the function reference, with an example for each function.
"
        }
        _ => return None,
    })
}

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
    let known = command_help(cmd);
    if known.is_some() && rest.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(Command::Help(known));
    }
    match cmd.as_str() {
        "help" | "-h" | "--help" => match rest {
            [] => Ok(Command::Help(None)),
            [flag] if matches!(flag.as_str(), "--help" | "-h" | "help") => Ok(Command::Help(None)),
            [topic] => command_help(topic)
                .map(|h| Command::Help(Some(h)))
                .ok_or_else(|| Usage(format!("unknown command `{topic}`"))),
            _ => Err(Usage("`help` takes one command".into())),
        },
        "version" | "-V" | "--version" => Ok(Command::Version),
        "eval" | "url" => {
            let mut path = None;
            let mut preset = None;
            let mut sets = Vec::new();
            let mut format = Format::Text;
            // `--explain` alone explains everything, unless names are given
            // (`--explain=NAME`, or `--explain NAME` after the model).
            let mut explain_all = false;
            let mut names: Vec<String> = Vec::new();
            // The model path was the word right after a bare `--explain`
            // (`--explain daemon m.hr` names a value, then the model).
            let mut path_after_explain = false;
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
                } else if let Some(v) = a.strip_prefix("--format=").filter(|_| cmd == "eval") {
                    format = parse_format(v)?;
                } else if a == "--format" && cmd == "eval" {
                    format = parse_format(value(i, "--format")?)?;
                    i += 1;
                } else if let Some(v) = a.strip_prefix("--preset=") {
                    preset = Some(v.to_string());
                } else if a == "--preset" {
                    preset = Some(value(i, "--preset")?.clone());
                    i += 1;
                } else if a == "--explain" && cmd == "eval" {
                    explain_all = true;
                } else if let Some(name) = a.strip_prefix("--explain=").filter(|_| cmd == "eval") {
                    names.push(name.to_string());
                } else if a.starts_with('-') && a != "-" {
                    let flag = a.split('=').next().unwrap_or(a);
                    let options: &[&str] = if cmd == "eval" {
                        &["--set", "--format", "--preset", "--explain"]
                    } else {
                        &["--set", "--preset"]
                    };
                    // A short option (`-f`) is the long one it starts.
                    let short = flag.strip_prefix('-').filter(|f| !f.starts_with('-') && !f.is_empty());
                    let near = match (short, flag) {
                        // `--json`: the format is an option's value.
                        (_, "--json" | "--markdown" | "--md" | "--text") if cmd == "eval" => {
                            Some(["--format ", &flag[2..]].concat())
                        }
                        (Some(f), _) => options.iter().find(|o| o[2..].starts_with(f)).map(|o| o.to_string()),
                        (None, _) => {
                            headroom_core::diagnostic::suggest(flag, options.iter().copied()).map(String::from)
                        }
                    };
                    return Err(Usage(match near {
                        Some(near) => format!("unknown option `{a}` for `{cmd}`; did you mean `{near}`?"),
                        None => format!("unknown option `{a}` for `{cmd}`"),
                    }));
                } else if after_explain(rest, i, cmd) && (path.is_some() || preset.is_some()) {
                    // `--explain NAME` after the model: NAME is no second model.
                    names.push(a.clone());
                } else if path.is_none() {
                    path_after_explain = after_explain(rest, i, cmd);
                    path = Some(a.clone());
                } else if path_after_explain {
                    // `--explain NAME MODEL`: the first word was the name.
                    names.extend(path.replace(a.clone()));
                    path_after_explain = false;
                } else {
                    return Err(Usage(format!("`{cmd}` takes one model, but `{a}` is a second")));
                }
                i += 1;
            }
            // `--explain NAME --preset P`: the word was a name.
            if path_after_explain && preset.is_some() {
                names.extend(path.take());
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
            let explain = match (names.is_empty(), explain_all) {
                (false, _) => Explain::Only(names),
                (true, true) => Explain::All,
                (true, false) => Explain::Nothing,
            };
            Ok(Command::Eval { source, sets, format, explain })
        }
        "decode" => match rest {
            _ if let Some(a) = rest.iter().find(|a| a.starts_with('-') && *a != "-") => {
                Err(Usage(format!("unknown option `{a}` for `decode`: it takes one fragment")))
            }
            [f] => Ok(Command::Decode { fragment: f.clone() }),
            _ => Err(Usage("`decode` takes one fragment".into())),
        },
        "check" => match rest {
            [] => Err(Usage("`check` takes one or more Markdown files".into())),
            _ => match rest.iter().find(|a| a.starts_with('-') && *a != "-") {
                Some(a) => Err(Usage(format!("unknown option `{a}` for `check`: it takes only Markdown files"))),
                None => Ok(Command::Check { paths: rest.to_vec() }),
            },
        },
        "presets" | "functions" if !rest.is_empty() => Err(Usage(format!("`{cmd}` takes no arguments"))),
        "presets" => Ok(Command::Presets),
        "functions" => Ok(Command::Functions),
        other => Err(Usage(
            match headroom_core::diagnostic::suggest(other, ["eval", "url", "decode", "check", "presets", "functions"])
            {
                Some(near) => format!("unknown command `{other}`; did you mean `{near}`?"),
                None => format!("unknown command `{other}`"),
            },
        )),
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

/// Whether argument `i` of `eval` directly follows a bare `--explain`.
fn after_explain(rest: &[String], i: usize, cmd: &str) -> bool {
    cmd == "eval" && i > 0 && rest[i - 1] == "--explain"
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
                explain: Explain::Nothing,
            })
        );
        assert!(matches!(
            p(&["eval", "--preset", "betcode", "--explain"]),
            Ok(Command::Eval { explain: Explain::All, .. })
        ));
        assert!(matches!(
            p(&["eval", "m.hr", "--explain=a", "--explain=b"]),
            Ok(Command::Eval { explain: Explain::Only(names), .. }) if names == ["a", "b"]
        ));
        // `--explain NAME`, spaced, before or after the model.
        let only = |args: &[&str], file: &str, want: &[&str]| {
            matches!(p(args), Ok(Command::Eval { source: Source::File(f), explain: Explain::Only(names), .. })
                if f == file && names == want)
        };
        assert!(only(&["eval", "m.hr", "--explain", "daemon"], "m.hr", &["daemon"]));
        assert!(only(&["eval", "--explain", "daemon", "m.hr"], "m.hr", &["daemon"]));
        assert!(only(&["eval", "m.hr", "--explain", "a", "--explain", "b"], "m.hr", &["a", "b"]));
        assert!(only(&["eval", "m.hr", "--explain=a", "--explain"], "m.hr", &["a"]));
        assert!(matches!(
            p(&["eval", "--explain", "daemon", "--preset", "betcode"]),
            Ok(Command::Eval { source: Source::Preset(_), explain: Explain::Only(names), .. }) if names == ["daemon"]
        ));
        assert!(only(&["eval", "m.hr", "--explain", "Memory use", "--explain=b"], "m.hr", &["Memory use", "b"]));
        assert!(matches!(
            p(&["eval", "--preset", "betcode", "--explain", "daemon"]),
            Ok(Command::Eval { explain: Explain::Only(names), .. }) if names == ["daemon"]
        ));
        // A bare `--explain` before the only word: that word is the model.
        assert!(matches!(
            p(&["eval", "--explain", "m.hr"]),
            Ok(Command::Eval { source: Source::File(f), explain: Explain::All, .. }) if f == "m.hr"
        ));
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
        assert!(p(&["help", "frobnicate"]).is_err());
        assert_eq!(p(&["functions", "extra"]), Err(Usage("`functions` takes no arguments".into())));
        assert_eq!(p(&["help", "--help"]), Ok(Command::Help(None)));
        assert_eq!(p(&["help", "help"]), Ok(Command::Help(None)));
        assert!(p(&["url", "m.hr", "--format", "json"]).is_err(), "url prints a link, in no other format");
        // A typo names what was meant.
        assert_eq!(p(&["evl", "m.hr"]), Err(Usage("unknown command `evl`; did you mean `eval`?".into())));
        assert_eq!(
            p(&["eval", "m.hr", "--frmat", "json"]),
            Err(Usage("unknown option `--frmat` for `eval`; did you mean `--format`?".into()))
        );
        // A short option is no second model.
        assert_eq!(
            p(&["eval", "m.hr", "-f", "json"]),
            Err(Usage("unknown option `-f` for `eval`; did you mean `--format`?".into()))
        );
        assert_eq!(p(&["url", "m.hr", "-x"]), Err(Usage("unknown option `-x` for `url`".into())));
        assert_eq!(
            p(&["eval", "m.hr", "--json"]),
            Err(Usage("unknown option `--json` for `eval`; did you mean `--format json`?".into()))
        );
        assert_eq!(
            p(&["check", "-f", "json", "doc.md"]),
            Err(Usage("unknown option `-f` for `check`: it takes only Markdown files".into()))
        );
        assert_eq!(
            p(&["decode", "-f", "json", "x"]),
            Err(Usage("unknown option `-f` for `decode`: it takes one fragment".into()))
        );
        assert!(matches!(p(&["eval", "-"]), Ok(Command::Eval { .. })), "`-` is standard input");
    }

    #[test]
    fn help_for_one_command() {
        assert_eq!(p(&["help"]), Ok(Command::Help(None)));
        for cmd in ["eval", "url", "decode", "check", "presets", "functions"] {
            let help = command_help(cmd).unwrap();
            assert!(help.contains(&format!("headroom {cmd}")), "{cmd}");
            assert_eq!(p(&[cmd, "--help"]), Ok(Command::Help(Some(help))));
            assert_eq!(p(&[cmd, "model.hr", "-h"]), Ok(Command::Help(Some(help))));
            assert_eq!(p(&["help", cmd]), Ok(Command::Help(Some(help))));
        }
        // An unknown command stays unknown, with or without --help.
        assert!(p(&["frobnicate", "--help"]).is_err());
    }
}
