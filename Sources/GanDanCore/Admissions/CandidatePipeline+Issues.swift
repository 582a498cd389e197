extension CandidatePipeline {
    /// Pairs (later step, earlier step, field of the later one) that must not be out of order (rules.md R23).
    private static let order: [(PipelineStep, PipelineStep, String)] = [
        (.mentorAssigned, .listed, "mentorAssignedOn"),
        (.cellResolution, .listed, "cellResolutionOn"),
        (.cellResolution, .awarenessCertificate, "cellResolutionOn"),
        (.cellResolution, .mentorAssigned, "cellResolutionOn"),
        (.cellResolution, .backgroundCheck, "cellResolutionOn"),
        (.decision, .cellResolution, "decisionOn"),
        (.ceremony, .decision, "ceremonyOn"),
        (.probation, .ceremony, "probationMentorAssignedOn"),
    ]

    /// Each step of the main chain and the step it cannot be recorded without.
    private static let requires: [(PipelineStep, PipelineStep, String)] = [
        (.decision, .cellResolution, "cellResolutionOn"),
        (.ceremony, .decision, "decisionOn"),
        (.probation, .ceremony, "ceremonyOn"),
        (.official, .ceremony, "ceremonyOn"),
    ]

    /// Dates out of order, missing steps, bad vote counts, and late steps as warnings (rules.md R23).
    public func issues(calendar: WorkingCalendar = .vietnam, settings: AdmissionSettings = .standard) -> [InputIssue] {
        var issues: [InputIssue] = []
        for (later, earlier, field) in Self.order {
            if let late = date(of: later, settings: settings), let early = date(of: earlier, settings: settings),
                late < early
            {
                issues.append(
                    InputIssue(
                        field: field,
                        vi: "\(later.label.vi) ngày \(late.vietnamese) sớm hơn \(earlier.label.vi.lowercased()) "
                            + "(\(early.vietnamese)).",
                        en: "\(later.label.en) on \(late.vietnamese) is before \(earlier.label.en.lowercased()) "
                            + "(\(early.vietnamese))."))
            }
        }
        for (step, needed, field) in Self.requires
        where date(of: step, settings: settings) != nil && date(of: needed, settings: settings) == nil {
            issues.append(
                InputIssue(
                    field: field,
                    vi: "Đã ghi \(step.label.vi.lowercased()) nhưng chưa ghi \(needed.label.vi.lowercased()).",
                    en: "\(step.label.en) is recorded without \(needed.label.en.lowercased())."))
        }
        if !votes.isEmpty && ceremonyOn == nil {
            issues.append(
                InputIssue(
                    field: "ceremonyOn", vi: "Đã ghi biểu quyết nhưng chưa ghi lễ kết nạp.",
                    en: "Votes are recorded without the admission ceremony."))
        }
        issues += voteIssues(calendar: calendar, settings: settings)
        if let ceremony = ceremonyOn, let due = ceremonyDue(calendar: calendar, settings: settings), ceremony > due,
            let decision = decisionOn
        {
            issues.append(
                // rules.md R23: the ceremony within the set working days of the decision.
                InputIssue.warning(
                    field: "ceremonyOn",
                    vi: "Lễ kết nạp tổ chức sau quyết định \(calendar.workingDays(from: decision, to: ceremony)) ngày "
                        + "làm việc; tối đa \(settings.ceremonyWithinWorkingDays) ngày, trừ khi cấp ủy cấp trên đồng ý.",
                    en: "The ceremony was held \(calendar.workingDays(from: decision, to: ceremony)) working days "
                        + "after the decision; at most \(settings.ceremonyWithinWorkingDays) unless the superior "
                        + "committee agreed."))
        }
        if let official = officialOn, let expected = probationEnd(settings: settings), official != expected {
            issues.append(
                // rules.md R23: full membership dates from the end of the 12 months' probation.
                InputIssue(
                    field: "officialOn",
                    vi: "Ngày chính thức phải là ngày đủ 12 tháng dự bị (\(expected.vietnamese)), không phải "
                        + "\(official.vietnamese), kể cả khi biểu quyết muộn.",
                    en: "Full membership dates from the end of the 12 months' probation (\(expected.vietnamese)), "
                        + "not \(official.vietnamese), even when the vote is late."))
        }
        if officialOn != nil && ceremonyOn != nil && passingVote(settings: settings) == nil {
            issues.append(
                InputIssue(
                    field: "votes", vi: "Đã ghi chuyển đảng chính thức nhưng chưa có lần biểu quyết nào đạt.",
                    en: "Full membership is recorded without a vote that passed."))
        }
        return issues
    }

    /// Vote counts that cannot be, votes before probation ends, and a late passing vote (rules.md R23).
    private func voteIssues(calendar: WorkingCalendar, settings: AdmissionSettings) -> [InputIssue] {
        var issues: [InputIssue] = []
        let end = probationEnd(settings: settings)
        for (index, vote) in votes.enumerated() {
            if vote.fullMembers <= 0 || vote.inFavour < 0 || vote.inFavour > vote.fullMembers {
                issues.append(
                    InputIssue(
                        field: "votes[\(index)].inFavour",
                        vi:
                            "Không thể có \(vote.inFavour) phiếu tán thành trên \(vote.fullMembers) đảng viên chính thức.",
                        en: "\(vote.inFavour) in favour of \(vote.fullMembers) full members cannot be."))
            }
            if let end, vote.date < end {
                issues.append(
                    InputIssue(
                        field: "votes[\(index)].date",
                        vi: "Biểu quyết ngày \(vote.date.vietnamese) sớm hơn ngày hết dự bị (\(end.vietnamese)).",
                        en: "The vote on \(vote.date.vietnamese) is before probation ends (\(end.vietnamese))."))
            }
        }
        if let passed = passingVote(settings: settings), let end,
            let due = voteDue(calendar: calendar, settings: settings),
            passed.date > due
        {
            issues.append(
                // rules.md R23: the vote within the set working days after probation ends.
                InputIssue.warning(
                    field: "votes",
                    vi: "Biểu quyết ngày \(passed.date.vietnamese) muộn "
                        + "\(calendar.workingDays(from: end, to: passed.date)) ngày làm việc sau khi hết dự bị; tối đa "
                        + "\(settings.voteWithinWorkingDays) ngày. Ngày chính thức vẫn là \(end.vietnamese).",
                    en:
                        "The vote on \(passed.date.vietnamese) came \(calendar.workingDays(from: end, to: passed.date)) "
                        + "working days after probation ended; at most \(settings.voteWithinWorkingDays). Full "
                        + "membership still dates from \(end.vietnamese)."))
        }
        return issues
    }
}
