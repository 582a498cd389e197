import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:supervision`: a comment on a leader, of a cell the user may see; its cell is resolved with it.
enum SupervisionResolver: PathResolver {
    static let notFound = "no comment is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> SupervisionView? {
        guard let view = try await LeaderSupervisions(db: req.store, scope: read).supervision(id) else { return nil }
        try await CellResolver.remember(view.cellID, in: read, req)
        return view
    }

    static func covers(_ view: SupervisionView, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(organisation: view.cellID)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow changing this cell's records"
    }
}

extension Resolved {
    /// The comment the path names.
    var supervision: SupervisionView { get throws { try object(SupervisionResolver.self) } }
    /// The id of the comment the path names.
    var supervisionID: UUID { get throws { try supervision.id } }
}
