import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// What a village's page says when the village was split from another (issue 18, rules.md R26): the village it
/// came from and on which day, and, while the old village's cell still holds the members who live here, how they
/// may follow (a new cell, then a transfer each); members are never moved by the split itself.
extension TreePages {
    struct SplitNote: Encodable {
        var from: UnitRow
        var on: String
        /// The old village's cell in force, when this village has no cell of its own yet.
        var cell: String?
        /// The commune where a planner founds the new cell.
        var communeID: UUID?
    }

    /// The note for a village formed from part of another, or nil for any other unit.
    func splitNote(_ req: Request, unit: UnitSnapshot, hasCell: Bool, on date: CivilDate) async throws -> SplitNote? {
        guard unit.kind.isVillageLevel else { return nil }
        let scope = try await req.scope(.read)
        guard let succession = try await UnitSuccessions(db: req.store, scope: scope).predecessors(of: unit.id),
            let part = succession.predecessors.first(where: { !$0.whole }), let oldID = part.unitID
        else { return nil }
        let tree = OrganisationTree(db: req.store, scope: scope)
        guard let old = try await tree.unit(oldID, on: succession.date.adding(days: -1)) else { return nil }
        let cells = try await tree.organisations(atUnits: [oldID], on: date).filter { $0.kind == .villageCell }
        return SplitNote(
            from: UnitRow(old, req.language), on: succession.date.vietnamese,
            cell: hasCell ? nil : cells.first?.name, communeID: unit.parentID)
    }
}
