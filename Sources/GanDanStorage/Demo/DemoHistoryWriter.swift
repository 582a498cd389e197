import FluentKit
import Foundation
import GanDanCore

/// Writes generated village-cell life for the demo district: meetings with minutes, attendance, tasks,
/// households and criteria, 12 months each side of the placement (issue 6, rules.md A9).
struct DemoHistoryWriter {
    let db: any Database
    let policy: MeetingPolicy

    /// Reads the district's village cells and their rolls from the database, generates the history, stores it.
    /// Returns the number of meetings written.
    func write(districtID: UUID, placementDate: CivilDate, actor: Actor) async throws -> Int {
        let cells = try await historyCells(districtID: districtID, placementDate: placementDate)
        let history = MeetingHistory.generate(cells: cells.map(\.cell), placementDate: placementDate)
        let unitOf = Dictionary(cells.map { ($0.cell.id, $0.unitID) }, uniquingKeysWith: { first, _ in first })
        try await db.transaction { db in
            try await store(history, unitOf: unitOf, on: db, actor: actor)
        }
        return history.meetings.count
    }

    struct Source {
        var cell: HistoryCell
        var unitID: UUID
    }

    func historyCells(districtID: UUID, placementDate: CivilDate) async throws -> [Source] {
        let tree = OrganisationTree(db: db)
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
            for record in try await MemberRecord.query(on: db).filter(\.$id ~~ chunk).all() { members[record.id!] = record }
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
                    isSecretary: held.contains { $0.kind == PostKind.cellSecretary.rawValue && $0.organisationID == cell.id })
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
        var households: [HouseholdRecord] = []
        var statuses: [HouseholdStatusRecord] = []
        for household in history.households {
            guard let unitID = unitOf[household.cellID] else { continue }
            let record = HouseholdRecord()
            record.id = UUID()
            record.unitID = unitID
            record.headName = household.headName
            record.nameSort = VietnameseText.personNameSortKey(household.headName)
            record.nameSearch = VietnameseText.searchKey(household.headName)
            record.size = household.members
            record.createdAt = now
            householdIDs[household.id] = record.id
            households.append(record)
            for (year, status) in household.statuses.sorted(by: { $0.key < $1.key }) {
                guard let standard = PovertyStandard.inForce(year: year) else { continue }
                let row = HouseholdStatusRecord()
                row.id = UUID()
                row.householdID = record.id!
                row.year = year
                row.standardID = standard.id
                row.status = status.rawValue
                statuses.append(row)
            }
        }
        try await households.createInBatches(on: db)
        try await statuses.createInBatches(on: db)

        // Tasks get their ids first, so reviews at later meetings can point at them.
        var taskIDs: [String: UUID] = [:]
        for meeting in history.meetings { for task in meeting.tasks { taskIDs[task.key] = UUID() } }
        var reviewOf: [String: (review: MemberTaskReview, meeting: UUID)] = [:]
        var meetingIDs: [Int: UUID] = [:]
        for (index, meeting) in history.meetings.enumerated() {
            let id = UUID()
            meetingIDs[index] = id
            for review in meeting.reviews { reviewOf[review.taskKey] = (review.review, id) }
        }

