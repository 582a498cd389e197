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

    /// Dates out of order, missing steps, bad vote counts, and late steps as "warning:" issues (rules.md R23).
    public func issues(calendar: WorkingCalendar = .vietnam, settings: AdmissionSettings = .standard) -> [InputIssue] {
        var issues: [InputIssue] = []
        for (later, earlier, field) in Self.order {
            if let late = date(of: later, settings: settings), let early = date(of: earlier, settings: settings),
                late < early
            {
                issues.append(
                    InputIssue(
                        field: field,
                        message: "\(later.label.en) on \(late.iso) is before \(earlier.label.en.lowercased()) "
                            + "(\(early.iso))"))
            }
        }
        for (step, needed, field) in Self.requires
        where date(of: step, settings: settings) != nil && date(of: needed, settings: settings) == nil {
            issues.append(
                InputIssue(
                    field: field, message: "\(step.label.en) is recorded without \(needed.label.en.lowercased())"))
        }
        if !votes.isEmpty && ceremonyOn == nil {
            issues.append(
                InputIssue(field: "ceremonyOn", message: "votes are recorded without the admission ceremony"))
        }
        issues += voteIssues(calendar: calendar, settings: settings)
        if let ceremony = ceremonyOn, let due = ceremonyDue(calendar: calendar, settings: settings), ceremony > due,
            let decision = decisionOn
        {
            issues.append(
                InputIssue(
                    field: "ceremonyOn",
                    message: "warning: the ceremony was held \(calendar.workingDays(from: decision, to: ceremony)) "
                        + "working days after the decision; at most \(settings.ceremonyWithinWorkingDays) unless the "
                        + "superior committee agreed (rules.md R23)"))
        }
        if let official = officialOn, let expected = probationEnd(settings: settings), official != expected {
            issues.append(
                InputIssue(
                    field: "officialOn",
                    message: "\(official.iso) should be the 12-month mark \(expected.iso), even when the vote is late "
                        + "(rules.md R23)"))
        }
        if officialOn != nil && ceremonyOn != nil && passingVote(settings: settings) == nil {
            issues.append(
                InputIssue(field: "votes", message: "full membership is recorded without a vote that passed"))
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
                        message: "\(vote.inFavour) in favour of \(vote.fullMembers) full members cannot be"))
            }
            if let end, vote.date < end {
                issues.append(
                    InputIssue(
                        field: "votes[\(index)].date",
                        message: "the vote on \(vote.date.iso) is before probation ends (\(end.iso))"))
            }
        }
        if let passed = passingVote(settings: settings), let end,
            let due = voteDue(calendar: calendar, settings: settings),
            passed.date > due
        {
            issues.append(
                InputIssue(
                    field: "votes",
                    message:
                        "warning: the vote on \(passed.date.iso) came \(calendar.workingDays(from: end, to: passed.date)) "
                        + "working days after probation ended; at most \(settings.voteWithinWorkingDays); full "
                        + "membership still dates from \(end.iso) (rules.md R23)"))
        }
        return issues
    }
}
