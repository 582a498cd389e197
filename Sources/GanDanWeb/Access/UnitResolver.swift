import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:unit`: a unit of the tree the user may see, as it stood on the date asked (or its last version).
enum UnitResolver: PathResolver {
    static let notFound = "no unit is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> UnitSnapshot? {
        guard read.contains(unit: id) else { return nil }
        let tree = OrganisationTree(db: req.store, scope: read)
        if let unit = try await tree.unit(id, on: try req.asOfDate()) { return unit }
        return try await tree.history(of: id).last
    }

    static func covers(_ unit: UnitSnapshot, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(unit: unit.id)
    }

    static func forbidden(_ action: Action) -> String {
        action == .plan
            ? "only a planner of this unit may import members or households"
            : "your role does not allow changing this unit's records"
    }
}

extension Resolved {
    /// The unit the path names.
    var unit: UnitSnapshot { get throws { try object(UnitResolver.self) } }
}
