import GanDanCore

/// One month's meeting: timing, notice, attendance, reviews, tasks and the minutes' text (rules.md R8, R10, R11).
extension HistoryCellGenerator {
    /// The month's meeting, combined with the thematic topic when one is planned for it (rules.md R9).
    ///
    /// Durations always meet rules.md R8, so that the minutes hold no error; a weak cell shows in late starts,
    /// late notice, skipped reviews, absences and vague tasks. The last meeting always reviews what is due.
    mutating func meeting(on day: HistoryMeetingDay, topic: String?, isLast: Bool) -> HistoryMeeting {
        let effect = plan.effect(in: day.month, window: window)
        let kind: MeetingKind = topic == nil ? .regular : .combined
        let present = attendance(on: day, effect: effect)

        let fullMembers = day.roll.filter { $0.standing.countsAsFull }.count
        let minimum = MeetingSettings.standard.minimumDuration(for: kind, cellFullMembers: fullMembers)
        let late = habits.late.next(HistoryCellPlan.toward(plan.lateChance, 0.03, effect), random: &random)
        let delay = late ? random.int(effect > 0.3 ? 5...20 : 10...45) : -5 * random.int(0...2)
        let duration = minimum + random.int(0...10) + Int((max(effect, 0) * Double(random.int(15...35))).rounded())
        let start = min(plan.scheduledStart.minutesSinceMidnight + delay, 24 * 60 - 1 - duration)

        let timely = habits.timelyNotice.next(
            HistoryCellPlan.toward(plan.timelyNoticeChance, 0.98, effect), random: &random)
        let notice: CivilDate? =
            timely
            ? day.date.adding(days: -random.int(effect > 0.3 ? 2...5 : 1...3)) : random.chance(0.5) ? nil : day.date

        let skip = habits.skippedReview.next(HistoryCellPlan.toward(plan.reviewSkipChance, 0, effect), random: &random)
        let skipReview = skip && !isLast
        let reviews = skipReview ? [] : reviewDueTasks(in: day.month, effect: effect)
        let tasks = assignTasks(at: day, attendance: present.lines, effect: effect)
        let votes = self.votes(present.lines, month: day.month, topic: topic, effect: effect)

        let minutes = MeetingMinutes(
            date: day.date, kind: kind, startTime: HistoryClock.time(start),
            endTime: HistoryClock.time(start + duration), noticeSentOn: notice,
            roll: MeetingRoll(
                full: day.roll.filter { $0.standing == .full }.count,
                probationary: day.roll.filter { $0.standing == .probationary }.count,
                exempt: day.roll.filter { $0.standing == .exempt }.count),
            attendance: present.lines, chairID: present.chairID, recorderID: present.recorderID,
            agenda: agenda(month: day.month, topic: topic, reviewed: !skipReview),
            policyRelayed: policy(month: day.month, topic: topic, effect: effect),
            lastMonthReview: skipReview ? "" : reviewSummary(reviews),
            monthEvaluation: evaluation(reviews),
            nextMonthDirection: direction(tasks, month: day.month),
            tasks: tasks.map { MeetingTask(description: $0.draft.description, assigneeIDs: $0.draft.assigneeIDs) },
            discussion: discussion(topic: topic, effect: effect), votes: votes,
            conclusion: conclusion(votes, month: day.month))
        return HistoryMeeting(
            cellID: cell.id, scheduledStart: plan.scheduledStart, topic: topic, minutes: minutes, tasks: tasks,
            reviews: reviews)
    }

    /// The resolution's vote by the present voting members, now and then one abstaining; always adopted.
    private mutating func votes(_ lines: [MeetingAttendance], month: YearMonth, topic: String?, effect: Double)
        -> [MeetingVote]
    {
        let voters = lines.filter { $0.status.isPresent && $0.standing.countsAsFull }.count
        let abstaining = voters >= 5 && random.chance(0.15 * (1 - max(effect, 0))) ? 1 : 0
        var votes = [
            MeetingVote(
                subject: "Nghị quyết tháng \(HistoryTexts.month(month))", inFavour: voters - abstaining, against: 0,
                abstaining: abstaining)
        ]
        if let topic {
            votes.append(MeetingVote(subject: "Nghị quyết chuyên đề: \(topic)", inFavour: voters, against: 0))
        }
        return votes
    }

