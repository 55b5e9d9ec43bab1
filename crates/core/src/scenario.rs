//! Scenarios in URL fragments.
//!
//! A scenario is a model (its source, or the name of a preset), the values
//! the user set for its inputs, and view options. It travels in the part of
//! a URL after `#`, which browsers never send to a server.
//!
//! Two forms, both `&`-separated `key=value` lists:
//!
//! - **Preset form**, short and readable: `preset=betcode&sessions=40`, with
//!   view options as `view.KEY=value`. Values are percent-encoded only where
//!   they must be (`limit=1%20GB`); a `+` before a unit is read as the space
//!   a form's encoding writes (`limit=1+GB`), and written as `%2B`.
//! - **Packed form** for any model: `v=1&z=DATA`, where DATA is the
//!   base64url of a zlib stream (deflate plus a checksum, so damage and
//!   truncation are detected) of a small binary record: tagged,
//!   length-prefixed fields holding the model source, the inputs and the
//!   view options. `v` is the format version: a link of a newer version is
//!   refused with a message that says so.
//!
//! Decoding is defensive: the fragment length is capped before anything is
//! decoded, and decompression stops at a cap, so a crafted link that would
//! inflate to gigabytes is refused after a few hundred kilobytes of work.

use crate::ast::Slot;
use crate::eval::{Evaluation, Overrides};
use crate::format::FixedUnit;
use crate::limits::MAX_SOURCE;
use crate::report::input_unit;
use crate::Model;
use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;

mod base64;
mod deflate;

/// The packed format version this build writes and reads.
pub const VERSION: u32 = 1;
/// Longest fragment accepted, in characters.
pub const MAX_FRAGMENT: usize = 128 * 1024;
/// Largest unpacked record accepted, in bytes.
pub const MAX_UNPACKED: usize = MAX_SOURCE + 64 * 1024;

/// The model of a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelRef {
    /// A model given by its source.
    Source(String),
    /// A preset, by name.
    Preset(String),
}

/// A model with input values and view options.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// The model.
    pub model: ModelRef,
    /// Input values as text, in model order (`("sessions", "40")`).
    pub inputs: Vec<(String, String)>,
    /// View options (`("open", "relays")`).
    pub view: Vec<(String, String)>,
}

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment is empty.
    Empty,
    /// The fragment is longer than [`MAX_FRAGMENT`].
    TooLong(usize),
    /// It is not a Headroom scenario.
    Foreign,
    /// A packed link of a format this build does not read.
    NewerVersion(String),
    /// The packed data is damaged or cut short.
    Damaged,
    /// The packed data unpacks to more than [`MAX_UNPACKED`] bytes.
    TooLarge,
    /// The link names a preset that does not exist.
    UnknownPreset(String),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => write!(f, "this link holds no scenario"),
            LinkError::TooLong(n) => {
                let count = |n: usize| crate::format::number(n as f64, 15);
                write!(f, "this link is too long ({} characters; at most {})", count(*n), count(MAX_FRAGMENT))
            }
            LinkError::Foreign => write!(f, "this link is not a Headroom scenario"),
            LinkError::NewerVersion(v) => write!(
                f,
                "this link was made by a newer version of Headroom (format {v}); this version reads format {VERSION}"
            ),
            LinkError::Damaged => write!(f, "this link is damaged or cut short: its data does not unpack"),
            LinkError::TooLarge => write!(f, "this link's model is too large once unpacked"),
            LinkError::UnknownPreset(p) => {
                let p = crate::diagnostic::shortened(p, crate::diagnostic::ECHOED);
                write!(f, "this link names a preset `{p}` that does not exist; the presets are")?;
                for (i, preset) in crate::presets::ALL.iter().enumerate() {
                    write!(f, "{} `{}`", if i == 0 { "" } else { "," }, preset.name)?;
                }
                Ok(())
            }
        }
    }
}

impl core::error::Error for LinkError {}

impl Scenario {
    /// The scenario of `model` with `overrides`, as a preset link when
    /// `preset` names the preset whose source the model is.
    pub fn from_model(model: &Model, overrides: &Overrides, preset: Option<&str>) -> Scenario {
        let inputs = input_texts(model, overrides);
        let preset =
            preset.and_then(crate::presets::find).filter(|p| p.source == model.source()).map(|p| p.name.to_string());
        Scenario {
            model: match preset {
                Some(name) => ModelRef::Preset(name),
                None => ModelRef::Source(model.source().to_string()),
            },
            inputs,
            view: Vec::new(),
        }
    }

