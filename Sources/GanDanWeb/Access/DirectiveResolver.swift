import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:directive`: a dissolution directive of a unit the user may see, with its progress on the date asked.
enum DirectiveResolver: PathResolver {
    static let notFound = "no directive is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> DirectiveProgress? {
        guard let progress = try await Directives(db: req.store, scope: read).progress(id, on: try req.asOfDate()),
            read.contains(unit: progress.unitID)
        else { return nil }
        return progress
    }

    static func covers(_ progress: DirectiveProgress, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(unit: progress.unitID)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow changing this directive"
    }
}

extension Resolved {
    /// The directive the path names, with its progress.
    var directive: DirectiveProgress { get throws { try object(DirectiveResolver.self) } }
}
