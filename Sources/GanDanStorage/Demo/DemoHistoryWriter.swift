import FluentKit
import Foundation
import GanDanCore

/// Writes generated village-cell life for the demo district: meetings with minutes, attendance, tasks,
/// households and criteria, 12 months each side of the placement (issue 6, rules.md A9).
struct DemoHistoryWriter {
    let db: any Database
    let policy: MeetingPolicy

    /// Reads the district's village cells and their rolls from the database, generates the history, stores it.
    /// Returns the number of meetings written. `monthsEachSide` is 12 for the demo (rules.md A9).
    func write(districtID: UUID, placementDate: CivilDate, actor: Actor, monthsEachSide: Int = 12) async throws -> Int {
        let cells = try await historyCells(districtID: districtID, placementDate: placementDate)
        let history = MeetingHistory.generate(
            cells: cells.map(\.cell), placementDate: placementDate, monthsBefore: monthsEachSide,
            monthsAfter: monthsEachSide)
        let unitOf = Dictionary(cells.map { ($0.cell.id, $0.unitID) }, uniquingKeysWith: { first, _ in first })
        let citizens = CitizenHistory.generate(
            cells: cells.map(\.cell), meetings: history, placementDate: placementDate)
        try await db.writeTransaction { db in
            try await store(history, unitOf: unitOf, on: db, actor: actor)
            try await store(citizens, unitOf: unitOf, on: db, actor: actor)
        }
        return history.meetings.count
    }

    struct Source {
        var cell: HistoryCell
        var unitID: UUID
    }

    func historyCells(districtID: UUID, placementDate: CivilDate) async throws -> [Source] {
        let tree = OrganisationTree(db: db, scope: .storageInternal)
        let units = try await tree.subtree(of: districtID, on: placementDate)
        let cells = try await tree.organisations(atUnits: units, on: placementDate).filter { $0.kind == .villageCell }
        let cellIDs = cells.map(\.id)
        let memberships = try await MembershipRecord.query(on: db).filter(\.$organisationID ~~ cellIDs)
            .filter(\.$kind == MembershipKind.official.rawValue).all()
        let memberIDs = Array(Set(memberships.map(\.memberID)))
        var members: [UUID: MemberRecord] = [:]
        var posts: [UUID: [PostRecord]] = [:]
        for start in stride(from: 0, to: memberIDs.count, by: 500) {
            let chunk = Array(memberIDs[start..<min(start + 500, memberIDs.count)])
            for record in try await MemberRecord.query(on: db).filter(\.$id ~~ chunk).all() {
                members[try record.requireID()] = record
            }
            for post in try await PostRecord.query(on: db).filter(\.$memberID ~~ chunk).all() {
                posts[post.memberID, default: []].append(post)
            }
        }
        var sources: [Source] = []
        for cell in cells {
            let village = try await tree.unit(cell.unitID, on: placementDate)
            let roll = memberships.filter { $0.organisationID == cell.id }.compactMap { membership -> HistoryMember? in
                guard let member = members[membership.memberID], let party = member.partyRecord,
                    let from = CivilDate(membership.validFrom)
                else { return nil }
                let held = posts[membership.memberID] ?? []
                return HistoryMember(
                    id: membership.memberID.uuidString,
                    validity: Validity(from: from, until: membership.validUntil.flatMap(CivilDate.init)), party: party,
                    isKeyLeader: held.contains { PostKind(rawValue: $0.kind)?.isKeyLeader == true },
                    isSecretary: held.contains {
                        $0.kind == PostKind.cellSecretary.rawValue && $0.organisationID == cell.id
                    })
            }
            sources.append(
                Source(
                    cell: HistoryCell(
                        id: cell.id.uuidString, villageName: village?.name ?? cell.name, profile: village?.profile,
                        members: roll.sorted { $0.id < $1.id }), unitID: cell.unitID))
        }
        return sources
    }

