import ArgumentParser
import Foundation

/// `gandan-bench`: the benchmarks behind bench/*/run, built only with `GANDAN_BENCHMARKS=1` (they measure; they are
/// not part of the product).
@main
struct GanDanBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gandan-bench", abstract: "GanDan's benchmarks (for bench/*/run).",
        subcommands: [
            ScaleBenchCommand.self, PlacementSolve.self, PlacementBench.self, RobustnessBench.self,
            DistrictFilesCommand.self, NationalBenchCommand.self, NationalPlacementBench.self,
        ])
}

/// Failures of a benchmark run.
enum Bench {
    /// Prints the message to standard error and exits with status 1.
    static func failure(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("gandan-bench: " + message + "\n").utf8))
        return ExitCode.failure
    }
}
