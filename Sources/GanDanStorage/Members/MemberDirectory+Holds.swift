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
}
