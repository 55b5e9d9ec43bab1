//! MisterSmith, "Sub-Phase 2.5: Resource Sizing": every number of the document.

use super::run;

#[test]
fn performance_baselines() {
    // Memory per agent 100 MB; NATS connect timeout 10 s, 10 reconnects.
    run("mistersmith", &[])
        .is("agent_memory", "100 GB")
        .is("reconnect_window", "100 s")
        .shows("reconnect_window", "100 s");
    // "Max Workers: 8 (default)".
    run("mistersmith", &[("agents", "8")]).is("agent_memory", "800 MB");
}

#[test]
fn supervisor_sizes() {
    // | 100x | 4 | 8 GB | 100+ agents |, at the 1000 agents the document plans for.
    run("mistersmith", &[])
        .shows("supervisor", "100x")
        .is("supervisor_vcpu", "4 vCPU")
        .is("supervisor_memory", "8 GB")
        // "Recommended Production: 2 vCPU, 4 GB Memory" is the 50x row: it
        // serves 50-100 agents, not 1000.
        .check("Recommended supervisor fits the agents", "fail");
    run("mistersmith", &[("agents", "5")]).shows("supervisor", "1x (Base)").is("supervisor_vcpu", "0.5 vCPU");
    // 10 agents is in both "1-10" and "10-50": the first row wins.
    run("mistersmith", &[("agents", "10")]).shows("supervisor", "1x (Base)").is("supervisor_memory", "1 GB");
    run("mistersmith", &[("agents", "30")]).shows("supervisor", "10x").is("supervisor_vcpu", "1 vCPU");
    run("mistersmith", &[("agents", "80")])
        .shows("supervisor", "50x")
        .is("supervisor_vcpu", "2 vCPU")
        .is("supervisor_memory", "4 GB")
        .check("Recommended supervisor fits the agents", "pass");
}

#[test]
fn worker_cluster() {
    // "Recommended: 0.5 vCPU, 1 GB per agent"; "Max Cluster: 500 vCPU, 1 TB
    // memory (1000 agents)".
    run("mistersmith", &[])
        .shows("worker", "Standard")
        .is("worker_vcpu", "500 vCPU")
        .is("worker_memory", "1 TB")
        // 100 MB used of the 1 GB each agent's task holds.
        .is("worker_memory_use", "10%");
    run("mistersmith", &[("tasks_per_agent", "3")])
        .shows("worker", "Base")
        .is("worker_vcpu", "250 vCPU")
        .is("worker_memory", "512 GB");
    run("mistersmith", &[("tasks_per_agent", "15")])
        .shows("worker", "Performance")
        .is("worker_vcpu", "1000 vCPU")
        .is("worker_memory", "2 TB");
}

#[test]
fn gateway_sizes() {
    // "Recommended: 2 vCPU, 4 GB (handles 1000 SSE)".
    run("mistersmith", &[])
        .shows("gateway", "1000 connections")
        .is("gateway_vcpu", "2 vCPU")
        .is("gateway_memory", "4 GB")
        // 10 Mbps / 100 = 100 Mbps / 1000 = 1 Gbps / 10000 = 100 kbps.
        .at("bandwidth_per_connection", 0, "100 kbps/connection", 0.0)
        .at("bandwidth_per_connection", 1, "100 kbps/connection", 0.0)
        .at("bandwidth_per_connection", 2, "100 kbps/connection", 0.0);
    run("mistersmith", &[("sse_connections", "100")]).is("gateway_vcpu", "0.5 vCPU").is("gateway_memory", "1 GB");
    run("mistersmith", &[("sse_connections", "5000")]).is("gateway_vcpu", "4 vCPU").is("gateway_memory", "8 GB");
}

#[test]
fn aurora_connections() {
    // "Max Connections: 960 (32 ACU)".
    run("mistersmith", &[])
        .at("max_connections", 0, "60 connections", 0.0)
        .at("max_connections", 1, "240 connections", 0.0)
        .at("max_connections", 2, "480 connections", 0.0)
        .at("max_connections", 3, "960 connections", 0.0)
        .is("peak_max_connections", "960 connections");
}

#[test]
fn database_growth() {
    // "Estimated Growth: 10GB/month at 1000 agents"; storage 10, 50, 100, 500 GB.
    run("mistersmith", &[])
        .is("db_growth", "10 GB/month")
        .at("months_to_fill", 0, "1 month", 0.0)
        .at("months_to_fill", 1, "5 months", 0.0)
        .at("months_to_fill", 2, "10 months", 0.0)
        .at("months_to_fill", 3, "50 months", 0.0)
        // ~1 KB per agent state update: 10 MB a month is 329 updates a day.
        .is("state_size", "1 KB/write")
        .approx("writes_per_agent", "328.549 writes/agent/day", 1e-5)
        .approx("writes", "3.80265 writes/s", 1e-5)
        .check("Writes within baseline IOPS (burst beyond)", "ok");
    // 1000 agents at 1 GB a month each write 380 times a second: past a
    // 100 IOPS baseline it bursts, past a 300 IOPS burst it throttles.
    let heavy = [("growth_per_agent", "1000 MB/agent/month"), ("baseline_iops", "100")];
    run("mistersmith", &heavy)
        .approx("writes", "380.265 writes/s", 1e-5)
        .check("Writes within baseline IOPS (burst beyond)", "warn");
    run("mistersmith", &[heavy[0], heavy[1], ("burst_iops", "300")])
        .check("Writes within baseline IOPS (burst beyond)", "crit");
    run("mistersmith", &[("agents", "100")]).is("db_growth", "1 GB/month").at("months_to_fill", 2, "100 months", 0.0);
}

