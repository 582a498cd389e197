extension RatingPeriod {
    /// The period as stored and written in addresses: `2019` for a year, `2019-Q2` for a quarter.
    public var key: String? {
        switch kind {
        case .year: return String(start.year)
        case .quarter: return "\(start.year)-Q\(YearMonth(start).quarter)"
        case .term, .adHoc: return nil
        }
    }

    /// Reads `2019` or `2019-Q2` of a year from 1900 to 2100 (issue 21); nil for anything else.
    public init?(key: String) {
        let parts = key.split(separator: "-", omittingEmptySubsequences: false)
        guard let year = Int(parts[0]), CivilDate.supportedYears.contains(year) else { return nil }
        if parts.count == 1, let period = RatingPeriod.year(year) {
            self = period
        } else if parts.count == 2, parts[1].count == 2, parts[1].first == "Q", let quarter = Int(parts[1].dropFirst()),
            let period = RatingPeriod.quarter(quarter, of: year)
        {
            self = period
        } else {
            return nil
        }
    }
}
