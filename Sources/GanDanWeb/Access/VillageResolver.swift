import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:unit` on the village registers (households, new-rural criteria): a village the user may see; any other unit
/// is a 404.
enum VillageResolver: PathResolver {
    static let notFound = "no village is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> UnitSnapshot? {
        guard let unit = try await UnitResolver.load(id, in: read, req), unit.kind == .village else { return nil }
        return unit
    }

    static func covers(_ village: UnitSnapshot, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(unit: village.id)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow changing this village's records"
    }
}

extension Resolved {
    /// The village the path names.
    var village: UnitSnapshot { get throws { try object(VillageResolver.self) } }
}
