import FluentKit
import Foundation
import GanDanCore

/// A feedback item as lists show it: where it stands and when it is due (rules.md A8).
public struct FeedbackView: Codable, Sendable, Hashable {
    public var id: UUID
    public var cellID: UUID
    public var villageID: UUID
    public var feedback: CitizenFeedback
    public var stage: FeedbackStage
    public var due: CivilDate?
    public var overdue: Bool
    public var reportedMeetingID: UUID?
}

/// Feedback counted per village and topic (rules.md A8).
public struct FeedbackCount: Codable, Sendable, Hashable {
    public var villageID: UUID
    public var topic: FeedbackTopic
    public var total: Int
    public var open: Int
    public var overdue: Int
}

/// One step of a feedback item's way to an answer.
public enum FeedbackStep: Codable, Sendable, Hashable {
    case forward(on: CivilDate, to: ResponsibleBody, detail: String?)
    case answer(on: CivilDate, text: String)
    /// Told to the village at a meeting (the meeting is optional: it may have been held outside GanDan).
    case reportBack(on: CivilDate, meetingID: UUID?)
}

/// What citizens raised, who it went to, the answer, and the report back to the village (rules.md A8).
///
/// Names of citizens are kept only with their consent (rules.md R30); every change is audited.
public struct FeedbackBook: Sendable {
    let db: any Database
    let scope: AccessScope
    let settings: FeedbackSettings
    let calendar: WorkingCalendar

    public init(
        db: any Database, scope: AccessScope, settings: FeedbackSettings = .standard,
        calendar: WorkingCalendar = .vietnam
    ) {
        self.db = db
        self.scope = scope
        self.settings = settings
        self.calendar = calendar
    }

