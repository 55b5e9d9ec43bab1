//! Omniops, "Capacity Planning Guide": every number of the document, section
//! by section.

use super::run;

#[test]
fn current_capacity_metrics() {
    // The utilization column: "10%" everywhere but connections (20%) and Redis memory (25%).
    let r = run("omniops", &[]);
    for value in [
        "db_size_use",
        "api_request_use",
        "chat_session_use",
        "scraping_job_use",
        "redis_connection_use",
        "embeddings_use",
        "vector_search_use",
        "bandwidth_use",
    ] {
        r.is(value, "10%");
    }
    r.is("db_connection_use", "20%").is("redis_memory_use", "25%");
    // Decimal units: 500 MB of 2 GiB would be 23.3%.
    run("omniops", &[("redis_memory_max", "2 GiB")]).approx("redis_memory_use", "23.28%", 0.001);
}

#[test]
fn growth_scenarios() {
    let r = run("omniops", &[]);
    // Conservative, moderate and aggressive after 12 months: 1.05^12, 1.17^12, 1.4^12 times 100.
    r.at("users_12_by_scenario", 0, "179.586 user", 1e-5).at("users_12_by_scenario", 1, "658.007 user", 1e-5).at(
        "users_12_by_scenario",
        2,
        "5669.391 user",
        1e-6,
    );
    r.at("daily_requests_12_by_scenario", 2, "37795.94 req/day", 1e-6).at("db_12_by_scenario", 2, "566.939 GB", 1e-5);
    // Month 0: the 10 GB database and 500 a day (the chat sessions); Redis 1 GB against the measured 500 MB.
    r.is("requests_at_start", "500 req/day").is("db_at_start", "10 GB").is("redis_at_start", "1 GB");
}

#[test]
fn twelve_month_projection() {
    let r = run("omniops", &[]);
    // (index, month, users, daily requests, DB size in MB, Redis in MB) as the script computes them.
    let rows = [
        // Month 1: "117 | 585 | 11.7GB | 1.2GB"
        (0, "117", "585", "11700", "1170"),
        // Month 2: "137 | 685 | 13.7GB | 1.4GB"; the script's daily requests are round(136.89 x 5) = 684.
        (1, "137", "684", "13689", "1369"),
        // Month 3: "160 | 800 | 16.0GB | 1.6GB"; round(160.161 x 5) = 801.
        (2, "160", "801", "16016", "1602"),
        // Month 4: the document says "188 | 940 | 18.8GB | 1.9GB"; 100 x 1.17^4 = 187.4.
        (3, "187", "937", "18739", "1874"),
        // Month 6: "257 | 1,285 | 25.7GB | 2.6GB"; round(256.516 x 5) = 1,283.
        (5, "257", "1283", "25652", "2565"),
        // Month 9: the document says "413 | 2,065 | 41.3GB | 4.1GB"; 100 x 1.17^9 = 410.8.
        (8, "411", "2054", "41084", "4108"),
        // Month 12: the document says "664 | 3,320 | 66.4GB | 6.6GB"; 100 x 1.17^12 = 658.0.
        (11, "658", "3290", "65801", "6580"),
    ];
    for (i, users, daily, db_mb, redis_mb) in rows {
        r.at("users_rounded", i, &format!("{users} user"), 0.0)
            .at("daily_requests", i, &format!("{daily} req/day"), 0.0)
            .at("db_size", i, &format!("{db_mb} MB"), 0.0)
            .at("redis_memory", i, &format!("{redis_mb} MB"), 0.0);
    }
    // The printed table's users are off by 1, 2 and 6 at months 4, 9 and 12.
    r.at("doc_users_off_by", 3, "1 user", 0.0).at("doc_users_off_by", 5, "2 user", 0.0).at(
        "doc_users_off_by",
        6,
        "6 user",
        0.0,
    );
    // Its monthly cost per user: $299 / 117 ... $1,299 / 664, under the $3 KPI.
    r.at("doc_cost_per_user", 0, "$2.5556/user/month", 1e-4)
        .at("doc_cost_per_user", 6, "$1.9563/user/month", 1e-4)
        .check("Cost per user in the projection table", "warn");
}

