import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:upload`: an import upload of the user (nobody else's), still in force, in a unit they may see.
enum UploadResolver: PathResolver {
    static let notFound = "no upload is at this address (uploads expire after 24 hours)"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> ImportUpload? {
        guard
            let upload = try await ImportUploads(db: req.store, scope: read).upload(
                id, owner: try await req.account().id)
        else {
            return nil
        }
        guard read.contains(unit: upload.unitID),
            try await OrganisationTree(db: req.store, scope: read).unit(upload.unitID, on: try req.asOfDate()) != nil
        else { throw Abort(.notFound, reason: UnitResolver.notFound) }
        return upload
    }

    static func covers(_ upload: ImportUpload, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(unit: upload.unitID)
    }

    static func forbidden(_ action: Action) -> String {
        UnitResolver.forbidden(action)
    }
}

extension Resolved {
    /// The upload the path names.
    var upload: ImportUpload { get throws { try object(UploadResolver.self) } }
}
