import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The minutes form: the roll read from the registry, open tasks to review, rows for new tasks (rules.md R10, A7).
struct MinutesFormView: Encodable {
    struct MemberLine: Encodable {
        var id: UUID
        var name: String
        var standing: String
        var exempt: Bool
        var present: Bool
        var excused: Bool
        var unexcused: Bool
        var reason: String
    }

    struct TaskLine: Encodable {
        var index: Int
        var number: Int
        var description: String
        var kinds: [Choice]
        var assignees: [Choice]
        var assignees2: [Choice]
        var households: [Choice]
        var due: String
        /// The new-rural criteria to pick by number and name (rules.md R24).
        var criteria: [Choice]
        var target: String
    }

    struct ReviewLine: Encodable {
        var id: UUID
        var description: String
        var assignees: String
        var due: String
        var statuses: [Choice]
        var outcome: String
        var persuasion: Bool
        var persuaded: String
        var area: String
    }

    var page: PageContext
    var csrf: String
    var meetingID: UUID
    var cellName: String
    var date: String
    var kind: String
    var topic: String?
    var correcting: Bool
    var version: Int
    var problems: [String]
    var start: String
    var end: String
    var members: [MemberLine]
    var chairs: [Choice]
    var recorders: [Choice]
    var agenda: String
    var policy: String
    var review: String
    var evaluation: String
    var direction: String
    var discussion: String
    var votesFor: String
    var votesAgainst: String
    var votesAbstaining: String
    var conclusion: String
    var reviews: [ReviewLine]
    var tasks: [TaskLine]
    var correctionReason: String
    /// The upper-level committee member assigned to the cell on the day, to tick present (rules.md R11).
    var committeeMember: NamedID?
    var committeeMemberPresent: Bool
    /// The version the form is based on (hidden field `basedOn`): the stored one, or the one first opened when the form
    /// comes back with what to fix.
    var basedOn: Int
    /// Minutes saved meanwhile, beside what was typed (issue 20).
    var conflict: MinutesConflictView?
    /// The form's six parts, for the index at the top (issue 20 item 5).
    var sections: [Section]
    /// When the save that led here was kept (`?saved=1`), in Vietnam's time.
    var savedAt: String?
    /// The unfinished draft the form opened on.
    var draft: DraftLine?
    /// The day of the minutes the agenda was taken from, when it was offered from them.
    var agendaFrom: String?
    /// "In favour" as suggested from the members with a vote marked present, kept in a hidden field: while the
    /// number is left as suggested it follows the attendance (`MinutesForm.settleSuggestedVotes`).
    var votesSuggested: String?

