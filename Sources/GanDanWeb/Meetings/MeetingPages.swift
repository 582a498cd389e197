import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// A secretary's pages: the cell's meetings, plan one, record or correct minutes, print them (issue 6).
struct MeetingPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.requiring(.read)
        let write = routes.requiring(.write)
        read.get("cells", ":cell", "meetings", use: list).reading(.year, .format)
        write.post("cells", ":cell", "meetings", use: plan)
        write.post("cells", ":cell", "thematic-plans", use: saveThematicPlan)
        read.get("meetings", ":meeting", use: detail).reading(.version, .saved)
        write.get("meetings", ":meeting", "minutes", use: minutesForm).reading(.saved)
        write.post("meetings", ":meeting", "minutes", use: recordMinutes)
        write.post("meetings", ":meeting", "notice", use: recordNotice)
    }

    struct MeetingRow: Encodable {
        var id: UUID
        var date: String
        var kind: String
        var status: String
        var held: Bool
        var topic: String?
        var duration: Int?
        var attendance: String?
        var quality: String?
        var noticeWarning: Bool
        /// The typed values behind the texts above, for exports.
        var day: CivilDate
        var present: Int?
        var expected: Int?
        var score: Double?

        init(_ meeting: MeetingSummary, _ language: Language) {
            id = meeting.id
            day = meeting.date
            present = meeting.present
            expected = meeting.expected
            score = meeting.quality
            date = meeting.date.vietnamese
            kind = meeting.kind.label.text(in: language)
            status = meeting.status.label.text(in: language)
            held = meeting.status == .held
            topic = meeting.topic
            duration = meeting.durationMinutes
            attendance = meeting.present.map { "\($0)/\(meeting.expected ?? 0)" }
            quality = meeting.quality.map { String(format: "%.0f", $0) }
            noticeWarning = meeting.noticeWarning != nil && meeting.status != .cancelled
        }
    }

    struct TaskRow: Encodable {
        var id: UUID
        var kind: String
        var description: String
        var assignees: String
        var households: String
        var due: String
        var status: String
        var done: Bool
        var outcome: String?
        var meetingID: UUID
        var meetingDate: String
        var progress: String?

        init(_ task: TaskView, _ language: Language) {
            id = task.id
            kind = task.kind.label.text(in: language)
            description = task.description
            assignees = task.assignees.map(\.name).joined(separator: ", ")
            households = task.households.map(\.name).joined(separator: ", ")
            due = task.due.vietnamese
            status = task.status.label.text(in: language)
            done = task.status == .done
            outcome = task.outcome
            meetingID = task.meetingID
            meetingDate = task.meetingDate.vietnamese
            if let persuasion = task.persuasion {
                progress =
                    "\(persuasion.householdsPersuaded)/\(persuasion.householdsTarget) · "
                    + String(format: "%.1f ha", persuasion.areaPlantedHectares)
            } else if let set = task.criterionSetID, let number = task.criterionNumber {
                progress = "\(set) #\(number)"
            }
        }

        /// A task as an older version of the minutes recorded it.
        init(draft: MemberTaskDraft, names: [String: String], meeting: MeetingSummary, _ language: Language) {
            id = meeting.id
            kind = draft.kind.label.text(in: language)
            description = draft.description
            assignees = draft.assigneeIDs.map { names[$0] ?? $0 }.joined(separator: ", ")
            households = ""
            due = draft.due.vietnamese
            status = "—"
            done = false
            outcome = nil
            meetingID = meeting.id
            meetingDate = meeting.date.vietnamese
            progress = draft.criterionSetID.flatMap { set in draft.criterionNumber.map { "\(set) #\($0)" } }
        }
    }

    struct TrendBar: Encodable {
        var month: String
        var score: String
        var x: Int
        var y: Int
        var height: Int
        var band: String
        /// The bar's month as a label under it (`06/25`), and where its value and label are written.
        var shortMonth: String
        var middle: Int
        var valueY: Int
    }

    struct ListContext: Encodable {
        var page: PageContext
        var cellID: UUID
        var cellName: String
        /// The upper-level committee member assigned to the cell on the day (rules.md R11).
        var committeeMember: String?
        var villageID: UUID?
        var year: Int
        var previousYear: Int
        var nextYear: Int
        var meetings: [MeetingRow]
        var openTasks: [TaskRow]
        /// The day open tasks are shown for, when one was asked (`?date=`).
        var openTasksOn: String?
        var flags: [FlagRow]
        /// Members with dues unpaid for three months running, shown beside the absence flags (rules.md R12).
        var duesFlags: [FlagRow]
        var trend: [TrendBar]
        var trendWidth: Int
        var topics: [TopicRow]
        var quartersMissing: String
        /// Ended months without the monthly meeting (rules.md R7), ended quarters without a thematic one (R9).
        var monthsWithoutMeeting: String
        var quartersWithoutThematic: String
        var mayWrite: Bool
        var csrf: String
        var kinds: [Choice]
        var today: String
        var error: String?
    }

    struct FlagRow: Encodable {
        var memberID: UUID
        var name: String
        var dates: String
    }

    struct TopicRow: Encodable {
        var index: Int
        /// `YYYY-MM` for the month field; `monthText` (`MM/YYYY`) for people.
        var month: String
        var monthText: String
        var title: String
    }

    @Sendable func list(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let context = try await listContext(req, error: nil, audit: format == nil)
        return try await req.exportOrRender(
            "meetings", context, format: format, list: "cell_meetings", object: context.cellID, unit: context.villageID
        ) { Self.table($0, req) }
    }

    /// The meetings page's view model: a year of a cell's meetings, open tasks, absence flags, quality trend.
    func listContext(_ req: Request, error: String?, audit: Bool) async throws -> ListContext {
        let cell = try req.resolved.cell
        let id = cell.id
        let language = req.language
        let year = try req.year()
        let meetings = try await req.meetings()
        let mayWrite = try await req.allows(.write)
        let first = try CivilDate.firstDay(ofYear: year)
        let rows = try await meetings.meetings(of: id, from: first, until: first.adding(months: 12))
        let trendUntil = first.adding(months: 12)
        let trend = try await meetings.qualityTrend(of: id, from: trendUntil.adding(months: -24), until: trendUntil)
        let flags = try await meetings.absenceFlags(of: id, year: year)
        let duesFlags = try await PartyDues(
            db: req.store, scope: try await req.scope(.read), rates: req.application.settings.duesRates
        ).unpaidFlags(of: id, year: year)
        if audit { try await req.auditRead("cell_meetings", id: id.uuidString, unit: cell.unitID) }
        let plan = try await meetings.thematicPlan(of: id, year: year) ?? ThematicPlan(year: year, topics: [])
        let gaps = try await meetings.calendarGaps(of: id, year: year, asOf: try req.asOfDate())
        // With `?date=`, the tasks open on that day (the dashboard's figure, rules.md R26); else those open now.
        let openTasksOn = req.hasExplicitDate ? try req.asOfDate() : nil
        let openTasks: [TaskView]
        if let day = openTasksOn {
            openTasks = try await meetings.tasks(of: id, openOn: day)
        } else {
            openTasks = try await meetings.tasks(of: id, openOnly: true)
        }
        var topics = plan.topics.enumerated().map {
            TopicRow(
                index: $0.offset, month: $0.element.month.iso, monthText: $0.element.month.vietnamese,
                title: $0.element.title)
        }
        for extra in 0..<2 {
            topics.append(TopicRow(index: plan.topics.count + extra, month: "", monthText: "", title: ""))
        }
        let context = ListContext(
            page: PageContext(req, title: "\(Labels.text("meetings", req)) · \(cell.name)", exportable: true),
            cellID: id,
            cellName: cell.name,
            committeeMember: try await CommitteeAssignments(db: req.store, scope: try await req.scope(.read)).assigned(
                to: id, on: try req.asOfDate())?.member.name, villageID: cell.unitID, year: year,
            previousYear: year - 1, nextYear: year + 1,
            meetings: rows.map { MeetingRow($0, language) },
            openTasks: openTasks.map { TaskRow($0, language) }, openTasksOn: openTasksOn?.vietnamese,
            flags: flags.map {
                FlagRow(
                    memberID: $0.member.id, name: $0.member.name,
                    dates: $0.dates.map(\.vietnamese).joined(separator: ", "))
            },
            duesFlags: duesFlags.map {
                FlagRow(
                    memberID: $0.member.id, name: $0.member.name,
                    dates: $0.months.map(\.vietnamese).joined(separator: ", "))
            }, trend: Self.bars(trend), trendWidth: max(trend.count, 1) * 24, topics: topics,
            quartersMissing: plan.quartersWithoutTopic.map(String.init).joined(separator: ", "),
            monthsWithoutMeeting: (gaps?.monthsWithoutMeeting ?? []).map(\.vietnamese).joined(separator: ", "),
            quartersWithoutThematic: (gaps?.quartersWithoutThematic ?? []).map(String.init).joined(separator: ", "),
            mayWrite: mayWrite,
            csrf: req.csrfToken,
            kinds: MeetingKind.allCases.map {
                Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == .regular)
            }, today: CivilDate.today().iso, error: error)
        return context
    }

    /// Bars of a server-drawn SVG chart: one per month, height proportional to the score out of 100.
    static func bars(_ points: [QualityPoint]) -> [TrendBar] {
        points.enumerated().map { index, point in
            let height = Int((point.score).rounded())
            return TrendBar(
                month: point.month.vietnamese, score: String(format: "%.0f", point.score), x: index * 24 + 2,
                y: 100 - height, height: height, band: point.band,
                shortMonth: String(format: "%02d/%02d", point.month.month, point.month.year % 100),
                middle: index * 24 + 12,
                valueY: max(8, 98 - height))
        }
    }

    @Sendable func plan(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let meetings = try await req.meetings(.write)
        let form = try req.content.decode(MeetingPlanForm.self)
        do {
            let meeting = try await meetings.plan(
                cellID: id, try form.draft(req, bodies: []), actor: try await req.actor())
            return req.redirect(to: "/meetings/\(meeting.id)/minutes")
        } catch let error as InputError {
            return try await failed(req, error.issues)
        }
    }

    /// The meetings page again with what to fix.
    func failed(_ req: Request, _ issues: [InputIssue]) async throws -> Response {
        try await req.renderForm("meetings", try await listContext(req, error: nil, audit: true), issues: issues)
    }

    struct TopicForm: Content {
        var year: Int
        var topics: [String: TopicFields]?
    }

    struct TopicFields: Content {
        var month: String?
        var title: String?
    }

    @Sendable func saveThematicPlan(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let meetings = try await req.meetings(.write)
        let form = try req.content.decode(TopicForm.self)
        var topics: [ThematicTopic] = []
        var problems: [InputIssue] = []
        for key in (form.topics ?? [:]).keys.sorted(by: { (Int($0) ?? 0) < (Int($1) ?? 0) }) {
            let fields = form.topics?[key]
            let title = fields?.title?.trimmingCharacters(in: .whitespaces) ?? ""
            let monthText = fields?.month ?? ""
            if title.isEmpty && monthText.isEmpty { continue }
            guard let month = YearMonth(monthText) else {
                problems.append(
                    InputIssue(
                        field: "month",
                        vi:
                            "Chuyên đề “\(QueryValueError.shown(title))” chưa ghi đúng tháng (“\(QueryValueError.shown(monthText))”).",
                        en:
                            "The topic “\(QueryValueError.shown(title))” has no valid month (“\(QueryValueError.shown(monthText))”)."
                    ))
                continue
            }
            topics.append(ThematicTopic(month: month, title: title))
        }
        guard problems.isEmpty else { return try await failed(req, problems) }
        do {
            try await meetings.saveThematicPlan(
                of: id, ThematicPlan(year: form.year, topics: topics), actor: try await req.actor())
        } catch let error as InputError {
            return try await failed(req, error.issues)
        }
        return req.redirect(to: "/cells/\(id)/meetings?year=\(form.year)")
    }

    @Sendable func detail(req: Request) async throws -> View {
        let id = try req.resolved.meetingID
        let version = try req.queryText(.version) == nil ? nil : req.queryNumber(.version, default: 1)
        guard let detail = try await req.meetings().detail(id, version: version) else {
            throw Abort(.notFound, reason: "no meeting is at this address")
        }
        try await req.auditRead(
            "meeting", id: id.uuidString, unit: try req.resolved.meetingHolder.unitID)
        var view = try await Self.minutesView(req, detail)
        if try req.queryFlag(.saved), version == nil {
            view.savedAt = detail.versions.max { $0.version < $1.version }.map { VietnamTime.text($0.recordedAt) }
        }
        return try await req.view.render("meeting", view)
    }

    /// The meeting page's view model; for a planned meeting the user may record, with the roll to notify.
    static func minutesView(_ req: Request, _ detail: MeetingDetail) async throws -> MinutesView {
        let mayWrite = try await req.allows(.write)
        let roll =
            mayWrite && detail.meeting.status == .planned
            ? try await req.meetings().roll(ofMeeting: detail.meeting.id) ?? [] : []
        var view = MinutesView(req, detail, mayWrite: mayWrite, roll: roll)
        if mayWrite, detail.meeting.status == .planned,
            let draft = try await req.meetings(.write).minutesDraft(detail.meeting.id)
        {
            view.unfinished = MinutesFormView.DraftLine(
                savedAt: VietnamTime.text(draft.savedAt), savedBy: draft.savedBy)
        }
        return view
    }

    struct NoticeForm: Content {
        var noticeSentOn: String?
        var documents: String?
        /// Member id → how they were told (`inPerson`, `phone`, `loudspeaker`), empty when not told.
        var method: [String: String]?
    }

    /// Records who was told of a planned meeting and how (rules.md R11); the page again with what to fix.
    @Sendable func recordNotice(req: Request) async throws -> Response {
        let id = try req.resolved.meetingID
        let form = try req.content.decode(NoticeForm.self)
        var problems: [InputIssue] = []
        let day = CivilDate(form.noticeSentOn ?? "")
        if day == nil {
            problems.append(InputIssue.unreadable(field: "noticeSentOn", value: form.noticeSentOn ?? ""))
        }
        var entries: [NoticeEntry] = []
        for (member, text) in (form.method ?? [:]).sorted(by: { $0.key < $1.key }) where !text.isEmpty {
            guard let memberID = UUID(uuidString: member), let method = NoticeMethod(rawValue: text) else {
                problems.append(InputIssue.unreadable(field: "noticeHow", value: text))
                continue
            }
            entries.append(NoticeEntry(memberID: memberID, method: method))
        }
        do {
            guard problems.isEmpty, let day else { throw InputError.invalid(problems) }
            try await req.meetings(.write).recordNotice(
                id, MeetingNoticeDraft(noticeSentOn: day, notifications: entries, documents: form.documents),
                actor: try await req.actor())
        } catch let error as InputError {
            guard let detail = try await req.meetings().detail(id) else { throw Abort(.notFound) }
            return try await req.renderForm("meeting", try await Self.minutesView(req, detail), issues: error.issues)
        }
        return req.redirect(to: "/meetings/\(id)")
    }

    @Sendable func minutesForm(req: Request) async throws -> Response {
        let id = try req.resolved.meetingID
        try await req.auditRead(
            "meeting_minutes_form", id: id.uuidString, unit: try req.resolved.meetingHolder.unitID)
        return try await MinutesFormView.render(req, meetingID: id, form: nil)
    }

    @Sendable func recordMinutes(req: Request) async throws -> Response {
        let id = try req.resolved.meetingID
        let meetings = try await req.meetings(.write)
        var form = try req.content.decode(MinutesForm.self)
        try await form.settleSuggestedVotes(req, meetingID: id)
        if form.isUnfinished, try await meetings.meeting(id)?.version == 0 {
            try await meetings.saveMinutesDraft(
                id, fields: try MinutesFormView.draftFields(form), actor: try await req.actor())
            return req.redirect(to: MinutesFormView.draftSavedAddress(id, section: form.section))
        }
        let parsed = form.entry(req.language, criteriaSets: req.criteriaSets)
        guard parsed.problems.isEmpty, let entry = parsed.entry else {
            return try await MinutesFormView.render(
                req, meetingID: id, form: form, issues: parsed.problems)
        }
        do {
            try await meetings.recordMinutes(
                id, entry, basedOn: form.basedOn.flatMap { Int($0) }, actor: try await req.actor())
        } catch let error as InputError {
            return try await MinutesFormView.render(req, meetingID: id, form: form, issues: error.issues)
        } catch is MinutesChangedMeanwhile {
            return try await MinutesFormView.render(req, meetingID: id, form: form, conflict: true)
        }
        return req.redirect(to: "/meetings/\(id)?saved=1")
    }
}
