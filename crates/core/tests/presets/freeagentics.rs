//! FreeAgentics, "Capacity Planning Runbook": every number of the document.

use super::run;

#[test]
fn service_allocation_exceeds_the_host() {
    // Host: 8 cores, 16 GB RAM, 500 GB SSD, 1 Gbps. Services: backend 2 cores,
    // 4 GB x 2; frontend 1 core, 2 GB x 2; PostgreSQL 2 cores, 4 GB, 200 GB;
    // Redis 0.5 cores, 2 GB, 10 GB; Nginx 0.5 cores, 1 GB; monitoring 1 core,
    // 3 GB, 50 GB. The document does not add them up: they do not fit.
    run("freeagentics", &[])
        .is("allocated_cpu", "10 cores")
        .is("allocated_memory", "22 GB")
        .is("allocated_storage", "260 GB")
        .is("cpu_allocation", "125%")
        .is("memory_allocation", "137.5%")
        .check("Allocated CPU fits the host", "fail")
        .check("Allocated memory fits the host", "fail")
        .check("Disk (allocated storage)", "ok");
    // Even one replica of each service takes 7 cores and all 16 GB.
    run("freeagentics", &[("backend_replicas", "1"), ("frontend_replicas", "1")])
        .is("allocated_cpu", "7 cores")
        .is("allocated_memory", "16 GB")
        .check("Allocated CPU fits the host", "pass")
        .check("Allocated memory fits the host", "pass");
}

#[test]
fn scaling_procedures_change_the_allocation() {
    // Emergency scaling: "--scale backend=4 --scale frontend=3".
    run("freeagentics", &[("backend_replicas", "4"), ("frontend_replicas", "3")])
        .is("allocated_cpu", "15 cores")
        .is("allocated_memory", "32 GB");
    // Vertical scaling: backend "memory: 8G # Increased from 4G", "cpus: '4.0' # Increased from 2.0".
    run("freeagentics", &[("backend_cpu", "4"), ("backend_memory", "8 GB")])
        .is("allocated_cpu", "14 cores")
        .is("allocated_memory", "30 GB");
    // The model shows both beside the current allocation, with the host's checks.
    run("freeagentics", &[])
        .is("emergency_cpu", "15 cores")
        .is("emergency_memory", "32 GB")
        .is("vertical_memory", "30 GB")
        .check("Emergency scale-out fits the host's CPU", "fail")
        .check("Emergency scale-out fits the host's memory", "fail")
        .check("Vertical scaling fits the host's memory", "fail");
    // Right-sizing: frontend "memory: 1G # Reduced from 2G".
    run("freeagentics", &[("frontend_memory", "1 GB")]).is("allocated_memory", "20 GB");
}

#[test]
fn performance_baseline() {
    // CPU average 40%, memory average 60%, network 10% of the host.
    run("freeagentics", &[])
        .is("cpu_in_use", "3.2 cores")
        .is("memory_in_use", "9.6 GB")
        .is("network_in_use", "100 Mbps")
        .check("CPU (>70% for 10 min, >85% for 5 min)", "ok")
        .check("Memory (>80% for 10 min, >90% for 5 min)", "ok")
        .check("Database connections", "ok")
        .check("Response time (P95 against 1 s; critical at 3 s)", "ok")
        .check("Error rate (>2% for 5 min, >5% for 2 min)", "ok");
}

#[test]
fn scale_up_triggers() {
    let cpu = "CPU (>70% for 10 min, >85% for 5 min)";
    run("freeagentics", &[("cpu_utilization", "75")]).check(cpu, "warn");
    run("freeagentics", &[("cpu_utilization", "90")]).check(cpu, "crit");
    let memory = "Memory (>80% for 10 min, >90% for 5 min)";
    run("freeagentics", &[("memory_utilization", "85")]).check(memory, "warn");
    run("freeagentics", &[("memory_utilization", "95")]).check(memory, "crit");
    // Disk: 80% / 90% used.
    run("freeagentics", &[("host_storage", "300 GB")]).check("Disk (allocated storage)", "warn");
    run("freeagentics", &[("host_storage", "280 GB")]).check("Disk (allocated storage)", "crit");
    run("freeagentics", &[("pool_usage", "75")]).check("Database connections", "warn");
    run("freeagentics", &[("pool_usage", "90")]).check("Database connections", "crit");
    let p95 = "Response time (P95 against 1 s; critical at 3 s)";
    run("freeagentics", &[("p95", "1500 ms")]).check(p95, "warn");
    run("freeagentics", &[("p95", "3500 ms")]).check(p95, "crit");
    let errors = "Error rate (>2% for 5 min, >5% for 2 min)";
    run("freeagentics", &[("error_rate", "3")]).check(errors, "warn");
    run("freeagentics", &[("error_rate", "6")]).check(errors, "crit");
}

