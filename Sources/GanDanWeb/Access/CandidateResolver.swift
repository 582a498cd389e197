import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:candidate`: a candidate for admission of a cell the user may see; its cell is resolved with it.
enum CandidateResolver: PathResolver {
    static let notFound = "no candidate is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> CandidateView? {
        let register = CandidateRegister(db: req.store, scope: read, calendar: req.workingCalendar)
        guard let view = try await register.candidate(id, on: try req.asOfDate()) else { return nil }
        try await CellResolver.remember(view.cellID, in: read, req)
        return view
    }

    static func covers(_ view: CandidateView, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(organisation: view.cellID)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow changing this cell's records"
    }
}

extension Resolved {
    /// The candidate the path names, as they stood on the date asked.
    var candidate: CandidateView { get throws { try object(CandidateResolver.self) } }
}