    /// The minutes form; with `issues`, shown again with what to fix; with `conflict`, beside the minutes saved
    /// meanwhile, based on them (so Save keeps what was typed, as a correction).
    static func render(
        _ req: Request, meetingID: UUID, form posted: MinutesForm?, issues: [InputIssue] = [], conflict: Bool = false
    ) async throws -> Response {
        let language = req.language
        guard let detail = try await req.meetings().detail(meetingID) else {
            throw Abort(.notFound, reason: "no meeting is at this address")
        }
        let meeting = detail.meeting
        let source = try await Self.source(req, detail, posted: posted)
        let form = source.form
        // The roll of the cell, or of the committee or its standing body (rules.md R7, R10).
        let roster = (try await req.meetings().roll(ofMeeting: meetingID) ?? []).filter {
            $0.member.standing != nil && $0.member.standing != .suspended
        }
        let members = Self.memberLines(roster, form: form, posted: source.marked, language: language)
        let suggested = try await Self.suggestions(
            req, meeting, fresh: source.fresh, votesUntouched: form.votesLeftAsSuggested,
            present: Self.presentVoters(roster, marks: form.att ?? [:], markedAll: !source.marked))
        let chairPost: PostKind = meeting.body == .cell ? .cellSecretary : .partySecretary
        let secretary = roster.first { $0.posts.contains(chairPost) }?.member.id.uuidString
        let people = { (selected: String?) in Self.people(roster, selected: selected) }
        let tasks = Self.taskLines(
            form, people: people, households: try await Self.households(req, meeting), meetingDay: meeting.date,
            sets: req.criteriaSets, language: language)
        let open = try await req.meetings().tasks(of: meeting.cellID).filter {
            $0.meetingDate < meeting.date && ($0.status == .open || $0.reviewedMeetingID == meetingID)
        }
        let reviews = Self.reviewLines(open, form: form, req)
        let context = MinutesFormView(
            page: PageContext(req, title: "\(Labels.text("minutes", req)) · \(detail.cellName)"), csrf: req.csrfToken,
            meetingID: meetingID, cellName: detail.cellName, date: meeting.date.vietnamese,
            kind: meeting.kind.label.text(in: language), topic: meeting.topic, correcting: meeting.version > 0,
            version: meeting.version, problems: [], start: form.start ?? meeting.scheduledStart.description,
            end: form.end ?? "", members: members, chairs: people(form.chair ?? secretary),
            recorders: people(form.recorder), agenda: form.agenda ?? suggested.agenda ?? meeting.topic ?? "",
            policy: form.policy ?? "", review: form.review ?? "", evaluation: form.evaluation ?? "",
            direction: form.direction ?? "", discussion: form.discussion ?? "",
            votesFor: suggested.votesFor ?? form.votesFor ?? "",
            votesAgainst: form.votesAgainst ?? (source.fresh ? "0" : ""),
            votesAbstaining: form.votesAbstaining ?? (source.fresh ? "0" : ""),
            conclusion: form.conclusion ?? "", reviews: reviews, tasks: tasks,
            correctionReason: posted?.correctionReason ?? "", committeeMember: detail.assignedCommitteeMember,
            committeeMemberPresent: detail.assignedCommitteeMember.map { form.committeeMember == $0.id.uuidString }
                ?? false,
            basedOn: conflict ? meeting.version : posted?.basedOn.flatMap { Int($0) } ?? meeting.version,
            conflict: conflict ? MinutesConflictView(detail, typed: form, req) : nil, sections: Self.sections(req),
            savedAt: try req.queryFlag(.saved) ? source.draft.map { VietnamTime.text($0.savedAt) } : nil,
            draft: source.draft.map { DraftLine(savedAt: VietnamTime.text($0.savedAt), savedBy: $0.savedBy) },
            agendaFrom: form.agenda == nil ? suggested.agendaFrom : nil, votesSuggested: suggested.votesFor)
        if conflict { return try await req.renderForm("minutes-form", context, issues: [], status: .conflict) }
        guard issues.isEmpty else { return try await req.renderForm("minutes-form", context, issues: issues) }
        return try await req.view.render("minutes-form", context).encodeResponse(for: req)
    }

    /// The poor and near-poor households a task may help: the cell's village's; a committee's tasks name none.
    static func households(_ req: Request, _ meeting: MeetingSummary) async throws -> [HouseholdView] {
        guard meeting.body == .cell else { return [] }
        return try await req.householdRegister(.read).households(
            ofVillage: try req.resolved.cell.unitID, year: meeting.date.year
        ).filter { $0.status == .poor || $0.status == .nearPoor }
    }

    /// One line per member on the roll: a posted form keeps its marks; a new form marks everyone present.
    static func memberLines(_ roster: [RosterEntry], form: MinutesForm, posted: Bool, language: Language)
        -> [MemberLine]
    {
        roster.map { entry -> MemberLine in
            let id = entry.member.id.uuidString
            let mark = form.att?[id] ?? (posted ? "" : AttendanceMark.present.rawValue)
            return MemberLine(
                id: entry.member.id, name: entry.member.fullName,
                standing: entry.member.standing?.label.text(in: language) ?? "",
                exempt: entry.member.standing == .exempt,
                present: mark == AttendanceMark.present.rawValue, excused: mark == AttendanceMark.excused.rawValue,
                unexcused: mark == AttendanceMark.unexcused.rawValue, reason: form.reason?[id] ?? "")
        }
    }

    /// The members of the roll to choose from, after a blank choice.
    static func people(_ roster: [RosterEntry], selected: String?) -> [Choice] {
        [Choice(value: "", label: "—", selected: (selected ?? "").isEmpty)]
            + roster.map {
                Choice(
                    value: $0.member.id.uuidString, label: $0.member.fullName,
                    selected: $0.member.id.uuidString == selected)
            }
    }

