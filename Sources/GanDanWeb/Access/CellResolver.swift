import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:cell`: a party cell the user may see (any other organisation is a 404).
enum CellResolver: PathResolver {
    static let notFound = "no cell is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> OrganisationSnapshot? {
        guard let cell = try await OrganisationTree(db: req.store, scope: read).organisation(id), cell.kind.isCell
        else {
            return nil
        }
        return cell
    }

    static func covers(_ cell: OrganisationSnapshot, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(organisation: cell.id)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow changing this cell's records"
    }

    /// Loads and remembers the cell an object of the path belongs to (a meeting's, a comment's), so pages of that
    /// object read it as `req.resolved.cell`.
    static func remember(_ id: UUID, in read: AccessScope, _ req: Request) async throws {
        guard let cell = try await load(id, in: read, req) else { throw Abort(.notFound, reason: notFound) }
        req.remember(Self.self, cell)
    }
}

extension Resolved {
    /// The cell the path names, or the cell of the meeting, feedback, comment or candidate it names.
    var cell: OrganisationSnapshot { get throws { try object(CellResolver.self) } }
}
