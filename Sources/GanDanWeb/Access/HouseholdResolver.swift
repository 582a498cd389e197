import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// A household named by a path, with the village it belongs to.
struct HouseholdInVillage: Sendable {
    var id: UUID
    var villageID: UUID
}

/// `:household`: a household of a village the user may see.
enum HouseholdResolver: PathResolver {
    static let notFound = "no household is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> HouseholdInVillage? {
        guard let village = try await HouseholdRegister(db: req.store, scope: read).village(ofHousehold: id) else {
            return nil
        }
        return HouseholdInVillage(id: id, villageID: village)
    }

    static func covers(_ household: HouseholdInVillage, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(unit: household.villageID)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow changing this village's records"
    }
}

extension Resolved {
    /// The household the path names.
    var household: HouseholdInVillage { get throws { try object(HouseholdResolver.self) } }
    /// The id of the household the path names.
    var householdID: UUID { get throws { try household.id } }
}