#[test]
fn scale_down_triggers() {
    // CPU <30%, memory <50%, network <20%, P95 <200 ms, errors <0.5%, queue <10.
    run("freeagentics", &[])
        .shows("scale_down_cpu", "false")
        .shows("scale_down_memory", "false")
        .shows("scale_down_network", "true")
        .shows("scale_down_response", "false")
        .shows("scale_down_errors", "true")
        .shows("scale_down_queue", "true")
        .shows("scale_down", "false");
    run("freeagentics", &[("cpu_utilization", "20"), ("memory_utilization", "40"), ("p95", "150 ms")])
        .shows("scale_down", "true");
}

#[test]
fn conservative_growth() {
    // Year 1: 60 users, 600 agents, 120 rps; year 2: 72, 720, 144.
    // Year 3: "Users: 86", "Agents: 860", "Requests/sec: 173".
    run("freeagentics", &[])
        .at("conservative_users", 0, "60", 0.0)
        .at("conservative_agents", 0, "600", 0.0)
        .at("conservative_rps", 0, "120", 0.0)
        .at("conservative_users", 1, "72", 0.0)
        .at("conservative_agents", 1, "720", 0.0)
        .at("conservative_rps", 1, "144", 0.0)
        // The document rounds 86.4 to 86.
        .at("conservative_users", 2, "86.4", 0.0)
        // The document says 860: 500 * 1.2^3 = 864 (it multiplied the rounded
        // 86 users by 10).
        .at("conservative_agents", 2, "864", 0.0)
        // The document rounds 172.8 to 173.
        .at("conservative_rps", 2, "172.8", 0.0);
}

#[test]
fn moderate_growth() {
    // Year 1: 75, 750, 150; year 2: 113, 1125, 225; year 3: 169, 1688, 338
    // (the document rounds the halves up).
    run("freeagentics", &[])
        .at("moderate_users", 0, "75", 0.0)
        .at("moderate_agents", 0, "750", 0.0)
        .at("moderate_rps", 0, "150", 0.0)
        .at("moderate_users", 1, "112.5", 0.0)
        .at("moderate_agents", 1, "1125", 0.0)
        .at("moderate_rps", 1, "225", 0.0)
        .at("moderate_users", 2, "168.75", 0.0)
        .at("moderate_agents", 2, "1687.5", 0.0)
        .at("moderate_rps", 2, "337.5", 0.0);
}

#[test]
fn aggressive_growth() {
    // Year 1: 100, 1000, 200; year 2: 200, 2000, 400; year 3: 400, 4000, 800.
    run("freeagentics", &[])
        .at("aggressive_users", 0, "100", 0.0)
        .at("aggressive_agents", 0, "1000", 0.0)
        .at("aggressive_rps", 0, "200", 0.0)
        .at("aggressive_users", 1, "200", 0.0)
        .at("aggressive_agents", 1, "2000", 0.0)
        .at("aggressive_rps", 1, "400", 0.0)
        .at("aggressive_users", 2, "400", 0.0)
        .at("aggressive_agents", 2, "4000", 0.0)
        .at("aggressive_rps", 2, "800", 0.0);
}

