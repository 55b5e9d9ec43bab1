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
pub static ALL: &[Preset] = &[
    Preset {
        name: "wdmaker",
        title: "WDMaker",
        description: "Agent waves generating 568 sites: memory, disk, CPU, time and cost, scaled to 5,000 and 10,000 sites",
        source_doc: Some("WDMaker: Capacity Planning and Scaling Analysis"),
        kind: Kind::Seed,
        source: include_str!("presets/wdmaker.hr"),
    },
    Preset {
        name: "omniops",
        title: "Omniops",
        description: "A chat and scraping SaaS: 12-month growth with churn, Supabase and Redis tiers, scaling triggers, monthly costs",
        source_doc: Some("Omniops: Capacity Planning Guide"),
        kind: Kind::Seed,
        source: include_str!("presets/omniops.hr"),
    },
    Preset {
        name: "mistersmith",
        title: "MisterSmith",
        description: "AWS sizing for an agent platform: ECS services, Aurora ACUs, message queues, auto-scaling and bandwidth",
        source_doc: Some("MisterSmith: Sub-Phase 2.5 Resource Sizing"),
        kind: Kind::Seed,
        source: include_str!("presets/mistersmith.hr"),
    },
    Preset {
        name: "freeagentics",
        title: "FreeAgentics",
        description: "A FastAPI and Next.js production stack: growth scenarios, backend, database and Redis capacity formulas, thresholds",
        source_doc: Some("FreeAgentics: Capacity Planning Runbook"),
        kind: Kind::Seed,
        source: include_str!("presets/freeagentics.hr"),
    },
    Preset {
        name: "betcode",
        title: "BetCode",
        description: "Daemon and relay memory, SQLite growth with compaction, relay scaling, latency and memory budgets",
        source_doc: Some("BetCode: Capacity Planning (v0.1.0-alpha.1)"),
        kind: Kind::Seed,
        source: include_str!("presets/betcode.hr"),
    },
    Preset {
        name: "web-service",
        title: "Web service",
        description: "API instances, database, cache, bandwidth and monthly cost for a request-serving service",
        source_doc: None,
        kind: Kind::Template,
        source: include_str!("presets/web_service.hr"),
    },
    Preset {
        name: "worker-pool",
        title: "Worker pool",
        description: "Workers draining a queue: arrival rate, service time, utilization, backlog and drain time",
        source_doc: None,
        kind: Kind::Template,
        source: include_str!("presets/worker_pool.hr"),
    },
    Preset {
        name: "data-store",
        title: "Data store growth",
        description: "A data store over 24 months with retention and compaction: size, runway and cost",
        source_doc: None,
        kind: Kind::Template,
        source: include_str!("presets/data_store.hr"),
    },
    Preset {
        name: "batch-job",
        title: "Batch job in waves",
        description: "A batch job run in waves of parallel workers: waves, wall time, peak memory and cost",
        source_doc: None,
        kind: Kind::Template,
        source: include_str!("presets/batch_job.hr"),
    },
];

/// The preset called `name`, in any case (`betcode`, `BetCode`), with
/// `_` or a space for a `-` (`web_service`, as its file is named).
pub fn find(name: &str) -> Option<&'static Preset> {
    let same = |p: &str| {
        p.len() == name.len()
            && p.bytes()
                .zip(name.bytes())
                .all(|(a, b)| a == b.to_ascii_lowercase() || (a == b'-' && matches!(b, b'_' | b' ')))
    };
    ALL.iter().find(|p| same(p.name))
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
    fn a_preset_is_found_as_people_write_its_name() {
        for name in ["web-service", "Web-Service", "web_service", "WEB SERVICE"] {
            assert_eq!(find(name).map(|p| p.name), Some("web-service"), "{name}");
        }
        assert!(find("web-servic").is_none() && find("webservice").is_none());
    }

    #[test]
    fn names_are_unique_and_link_safe() {
        for (i, p) in ALL.iter().enumerate() {
            assert!(p.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{}", p.name);
            assert!(ALL[i + 1..].iter().all(|q| q.name != p.name), "{}", p.name);
        }
    }
}
