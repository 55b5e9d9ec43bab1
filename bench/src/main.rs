//! Headroom against numbat and fend-core on the same 15-line capacity model
//! (`inputs/model15.*`), in one run. Prints medians per case and the ratios
//! numbat / Headroom and fend / Headroom; nothing here is a pass/fail test.
//!
//! Cases:
//! 1. parse + evaluate the model from text in a fresh context (numbat: a
//!    clone of a context with its prelude loaded, the clone not timed;
//!    fend: a new `Context`);
//! 2. re-evaluate after one input changes (Headroom keeps the parsed model;
//!    numbat and fend have no dependency tracking, so they run the model
//!    text again), against a hand-written f64 version of the model;
//! 3. one expression (`inputs/single.txt`) in a warm context;
//! 4. a 12-month growth series of `clients * (1 + growth) ^ month` memory
//!    (Headroom: one series in a model; numbat and fend: twelve
//!    expressions, as they have no element-wise series);
//! 5. 5,000 successive edits in one long-lived session: time per edit and
//!    memory in use at the start and at the end.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Instant;

use headroom_core::{Model, Overrides, Report};

/// Counts the bytes in use, to see whether a long session grows.
struct Counting;

static IN_USE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        IN_USE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        IN_USE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn in_use() -> isize {
    IN_USE.load(Ordering::Relaxed)
}

const HR: &str = include_str!("../inputs/model15.hr");
const NBT: &str = include_str!("../inputs/model15.nbt");
const FEND: &str = include_str!("../inputs/model15.fend");
const SINGLE: &str = include_str!("../inputs/single.txt");

