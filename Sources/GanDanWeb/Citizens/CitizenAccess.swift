import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension Request {
    /// The unit the path names and the cells under it the user may see, for commune- and district-wide lists;
    /// 404 when the unit did not exist on the date asked.
    func visibleCells() async throws -> (unit: UnitSnapshot, cells: [OrganisationSnapshot]) {
        let date = try asOfDate()
        let read = try await scope(.read)
        let tree = OrganisationTree(db: store, scope: read)
        guard let unit = try await tree.unit(try resolved.unit.id, on: date) else {
            throw Abort(.notFound, reason: "no unit is at this address")
        }
        let units = try await OrganisationTree(db: store, scope: .everything).subtree(of: unit.id, on: date)
        let cells = try await tree.organisations(atUnits: units, on: date).filter {
            $0.kind.isCell && read.contains(organisation: $0.id)
        }
        return (unit, cells)
    }

    /// A date from a form or JSON field; a bad value is a 400 naming the field.
    func date(_ text: String?, field: String) throws -> CivilDate {
        guard let text, let date = CivilDate(text) else {
            throw CivilDate.outOfRangeError(field: field, text: text ?? "")
        }
        return date
    }
}

extension FeedbackView: Content {}
extension FeedbackCount: Content {}
extension SupervisionView: Content {}
extension CandidateView: Content {}
extension RatingSheet: Content {}
