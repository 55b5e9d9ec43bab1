//! The `headroom` binary as scripts use it: output formats, the JSON
//! interface, exit codes, standard input, links and document checks.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn headroom(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_headroom"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run headroom");
    if let Some(text) = stdin {
        // A usage error exits before reading its input; a closed pipe then
        // is expected.
        let _ = child.stdin.take().unwrap().write_all(text.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const DAEMON: &str = "unit session\ninput sessions = 20 session [0 .. 1000]\ninput limit = 512 MB\n\
                      daemon = 50 MB + sessions * 5 MB/session + 50 * 1 MB + 5 * 20 MB\n\
                      cost = $25/month\ncheck \"Daemon memory\" daemon / limit warn 70% crit 85%\n";

#[test]
fn json_has_the_documented_shape_in_base_units() {
    let o = headroom(&["eval", "-", "--format", "json"], Some(DAEMON));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("{\"values\": ["), "{out}");
    assert!(out.contains(r#"{"name": "daemon", "value": 300000000, "unit": "B", "display": "300 MB"}"#), "{out}");
    assert!(out.contains(r#"{"name": "sessions", "value": 20, "unit": "session", "display": "20 sessions"}"#), "{out}");
    // $25/month in dollars per second.
    assert!(out.contains(r#""name": "cost", "value": 9.50662155204343e-6, "unit": "USD/s""#), "{out}");
    assert!(out.contains(r#"{"label": "Daemon memory", "status": "ok", "value": 0.5859375}"#), "{out}");
    assert!(out.contains(r#""errors": []"#), "{out}");
    // Series in base units too, and without float noise.
    let o =
        headroom(&["eval", "-", "--format", "json"], Some("month = 1 .. 3\nusers = 100 * (1 + 25% - 8%) ^ month\n"));
    assert!(
        stdout(&o).contains(r#"{"name": "users", "value": [117, 136.89, 160.1613], "unit": "", "display": ["117", "136.89", "160.161"]}"#),
        "{}",
        stdout(&o)
    );
}

#[test]
fn exit_status_is_0_even_when_a_check_is_critical() {
    let o = headroom(&["eval", "-", "--set", "sessions=90"], Some(DAEMON));
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("CRIT"), "{}", stdout(&o));
}

#[test]
fn url_refuses_a_model_too_large_for_a_link() {
    // Text that deflate cannot shrink: its link would be longer than a
    // link the page opens.
    let mut seed = 7u64;
    let noise: String = (0..3000)
        .map(|_| {
            let line: String = (0..60)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    char::from(b'a' + (seed >> 59) as u8 % 26)
                })
                .collect();
            format!("# {line}\n")
        })
        .collect();
    let o = headroom(&["url", "-"], Some(&format!("{noise}x = 1\n")));
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("too large for a link"), "{}", stderr(&o));
    // Text that packs small, but is more than a model may have.
    let o = headroom(&["url", "-"], Some(&format!("x = 1\n{}", "# the same line again\n".repeat(13_000))));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("256 KiB"), "{}", stderr(&o));
}

#[test]
fn an_input_set_twice_is_told() {
    let o = headroom(&["eval", "-", "--set", "n=2", "--set", "n=3"], Some("input n = 1\nm = n * 2\n"));
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("m  6"), "{}", stdout(&o));
    assert!(stderr(&o).contains("`n` is set more than once; the last value is used"), "{}", stderr(&o));
}

#[test]
fn a_fraction_set_on_a_percentage_input_is_noted() {
    // `hit` is in percent: 0.97 is 0.97%, which may not be what was meant.
    let src = "input hit = 95%\nmiss = 1 - hit\n";
    let o = headroom(&["eval", "-", "--set", "hit=0.97"], Some(src));
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("hit   0.97%"), "{}", stdout(&o));
    assert!(stderr(&o).contains("`hit` is a percentage, so 0.97 is 0.97%; for 97% write `hit=97`"), "{}", stderr(&o));
    // A percentage given as one, or a whole number, needs no note.
    for set in ["hit=97", "hit=97%", "hit=0.5%"] {
        assert_eq!(stderr(&headroom(&["eval", "-", "--set", set], Some(src))), "", "{set}");
    }
    // Nor does a tiny number on an input that is no percentage.
    let o = headroom(&["eval", "-", "--set", "x=1e-320"], Some("input x = 1\n"));
    assert_eq!(stderr(&o), "");
}

#[test]
fn a_value_set_in_a_smaller_unit_reads_whole() {
    // 59,999 ms on an input in minutes is 0.999983 min: the unit below
    // shows every digit set.
    let src = "input wait = 1 min\ninput limit = 512 MB\n";
    let o = headroom(&["eval", "-", "--set", "wait=59999 ms", "--set", "limit=999.9 MB"], Some(src));
    assert!(stdout(&o).contains("wait   59.999 s  (input)"), "{}", stdout(&o));
    assert!(stdout(&o).contains("limit  999.9 MB  (input)"), "{}", stdout(&o));
}

#[test]
fn a_percentage_is_its_decimal_digits() {
    // 99.9% is 0.999 as written, so an SLO's error budget is 2592 s, not
    // 2591.99999999971 (99.9 / 100 is 0.9990000000000001).
    let src = "input slo = 99.9%\nbudget = (1 - slo) * 30 day\n";
    for args in [&["eval", "-", "--format", "json"][..], &["eval", "-", "--format", "json", "--set", "slo=99.9"]] {
        let out = stdout(&headroom(args, Some(src)));
        assert!(out.contains(r#"{"name": "budget", "value": 2592, "unit": "s", "display": "43.2 min"}"#), "{out}");
    }
}

#[test]
fn json_checks_of_never_have_no_number() {
    let src = "r = first_where(1 .. 24, (1 .. 24) > 50)\ncheck \"runway\" r warn 12 crit 6\ncheck \"soon\" r < 3\n";
    let out = stdout(&headroom(&["eval", "-", "--format", "json"], Some(src)));
    assert!(out.contains(r#"{"label": "runway", "status": "ok", "value": null}"#), "{out}");
    assert!(out.contains(r#"{"label": "soon", "status": "fail", "value": false}"#), "{out}");
}

#[test]
fn json_checks_over_a_series_say_where() {
    let src = "month = 1 .. 6\ndisk = 60 GB * 1.2 ^ month\ncheck \"Disk\" disk / 150 GB warn 70% crit 85%\n\
               check \"Fits\" disk < 150 GB\ncheck \"Small\" 1 GB < 2 GB\n";
    let out = stdout(&headroom(&["eval", "-", "--format", "json"], Some(src)));
    // Worst at month 6, and crit from month 5 already.
    assert!(out.contains(r#""status": "crit", "value": 1.1943936, "at": "month = 6; CRIT from month = 5"}"#), "{out}");
    assert!(out.contains(r#"{"label": "Fits", "status": "fail", "value": false, "at": "month = 6"}"#), "{out}");
    assert!(out.contains(r#"{"label": "Small", "status": "pass", "value": true}"#), "{out}");
}

#[test]
fn exit_status_is_1_with_errors_and_values_still_listed() {
    let src = "a = 5 GB\nb = a + 3 s\nc = a * 2\n";
    let o = headroom(&["eval", "-", "--format", "json"], Some(src));
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains(r#""name": "c", "value": 10000000000"#), "{out}");
    assert!(!out.contains(r#""name": "b""#), "{out}");
    assert!(
        out.contains(r#"{"line": 2, "column": 5, "message": "cannot add an amount of data (bytes) and a time"}"#),
        "{out}"
    );
    let text = headroom(&["eval", "-"], Some(src));
    assert!(stderr(&text).contains("-->"), "{}", stderr(&text));
}

#[test]
fn json_and_markdown_errors_carry_their_help() {
    let src = "limit = 3\nc = limt * 2\nd = 40 GB + 10%\n";
    let json = stdout(&headroom(&["eval", "-", "--format", "json"], Some(src)));
    assert!(json.contains(r#""message": "unknown name `limt`; did you mean `limit`?""#), "{json}");
    assert!(json.contains("write `40 GB * (1 + 10%)`"), "{json}");
    let md = stdout(&headroom(&["eval", "-", "--format", "markdown"], Some(src)));
    assert!(md.contains("- line 2, column 5: unknown name `limt`; did you mean `limit`?"), "{md}");
}

#[test]
fn explain_takes_a_name_or_a_check_label() {
    let src = "input a = 2 GB\nb = a * 3\nc = b * 2\ncheck \"Fits\" c / 100 GB warn 70% crit 85%\n";
    let out = stdout(&headroom(&["eval", "-", "--explain=b"], Some(src)));
    assert!(out.contains("b = a * 3") && !out.contains("c = b * 2"), "{out}");
    // Nothing for the check not asked about, not even a blank line.
    assert!(!out.contains("\n\n\n"), "{out:?}");
    // An input says it is given; a name spaced after `--explain` works too.
    let input = headroom(&["eval", "-", "--explain", "a"], Some(src));
    assert_eq!(input.status.code(), Some(0));
    assert!(stdout(&input).contains("a = 2 GB\n  an input: its value is given"), "{}", stdout(&input));
    let out = stdout(&headroom(&["eval", "-", "--explain=Fits", "--format", "json"], Some(src)));
    assert_eq!(out.matches("\"explain\"").count(), 1, "{out}");
    let unknown = headroom(&["eval", "-", "--explain=d"], Some(src));
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("no value or check `d`"), "{}", stderr(&unknown));
    let near = headroom(&["eval", "-", "--explain=bb"], Some(src));
    assert!(stderr(&near).contains("did you mean `b`?"), "{}", stderr(&near));
}

#[test]
fn explain_works_in_every_format() {
    let src = "input a = 2 GB\nb = a * 3\n";
    let json = stdout(&headroom(&["eval", "-", "--format", "json", "--explain"], Some(src)));
    assert!(json.contains(r#""display": "6 GB", "explain": "b = a * 3\n  = 2 GB * 3\n  = 6 GB"}"#), "{json}");
    assert!(!json.contains(r#""display": "2 GB", "explain""#), "{json}");
    let md = stdout(&headroom(&["eval", "-", "--format", "markdown", "--explain"], Some(src)));
    assert!(md.contains("```text\nb = a * 3\n  = 2 GB * 3\n  = 6 GB\n```"), "{md}");
    let plain = stdout(&headroom(&["eval", "-", "--format", "json"], Some(src)));
    assert!(!plain.contains("explain"), "{plain}");
}

#[test]
fn exit_status_is_2_on_bad_usage() {
    for args in [
        vec!["eval"],
        vec!["eval", "-", "--format", "yaml"],
        vec!["eval", "-", "--set", "nosuch=3"],
        vec!["eval", "-", "--set", "sessions=5000"],
        vec!["eval", "missing-file.hr"],
        vec!["frobnicate"],
    ] {
        let o = headroom(&args, Some(DAEMON));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).is_empty());
    }
}

#[test]
fn markdown_output_has_tables() {
    let o = headroom(&["eval", "-", "--format", "markdown"], Some(DAEMON));
    let out = stdout(&o);
    assert!(out.contains("| Input | Value | Range |"), "{out}");
    assert!(out.contains("| `daemon` | 300 MB |"), "{out}");
    // A utilization check gives its value and thresholds, as a doc states them.
    assert!(out.contains("| Check | Status | Value | Thresholds |"), "{out}");
    assert!(out.contains("| Daemon memory | OK | 58.6% | warn 70%, crit 85% |"), "{out}");
    // Titled by the model's first comment, as the page's export is.
    let o = headroom(
        &["eval", "-", "--format", "markdown"],
        Some(
            "# Daemon: memory
x = 1
",
        ),
    );
    assert!(stdout(&o).starts_with("## Daemon\n\n### Results"), "{}", stdout(&o));
}

#[test]
fn explain_shows_the_work() {
    let src = "input tunnels = 25000\ninput clients = 80000\ninput rps = 150000\n\
               relays = ceil(max(tunnels / 10000, clients / 50000, rps / 100000))\n";
    let o = headroom(&["eval", "-", "--explain"], Some(src));
    let out = stdout(&o);
    assert!(out.contains("= ceil(max(25,000 / 10000, 80,000 / 50000, 150,000 / 100000))"), "{out}");
    assert!(out.contains("relays = 3, bound by tunnels / 10000 = 2.5 -> ceil"), "{out}");
}

#[test]
fn links_round_trip_through_url_and_decode() {
    let dir = std::env::temp_dir().join(format!("headroom-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let model = dir.join("daemon.hr");
    std::fs::write(&model, DAEMON).unwrap();
    let o = headroom(&["url", model.to_str().unwrap(), "--set", "sessions=40"], None);
    assert_eq!(o.status.code(), Some(0));
    let frag = stdout(&o).trim().to_string();
    assert!(frag.starts_with("#v=1&z="), "{frag}");
    let d = headroom(&["decode", &frag], None);
    // The link's value is written into the model, which then evaluates
    // to the link's numbers.
    let decoded = stdout(&d);
    assert_eq!(decoded, DAEMON.replace("sessions = 20 session", "sessions = 40 session"));
    assert_eq!(stderr(&d), "");
    let e = headroom(&["eval", "-", "--format", "json"], Some(&decoded));
    assert!(stdout(&e).contains(r#""display": "400 MB""#), "{}", stdout(&e));
    let unfit = headroom(&["decode", "#preset=betcode&sessions=4000"], None);
    assert_eq!(unfit.status.code(), Some(0));
    assert!(stdout(&unfit).contains("input sessions = 20 session"));
    assert!(stderr(&unfit).contains("keeps the model's default"), "{}", stderr(&unfit));
    let preset_file = dir.join("betcode.hr");
    std::fs::write(&preset_file, headroom_core::presets::find("betcode").unwrap().source).unwrap();
    let same = headroom(&["url", preset_file.to_str().unwrap()], None);
    assert_eq!(stdout(&same).trim(), "#preset=betcode");
    let p = headroom(&["url", "--preset", "betcode", "--set", "sessions=40"], None);
    // As the spec writes it: the number alone, in the input's own unit.
    assert_eq!(stdout(&p).trim(), "#preset=betcode&sessions=40");
    let bad = headroom(&["decode", "#v=1&z=AAAA"], None);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("damaged or cut short"), "{}", stderr(&bad));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn presets_are_listed_and_evaluate() {
    let o = headroom(&["presets"], None);
    for name in ["wdmaker", "omniops", "mistersmith", "freeagentics", "betcode", "web-service", "worker-pool"] {
        assert!(stdout(&o).contains(name), "{name}");
    }
    let e = headroom(&["eval", "--preset", "betcode", "--format", "json"], None);
    assert_eq!(e.status.code(), Some(0), "{}", stderr(&e));
    assert!(stdout(&e).contains(r#""name": "daemon", "value": 300000000"#));
    assert_eq!(headroom(&["eval", "--preset", "nosuch"], None).status.code(), Some(2));
}

#[test]
fn check_keeps_a_documents_numbers_honest() {
    let dir = std::env::temp_dir().join(format!("headroom-doc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.md");
    std::fs::write(
        &good,
        "# Design\n\n```headroom\ninput sessions = 20\ndaemon = 50 MB + sessions * 5 MB\n\
         check \"doc says 150 MB\" daemon == 150 MB\n```\n",
    )
    .unwrap();
    let o = headroom(&["check", good.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let bad = dir.join("bad.md");
    std::fs::write(&bad, "```headroom\ndaemon = 50 MB + 20 * 5 MB\ncheck \"doc says 300 MB\" daemon == 300 MB\n```\n")
        .unwrap();
    let o = headroom(&["check", bad.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("FAILED"), "{}", stdout(&o));
    // The failing check's line, and the number the prose got wrong.
    assert!(stdout(&o).contains("bad.md:3: 150 MB == 300 MB)"), "{}", stdout(&o));
    // Several documents at once: each reported, failing when one does.
    let o = headroom(&["check", good.to_str().unwrap(), bad.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("good.md: 1 block, ok") && stdout(&o).contains("bad.md: 1 block, FAILED"),
        "{}",
        stdout(&o)
    );
    // A document is no model to link.
    let o = headroom(&["url", good.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is a Markdown document"), "{}", stderr(&o));
    let o = headroom(&["check", "--format", "json", good.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown option `--format` for `check`"), "{}", stderr(&o));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn functions_prints_the_reference() {
    let o = headroom(&["functions"], None);
    assert_eq!(o.status.code(), Some(0));
    for f in [
        "compound(start, growth, periods, churn)",
        "erlang_c(",
        "pick(TABLE, condition)",
        "usl(32, 5%, 0.1%)  =>  9.03444",
    ] {
        assert!(stdout(&o).contains(f), "{f}");
    }
}

#[test]
fn a_closed_output_pipe_keeps_the_exit_status() {
    // `headroom eval bad.hr 2>&1 | head -c 10`: the reader is gone before
    // the output is written. That is no reason to panic (exit 101).
    for (model, code) in [(DAEMON, 0), ("x = 1 MB + 1 s\n", 1)] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let writer2 = writer.try_clone().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_headroom"))
            .args(["eval", "-"])
            .stdin(Stdio::piped())
            .stdout(writer)
            .stderr(writer2)
            .spawn()
            .expect("run headroom");
        child.stdin.take().unwrap().write_all(model.as_bytes()).unwrap();
        assert_eq!(child.wait().unwrap().code(), Some(code), "{model}");
    }
}

#[test]
fn eval_opens_a_link_and_decode_reads_standard_input() {
    let out = headroom(&["eval", "#preset=betcode&sessions=40", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains(r#""name": "sessions", "value": 40,"#), "{}", stdout(&out));
    let url = headroom(&["eval", "http://127.0.0.1:8080/#preset=betcode&sessions=41", "--format", "json"], None);
    assert!(stdout(&url).contains(r#""name": "sessions", "value": 41,"#), "{}", stdout(&url));
    // A value with a space, as the page reads it.
    let spaced = headroom(&["eval", "#preset=data-store&retention=2 year", "--format", "json"], None);
    assert_eq!(spaced.status.code(), Some(0), "{}", stderr(&spaced));
    let bad = headroom(&["eval", "#v=1&z=garbage"], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("cannot open the link"), "{}", stderr(&bad));
    // Any fragment says why it does not open, never "no such file".
    for odd in ["#z=garbage", "#?preset=web-service", "#V=1&Z=abc"] {
        let out = headroom(&["eval", odd], None);
        assert_eq!(out.status.code(), Some(2), "{odd}");
        assert!(stderr(&out).contains("cannot open the link"), "{odd}: {}", stderr(&out));
    }
    // A link piped in is opened, not read as a model of one comment.
    let piped = headroom(&["eval", "-", "--format", "json"], Some("#preset=betcode&sessions=42\n"));
    assert!(stdout(&piped).contains(r#""name": "sessions", "value": 42,"#), "{}", stdout(&piped));
    // A one-line model with a URL in its comment is a model.
    let model = headroom(&["eval", "-"], Some("egress = 10 TB * $0.09/GB  # https://example.com/pricing/#transfer\n"));
    assert_eq!(model.status.code(), Some(0), "{}", stderr(&model));
    assert!(stdout(&model).contains("egress  $900"), "{}", stdout(&model));
    let decoded = headroom(&["decode", "-"], Some("#preset=betcode&sessions=40\n"));
    assert_eq!(decoded.status.code(), Some(0), "{}", stderr(&decoded));
    assert!(stdout(&decoded).contains("input sessions = 40"), "{}", stdout(&decoded));
}

#[test]
fn a_link_just_past_a_range_end_opens_as_the_page_opens_it() {
    // Float noise on a bound is on the bound: the page accepts it, so must
    // the link (it was refused as a default outside the range).
    let o = headroom(&["eval", "#preset=worker-pool&peak_duration=0.0833333333", "--format", "json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains(r#""name": "peak_duration", "value": 299.99999988"#), "{}", stdout(&o));
    // A value past a bound by a little says so with the digits that show it.
    let o = headroom(&["eval", "--preset", "worker-pool", "--set", "peak_duration=0.083333333"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("between 0.0833333333333 h and 12 h; 0.083333333 h is outside"), "{}", stderr(&o));
}

#[test]
fn a_hand_written_link_may_name_its_preset_anywhere_and_repeats_are_told() {
    let o = headroom(&["eval", "#users=300000&preset=web-service&users=400000", "--format", "json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains(r#""name": "users", "value": 400000"#), "{}", stdout(&o));
    assert!(stderr(&o).contains("`users` is set more than once"), "{}", stderr(&o));
}

#[test]
fn an_input_far_larger_than_any_model_is_refused_before_it_is_read_whole() {
    let huge = "x".repeat(17 * 1024 * 1024);
    let o = headroom(&["eval", "-"], Some(&huge));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("standard input is over 16 MiB"), "{}", stderr(&o));
}
