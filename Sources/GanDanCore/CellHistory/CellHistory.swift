/// Past village-cell life entered in one go, as a committee enters past meetings and registers: meetings with
/// minutes, tasks and reviews, households, criteria, thematic plans, citizens' feedback, supervision comments,
/// candidates and ratings (rules.md A6–A9). Cells are named by their ids as text.
public struct CellHistory: Sendable {
    /// Meetings, by cell then by date; reviews point at tasks of earlier meetings by their keys.
    public var meetings: [HistoryMeeting]
    public var households: [HistoryHousehold]
    public var criteria: [HistoryCriterionStatus]
    /// Each cell's thematic plans by cell id (rules.md R9).
    public var thematicPlans: [String: [ThematicPlan]]
    public var feedback: [HistoryFeedback]
    public var supervisions: [HistorySupervision]
    public var candidates: [HistoryCandidate]
    public var ratings: [HistoryRating]
    /// Cells' own levels for a year; a year a cell already has a level for keeps the stored one.
    public var cellRatings: [(cellID: String, rating: CellRating)]

    public init(
        meetings: [HistoryMeeting] = [], households: [HistoryHousehold] = [], criteria: [HistoryCriterionStatus] = [],
        thematicPlans: [String: [ThematicPlan]] = [:], feedback: [HistoryFeedback] = [],
        supervisions: [HistorySupervision] = [], candidates: [HistoryCandidate] = [], ratings: [HistoryRating] = [],
        cellRatings: [(cellID: String, rating: CellRating)] = []
    ) {
        self.meetings = meetings
        self.households = households
        self.criteria = criteria
        self.thematicPlans = thematicPlans
        self.feedback = feedback
        self.supervisions = supervisions
        self.candidates = candidates
        self.ratings = ratings
        self.cellRatings = cellRatings
    }
}
