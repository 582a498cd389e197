import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:supervision`: a comment on a leader, of a cell the user may see; its cell is resolved with it.
enum SupervisionResolver: PathResolver {
    static let notFound = "no comment is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> SupervisionRecord? {
        guard let record = try await SupervisionRecord.find(id, on: req.db),
            read.contains(organisation: record.organisationID)
        else { return nil }
        try await CellResolver.remember(record.organisationID, in: read, req)
        return record
    }

    static func covers(_ record: SupervisionRecord, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(organisation: record.organisationID)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow changing this cell's records"
    }
}

extension Resolved {
    /// The comment the path names.
    var supervision: SupervisionRecord { get throws { try object(SupervisionResolver.self) } }
    /// The id of the comment the path names.
    var supervisionID: UUID { get throws { try supervision.requireID() } }
}
