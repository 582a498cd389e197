import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The minutes form as posted from a phone: one radio group per member, up to a few tasks, reviews of open tasks.
struct MinutesForm: Content {
    var start: String?
    var end: String?
    /// Member id → `present`, `excused` or `unexcused`.
    var att: [String: String]?
    /// Member id → reason of an excused absence.
    var reason: [String: String]?
    var chair: String?
    var recorder: String?
    var agenda: String?
    var policy: String?
    var review: String?
    var evaluation: String?
    var direction: String?
    var discussion: String?
    var votesFor: String?
    var votesAgainst: String?
    var votesAbstaining: String?
    var conclusion: String?
    /// Row number → the task's fields.
    var task: [String: TaskFields]?
    /// Task id → its review.
    var check: [String: ReviewFields]?
    var correctionReason: String?
    /// The id of the upper-level committee member assigned to the cell, when ticked present (rules.md R11).
    var committeeMember: String?
    /// The version of the minutes the form was opened on (0: none yet), so a save sent late never overwrites minutes
    /// saved meanwhile without asking (issue 20).
    var basedOn: String?
    /// "In favour" as the form suggested it from the attendance (hidden field), to tell a number left as suggested.
    var votesSuggested: String?
    /// The part of the form whose Save was pressed, to come back to it after a draft is kept (issue 20 item 5).
    var section: String?

    /// Minutes without a conclusion are not finished: the form is kept as a draft, not recorded (issue 20 item 5).
    var isUnfinished: Bool {
        (conclusion ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Whether "in favour" is still the number the form suggested: it then follows the attendance marked since.
    var votesLeftAsSuggested: Bool {
        votesSuggested != nil && votesFor?.trimmingCharacters(in: .whitespaces) == votesSuggested
    }

    /// Sets "in favour", left as suggested, to the members with a vote marked present in this form, so a change of
    /// attendance after the suggestion never records more votes than voters.
    mutating func settleSuggestedVotes(_ req: Request, meetingID: UUID) async throws {
        guard votesLeftAsSuggested else { return }
        let roster = try await req.meetings().roll(ofMeeting: meetingID) ?? []
        votesFor = String(MinutesFormView.presentVoters(roster, marks: att ?? [:], markedAll: false))
        votesSuggested = votesFor
    }

    struct TaskFields: Content {
        var description: String?
        var kind: String?
        var assignee: String?
        var assignee2: String?
        var due: String?
        var household: String?
        var criterion: String?
        var target: String?
    }

    struct ReviewFields: Content {
        var status: String?
        var outcome: String?
        var persuaded: String?
        var area: String?
    }

    /// The entry, or the problems that stop it being read (each naming the field in the user's language).
    /// A task aimed at a new-rural criterion is aimed at the set in force in its due year among `criteriaSets`.
    func entry(_ language: Language, criteriaSets: [RuralCriteriaSet]) -> (
        entry: MinutesEntry?, problems: [InputIssue]
    ) {
        var reading = Reading(language: language, criteriaSets: criteriaSets)
        let start = reading.time(start, "start")
        let end = reading.time(end, "end")
        let attendance = reading.attendance(att ?? [:], reasons: reason ?? [:])
        let votes = reading.votes(inFavour: votesFor, against: votesAgainst, abstaining: votesAbstaining)
        let tasks = reading.tasks(task ?? [:])
        let reviews = reading.reviews(check ?? [:])
        let committeeMemberID = (committeeMember ?? "").isEmpty ? nil : UUID(uuidString: committeeMember ?? "")
        if committeeMemberID == nil && !(committeeMember ?? "").isEmpty {
            reading.problem(reading.word("committeeMember"), committeeMember ?? "")
        }
        guard reading.problems.isEmpty, let start, let end else { return (nil, reading.problems) }
        let lines = (agenda ?? "").split(whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        return (
            MinutesEntry(
                startTime: start, endTime: end, attendance: attendance, chairID: UUID(uuidString: chair ?? ""),
                recorderID: UUID(uuidString: recorder ?? ""), agenda: lines, policyRelayed: policy ?? "",
                lastMonthReview: review ?? "", monthEvaluation: evaluation ?? "", nextMonthDirection: direction ?? "",
                discussion: discussion ?? "", votes: votes, conclusion: conclusion ?? "", tasks: tasks,
                reviews: reviews, correctionReason: correctionReason, committeeMemberID: committeeMemberID), []
        )
    }

    /// Reads the posted fields one part at a time, collecting each problem under the field's name in the user's
    /// language.
    struct Reading {
        var language: Language
        /// The new-rural criteria sets in use (rules.md R24).
        var criteriaSets: [RuralCriteriaSet]
        var problems: [InputIssue] = []

        func word(_ key: String) -> String { Labels.all[key]?.text(in: language) ?? key }

        mutating func problem(_ field: String, _ text: String) {
            problems.append(InputIssue.unreadable(field: field, value: text))
        }

        mutating func time(_ text: String?, _ key: String) -> TimeOfDay? {
            let time = TimeOfDay(text ?? "")
            if time == nil { problem(word(key), text ?? "") }
            return time
        }

        /// A whole number ≥ 0, nil when left empty.
        mutating func number(_ text: String?, _ key: String) -> Int? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let value = Int(text), value >= 0 else {
                problem(word(key), text)
                return nil
            }
            return value
        }

        mutating func attendance(_ marks: [String: String], reasons: [String: String]) -> [AttendanceEntry] {
            var attendance: [AttendanceEntry] = []
            for (key, value) in marks.sorted(by: { $0.key < $1.key }) {
                guard let id = UUID(uuidString: key), let mark = AttendanceMark(rawValue: value) else {
                    problem(word("attendance"), key)
                    continue
                }
                let why = reasons[key]?.trimmingCharacters(in: .whitespaces)
                attendance.append(AttendanceEntry(memberID: id, mark: mark, reason: mark == .excused ? why : nil))
            }
            return attendance
        }

        /// The resolution's vote, when any count was given.
        mutating func votes(inFavour: String?, against: String?, abstaining: String?) -> [MeetingVote] {
            let inFavour = number(inFavour, "inFavour")
            let against = number(against, "against")
            let abstaining = number(abstaining, "abstaining")
            guard inFavour != nil || against != nil || abstaining != nil else { return [] }
            return [
                MeetingVote(
                    subject: "Nghị quyết", inFavour: inFavour ?? 0, against: against ?? 0, abstaining: abstaining ?? 0)
            ]
        }

        /// The new tasks, in row order; rows without a description are left out.
        mutating func tasks(_ rows: [String: TaskFields]) -> [MemberTaskDraft] {
            rows.keys.sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }).compactMap { key in
                rows[key].flatMap { task($0, row: (Int(key) ?? 0) + 1) }
            }
        }

        mutating func task(_ fields: TaskFields, row: Int) -> MemberTaskDraft? {
            let description = fields.description?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if description.isEmpty { return nil }
            let kind = MemberTaskKind(rawValue: fields.kind ?? "") ?? .other
            guard let due = YearMonth(fields.due ?? "") else {
                problem("\(word("task")) \(row) · \(word("due"))", fields.due ?? "")
                return nil
            }
            var assignees: [String] = []
            for assignee in [fields.assignee, fields.assignee2] {
                if let assignee, !assignee.isEmpty, !assignees.contains(assignee) { assignees.append(assignee) }
            }
            var draft = MemberTaskDraft(
                kind: kind, description: description, assigneeIDs: assignees,
                due: due, householdIDs: [fields.household].compactMap { $0 }.filter { !$0.isEmpty })
            if kind == .ruralCriterion {
                let set = VillageCriteria.set(for: due.year, in: criteriaSets)
                draft.criterionSetID = set?.id
                draft.criterionNumber = Int(fields.criterion ?? "") ?? set?.environmentNumber
            }
            if kind == .persuasion {
                draft.persuasion = PersuasionProgress(householdsTarget: number(fields.target, "householdsTarget") ?? 0)
            }
            return draft
        }

        /// The reviews of open tasks that were given a status.
        mutating func reviews(_ checks: [String: ReviewFields]) -> [MemberTaskReview] {
            var reviews: [MemberTaskReview] = []
            for (taskID, fields) in checks.sorted(by: { $0.key < $1.key }) {
                guard let status = MemberTaskStatus(rawValue: fields.status ?? ""), status != .open else { continue }
                var review = MemberTaskReview(taskID: taskID, status: status, outcome: fields.outcome ?? "")
                if let persuaded = number(fields.persuaded, "householdsPersuaded") {
                    let area = Double((fields.area ?? "").replacingOccurrences(of: ",", with: ".")) ?? 0
                    review.persuasion = PersuasionProgress(
                        householdsTarget: max(persuaded, 1), householdsPersuaded: persuaded, areaPlantedHectares: area)
                }
                reviews.append(review)
            }
            return reviews
        }
    }

