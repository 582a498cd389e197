/// The 100-point bands of rules.md R18: the lowest score of each level above "not completed".
public struct RatingBands: Hashable, Sendable, Codable {
    public var excellentFrom: Double
    public var goodFrom: Double
    public var completedFrom: Double

    public init(excellentFrom: Double = 90, goodFrom: Double = 70, completedFrom: Double = 50) {
        self.excellentFrom = excellentFrom
        self.goodFrom = goodFrom
        self.completedFrom = completedFrom
    }

    public static let standard = RatingBands()
}

/// The rating thresholds, configurable with the defaults of rules.md R18–R20.
public struct RatingSettings: Hashable, Sendable, Codable {
    public var bands: RatingBands
    /// Members admitted fewer than this many whole months before the rating date are not rated (rules.md R19).
    public var minimumMonthsSinceAdmission: Int
    /// "Excellent" may be at most this percentage of "good" in a group (rules.md R18).
    public var excellentPercentOfGood: Int
    /// A cell is weak when more than this percentage of its rated members are "not completed" (rules.md R20).
    public var weakNotCompletedAbovePercent: Int

    public init(
        bands: RatingBands = .standard, minimumMonthsSinceAdmission: Int = 6, excellentPercentOfGood: Int = 20,
        weakNotCompletedAbovePercent: Int = 50
    ) {
        self.bands = bands
        self.minimumMonthsSinceAdmission = minimumMonthsSinceAdmission
        self.excellentPercentOfGood = excellentPercentOfGood
        self.weakNotCompletedAbovePercent = weakNotCompletedAbovePercent
    }

    public static let standard = RatingSettings()
}
