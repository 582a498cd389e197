import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension Request {
    /// Roles that may import: planners and administrators (secretaries edit their own cell by hand).
    static let importerRoles: Set<Role> = [.planner, .administrator]

    /// The scope the user may import into, from their planner and administrator grants only.
    func importScope() async throws -> AccessScope {
        let access = try await access()
        return try await ScopeResolver(db: store).scope(
            for: access.account, roles: Self.importerRoles, on: try asOfDate())
    }

    /// A unit the user may import into: 404 when they cannot see it, 403 when they may not manage it.
    func requireImportUnit(_ id: UUID) async throws -> UnitSnapshot {
        let access = try await access()
        guard access.scopes.read.contains(unit: id),
            let unit = try await OrganisationTree(db: store, scope: access.scopes.read).unit(id, on: try asOfDate())
        else { throw Abort(.notFound, reason: "no unit is at this address") }
        guard try await importScope().contains(unit: id) else {
            throw Abort(.forbidden, reason: "only a planner of this unit may import members or households")
        }
        return unit
    }

    /// An upload of the user (nobody else's), still in force, in a unit they may still import into.
    func ownUpload(_ id: UUID) async throws -> ImportUpload {
        let access = try await access()
        guard let upload = try await ImportUploads(db: store).upload(id, owner: access.account.id) else {
            throw Abort(.notFound, reason: "no upload is at this address (uploads expire after 24 hours)")
        }
        _ = try await requireImportUnit(upload.unitID)
        return upload
    }
}
