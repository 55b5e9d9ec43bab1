//! What the app keeps in the browser's `localStorage`, as plain text: the
//! list of saved models, each model's text and its input values, and which
//! model was open last. Pure encoding and decoding, tested natively; the
//! reads and writes themselves are in [`crate::browser`].
//!
//! Keys, all under `headroom.`:
//! - `headroom.saved`: one line per saved model, `ID<TAB>NAME`, in list order;
//! - `headroom.current`: the ID of the model the user worked on last (also
//!   in each tab's `sessionStorage`, so that a reload reopens that tab's);
//! - `headroom.model.ID`: the model text, as typed;
//! - `headroom.inputs.ID`: one line per input set away from its default,
//!   `NAME<TAB>VALUE` (`sessions<TAB>40`, `limit<TAB>1 GB`).

/// Key of the saved-model list.
pub const SAVED_KEY: &str = "headroom.saved";
/// Key of the ID of the model worked on last.
pub const CURRENT_KEY: &str = "headroom.current";

/// Key of a saved model's text.
pub fn model_key(id: u32) -> String {
    format!("headroom.model.{id}")
}

/// Key of a saved model's input values.
pub fn inputs_key(id: u32) -> String {
    format!("headroom.inputs.{id}")
}

/// The ID of the saved model a text or inputs key belongs to.
pub fn id_of_key(key: &str) -> Option<u32> {
    key.strip_prefix("headroom.model.").or_else(|| key.strip_prefix("headroom.inputs."))?.parse().ok()
}

/// One saved model in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its ID, unique in this browser.
    pub id: u32,
    /// The name shown in the list and the header.
    pub name: String,
}

/// A saved model as read back: its ID, text and input values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    /// Its ID.
    pub id: u32,
    /// The model text.
    pub source: String,
    /// Input values as text, by input name.
    pub inputs: Vec<(String, String)>,
}

/// Tabs and line breaks would break the line format; names and values are
/// one line of text, so they become spaces.
fn one_line(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// The saved-model list as stored.
pub fn encode_saved(entries: &[Entry]) -> String {
    entries.iter().map(|e| format!("{}\t{}\n", e.id, one_line(&e.name))).collect()
}

/// The saved-model list read back; lines that do not parse are skipped, and
/// a repeated ID keeps its first line.
pub fn decode_saved(text: &str) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for line in text.lines() {
        let Some((id, name)) = line.split_once('\t') else { continue };
        let Ok(id) = id.trim().parse::<u32>() else { continue };
        if out.iter().all(|e| e.id != id) {
            out.push(Entry { id, name: name.to_string() });
        }
    }
    out
}

/// Input values as stored.
pub fn encode_inputs(inputs: &[(String, String)]) -> String {
    inputs.iter().map(|(k, v)| format!("{}\t{}\n", one_line(k), one_line(v))).collect()
}