    private func agenda(month: YearMonth, topic: String?, reviewed: Bool) -> [String] {
        var agenda = ["Thông tin thời sự; triển khai văn bản của cấp trên"]
        if reviewed { agenda.append("Kiểm điểm việc thực hiện nhiệm vụ tháng trước") }
        agenda.append("Đánh giá kết quả thực hiện nhiệm vụ tháng \(HistoryTexts.month(month))")
        agenda.append("Phương hướng, nhiệm vụ tháng \(HistoryTexts.month(month.adding(months: 1)))")
        if let topic { agenda.append("Sinh hoạt chuyên đề: \(topic)") }
        return agenda
    }

    /// Commune or district policy relayed: the drive's with its topic, concrete ones with the effect (rules.md A6).
    private mutating func policy(month: YearMonth, topic: String?, effect: Double) -> String {
        if let drive, topic == drive.topic { return drive.policy }
        if window.monthsSincePlacement(month) > 0 && random.chance(HistoryCellPlan.toward(0.3, 1, effect)) {
            if let drive, driveIsActive(in: month), random.chance(0.4) { return drive.policy }
            return random.pick(HistoryTexts.concretePolicies)(month.year)
        }
        return random.chance(0.5) ? random.pick(HistoryTexts.generalPolicies)(month.year) : ""
    }

    private func evaluation(_ reviews: [HistoryReview]) -> String {
        guard !reviews.isEmpty else { return "Tình hình thôn ổn định; nhân dân tập trung sản xuất." }
        let share = Double(reviews.filter { $0.review.status == .done }.count) / Double(reviews.count)
        if share >= 0.7 {
            return "Chi bộ lãnh đạo hoàn thành tốt các nhiệm vụ trong tháng; đảng viên gương mẫu thực hiện nhiệm vụ."
        }
        if share >= 0.4 {
            return "Các nhiệm vụ trong tháng cơ bản hoàn thành; một số đảng viên chưa hoàn thành nhiệm vụ được giao."
        }
        return "Nhiều nhiệm vụ chưa hoàn thành; chi bộ yêu cầu đảng viên rút kinh nghiệm."
    }

    /// Next month's direction, named after the concrete tasks when there are any (rules.md A7).
    private func direction(_ tasks: [HistoryTask], month: YearMonth) -> String {
        var aims: [String] = []
        for task in tasks where !HistoryTexts.vagueTasks.contains(task.draft.description) {
            let aim: String
            switch task.draft.kind {
            case .poorHouseholds: aim = "giúp đỡ hộ nghèo theo phân công"
            case .ruralCriterion: aim = "thực hiện tiêu chí số \(task.draft.criterionNumber ?? 0) nông thôn mới"
            case .persuasion: aim = "vận động hộ dân \(drive?.crop ?? "tham gia sản xuất")"
            case .other: aim = "phát triển đảng viên, giữ gìn an ninh trật tự"
            }
            if !aims.contains(aim) { aims.append(aim) }
        }
        let next = HistoryTexts.month(month.adding(months: 1))
        guard !aims.isEmpty else {
            return "Tháng \(next): tiếp tục lãnh đạo nhân dân sản xuất, giữ gìn an ninh trật tự."
        }
        return "Tháng \(next): tập trung \(HistoryTexts.list(aims)); từng đảng viên báo cáo kết quả tại kỳ họp sau."
    }

    private mutating func discussion(topic: String?, effect: Double) -> String {
        guard random.chance(HistoryCellPlan.toward(0.2, 1, effect)) else {
            return "Đảng viên tham gia ý kiến, thống nhất nội dung."
        }
        let about = topic.map { " về chuyên đề \"\($0)\"" } ?? ""
        return "Các đồng chí đảng viên thảo luận sôi nổi\(about); đề xuất phân công cụ thể từng đảng viên "
            + "phụ trách hộ, phụ trách việc và thời hạn báo cáo."
    }

    private func conclusion(_ votes: [MeetingVote], month: YearMonth) -> String {
        guard let vote = votes.first else { return "Chi bộ thống nhất nghị quyết tháng \(HistoryTexts.month(month))." }
        return
            "Chi bộ thống nhất thông qua nghị quyết tháng \(HistoryTexts.month(month)) với \(vote.inFavour)/\(vote.total) "
            + "đảng viên biểu quyết tán thành."
    }
}
