/// When a cell's next congress falls (rules.md R6): twice in a five-year term, so one every thirty months, held up
/// to six months earlier or later. The numbers are settings with these defaults.
public struct CongressTerm: Hashable, Sendable {
    /// Months from one congress to the next one due.
    public var intervalMonths: Int
    /// How many months before or after the due day a congress may be held.
    public var toleranceMonths: Int

    public init(intervalMonths: Int = 30, toleranceMonths: Int = 6) {
        self.intervalMonths = intervalMonths
        self.toleranceMonths = toleranceMonths
    }

    public static let standard = CongressTerm()

    /// The next congress after one held on `last`: the earliest day, the due day and the latest day.
    public struct Next: Hashable, Sendable, Codable {
        public var earliest: CivilDate
        public var due: CivilDate
        public var latest: CivilDate
    }

    /// Where a cell stands on a day.
    public enum Standing: String, Hashable, Sendable, Codable {
        /// The window for the next congress has not opened.
        case notYetDue
        /// The next congress may be held now.
        case due
        /// The latest day has passed with no congress recorded.
        case overdue
        /// No congress is recorded: the term cannot be told.
        case unknown
    }

    public func next(after last: CivilDate) -> Next {
        let due = last.adding(months: intervalMonths)
        return Next(
            earliest: due.adding(months: -toleranceMonths), due: due, latest: due.adding(months: toleranceMonths))
    }

    /// The standing on `day` of a cell whose latest congress on or before it was `last`.
    public func standing(lastHeld last: CivilDate?, on day: CivilDate) -> Standing {
        guard let last else { return .unknown }
        let next = next(after: last)
        if day < next.earliest { return .notYetDue }
        return day <= next.latest ? .due : .overdue
    }
}
