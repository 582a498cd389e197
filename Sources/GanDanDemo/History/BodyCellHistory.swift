import GanDanCore

/// The monthly meetings of the cells of the district's own bodies — police, military, schools, agencies — which are
/// not village cells (rules.md R7, R9): no households, criteria or drives, but a meeting every month on the roll of
/// its day, with minutes, and one thematic topic a quarter held combined with that month's meeting. Each cell draws
/// from its own stream, so adding them leaves the village cells' story as it was.
struct BodyCellHistory {
    var meetings: [HistoryMeeting] = []
    var plans: [String: [ThematicPlan]] = [:]

    static let seed: UInt64 = 0x4761_6E44_616E_B0D1

    /// Topics an agency's cell takes up besides the general ones.
    static let topics =
        HistoryCellGenerator.generalTopics.filter { !$0.contains("gia súc") && !$0.contains("khu dân cư") } + [
            "Nâng cao ý thức trách nhiệm, đạo đức công vụ của cán bộ, đảng viên",
            "Cải cách hành chính, nâng cao chất lượng phục vụ nhân dân",
            "Thực hành tiết kiệm, chống lãng phí trong cơ quan, đơn vị",
        ]

    /// A meeting in each of `months` for every cell whose roll holds a full member that day, and each year's plan.
    static func generate(cells: [HistoryCell], months: [YearMonth]) -> BodyCellHistory {
        var history = BodyCellHistory()
        let years = Array(Set(months.map(\.year))).sorted()
        for cell in cells {
            var random = SeededRandom(seed: SeededRandom.seed(seed, cell.key))
            let usualDay = random.int(3...10)
            var held: [YearMonth: String] = [:]
            let plans = years.map { year in
                // Each year's plan from its own stream: a window that ends earlier plans its years alike.
                let plan = Self.plan(year: year, cell: cell)
                for topic in plan.topics { held[topic.month] = topic.title }
                return plan
            }
            history.plans[cell.id] = plans
            var open: [HistoryTask] = []
            for month in months {
                let day = min(max(usualDay + random.int(-2...2), 1), 28)
                let date = CivilDate.on(month.year, month.month, day)
                let roll = HistoryCellGenerator.roll(of: cell, on: date)
                guard roll.contains(where: { $0.standing == .full }) else { continue }
                let meeting = meeting(of: cell, on: date, roll: roll, topic: held[month], open: open, random: &random)
                open = meeting.tasks
                history.meetings.append(meeting)
            }
        }
        return history
    }

    /// The cell's plan for `year`: one topic a quarter, in one of the quarter's months (rules.md R9).
    static func plan(year: Int, cell: HistoryCell) -> ThematicPlan {
        var random = SeededRandom(seed: SeededRandom.seed(seed ^ UInt64(year), cell.key))
        var topics = Self.topics
        random.shuffle(&topics)
        let chosen = (1...4).compactMap { quarter -> ThematicTopic? in
            YearMonth(year: year, month: (quarter - 1) * 3 + random.int(1...3)).map {
                ThematicTopic(month: $0, title: topics[quarter - 1])
            }
        }
        return ThematicPlan(year: year, topics: chosen)
    }

    /// One month's meeting: three days' notice, the R8 length and a little more, nearly everyone present.
    static func meeting(
        of cell: HistoryCell, on date: CivilDate, roll: [HistoryRollEntry], topic: String?, open: [HistoryTask],
        random: inout SeededRandom
    ) -> HistoryMeeting {
        let kind: MeetingKind = topic == nil ? .regular : .combined
        let full = roll.filter { $0.standing.countsAsFull }.count
        let duration = MeetingSettings.standard.minimumDuration(for: kind, cellFullMembers: full) + random.int(5...25)
        let start = 14 * 60 + 5 * random.int(0...3)
        let (lines, chair, recorder) = attendance(roll, random: &random)
        let voters = lines.filter { $0.status.isPresent && $0.standing.countsAsFull }.count
        let month = HistoryTexts.month(YearMonth(date))
        var votes = [MeetingVote(subject: "Nghị quyết tháng \(month)", inFavour: voters, against: 0)]
        var agenda = [
            "Thông tin thời sự; triển khai văn bản của cấp trên",
            "Kiểm điểm việc thực hiện nhiệm vụ tháng trước", "Đánh giá kết quả thực hiện nhiệm vụ tháng \(month)",
            "Phương hướng, nhiệm vụ tháng \(HistoryTexts.month(YearMonth(date).adding(months: 1)))",
        ]
        if let topic {
            agenda.append("Sinh hoạt chuyên đề: \(topic)")
            votes.append(MeetingVote(subject: "Nghị quyết chuyên đề: \(topic)", inFavour: voters, against: 0))
        }
        let reviews = review(open, random: &random)
        let tasks = assign(at: date, cell: cell, attendance: lines, random: &random)
        let minutes = MeetingMinutes(
            date: date, kind: kind, startTime: HistoryClock.time(start), endTime: HistoryClock.time(start + duration),
            noticeSentOn: date.adding(days: -3),
            roll: MeetingRoll(
                full: roll.filter { $0.standing == .full }.count,
                probationary: roll.filter { $0.standing == .probationary }.count,
                exempt: roll.filter { $0.standing == .exempt }.count),
            attendance: lines, chairID: chair, recorderID: recorder, agenda: agenda,
            lastMonthReview: reviews.isEmpty
                ? "" : reviews.map { "\($0.review.outcome)" }.joined(separator: " "),
            monthEvaluation: "Chi bộ lãnh đạo cơ quan, đơn vị hoàn thành nhiệm vụ chuyên môn trong tháng.",
            nextMonthDirection: "Tiếp tục lãnh đạo thực hiện nhiệm vụ chính trị của cơ quan, đơn vị; từng đảng viên "
                + "báo cáo kết quả nhiệm vụ được giao tại kỳ họp sau.",
            tasks: tasks.map { MeetingTask(description: $0.draft.description, assigneeIDs: $0.draft.assigneeIDs) },
            discussion: "Đảng viên tham gia ý kiến, thống nhất nội dung.", votes: votes,
            conclusion: "Chi bộ thống nhất thông qua nghị quyết tháng \(month) với \(voters)/\(voters) đảng viên "
                + "biểu quyết tán thành.")
        return HistoryMeeting(
            cellID: cell.id, scheduledStart: HistoryClock.time(14 * 60), topic: topic, minutes: minutes, tasks: tasks,
            reviews: reviews)
    }

