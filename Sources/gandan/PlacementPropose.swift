import ArgumentParser
import Foundation
import GanDanCore
import GanDanStorage
import GanDanWeb

/// `gandan placement propose --unit CODE`: the optimal placement of a commune or district, with explanations.
struct PlacementPropose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Propose who goes to which village cell (saved as a draft plan), with the reasons.")

    @ArgumentParser.Option(help: "A district or commune code, e.g. 072 or 02284.") var unit: String
    @ArgumentParser.Option(help: "The date of the roll (YYYY-MM-DD; default today).") var date: String?
    @ArgumentParser.Option(help: "json or text.") var format = "text"
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let date { _ = try CommandValues.date(date, option: "--date") }
        guard format == "json" || format == "text" else {
            throw CommandValues.refusal(vi: "--format là json hoặc text", en: "--format is json or text")
        }
    }

    func run() async throws {
        let day = try date.map { try CommandValues.date($0, option: "--date") } ?? CivilDate.today()
        let unit = unit
        let plan = try await database.withStorage { db in
            guard let found = try await OrganisationTree(db: db, scope: .commandLineOperator).unit(code: unit, on: day)
            else {
                throw StorageError.notFound("no unit has code \(unit) on \(day.iso)")
            }
            return try await PlacementPlans(db: db, scope: .commandLineOperator).propose(
                unitID: found.id, on: day, actor: .cli)
        }
        print(format == "json" ? try PlacementJSON.render(plan) : PlacementJSON.text(plan))
    }
}

/// The proposal as JSON (snake_case) or as plain text for a terminal.
enum PlacementJSON {
    struct Named: Encodable {
        var id: UUID
        var name: String
    }

    struct Member: Encodable {
        var id: UUID
        var name: String
        var keyLeader: Bool
    }

    struct Terms: Encodable {
        var difficulty: Double
        var residence: Double
        var travel: Double
        var slot: Double
        var total: Double
        init(_ terms: CostTerms) {
            difficulty = terms.difficulty
            residence = terms.residence
            travel = terms.travel
            slot = terms.slot
            total = terms.total
        }
    }

    struct Alternative: Encodable {
        var cell: Named
        var extraCost: Double
        var terms: Terms
    }

    struct Placement: Encodable {
        var member: Member
        var fromCell: Named
        var toCell: Named
        var pinned: Bool
        var terms: Terms
        var bestAlternative: Alternative?
        var reasons: [String: [String]]
    }

    struct Received: Encodable {
        var cell: Named
        var count: Int
    }

    struct Output: Encodable {
        var planID: UUID
        var version: Int
        var status: String
        var total: Double
        var placements: [Placement]
        var received: [Received]
        var warnings: [String]
    }

    static func render(_ plan: PlacementPlan) throws -> String {
        var names: [UUID: String] = [:]
        var placements: [Placement] = []
        var received: [Received] = []
        for commune in plan.communes {
            for decision in commune.proposal.decisions { names[decision.toCellID] = decision.toCellName }
        }
        for commune in plan.communes {
            for decision in commune.proposal.decisions {
                placements.append(
                    Placement(
                        member: Member(
                            id: decision.memberID, name: decision.memberName, keyLeader: decision.isKeyLeader),
                        fromCell: Named(id: decision.fromCellID, name: commune.agencyCellName(decision.fromCellID)),
                        toCell: Named(id: decision.toCellID, name: decision.toCellName), pinned: decision.pinned,
                        terms: Terms(decision.terms),
                        bestAlternative: decision.alternative.map {
                            Alternative(
                                cell: Named(id: $0.cellID, name: $0.cellName), extraCost: $0.extraCost,
                                terms: Terms($0.terms))
                        },
                        reasons: ["vi": decision.reasons.map(\.vi), "en": decision.reasons.map(\.en)]))
            }
            for (cell, count) in commune.proposal.received.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                received.append(Received(cell: Named(id: cell, name: names[cell] ?? ""), count: count))
            }
        }
        let output = Output(
            planID: plan.id, version: plan.version, status: plan.status.rawValue, total: plan.total,
            placements: placements, received: received,
            warnings: plan.communes.flatMap { $0.proposal.warnings.map(\.en) })
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }

    static func text(_ plan: PlacementPlan) -> String {
        var lines = ["Plan \(plan.id) (version \(plan.version), \(plan.status.rawValue)), total \(plan.total)"]
        for commune in plan.communes {
            lines.append("")
            lines.append(commune.communeName)
            for decision in commune.proposal.decisions.sorted(by: { $0.toCellName < $1.toCellName }) {
                lines.append("  \(decision.memberName) → \(decision.toCellName)")
                for reason in decision.reasons { lines.append("      \(reason.vi)") }
            }
            for warning in commune.proposal.warnings { lines.append("  ! \(warning.vi)") }
        }
        return lines.joined(separator: "\n")
    }
}

extension CommunePlan {
    /// The cell a member comes from: an agency cell, or (in a correcting plan) a village cell.
    func agencyCellName(_ id: UUID) -> String {
        agencyCellNames[id] ?? proposal.decisions.first { $0.toCellID == id }?.toCellName ?? ""
    }
}
