import FluentKit
import Foundation
import GanDanCore

extension MemberDirectory {
    /// Whether any member is stored (with a limited scope: on any roll, at any time, of an organisation in it), so
    /// that loading a whole dataset can refuse a database that already holds one.
    public func holdsMembers() async throws -> Bool {
        guard let organisations = scope.organisationFilter else {
            return try await MemberRecord.query(on: db).first() != nil
        }
        return try await MembershipRecord.query(on: db).filter(\.$organisationID ~~ organisations).first() != nil
    }

    /// Whether the member is on a roll (official or temporary) of an organisation in the scope on `date`: what
    /// `detail(_:on:)` finds, without reading the record.
    public func isOnRoll(_ id: UUID, on date: CivilDate) async throws -> Bool {
        var query = MemberRecord.query(on: db).filter(\.$id == id)
        if let organisations = scope.organisationFilter {
            query = query.filter(Self.onRollOf(organisations, on: date))
        }
        return try await query.first() != nil
    }
}
