import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:meeting`: a meeting of a cell the user may see; its cell is resolved with it.
enum MeetingResolver: PathResolver {
    static let notFound = "no meeting is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> MeetingRecord? {
        let meetings = CellMeetings(db: req.db, scope: read, policy: req.meetingPolicy)
        guard let meeting = try await meetings.meetingRecord(id) else { return nil }
        try await CellResolver.remember(meeting.organisationID, in: read, req)
        return meeting
    }

    static func covers(_ meeting: MeetingRecord, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(organisation: meeting.organisationID)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow recording meetings in this cell"
    }
}

extension Resolved {
    /// The meeting the path names.
    var meeting: MeetingRecord { get throws { try object(MeetingResolver.self) } }
    /// The id of the meeting the path names.
    var meetingID: UUID { get throws { try meeting.requireID() } }
}
