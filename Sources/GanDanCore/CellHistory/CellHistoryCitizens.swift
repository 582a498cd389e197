/// Citizens' feedback raised in a village, with the day it was told back at a meeting (rules.md A8).
public struct HistoryFeedback: Hashable, Sendable {
    public var cellID: String
    public var feedback: CitizenFeedback

    public init(cellID: String, feedback: CitizenFeedback) {
        self.cellID = cellID
        self.feedback = feedback
    }
}

/// The cell's yearly comment on a leader placed in it (rules.md A8).
public struct HistorySupervision: Hashable, Sendable {
    public var cellID: String
    public var leaderID: String
    public var supervision: LeaderSupervision

    public init(cellID: String, leaderID: String, supervision: LeaderSupervision) {
        self.cellID = cellID
        self.leaderID = leaderID
        self.supervision = supervision
    }
}

/// A candidate for admission with the steps taken so far (rules.md R21–R23).
public struct HistoryCandidate: Hashable, Sendable {
    public var cellID: String
    public var fullName: String
    public var candidate: AdmissionCandidate
    public var mentorID: String?
    public var pipeline: CandidatePipeline

    public init(
        cellID: String, fullName: String, candidate: AdmissionCandidate, mentorID: String?,
        pipeline: CandidatePipeline
    ) {
        self.cellID = cellID
        self.fullName = fullName
        self.candidate = candidate
        self.mentorID = mentorID
        self.pipeline = pipeline
    }
}

/// A member's yearly score (rules.md R18).
public struct HistoryRating: Hashable, Sendable {
    public var cellID: String
    public var memberID: String
    public var year: Int
    public var score: Double

    public init(cellID: String, memberID: String, year: Int, score: Double) {
        self.cellID = cellID
        self.memberID = memberID
        self.year = year
        self.score = score
    }
}
