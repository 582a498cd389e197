import Foundation

/// One line of a to-do list as people read it, with the page that lists what it counts.
public struct ToDoLine: Codable, Sendable, Hashable {
    public var text: BilingualText
    /// A path on the site, e.g. `/cells/<id>/meetings`.
    public var path: String
    /// Past a deadline (shown first and marked).
    public var urgent: Bool

    public init(text: BilingualText, path: String, urgent: Bool = false) {
        self.text = text
        self.path = path
        self.urgent = urgent
    }
}

/// The sentences of the to-do home and of the e-mail digest, in plain Vietnamese and English (issue 20).
public enum ToDoLines {
    /// `dd/mm`.
    static func dayMonth(_ date: CivilDate) -> String {
        CivilDate.text([(date.day, 2), (date.month, 2)], separator: "/")
    }

    /// A secretary's lines for one cell: the month's meeting always, then each count that is not zero.
    public static func cell(
        _ cell: CellToDo, on date: CivilDate, horizon: ToDoHorizon = .standard,
        absencesAt: Int = MeetingSettings.standard.absenceWarningCount
    ) -> [ToDoLine] {
        let base = "/cells/\(cell.cellID.uuidString)"
        let month = date.month
        var lines: [ToDoLine] = []
        switch cell.meeting {
        case .notPlanned:
            lines.append(
                ToDoLine(
                    text: BilingualText(
                        vi: "Họp chi bộ tháng \(month): chưa lên lịch", en: "This month's meeting: not planned yet"),
                    path: base + "/meetings", urgent: true))
        case .planned(let day):
            lines.append(
                ToDoLine(
                    text: BilingualText(
                        vi: "Họp chi bộ tháng \(month): đã lên lịch ngày \(dayMonth(day))",
                        en: "This month's meeting: planned for \(dayMonth(day))"),
                    path: base + "/meetings"))
        case .minutesMissing(let day):
            lines.append(
                ToDoLine(
                    text: BilingualText(
                        vi: "Họp chi bộ tháng \(month): đã họp ngày \(dayMonth(day)), chưa ghi biên bản",
                        en: "This month's meeting: held on \(dayMonth(day)), minutes not written yet"),
                    path: base + "/meetings", urgent: true))
        case .done(let day):
            lines.append(
                ToDoLine(
                    text: BilingualText(
                        vi: "Họp chi bộ tháng \(month): đã họp ngày \(dayMonth(day)), đã có biên bản",
                        en: "This month's meeting: held on \(dayMonth(day)), minutes written"),
                    path: base + "/meetings"))
        }
        lines += counts(
            CountsInput(
                tasksOverdue: cell.tasksOverdue, tasksDueSoon: cell.tasksDueSoon, feedbackOverdue: cell.feedbackOverdue,
                feedbackDueSoon: cell.feedbackDueSoon, membersNearAbsenceFlag: cell.membersNearAbsenceFlag,
                candidateDeadlines: cell.candidateDeadlines, nextCandidateDeadline: cell.nextCandidateDeadline,
                absencesAt: absencesAt),
            horizon: horizon,
            paths: (meetings: base + "/meetings", feedback: base + "/feedback", candidates: base + "/candidates"))
        if cell.thematicTopicMissing {
            lines.append(thematic(quarter: YearMonth(date).quarter, cells: nil, path: base + "/meetings"))
        }
        lines += transfers(waiting: cell.transfersWaiting, overdue: cell.transfersOverdue, path: base)
        if let line = congress(cell.congress, next: cell.nextCongress, path: base + "/cell-committee") {
            lines.append(line)
        }
        return lines
    }

    /// A planner's lines for the cells under a unit: each count that is not zero, linked to the unit's list.
    public static func unit(
        _ unitID: UUID, _ totals: ToDoTotals, on date: CivilDate, horizon: ToDoHorizon = .standard,
        absencesAt: Int = MeetingSettings.standard.absenceWarningCount
    ) -> [ToDoLine] {
        let base = "/units/\(unitID.uuidString)"
        let dashboard = base + "/dashboard"
        let month = date.month
        var lines: [ToDoLine] = []
        if totals.meetingNotPlanned > 0 {
            lines.append(
                ToDoLine(
                    text: BilingualText(
                        vi: "\(totals.meetingNotPlanned) chi bộ chưa lên lịch họp tháng \(month)",
                        en: "\(totals.meetingNotPlanned) cells have not planned this month's meeting"),
                    path: dashboard, urgent: true))
        }
        if totals.minutesMissing > 0 {
            lines.append(
                ToDoLine(
                    text: BilingualText(
                        vi: "\(totals.minutesMissing) chi bộ đã họp tháng \(month) nhưng chưa ghi biên bản",
                        en: "\(totals.minutesMissing) cells held this month's meeting but have not written the minutes"),
                    path: dashboard, urgent: true))
        }
        lines += counts(
            CountsInput(
                tasksOverdue: totals.tasksOverdue, tasksDueSoon: totals.tasksDueSoon,
                feedbackOverdue: totals.feedbackOverdue, feedbackDueSoon: totals.feedbackDueSoon,
                membersNearAbsenceFlag: totals.membersNearAbsenceFlag, candidateDeadlines: totals.candidateDeadlines,
                nextCandidateDeadline: nil, absencesAt: absencesAt),
            horizon: horizon,
            paths: (meetings: dashboard, feedback: base + "/feedback", candidates: base + "/candidates"))
        if totals.thematicTopicMissing > 0 {
            lines.append(
                thematic(quarter: YearMonth(date).quarter, cells: totals.thematicTopicMissing, path: dashboard))
        }
        lines += transfers(waiting: totals.transfersWaiting, overdue: totals.transfersOverdue, path: base)
        lines += congresses(due: totals.congressDue, overdue: totals.congressOverdue, path: dashboard)
        return lines
    }

