import Testing

@testable import GanDanCore

@Suite("Candidate pipeline: ceremony, probation and the vote (rules.md R23)")
struct CandidatePipelineTests {
    static func d(_ text: String) -> CivilDate { CivilDate(text)! }

    static func admitted(ceremony: String = "2024-01-15", votes: [CandidateVote] = []) -> CandidatePipeline {
        CandidatePipeline(
            listedOn: d("2023-01-10"), awarenessCertificateOn: d("2023-03-20"), mentorAssignedOn: d("2023-02-01"),
            backgroundCheckedOn: d("2023-09-15"), cellResolutionOn: d("2023-11-10"), decisionOn: d("2024-01-02"),
            ceremonyOn: d(ceremony), probationMentorAssignedOn: d(ceremony), votes: votes)
    }

    @Test("a decision just before Tết: the ceremony is due 30 working days later, and due soon from 10 left")
    func ceremonyDeadline() throws {
        let pipeline = CandidatePipeline(cellResolutionOn: Self.d("2024-01-20"), decisionOn: Self.d("2024-02-05"))
        #expect(pipeline.ceremonyDue() == Self.d("2024-03-25"))
        let early = try #require(pipeline.status(on: Self.d("2024-03-08")).first)
        #expect(early.kind == .ceremony)
        #expect(early.opensOn == Self.d("2024-02-05"))
        #expect(early.workingDaysLeft == 11)
        #expect(!early.isDueSoon())
        let soon = try #require(pipeline.status(on: Self.d("2024-03-11")).first)
        #expect(soon.workingDaysLeft == 10)
        #expect(soon.isDueSoon())
        #expect(!soon.isOverdue)
        let onTheDay = try #require(pipeline.status(on: Self.d("2024-03-25")).first)
        #expect(onTheDay.workingDaysLeft == 0)
        #expect(!onTheDay.isOverdue)
        let late = try #require(pipeline.status(on: Self.d("2024-03-26")).first)
        #expect(late.isOverdue)
        #expect(!late.isDueSoon())
        #expect(late.workingDaysLeft == -1)
    }

    @Test("probation ends 12 months after the ceremony; the vote deadline is overdue when no vote is held")
    func voteOverdue() throws {
        let pipeline = Self.admitted()
        #expect(pipeline.probationEnd() == Self.d("2025-01-15"))
        #expect(pipeline.voteDue() == Self.d("2025-03-05"))
        let status = pipeline.status(on: Self.d("2025-03-20"))
        #expect(status.map(\.kind) == [.vote])
        let vote = try #require(status.first)
        #expect(vote.opensOn == Self.d("2025-01-15"))
        #expect(vote.isOverdue)
        #expect(vote.workingDaysLeft == -11)
        #expect(pipeline.officialDate() == nil)
        #expect(pipeline.issues().isEmpty)
    }

    @Test("a late vote keeps full membership at the 12-month mark and warns")
    func lateVote() {
        var pipeline = Self.admitted(votes: [CandidateVote(date: Self.d("2025-04-10"), inFavour: 6, fullMembers: 9)])
        #expect(pipeline.officialDate() == Self.d("2025-01-15"))
        #expect(pipeline.status(on: Self.d("2025-04-11")).isEmpty)
        #expect(pipeline.nextStep() == .official)
        let warnings = pipeline.issues()
        #expect(warnings.map(\.field) == ["votes"])
        #expect(warnings.allSatisfy { $0.isWarning })
        pipeline.officialOn = Self.d("2025-04-10")
        #expect(pipeline.issues().contains { $0.field == "officialOn" && !$0.isWarning })
        pipeline.officialOn = Self.d("2025-01-15")
        #expect(!pipeline.issues().contains { $0.field == "officialOn" })
        #expect(pipeline.nextStep() == nil)
    }

    @Test(
        "a vote passes with two thirds of the full members in favour",
        arguments: [
            (6, 9, true), (5, 9, false), (2, 3, true), (1, 3, false), (4, 6, true), (3, 5, false), (4, 5, true),
            (7, 10, true), (6, 10, false), (0, 0, false), (10, 9, false),
        ])
    func majority(inFavour: Int, fullMembers: Int, passes: Bool) {
        #expect(
            CandidateVote(date: Self.d("2025-02-01"), inFavour: inFavour, fullMembers: fullMembers).passes() == passes)
    }

    @Test("a failed vote leaves the vote deadline open until one passes")
    func failedVote() {
        let failed = CandidateVote(date: Self.d("2025-02-01"), inFavour: 5, fullMembers: 9)
        let pipeline = Self.admitted(votes: [failed])
        #expect(pipeline.status(on: Self.d("2025-02-03")).map(\.kind) == [.vote])
        #expect(pipeline.date(of: .vote) == nil)
        let passed = Self.admitted(votes: [
            failed, CandidateVote(date: Self.d("2025-02-20"), inFavour: 6, fullMembers: 9),
        ])
        #expect(passed.date(of: .vote) == Self.d("2025-02-20"))
        #expect(passed.status(on: Self.d("2025-02-21")).isEmpty)
    }

    @Test("dates out of order are issues: a ceremony before the decision, a vote before probation ends")
    func outOfOrder() {
        var pipeline = Self.admitted(ceremony: "2023-12-20")
        #expect(pipeline.issues().map(\.field) == ["ceremonyOn"])
        pipeline = Self.admitted(votes: [CandidateVote(date: Self.d("2024-12-20"), inFavour: 8, fullMembers: 9)])
        #expect(pipeline.issues().map(\.field) == ["votes[0].date"])
        pipeline = CandidatePipeline(ceremonyOn: Self.d("2024-01-15"))
        #expect(pipeline.issues().map(\.field) == ["decisionOn"])
        pipeline = Self.admitted(votes: [CandidateVote(date: Self.d("2025-01-20"), inFavour: 10, fullMembers: 9)])
        #expect(pipeline.issues().map(\.field) == ["votes[0].inFavour"])
    }

    @Test("a ceremony held more than 30 working days after the decision is a warning")
    func lateCeremony() {
        let pipeline = CandidatePipeline(
            cellResolutionOn: Self.d("2024-01-20"), decisionOn: Self.d("2024-02-05"), ceremonyOn: Self.d("2024-03-26"))
        let issues = pipeline.issues()
        #expect(issues.map(\.field) == ["ceremonyOn"])
        #expect(issues.first?.isWarning == true)
        #expect(issues.first?.message.hasPrefix("The ceremony was held 31 working days") == true)
        #expect(pipeline.status(on: Self.d("2024-03-27")).map(\.kind) == [.vote])
    }

    @Test("the next step is the first without a date; probation from 29 February ends on 28 February")
    func nextStepAndLeapDay() {
        let pipeline = CandidatePipeline(listedOn: Self.d("2023-01-10"), awarenessCertificateOn: Self.d("2023-03-20"))
        #expect(pipeline.nextStep() == .mentorAssigned)
        #expect(pipeline.status(on: Self.d("2023-04-01")).isEmpty)
        #expect(Self.admitted(ceremony: "2024-02-29").probationEnd() == Self.d("2025-02-28"))
    }
}