    /// The model's source text.
    pub fn model_source(&self) -> &str {
        match &self.model {
            ModelRef::Source(s) => s,
            ModelRef::Preset(name) => crate::presets::find(name).map_or("", |p| p.source),
        }
    }

    /// The overrides the scenario sets on `model`, and a message for each
    /// input value that does not fit (unknown input, wrong unit, out of
    /// range); those inputs keep their defaults.
    pub fn overrides(&self, model: &Model) -> (Overrides, Vec<String>) {
        self.overrides_in(model, &model.evaluate(&Overrides::new()))
    }

    /// A message for each input the scenario sets more than once (the
    /// last value is the one used).
    pub fn repeated(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (i, (name, _)) in self.inputs.iter().enumerate() {
            let earlier = self.inputs[..i].iter().any(|(n, _)| n == name);
            let last = self.inputs[i + 1..].iter().rev().find(|(n, _)| n == name);
            if let (false, Some((_, text))) = (earlier, last) {
                let (name, text) = (
                    crate::diagnostic::shortened(name, crate::diagnostic::ECHOED),
                    crate::diagnostic::shortened(text, crate::diagnostic::ECHOED),
                );
                out.push(format!("`{name}` is set more than once; the last value, `{text}`, is used"));
            }
        }
        out
    }

    /// [`Scenario::overrides`], read against `defaults`, the evaluation of
    /// `model` without overrides.
    fn overrides_in(&self, model: &Model, defaults: &Evaluation) -> (Overrides, Vec<String>) {
        let mut o = Overrides::new();
        let mut problems = Vec::new();
        for (name, text) in &self.inputs {
            match crate::report::parse_input_in(model, defaults, name, text) {
                Ok((slot, q)) => o.set(slot, q),
                Err(e) => problems.push(e),
            }
        }
        (o, problems)
    }

    /// The model's source with each input's default replaced by the value
    /// the scenario sets, so the text alone reproduces the scenario's
    /// numbers; and a message for each value that does not fit (that input
    /// keeps its default).
    pub fn source_with_inputs(&self) -> (String, Vec<String>) {
        let src = self.model_source();
        let model = Model::parse(src);
        let defaults = model.evaluate(&Overrides::new());
        let (overrides, problems) = self.overrides_in(&model, &defaults);
        let texts: Vec<(Slot, String)> = override_texts(&model, &defaults, &overrides, value_text).collect();
        let mut out = String::with_capacity(src.len());
        let mut at = 0;
        for stmt in &model.stmts {
            let crate::ast::Stmt::Input { slot, default, .. } = stmt else { continue };
            let Some((_, text)) = texts.iter().find(|(s, _)| s == slot) else { continue };
            let span = default.span;
            out.push_str(src.get(at..span.start as usize).unwrap_or(""));
            out.push_str(text);
            at = span.end as usize;
        }
        out.push_str(src.get(at..).unwrap_or(""));
        (out, problems)
    }

    /// A view option's value.
    pub fn view(&self, key: &str) -> Option<&str> {
        self.view.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// The value of each input changed from its default as a plain number in
/// its own unit (`40`, `1.5`, `12.5`), as [`link_value`] writes it.
pub fn input_texts(model: &Model, overrides: &Overrides) -> Vec<(String, String)> {
    let defaults = model.evaluate(&Overrides::new());
    override_texts(model, &defaults, overrides, link_value)
        .map(|(slot, text)| (model.defs[slot as usize].name.clone(), text))
        .collect()
}

/// Each overridden input with its value written by `write` in the input's
/// own unit ([`value_text`] with the unit, [`link_value`] the number alone);
/// `defaults` is the evaluation of `model` without overrides.
fn override_texts<'a>(
    model: &'a Model,
    defaults: &'a Evaluation,
    overrides: &'a Overrides,
    write: fn(&FixedUnit, f64) -> String,
) -> impl Iterator<Item = (Slot, String)> + 'a {
    // An input set to its default is not a change: links name only the
    // changed ones.
    defaults.inputs.iter().filter_map(move |state| {
        let q = overrides.get(state.slot).filter(|&q| q != state.default)?;
        Some((state.slot, write(&input_unit(model, state.slot, state.default), q.value())))
    })
}

