import ArgumentParser
import Foundation
import GanDanCore
import GanDanDemo

/// `gandan-bench proposal`: times the optimiser, with explanations, on a generated province (bench/proposal).
/// It measures; it writes nothing.
struct PlacementBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal", abstract: "Time proposals for a generated province (for bench/proposal/run).")

    @ArgumentParser.Option(help: "Districts in the generated province.") var districts = 10
    @ArgumentParser.Option(help: "Communes per district.") var communes = 15
    @ArgumentParser.Option(help: "Random seed.") var seed: UInt64 = 2019

    func run() async throws {
        guard (1...100).contains(districts), (1...100).contains(communes) else {
            throw Bench.failure("--districts and --communes are 1–100")
        }
        var random = SeededRandom(seed: seed)
        let inputs = (0..<(districts * communes)).map { _ in Self.commune(&random) }
        let clock = ContinuousClock()
        var members = 0
        var cells = 0
        let elapsed = try clock.measure {
            for input in inputs {
                let proposal = try PlacementOptimizer.propose(input)
                members += proposal.decisions.count
                cells += input.targets.count
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(
            #"{"communes": \#(inputs.count), "members": \#(members), "village_cells": \#(cells), "seconds": \#(seconds)}"#
        )
    }

    /// A commune like Na Hang's: 8–14 villages, 18–30 agency members of whom about ten are key leaders (other
    /// ranges for the 2025 communes of bench/national).
    static func commune(
        _ random: inout SeededRandom, villages villageRange: ClosedRange<UInt64> = 8...14,
        agency agencyRange: ClosedRange<UInt64> = 18...30
    ) -> PlacementInput {
        let agency = UUID()
        let villages = (0..<Int(random.next(villageRange))).map { index in
            PlacementTarget(
                cellID: UUID(), cellName: "Chi bộ \(index)", villageID: UUID(), villageName: "Thôn \(index)",
                distanceKm: Double(random.next(1...38)) / 2, povertyRate: Double(random.next(5...45)) / 100,
                weak: random.next(0...99) < 8, fullMembers: Int(random.next(4...40)),
                ethnicMinority: random.next(0...9) < 8,
                mountain: random.next(0...9) < 7, stableKey: "CB-\(index)")
        }
        let posts: [[PostKind]] = [
            [.partySecretary], [.partyDeputySecretary, .peoplesCommitteeChairman], [.peoplesCouncilChairman],
            [.peoplesCommitteeViceChairman], [.peoplesCommitteeViceChairman], [.fatherlandFrontChairman],
            [.youthUnionSecretary], [.womensUnionChairwoman], [.farmersUnionChairman], [.veteransAssociationChairman],
        ]
        let size = Int(random.next(agencyRange))
        let candidates = (0..<size).map { index in
            let home = villages[Int(random.next(0...UInt64(villages.count - 1)))]
            return PlacementCandidate(
                id: UUID(), name: "Đảng viên \(index)", fromCellID: agency,
                posts: index < posts.count ? posts[index] : [],
                residenceVillageID: home.villageID, residenceDistanceKm: home.distanceKm, stableKey: String(index))
        }
        return PlacementInput(candidates: candidates, targets: villages)
    }
}

extension SeededRandom {
    /// A number in `range` by remainder, as the province of bench/proposal has always been drawn.
    mutating func next(_ range: ClosedRange<UInt64>) -> UInt64 {
        range.lowerBound + next() % (range.upperBound - range.lowerBound + 1)
    }
}
