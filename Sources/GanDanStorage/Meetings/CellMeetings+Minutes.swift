import FluentKit
import Foundation
import GanDanCore
import SQLKit

extension CellMeetings {
    /// Records the minutes of a meeting: the first version, or a correction that keeps the old text (rules.md R10).
    ///
    /// The roll comes from the registry on the meeting day; every member on it is marked. Tasks are assigned to
    /// named members and earlier tasks reviewed (rules.md A7). Everything is checked first; nothing is written
    /// unless all of it is valid. A short meeting or late notice is recorded, not refused: it is returned as a warning,
    /// lowers the quality score and is flagged on the meeting and the commune dashboard (rules.md R8, R11).
    ///
    /// `basedOn` is the version of the minutes the form was opened on (0: none yet), when the form says: if another
    /// save came in between (another device, a form kept offline and sent later), nothing is written and
    /// `MinutesChangedMeanwhile` tells the version stored now, so the person decides which text stands (issue 20).
    @discardableResult
    public func recordMinutes(_ meetingID: UUID, _ entry: MinutesEntry, basedOn: Int? = nil, actor: Actor)
        async throws -> [String]
    {
        guard let meeting = try await meetingRecord(meetingID) else {
            throw StorageError.notFound("no meeting \(meetingID)")
        }
        guard meeting.status != MeetingStatus.cancelled.rawValue else {
            throw StorageError.conflict(
                vi: "Cuộc họp đã hủy nên không có biên bản.", en: "the meeting was called off: it has no minutes")
        }
        if let basedOn, basedOn != meeting.currentVersion {
            throw MinutesChangedMeanwhile(meetingID: meetingID, storedVersion: meeting.currentVersion)
        }
        guard let cell = try await OrganisationRecord.find(meeting.organisationID, on: db) else {
            throw StorageError.notFound("no cell or committee \(meeting.organisationID)")
        }
        let prepared = try await prepare(meeting: meeting, cell: cell, entry: entry)
        let errors = prepared.issues.filter { !$0.isWarning }
        guard errors.isEmpty else { throw InputError.invalid(errors) }
        let body = MinutesBody(
            minutes: prepared.minutes, tasks: entry.tasks, reviews: entry.reviews,
            committeeMemberID: entry.committeeMemberID)
        let quality = MeetingQualityScore(
            MeetingQualityChecklist(
                minutes: prepared.minutes,
                scheduledStart: TimeOfDay(meeting.scheduledStart) ?? prepared.minutes.startTime,
                settings: policy.meetings, cellFullMembers: prepared.minutes.roll.full + prepared.minutes.roll.exempt),
            settings: policy.quality)
        let version = meeting.currentVersion + 1
        try await db.writeTransaction { db in
            // Claim the next version: two secretaries saving at once cannot both write version N.
            guard let sql = db as? any SQLDatabase else { throw StorageError.unavailable("an SQL database is needed") }
            let claimed = try await sql.update(MeetingRecord.schema)
                .set("current_version", to: version)
                .set("status", to: MeetingStatus.held.rawValue)
                .where("id", .equal, meetingID)
                .where("current_version", .equal, meeting.currentVersion)
                .returning("id")
                .all()
            guard claimed.count == 1 else {
                if basedOn != nil { throw MinutesChangedMeanwhile(meetingID: meetingID, storedVersion: version) }
                throw StorageError.conflict(
                    vi: "Có người khác vừa lưu biên bản này. Hãy mở lại trang rồi thử lại.",
                    en: "someone else saved these minutes meanwhile; reload and try again")
            }
            let row = MinutesVersionRecord()
            row.meetingID = meetingID
            row.version = version
            row.body = try String(decoding: Self.encoder.encode(body), as: UTF8.self)
            row.correctionReason = Self.clean(entry.correctionReason)
            row.recordedBy = actor.name
            row.recordedAt = Date()
            row.durationMinutes = prepared.minutes.durationMinutes
            row.expected = prepared.minutes.roll.expected
            row.present = prepared.minutes.presentCount
            row.quality = quality.score
            row.committeeMemberID = entry.committeeMemberID
            try await row.create(on: db)
            // Absences are counted over cell meetings only (rules.md R12); a committee's minutes keep their roll call.
            if meeting.body == MeetingBody.cell.rawValue {
                try await Self.replaceAttendance(
                    prepared.minutes, meetingID: meetingID, meeting: meeting, cell: cell, on: db)
            }
            try await Self.dropMinutesDraft(meetingID, on: db)
            try await TaskWriter(db: db).sync(
                meeting: meeting, cellID: try cell.requireID(), tasks: entry.tasks, reviews: entry.reviews)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: version == 1 ? "record" : "correct", entity: "meeting_minutes",
                    entityID: "\(meetingID.uuidString)#\(version)", after: row.body, requestID: actor.requestID,
                    unitID: cell.unitID))
        }
        let breaches = prepared.minutes.warnings(
            settings: policy.meetings, cellFullMembers: prepared.minutes.cellFullMembers)
        return (breaches + prepared.issues.filter { $0.isWarning }).map(\.description)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// Builds the Core minutes from the entry and the registry, and collects every problem with field names.
    func prepare(meeting: MeetingRecord, cell: OrganisationRecord, entry: MinutesEntry) async throws -> (
        minutes: MeetingMinutes, issues: [InputIssue]
    ) {
        guard let date = CivilDate(meeting.date) else { throw StorageError.conflict("the meeting has no valid date") }
        var issues: [InputIssue] = []
        func add(_ field: String, _ vi: String, _ en: String) {
            issues.append(InputIssue(field: field, vi: vi, en: en))
        }
        if date > CivilDate.today() {
            add(
                "date", "Cuộc họp vào ngày \(date.vietnamese): chỉ ghi biên bản sau khi đã họp.",
                "The meeting is on \(date.vietnamese): its minutes are recorded once it has taken place.")
        }
        if meeting.currentVersion > 0 && Self.clean(entry.correctionReason) == nil {
            // rules.md R10: a correction of recorded minutes says why.
            add(
                "correctionReason", "Sửa biên bản đã ghi thì phải nêu lý do sửa.",
                "A correction of recorded minutes says why it is made.")
        }
        let body = try meeting.decode(\.$body, as: MeetingBody.self)
        let roster = try await roll(holder: cell, body: body, on: date)
        let marking = Self.mark(entry.attendance, roster: roster, on: date)
        issues += marking.issues
        let roll = marking.roll
        let attendance = marking.attendance
        let minutes = MeetingMinutes(
            date: date, kind: try meeting.decode(\.$kind, as: MeetingKind.self), startTime: entry.startTime,
            endTime: entry.endTime, noticeSentOn: meeting.noticeSentOn.flatMap(CivilDate.init), roll: roll,
            attendance: attendance, chairID: entry.chairID?.uuidString ?? "",
            recorderID: entry.recorderID?.uuidString ?? "",
            agenda: entry.agenda.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty },
            policyRelayed: entry.policyRelayed, lastMonthReview: entry.lastMonthReview,
            monthEvaluation: entry.monthEvaluation, nextMonthDirection: entry.nextMonthDirection,
            tasks: entry.tasks.map { MeetingTask(description: $0.description, assigneeIDs: $0.assigneeIDs) },
            discussion: entry.discussion, votes: entry.votes, conclusion: entry.conclusion)
        let ruleIssues = minutes.issues(settings: policy.meetings, cellFullMembers: roll.full + roll.exempt)
        issues += Self.named(ruleIssues, roster: roster)
        issues += try await taskIssues(entry.tasks, cell: cell, standingOf: marking.standingOf, on: date)
        issues += try await reviewIssues(entry.reviews, meeting: meeting, cell: cell)
        issues += try await committeeMemberIssues(entry.committeeMemberID, cell: cell, body: body, on: date)
        return (minutes, issues)
    }

    /// The committee member recorded present must be the one assigned to the cell on the day (rules.md R11).
    func committeeMemberIssues(_ present: UUID?, cell: OrganisationRecord, body: MeetingBody, on date: CivilDate)
        async throws -> [InputIssue]
    {
        guard let present else { return [] }
        let assigned =
            body == .cell ? try await CommitteeAssignments.record(of: try cell.requireID(), on: date, db: db) : nil
        guard assigned?.memberID != present else { return [] }
        return [
            // rules.md R11: the committee member present is the one assigned to the cell that day.
            InputIssue(
                field: "committeeMemberID",
                vi: "Người được chọn không phải cấp ủy viên phụ trách chi bộ ngày \(date.vietnamese).",
                en: "The person chosen is not the committee member assigned to this cell on \(date.vietnamese).")
        ]
    }
}

/// The minutes were saved again after the form being sent was opened: nothing was written (issue 20).
public struct MinutesChangedMeanwhile: Error, Sendable, Hashable {
    public var meetingID: UUID
    /// The version stored now (at least; another save may be under way).
    public var storedVersion: Int
}