/// The base-unit value `q` as a plain number in `unit` that reads back as
/// `q` (an input reads a plain number in its own unit): what a link
/// writes, `sessions=40` rather than `sessions=40 session`. Back means
/// exactly, or to the next double (one unit in the last place, too little
/// to change any digit a result shows): `0.1 + 0.2` writes `0.3`, not
/// `0.30000000000000004`; `200 / 3` all its digits.
pub fn link_value(unit: &FixedUnit, q: f64) -> String {
    let v = q / unit.factor;
    // As an input reads a plain number back (a percentage from its digits,
    // as `57.7%` is read: 0.577).
    let reads_back = |text: &str| {
        let digits = text.trim_start_matches('-');
        let x = match unit.percent {
            true => crate::decimal::hundredth(digits),
            false => crate::decimal::parse(digits).map(|x| x * unit.factor),
        };
        x.is_some_and(|x| {
            let x = if text.starts_with('-') { -x } else { x };
            x == q || (x.signum() == q.signum() && x.to_bits().abs_diff(q.to_bits()) <= 1)
        })
    };
    (6..=17)
        .map(|digits| crate::format::plain(v, digits))
        .find(|t| reads_back(t))
        .unwrap_or_else(|| crate::format::exact(v))
}

/// The base-unit value `q` as text in `unit`, the number as
/// [`link_value`] writes it: `0.07` as a percentage writes `7%`, not
/// `7.000000000000001%`.
pub fn value_text(unit: &FixedUnit, q: f64) -> String {
    let v = link_value(unit, q);
    if unit.percent {
        format!("{v}%")
    } else if unit.money {
        match v.strip_prefix('-') {
            Some(abs) => format!("-${abs}{}", unit.text),
            None => format!("${v}{}", unit.text),
        }
    } else if unit.text.is_empty() {
        v
    } else if unit.text.starts_with('/') {
        // Only a denominator (`/s`): divide by one of each unit.
        let mut out = v;
        for part in unit.text.split('/').skip(1) {
            out.push_str(&format!(" / 1 {part}"));
        }
        out
    } else {
        format!("{v} {}", unit.text)
    }
}

/// The fragment (without `#`) of a scenario.
pub fn encode(s: &Scenario) -> String {
    match &s.model {
        ModelRef::Preset(name) => {
            let mut out = format!("preset={}", escape(name));
            for (k, v) in &s.inputs {
                out.push_str(&format!("&{}={}", escape(k), escape(v)));
            }
            for (k, v) in &s.view {
                out.push_str(&format!("&view.{}={}", escape(k), escape(v)));
            }
            out
        }
        ModelRef::Source(src) => {
            let mut record = Vec::new();
            put(&mut record, b'M', src.as_bytes());
            for (k, v) in &s.inputs {
                put(&mut record, b'I', pair(k, v).as_bytes());
            }
            for (k, v) in &s.view {
                put(&mut record, b'V', pair(k, v).as_bytes());
            }
            format!("v={VERSION}&z={}", base64::encode(&deflate::compress(&record)))
        }
    }
}

/// Whether [`decode`] opens a fragment of this length: a link to a model
/// too large for it must not be handed out.
pub fn fits(fragment: &str) -> Result<(), LinkError> {
    match fragment.len() {
        n if n > MAX_FRAGMENT => Err(LinkError::TooLong(n)),
        _ => Ok(()),
    }
}

/// The fragment of a scenario, when [`decode`] would open it: neither too
/// long nor holding a model over the size a model may have; else why not.
pub fn link(s: &Scenario) -> Result<String, String> {
    if s.model_source().len() > MAX_SOURCE {
        return Err(format!("the model has more than the {} KiB of text a model may have", MAX_SOURCE / 1024));
    }
    let fragment = encode(s);
    fits(&fragment).map_err(|e| e.to_string())?;
    Ok(fragment)
}

