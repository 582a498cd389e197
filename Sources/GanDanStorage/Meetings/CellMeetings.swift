import FluentKit
import Foundation
import GanDanCore

/// A cell's meetings: plan with notice, record minutes in versions, list and read them (rules.md R7–R11). A grassroots
/// committee's meetings, and its standing body's, are planned and recorded the same way (rules.md R7).
///
/// Every call checks the cell or committee against `scope`: reads use the read scope, writes the write scope.
public struct CellMeetings: Sendable {
    let db: any Database
    let scope: AccessScope
    let policy: MeetingPolicy
    /// The new-rural criteria sets a task may aim at: the built-in ones, or a province's file over them (rules.md R24).
    let criteriaSets: [RuralCriteriaSet]

    public init(
        db: any Database, scope: AccessScope, policy: MeetingPolicy = .standard,
        criteriaSets: [RuralCriteriaSet] = RuralCriteriaSet.all
    ) {
        self.db = db
        self.scope = scope
        self.policy = policy
        self.criteriaSets = criteriaSets
    }

    /// The cell, when it exists and lies in the scope.
    public func cell(_ id: UUID) async throws -> OrganisationSnapshot? {
        guard let cell = try await cellRecord(id) else { return nil }
        return try OrganisationSnapshot(cell, latestRating: nil)
    }

    /// The stored cell, when it exists and lies in the scope.
    func cellRecord(_ id: UUID) async throws -> OrganisationRecord? {
        guard scope.contains(organisation: id), let cell = try await OrganisationRecord.find(id, on: db),
            try cell.decode(\.$kind, as: OrganisationKind.self).isCell
        else { return nil }
        return cell
    }

    /// The cell or grassroots committee, when it exists and lies in the scope: the organisations that hold meetings
    /// (rules.md R7).
    func holderRecord(_ id: UUID) async throws -> OrganisationRecord? {
        guard scope.contains(organisation: id), let holder = try await OrganisationRecord.find(id, on: db) else {
            return nil
        }
        let kind = try holder.decode(\.$kind, as: OrganisationKind.self)
        return kind.isCell || kind == .grassrootsCommittee ? holder : nil
    }

    /// The grassroots committee, when it exists and lies in the scope.
    public func committee(_ id: UUID) async throws -> OrganisationSnapshot? {
        guard let committee = try await holderRecord(id),
            try committee.decode(\.$kind, as: OrganisationKind.self) == .grassrootsCommittee
        else { return nil }
        return try OrganisationSnapshot(committee, latestRating: nil)
    }

    /// The meeting, when the cell or committee that holds it lies in the scope.
    public func meeting(_ id: UUID) async throws -> MeetingSummary? {
        try await meetingRecord(id).map { try summary($0, latest: nil) }
    }

    /// The stored meeting, when the cell or committee that holds it lies in the scope.
    func meetingRecord(_ id: UUID) async throws -> MeetingRecord? {
        guard let meeting = try await MeetingRecord.find(id, on: db),
            scope.contains(organisation: meeting.organisationID)
        else { return nil }
        return meeting
    }

    /// Puts a meeting in the cell's calendar; a thematic meeting names its topic (rules.md R9, R11).
    public func plan(cellID: UUID, _ draft: MeetingPlanDraft, actor: Actor) async throws -> MeetingSummary {
        guard let cell = try await cellRecord(cellID) else { throw StorageError.notFound("no cell \(cellID)") }
        return try await plan(holder: cell, draft, actor: actor)
    }

    /// Puts a meeting of a grassroots committee, or of its standing body, in its calendar (rules.md R7).
    public func plan(committeeID: UUID, _ draft: MeetingPlanDraft, actor: Actor) async throws -> MeetingSummary {
        guard let committee = try await holderRecord(committeeID),
            !(try committee.decode(\.$kind, as: OrganisationKind.self).isCell)
        else { throw StorageError.notFound("no grassroots committee \(committeeID)") }
        return try await plan(holder: committee, draft, actor: actor)
    }

