import FluentKit
import Foundation
import GanDanCore

/// A meeting's notice: each person told and how, the members of the roll and the upper-level committee member assigned
/// to the cell (rules.md R11).
extension CellMeetings {
    /// Records who was told of a planned meeting and how, replacing what was recorded before; the notice day too.
    public func recordNotice(_ meetingID: UUID, _ draft: MeetingNoticeDraft, actor: Actor) async throws {
        try draft.noticeSentOn.requireSupported(field: "noticeSentOn")
        guard let meeting = try await meetingRecord(meetingID),
            let holder = try await OrganisationRecord.find(meeting.organisationID, on: db)
        else { throw StorageError.notFound("no meeting \(meetingID)") }
        guard meeting.status == MeetingStatus.planned.rawValue else {
            throw StorageError.conflict(
                vi: "Cuộc họp đã diễn ra hoặc đã hủy: giấy báo họp đã vào hồ sơ, không sửa được nữa.",
                en: "the meeting is \(meeting.status): its notice is part of its record")
        }
        let date = try meeting.date(\.$date)
        if draft.noticeSentOn > date {
            throw InputError.invalid(
                field: "noticeSentOn", vi: "Ngày gửi giấy báo họp không được sau ngày họp.",
                en: "Notice cannot go out after the meeting day.")
        }
        let rows = try await noticeRows(
            draft.notifications, holder: holder, body: try meeting.decode(\.$body, as: MeetingBody.self), date: date,
            noticeSentOn: draft.noticeSentOn)
        try await db.writeTransaction { db in
            try await MeetingNotificationRecord.query(on: db).filter(\.$meetingID == meetingID).delete()
            for row in rows {
                row.meetingID = meetingID
                try await row.create(on: db)
            }
            meeting.noticeSentOn = draft.noticeSentOn.iso
            if let documents = Self.clean(draft.documents) { meeting.documents = documents }
            try await meeting.update(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "notice", entity: "meeting", entityID: meetingID.uuidString,
                    after: AuditTrail.json(draft), requestID: actor.requestID, unitID: holder.unitID))
        }
    }

    /// The rows of a notice, checked: each person once, on the meeting's roll on the day or the committee member
    /// assigned to the cell then, and a notice day when anyone was told.
    func noticeRows(
        _ entries: [NoticeEntry], holder: OrganisationRecord, body: MeetingBody, date: CivilDate,
        noticeSentOn: CivilDate?
    ) async throws -> [MeetingNotificationRecord] {
        guard !entries.isEmpty else { return [] }
        var issues: [InputIssue] = []
        if noticeSentOn == nil {
            issues.append(
                InputIssue(
                    field: "noticeSentOn", vi: "Hãy ghi ngày gửi giấy báo họp.",
                    en: "The notice names the day people were told."))
        }
        let roll = Set(try await roll(holder: holder, body: body, on: date).map(\.member.id))
        let assigned =
            body == .cell ? try await CommitteeAssignments.record(of: try holder.requireID(), on: date, db: db) : nil
        var seen: Set<UUID> = []
        var rows: [MeetingNotificationRecord] = []
        for (index, entry) in entries.enumerated() {
            let field = "notifications[\(index)].memberID"
            guard seen.insert(entry.memberID).inserted else {
                issues.append(
                    InputIssue(field: field, vi: "Một người được ghi hai lần.", en: "Someone is listed twice."))
                continue
            }
            let isCommitteeMember = assigned?.memberID == entry.memberID
            guard roll.contains(entry.memberID) || isCommitteeMember else {
                issues.append(
                    // rules.md R11: notice goes to the roll and the committee member assigned.
                    InputIssue(
                        field: field,
                        vi: "Người được báo không có trong danh sách ngày \(date.vietnamese) và không phải cấp ủy viên "
                            + "phụ trách.",
                        en: "Someone told is neither on the roll on \(date.vietnamese) nor the committee member "
                            + "assigned to it."))
                continue
            }
            let row = MeetingNotificationRecord()
            row.id = UUID()
            row.memberID = entry.memberID
            row.method = entry.method.rawValue
            row.committeeMember = isCommitteeMember && !roll.contains(entry.memberID)
            rows.append(row)
        }
        guard issues.isEmpty else { throw InputError.invalid(issues) }
        return rows
    }

    /// Who was told of a meeting and how, the committee member first, then by name.
    func notifications(of meetingID: UUID) async throws -> [NoticeView] {
        let rows = try await MeetingNotificationRecord.query(on: db).filter(\.$meetingID == meetingID).all()
        let names = try await memberNames(rows.map(\.memberID))
        return try rows.map {
            NoticeView(
                member: NamedID(id: $0.memberID, name: names[$0.memberID] ?? ""),
                method: try $0.decode(\.$method, as: NoticeMethod.self), committeeMember: $0.committeeMember)
        }.sorted {
            ($0.committeeMember ? 0 : 1, VietnameseText.personNameSortKey($0.member.name))
                < ($1.committeeMember ? 0 : 1, VietnameseText.personNameSortKey($1.member.name))
        }
    }

    /// The upper-level committee member assigned to a cell on its meeting's day (rules.md R11).
    func assignedCommitteeMember(_ meeting: MeetingRecord) async throws -> NamedID? {
        guard meeting.body == MeetingBody.cell.rawValue,
            let record = try await CommitteeAssignments.record(
                of: meeting.organisationID, on: try meeting.date(\.$date), db: db)
        else { return nil }
        let names = try await memberNames([record.memberID])
        return NamedID(id: record.memberID, name: names[record.memberID] ?? "")
    }
}
