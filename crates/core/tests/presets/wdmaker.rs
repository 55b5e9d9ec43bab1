//! WDMaker, "Capacity Planning and Scaling Analysis": every number of the
//! document, part by part.

use super::run;

#[test]
fn baseline_configuration() {
    // "Total sites: 568; main batch 517; final batch 1; archive batches 48":
    // the batches add up to 566, so two sites are in no batch.
    run("wdmaker", &[])
        .is("total_sites", "568 site")
        .is("batched_sites", "566 site")
        .is("unbatched_sites", "2 site")
        .check("Batches account for every site", "fail");
    run("wdmaker", &[("total_sites", "566")]).check("Batches account for every site", "pass");
}

#[test]
fn memory_per_agent() {
    let r = run("wdmaker", &[]);
    // "Opus agent baseline 50MB; site processing overhead 50-100MB; total per agent 100-150MB"
    r.is("agent_memory_low", "100 MB/agent").is("agent_memory_high", "150 MB/agent").is("agent_memory", "125 MB/agent");
    // "Peak memory: 25 x 125MB = 3.125GB"
    r.is("peak_memory", "3.125 GB").shows("peak_memory", "3.125 GB");
    // The document says "Safe margin (2x): 6GB recommended"; 2 x 3.125 GB is 6.25 GB.
    r.is("recommended_memory", "6.25 GB");
    // "25 agents/wave x 9 waves" for 517 sites is 2.3 sites per agent per wave;
    // at one site per agent per wave it takes 21 waves.
    r.approx("batch_sites_per_agent", "2.2978 site/agent", 0.0001).is("batch_waves_one_site_each", "21");
}

#[test]
fn disk_per_site() {
    let r = run("wdmaker", &[]);
    // "Total per site: 12-38KB", "25KB average"
    r.is("site_size_low", "12 KB/site").is("site_size_high", "38 KB/site").is("site_size", "25 KB/site");
    // "517 sites x 25KB average = 12.9MB generated"
    r.is("batch_disk", "12.925 MB").shows("batch_disk", "12.925 MB");
    // "Plus registry and metadata: ~1MB. Total disk: ~14MB"
    r.is("batch_disk_total", "13.925 MB");
    // The document says "For 568 total sites: ~18MB"; 568 x 25 KB + 1 MB is 15.2 MB.
    r.is("total_disk", "15.2 MB");
    // Binary units would give a different answer: the document means decimal KB and MB.
    run("wdmaker", &[("main_batch", "1000")]).is("batch_disk", "25 MB");
}

#[test]
fn cpu_and_network() {
    let r = run("wdmaker", &[]);
    // The document says "25 agents x 1.5 cores = 37.5 core-hours"; it is 37.5 cores at once.
    r.is("cores_per_agent", "1.5 core/agent").is("peak_cores", "37.5 core");
    // "On 8-core system: Oversubscribed 4-5x"
    r.is("oversubscription", "4.6875");
    // "Design file transfer: 5KB x 568 = 2.84MB"
    r.is("design_transfer", "2.84 MB");
    // "Generation results: 18MB" (the generated files are 15.2 MB); "Total bandwidth: < 30MB"
    r.is("project_transfer", "18.04 MB").check("Project transfer under 30 MB", "pass");
}

#[test]
fn scenario_1_five_thousand_sites() {
    let r = run("wdmaker", &[]);
    // "200 total waves needed (5000 / 25)"; "200 waves x 30 min average = 100 hours"
    r.is("waves_5k", "200").is("sequential_5k", "100 h");
    // Optimization 1: "5 concurrent wave groups x 40 waves each"; "40 x 30 min = 20 hours"
    r.is("waves_per_group_5k", "40").is("opt1_time_5k", "20 h");
    // Optimization 2: "50 agents per wave", "100 total waves", "20 waves x 30 min = 10 hours"
    // (in optimization 1's 5 groups; bigger waves alone take 50 hours)
    r.is("big_waves_5k", "100").is("opt2_time_5k", "10 h").is("opt2_alone_5k", "50 h");
    // Optimization 3: "10 concurrent wave groups", "10 waves sequential per group", "10 x 30 min = 5 hours"
    r.is("opt3_waves_per_group_5k", "10").is("opt3_time_5k", "5 h");
    // The conclusion says "4-10x speedup"; Scenario 1 gives 5x, 10x and 20x.
    r.is("speedup_opt1", "5").is("speedup_opt2", "10").is("speedup_opt3", "20");
    // Resource table: "50 agents x 125MB = 6.25GB", "5,000 x 25KB = 125MB", "50 agents x 1.5 cores = 75 cores"
    r.is("memory_5k", "6.25 GB").is("disk_5k", "125 MB").is("cores_5k", "75 core");
    // The document says "Total data < 100MB"; design files, sites and registry are 151 MB.
    r.is("network_5k", "151 MB");
    // Waves in parallel multiply memory: 5 x 25 agents and 10 x 50 agents.
    r.is("opt1_memory_5k", "15.625 GB").is("opt3_memory_5k", "62.5 GB").is("opt3_cores_5k", "750 core");
}