    struct CountsInput {
        var tasksOverdue: Int
        var tasksDueSoon: Int
        var feedbackOverdue: Int
        var feedbackDueSoon: Int
        var membersNearAbsenceFlag: Int
        var candidateDeadlines: Int
        var nextCandidateDeadline: CivilDate?
        /// The unexcused absences counted as near the removal flag.
        var absencesAt: Int
    }

    static func counts(
        _ input: CountsInput, horizon: ToDoHorizon, paths: (meetings: String, feedback: String, candidates: String)
    ) -> [ToDoLine] {
        var lines: [ToDoLine] = []
        func add(_ count: Int, _ vi: String, _ en: String, _ path: String, urgent: Bool = false) {
            guard count > 0 else { return }
            lines.append(
                ToDoLine(text: BilingualText(vi: "\(count) \(vi)", en: "\(count) \(en)"), path: path, urgent: urgent))
        }
        add(input.tasksOverdue, "nhiệm vụ đã quá hạn", "tasks past their month", paths.meetings, urgent: true)
        add(
            input.tasksDueSoon, "nhiệm vụ đến hạn trong \(horizon.taskDays) ngày tới",
            "tasks due within \(horizon.taskDays) days", paths.meetings)
        add(
            input.feedbackOverdue, "ý kiến của dân đã quá hạn trả lời", "citizens' feedback items past their deadline",
            paths.feedback, urgent: true)
        add(
            input.feedbackDueSoon, "ý kiến của dân sắp đến hạn (trong \(horizon.feedbackDays) ngày)",
            "citizens' feedback items due within \(horizon.feedbackDays) days", paths.feedback)
        add(
            input.membersNearAbsenceFlag,
            "đảng viên đã vắng họp không lý do từ \(input.absencesAt) lần trở lên trong năm",
            "members absent without excuse \(input.absencesAt) times or more this year", paths.meetings)
        let earliest = input.nextCandidateDeadline.map {
            (vi: " (sớm nhất \(dayMonth($0)))", en: " (first \(dayMonth($0)))")
        }
        add(
            input.candidateDeadlines, "người vào Đảng có việc đến hạn" + (earliest?.vi ?? ""),
            "candidates with a step due" + (earliest?.en ?? ""), paths.candidates)
        return lines
    }

    static func thematic(quarter: Int, cells: Int?, path: String) -> ToDoLine {
        guard let cells else {
            return ToDoLine(
                text: BilingualText(
                    vi: "Quý \(quarter) chưa có chuyên đề sinh hoạt", en: "No thematic topic for quarter \(quarter) yet"
                ),
                path: path)
        }
        return ToDoLine(
            text: BilingualText(
                vi: "\(cells) chi bộ chưa có chuyên đề sinh hoạt quý \(quarter)",
                en: "\(cells) cells have no thematic topic for quarter \(quarter)"),
            path: path)
    }

    /// Members transferred in and not yet received (rules.md R13, R14): the overdue ones first and marked.
    static func transfers(waiting: Int, overdue: Int, path: String) -> [ToDoLine] {
        var lines: [ToDoLine] = []
        if overdue > 0 {
            lines.append(
                ToDoLine(
                    text: BilingualText(
                        vi: "\(overdue) đảng viên chuyển đến đã quá hạn nhận sinh hoạt",
                        en: "\(overdue) members transferred in are past the deadline to be received"),
                    path: path, urgent: true))
        }
        if waiting - overdue > 0 {
            lines.append(
                ToDoLine(
                    text: BilingualText(
                        vi: "\(waiting - overdue) đảng viên chuyển đến đang chờ nhận sinh hoạt",
                        en: "\(waiting - overdue) members transferred in are waiting to be received"),
                    path: path))
        }
        return lines
    }

    /// A cell's next congress (rules.md R6): its window is open, or its latest day has passed with none recorded.
    static func congress(_ standing: CongressTerm.Standing, next: CongressTerm.Next?, path: String) -> ToDoLine? {
        guard let next else { return nil }
        switch standing {
        case .due:
            return ToDoLine(
                text: BilingualText(
                    vi: "Đã đến kỳ đại hội chi bộ (chậm nhất \(next.latest.vietnamese))",
                    en: "The cell's congress is due (at the latest \(next.latest.vietnamese))"),
                path: path)
        case .overdue:
            return ToDoLine(
                text: BilingualText(
                    vi: "Đại hội chi bộ đã quá hạn (hạn chót \(next.latest.vietnamese))",
                    en: "The cell's congress is overdue (the latest day was \(next.latest.vietnamese))"),
                path: path, urgent: true)
        case .notYetDue, .unknown:
            return nil
        }
    }

    /// A planner's count of cells whose congress is overdue or due.
    static func congresses(due: Int, overdue: Int, path: String) -> [ToDoLine] {
        var lines: [ToDoLine] = []
        if overdue > 0 {
            lines.append(
                ToDoLine(
                    text: BilingualText(
                        vi: "\(overdue) chi bộ đã quá hạn đại hội", en: "\(overdue) cells are past their congress"),
                    path: path, urgent: true))
        }
        if due > 0 {
            lines.append(
                ToDoLine(
                    text: BilingualText(
                        vi: "\(due) chi bộ đã đến kỳ đại hội", en: "\(due) cells have their congress due"),
                    path: path))
        }
        return lines
    }
}