/// Median of `samples` timings, each of `batch` calls, in nanoseconds per
/// call. `setup` runs before each sample, untimed.
fn median<S, F: FnMut(&mut S)>(samples: usize, batch: usize, mut setup: impl FnMut() -> S, mut f: F) -> f64 {
    let mut times = Vec::with_capacity(samples);
    for _ in 0..samples {
        let mut state = setup();
        let t = Instant::now();
        for _ in 0..batch {
            f(&mut state);
        }
        times.push(t.elapsed().as_nanos() as f64 / batch as f64);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

fn human(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.2} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}

fn ratio(other: f64, headroom: f64) -> String {
    format!("{:.1}x", other / headroom)
}

// ------------------------------------------------------------ Headroom

fn headroom_total(src: &str) -> String {
    let model = Model::parse(src);
    let ev = model.evaluate(&Overrides::new());
    Report::new(&model, &ev).value("total").map(|v| v.display.text()).unwrap_or_default()
}

/// The model written by hand in f64, as a lower bound for re-evaluation.
#[inline(never)]
fn hand_written(sessions: f64, clients: f64, tunnels: f64, rps: f64, headroom: f64, growth: f64) -> f64 {
    let mb = 1e6;
    let relay_mem = 512.0 * mb + tunnels * 4e3;
    let relays = (tunnels / 10_000.0).max(clients / 50_000.0).max(rps / 100_000.0).ceil();
    let clients_12m = clients * (1.0 + growth).powi(12);
    let daemon_12m = 50.0 * mb + sessions * 5.0 * mb + clients_12m * mb;
    (daemon_12m + relays * relay_mem) * (1.0 + headroom)
}

// -------------------------------------------------------------- numbat

fn numbat_base() -> numbat::Context {
    let mut ctx = numbat::Context::new(numbat::module_importer::BuiltinModuleImporter::default());
    let _ = ctx.interpret("use prelude", numbat::resolver::CodeSource::Internal).expect("numbat prelude");
    ctx
}

fn numbat_run(ctx: &mut numbat::Context, code: &str) -> String {
    match ctx.interpret(code, numbat::resolver::CodeSource::Text) {
        Ok((_, numbat::InterpreterResult::Value(v))) => v.to_string(),
        Ok(_) => String::new(),
        Err(e) => format!("error: {e}"),
    }
}

// ---------------------------------------------------------------- fend

fn fend_run(ctx: &mut fend_core::Context, code: &str) -> String {
    match fend_core::evaluate(code, ctx) {
        Ok(r) => r.get_main_result().to_string(),
        Err(e) => format!("error: {e}"),
    }
}

fn main() {
    // `headroom-bench reeval N`: only Headroom's re-evaluation, N times, for
    // a profiler.
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("reeval") {
        let n: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(100_000);
        let model = Model::parse(HR);
        let slot = model.input("sessions").expect("sessions");
        let mut o = Overrides::new();
        let mut ev = model.evaluate(&o);
        for i in 0..n {
            o.set(slot, headroom_core::Quantity::plain(20.0 + (i % 2) as f64).unwrap());
            model.reevaluate(black_box(&o), &mut ev, &[slot]);
            black_box(&ev);
        }
        return;
    }
    println!("Headroom / numbat / fend-core on the 15-line capacity model\n");
    println!("check: every engine prints the model's total");
    println!("  headroom  total = {}", headroom_total(HR));
    let base = numbat_base();
    println!("  numbat    total = {}", numbat_run(&mut base.clone(), NBT));
    println!("  fend      total = {}", fend_run(&mut fend_core::Context::new(), FEND));
    println!();

    // 1. Fresh parse + evaluate.
    let h1 = median(
        201,
        200,
        || (),
        |_| {
            let m = Model::parse(black_box(HR));
            black_box(m.evaluate(&Overrides::new()));
        },
    );
    let n1 = median(101, 1, || base.clone(), |c| {
        black_box(numbat_run(c, NBT));
    });
    let f1 = median(101, 1, || (), |_| {
        black_box(fend_run(&mut fend_core::Context::new(), FEND));
    });
    println!("1. parse + evaluate, fresh context");
    println!("   headroom {:>10}   numbat {:>10} ({})   fend {:>10} ({})", human(h1), human(n1), ratio(n1, h1), human(f1), ratio(f1, h1));
    println!("   goals: fend / headroom >= 20x, numbat / headroom >= 60x");

    // 2. Re-evaluate after one input changes.
    let model = Model::parse(HR);
    let slot = model.input("sessions").expect("sessions");
    let mut flip = false;
    let full = median(
        201,
        2000,
        Overrides::new,
        |o| {
            flip = !flip;
            o.set(slot, headroom_core::Quantity::plain(if flip { 21.0 } else { 20.0 }).unwrap());
            black_box(model.evaluate(black_box(o)));
        },
    );
    // What the app does when an input moves: only its dependents again.
    let h2 = median(
        201,
        2000,
        || (Overrides::new(), model.evaluate(&Overrides::new())),
        |(o, ev)| {
            flip = !flip;
            o.set(slot, headroom_core::Quantity::plain(if flip { 21.0 } else { 20.0 }).unwrap());
            model.reevaluate(black_box(o), ev, &[slot]);
            black_box(&ev);
        },
    );
    let mut s = 20.0;
    let hand = median(201, 200_000, || (), |_| {
        s = if s == 20.0 { 21.0 } else { 20.0 };
        // Every input through black_box: in the app they are run-time
        // values, and constants would let the compiler fold most of the
        // model away.
        black_box(hand_written(
            black_box(s),
            black_box(50_000.0),
            black_box(120_000.0),
            black_box(250_000.0),
            black_box(0.3),
            black_box(0.08),
        ));
    });
    let nbt21 = NBT.replacen("let sessions = 20", "let sessions = 21", 1);
    let fend21 = FEND.replacen("sessions = 20", "sessions = 21", 1);
    let n2 = median(101, 1, || base.clone(), |c| {
        black_box(numbat_run(c, &nbt21));
    });
    let f2 = median(101, 1, || (), |_| {
        black_box(fend_run(&mut fend_core::Context::new(), &fend21));
    });
    println!("\n2. re-evaluate after one input changes");
    println!("   headroom {:>10}   hand-written f64 {:>10}   headroom / f64 = {}", human(h2), human(hand), ratio(h2, hand));
    println!("   (headroom re-evaluating every statement: {}, {} of f64)", human(full), ratio(full, hand));
    println!("   numbat   {:>10}   fend {:>10} (both run the model text again)", human(n2), human(f2));
    println!("   goal: headroom / hand-written f64 <= 100x");

    // 3. One expression in a warm context.
    let single = SINGLE.trim();
    let h3 = median(201, 1000, || (), |_| {
        let m = Model::parse(black_box(single));
        black_box(m.evaluate(&Overrides::new()));
    });
    let mut warm = base.clone();
    let n3 = median(101, 20, || (), |_| {
        black_box(numbat_run(&mut warm, single));
    });
    let mut fctx = fend_core::Context::new();
    let f3 = median(101, 20, || (), |_| {
        black_box(fend_run(&mut fctx, single));
    });
    println!("\n3. one expression, warm context: {single}");
    println!("   = headroom {} / numbat {} / fend {}", headroom_total(&format!("total = {single}")), numbat_run(&mut base.clone(), single), fend_run(&mut fend_core::Context::new(), single));
    println!("   headroom {:>10}   numbat {:>10} ({})   fend {:>10} ({})", human(h3), human(n3), ratio(n3, h3), human(f3), ratio(f3, h3));

    // 4. A 12-month growth series.
    let series_model = "input sessions = 20\ninput clients = 50000\ninput growth = 8%\nmonth = 1 .. 12\n\
                        mem = 50 MB + sessions * 5 MB + clients * (1 + growth) ^ month * 1 MB";
    let h4 = median(201, 200, || (), |_| {
        let m = Model::parse(black_box(series_model));
        black_box(m.evaluate(&Overrides::new()));
    });
    let exprs_nbt: Vec<String> =
        (1..=12).map(|m| format!("50 MB + 20 * 5 MB + 50000 * (1 + 8 %)^{m} * 1 MB")).collect();
    let exprs_fend: Vec<String> =
        (1..=12).map(|m| format!("50 MB + 20 * 5 MB + 50000 * (1 + 8%)^{m} * 1 MB")).collect();
    let mut warm = base.clone();
    let n4 = median(51, 5, || (), |_| {
        for e in &exprs_nbt {
            black_box(numbat_run(&mut warm, e));
        }
    });
    let mut fctx = fend_core::Context::new();
    let f4 = median(51, 5, || (), |_| {
        for e in &exprs_fend {
            black_box(fend_run(&mut fctx, e));
        }
    });
    {
        let m = Model::parse(series_model);
        let r = Report::new(&m, &m.evaluate(&Overrides::new()));
        println!("\n4. 12-month growth series: headroom mem = {}", r.value("mem").map(|v| v.display.text()).unwrap_or_default());
        println!("   month 12: numbat {} / fend {}", numbat_run(&mut base.clone(), &exprs_nbt[11]), fend_run(&mut fend_core::Context::new(), &exprs_fend[11]));
    }
    println!("   headroom {:>10}   numbat {:>10} ({})   fend {:>10} ({})", human(h4), human(n4), ratio(n4, h4), human(f4), ratio(f4, h4));

    // 5. 5,000 successive edits in one session.
    println!("\n5. 5,000 successive edits in one long-lived session (edit i sets sessions = i)");
    let edits = 5000;
    let window = 500;
    let report = |name: &str, times: &[f64], mem_start: isize, mem_end: isize| {
        let med = |xs: &[f64]| {
            let mut v = xs.to_vec();
            v.sort_by(|a, b| a.total_cmp(b));
            v[v.len() / 2]
        };
        let first = med(&times[..window]);
        let last = med(&times[times.len() - window..]);
        println!(
            "   {name:<9} first {window}: {:>10}/edit   last {window}: {:>10}/edit   memory in use: {:.1} KiB -> {:.1} KiB",
            human(first),
            human(last),
            mem_start as f64 / 1024.0,
            mem_end as f64 / 1024.0
        );
    };
    // Headroom: the editor re-parses the changed text and evaluates it; the
    // session keeps the latest model and its result.
    {
        let start = in_use();
        let mut kept: Option<(Model, headroom_core::Evaluation)> = None;
        let mut times = Vec::with_capacity(edits);
        for i in 0..edits {
            let text = HR.replacen("input sessions = 20", &format!("input sessions = {}", i % 1000), 1);
            let t = Instant::now();
            let m = Model::parse(&text);
            let ev = m.evaluate(&Overrides::new());
            kept = Some((m, ev));
            times.push(t.elapsed().as_nanos() as f64);
        }
        black_box(&kept);
        let end = in_use();
        report("headroom", &times, start, end);
    }
    {
        let mut ctx = base.clone();
        let start = in_use();
        let mut times = Vec::with_capacity(edits);
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        for i in 0..edits {
            let text = NBT.replacen("let sessions = 20", &format!("let sessions = {}", i % 1000), 1);
            let t = Instant::now();
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| black_box(numbat_run(&mut ctx, &text))));
            if r.is_err() {
                println!("   numbat    panicked at edit {} of {edits} (its bytecode constant table overflows)", i + 1);
                break;
            }
            times.push(t.elapsed().as_nanos() as f64);
        }
        std::panic::set_hook(hook);
        let end = in_use();
        if times.len() >= 2 * window {
            report("numbat", &times, start, end);
        }
    }
    {
        let mut ctx = fend_core::Context::new();
        let start = in_use();
        let mut times = Vec::with_capacity(edits);
        for i in 0..edits {
            let text = FEND.replacen("sessions = 20", &format!("sessions = {}", i % 1000), 1);
            let t = Instant::now();
            black_box(fend_run(&mut ctx, &text));
            times.push(t.elapsed().as_nanos() as f64);
        }
        let end = in_use();
        report("fend", &times, start, end);
    }
}