    /// Records what a citizen raised in the cell's village.
    public func record(cellID: UUID, _ feedback: CitizenFeedback, actor: Actor) async throws -> FeedbackView {
        try feedback.receivedOn.requireSupported(field: "receivedOn")
        guard scope.contains(organisation: cellID), let cell = try await OrganisationRecord.find(cellID, on: db),
            try cell.decode(\.$kind, as: OrganisationKind.self).isCell
        else { throw StorageError.notFound("no cell \(cellID)") }
        let errors = feedback.issues.filter { !$0.isWarning }
        guard errors.isEmpty else { throw InputError.invalid(errors) }
        let record = FeedbackRecord()
        record.id = UUID()
        record.organisationID = cellID
        record.unitID = cell.unitID
        record.createdBy = actor.name
        record.createdAt = Date()
        try fill(record, feedback)
        try await db.writeTransaction { db in
            try await record.create(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "create", entity: "citizen_feedback", entityID: record.id?.uuidString,
                    after: record.body, requestID: actor.requestID, unitID: cell.unitID))
        }
        return try view(record, on: feedback.receivedOn)
    }

    /// Moves an item on: forwarded, answered, or reported back to the village.
    public func apply(_ step: FeedbackStep, to id: UUID, actor: Actor) async throws -> FeedbackView {
        guard let record = try await itemRecord(id) else { throw StorageError.notFound("no feedback \(id)") }
        var feedback = try decode(record)
        let before = record.body
        var day: CivilDate
        switch step {
        case .forward(let on, let body, let detail):
            feedback.forwardedOn = on
            feedback.forwardedTo = body
            feedback.forwardedToDetail = detail?.trimmingCharacters(in: .whitespacesAndNewlines)
            day = on
        case .answer(let on, let text):
            if feedback.forwardedOn == nil {
                throw StorageError.conflict(
                    vi: "Hãy chuyển ý kiến lên nơi có thẩm quyền trước khi ghi câu trả lời.",
                    en: "forward the item before recording its answer")
            }
            feedback.answeredOn = on
            feedback.answer = text.trimmingCharacters(in: .whitespacesAndNewlines)
            day = on
        case .reportBack(let on, let meetingID):
            if feedback.answeredOn == nil {
                throw StorageError.conflict(
                    vi: "Chỉ báo lại cho thôn khi ý kiến đã có câu trả lời.",
                    en: "an item is reported back to the village once it has an answer")
            }
            if let meetingID {
                guard let meeting = try await MeetingRecord.find(meetingID, on: db),
                    meeting.organisationID == record.organisationID, meeting.status == MeetingStatus.held.rawValue,
                    let held = CivilDate(meeting.date), held >= (feedback.answeredOn ?? held)
                else {
                    throw InputError.invalid([
                        InputIssue(
                            field: "meetingID",
                            vi: "Cuộc họp được chọn không phải cuộc họp của chi bộ sau khi trả lời.",
                            en: "The meeting chosen is not one this cell held after the answer.")
                    ])
                }
            }
            feedback.reportedBackOn = on
            record.reportedMeetingID = meetingID
            day = on
        }
        let errors = feedback.issues.filter { !$0.isWarning }
        guard errors.isEmpty else { throw InputError.invalid(errors) }
        try fill(record, feedback)
        try await db.writeTransaction { db in
            try await record.update(on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "update", entity: "citizen_feedback", entityID: id.uuidString,
                    before: before, after: record.body, requestID: actor.requestID, unitID: record.unitID))
        }
        day = max(day, CivilDate.today())
        return try view(record, on: day)
    }

    /// The item, when its cell lies in the scope.
    public func item(_ id: UUID) async throws -> FeedbackView? {
        try await itemRecord(id).map { try view($0, on: CivilDate.today()) }
    }

    /// The stored item, when its cell lies in the scope.
    func itemRecord(_ id: UUID) async throws -> FeedbackRecord? {
        guard let record = try await FeedbackRecord.find(id, on: db),
            scope.contains(organisation: record.organisationID)
        else { return nil }
        return record
    }

    /// The items of the given cells as they stood on `date` (rules.md R26), overdue ones first; `overdueOnly` keeps
    /// only the items overdue that day (what a dashboard counts).
    public func list(
        cells: [UUID], on date: CivilDate, openOnly: Bool = false, overdueOnly: Bool = false
    ) async throws -> [FeedbackView] {
        let visible = cells.filter { scope.contains(organisation: $0) }
        guard !visible.isEmpty else { return [] }
        var query = FeedbackRecord.query(on: db).filter(\.$organisationID ~~ visible)
            .filter(\.$receivedOn <= date.iso)
        // Open or overdue on the day means not yet answered by its end, whatever has happened since (rules.md R26).
        if openOnly || overdueOnly { query = query.unanswered(asOf: date) }
        let records = try await query.sort(\.$receivedOn, .descending).sort(\.$id).all()
        return try records.map { try view($0, on: date) }.filter {
            (!overdueOnly || $0.overdue) && (!openOnly || $0.stage == .received || $0.stage == .forwarded)
        }.sorted {
            ($0.overdue ? 0 : 1, $0.stage.rawValue == FeedbackStage.reportedBack.rawValue ? 1 : 0)
                < ($1.overdue ? 0 : 1, $1.stage.rawValue == FeedbackStage.reportedBack.rawValue ? 1 : 0)
        }
    }

    /// Items per village and topic, with how many are open and overdue on `date`.
    public func counts(villages: [UUID], on date: CivilDate) async throws -> [FeedbackCount] {
        let visible = villages.filter { scope.contains(unit: $0) }
        guard !visible.isEmpty else { return [] }
        var counts: [String: FeedbackCount] = [:]
        func add(village: UUID, topic: FeedbackTopic, open: Bool, overdue: Bool) {
            let key = "\(village)|\(topic.rawValue)"
            var count = counts[key] ?? FeedbackCount(villageID: village, topic: topic, total: 0, open: 0, overdue: 0)
            count.total += 1
            if open { count.open += 1 }
            if overdue { count.overdue += 1 }
            counts[key] = count
        }
        for chunk in visible.chunked(500) {
            var query = FeedbackRecord.query(on: db).filter(\.$unitID ~~ chunk).filter(\.$receivedOn <= date.iso)
            if let organisations = scope.organisationFilter { query = query.filter(\.$organisationID ~~ organisations) }
            // Answered by the day: counted by their columns alone; only the others are read whole and judged.
            for record in try await query.copy().filter(\.$answeredOn <= date.iso).field(\.$unitID).field(\.$topic)
                .all()
            {
                add(
                    village: record.unitID, topic: try record.decode(\.$topic, as: FeedbackTopic.self), open: false,
                    overdue: false)
            }
            for record in try await query.unanswered(asOf: date).all() {
                let view = try view(record, on: date)
                add(
                    village: record.unitID, topic: view.feedback.topic,
                    open: view.stage == .received || view.stage == .forwarded, overdue: view.overdue)
            }
        }
        return counts.values.sorted {
            ($0.villageID.uuidString, $0.topic.rawValue) < ($1.villageID.uuidString, $1.topic.rawValue)
        }
    }

    func fill(_ record: FeedbackRecord, _ feedback: CitizenFeedback) throws {
        var stored = feedback
        if !stored.nameConsent { stored.citizenName = nil }
        record.body = String(decoding: try CellMeetings.encoder.encode(stored), as: UTF8.self)
        record.topic = stored.topic.rawValue
        record.stage = stored.stage.rawValue
        record.receivedOn = stored.receivedOn.iso
        record.answeredOn = stored.answeredOn?.iso
        record.dueOn = stored.dueDate(calendar: calendar, settings: settings)?.iso
    }

    func decode(_ record: FeedbackRecord) throws -> CitizenFeedback {
        try JSONDecoder().decode(CitizenFeedback.self, from: Data(record.body.utf8))
    }

    /// The item as it stood at the end of `date`: later steps are not shown, and overdue is judged that day.
    func view(_ record: FeedbackRecord, on date: CivilDate) throws -> FeedbackView {
        let feedback = try decode(record).asOf(date)
        return FeedbackView(
            id: try record.requireID(), cellID: record.organisationID, villageID: record.unitID, feedback: feedback,
            stage: feedback.stage, due: feedback.dueDate(calendar: calendar, settings: settings),
            overdue: feedback.isOverdue(on: date, calendar: calendar, settings: settings),
            // The meeting it was told back at is a later step too, until that day (rules.md R26).
            reportedMeetingID: feedback.reportedBackOn == nil ? nil : record.reportedMeetingID)
    }
}

extension QueryBuilder where Model == FeedbackRecord {
    /// The items not yet answered at the end of `date`: only these can be open or overdue that day (rules.md A8).
    func unanswered(asOf date: CivilDate) -> Self {
        group(.or) { $0.filter(\.$answeredOn == nil).filter(\.$answeredOn > date.iso) }
    }
}