    func store(_ history: MeetingHistory, unitOf: [String: UUID], on db: any Database, actor: Actor) async throws {
        let now = Date()
        // Households and their statuses per year (rules.md R25).
        var householdIDs: [String: UUID] = [:]
        var households = BulkRows(
            HouseholdRecord.schema, ["id", "unit_id", "head_name", "name_sort", "name_search", "size", "created_at"])
        var statuses = BulkRows(HouseholdStatusRecord.schema, ["id", "household_id", "year", "standard_id", "status"])
        for household in history.households {
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

        // Tasks get their ids first, so reviews at later meetings can point at them.
        var taskIDs: [String: UUID] = [:]
        for meeting in history.meetings { for task in meeting.tasks { taskIDs[task.key] = UUID() } }
        let meetingIDs = history.meetings.map { _ in UUID() }
        var reviewOf: [String: (review: MemberTaskReview, meeting: UUID)] = [:]
        for (index, meeting) in history.meetings.enumerated() {
            for review in meeting.reviews { reviewOf[review.taskKey] = (review.review, meetingIDs[index]) }
        }

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
                "present", "quality",
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
        let encoder = CellMeetings.encoder
        for (index, meeting) in history.meetings.enumerated() {
            guard let cellID = UUID(uuidString: meeting.cellID) else { continue }
            let meetingID = meetingIDs[index]
            let minutes = meeting.minutes
            meetings.append([
                meetingID, cellID, minutes.kind.rawValue, MeetingStatus.held.rawValue, minutes.date.iso,
                meeting.scheduledStart.description, meeting.topic, minutes.noticeSentOn?.iso, 1, actor.name, now,
            ])
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
            let quality = MeetingQualityScore(
                MeetingQualityChecklist(
                    minutes: minutes, scheduledStart: meeting.scheduledStart, settings: policy.meetings,
                    cellFullMembers: minutes.roll.full + minutes.roll.exempt), settings: policy.quality)
            let body = String(
                decoding: try encoder.encode(MinutesBody(minutes: minutes, tasks: drafts, reviews: reviews)),
                as: UTF8.self)
            versions.append([
                UUID(), meetingID, 1, body, actor.name, now, minutes.durationMinutes, minutes.roll.expected,
                minutes.presentCount, quality.score,
            ])
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
            for (position, task) in meeting.tasks.enumerated() {
                guard let taskID = taskIDs[task.key] else { continue }
                let draft = drafts[position]
                var persuasion = draft.persuasion
                var status = MemberTaskStatus.open.rawValue
                var outcome: String?
                var reviewedAt: UUID?
                if let (review, meeting) = reviewOf[task.key] {
                    status = review.status.rawValue
                    outcome = review.outcome
                    reviewedAt = meeting
                    if let figures = review.persuasion { persuasion = figures }
                }
                tasks.append([
                    taskID, cellID, meetingID, position, draft.kind.rawValue, draft.description, draft.due.iso, status,
                    outcome, reviewedAt, draft.criterionSetID, draft.criterionNumber, persuasion?.householdsTarget,
                    persuasion?.householdsPersuaded, persuasion?.areaPlantedHectares,
                ])
                for assignee in Set(draft.assigneeIDs.compactMap(UUID.init(uuidString:))) {
                    assignees.append([UUID(), taskID, assignee])
                }
                for household in Set(draft.householdIDs.compactMap(UUID.init(uuidString:))) {
                    links.append([UUID(), taskID, household])
                }
            }
        }
        try await meetings.insert(on: db)
        try await versions.insert(on: db)
        try await attendance.insert(on: db)
        try await tasks.insert(on: db)
        try await assignees.insert(on: db)
        try await links.insert(on: db)

        var topics = BulkRows(ThematicTopicRecord.schema, ["id", "organisation_id", "year", "month", "title"])
        for (cell, plans) in history.thematicPlans.sorted(by: { $0.key < $1.key }) {
            guard let cellID = UUID(uuidString: cell) else { continue }
            for plan in plans {
                for topic in plan.topics { topics.append([UUID(), cellID, plan.year, topic.month.iso, topic.title]) }
            }
        }
        try await topics.insert(on: db)
        var criteria = BulkRows(VillageCriterionRecord.schema, ["id", "unit_id", "year", "set_id", "number", "met"])
        for status in history.criteria {
            guard let unitID = unitOf[status.cellID] else { continue }
            criteria.append([UUID(), unitID, status.year, status.setID, status.number, status.met])
        }
        try await criteria.insert(on: db)
        try await AuditTrail(db: db).record(
            AuditEvent(
                actor: actor.name, action: "create", entity: "demo_history",
                after:
                    "{\"meetings\":\(history.meetings.count),\"households\":\(householdIDs.count),\"tasks\":\(taskIDs.count)}",
                requestID: actor.requestID))
    }

    /// Feedback, supervision comments, candidates and ratings (issue "Citizens…"), linked to the meetings written.
    func store(_ history: CitizenHistory, unitOf: [String: UUID], on db: any Database, actor: Actor) async throws {
        let now = Date()
        let encoder = CellMeetings.encoder
        var ids: Set<UUID> = []
        for item in history.feedback { if let id = UUID(uuidString: item.feedback.receivedBy) { ids.insert(id) } }
        let names = try await CellMeetings(db: db, scope: .storageInternal).memberNames(Array(ids))
        var meetingOn: [String: UUID] = [:]
        for meeting in try await MeetingRecord.query(on: db).field(\.$id).field(\.$organisationID).field(\.$date).all()
        {
            meetingOn["\(meeting.organisationID.uuidString)|\(meeting.date)"] = meeting.id
        }
        var feedback = BulkRows(
            FeedbackRecord.schema,
            [
                "id", "organisation_id", "unit_id", "body", "topic", "stage", "received_on", "due_on",
                "reported_meeting_id", "created_by", "created_at",
            ])
        for item in history.feedback {
            guard let cellID = UUID(uuidString: item.cellID), let unitID = unitOf[item.cellID] else { continue }
            var value = item.feedback
            if let id = UUID(uuidString: value.receivedBy) { value.receivedBy = names[id] ?? value.receivedBy }
            let meeting = value.reportedBackOn.flatMap { meetingOn["\(cellID.uuidString)|\($0.iso)"] }
            feedback.append([
                UUID(), cellID, unitID, String(decoding: try encoder.encode(value), as: UTF8.self),
                value.topic.rawValue,
                value.stage.rawValue, value.receivedOn.iso, value.dueDate()?.iso, meeting, actor.name, now,
            ])
        }
        try await feedback.insert(on: db)

        var supervisions = BulkRows(
            SupervisionRecord.schema,
            ["id", "organisation_id", "member_id", "year", "body", "created_by", "created_at"])
        for item in history.supervisions {
            guard let cellID = UUID(uuidString: item.cellID), let leader = UUID(uuidString: item.leaderID) else {
                continue
            }
            supervisions.append([
                UUID(), cellID, leader, LeaderSupervisions.year(of: item.supervision),
                String(decoding: try encoder.encode(item.supervision), as: UTF8.self), actor.name, now,
            ])
        }
        try await supervisions.insert(on: db)

        var candidates = BulkRows(
            CandidateRecord.schema,
            [
                "id", "organisation_id", "full_name", "name_sort", "candidate", "pipeline", "mentor_id", "next_due",
                "created_by", "created_at",
            ])
        for item in history.candidates {
            guard let cellID = UUID(uuidString: item.cellID) else { continue }
            let stored = StoredCandidate(fullName: item.fullName, candidate: item.candidate, hasIntroduction: true)
            let due = item.pipeline.status(on: item.pipeline.listedOn ?? CivilDate.today()).map(\.due).min()
            candidates.append([
                UUID(), cellID, item.fullName, VietnameseText.personNameSortKey(item.fullName),
                String(decoding: try encoder.encode(stored), as: UTF8.self),
                String(decoding: try encoder.encode(item.pipeline), as: UTF8.self),
                item.mentorID.flatMap(UUID.init(uuidString:)), due?.iso, actor.name, now,
            ])
        }
        try await candidates.insert(on: db)

        var ratings = BulkRows(
            MemberRatingRecord.schema,
            ["id", "organisation_id", "member_id", "period", "score", "level", "rated_by", "rated_at"])
        for item in history.ratings {
            guard let cellID = UUID(uuidString: item.cellID), let member = UUID(uuidString: item.memberID) else {
                continue
            }
            ratings.append([
                UUID(), cellID, member, String(item.year), item.score, RatingLevel.forScore(item.score).rawValue,
                actor.name, now,
            ])
        }
        try await ratings.insert(on: db)
        var cellRatings = BulkRows(
            CellRatingRecord.schema, ["id", "organisation_id", "year", "level", "weak", "weak_reason"])
        let existing = Set(
            try await CellRatingRecord.query(on: db).all().map { "\($0.organisationID.uuidString)|\($0.year)" })
        for (cell, rating) in history.cellRatings {
            guard let cellID = UUID(uuidString: cell), !existing.contains("\(cellID.uuidString)|\(rating.year)") else {
                continue
            }
            cellRatings.append([UUID(), cellID, rating.year, rating.level.rawValue, rating.weak, rating.weakReason])
        }
        try await cellRatings.insert(on: db)
    }
}
