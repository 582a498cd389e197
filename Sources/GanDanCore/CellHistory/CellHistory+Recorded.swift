extension CellHistory {
    /// The history as it stood at the end of `date`: what a committee could have entered that day (rules.md R26).
    ///
    /// Meetings held by then, households with a year's review and criteria once the year has ended (31 December),
    /// ratings once their year is rated, feedback received by then with the later steps not yet taken, and
    /// supervision comments and candidates from their first dated step. A demo cut at `date` is this history.
    public func recorded(by date: CivilDate) -> CellHistory {
        func reviewed(_ year: Int) -> Bool { CellRating.lastRatedYear(on: date) >= year }
        return CellHistory(
            meetings: meetings.filter { $0.minutes.date <= date },
            households: households.map { household in
                var kept = household
                kept.statuses = household.statuses.filter { reviewed($0.key) }
                return kept
            },
            criteria: criteria.filter { reviewed($0.year) },
            thematicPlans: thematicPlans.mapValues { plans in plans.filter { $0.year <= date.year } },
            feedback: feedback.filter { $0.feedback.receivedOn <= date }.map {
                HistoryFeedback(cellID: $0.cellID, feedback: $0.feedback.asOf(date))
            },
            supervisions: supervisions.filter { $0.supervision.commentedOn <= date }.map { item in
                var kept = item
                if let back = item.supervision.reportBack, back.reportedOn > date { kept.supervision.reportBack = nil }
                return kept
            },
            candidates: candidates.filter { ($0.pipeline.listedOn ?? $0.candidate.introducedOn) <= date }
                .map { $0.recorded(by: date) },
            ratings: ratings.filter { reviewed($0.year) },
            cellRatings: cellRatings.filter { reviewed($0.rating.year) })
    }
}

extension HistoryCandidate {
    /// The candidate with only the steps taken by the end of `date`.
    func recorded(by date: CivilDate) -> HistoryCandidate {
        var kept = self
        func by(_ day: CivilDate?) -> CivilDate? { day.flatMap { $0 <= date ? $0 : nil } }
        let pipeline = self.pipeline
        kept.pipeline = CandidatePipeline(
            listedOn: by(pipeline.listedOn), awarenessCertificateOn: by(pipeline.awarenessCertificateOn),
            mentorAssignedOn: by(pipeline.mentorAssignedOn), backgroundCheckedOn: by(pipeline.backgroundCheckedOn),
            cellResolutionOn: by(pipeline.cellResolutionOn), decisionOn: by(pipeline.decisionOn),
            ceremonyOn: by(pipeline.ceremonyOn), probationMentorAssignedOn: by(pipeline.probationMentorAssignedOn),
            votes: pipeline.votes.filter { $0.date <= date }, officialOn: by(pipeline.officialOn))
        return kept
    }
}
