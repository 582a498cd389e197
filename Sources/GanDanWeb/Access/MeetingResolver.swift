import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:meeting`: a meeting of a cell or grassroots committee the user may see; its cell or committee is resolved with it.
enum MeetingResolver: PathResolver {
    static let notFound = "no meeting is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> MeetingSummary? {
        let meetings = CellMeetings(
            db: req.store, scope: read, policy: req.meetingPolicy, criteriaSets: req.criteriaSets)
        guard let meeting = try await meetings.meeting(id) else { return nil }
        if meeting.body == .cell {
            try await CellResolver.remember(meeting.cellID, in: read, req)
        } else {
            try await CommitteeResolver.remember(meeting.cellID, in: read, req)
        }
        return meeting
    }

    static func covers(_ meeting: MeetingSummary, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(organisation: meeting.cellID)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow recording these meetings"
    }
}

extension Resolved {
    /// The meeting the path names.
    var meeting: MeetingSummary { get throws { try object(MeetingResolver.self) } }
    /// The id of the meeting the path names.
    var meetingID: UUID { get throws { try meeting.id } }
}
