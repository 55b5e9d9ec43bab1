//! BetCode, "Capacity Planning": every number of the document.

use super::run;

#[test]
fn daemon_memory_example() {
    // "20 sessions, 50 clients, 5 subprocesses
    //  = 50 + (20 * 5) + (50 * 1) + (5 * 20) = 50 + 100 + 50 + 100 = 300 MB"
    run("betcode", &[])
        .is("daemon_base", "50 MB")
        .is("session_memory", "100 MB")
        .is("client_memory", "50 MB")
        .is("subprocess_memory", "100 MB")
        .is("daemon", "300 MB")
        .shows("daemon", "300 MB");
}

#[test]
fn daemon_memory_follows_its_inputs() {
    run("betcode", &[("sessions", "40"), ("daemon_clients", "100"), ("subprocesses", "10")])
        .is("daemon", "550 MB")
        .check("Memory", "crit");
}

#[test]
fn relay_memory_example() {
    // "5000 tunnels, 20000 clients, 10000 buffered messages
    //  = 100 + 250 + 400 + 100 = 850 MB"
    run("betcode", &[])
        .is("relay_base", "100 MB")
        .is("tunnel_memory", "250 MB")
        .is("relay_client_memory", "400 MB")
        .is("buffer_memory", "100 MB")
        .is("relay", "850 MB")
        .shows("relay", "850 MB");
}

#[test]
fn sqlite_growth_example() {
    // "daily_growth = sessions * 200 * 5 KB * 8 = sessions * 8 MB"
    // "monthly_growth = daily * 22 workdays = sessions * 176 MB"
    // "10 active sessions: Monthly growth: 10 * 176 MB = 1.76 GB (before compaction)"
    run("betcode", &[])
        .is("daily_per_session", "8 MB/session/day")
        .is("monthly_per_session", "176 MB/session/month")
        .is("daily_growth", "80 MB/day")
        .is("monthly_growth", "1.76 GB/month")
        .shows("monthly_growth", "1.76 GB/month");
}

#[test]
fn compaction_keeps_thirty_percent() {
    // "post_compaction = pre_compaction * 0.3" (compaction removes 60-80%).
    run("betcode", &[])
        .is("compacted_growth", "528 MB/month")
        .at("sqlite_size", 0, "528 MB", 0.0)
        .at("sqlite_size", 11, "6.336 GB", 0.0)
        .check("SQLite size over 12 months", "ok");
    // The ends of the 60-80% range.
    run("betcode", &[("compaction", "60")]).is("compacted_growth", "704 MB/month");
    run("betcode", &[("compaction", "80")]).is("compacted_growth", "352 MB/month");
}

#[test]
fn sqlite_runway() {
    run("betcode", &[("storage_sessions", "20")])
        .is("monthly_growth", "3.52 GB/month")
        .is("sqlite_warn_month", "7")
        .check("SQLite size over 12 months", "crit");
}

#[test]
fn relay_scaling_example() {
    // "25000 tunnels, 80000 clients, 150000 rps
    //  = max(ceil(2.5), ceil(1.6), ceil(1.5)) = 3 instances"
    run("betcode", &[])
        .is("relays", "3")
        // Not in the document: at 3 relays the fleet is at 83% of its tunnel
        // capacity, past the 70% warning; 4 relays stay under it.
        .is("relays_under_tunnel_warning", "4")
        .check("Tunnels", "warn");
}

#[test]
fn relay_scaling_is_bound_by_the_largest_ratio() {
    run("betcode", &[("tunnels", "5000"), ("clients", "20000"), ("rps", "50000")]).is("relays", "1");
    run("betcode", &[("tunnels", "5000"), ("clients", "260000"), ("rps", "50000")]).is("relays", "6");
    run("betcode", &[("tunnels", "5000"), ("clients", "20000"), ("rps", "1000000")]).is("relays", "10");
    // Exactly on a boundary does not add an instance.
    run("betcode", &[("tunnels", "30000"), ("clients", "20000"), ("rps", "50000")])
        .is("relays", "3")
        .check("Tunnels", "crit");
}

#[test]
fn vertical_scaling_guide() {
    // | 1-10 | 2 CPU, 2 GB RAM | Not needed (local only) |
    run("betcode", &[("users", "5")])
        .shows("spec", "1-10")
        .is("daemon_cpu", "2 CPU")
        .is("daemon_ram", "2 GB")
        .is("min_relays", "0");
    // 10 is in both 1-10 and 10-100; the first row wins (en dashes in the names).
    run("betcode", &[("users", "10")]).shows("spec", "1-10");
    // | 10-100 | 4 CPU, 4 GB RAM | 2 CPU, 2 GB RAM |
    run("betcode", &[])
        .shows("spec", "10-100")
        .is("daemon_cpu", "4 CPU")
        .is("daemon_ram", "4 GB")
        .is("min_relays", "1");
    // | 100-1000 | 8 CPU, 8 GB RAM | 4 CPU, 4 GB RAM |
    run("betcode", &[("users", "500")]).shows("spec", "100-1000").is("daemon_cpu", "8 CPU").is("daemon_ram", "8 GB");
    // | 1000+ | Multiple machines | 3+ instances, 8 CPU each |
    run("betcode", &[("users", "5000")])
        .shows("spec", "1000+")
        .shows("daemon_cpu", "Multiple machines")
        .is("min_relays", "3");
}

#[test]
fn latency_budget() {
    // "Latency Budget (200ms P95 total)": 20 + 2 * 40 + 10 + 50 + 40 = 200 ms.
    run("betcode", &[]).is("latency_total", "200 ms").check("Latency budget within the P95 target", "pass");
    run("betcode", &[("p95_target", "150 ms")]).check("Latency budget within the P95 target", "fail");
}

#[test]
fn memory_budget() {
    // "Memory Budget (512 MB daemon default)": 50 + 100 + 50 + 100 + 100 + 112 = 512 MB.
    run("betcode", &[])
        .is("daemon_limit", "512 MB")
        .is("daemon_used", "400 MB")
        .is("budget_headroom", "112 MB")
        // The budget's own headroom (112 MB, 21.9%) leaves the daemon at 78%
        // of its limit, past the document's 70% memory warning.
        .check("Memory", "warn");
}

#[test]
fn scaling_thresholds() {
    run("betcode", &[]).check("Sessions", "ok").check("CPU", "ok").check("Buffer size", "ok");
    // Sessions: 80% / 95% of max.
    run("betcode", &[("sessions", "40")]).check("Sessions", "warn");
    run("betcode", &[("sessions", "48")]).check("Sessions", "crit");
    // CPU: 70% / 90% sustained.
    run("betcode", &[("cpu_sustained", "75")]).check("CPU", "warn");
    run("betcode", &[("cpu_sustained", "90")]).check("CPU", "crit");
    // Buffer size: 70% / 90% of capacity.
    run("betcode", &[("buffered", "35000")]).check("Buffer size", "warn");
    run("betcode", &[("buffered", "45000")]).check("Buffer size", "crit");
    // Memory: 70% / 85% of the limit.
    run("betcode", &[("sqlite_cache", "0 MB")]).check("Memory", "ok");
    run("betcode", &[("daemon_limit", "450 MB")]).check("Memory", "crit");
}
