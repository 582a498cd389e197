import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension Request {
    /// The province's meeting rules and quality checklist (rules.md R8, R11, R12).
    var meetingPolicy: MeetingPolicy { application.settings.meetingPolicy }

    /// Meetings in the user's scope for `action`: read for lists, write for the writers of a write group.
    func meetings(_ action: Action = .read) async throws -> CellMeetings {
        CellMeetings(db: store, scope: try await scope(action), policy: meetingPolicy)
    }

    /// A year from `?year=` (or the path), the as-of date's year when absent.
    func year(_ name: String = "year") throws -> Int {
        let text = parameters.get(name) ?? query[String.self, at: name]
        guard let text, !text.isEmpty else { return try asOfDate().year }
        guard let year = Int(text), CivilDate.supportedYears.contains(year) else {
            throw Abort(.badRequest, reason: "year must be a year such as 2019")
        }
        return year
    }

    /// An optional ISO date query parameter; a bad value is a 400.
    func optionalDate(_ name: String) throws -> CivilDate? {
        guard let text = query[String.self, at: name], !text.isEmpty else { return nil }
        guard let date = CivilDate(text) else {
            throw Abort(
                .badRequest, reason: "\(name) \"\(text)\" is not a date (YYYY-MM-DD) from 1900-01-01 to 2100-12-31")
        }
        return date
    }
}