/// Reads a fragment (with or without `#`, or a whole URL).
pub fn decode(fragment: &str) -> Result<Scenario, LinkError> {
    fits(fragment)?;
    let frag = match fragment.find('#') {
        Some(i) => &fragment[i + 1..],
        None => fragment,
    };
    let frag = frag.trim();
    if frag.is_empty() {
        return Err(LinkError::Empty);
    }
    let mut fields = Vec::new();
    for (i, part) in frag.split('&').filter(|p| !p.is_empty()).enumerate() {
        // The first field tells a scenario from another page's fragment; a
        // later one without `=` is an input without a value, told as such.
        let (k, v) = match part.split_once('=') {
            Some(kv) => kv,
            None if i > 0 => (part, ""),
            None => return Err(LinkError::Foreign),
        };
        fields.push((unescape(k), unescape(v)));
    }
    // The form is told by the first field, so that inputs may be called
    // anything (an input named `v` or `z` is still an input). A link written
    // by hand may name its preset later (`#users=300000&preset=web-service`):
    // it is no other form, so its preset comes first.
    let first_is_form = fields.first().is_some_and(|(k, _)| k == "v" || k == "preset");
    if let Some(i) = fields.iter().position(|(k, _)| k == "preset").filter(|_| !first_is_form) {
        let preset = fields.remove(i);
        fields.insert(0, preset);
    }
    let mut fields = fields.into_iter();
    match fields.next() {
        Some((k, v)) if k == "v" => {
            if v != VERSION.to_string() {
                return Err(if v.parse::<u32>().is_ok_and(|n| n > VERSION) {
                    LinkError::NewerVersion(v)
                } else {
                    LinkError::Foreign
                });
            }
            let mut scenario = match fields.next() {
                Some((k, z)) if k == "z" => unpack(&z)?,
                _ => return Err(LinkError::Foreign),
            };
            // Fields after the packed record set inputs and view options on
            // top of it, as in a preset link (an embed may override inputs).
            for (k, v) in fields {
                let list = match k.strip_prefix("view.") {
                    Some(key) => (&mut scenario.view, key.to_string()),
                    None => (&mut scenario.inputs, k),
                };
                match list.0.iter_mut().find(|(name, _)| *name == list.1) {
                    Some(slot) => slot.1 = v,
                    None => list.0.push((list.1, v)),
                }
            }
            Ok(scenario)
        }
        Some((k, preset)) if k == "preset" => {
            // Named as the gallery shows it (`BetCode`) or in any case.
            let Some(found) = crate::presets::find(&preset) else {
                return Err(LinkError::UnknownPreset(preset));
            };
            let preset = String::from(found.name);
            let mut inputs = Vec::new();
            let mut view = Vec::new();
            for (k, v) in fields {
                match k.strip_prefix("view.") {
                    Some(key) => view.push((key.to_string(), v)),
                    None => inputs.push((k, v)),
                }
            }
            Ok(Scenario { model: ModelRef::Preset(preset), inputs, view })
        }
        _ => Err(LinkError::Foreign),
    }
}

fn unpack(z: &str) -> Result<Scenario, LinkError> {
    let packed = base64::decode(z.trim_end_matches('=')).ok_or(LinkError::Damaged)?;
    let record = deflate::decompress(&packed, MAX_UNPACKED).map_err(|e| match e {
        deflate::InflateError::TooLarge => LinkError::TooLarge,
        deflate::InflateError::Damaged => LinkError::Damaged,
    })?;
    let mut model = None;
    let mut inputs = Vec::new();
    let mut view = Vec::new();
    let mut at = 0;
    while at < record.len() {
        let tag = record[at];
        at += 1;
        let len = varint(&record, &mut at).ok_or(LinkError::Damaged)?;
        let end = at.checked_add(len).filter(|&e| e <= record.len()).ok_or(LinkError::Damaged)?;
        let text = core::str::from_utf8(&record[at..end]).map_err(|_| LinkError::Damaged)?;
        at = end;
        match tag {
            b'M' => model = Some(text.to_string()),
            b'I' | b'V' => {
                let (k, v) = text.split_once('\0').ok_or(LinkError::Damaged)?;
                let list = if tag == b'I' { &mut inputs } else { &mut view };
                list.push((k.to_string(), v.to_string()));
            }
            // Fields of later minor versions are skipped, not refused.
            _ => {}
        }
    }
    let model = model.ok_or(LinkError::Damaged)?;
    if model.len() > MAX_SOURCE {
        return Err(LinkError::TooLarge);
    }
    Ok(Scenario { model: ModelRef::Source(model), inputs, view })
}

