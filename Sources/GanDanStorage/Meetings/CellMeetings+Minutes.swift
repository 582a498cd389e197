import FluentKit
import Foundation
import GanDanCore
import SQLKit

extension CellMeetings {
    /// Records the minutes of a meeting: the first version, or a correction that keeps the old text (rules.md R10).
    ///
    /// The roll comes from the registry on the meeting day; every member on it is marked. Tasks are assigned to
    /// named members and earlier tasks reviewed (rules.md A7). Everything is checked first; nothing is written
    /// unless all of it is valid. Returns the warnings that remain (late notice, rules.md R11).
    @discardableResult
    public func recordMinutes(_ meetingID: UUID, _ entry: MinutesEntry, actor: Actor) async throws -> [String] {
        guard let meeting = try await meetingRecord(meetingID) else {
            throw StorageError.notFound("no meeting \(meetingID)")
        }
        guard meeting.status != MeetingStatus.cancelled.rawValue else {
            throw StorageError.conflict("the meeting was called off: it has no minutes")
        }
        guard let cell = try await OrganisationRecord.find(meeting.organisationID, on: db) else {
            throw StorageError.notFound("no cell \(meeting.organisationID)")
        }
        let prepared = try await prepare(meeting: meeting, cell: cell, entry: entry)
        let errors = prepared.issues.filter { !$0.message.hasPrefix("warning:") }
        guard errors.isEmpty else { throw StorageError.invalid(.invalid(errors)) }
        let body = MinutesBody(minutes: prepared.minutes, tasks: entry.tasks, reviews: entry.reviews)
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
                throw StorageError.conflict("someone else saved these minutes meanwhile; reload and try again")
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
            try await row.create(on: db)
            try await AttendanceRecordRow.query(on: db).filter(\.$meetingID == meetingID).delete()
            for line in prepared.minutes.attendance where !line.temporary {
                let attendance = AttendanceRecordRow()
                attendance.meetingID = meetingID
                attendance.organisationID = try cell.requireID()
                attendance.memberID = UUID(uuidString: line.memberID)!
                attendance.date = meeting.date
                attendance.standing = line.standing.rawValue
                switch line.status {
                case .present: attendance.status = AttendanceMark.present.rawValue
                case .absentExcused(let reason):
                    attendance.status = AttendanceMark.excused.rawValue
                    attendance.reason = reason
                case .absentUnexcused: attendance.status = AttendanceMark.unexcused.rawValue
                }
                try await attendance.create(on: db)
            }
            try await TaskWriter(db: db).sync(
                meeting: meeting, cellID: try cell.requireID(), tasks: entry.tasks, reviews: entry.reviews)
            try await AuditTrail(db: db).record(
                AuditEvent(
                    actor: actor.name, action: version == 1 ? "record" : "correct", entity: "meeting_minutes",
                    entityID: "\(meetingID.uuidString)#\(version)", after: row.body, requestID: actor.requestID,
                    unitID: cell.unitID))
        }
        return prepared.issues.filter { $0.message.hasPrefix("warning:") }.map(\.description)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// Builds the Core minutes from the entry and the registry, and collects every problem with field names.
    func prepare(meeting: MeetingRecord, cell: OrganisationRecord, entry: MinutesEntry) async throws -> (
        minutes: MeetingMinutes, issues: [ImportIssue]
    ) {
        guard let date = CivilDate(meeting.date) else { throw StorageError.conflict("the meeting has no valid date") }
        var issues: [ImportIssue] = []
        func add(_ field: String, _ message: String) { issues.append(ImportIssue(field: field, message: message)) }
        if date > CivilDate.today() {
            add("date", "the meeting is on \(date.iso): its minutes are recorded once it has taken place")
        }
        if meeting.currentVersion > 0 && Self.clean(entry.correctionReason) == nil {
            add("correctionReason", "a correction of recorded minutes says why (rules.md R10)")
        }
        let roster = try await CellDirectory(db: db, scope: .storageInternal).roster(of: try cell.requireID(), on: date)
        let standingOf = Dictionary(
            roster.compactMap { entry in entry.member.standing.map { (entry.member.id, $0) } },
            uniquingKeysWith: { first, _ in first })
        // The roll counts the official roll only; members here temporarily take part without a vote (rules.md R4, R13).
        let temporary = Set(roster.filter { $0.membership == .temporary }.map(\.member.id))
        var roll = MeetingRoll(full: 0, probationary: 0, exempt: 0)
        for (member, standing) in standingOf where !temporary.contains(member) {
            switch standing {
            case .full: roll.full += 1
            case .probationary: roll.probationary += 1
            case .exempt: roll.exempt += 1
            case .suspended: break
            }
        }
        var attendance: [MeetingAttendance] = []
        var marked: Set<UUID> = []
        for (index, line) in entry.attendance.enumerated() {
            guard let standing = standingOf[line.memberID] else {
                add("attendance[\(index)].memberID", "member \(line.memberID) is not on the cell's roll on \(date.iso)")
                continue
            }
            marked.insert(line.memberID)
            let status: AttendanceStatus
            switch line.mark {
            case .present: status = .present
            case .excused: status = .absentExcused(reason: line.reason?.trimmingCharacters(in: .whitespaces) ?? "")
            case .unexcused: status = .absentUnexcused
            }
            attendance.append(
                MeetingAttendance(
                    memberID: line.memberID.uuidString, standing: standing, status: status,
                    temporary: temporary.contains(line.memberID)))
        }
        for member in roster
        where !marked.contains(member.member.id) && standingOf[member.member.id] != nil
            && standingOf[member.member.id] != .suspended && !temporary.contains(member.member.id)
        {
            add("attendance", "\(member.member.fullName) is on the roll but not marked present or absent")
        }
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
        // Core names members by id; a secretary reads names.
        let names = Dictionary(
            roster.map { ($0.member.id.uuidString, $0.member.fullName) }, uniquingKeysWith: { a, _ in a })
        issues += ruleIssues.filter { !$0.message.hasPrefix("warning:") && $0.field?.hasPrefix("tasks[") != true }.map {
            var issue = $0
            for (id, name) in names where issue.message.contains(id) {
                issue.message = issue.message.replacingOccurrences(of: id, with: name)
            }
            return issue
        }

        // Tasks: named members on the roll, households of the cell's village (rules.md A6, R10).
        let month = YearMonth(date)
        let villageHouseholds = Set(
            try await HouseholdRecord.query(on: db).filter(\.$unitID == cell.unitID).field(\.$id).all().compactMap(\.id)
        )
        for (index, task) in entry.tasks.enumerated() {
            let field = "tasks[\(index)]"
            issues += task.issues(field: field, meetingMonth: month)
            for (position, assignee) in task.assigneeIDs.enumerated() where !assignee.isEmpty {
                guard let id = UUID(uuidString: assignee), standingOf[id] != nil else {
                    add("\(field).assigneeIDs[\(position)]", "\(assignee) is not a member of this cell on \(date.iso)")
                    continue
                }
            }
            for (position, household) in task.householdIDs.enumerated() {
                guard let id = UUID(uuidString: household), villageHouseholds.contains(id) else {
                    add("\(field).householdIDs[\(position)]", "\(household) is not a household of this village")
                    continue
                }
            }
        }
        // Reviews: tasks of this cell assigned at an earlier meeting, still open or reviewed here before.
        let meetingID = try meeting.requireID()
        var reviewed: Set<String> = []
        for (index, review) in entry.reviews.enumerated() {
            let field = "reviews[\(index)]"
            issues += review.issues(field: field)
            guard reviewed.insert(review.taskID).inserted else {
                add("\(field).taskID", "the task is reviewed twice")
                continue
            }
            guard let id = UUID(uuidString: review.taskID), let task = try await MemberTaskRecord.find(id, on: db),
                task.organisationID == cell.id
            else {
                add("\(field).taskID", "no task \(review.taskID) in this cell")
                continue
            }
            if task.meetingID == meetingID {
                add(
                    "\(field).taskID",
                    "a task is reviewed at a later meeting than the one that assigned it (rules.md A7)")
            } else if task.status != MemberTaskStatus.open.rawValue && task.reviewedMeetingID != meetingID {
                add("\(field).taskID", "the task was already reviewed at another meeting")
            } else if let assigned = try await MeetingRecord.find(task.meetingID, on: db), assigned.date > meeting.date
            {
                add("\(field).taskID", "the task was assigned after this meeting, on \(assigned.date)")
            }
        }
        return (minutes, issues)
    }
}