#[test]
fn scenario_2_ten_thousand_sites() {
    let r = run("wdmaker", &[]);
    // The document says "10,000 x 10 min = 100,000 min = 167 hours"; 100,000 min is 1,667 hours.
    r.approx("design_phase_10k", "1666.667 h", 1e-6);
    // "Deterministic design (10 sec) = 28 hours"
    r.approx("fast_design_phase_10k", "27.778 h", 1e-4);
    // The document says "10,000 / 50 agents / 2 sites/min = 100 hours"; that is 100 minutes.
    r.is("impl_phase_10k", "100 min");
    // The document says "Total: 128+ hours (~5 days)"; 27.8 h + 100 min is 29.4 hours.
    r.approx("total_10k", "29.444 h", 1e-4);
    r.approx("total_10k_opus_design", "1668.333 h", 1e-6);
    // "Target: 24-32 hours": 10 groups of 50 agents; the design phase alone exceeds a day.
    r.approx("parallel_total_10k", "27.944 h", 1e-4)
        .check("10,000 sites within the 32-hour target", "pass")
        .check("10,000 sites within 1 day", "fail");
    // "Disk 250MB"; the document's "Memory 8-10GB", "CPU 75-100 cores" and
    // "Network ~150MB" do not follow from its 10 groups of 50 agents.
    r.is("disk_10k", "250 MB").is("memory_10k", "62.5 GB").is("cores_10k", "750 core").is("network_10k", "301 MB");
    // At 2 sites per agent per hour the document's 100 hours and 128 hours come out.
    let hourly = run("wdmaker", &[("impl_rate", "2 site/h/agent")]);
    hourly.is("impl_phase_10k", "100 h").approx("total_10k", "127.778 h", 1e-4);
}

#[test]
fn hardware_recommendations() {
    let r = run("wdmaker", &[]);
    // 6.25 GB with margin needs the recommended 8 GB at 568 sites; one 50-agent
    // wave with margin needs the recommended 16 GB at 5,000 sites ("Need 16GB").
    r.shows("hardware_now", "568 sites: recommended")
        .shows("hardware_5k", "5,000 sites: recommended")
        .check("Memory, 568 sites (with margin)", "ok")
        .check("Memory, 5,000 sites, one 50-agent wave (with margin)", "ok");
    // 500 agents at once need 125 GB with margin, more than the optimal 64 GB.
    r.shows("hardware_10k", "10,000 sites: optimal")
        .check("Memory, 10,000 sites, 10 groups of 50 (with margin)", "crit")
        .check("Disk, 10,000 sites", "ok");
    // Without the margin one wave fits the minimum 4 GB; beyond 10,000 sites the
    // largest scale is used.
    run("wdmaker", &[("memory_margin", "1"), ("sites_10k", "50000"), ("many_groups", "1")])
        .shows("hardware_now", "568 sites: minimum")
        .shows("hardware_10k", "10,000 sites: minimum");
    run("wdmaker", &[("total_sites", "3000")]).shows("hardware_now", "5,000 sites: minimum");
}

#[test]
fn bottleneck_analysis() {
    let r = run("wdmaker", &[]);
    // "Design: 5-10 min per site", "Implementation: 5-10 min per site"
    r.is("agent_time_per_site_low", "10 min/site").is("agent_time_per_site_high", "20 min/site");
    // "Speedup: 2-4x with 8-16GB memory": 2 and 5 waves of 3.125 GB fit.
    r.is("parallel_waves_8gb", "2").is("parallel_waves_16gb", "5");
    // "Combined effect: 10-50x"; the product of the levers is 33-208x.
    r.approx("combined_if_multiplied_low", "33", 1e-9).approx("combined_if_multiplied_high", "208", 1e-9);
}

#[test]
fn cost_current_project() {
    let r = run("wdmaker", &[]);
    // "$0.10/hour x 9 hours = $0.90"; "Storage (100GB, 9 hours): $0.02"; "Total: < $1"
    r.is("instance_cost", "$0.90").approx("storage_cost", "$0.02", 0.02).approx("infra_cost", "$0.92", 0.001);
    // 9 hours over 9 waves is an hour per wave, against Part 2's 30 minutes.
    r.is("current_wave_time", "60 min");
    // The document says "~500 Opus calls x $0.015 = $7.50" and "~5,000 Haiku calls x
    // $0.0001 = $0.50", "Total: ~$8"; 568 sites make 568 and 5,680 calls.
    // The document's own lines: ~500 Opus calls x $0.015 = $7.50, ~5,000 Haiku calls x $0.0001 = $0.50, ~$8.
    r.is("doc_opus_cost", "$7.5").is("doc_haiku_cost", "$0.5").is("doc_agent_cost", "$8");
    r.is("opus_calls", "568 call").is("opus_cost", "$8.52").is("haiku_cost", "$0.568").is("agent_cost", "$9.088");
    // "Total project cost: ~$10"
    r.approx("project_cost", "$10.0077", 1e-4).shows("project_cost", "$10.01");
    r.approx("cost_per_site", "$0.017619/site", 1e-4);
}

