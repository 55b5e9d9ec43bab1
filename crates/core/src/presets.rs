//! The preset models: one per seed capacity-planning document, each
//! reproducing that document's numbers (and correcting them where the
//! document is wrong, with a comment saying so), plus generic templates a new
//! user starts from. The sources are embedded, so the web app and the CLI
//! share them.

/// What a preset is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A model of a real capacity-planning document.
    Seed,
    /// A generic starting point.
    Template,
}

/// A preset model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Short name used in links and on the command line (`betcode`).
    pub name: &'static str,
    /// Title for the gallery.
    pub title: &'static str,
    /// One line on what it models.
    pub description: &'static str,
    /// The document it reproduces, for seed presets.
    pub source_doc: Option<&'static str>,
    /// Seed or template.
    pub kind: Kind,
    /// The model text.
    pub source: &'static str,
}

/// Every preset, seeds first, in gallery order.
pub static ALL: &[Preset] = &[Preset {
    name: "web-service",
    title: "Web service",
    description: "API instances, database, cache, bandwidth and monthly cost for a request-serving service",
    source_doc: None,
    kind: Kind::Template,
    source: include_str!("presets/web_service.hr"),
}];

/// The preset called `name`.
pub fn find(name: &str) -> Option<&'static Preset> {
    ALL.iter().find(|p| p.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Model, Overrides};

    #[test]
    fn every_preset_evaluates_without_errors() {
        for p in ALL {
            let model = Model::parse(p.source);
            let ev = model.evaluate(&Overrides::new());
            let report = crate::Report::new(&model, &ev);
            let problems: alloc::vec::Vec<_> =
                report.problems.iter().map(|x| x.diagnostic.render(p.source, p.name)).collect();
            assert!(problems.is_empty(), "{}:\n{}", p.name, problems.join("\n"));
        }
    }

    #[test]
    fn names_are_unique_and_link_safe() {
        for (i, p) in ALL.iter().enumerate() {
            assert!(p.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{}", p.name);
            assert!(ALL[i + 1..].iter().all(|q| q.name != p.name), "{}", p.name);
        }
    }
}
