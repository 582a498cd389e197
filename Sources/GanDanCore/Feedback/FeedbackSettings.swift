/// Time limits for citizen feedback, in working days (rules.md A8).
///
/// Local settings chosen by the district, not party rules: no party document sets these numbers.
public struct FeedbackSettings: Hashable, Sendable, Codable {
    /// Feedback received is forwarded to a responsible body within this many working days.
    public var forwardWithinWorkingDays: Int
    /// A forwarded item is answered within this many working days of forwarding.
    public var answerWithinWorkingDays: Int

    public init(forwardWithinWorkingDays: Int = 5, answerWithinWorkingDays: Int = 15) {
        self.forwardWithinWorkingDays = forwardWithinWorkingDays
        self.answerWithinWorkingDays = answerWithinWorkingDays
    }

    public static let standard = FeedbackSettings()
}
