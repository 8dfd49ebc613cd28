//! Processor time, for benchmarks that report it beside wall time.

/// Processor time of this process so far, user and system, in seconds
/// (`/proc/self/stat`; 0 elsewhere). Each reading is to a clock tick, but
/// the errors of many readings cancel out in sums.
pub fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13
    // here. The tick is 1/100 s on Linux.
    (ticks(11) + ticks(12)) / 100.0
}
