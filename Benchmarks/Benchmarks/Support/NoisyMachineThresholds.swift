import Benchmark

/// Tolerances for `swift package benchmark thresholds check` against the committed p90 values.
/// The project's machines are shared two-core boxes where the same run varies by tens of percent,
/// runs of one benchmark were seen 2.5 times apart while other jobs shared the cores. The check
/// therefore catches only gross regressions (three times slower); compare baselines
/// (`baseline update` / `baseline compare`) on a quiet machine for finer changes.
public enum NoisyMachineThresholds {
    public static var all: [BenchmarkMetric: BenchmarkThresholds] { [
        .wallClock: BenchmarkThresholds(relative: [.p90: 200.0]),
        .throughput: BenchmarkThresholds(relative: [.p90: 67.0]),
    ] }
}
