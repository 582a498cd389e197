import ArgumentParser
import Foundation
import GanDanCore
import GanDanDemo

/// `gandan-bench national-placement`: a placement proposal, with explanations, for every commune of the 2025
/// country, communes solved in parallel on all cores (bench/national/placement, issue 22). Optimiser only: each
/// commune's agency members and village cells are generated in memory with the national dataset's sizes.
struct NationalPlacementBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "national-placement",
        abstract: "Time a placement proposal for every commune of the country (for bench/national/placement).")

    @ArgumentParser.Option(help: "Communes in the country.") var communes = NationalShape.full.communes
    @ArgumentParser.Option(help: "Village cells per commune.") var villages = NationalShape.full.villagesPerCommune
    @ArgumentParser.Option(help: "Agency members per commune (default: the national dataset's members per cell).")
    var agency: Int?
    @ArgumentParser.Option(help: "Communes solved at once (default: the cores).") var tasks: Int?
    @ArgumentParser.Option(help: "Random seed.") var seed: UInt64 = 2025

    /// The issue's targets: the whole country < 60 s, peak memory < 2 GB, one commune < 1 s.
    static let totalTarget = 60.0
    static let memoryTarget = 2 << 30
    static let communeTarget = 1.0

    var agencyMembers: Int {
        let shape = NationalShape.full
        return agency ?? shape.members / (shape.communes * (shape.villagesPerCommune + 1))
    }

    func validate() throws {
        guard (1...100_000).contains(communes) else { throw ValidationError("--communes is 1–100000") }
        guard (1...99).contains(villages) else { throw ValidationError("--villages is 1–99") }
        guard (1...500).contains(agencyMembers) else { throw ValidationError("--agency is 1–500") }
        guard (1...256).contains(tasks ?? 1) else { throw ValidationError("--tasks is 1–256") }
    }

    func run() async throws {
        let workers = tasks ?? ProcessInfo.processInfo.activeProcessorCount
        let clock = ContinuousClock()
        let started = clock.now
        let solved = try await solveAll(workers: workers)
        let total = Self.seconds(clock.now - started)
        let report = Report(
            communes: communes, members: solved.members, villages: villages, agency: agencyMembers, workers: workers,
            total: total, slowest: solved.slowest, median: solved.median,
            peak: NationalReport.peakResidentBytes())
        print(report.markdown)
        if !report.missed.isEmpty {
            FileHandle.standardError.write(
                Data("national-placement: missed \(report.missed.joined(separator: "; "))\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Every commune, at most `workers` at a time; each generates its input from its own seed, so memory holds only
    /// the communes in flight.
    func solveAll(workers: Int) async throws -> (members: Int, slowest: Double, median: Double) {
        let count = communes
        let shape = (villages: UInt64(villages), agency: UInt64(agencyMembers), seed: seed)
        var durations: [Double] = []
        var members = 0
        try await withThrowingTaskGroup(of: (Int, Double).self) { group in
            var next = 0
            func add() {
                let index = next
                next += 1
                group.addTask { try Self.solve(commune: index, shape: shape) }
            }
            while next < min(workers, count) { add() }
            while let (placed, seconds) = try await group.next() {
                members += placed
                durations.append(seconds)
                if next < count { add() }
            }
        }
        durations.sort()
        return (members, durations.last ?? 0, durations.isEmpty ? 0 : durations[durations.count / 2])
    }

    /// One commune's proposal: how many members it placed and its seconds.
    static func solve(commune index: Int, shape: (villages: UInt64, agency: UInt64, seed: UInt64)) throws -> (
        Int, Double
    ) {
        var random = SeededRandom(seed: shape.seed &+ UInt64(index) &* 7_919)
        let input = PlacementBench.commune(
            &random, villages: shape.villages...shape.villages, agency: shape.agency...shape.agency)
        let clock = ContinuousClock()
        let started = clock.now
        let proposal: PlacementProposal
        do { proposal = try PlacementOptimizer.propose(input) } catch {
            throw Bench.failure("commune \(index + 1): \(error)")
        }
        return (proposal.decisions.count, seconds(clock.now - started))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

extension NationalPlacementBench {
    /// The figures of one run, as Markdown with the targets.
    struct Report {
        var communes: Int
        var members: Int
        var villages: Int
        var agency: Int
        var workers: Int
        var total: Double
        var slowest: Double
        var median: Double
        var peak: Int

        var missed: [String] {
            var missed: [String] = []
            if total >= NationalPlacementBench.totalTarget { missed.append("the country in \(format(total)) s") }
            if peak >= NationalPlacementBench.memoryTarget { missed.append("peak memory \(peak >> 20) MB") }
            if slowest >= NationalPlacementBench.communeTarget { missed.append("one commune in \(format(slowest)) s") }
            return missed
        }

        var markdown: String {
            let verdict = { (met: Bool) in met ? "met" : "missed" }
            return [
                "### Placement proposals for the whole country: \(communes) communes, \(villages) village cells and "
                    + "\(agency) agency members each, \(workers) at a time",
                "",
                "| figure | value | target | result |",
                "|---|---:|---|---|",
                "| members placed, each with the best other cell re-solved | \(members) | | |",
                "| the whole country, wall time | \(format(total)) s | < 60 s | \(verdict(total < NationalPlacementBench.totalTarget)) |",
                "| one commune: median | \(format(median)) s | | |",
                "| one commune: slowest | \(format(slowest)) s | < 1 s | \(verdict(slowest < NationalPlacementBench.communeTarget)) |",
                "| peak memory (VmHWM) | \(peak >> 20) MB | < 2048 MB | \(verdict(peak < NationalPlacementBench.memoryTarget)) |",
            ].joined(separator: "\n")
        }

        func format(_ value: Double) -> String { String(format: "%.3f", value) }
    }
}
