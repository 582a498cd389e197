import FluentKit
import Foundation
import GanDanCore

/// The bulk rows of one cell history write, step by step inside its transaction (`CellHistoryWriter`).
struct CellHistoryRows {
    let db: any Database
    let policy: MeetingPolicy
    let actor: Actor
    /// Cell id as text → its unit.
    let unitOf: [String: UUID]
    let now = Date()
    let encoder = CellMeetings.encoder
    /// History household id → stored household id.
    var householdIDs: [String: UUID] = [:]
    /// Task key → stored task id.
    var taskIDs: [String: UUID] = [:]
    var summary = CellHistorySummary()

    init(db: any Database, policy: MeetingPolicy, actor: Actor, unitOf: [String: UUID]) {
        self.db = db
        self.policy = policy
        self.actor = actor
        self.unitOf = unitOf
    }

    /// Households and their statuses per year (rules.md R25).
    mutating func storeHouseholds(_ history: [HistoryHousehold]) async throws {
        var households = BulkRows(
            HouseholdRecord.schema, ["id", "unit_id", "head_name", "name_sort", "name_search", "size", "created_at"])
        var statuses = BulkRows(HouseholdStatusRecord.schema, ["id", "household_id", "year", "standard_id", "status"])
        for household in history {
            guard let unitID = unitOf[household.cellID] else { continue }
            let id = UUID()
            householdIDs[household.id] = id
            households.append([
                id, unitID, household.headName, VietnameseText.personNameSortKey(household.headName),
                VietnameseText.searchKey(household.headName), household.members, now,
            ])
            for (year, status) in household.statuses.sorted(by: { $0.key < $1.key }) {
                guard let standard = PovertyStandard.inForce(year: year) else { continue }
                statuses.append([UUID(), id, year, standard.id, status.rawValue])
            }
        }
        try await households.insert(on: db)
        try await statuses.insert(on: db)
        summary.households = householdIDs.count
    }

    /// Meetings with their minutes, attendance, tasks (with assignees and households) and the reviews of earlier
    /// tasks. Tasks get their ids first, so reviews at later meetings can point at them.
    mutating func storeMeetings(_ history: [HistoryMeeting]) async throws {
        for meeting in history { for task in meeting.tasks { taskIDs[task.key] = UUID() } }
        let meetingIDs = history.map { _ in UUID() }
        var reviewOf: [String: (review: MemberTaskReview, meeting: UUID)] = [:]
        for (index, meeting) in history.enumerated() {
            for review in meeting.reviews { reviewOf[review.taskKey] = (review.review, meetingIDs[index]) }
        }
        var rows = MeetingRows()
        for (index, meeting) in history.enumerated() {
            guard let cellID = UUID(uuidString: meeting.cellID) else { continue }
            let drafts = meeting.tasks.map { task -> MemberTaskDraft in
                var draft = task.draft
                draft.householdIDs = draft.householdIDs.compactMap { householdIDs[$0]?.uuidString }
                return draft
            }
            let reviews = meeting.reviews.compactMap { review -> MemberTaskReview? in
                guard let id = taskIDs[review.taskKey] else { return nil }
                var stored = review.review
                stored.taskID = id.uuidString
                return stored
            }
            let meetingID = meetingIDs[index]
            try rows.appendMeeting(meeting, id: meetingID, cellID: cellID, drafts: drafts, reviews: reviews, in: self)
            rows.appendAttendance(meeting.minutes, meetingID: meetingID, cellID: cellID)
            for (position, task) in meeting.tasks.enumerated() {
                guard let taskID = taskIDs[task.key] else { continue }
                rows.appendTask(
                    drafts[position], id: taskID, position: position, meetingID: meetingID, cellID: cellID,
                    review: reviewOf[task.key])
            }
        }
        try await rows.insert(on: db)
        summary.meetings = history.count
        summary.attendance = rows.attendance.count
        summary.tasks = taskIDs.count
    }

    /// Thematic plans by cell and the criteria met at each year's review (rules.md R9, R24).
    func storePlans(_ plans: [String: [ThematicPlan]], criteria history: [HistoryCriterionStatus]) async throws {
        var topics = BulkRows(ThematicTopicRecord.schema, ["id", "organisation_id", "year", "month", "title"])
        for (cell, plans) in plans.sorted(by: { $0.key < $1.key }) {
            guard let cellID = UUID(uuidString: cell) else { continue }
            for plan in plans {
                for topic in plan.topics { topics.append([UUID(), cellID, plan.year, topic.month.iso, topic.title]) }
            }
        }
        try await topics.insert(on: db)
        var criteria = BulkRows(VillageCriterionRecord.schema, ["id", "unit_id", "year", "set_id", "number", "met"])
        for status in history {
            guard let unitID = unitOf[status.cellID] else { continue }
            criteria.append([UUID(), unitID, status.year, status.setID, status.number, status.met])
        }
        try await criteria.insert(on: db)
    }

    /// One audit entry for the whole history, with its counts (rules.md R30).
    func audit(_ history: CellHistory) async throws {
        try await AuditTrail(db: db, scope: .storageInternal).record(
            AuditEvent(
                actor: actor.name, action: "create", entity: "cell_history",
                after:
                    "{\"meetings\":\(history.meetings.count),\"households\":\(householdIDs.count),\"tasks\":\(taskIDs.count)}",
                requestID: actor.requestID))
    }
}