#[test]
fn scaling_triggers_and_decision_matrix() {
    let r = run("omniops", &[]);
    r.check("Database storage (upgrade tier at 75%)", "ok")
        .check("Database connections (upgrade tier at 80%)", "ok")
        .check("Redis memory (add node at 80%)", "ok")
        .check("Redis connections (add node at 90%)", "ok")
        .check("API p95 (scale out at 1,000 ms)", "ok")
        .check("Embeddings query p95 (optimize index at 500 ms)", "ok")
        .check("Embeddings index (optimize index at 10 GB)", "ok");
    // The measured p95 of 400 ms is in the matrix's yellow band (200-500 ms).
    r.check("Response time p95 (optimize/scale; yellow from 200 ms, red at 500 ms)", "warn")
        .check("DB connections (pool expansion)", "ok")
        .check("CPU usage (scale up)", "ok");
    run("omniops", &[("api_p95", "150 ms")])
        .check("Response time p95 (optimize/scale; yellow from 200 ms, red at 500 ms)", "ok");
    run("omniops", &[("api_p95", "600 ms")])
        .check("Response time p95 (optimize/scale; yellow from 200 ms, red at 500 ms)", "crit");
    // Past each trigger the action is due.
    run("omniops", &[("db_size_now", "80 GB"), ("redis_memory_now", "1.7 GB"), ("app_cpu", "60%")])
        .check("Database storage (upgrade tier at 75%)", "crit")
        .check("Redis memory (add node at 80%)", "crit")
        .check("CPU usage (scale up)", "warn");
    run("omniops", &[("queue_depth", "500"), ("error_rate", "1.5%")])
        .check("Queue depth (add workers; yellow from 100, red at 1,000)", "warn")
        .check("Error rate (investigate; yellow from 0.1%, red at 1%)", "crit")
        .check("API errors (scale out at 2%)", "ok");
}

#[test]
fn supabase_tiers() {
    let r = run("omniops", &[]);
    // The current 10 GB is past Pro's 8 GB: with the 75% storage trigger it needs Pro+.
    r.shows("supabase_now", "Pro+");
    // By storage the whole moderate year fits Pro+; by "When to use" it is Pro (<1,000 users).
    r.shows("supabase_by_storage", "Pro+, Pro+, Pro+, Pro+, Pro+, Pro+, Pro+, Pro+, Pro+, Pro+, Pro+, Pro+")
        .shows("supabase_by_users", "Pro, Pro, Pro, Pro, Pro, Pro, Pro, Pro, Pro, Pro, Pro, Pro");
    // "Partitioning large tables (when >100GB)": not within the year.
    r.shows("partition_month", "never");
    // The aggressive scenario passes 100 GB in month 7 and needs Enterprise by month 11.
    let aggressive = run("omniops", &[("growth", "50%"), ("churn", "10%"), ("requests_per_user", "200")]);
    aggressive
        .is("partition_month", "7")
        .shows("supabase_month_12", "Enterprise")
        .shows("supabase_price_month_12", "Custom");
}

#[test]
fn connection_pool() {
    let r = run("omniops", &[]);
    // "threshold: 180  # 90% of 200"
    r.is("connection_alert", "180 connection").is("peak_pool_connections", "50 connection");
    r.check("Peak pool vs the 180-connection alert", "ok").check("DB connections (alert: expand pool at 180)", "ok");
    // Scaled to 3 app instances (the auto-scale script), 150 connections at the peak
    // maximum exceed the baseline's 100-connection pool.
    run("omniops", &[("app_instances", "3")])
        .is("peak_pool_connections", "150 connection")
        .check("Peak pool vs the 180-connection alert", "warn")
        .check("Peak pool vs the database pool", "crit");
}