    /// The form filled from stored minutes, so a correction starts from the text in force.
    init(_ body: MinutesBody) {
        let minutes = body.minutes
        start = minutes.startTime.description
        end = minutes.endTime.description
        var att: [String: String] = [:]
        var reason: [String: String] = [:]
        for line in minutes.attendance {
            switch line.status {
            case .present: att[line.memberID] = AttendanceMark.present.rawValue
            case .absentExcused(let why):
                att[line.memberID] = AttendanceMark.excused.rawValue
                reason[line.memberID] = why
            case .absentUnexcused: att[line.memberID] = AttendanceMark.unexcused.rawValue
            }
        }
        self.att = att
        self.reason = reason
        chair = minutes.chairID
        recorder = minutes.recorderID
        agenda = minutes.agenda.joined(separator: "\n")
        policy = minutes.policyRelayed
        review = minutes.lastMonthReview
        evaluation = minutes.monthEvaluation
        direction = minutes.nextMonthDirection
        discussion = minutes.discussion
        conclusion = minutes.conclusion
        if let vote = minutes.votes.first {
            votesFor = String(vote.inFavour)
            votesAgainst = String(vote.against)
            votesAbstaining = String(vote.abstaining)
        }
        var rows: [String: TaskFields] = [:]
        for (index, draft) in body.tasks.enumerated() {
            rows[String(index)] = TaskFields(
                description: draft.description, kind: draft.kind.rawValue, assignee: draft.assigneeIDs.first,
                assignee2: draft.assigneeIDs.dropFirst().first, due: draft.due.iso, household: draft.householdIDs.first,
                criterion: draft.criterionNumber.map(String.init),
                target: draft.persuasion.map { String($0.householdsTarget) })
        }
        task = rows
        var checks: [String: ReviewFields] = [:]
        for review in body.reviews {
            checks[review.taskID] = ReviewFields(
                status: review.status.rawValue, outcome: review.outcome,
                persuaded: review.persuasion.map { String($0.householdsPersuaded) },
                area: review.persuasion.map { String($0.areaPlantedHectares) })
        }
        check = checks
        committeeMember = body.committeeMemberID?.uuidString
    }
}