    /// The rows for new tasks: those posted, and at least three.
    /// A row's criteria are those of the set in force in its due year, as the number is read (`MinutesForm.task`).
    static func taskLines(
        _ form: MinutesForm, people: (String?) -> [Choice], households: [HouseholdView], meetingDay: CivilDate,
        sets: [RuralCriteriaSet], language: Language
    ) -> [TaskLine] {
        let taskCount = max((form.task ?? [:]).count + 1, 3)
        let nextMonth = YearMonth(meetingDay).adding(months: 1)
        return (0..<taskCount).map { index -> TaskLine in
            let fields = form.task?[String(index)]
            let dueYear = YearMonth(fields?.due ?? "")?.year ?? nextMonth.year
            let criteria = Self.criterionChoices(
                VillageCriteria.set(for: dueYear, in: sets), selected: fields?.criterion, language: language)
            let kind = fields?.kind ?? MemberTaskKind.poorHouseholds.rawValue
            return TaskLine(
                index: index, number: index + 1, description: fields?.description ?? "",
                kinds: MemberTaskKind.allCases.map {
                    Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0.rawValue == kind)
                }, assignees: people(fields?.assignee), assignees2: people(fields?.assignee2),
                households: [Choice(value: "", label: "—", selected: (fields?.household ?? "").isEmpty)]
                    + households.map {
                        Choice(
                            value: $0.id.uuidString, label: $0.headName, selected: $0.id.uuidString == fields?.household
                        )
                    }, due: fields?.due ?? nextMonth.iso, criteria: criteria, target: fields?.target ?? "")
        }
    }

    /// One line per open task to review, with what the form posted.
    static func reviewLines(_ open: [TaskView], form: MinutesForm, _ req: Request) -> [ReviewLine] {
        let language = req.language
        return open.map { task -> ReviewLine in
            let fields = form.check?[task.id.uuidString]
            let status = fields?.status ?? ""
            return ReviewLine(
                id: task.id, description: task.description,
                assignees: task.assignees.map(\.name).joined(separator: ", "),
                due: task.due.vietnamese,
                statuses: [Choice(value: "", label: Labels.text("notReviewed", req), selected: status.isEmpty)]
                    + [MemberTaskStatus.done, .partlyDone, .notDone].map {
                        Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0.rawValue == status)
                    }, outcome: fields?.outcome ?? "", persuasion: task.kind == .persuasion,
                persuaded: fields?.persuaded ?? task.persuasion.map { String($0.householdsPersuaded) } ?? "",
                area: fields?.area ?? task.persuasion.map { String($0.areaPlantedHectares) } ?? "")
        }
    }
}

extension MinutesForm {
    /// An empty form.
    init() {
        self.init(from: [String: String]())
    }

    private init(from nothing: [String: String]) {
        start = nil
        end = nil
        att = nil
        reason = nil
        chair = nil
        recorder = nil
        agenda = nil
        policy = nil
        review = nil
        evaluation = nil
        direction = nil
        discussion = nil
        votesFor = nil
        votesAgainst = nil
        votesAbstaining = nil
        conclusion = nil
        task = nil
        check = nil
        correctionReason = nil
    }
}

/// The printed minutes in the usual Vietnamese form, with the version history (rules.md R10).
struct MinutesView: Encodable {
    struct Line: Encodable {
        var name: String
        var standing: String
        var status: String
        var reason: String?
    }

    struct VersionLine: Encodable {
        var version: Int
        var recordedBy: String
        var recordedAt: String
        var reason: String?
        var shown: Bool
    }