#[test]
fn redis_scaling() {
    let r = run("omniops", &[]);
    // "memory_usage: 1.6GB  # 80% of 2GB"
    r.is("redis_memory_trigger", "1.6 GB");
    // The projected cache passes 1.6 GB in month 3 (1,602 MB).
    r.is("redis_trigger_month", "3");
    // Step 1 (4 GB) at month 6; at month 12, 6.58 GB is past 80% of step 2's 8 GB.
    r.shows("redis_step", "Current (cost table), Current (cost table), Step 1, Step 1, Step 1, Step 1, Step 1, Step 2, Step 2, Step 2, Step 2, Step 3");
    // TTLs "300 // 5 minutes", "3600 // 1 hour", "86400 // 1 day"
    r.at("cache_ttl", 0, "5 min", 0.0).at("cache_ttl", 1, "1 h", 0.0).at("cache_ttl", 2, "1 day", 0.0);
}

#[test]
fn rate_limits() {
    let r = run("omniops", &[]);
    // The daily limit binds: 10,000, 100,000 and 1,000,000 a day.
    r.at("sustained_rate", 0, "10000 req/day", 1e-9).at("sustained_rate", 1, "100000 req/day", 1e-9).at(
        "sustained_rate",
        2,
        "1000000 req/day",
        1e-9,
    );
    r.at("dynamic_per_minute", 1, "300 req/min", 0.0);
    // getDynamicLimit: floor(base x 0.75) above 60% load, floor(base x 0.5) above 80%.
    run("omniops", &[("system_load", "70%")])
        .at("dynamic_per_minute", 0, "45 req/min", 0.0)
        .at("dynamic_per_minute", 1, "225 req/min", 0.0)
        .at("dynamic_per_minute", 2, "750 req/min", 0.0);
    run("omniops", &[("system_load", "90%")]).at("dynamic_per_minute", 0, "30 req/min", 0.0);
    // Vercel: 60 per 60 s is the free tier's 60 per minute.
    r.is("gateway_rate", "60 req/min").check("Gateway limit matches the free tier", "pass");
    r.is("longest_reply", "1500 token");
}

#[test]
fn cost_projections() {
    let r = run("omniops", &[]);
    // "Total | $180 | $795 | $3,169"
    r.is("cost_now", "$180/month").is("cost_month_6", "$795/month").is("cost_month_12", "$3169/month");
    // Supabase "$125" at 6 months; the document says "$599" (Team) at 12 months, but
    // 65.8 GB fits Pro+ under the 75% trigger.
    r.shows("supabase_month_6", "Pro+").is("supabase_price_month_6", "$125/month");
    r.shows("supabase_month_12", "Pro+").is("supabase_price_month_12", "$125/month");
    // Redis "$40" at 6 months; the document says "$120" at 12 months, but 6.58 GB is
    // past 80% of 8 GB, so the trigger calls for the $360 cluster.
    r.is("redis_price_month_6", "$40/month").is("redis_price_month_12", "$360/month");
    // Cost per user against the "<$3" KPI: $1.80 now, $3.10 and $4.82 later.
    r.is("cost_per_user_now", "$1.80/user/month")
        .approx("cost_per_user_month_6", "$3.0992/user/month", 1e-4)
        .approx("cost_per_user_month_12", "$4.8161/user/month", 1e-4)
        .check("Cost per user now", "ok")
        .check("Cost per user at month 6", "crit")
        .check("Cost per user at month 12", "crit");
    // "savings = monthlyRequests * cacheHitRate * apiCostPerRequest": 100,000 x 0.3 x $0.02
    r.is("ai_savings", "$600/month").is("ai_spend", "$2000/month");
    run("omniops", &[("cache_hit_rate", "50%")]).is("ai_savings", "$1000/month");
}

#[test]
fn monitoring() {
    run("omniops", &[])
        .check("Availability (target 99.9%, alert at 99.5%)", "ok")
        .check("API p95 under 500 ms (KPI)", "pass")
        .check("Database query p95 under 100 ms (KPI)", "pass")
        .check("CPU (alert: scale up at 80%)", "ok")
        .check("Memory (alert: investigate at 85%)", "ok");
    run("omniops", &[("availability", "99.7%")]).check("Availability (target 99.9%, alert at 99.5%)", "warn");
    run("omniops", &[("availability", "99.4%")]).check("Availability (target 99.9%, alert at 99.5%)", "crit");
}
