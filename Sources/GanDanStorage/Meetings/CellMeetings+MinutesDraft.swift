import FluentKit
import Foundation
import GanDanCore

/// Minutes being written, kept on the server as typed until they have a conclusion (issue 20 item 5).
public struct MinutesDraft: Sendable, Hashable {
    /// The form's fields as the web page sent them, JSON; read back only by the form that wrote them.
    public var fields: String
    public var savedBy: String
    public var savedAt: Date
}

extension CellMeetings {
    /// Keeps the minutes form of a meeting with no minutes yet as typed, unchecked, over any earlier draft.
    ///
    /// A draft is not minutes: no version, no attendance, no tasks, the meeting stays as planned, so dashboards,
    /// absences and papers never count it. Recording the minutes drops it.
    public func saveMinutesDraft(_ meetingID: UUID, fields: String, actor: Actor) async throws {
        guard let meeting = try await meetingRecord(meetingID) else {
            throw StorageError.notFound("no meeting \(meetingID)")
        }
        guard meeting.status != MeetingStatus.cancelled.rawValue else {
            throw StorageError.conflict(
                vi: "Cuộc họp đã hủy nên không có biên bản.", en: "the meeting was called off: it has no minutes")
        }
        guard meeting.currentVersion == 0 else {
            throw StorageError.conflict(
                vi: "Biên bản đã được ghi: sửa biên bản thì phải ghi kết luận và lý do sửa.",
                en: "The minutes are recorded: a correction needs its conclusion and the reason for it.")
        }
        let unitID = try await OrganisationRecord.find(meeting.organisationID, on: db)?.unitID
        try await db.writeTransaction { db in
            try await MinutesDraftRecord.query(on: db).filter(\.$meetingID == meetingID).delete()
            let row = MinutesDraftRecord()
            row.meetingID = meetingID
            row.fields = fields
            row.savedBy = actor.name
            row.savedAt = Date()
            try await row.create(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "draft", entity: "meeting_minutes", entityID: meetingID.uuidString,
                    requestID: actor.requestID, unitID: unitID))
        }
    }

    /// The unfinished minutes of a meeting the scope holds, nil when there are none.
    public func minutesDraft(_ meetingID: UUID) async throws -> MinutesDraft? {
        guard try await meetingRecord(meetingID) != nil,
            let row = try await MinutesDraftRecord.query(on: db).filter(\.$meetingID == meetingID).first()
        else { return nil }
        return MinutesDraft(fields: row.fields, savedBy: row.savedBy, savedAt: row.savedAt)
    }

    /// Drops the draft once the minutes are recorded (inside their transaction).
    static func dropMinutesDraft(_ meetingID: UUID, on db: any Database) async throws {
        try await MinutesDraftRecord.query(on: db).filter(\.$meetingID == meetingID).delete()
    }
}
