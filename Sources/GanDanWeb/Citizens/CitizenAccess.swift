import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension Request {
    /// Throws 403 unless the user may change records of this cell (a cell they can see: check that first).
    func requireCellWrite(_ id: UUID) async throws {
        guard try await access().scopes.write.contains(organisation: id) else {
            throw Abort(.forbidden, reason: "your role does not allow changing this cell's records")
        }
    }

    /// A unit the user may see and the cells under it they may see, for commune- and district-wide lists.
    func visibleCells(under unitID: UUID) async throws -> (unit: UnitSnapshot, cells: [OrganisationSnapshot]) {
        let date = try asOfDate()
        let access = try await access()
        let tree = OrganisationTree(db: store, scope: access.scopes.read)
        guard access.scopes.read.contains(unit: unitID), let unit = try await tree.unit(unitID, on: date) else {
            throw Abort(.notFound, reason: "no unit is at this address")
        }
        let units = try await tree.subtree(of: unitID, on: date)
        let cells = try await tree.organisations(atUnits: units, on: date).filter {
            $0.kind.isCell && access.scopes.read.contains(organisation: $0.id)
        }
        return (unit, cells)
    }

    /// A date from a form or JSON field; a bad value is a 400 naming the field.
    func date(_ text: String?, field: String) throws -> CivilDate {
        guard let text, let date = CivilDate(text) else {
            throw Abort(.badRequest, reason: "\(field): \"\(text ?? "")\" is not a date (YYYY-MM-DD)")
        }
        return date
    }
}

extension FeedbackView: Content {}
extension FeedbackCount: Content {}
extension SupervisionView: Content {}
extension CandidateView: Content {}
extension RatingSheet: Content {}
