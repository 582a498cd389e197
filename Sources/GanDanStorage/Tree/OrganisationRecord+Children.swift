import FluentKit
import Foundation
import GanDanCore

extension OrganisationRecord {
    /// The organisations in force on `date` whose parent committee on that day is one of `parents`: a cell moved
    /// under another committee later is still counted under its old one before the move (rules.md R26).
    static func children(of parents: [UUID], on date: CivilDate, db: any Database) async throws
        -> [OrganisationRecord]
    {
        guard !parents.isEmpty else { return [] }
        let current = try await query(on: db).filter(\.$parentID ~~ parents).inForce(on: date).all()
        let currentIDs = current.compactMap(\.id)
        let versions = try await OrganisationVersionRecord.query(on: db).inForce(on: date)
            .group(.or) { group in
                group.filter(\.$parentID ~~ parents)
                if !currentIDs.isEmpty { group.filter(\.$organisationID ~~ currentIDs) }
            }
            .all()
        guard !versions.isEmpty else { return current }
        let wanted = Set(parents)
        let earlier = Dictionary(
            versions.map { ($0.organisationID, $0.parentID) }, uniquingKeysWith: { first, _ in first })
        func wasUnder(_ id: UUID) -> Bool? { earlier[id].map { $0.map(wanted.contains) ?? false } }
        var result = current.filter { record in record.id.flatMap(wasUnder) ?? true }
        let missing = earlier.keys.filter { wasUnder($0) == true && !currentIDs.contains($0) }
        if !missing.isEmpty {
            result += try await query(on: db).filter(\.$id ~~ missing).inForce(on: date).all()
        }
        return result
    }
}