    /// Checks and writes a planned meeting of a cell or committee, with its audit entry.
    func plan(holder: OrganisationRecord, _ draft: MeetingPlanDraft, actor: Actor) async throws -> MeetingSummary {
        try draft.date.requireSupported(field: "date")
        try draft.noticeSentOn?.requireSupported(field: "noticeSentOn")
        let kind = try holder.decode(\.$kind, as: OrganisationKind.self)
        var issues: [InputIssue] = []
        let body = draft.body ?? (kind.isCell ? .cell : nil)
        if let body, !body.isHeld(by: kind) {
            issues.append(
                InputIssue(
                    field: "body", vi: "\(kind.label.vi) không tổ chức loại họp này.",
                    en: "A \(kind.label.en.lowercased()) does not hold this kind of meeting."))
        } else if body == nil {
            issues.append(
                // rules.md R7: a grassroots committee meets as a whole or through its standing body.
                InputIssue(
                    field: "body", vi: "Hãy chọn họp toàn thể Ban Chấp hành hay họp Ban Thường vụ.",
                    en: "Choose whether the whole committee or its standing body meets."))
        }
        let topic = draft.topic?.trimmingCharacters(in: .whitespacesAndNewlines)
        if draft.kind != .regular && (topic ?? "").isEmpty {
            // rules.md R9: a thematic meeting names its topic.
            issues.append(
                InputIssue(
                    field: "topic", vi: "Sinh hoạt chuyên đề phải ghi chuyên đề.",
                    en: "A thematic meeting names its topic."))
        }
        if let notice = draft.noticeSentOn, notice > draft.date {
            issues.append(
                InputIssue(
                    field: "noticeSentOn", vi: "Ngày gửi giấy báo họp không được sau ngày họp.",
                    en: "Notice cannot go out after the meeting day."))
        }
        if let until = CivilDate(holder.validUntil ?? ""), draft.date >= until {
            issues.append(
                InputIssue(
                    field: "date",
                    vi: "\(kind.isCell ? "Chi bộ" : "Đảng ủy") đã giải thể từ ngày \(until.vietnamese).",
                    en: "The \(kind.isCell ? "cell" : "committee") was closed on \(until.vietnamese)."))
        }
        guard issues.isEmpty, let body else { throw InputError.invalid(issues) }
        let notices = try await noticeRows(
            draft.notifications, holder: holder, body: body, date: draft.date, noticeSentOn: draft.noticeSentOn)
        let record = MeetingRecord()
        record.id = UUID()
        record.organisationID = try holder.requireID()
        record.body = body.rawValue
        record.kind = draft.kind.rawValue
        record.status = MeetingStatus.planned.rawValue
        record.date = draft.date.iso
        record.scheduledStart = draft.scheduledStart.description
        record.topic = (topic ?? "").isEmpty ? nil : topic
        record.noticeSentOn = draft.noticeSentOn?.iso
        record.documents = Self.clean(draft.documents)
        record.currentVersion = 0
        record.createdBy = actor.name
        record.createdAt = Date()
        try await db.writeTransaction { db in
            try await record.create(on: db)
            for notice in notices {
                notice.meetingID = try record.requireID()
                try await notice.create(on: db)
            }
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "create", entity: "meeting", entityID: record.id?.uuidString,
                    after: AuditTrail.json(draft), requestID: actor.requestID, unitID: holder.unitID))
        }
        return try summary(record, latest: nil)
    }

    /// Calls off a planned meeting; held meetings keep their minutes for ever (rules.md R10).
    public func cancel(_ id: UUID, actor: Actor) async throws {
        guard let meeting = try await meetingRecord(id) else { throw StorageError.notFound("no meeting \(id)") }
        guard meeting.status == MeetingStatus.planned.rawValue else {
            throw StorageError.conflict(
                vi: "Chỉ hủy được cuộc họp chưa diễn ra.",
                en: "the meeting is \(meeting.status): only a planned meeting can be called off")
        }
        let unit = try await OrganisationRecord.find(meeting.organisationID, on: db)?.unitID
        try await db.writeTransaction { db in
            meeting.status = MeetingStatus.cancelled.rawValue
            try await meeting.update(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "cancel", entity: "meeting", entityID: id.uuidString,
                    requestID: actor.requestID, unitID: unit))
        }
    }

    /// The meetings of a cell (or of a grassroots committee and its standing body) between two dates (until
    /// exclusive), newest first.
    public func meetings(of cellID: UUID, from: CivilDate? = nil, until: CivilDate? = nil) async throws
        -> [MeetingSummary]
    {
        guard try await holderRecord(cellID) != nil else { return [] }
        var query = MeetingRecord.query(on: db).filter(\.$organisationID == cellID)
        if let from { query = query.filter(\.$date >= from.iso) }
        if let until { query = query.filter(\.$date < until.iso) }
        let records = try await query.sort(\.$date, .descending).sort(\.$id).all()
        let latest = try await currentVersions(of: records)
        return try records.map { try summary($0, latest: latest[$0.requireID()]) }
    }

    /// One meeting with the minutes in force, or the version asked for, and its history.
    public func detail(_ id: UUID, version: Int? = nil) async throws -> MeetingDetail? {
        guard let meeting = try await meetingRecord(id),
            let cell = try await OrganisationRecord.find(meeting.organisationID, on: db)
        else { return nil }
        let versions = try await MinutesVersionRecord.query(on: db).filter(\.$meetingID == id).sort(\.$version).all()
        let wanted = version ?? meeting.currentVersion
        if version != nil && !versions.contains(where: { $0.version == wanted }) {
            throw StorageError.notFound("the minutes have no version \(wanted)")
        }
        let shown = versions.first { $0.version == wanted }
        let body = try shown.map { try JSONDecoder().decode(MinutesBody.self, from: Data($0.body.utf8)) }
        let current = versions.first { $0.version == meeting.currentVersion }
        let assigned = try await taskViews(MemberTaskRecord.query(on: db).filter(\.$meetingID == id).sort(\.$position))
        let reviewed = try await taskViews(MemberTaskRecord.query(on: db).filter(\.$reviewedMeetingID == id))
        var ids: Set<UUID> = []
        if let body {
            ids.formUnion(body.minutes.attendance.compactMap { UUID(uuidString: $0.memberID) })
            ids.formUnion(body.tasks.flatMap(\.assigneeIDs).compactMap { UUID(uuidString: $0) })
            if let member = body.committeeMemberID { ids.insert(member) }
        }
        let names = try await memberNames(Array(ids))
        // The minutes are judged with the notice day as it stands now: a notice recorded later clears the flag.
        var judged = body?.minutes
        judged?.noticeSentOn = try meeting.date(\.$noticeSentOn)
        let breaches = judged?.breaches(settings: policy.meetings) ?? []
        return MeetingDetail(
            meeting: try summary(meeting, latest: current), cellName: cell.name, shownVersion: shown?.version,
            body: body,
            versions: versions.map {
                MinutesVersionInfo(
                    version: $0.version, recordedBy: $0.recordedBy, recordedAt: $0.recordedAt,
                    correctionReason: $0.correctionReason)
            }, names: names.map { NamedID(id: $0.key, name: $0.value) }.sorted { $0.name < $1.name },
            tasksAssigned: assigned, tasksReviewed: reviewed, warnings: breaches.map(\.label.en), breaches: breaches,
            assignedCommitteeMember: try await assignedCommitteeMember(meeting),
            notifications: try await notifications(of: id))
    }

    func currentVersions(of meetings: [MeetingRecord]) async throws -> [UUID: MinutesVersionRecord] {
        let held = meetings.filter { $0.currentVersion > 0 }
        guard !held.isEmpty else { return [:] }
        var result: [UUID: MinutesVersionRecord] = [:]
        let wanted = try Dictionary(uniqueKeysWithValues: held.map { (try $0.requireID(), $0.currentVersion) })
        for chunk in held.chunked(500) {
            let ids = chunk.compactMap(\.id)
            for version in try await MinutesVersionRecord.query(on: db).filter(\.$meetingID ~~ ids)
                .field(\.$id).field(\.$meetingID).field(\.$version).field(\.$durationMinutes).field(\.$expected)
                .field(\.$present).field(\.$quality).all()
            where wanted[version.meetingID] == version.version {
                result[version.meetingID] = version
            }
        }
        return result
    }

    func summary(_ record: MeetingRecord, latest: MinutesVersionRecord?) throws -> MeetingSummary {
        let kind = try record.decode(\.$kind, as: MeetingKind.self)
        let date = try record.date(\.$date)
        let notice = try record.date(\.$noticeSentOn)
        var warning: String?
        if record.status != MeetingStatus.cancelled.rawValue {
            warning = MeetingMinutes.noticeWarning(date: date, noticeSentOn: notice, settings: policy.meetings)
        }
        return MeetingSummary(
            id: try record.requireID(), cellID: record.organisationID,
            body: try record.decode(\.$body, as: MeetingBody.self), kind: kind,
            status: try record.decode(\.$status, as: MeetingStatus.self), date: date,
            scheduledStart: TimeOfDay(record.scheduledStart) ?? TimeOfDay(hour: 7, minute: 30)!, topic: record.topic,
            noticeSentOn: notice, legacyCommitteeMemberNote: record.notifiedCommitteeMember,
            documents: record.documents,
            version: record.currentVersion, durationMinutes: latest?.durationMinutes, expected: latest?.expected,
            present: latest?.present, quality: latest?.quality, noticeWarning: warning)
    }

    func memberNames(_ ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [UUID: String] = [:]
        for chunk in ids.chunked(500) {
            for record in try await MemberRecord.query(on: db).filter(\.$id ~~ chunk)
                .field(\.$id).field(\.$fullName).all()
            {
                names[try record.requireID()] = record.fullName
            }
        }
        return names
    }

    static func clean(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