        var meetings: [MeetingRecord] = []
        var versions: [MinutesVersionRecord] = []
        var attendance: [AttendanceRecordRow] = []
        var tasks: [MemberTaskRecord] = []
        var assignees: [TaskAssigneeRecord] = []
        var links: [TaskHouseholdRecord] = []
        let encoder = CellMeetings.encoder
        for (index, meeting) in history.meetings.enumerated() {
            guard let cellID = UUID(uuidString: meeting.cellID), let meetingID = meetingIDs[index] else { continue }
            let minutes = meeting.minutes
            let record = MeetingRecord()
            record.id = meetingID
            record.organisationID = cellID
            record.kind = minutes.kind.rawValue
            record.status = MeetingStatus.held.rawValue
            record.date = minutes.date.iso
            record.scheduledStart = meeting.scheduledStart.description
            record.topic = meeting.topic
            record.noticeSentOn = minutes.noticeSentOn?.iso
            record.currentVersion = 1
            record.createdBy = actor.name
            record.createdAt = now
            meetings.append(record)

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
            let version = MinutesVersionRecord()
            version.id = UUID()
            version.meetingID = meetingID
            version.version = 1
            version.body = String(
                decoding: try encoder.encode(MinutesBody(minutes: minutes, tasks: drafts, reviews: reviews)), as: UTF8.self)
            version.recordedBy = actor.name
            version.recordedAt = now
            version.durationMinutes = minutes.durationMinutes
            version.expected = minutes.roll.expected
            version.present = minutes.presentCount
            version.quality = quality.score
            versions.append(version)

            for line in minutes.attendance {
                guard let memberID = UUID(uuidString: line.memberID) else { continue }
                let row = AttendanceRecordRow()
                row.id = UUID()
                row.meetingID = meetingID
                row.organisationID = cellID
                row.memberID = memberID
                row.date = minutes.date.iso
                row.standing = line.standing.rawValue
                switch line.status {
                case .present: row.status = AttendanceMark.present.rawValue
                case .absentExcused(let reason):
                    row.status = AttendanceMark.excused.rawValue
                    row.reason = reason
                case .absentUnexcused: row.status = AttendanceMark.unexcused.rawValue
                }
                attendance.append(row)
            }

            for (position, task) in meeting.tasks.enumerated() {
                guard let taskID = taskIDs[task.key] else { continue }
                let draft = drafts[position]
                let row = MemberTaskRecord()
                row.id = taskID
                row.organisationID = cellID
                row.meetingID = meetingID
                row.position = position
                row.kind = draft.kind.rawValue
                row.description = draft.description
                row.dueMonth = draft.due.iso
                row.criterionSet = draft.criterionSetID
                row.criterionNumber = draft.criterionNumber
                var persuasion = draft.persuasion
                if let (review, reviewedAt) = reviewOf[task.key] {
                    row.status = review.status.rawValue
                    row.outcome = review.outcome
                    row.reviewedMeetingID = reviewedAt
                    if let figures = review.persuasion { persuasion = figures }
                } else {
                    row.status = MemberTaskStatus.open.rawValue
                }
                row.householdsTarget = persuasion?.householdsTarget
                row.householdsPersuaded = persuasion?.householdsPersuaded
                row.areaPlanted = persuasion?.areaPlantedHectares
                tasks.append(row)
                for assignee in Set(draft.assigneeIDs.compactMap(UUID.init(uuidString:))) {
                    let link = TaskAssigneeRecord()
                    link.id = UUID()
                    link.taskID = taskID
                    link.memberID = assignee
                    assignees.append(link)
                }
                for household in Set(draft.householdIDs.compactMap(UUID.init(uuidString:))) {
                    let link = TaskHouseholdRecord()
                    link.id = UUID()
                    link.taskID = taskID
                    link.householdID = household
                    links.append(link)
                }
            }
        }
        try await meetings.createInBatches(on: db)
        try await versions.createInBatches(on: db, batchSize: 50)
        try await attendance.createInBatches(on: db)
        try await tasks.createInBatches(on: db)
        try await assignees.createInBatches(on: db)
        try await links.createInBatches(on: db)

        var topics: [ThematicTopicRecord] = []
        for (cell, plans) in history.thematicPlans {
            guard let cellID = UUID(uuidString: cell) else { continue }
            for plan in plans {
                for topic in plan.topics {
                    let row = ThematicTopicRecord()
                    row.id = UUID()
                    row.organisationID = cellID
                    row.year = plan.year
                    row.month = topic.month.iso
                    row.title = topic.title
                    topics.append(row)
                }
            }
        }
        try await topics.createInBatches(on: db)
        var criteria: [VillageCriterionRecord] = []
        for status in history.criteria {
            guard let unitID = unitOf[status.cellID] else { continue }
            let row = VillageCriterionRecord()
            row.id = UUID()
            row.unitID = unitID
            row.year = status.year
            row.setID = status.setID
            row.number = status.number
            row.met = status.met
            criteria.append(row)
        }
        try await criteria.createInBatches(on: db)
        try await AuditTrail(db: db).record(
            AuditEvent(
                actor: actor.name, action: "create", entity: "demo_history",
                after: "{\"meetings\":\(meetings.count),\"households\":\(households.count),\"tasks\":\(tasks.count)}",
                requestID: actor.requestID))
    }
}
