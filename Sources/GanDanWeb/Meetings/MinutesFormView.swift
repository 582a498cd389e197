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
        var criterion: String
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

    static func render(_ req: Request, meetingID: UUID, form posted: MinutesForm?, problems: [String]) async throws
        -> View
    {
        let language = req.language
        guard let detail = try await req.readableMeetings().detail(meetingID) else {
            throw Abort(.notFound, reason: "no meeting is at this address")
        }
        let meeting = detail.meeting
        let form = posted ?? detail.body.map { MinutesForm($0) } ?? MinutesForm()
        let roster = try await CellDirectory(db: req.store, scope: try await req.access().scopes.read).roster(
            of: meeting.cellID, on: meeting.date
        ).filter { $0.member.standing != nil && $0.member.standing != .suspended }
        let members = roster.map { entry -> MemberLine in
            let id = entry.member.id.uuidString
            let mark = form.att?[id] ?? (posted == nil ? AttendanceMark.present.rawValue : "")
            return MemberLine(
                id: entry.member.id, name: entry.member.fullName,
                standing: entry.member.standing?.label.text(in: language) ?? "",
                exempt: entry.member.standing == .exempt,
                present: mark == AttendanceMark.present.rawValue, excused: mark == AttendanceMark.excused.rawValue,
                unexcused: mark == AttendanceMark.unexcused.rawValue, reason: form.reason?[id] ?? "")
        }
        let secretary = roster.first { $0.posts.contains(.cellSecretary) }?.member.id.uuidString
        func people(selected: String?, blank: Bool) -> [Choice] {
            (blank ? [Choice(value: "", label: "—", selected: (selected ?? "").isEmpty)] : [])
                + roster.map {
                    Choice(
                        value: $0.member.id.uuidString, label: $0.member.fullName,
                        selected: $0.member.id.uuidString == selected)
                }
        }
        let households = try await HouseholdRegister(db: req.store, scope: try await req.access().scopes.read)
            .households(
                ofVillage: try await req.visibleCell(meeting.cellID).unitID, year: meeting.date.year
            ).filter { $0.status == .poor || $0.status == .nearPoor }
        let nextMonth = YearMonth(meeting.date).adding(months: 1).iso
        let taskCount = max((form.task ?? [:]).count + 1, 3)
        let tasks = (0..<taskCount).map { index -> TaskLine in
            let fields = form.task?[String(index)]
            let kind = fields?.kind ?? MemberTaskKind.poorHouseholds.rawValue
            return TaskLine(
                index: index, number: index + 1, description: fields?.description ?? "",
                kinds: MemberTaskKind.allCases.map {
                    Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0.rawValue == kind)
                }, assignees: people(selected: fields?.assignee, blank: true),
                assignees2: people(selected: fields?.assignee2, blank: true),
                households: [Choice(value: "", label: "—", selected: (fields?.household ?? "").isEmpty)]
                    + households.map {
                        Choice(
                            value: $0.id.uuidString, label: $0.headName, selected: $0.id.uuidString == fields?.household
                        )
                    }, due: fields?.due ?? nextMonth, criterion: fields?.criterion ?? "", target: fields?.target ?? "")
        }
        let open = try await req.readableMeetings().tasks(of: meeting.cellID).filter {
            $0.meetingDate < meeting.date && ($0.status == .open || $0.reviewedMeetingID == meetingID)
        }
        let reviews = open.map { task -> ReviewLine in
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
        let context = MinutesFormView(
            page: PageContext(req, title: "\(Labels.text("minutes", req)) · \(detail.cellName)"), csrf: req.csrfToken,
            meetingID: meetingID, cellName: detail.cellName, date: meeting.date.vietnamese,
            kind: meeting.kind.label.text(in: language), topic: meeting.topic, correcting: meeting.version > 0,
            version: meeting.version, problems: problems, start: form.start ?? meeting.scheduledStart.description,
            end: form.end ?? "", members: members, chairs: people(selected: form.chair ?? secretary, blank: true),
            recorders: people(selected: form.recorder, blank: true), agenda: form.agenda ?? meeting.topic ?? "",
            policy: form.policy ?? "", review: form.review ?? "", evaluation: form.evaluation ?? "",
            direction: form.direction ?? "", discussion: form.discussion ?? "", votesFor: form.votesFor ?? "",
            votesAgainst: form.votesAgainst ?? "", votesAbstaining: form.votesAbstaining ?? "",
            conclusion: form.conclusion ?? "", reviews: reviews, tasks: tasks,
            correctionReason: posted?.correctionReason ?? "")
        return try await req.view.render("minutes-form", context)
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
    var date: String
    var kind: String
    var status: String
    var topic: String?
    var scheduledStart: String
    var noticeSentOn: String?
    var committeeMember: String?
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

    init(_ req: Request, _ detail: MeetingDetail, mayWrite: Bool) {
        let language = req.language
        let meeting = detail.meeting
        let names = Dictionary(
            detail.names.map { ($0.id.uuidString, $0.name) }, uniquingKeysWith: { first, _ in first })
        page = PageContext(
            req, title: "\(Labels.text("minutes", req)) · \(detail.cellName) · \(meeting.date.vietnamese)")
        meetingID = meeting.id
        cellID = meeting.cellID
        cellName = detail.cellName
        date = meeting.date.vietnamese
        kind = meeting.kind.label.text(in: language)
        status = meeting.status.label.text(in: language)
        topic = meeting.topic
        scheduledStart = meeting.scheduledStart.description
        noticeSentOn = meeting.noticeSentOn?.vietnamese
        committeeMember = meeting.notifiedCommitteeMember
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
        lines = (minutes?.attendance ?? []).map { line in
            var reason: String?
            if case .absentExcused(let why) = line.status { reason = why }
            return Line(
                name: names[line.memberID] ?? line.memberID, standing: line.standing.label.text(in: language),
                status: line.status.label.text(in: language), reason: reason)
        }.sorted { $0.name < $1.name }
        chair = minutes.flatMap { names[$0.chairID] }
        recorder = minutes.flatMap { names[$0.recorderID] }
        agenda = minutes?.agenda ?? []
        func text(_ value: String?) -> String? { (value ?? "").isEmpty ? nil : value }
        policy = text(minutes?.policyRelayed)
        review = text(minutes?.lastMonthReview)
        evaluation = text(minutes?.monthEvaluation)
        direction = text(minutes?.nextMonthDirection)
        discussion = text(minutes?.discussion)
        votes = (minutes?.votes ?? []).map {
            "\($0.subject): \(Labels.text("inFavour", req)) \($0.inFavour), \(Labels.text("against", req)) \($0.against), "
                + "\(Labels.text("abstaining", req)) \($0.abstaining)"
        }
        conclusion = text(minutes?.conclusion)
        if isOld, let body = detail.body {
            // An older version shows the tasks as it recorded them, not as they stand now.
            assigned = body.tasks.map { MeetingPages.TaskRow(draft: $0, names: names, meeting: meeting, language) }
        } else {
            assigned = detail.tasksAssigned.map { MeetingPages.TaskRow($0, language) }
        }
        reviewed = detail.tasksReviewed.map { MeetingPages.TaskRow($0, language) }
        let formatter = ISO8601DateFormatter()
        versions = detail.versions.map {
            VersionLine(
                version: $0.version, recordedBy: $0.recordedBy, recordedAt: formatter.string(from: $0.recordedAt),
                reason: $0.correctionReason, shown: $0.version == detail.shownVersion)
        }
        warnings = detail.warnings
        quality = meeting.quality.map { String(format: "%.0f", $0) }
        self.mayWrite = mayWrite && meeting.status != .cancelled
    }
}
