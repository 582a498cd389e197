import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:household`: a household of a village the user may see.
enum HouseholdResolver: PathResolver {
    static let notFound = "no household is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> HouseholdRecord? {
        try await HouseholdRegister(db: req.db, scope: read).household(id)
    }

    static func covers(_ household: HouseholdRecord, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(unit: household.unitID)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow changing this village's records"
    }
}

extension Resolved {
    /// The household the path names.
    var household: HouseholdRecord { get throws { try object(HouseholdResolver.self) } }
    /// The id of the household the path names.
    var householdID: UUID { get throws { try household.requireID() } }
}
