import FluentKit
import Foundation
import GanDanCore

extension OrganisationTree {
    /// Each cell's name with its commune on `date`, as lists and papers above a commune show it (rules.md R27): two
    /// queries, however many cells. A cell outside any commune keeps its name.
    public func namesWithCommune(_ cells: [OrganisationSnapshot], on date: CivilDate) async throws -> [UUID: String] {
        try await namesWithCommune(cells.map { (id: $0.id, name: $0.name, unitID: $0.unitID) }, on: date)
    }

    /// `namesWithCommune(_:on:)` for cells known by id: one more query, for their names and units.
    func namesWithCommune(cellIDs: Set<UUID>, on date: CivilDate) async throws -> [UUID: String] {
        guard !cellIDs.isEmpty else { return [:] }
        let records = try await OrganisationRecord.query(on: db).filter(\.$id ~~ Array(cellIDs)).all()
        return try await namesWithCommune(
            records.map { (id: try $0.requireID(), name: $0.name, unitID: $0.unitID) }, on: date)
    }

    private func namesWithCommune(_ cells: [(id: UUID, name: String, unitID: UUID)], on date: CivilDate)
        async throws -> [UUID: String]
    {
        let unitIDs = Array(Set(cells.map(\.unitID)))
        var records: [UUID: UnitRecord] = [:]
        for chunk in unitIDs.chunked(500) {
            for record in try await UnitRecord.query(on: db).filter(\.$unitID ~~ chunk).inForce(on: date).all() {
                records[record.unitID] = record
            }
        }
        let parentIDs = Array(Set(records.values.compactMap(\.parentUnitID)).subtracting(records.keys))
        for chunk in parentIDs.chunked(500) {
            for record in try await UnitRecord.query(on: db).filter(\.$unitID ~~ chunk).inForce(on: date).all() {
                records[record.unitID] = record
            }
        }
        func commune(of unitID: UUID) throws -> (kind: UnitKind, name: String)? {
            var current: UUID? = unitID
            for _ in 0..<2 {
                guard let id = current, let record = records[id] else { return nil }
                let kind = try record.decode(\.$kind, as: UnitKind.self)
                if kind.level == 3 { return (kind, record.name) }
                current = record.parentUnitID
            }
            return nil
        }
        var names: [UUID: String] = [:]
        for cell in cells {
            let found = try commune(of: cell.unitID)
            names[cell.id] = CellNaming.withCommune(cell.name, communeKind: found?.kind, communeName: found?.name)
        }
        return names
    }
}