    var page: PageContext
    var meetingID: UUID
    var cellID: UUID
    var cellName: String
    /// The page of the holder's meetings: the cell's, or the grassroots committee's (rules.md R7).
    var meetingsLink: String
    /// "Sinh hoạt chi bộ", "Hội nghị Đảng bộ" or "Họp Đảng ủy", for the title of the printed minutes.
    var body: String
    var isCell: Bool
    var date: String
    var kind: String
    var status: String
    var topic: String?
    var scheduledStart: String
    var noticeSentOn: String?
    var noticeSentOnISO: String
    /// The committee member as typed before assignments named a member: shown as a note (rules.md R11).
    var legacyCommitteeNote: String?
    /// The committee member assigned to the cell on the day, and whether the minutes record them present.
    var committeeMember: String?
    var committeeMemberPresent: Bool
    var notices: [NoticeLine]
    /// The notice form of a planned meeting: each person on the roll, and the committee member, with how told.
    var noticeForm: [NoticeChoice]
    var csrf: String
    var documents: String?
    var held: Bool
    var planned: Bool
    var shownVersion: Int?
    var currentVersion: Int
    var isOld: Bool
    var start: String?
    var end: String?
    var duration: Int?
    var rollFull: Int
    var rollProbationary: Int
    var rollExempt: Int
    var presentCount: Int
    var absentCount: Int
    var lines: [Line]
    var chair: String?
    var recorder: String?
    var agenda: [String]
    var policy: String?
    var review: String?
    var evaluation: String?
    var direction: String?
    var discussion: String?
    var votes: [String]
    var conclusion: String?
    var assigned: [MeetingPages.TaskRow]
    var reviewed: [MeetingPages.TaskRow]
    var versions: [VersionLine]
    var warnings: [String]
    var quality: String?
    var mayWrite: Bool
    /// When the minutes that led here were saved (`?saved=1`), in Vietnam's time (issue 20 item 5).
    /// Minutes of this planned meeting kept unfinished (no conclusion yet), for those who may go on writing them.
    var unfinished: MinutesFormView.DraftLine?
    var savedAt: String?

    struct NoticeLine: Encodable {
        var name: String
        var method: String
        var committeeMember: Bool
    }

    struct NoticeChoice: Encodable {
        var id: UUID
        var name: String
        var committeeMember: Bool
        var methods: [Choice]
    }