#[test]
fn amazon_mq() {
    // "Estimated: 1M events/day at peak"; "Retention: 24 hours"; "Storage: 100GB EBS".
    run("mistersmith", &[])
        .approx("peak_rate", "11.5741 messages/s", 1e-5)
        .shows("broker", "Development")
        .shows("broker_instance", "mq.t3.micro")
        .is("retained", "10 GB")
        .check("Retained messages fit the broker storage", "ok")
        // Not in the document: 24 h at 50K msg/s of 10 KB is 43.2 TB.
        .is("retained_at_rated", "43.2 TB")
        .approx("retention_rate_limit", "115.741 messages/s", 1e-5)
        .check("Storage holds 24 h at the broker's rated throughput", "fail");
    run("mistersmith", &[("peak_load", "100000000")])
        .shows("broker", "Staging")
        .shows("broker_instance", "mq.m5.large")
        .check("Retained messages fit the broker storage", "crit");
    run("mistersmith", &[("nats_connections", "2000")]).shows("broker_instance", "mq.m5.xlarge");
    // At 1 KB messages, 24 h of 1K msg/s fit.
    run("mistersmith", &[("message_size", "1 KB/message")]).is("retained_at_rated", "4.32 TB").is("retained", "1 GB");
}

#[test]
fn eventbridge() {
    // | Custom Bus | 10,000 | 256KB | Per event |
    run("mistersmith", &[]).shows("bus", "Custom bus").check("Peak events within the bus", "ok");
    run("mistersmith", &[("peak_load", "700000000")]).check("Peak events within the bus", "warn");
    run("mistersmith", &[("peak_load", "800000000")]).check("Peak events within the bus", "crit");
}

#[test]
fn auto_scaling() {
    // | Gateway | Connection Count | 800 | 2 | 20 |
    run("mistersmith", &[])
        .is("gateway_tasks", "2")
        .check("Gateway tasks carry the API egress", "pass")
        // | Worker | Custom (Agents) | N/A | 1 | 100 |: 1000 agents, 100 tasks.
        .is("worker_tasks", "1000")
        .check("Worker service scales to the agents", "fail")
        // 10 + 100 + 20 tasks, 30 connections each, against 960.
        .is("max_tasks", "130")
        .is("pool_connections", "3900 connections")
        .check("Connection pools at full scale-out fit Aurora", "fail");
    run("mistersmith", &[("sse_connections", "5000")]).is("gateway_tasks", "7");
    run("mistersmith", &[("sse_connections", "10000")]).is("gateway_tasks", "13");
    run("mistersmith", &[("sse_connections", "100")])
        .is("gateway_tasks", "2")
        .check("Gateway tasks carry the API egress", "fail");
    run("mistersmith", &[("agents", "100")]).check("Worker service scales to the agents", "pass");
    run("mistersmith", &[("db_pool", "7")]).check("Connection pools at full scale-out fit Aurora", "pass");
}

#[test]
fn monitoring() {
    // Alarms: High CPU (>80%), Memory pressure (>90%).
    run("mistersmith", &[]).check("High CPU (>80%)", "ok").check("Memory pressure (>90%)", "ok");
    run("mistersmith", &[("cpu_utilization", "85")]).check("High CPU (>80%)", "crit");
    run("mistersmith", &[("memory_per_agent", "950 MB/agent")]).check("Memory pressure (>90%)", "crit");
    // X-Ray: "Segments/month: ~10M at 1000 agents", 10% sampling, 30 days.
    run("mistersmith", &[])
        .is("segments", "10000000 segments/month")
        .approx("segments_stored", "9856465 segments", 1e-6)
        .is("segments_unsampled", "100000000 segments/month");
}

#[test]
fn network_bandwidth() {
    // Total: 170 Mbps ingress, 270 Mbps egress, 1.7 TB a month.
    run("mistersmith", &[])
        .is("total_ingress", "170 Mbps")
        .is("total_egress", "270 Mbps")
        .is("total_per_month", "1.7 TB")
        // Not in the document: 1 TB a month is 3 Mbps on average, 1% of the
        // API gateway's 300 Mbps.
        .at("average_rate", 0, "3.04212 Mbps", 1e-5)
        .at("peak_share", 0, "1.01404%", 1e-5)
        .at("peak_share", 2, "1.52106%", 1e-5);
}

#[test]
fn spot_savings() {
    // "Use Spot instances for worker agents (70% savings)".
    run("mistersmith", &[]).is("worker_on_demand_vcpu", "150 vCPU");
}