/// Input values read back; lines without a tab are skipped.
pub fn decode_inputs(text: &str) -> Vec<(String, String)> {
    text.lines().filter_map(|l| l.split_once('\t')).map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// The list made to match the models stored (`stored`: the IDs whose text
/// is kept): a model missing from it (a list the browser refused to write,
/// or damaged) is listed again, named by `name_of` its ID (only those are
/// read), rather than hidden until a new model takes its ID; an entry whose
/// text is gone is dropped. Whether anything changed.
pub fn reconcile(entries: &mut Vec<Entry>, stored: &[u32], name_of: impl Fn(u32) -> String) -> bool {
    let before = entries.len();
    entries.retain(|e| stored.contains(&e.id));
    let mut missing: Vec<u32> = stored.iter().copied().filter(|id| entries.iter().all(|e| e.id != *id)).collect();
    let changed = entries.len() != before || !missing.is_empty();
    // In the order they were made (a browser lists its keys in any order).
    while let Some(i) = (0..missing.len()).min_by_key(|&i| missing[i]) {
        let id = missing.swap_remove(i);
        let name = unique_name(entries, &name_of(id));
        entries.push(Entry { id, name });
    }
    changed
}

/// An ID not used by any entry.
pub fn next_id(entries: &[Entry]) -> u32 {
    entries.iter().map(|e| e.id).max().map_or(1, |m| m.saturating_add(1))
}

/// `name`, or `name (2)`, `name (3)`, ... when the list has it already, so
/// two saved models never read the same.
pub fn unique_name(entries: &[Entry], name: &str) -> String {
    let taken = |n: &str| entries.iter().any(|e| e.name == n);
    if !taken(name) {
        return name.to_string();
    }
    // `Plan (2)` taken: `Plan (3)`, not `Plan (2) (2)`.
    let number = name.strip_suffix(')').map_or(name, |s| s.trim_end_matches(|c: char| c.is_ascii_digit()));
    let base = match number.strip_suffix(" (") {
        Some(base) if number.len() + 1 < name.len() => base,
        _ => name,
    };
    (2..).map(|i| format!("{base} ({i})")).find(|n| !taken(n)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_name_never_repeats_one_in_the_list() {
        let list = [entry(1, "BetCode"), entry(2, "BetCode (2)")];
        assert_eq!(unique_name(&list, "Omniops"), "Omniops");
        assert_eq!(unique_name(&list, "BetCode"), "BetCode (3)");
        assert_eq!(unique_name(&list[..1], "BetCode"), "BetCode (2)");
        // A numbered name taken counts on, not `BetCode (2) (2)`.
        assert_eq!(unique_name(&list, "BetCode (2)"), "BetCode (3)");
        assert_eq!(unique_name(&[entry(1, "Q (x)")], "Q (x)"), "Q (x) (2)");
    }

    fn entry(id: u32, name: &str) -> Entry {
        Entry { id, name: name.into() }
    }

    #[test]
    fn the_saved_list_round_trips() {
        let list = [entry(3, "Web service"), entry(7, "My plan: v2")];
        assert_eq!(decode_saved(&encode_saved(&list)), list);
    }

    #[test]
    fn names_stay_on_one_line() {
        let text = encode_saved(&[entry(1, "a\tb\nc")]);
        assert_eq!(decode_saved(&text), [entry(1, "a b c")]);
    }

    #[test]
    fn damaged_lines_are_skipped() {
        assert_eq!(decode_saved("x\tname\n2\tok\nno tab\n2\tdup\n"), [entry(2, "ok")]);
        assert_eq!(decode_saved(""), []);
    }

    #[test]
    fn inputs_round_trip() {
        let inputs = Vec::from([("sessions".to_string(), "40".to_string()), ("limit".into(), "1 GB".into())]);
        assert_eq!(decode_inputs(&encode_inputs(&inputs)), inputs);
    }

    #[test]
    fn the_list_is_made_to_match_the_models_stored() {
        let texts = [(1, "# Alpha\nx = 1"), (2, "# Beta\n"), (5, "# Alpha\n")];
        let name_of = |id: u32| {
            let text = texts.iter().find(|(i, _)| *i == id).map_or("", |(_, t)| t);
            text.lines().next().unwrap_or("").trim_start_matches("# ").to_string()
        };
        // In the order a browser may list its keys.
        let stored = [5, 1, 2];
        // A list lost: every model comes back, none under the same name.
        let mut list = Vec::new();
        assert!(reconcile(&mut list, &stored, name_of));
        assert_eq!(list, [entry(1, "Alpha"), entry(2, "Beta"), entry(5, "Alpha (2)")]);
        assert_eq!(next_id(&list), 6);
        // A list that names a model whose text is gone, and lacks one.
        let mut list = Vec::from([entry(2, "Mine"), entry(3, "Ghost"), entry(1, "Alpha")]);
        assert!(reconcile(&mut list, &stored[1..], name_of));
        assert_eq!(list, [entry(2, "Mine"), entry(1, "Alpha")]);
        assert!(!reconcile(&mut list, &stored[1..], name_of));
    }

    #[test]
    fn new_ids_follow_the_largest() {
        assert_eq!(next_id(&[]), 1);
        assert_eq!(next_id(&[entry(4, "a"), entry(2, "b")]), 5);
    }
}
