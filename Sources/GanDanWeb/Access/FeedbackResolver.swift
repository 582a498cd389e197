import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:feedback`: a citizens' feedback item of a cell the user may see; its cell is resolved with it.
enum FeedbackResolver: PathResolver {
    static let notFound = "no feedback is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> FeedbackView? {
        guard let item = try await FeedbackBook(db: req.store, scope: read, calendar: req.workingCalendar).item(id)
        else { return nil }
        try await CellResolver.remember(item.cellID, in: read, req)
        return item
    }

    static func covers(_ item: FeedbackView, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(organisation: item.cellID)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow changing this cell's records"
    }
}

extension Resolved {
    /// The feedback item the path names.
    var feedback: FeedbackView { get throws { try object(FeedbackResolver.self) } }
    /// The id of the feedback the path names.
    var feedbackID: UUID { get throws { try feedback.id } }
}