#[test]
fn backend_capacity_example() {
    // calculate_backend_capacity(300): ceil(300 / 50) = 6, ceil(6 * 0.2) = 2.
    run("freeagentics", &[])
        .is("base_instances", "6")
        .is("buffer_instances", "2")
        .is("backend_instances", "8")
        // Today's 100 rps asks for 2 + 1 instances; 2 replicas run.
        .is("backend_now", "3")
        .check("Backend replicas cover today's load with the buffer", "fail")
        .at("conservative_backend", 2, "5", 0.0)
        .at("moderate_backend", 2, "9", 0.0)
        .at("aggressive_backend", 0, "5", 0.0)
        .at("aggressive_backend", 1, "10", 0.0)
        .at("aggressive_backend", 2, "20", 0.0);
    // A whole buffer does not round up: ceil(5 * 0.2) = 1.
    run("freeagentics", &[("target_rps", "250")]).is("backend_instances", "6");
    run("freeagentics", &[("backend_replicas", "3")])
        .check("Backend replicas cover today's load with the buffer", "pass");
}

#[test]
fn database_capacity_example() {
    // calculate_db_capacity(2000): storage 2000 * 0.001 * 1.5 = 3 GB,
    // memory max(4, 4) * 1.5 = 6 GB, connections int(max(20, 200) * 1.5) = 300.
    run("freeagentics", &[])
        .is("db_storage", "3 GB")
        .is("db_memory", "6 GB")
        .is("db_connections", "300 connections")
        // The 4 GB floor times 1.5 is more than PostgreSQL's 4 GB.
        .check("PostgreSQL memory covers the formula", "fail")
        .check("PostgreSQL storage covers the formula", "pass");
    // Today's 500 agents: the minimums decide.
    run("freeagentics", &[("db_agents", "500")])
        .is("db_storage", "0.75 GB")
        .is("db_memory", "6 GB")
        .is("db_connections", "75 connections");
    run("freeagentics", &[("db_agents", "100")]).is("db_connections", "30 connections");
    // int() truncates: 100.1 * 1.5 = 150.15 -> 150.
    run("freeagentics", &[("db_agents", "1001")]).is("db_connections", "150 connections");
    run("freeagentics", &[("db_agents", "4000")]).is("db_memory", "12 GB");
}

#[test]
fn redis_capacity_example() {
    // calculate_redis_capacity(200): 200 * 100 / 1024 = 19.53 MB, * 1.5 =
    // 29.30 MB, / 1024 = 0.029, max(1, ...) prints "1.0GB": binary units, 1 GiB.
    run("freeagentics", &[])
        .is("redis_sessions", "19.53125 MiB")
        .is("redis_needed", "29.296875 MiB")
        .is("redis_memory", "1 GiB")
        .shows("redis_memory", "1 GiB")
        .check("Redis memory covers the formula", "pass");
    // 10,000 users: 1,000,000 KiB * 1.5 / 1024 / 1024 = 1.43 GiB.
    run("freeagentics", &[("peak_users", "10000")])
        .approx("redis_memory", "1.430511 GiB", 1e-6)
        .check("Redis memory covers the formula", "pass");
    run("freeagentics", &[("peak_users", "20000")]).check("Redis memory covers the formula", "fail");
}

#[test]
fn growth_alert() {
    // "20% increase in any metric over 7 days": even 100% a year is 1.34% a week.
    run("freeagentics", &[])
        .approx("weekly_conservative", "0.350037%", 1e-5)
        .approx("weekly_moderate", "0.780115%", 1e-5)
        .approx("weekly_aggressive", "1.3373%", 1e-4)
        .check("Aggressive growth stays under the 7-day growth alert", "pass");
}

#[test]
fn benchmark_results() {
    // Target 200 rps, actual 195; CPU 65%, memory 72%, network 15%; P95 450 ms;
    // errors 0.2%; "Database connection pool saturation at 85%".
    run("freeagentics", &[])
        .is("bench_throughput", "97.5%")
        .is("bench_requests", "58500 requests")
        .check("Benchmark reached its target", "fail")
        .check("Benchmark CPU", "ok")
        .check("Benchmark memory", "ok")
        .check("Benchmark database connections", "crit")
        .check("Benchmark response time (P95 against 1 s; critical at 3 s)", "ok")
        .check("Benchmark error rate", "ok");
}
