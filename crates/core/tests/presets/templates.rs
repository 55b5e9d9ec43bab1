//! The generic templates: a few values computed by hand for each, and inputs
//! moving the results the right way.

use super::run;

#[test]
fn worker_pool_by_hand() {
    let r = run("worker-pool", &[]);
    // 60 workers at 20 s a job serve 180 jobs a minute; 120 arrive: 66.7% busy.
    r.is("worker_rate", "3 job/min/worker").is("capacity", "180 job/min").approx("utilization", "66.6667%", 1e-6);
    // Little's law: 120 jobs/min x 20 s = 40 jobs in service; 300 waiting / 120 per minute = 2.5 min.
    r.is("busy_workers", "40 worker").is("queue_time", "2.5 min").approx("time_in_system", "2.8333 min", 1e-4);
    // 70% at average load needs ceil(120 / (3 x 0.7)) = 58 workers.
    r.is("workers_needed", "58 worker").check("Utilization at average load", "ok");
    // 1,000 waiting drain at 180 - 120 = 60 a minute: 16.7 minutes.
    r.is("net_drain", "60 job/min").approx("drain_time", "16.6667 min", 1e-5);
    // The peak adds (240 - 180) x 60 min = 3,600 jobs; 4,600 at 180 a minute is a 25.6-minute wait,
    // and the queue is empty again 76.7 minutes after the peak (the 140-minute step).
    r.is("worst_backlog", "4600 job")
        .approx("worst_wait", "25.5556 min", 1e-5)
        .is("queue_empty_at", "140 min")
        .at("backlog_then", 12, "4600 job", 0.0)
        .at("backlog_then", 28, "0 job", 0.0)
        .check("Worst wait through the peak", "warn")
        .check("Queue empties within 4 hours", "pass");
    // 60 workers at $0.04/h: $2.40 an hour for 7,200 jobs.
    r.approx("cost_per_1000_jobs", "$0.3333333", 1e-6);
}

#[test]
fn worker_pool_moves_the_right_way() {
    // More workers: lower utilization, a shorter worst wait.
    let more = run("worker-pool", &[("workers", "90")]);
    more.approx("utilization", "44.4444%", 1e-5).approx("worst_wait", "3.7037 min", 1e-4);
    more.check("Worst wait through the peak", "ok");
    // A longer peak piles up more.
    run("worker-pool", &[("peak_duration", "2 h")]).is("worst_backlog", "8200 job");
    // Fewer workers than the average load needs: the queue never drains.
    run("worker-pool", &[("workers", "30")])
        .shows("drain_time", "never: arrivals exceed capacity")
        .shows("queue_empty_at", "never")
        .check("Utilization at average load", "crit")
        .check("Queue empties within 4 hours", "fail");
}

#[test]
fn data_store_by_hand() {
    let r = run("data-store", &[]);
    // 3 replicas x 1.1 for indexes / 2.5 compaction = 1.32 stored bytes per raw byte.
    r.approx("stored_per_raw", "1.32", 1e-12).is("daily_stored", "264 GB/day");
    // A full year at today's rate: 264 GB x 365 = 96.36 TB, 16 nodes of 8 TB at 80%.
    r.is("steady_size", "96.36 TB").is("nodes_for_steady_size", "16").check("Disk fill at today's rate", "ok");
    // Month 1: 200 GB x 1.04 x 1.32 x one month (30.44 days) = 8.36 TB.
    r.at("size_then", 0, "8356.75 GB", 1e-6);
    // Month 13: 200 GB x 1.04^13 x 1.32 x 365 days = 160.4 TB, past the 160 TB usable.
    r.at("size_then", 12, "160.446 TB", 1e-5).is("full_month", "13");
    r.check("Fits the planned fill for 24 months", "fail").check("Disk fill in 24 months", "crit");
    r.approx("cost_now", "$668.54/month", 1e-5).is("cost_per_raw_tb", "$105.60/month");
}

#[test]
fn data_store_moves_the_right_way() {
    // More nodes push the crossing later; better compaction pushes it past 24 months.
    run("data-store", &[("nodes", "30")]).is("full_month", "18");
    run("data-store", &[("compaction_ratio", "4")]).shows("full_month", "never");
    // A store already past its window with flat ingest stays at the steady size.
    let flat = run("data-store", &[("age", "24"), ("ingest_growth", "0%")]);
    flat.at("size_then", 0, "96.36 TB", 1e-9).at("size_then", 23, "96.36 TB", 1e-9);
    flat.check("Fits the planned fill for 24 months", "pass");
    // Shorter retention keeps less.
    run("data-store", &[("retention", "90 day")]).is("steady_size", "23.76 TB");
}

#[test]
fn batch_job_by_hand() {
    let r = run("batch-job", &[]);
    // 2,000 items in waves of 50: 40 waves of 13 minutes, 8.67 hours.
    r.is("waves", "40")
        .is("wave_time", "13 min")
        .is("wall_time", "520 min")
        .check("Wall time within the deadline", "ok");
    // 4 GB + 50 x 1.5 GB; 50 cores.
    r.is("peak_memory", "79 GB").is("peak_cores", "50 core");
    // A 64 GB, 16-core machine holds min(60 / 1.5, 16) = 16 workers: 4 machines.
    r.is("workers_per_machine", "16 worker").is("machines", "4");
    // 4 machines x $0.68 x 8.67 h
    r.approx("cost", "$23.5733", 1e-5).approx("cost_per_1000_items", "$11.7867", 1e-5);
    // The smallest wave that meets 12 hours: 40 workers (50 waves, 10.8 h); 35 take 12.6 h.
    r.is("smallest_wave_in_time", "40 worker").at("wall_time_option", 6, "754 min", 0.0);
}

#[test]
fn batch_job_moves_the_right_way() {
    // A partial last wave: 2,010 items take 41 waves, the last with 10 items.
    run("batch-job", &[("items", "2010")])
        .is("waves", "41")
        .is("last_wave_items", "10 item")
        .approx("slot_use", "98.0488%", 1e-5);
    // Twice the workers: half the waves, more machines.
    run("batch-job", &[("workers_per_wave", "100")]).is("waves", "20").is("machines", "7").is("wall_time", "260 min");
    // A tighter deadline goes critical; more memory per worker packs fewer per machine.
    run("batch-job", &[("deadline", "8 h")]).check("Wall time within the deadline", "crit");
    run("batch-job", &[("memory_per_worker", "6 GB/worker")])
        .is("workers_per_machine", "10 worker")
        .is("machines", "5");
}
