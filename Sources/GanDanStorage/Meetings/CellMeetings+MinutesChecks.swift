import FluentKit
import Foundation
import GanDanCore

/// The checks of `CellMeetings.prepare`: the attendance against the roll, the tasks and the reviews.
extension CellMeetings {
    /// The roll and attendance of a meeting from the marks and the cell's roster on the day, with the problems of
    /// the marks: members not on the roll, members on it left unmarked.
    static func mark(_ marks: [AttendanceEntry], roster: [RosterEntry], on date: CivilDate) -> (
        roll: MeetingRoll, attendance: [MeetingAttendance], standingOf: [UUID: PartyStanding], issues: [InputIssue]
    ) {
        var issues: [InputIssue] = []
        func add(_ field: String, _ vi: String, _ en: String) {
            issues.append(InputIssue(field: field, vi: vi, en: en))
        }
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
        for (index, line) in marks.enumerated() {
            guard let standing = standingOf[line.memberID] else {
                add(
                    "attendance[\(index)].memberID",
                    "Có người không thuộc danh sách chi bộ ngày \(date.vietnamese).",
                    "Someone listed is not on the cell's roll on \(date.vietnamese).")
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
            add(
                "attendance", "\(member.member.fullName) có trong danh sách nhưng chưa đánh dấu có mặt hay vắng.",
                "\(member.member.fullName) is on the roll but not marked present or absent.")
        }
        return (roll, attendance, standingOf, issues)
    }

    /// The Core rule issues that are errors, not warnings or task issues (checked apart), with members named: Core
    /// names members by id; a secretary reads names.
    static func named(_ ruleIssues: [InputIssue], roster: [RosterEntry]) -> [InputIssue] {
        let names = Dictionary(
            roster.map { ($0.member.id.uuidString, $0.member.fullName) }, uniquingKeysWith: { a, _ in a })
        return ruleIssues.filter { !$0.isWarning && $0.field?.hasPrefix("tasks[") != true }.map {
            var issue = $0
            for (id, name) in names where issue.message.contains(id) {
                issue.message = issue.message.replacingOccurrences(of: id, with: name)
            }
            return issue
        }
    }

    /// Tasks: named members on the roll, households of the cell's village (rules.md A6, R10).
    func taskIssues(
        _ tasks: [MemberTaskDraft], cell: OrganisationRecord, standingOf: [UUID: PartyStanding], on date: CivilDate
    ) async throws -> [InputIssue] {
        var issues: [InputIssue] = []
        func add(_ field: String, _ vi: String, _ en: String) {
            issues.append(InputIssue(field: field, vi: vi, en: en))
        }
        let month = YearMonth(date)
        let villageHouseholds = Set(
            try await HouseholdRecord.query(on: db).filter(\.$unitID == cell.unitID).field(\.$id).all().compactMap(\.id)
        )
        for (index, task) in tasks.enumerated() {
            let field = "tasks[\(index)]"
            issues += task.issues(field: field, meetingMonth: month, criteriaSets: criteriaSets)
            for (position, assignee) in task.assigneeIDs.enumerated() where !assignee.isEmpty {
                guard let id = UUID(uuidString: assignee), standingOf[id] != nil else {
                    add(
                        "\(field).assigneeIDs[\(position)]",
                        "Người được giao không phải đảng viên của chi bộ ngày \(date.vietnamese).",
                        "The person assigned is not a member of this cell on \(date.vietnamese).")
                    continue
                }
            }
            for (position, household) in task.householdIDs.enumerated() {
                guard let id = UUID(uuidString: household), villageHouseholds.contains(id) else {
                    add(
                        "\(field).householdIDs[\(position)]", "Hộ được chọn không thuộc thôn này.",
                        "The household chosen is not one of this village.")
                    continue
                }
            }
        }
        return issues
    }

    /// Reviews: tasks of this cell assigned at an earlier meeting, still open or reviewed here before (rules.md A7).
    func reviewIssues(_ reviews: [MemberTaskReview], meeting: MeetingRecord, cell: OrganisationRecord) async throws
        -> [InputIssue]
    {
        var issues: [InputIssue] = []
        func add(_ field: String, _ vi: String, _ en: String) {
            issues.append(InputIssue(field: field, vi: vi, en: en))
        }
        let meetingID = try meeting.requireID()
        var reviewed: Set<String> = []
        for (index, review) in reviews.enumerated() {
            let field = "reviews[\(index)]"
            issues += review.issues(field: field)
            guard reviewed.insert(review.taskID).inserted else {
                add("\(field).taskID", "Nhiệm vụ được đánh giá hai lần.", "The task is reviewed twice.")
                continue
            }
            guard let id = UUID(uuidString: review.taskID), let task = try await MemberTaskRecord.find(id, on: db),
                task.organisationID == cell.id
            else {
                add("\(field).taskID", "Chi bộ không có nhiệm vụ này.", "This cell has no such task.")
                continue
            }
            if task.meetingID == meetingID {
                // rules.md A7: a task is reviewed at a later meeting than the one that assigned it.
                add(
                    "\(field).taskID", "Nhiệm vụ được đánh giá ở cuộc họp sau cuộc họp đã giao nhiệm vụ.",
                    "A task is reviewed at a later meeting than the one that assigned it.")
            } else if task.status != MemberTaskStatus.open.rawValue && task.reviewedMeetingID != meetingID {
                add(
                    "\(field).taskID", "Nhiệm vụ đã được đánh giá ở cuộc họp khác.",
                    "The task was already reviewed at another meeting.")
            } else if let assigned = try await MeetingRecord.find(task.meetingID, on: db), assigned.date > meeting.date
            {
                let day = CivilDate(assigned.date)?.vietnamese ?? assigned.date
                add(
                    "\(field).taskID", "Nhiệm vụ được giao sau cuộc họp này, ngày \(day).",
                    "The task was assigned after this meeting, on \(day).")
            }
        }
        return issues
    }
}