/// The bulk rows of meetings, minutes versions, attendance, tasks and their links.
struct MeetingRows {
    var meetings = BulkRows(
        MeetingRecord.schema,
        [
            "id", "organisation_id", "kind", "status", "date", "scheduled_start", "topic", "notice_sent_on",
            "current_version", "created_by", "created_at",
        ])
    var versions = BulkRows(
        MinutesVersionRecord.schema,
        [
            "id", "meeting_id", "version", "body", "recorded_by", "recorded_at", "duration_minutes", "expected",
            "present", "quality", "committee_member_id",
        ])
    var attendance = BulkRows(
        AttendanceRecordRow.schema,
        ["id", "meeting_id", "organisation_id", "member_id", "date", "standing", "status", "reason"])
    var tasks = BulkRows(
        MemberTaskRecord.schema,
        [
            "id", "organisation_id", "meeting_id", "position", "kind", "description", "due_month", "status",
            "outcome", "reviewed_meeting_id", "criterion_set", "criterion_number", "households_target",
            "households_persuaded", "area_planted",
        ])
    var assignees = BulkRows(TaskAssigneeRecord.schema, ["id", "task_id", "member_id"])
    var links = BulkRows(TaskHouseholdRecord.schema, ["id", "task_id", "household_id"])

    /// The meeting, held, and its first minutes version with its quality score (rules.md R8, R10).
    mutating func appendMeeting(
        _ meeting: HistoryMeeting, id: UUID, cellID: UUID, drafts: [MemberTaskDraft], reviews: [MemberTaskReview],
        in context: CellHistoryRows
    ) throws {
        let minutes = meeting.minutes
        meetings.append([
            id, cellID, minutes.kind.rawValue, MeetingStatus.held.rawValue, minutes.date.iso,
            meeting.scheduledStart.description, meeting.topic, minutes.noticeSentOn?.iso, 1, context.actor.name,
            context.now,
        ])
        let quality = MeetingQualityScore(
            MeetingQualityChecklist(
                minutes: minutes, scheduledStart: meeting.scheduledStart, settings: context.policy.meetings,
                cellFullMembers: minutes.roll.full + minutes.roll.exempt), settings: context.policy.quality)
        let committeeMember = meeting.committeeMemberID.flatMap(UUID.init(uuidString:))
        let body = String(
            decoding: try context.encoder.encode(
                MinutesBody(minutes: minutes, tasks: drafts, reviews: reviews, committeeMemberID: committeeMember)),
            as: UTF8.self)
        versions.append([
            UUID(), id, 1, body, context.actor.name, context.now, minutes.durationMinutes, minutes.roll.expected,
            minutes.presentCount, quality.score, committeeMember,
        ])
    }

    /// One attendance line per member on the roll (rules.md R10, R11).
    mutating func appendAttendance(_ minutes: MeetingMinutes, meetingID: UUID, cellID: UUID) {
        for line in minutes.attendance {
            guard let memberID = UUID(uuidString: line.memberID) else { continue }
            var status = AttendanceMark.present.rawValue
            var reason: String?
            switch line.status {
            case .present: break
            case .absentExcused(let why):
                status = AttendanceMark.excused.rawValue
                reason = why
            case .absentUnexcused: status = AttendanceMark.unexcused.rawValue
            }
            attendance.append([
                UUID(), meetingID, cellID, memberID, minutes.date.iso, line.standing.rawValue, status, reason,
            ])
        }
    }

    /// A task with its assignees and households, and its review when a later meeting reviewed it (rules.md A7).
    mutating func appendTask(
        _ draft: MemberTaskDraft, id: UUID, position: Int, meetingID: UUID, cellID: UUID,
        review: (review: MemberTaskReview, meeting: UUID)?
    ) {
        var persuasion = draft.persuasion
        var status = MemberTaskStatus.open.rawValue
        var outcome: String?
        var reviewedAt: UUID?
        if let (review, meeting) = review {
            status = review.status.rawValue
            outcome = review.outcome
            reviewedAt = meeting
            if let figures = review.persuasion { persuasion = figures }
        }
        tasks.append([
            id, cellID, meetingID, position, draft.kind.rawValue, draft.description, draft.due.iso, status, outcome,
            reviewedAt, draft.criterionSetID, draft.criterionNumber, persuasion?.householdsTarget,
            persuasion?.householdsPersuaded, persuasion?.areaPlantedHectares,
        ])
        for assignee in Set(draft.assigneeIDs.compactMap(UUID.init(uuidString:))) {
            assignees.append([UUID(), id, assignee])
        }
        for household in Set(draft.householdIDs.compactMap(UUID.init(uuidString:))) {
            links.append([UUID(), id, household])
        }
    }

    func insert(on db: any Database) async throws {
        try await meetings.insert(on: db)
        try await versions.insert(on: db)
        try await attendance.insert(on: db)
        try await tasks.insert(on: db)
        try await assignees.insert(on: db)
        try await links.insert(on: db)
    }
}
