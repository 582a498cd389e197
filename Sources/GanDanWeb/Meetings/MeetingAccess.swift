import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension Request {
    /// The province's meeting rules and quality checklist (rules.md R8, R11, R12).
    var meetingPolicy: MeetingPolicy { application.settings.meetingPolicy }

    /// Meetings in the user's scope for `action`: read for lists, write for the writers of a write group.
    func meetings(_ action: Action = .read) async throws -> CellMeetings {
        CellMeetings(db: store, scope: try await scope(action), policy: meetingPolicy, criteriaSets: criteriaSets)
    }

    /// A year from the path's `:year` or `?year=`, the as-of date's year when absent; a bad year is a 400.
    func year() throws -> Int {
        let parameter = QueryParameter.year
        let text = try parameters.get(parameter.name) ?? queryText(parameter)
        guard let text, !text.isEmpty else { return try asOfDate().year }
        guard let year = Int(text), CivilDate.supportedYears.contains(year) else {
            throw QueryValueError(parameter, text)
        }
        return year
    }
}