#[test]
fn cost_scaled_to_five_thousand_sites() {
    let r = run("wdmaker", &[]);
    // "d3.2xlarge (16GB, 8 vCPU): $0.30/hour x 20 hours = $6"
    r.is("instance_cost_5k", "$6");
    // The document says "Storage: $0.10" without a size; 200 GB for 20 hours is $0.09.
    r.approx("storage_cost_5k", "$0.0876", 0.001);
    // "~5,000 Opus calls x $0.015 = $75", "~50,000 Haiku calls x $0.0001 = $5", "Total: ~$80"
    r.is("opus_cost_5k", "$75").is("haiku_cost_5k", "$5").is("agent_cost_5k", "$80");
    // "Cost per site: $86 / 5000 = $0.017 per site"
    r.approx("project_cost_5k", "$86.0876", 1e-5).approx("cost_per_site_5k", "$0.017218/site", 1e-4);
    // "Memory: Need 16GB": 5 groups of 25 agents hold 15.6 GB.
    r.check("5,000-site instance memory (20-hour plan)", "warn");
}

#[test]
fn time_versus_cost() {
    let r = run("wdmaker", &[]);
    // 568 sites: "$0.014", "$0.018", "$0.021" per site
    r.at("tradeoff_cost_per_site_568", 0, "$0.014085", 1e-4);
    r.at("tradeoff_cost_per_site_568", 1, "$0.017619", 1e-4);
    r.at("tradeoff_cost_per_site_568", 2, "$0.021127", 1e-4);
    // 5,000 sites: "$0.024", "$0.028", "$0.017" per site
    r.at("tradeoff_cost_per_site_5k", 0, "$0.024", 0.0);
    r.at("tradeoff_cost_per_site_5k", 1, "$0.028", 0.0);
    r.at("tradeoff_cost_per_site_5k", 2, "$0.017218", 1e-4);
    // The document says 72 and 600 hours sequentially; 10 agent-minutes per site
    // at least make 94.7 and 833 hours.
    r.approx("sequential_time_low", "94.667 h", 1e-4).approx("sequential_time_low_5k", "833.333 h", 1e-4);
    // The document says $8 and $120 for the sequential runs; with the instance they are $16.45 and
    // $142.63 (the 5,000 sites on their own 200 GB of storage).
    r.approx("sequential_cost", "$16.4457", 1e-4).approx("sequential_cost_5k", "$142.6284", 1e-5);
}

#[test]
fn optimization_roi() {
    // The document says breakeven "after 2-4 projects" for deterministic design and
    // parallel waves and "after 2-5" for custom optimization; the ranges give 1, 2-7 and 1-5.
    run("wdmaker", &[])
        .at("breakeven_best", 0, "1 project", 0.0)
        .at("breakeven_worst", 0, "1 project", 0.0)
        .at("breakeven_best", 1, "2 project", 0.0)
        .at("breakeven_worst", 1, "7 project", 0.0)
        .at("breakeven_best", 2, "1 project", 0.0)
        .at("breakeven_worst", 2, "5 project", 0.0)
        // "50-80 hours optimization development": the two levers are 30-60 hours.
        .is("repeat_project_dev_low", "30 h")
        .is("repeat_project_dev_high", "60 h");
}

#[test]
fn worksheet() {
    // "Design time: sites x 10 min"; "Implementation time: sites / 25 agents / 1 site/min"
    // (minutes, not hours); "Memory needed: agents x 125MB"; "Disk needed: sites x 25KB"
    let r = run("wdmaker", &[]);
    r.approx("worksheet_design", "166.667 h", 1e-5)
        .is("worksheet_impl", "40 min")
        .is("worksheet_memory", "3.125 GB")
        .is("worksheet_disk", "25 MB")
        .shows("most_constrained", "Time")
        .check("Time fits the timeline", "warn")
        .check("Memory available", "ok");
    // Less RAM makes memory the constraint; more time clears the timeline.
    run("wdmaker", &[("ram", "3 GB")]).shows("most_constrained", "Memory").check("Memory available", "crit");
    run("wdmaker", &[("timeline", "400 h")]).shows("most_constrained", "CPU").check("Time fits the timeline", "ok");
    run("wdmaker", &[("timeline", "100 h")]).check("Time fits the timeline", "crit");
}