    static let taskTexts = [
        "Đôn đốc đảng viên trong bộ phận hoàn thành kế hoạch công tác tháng",
        "Nắm tình hình tư tưởng đảng viên, quần chúng trong cơ quan, báo cáo chi bộ",
        "Chuẩn bị nội dung sinh hoạt chuyên đề của quý",
        "Theo dõi, bồi dưỡng quần chúng ưu tú để chi bộ xem xét giới thiệu kết nạp",
        "Phối hợp với công đoàn, đoàn thanh niên tổ chức phong trào thi đua của cơ quan",
    ]

    /// One task due next month, given to a present full or probationary member by name (rules.md R10).
    static func assign(
        at date: CivilDate, cell: HistoryCell, attendance: [MeetingAttendance], random: inout SeededRandom
    ) -> [HistoryTask] {
        let assignable = attendance.filter {
            $0.status.isPresent && ($0.standing == .full || $0.standing == .probationary)
        }.map(\.memberID)
        guard !assignable.isEmpty else { return [] }
        let month = YearMonth(date)
        let draft = MemberTaskDraft(
            kind: .other, description: random.pick(taskTexts), assigneeIDs: [random.pick(assignable)],
            due: month.adding(months: 1))
        return [HistoryTask(key: "\(cell.id)/\(HistoryTexts.iso(month))/1", draft: draft)]
    }

    /// The last meeting's tasks reviewed: nearly always done.
    static func review(_ tasks: [HistoryTask], random: inout SeededRandom) -> [HistoryReview] {
        tasks.map { task in
            let done = random.chance(0.85)
            let outcome =
                done
                ? "Đã hoàn thành: \(task.draft.description.lowercased())."
                : "Mới hoàn thành một phần: \(task.draft.description.lowercased()); tiếp tục thực hiện."
            return HistoryReview(
                taskKey: task.key,
                review: MemberTaskReview(taskID: task.key, status: done ? .done : .partlyDone, outcome: outcome))
        }
    }

    /// Nearly everyone comes; the secretary, else the first full member, chairs, and the first two full members are
    /// always there to chair and record (rules.md R4: exempt members are excused, never absent).
    static func attendance(_ roll: [HistoryRollEntry], random: inout SeededRandom)
        -> (lines: [MeetingAttendance], chair: String, recorder: String)
    {
        let order = roll.indices.filter { roll[$0].standing == .full }.sorted {
            (roll[$0].member.isSecretary ? 0 : 1, $0) < (roll[$1].member.isSecretary ? 0 : 1, $1)
        }
        let called = Set(order.prefix(2))
        let lines = roll.indices.map { index in
            let entry = roll[index]
            let status: AttendanceStatus
            if entry.standing == .exempt {
                status = random.chance(0.25) ? .present : .absentExcused(reason: HistoryCellGenerator.exemptReason)
            } else if called.contains(index) || random.chance(0.93) {
                status = .present
            } else {
                status = .absentExcused(reason: random.pick(HistoryCellGenerator.absenceReasons))
            }
            return MeetingAttendance(memberID: entry.member.id, standing: entry.standing, status: status)
        }
        let chair = order.first.map { roll[$0].member.id } ?? ""
        let recorder = order.dropFirst().first.map { roll[$0].member.id } ?? chair
        return (lines, chair, recorder)
    }
}