fn pair(k: &str, v: &str) -> String {
    format!("{k}\0{v}")
}

fn put(out: &mut Vec<u8>, tag: u8, data: &[u8]) {
    out.push(tag);
    let mut n = data.len();
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(b);
            break;
        }
        out.push(b | 0x80);
    }
    out.extend_from_slice(data);
}

fn varint(data: &[u8], at: &mut usize) -> Option<usize> {
    let mut n: usize = 0;
    for shift in (0..35).step_by(7) {
        let b = *data.get(*at)?;
        *at += 1;
        n |= usize::from(b & 0x7f).checked_shl(shift)?;
        if b & 0x80 == 0 {
            return Some(n);
        }
    }
    None
}

/// Percent-encodes what a fragment value cannot hold as is; a `+`, which
/// a form's encoding reads as a space, too.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        let plain = b.is_ascii_alphanumeric() || b"-._~!$'()*,;:@/?".contains(&b);
        if plain {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Percent-decoding as browsers do it: a `%` not followed by two hex
/// digits stays a `%` (`target=40%` typed by hand). A `+` before a unit is
/// the space a form's encoding writes (`16+GiB`); one before a digit is
/// a sign (`1e+5`).
fn unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        // The next character's first byte, decoded.
        let next = escaped(bytes, i + 1).or_else(|| bytes.get(i + 1).copied());
        match (bytes[i], escaped(bytes, i)) {
            (_, Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) if next.is_some_and(|n| n.is_ascii_alphabetic() || n >= 0x80) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    // Escapes that do not spell UTF-8 are left as written.
    String::from_utf8(out).unwrap_or_else(|_| String::from(s))
}

/// The first few of a link's messages, and how many more there are: a
/// link of thousands of bad values is no page of notices.
pub fn said_at_most(mut messages: Vec<String>) -> Vec<String> {
    const MOST: usize = 5;
    if messages.len() > MOST + 1 {
        let more = messages.len() - MOST;
        messages.truncate(MOST);
        messages.push(format!("and {more} more values of this link that are not used"));
    }
    messages
}

/// The byte a `%XX` escape at `i` stands for: `%C2` is 0xC2.
fn escaped(bytes: &[u8], i: usize) -> Option<u8> {
    match bytes.get(i..i + 3) {
        Some([b'%', h @ ..]) if h.iter().all(u8::is_ascii_hexdigit) => {
            core::str::from_utf8(h).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(src: &str) -> Scenario {
        Scenario {
            model: ModelRef::Source(src.into()),
            inputs: Vec::from([("sessions".into(), "40".into()), ("limit".into(), "1 GB".into())]),
            view: Vec::from([("open".into(), "daemon".into())]),
        }
    }

    #[test]
    fn the_source_with_inputs_reproduces_the_scenario() {
        let s = scenario("input sessions = 20 [0 .. 100] # ok\ninput limit = 512 MB\nx = sessions * limit\n");
        let (src, problems) = s.source_with_inputs();
        assert_eq!(src, "input sessions = 40 [0 .. 100] # ok\ninput limit = 1000 MB\nx = sessions * limit\n");
        assert!(problems.is_empty());
        let mut bad = scenario("input sessions = 20 [0 .. 30]\n");
        bad.inputs.truncate(1);
        let (src, problems) = bad.source_with_inputs();
        assert_eq!(src, "input sessions = 20 [0 .. 30]\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn packed_links_round_trip() {
        let s = scenario("input sessions = 20\nx = sessions * 2 # ünïcode & = #\n");
        let frag = encode(&s);
        assert!(frag.starts_with("v=1&z="));
        assert_eq!(decode(&frag), Ok(s.clone()));
        assert_eq!(decode(&format!("https://example.org/app/#{frag}")), Ok(s.clone()));
        // Fields after the record override its inputs, as in a preset link.
        let more = decode(&format!("{frag}&sessions=90&extra=1&view.open=x")).unwrap();
        assert_eq!(more.model, s.model);
        assert_eq!(more.view("open"), Some("x"));
        let sessions = more.inputs.iter().find(|(n, _)| n == "sessions").map(|(_, v)| v.as_str());
        assert_eq!(sessions, Some("90"));
        assert!(more.inputs.iter().any(|(n, v)| n == "extra" && v == "1"));
    }

    #[test]
    fn a_typical_forty_line_model_makes_a_link_under_2000_characters() {
        let model: String =
            crate::presets::find("web-service").unwrap().source.lines().take(40).map(|l| format!("{l}\n")).collect();
        let s = Scenario {
            model: ModelRef::Source(model.clone()),
            inputs: Vec::from([("users".into(), "250000 user".into())]),
            view: Vec::new(),
        };
        let frag = encode(&s);
        assert!(frag.len() < 2000, "{} characters for {} bytes of model", frag.len(), model.len());
    }

    #[test]
    fn links_name_only_the_inputs_changed_from_their_defaults() {
        let preset = crate::presets::find("betcode").unwrap();
        let model = Model::parse(preset.source);
        let mut overrides = Overrides::new();
        let slot = model.input("sessions").unwrap();
        let default = model.evaluate(&Overrides::new()).inputs.iter().find(|i| i.slot == slot).unwrap().default;
        overrides.set(slot, default);
        assert_eq!(encode(&Scenario::from_model(&model, &overrides, Some("betcode"))), "preset=betcode");
        overrides.set(slot, crate::Quantity::new(default.value() * 2.0, default.dim()).unwrap());
        let frag = encode(&Scenario::from_model(&model, &overrides, Some("betcode")));
        assert!(frag.starts_with("preset=betcode&sessions="), "{frag}");
    }

    #[test]
    fn preset_links_are_short_and_readable() {
        let name = crate::presets::ALL[0].name;
        let s = Scenario {
            model: ModelRef::Preset(name.into()),
            inputs: Vec::from([("limit".into(), "1 GB".into()), ("cost".into(), "$30/month".into())]),
            view: Vec::new(),
        };
        let frag = encode(&s);
        assert_eq!(frag, format!("preset={name}&limit=1%20GB&cost=$30/month"));
        assert_eq!(decode(&frag), Ok(s));
        // A preset named as the gallery shows it is the same preset.
        let shouted = decode(&format!("preset={}", name.to_ascii_uppercase())).unwrap();
        assert_eq!(shouted.model, ModelRef::Preset(name.into()));
    }

    #[test]
    fn hand_written_links_decode_as_browsers_do() {
        // A `%` typed by hand, a bad escape and a field without a value
        // spoil only their own value, not the link.
        let s = decode("preset=web-service&target_utilization=40%&spares=%ZZ&users&limit=1%20GB").unwrap();
        let inputs: Vec<(&str, &str)> = s.inputs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(inputs, [("target_utilization", "40%"), ("spares", "%ZZ"), ("users", ""), ("limit", "1 GB")]);
        assert_eq!(unescape("caf%C3%A9%2"), "café%2");
        assert_eq!(unescape("%+1"), "%+1");
        // A link of many bad values says a few, with the rest counted, and
        // echoes no page-long value.
        let many: Vec<String> = (0..20).map(|i| format!("m{i}")).collect();
        let said = said_at_most(many);
        assert_eq!(said.len(), 6);
        assert_eq!(said[5], "and 15 more values of this link that are not used");
        assert_eq!(said_at_most(Vec::from([String::from("a")])), ["a"]);
        let model = Model::parse("input users = 5\n");
        let long = "1".repeat(1000);
        let e = crate::report::parse_input(&model, "users", &long).unwrap_err();
        assert!(e.len() < 200, "{e}");
        let e = crate::report::parse_input(&model, "users", &format!("abc{long}")).unwrap_err();
        assert!(e.chars().count() < 250, "{e}");
        // As a form encodes a space, and a sign.
        assert_eq!(unescape("16+GiB"), "16 GiB");
        assert_eq!(unescape("30+%C2%B5s"), "30 µs");
        assert_eq!(unescape("1e+5"), "1e+5");
        assert_eq!(unescape("1%2BGB"), "1+GB");
    }

    #[test]
    fn an_input_set_twice_is_told() {
        // The preset named after an input, as a hand-written link may.
        let late = decode("sessions=40&preset=betcode&limit=1%20GB").unwrap();
        assert_eq!(late.model, ModelRef::Preset("betcode".into()));
        assert_eq!(
            late.inputs,
            [("sessions".to_string(), "40".to_string()), ("limit".to_string(), "1 GB".to_string())]
        );
        let s = decode("preset=betcode&sessions=40&limit=1&sessions=50").unwrap();
        assert_eq!(s.repeated(), ["`sessions` is set more than once; the last value, `50`, is used"]);
        assert!(decode("preset=betcode&sessions=40").unwrap().repeated().is_empty());
    }

    #[test]
    fn bad_links_say_why() {
        assert_eq!(decode(""), Err(LinkError::Empty));
        assert_eq!(decode("#"), Err(LinkError::Empty));
        assert_eq!(decode("section-2"), Err(LinkError::Foreign));
        assert_eq!(decode("preset=nope"), Err(LinkError::UnknownPreset("nope".into())));
        assert_eq!(decode("v=2&z=AAAA"), Err(LinkError::NewerVersion("2".into())));
        assert_eq!(decode("z=AAAA&v=1"), Err(LinkError::Foreign));
        let frag = encode(&scenario("x = 1\n".repeat(50).as_str()));
        let cut = &frag[..frag.len() - 6];
        assert_eq!(decode(cut), Err(LinkError::Damaged));
        let mut flipped = frag.clone().into_bytes();
        let last = flipped.len() - 3;
        flipped[last] = if flipped[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(decode(core::str::from_utf8(&flipped).unwrap()), Err(LinkError::Damaged));
        assert!(matches!(decode(&"a".repeat(MAX_FRAGMENT + 1)), Err(LinkError::TooLong(_))));
    }

    #[test]
    fn a_compression_bomb_is_refused() {
        // 8 MB of zeros packs into about 60 kB; unpacking stops at the cap.
        let bomb = deflate::compress(&alloc::vec![0u8; 8 << 20]);
        let frag = format!("v=1&z={}", base64::encode(&bomb));
        assert!(frag.len() < MAX_FRAGMENT, "{}", frag.len());
        assert_eq!(decode(&frag), Err(LinkError::TooLarge));
    }

    #[test]
    fn value_texts_read_back() {
        let pct = FixedUnit::percent();
        assert_eq!(value_text(&pct, 0.125), "12.5%");
        assert_eq!(value_text(&pct, 0.07), "7%");
        let units = crate::units::UnitTable::default();
        let gb = FixedUnit {
            text: "GB".into(),
            factor: 1e9,
            dim: crate::units::Dim::base(0),
            money: false,
            percent: false,
            cancels: false,
        };
        // Float noise stays out of links (`0.1 + 0.2` GB writes `0.3 GB`).
        assert_eq!(value_text(&gb, (0.1 + 0.2) * 1e9), "0.3 GB");
        let gib = FixedUnit { text: "GiB".into(), factor: 1073741824.0, ..gb.clone() };
        assert_eq!(value_text(&gib, 0.2 * 1073741824.0), "0.2 GiB");
        let mb = FixedUnit { text: "MB".into(), factor: 1e6, ..gb.clone() };
        assert_eq!(value_text(&mb, 0.2 * 1073741824.0), "214.7483648 MB");
        let month = FixedUnit { text: "/month".into(), factor: 1.0 / 2629746.0, ..gb.clone() };
        assert_eq!(link_value(&month, 1.0 / 86400.0), "30.436875");
        // A value that needs every digit keeps them.
        assert_eq!(link_value(&gb, 1.0 / 3.0 * 1e9), "0.3333333333333333");
        let one = FixedUnit { text: String::new(), factor: 1.0, ..gb.clone() };
        assert_eq!(link_value(&one, 200.0 / 3.0), "66.66666666666667");
        // A link's plain number reads back in the input's own unit.
        assert_eq!(link_value(&pct, 9.457 / 100.0), "9.457");
        // A percentage typed as 57.7 is 0.577, and its link says 57.7.
        assert_eq!(link_value(&pct, 0.577), "57.7");
        assert_eq!(link_value(&pct, 0.333), "33.3");
        for (unit, q) in [(&gb, (0.1 + 0.2) * 1e9), (&pct, 0.07), (&pct, 0.125), (&pct, 0.09457), (&pct, 0.577)] {
            let text = link_value(unit, q);
            assert!(!text.contains(['%', 'G']), "{text}");
            let back = crate::parser::parse_quantity(&text, &units, unit).unwrap().value();
            assert!(back.to_bits().abs_diff(q.to_bits()) <= 1, "{text}");
        }
    }
}
