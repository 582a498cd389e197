import FluentKit
import Foundation
import GanDanCore

extension MemberDirectory {
    /// The units of the cells the members are on a roll of (official or temporary) in the scope on `date`, for the
    /// audit entry of a read of them (rules.md R30). For members on no roll in the scope that day (a former member
    /// whose page is open), the units of every roll of theirs in the scope, whatever the date.
    public func units(ofMembers ids: [UUID], on date: CivilDate) async throws -> Set<UUID> {
        let onDate = try await cellUnits(ofMembers: ids, on: date)
        return onDate.isEmpty ? try await cellUnits(ofMembers: ids, on: nil) : onDate
    }

    private func cellUnits(ofMembers ids: [UUID], on date: CivilDate?) async throws -> Set<UUID> {
        let kinds = [MembershipKind.official.rawValue, MembershipKind.temporary.rawValue]
        var cells: Set<UUID> = []
        for chunk in ids.chunked(1000) {
            var query = MembershipRecord.query(on: db).filter(
                \.$memberID ~~ chunk
            )
            .filter(\.$kind ~~ kinds)
            if let date { query = query.inForce(on: date) }
            if let organisations = scope.organisationFilter { query = query.filter(\.$organisationID ~~ organisations) }
            cells.formUnion(try await query.all().map(\.organisationID))
        }
        return try await OrganisationRecord.units(of: Array(cells), on: db)
    }
}