    /// One line per person who may be told: the committee member first, then the roll, each with how told (blank:
    /// not told), as recorded.
    static func noticeChoices(_ detail: MeetingDetail, roll: [RosterEntry], language: Language) -> [NoticeChoice] {
        let told = Dictionary(
            detail.notifications.map { ($0.member.id, $0.method) }, uniquingKeysWith: { first, _ in first })
        var people = detail.assignedCommitteeMember.map { [($0, true)] } ?? []
        people += roll.filter { $0.member.id != detail.assignedCommitteeMember?.id }.map {
            (NamedID(id: $0.member.id, name: $0.member.fullName), false)
        }
        return people.map { person, isCommitteeMember in
            NoticeChoice(
                id: person.id, name: person.name, committeeMember: isCommitteeMember,
                methods: [Choice(value: "", label: "—", selected: told[person.id] == nil)]
                    + NoticeMethod.allCases.map {
                        Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: told[person.id] == $0)
                    })
        }
    }

    /// The printed minutes; `roll` (the roll on the day) is given for a planned meeting the user may record the
    /// notice of.
    init(_ req: Request, _ detail: MeetingDetail, mayWrite: Bool, roll: [RosterEntry] = []) {
        let language = req.language
        let meeting = detail.meeting
        let names = Dictionary(
            detail.names.map { ($0.id.uuidString, $0.name) }, uniquingKeysWith: { first, _ in first })
        page = PageContext(
            req, title: "\(Labels.text("minutes", req)) · \(detail.cellName) · \(meeting.date.vietnamese)")
        meetingID = meeting.id
        cellID = meeting.cellID
        cellName = detail.cellName
        meetingsLink =
            meeting.body == .cell ? "/cells/\(meeting.cellID)/meetings" : "/committees/\(meeting.cellID)/meetings"
        body = meeting.body.label.text(in: language)
        isCell = meeting.body == .cell
        date = meeting.date.vietnamese
        kind = meeting.kind.label.text(in: language)
        status = meeting.status.label.text(in: language)
        topic = meeting.topic
        scheduledStart = meeting.scheduledStart.description
        noticeSentOn = meeting.noticeSentOn?.vietnamese
        noticeSentOnISO = meeting.noticeSentOn?.iso ?? CivilDate.today().iso
        legacyCommitteeNote = meeting.legacyCommitteeMemberNote
        committeeMember = detail.assignedCommitteeMember?.name
        committeeMemberPresent =
            detail.assignedCommitteeMember != nil
            && detail.body?.committeeMemberID == detail.assignedCommitteeMember?.id
        notices = detail.notifications.map {
            NoticeLine(
                name: $0.member.name, method: $0.method.label.text(in: language), committeeMember: $0.committeeMember)
        }
        noticeForm = Self.noticeChoices(detail, roll: roll, language: language)
        csrf = req.csrfToken
        documents = meeting.documents
        held = meeting.status == .held
        planned = meeting.status == .planned
        shownVersion = detail.shownVersion
        currentVersion = meeting.version
        isOld = detail.shownVersion != nil && detail.shownVersion != meeting.version
        let minutes = detail.body?.minutes
        start = minutes?.startTime.description
        end = minutes?.endTime.description
        duration = minutes?.durationMinutes
        rollFull = minutes?.roll.full ?? 0
        rollProbationary = minutes?.roll.probationary ?? 0
        rollExempt = minutes?.roll.exempt ?? 0
        presentCount = minutes?.presentCount ?? 0
        absentCount = minutes?.absentCount ?? 0
        lines = Self.attendanceLines(minutes?.attendance ?? [], names: names, language: language)
        chair = minutes.flatMap { names[$0.chairID] }
        recorder = minutes.flatMap { names[$0.recorderID] }
        agenda = minutes?.agenda ?? []
        func text(_ value: String?) -> String? { (value ?? "").isEmpty ? nil : value }
        policy = text(minutes?.policyRelayed)
        review = text(minutes?.lastMonthReview)
        evaluation = text(minutes?.monthEvaluation)
        direction = text(minutes?.nextMonthDirection)
        discussion = text(minutes?.discussion)
        votes = (minutes?.votes ?? []).map { Self.voteLine($0, req) }
        conclusion = text(minutes?.conclusion)
        assigned = Self.assignedRows(detail, old: isOld, names: names, language: language)
        reviewed = detail.tasksReviewed.map { MeetingPages.TaskRow($0, language) }
        versions = Self.versionLines(detail)
        warnings = detail.breaches.map { $0.label.text(in: language) }
        quality = meeting.quality.map { String(format: "%.0f", $0) }
        self.mayWrite = mayWrite && meeting.status != .cancelled
    }

    /// Who was present or absent, by name.
    static func attendanceLines(_ attendance: [MeetingAttendance], names: [String: String], language: Language)
        -> [Line]
    {
        attendance.map { line in
            var reason: String?
            if case .absentExcused(let why) = line.status { reason = why }
            return Line(
                name: names[line.memberID] ?? line.memberID, standing: line.standing.label.text(in: language),
                status: line.status.label.text(in: language), reason: reason)
        }.sorted { $0.name < $1.name }
    }

    static func voteLine(_ vote: MeetingVote, _ req: Request) -> String {
        "\(vote.subject): \(Labels.text("inFavour", req)) \(vote.inFavour), \(Labels.text("against", req)) \(vote.against), "
            + "\(Labels.text("abstaining", req)) \(vote.abstaining)"
    }

    /// The tasks the meeting assigned; an older version shows them as it recorded them, not as they stand now.
    static func assignedRows(_ detail: MeetingDetail, old: Bool, names: [String: String], language: Language)
        -> [MeetingPages.TaskRow]
    {
        if old, let body = detail.body {
            return body.tasks.map { MeetingPages.TaskRow(draft: $0, names: names, meeting: detail.meeting, language) }
        }
        return detail.tasksAssigned.map { MeetingPages.TaskRow($0, language) }
    }

    static func versionLines(_ detail: MeetingDetail) -> [VersionLine] {
        detail.versions.map {
            VersionLine(
                version: $0.version, recordedBy: $0.recordedBy, recordedAt: VietnamTime.text($0.recordedAt),
                reason: $0.correctionReason, shown: $0.version == detail.shownVersion)
        }
    }
}
