extension RatingPeriod {
    /// The period as stored and written in addresses: `2019` for a year, `2019-Q2` for a quarter,
    /// `term-2015-06-01-2020-05-31` for a term and `adhoc-2019-03-01-2019-05-31` for an ad hoc review, their first and
    /// last days (rules.md R18).
    public var key: String {
        switch kind {
        case .year: return String(start.year)
        case .quarter: return "\(start.year)-Q\(YearMonth(start).quarter)"
        case .term: return "term-\(start.iso)-\(end.iso)"
        case .adHoc: return "adhoc-\(start.iso)-\(end.iso)"
        }
    }

    /// Reads `2019`, `2019-Q2`, `term-2015-06-01-2020-05-31` or `adhoc-2019-03-01-2019-05-31` within 1900–2100
    /// (issue 21); nil for anything else, a term or ad hoc period ending before it starts included.
    public init?(key: String) {
        for (prefix, kind) in [("term-", RatingPeriodKind.term), ("adhoc-", .adHoc)] where key.hasPrefix(prefix) {
            let dates = key.dropFirst(prefix.count)
            guard dates.count == 21, dates[dates.index(dates.startIndex, offsetBy: 10)] == "-",
                let start = CivilDate(String(dates.prefix(10))), let end = CivilDate(String(dates.suffix(10))),
                start.iso == dates.prefix(10), end.iso == dates.suffix(10),
                let period = RatingPeriod.span(kind, from: start, through: end)
            else { return nil }
            self = period
            return
        }
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

    /// A term or an ad hoc review from `start` through `end` (both inclusive), rated on its last day; nil when it
    /// ends before it starts or lies outside 1900–2100 (rules.md R18).
    public static func span(_ kind: RatingPeriodKind, from start: CivilDate, through end: CivilDate) -> RatingPeriod? {
        guard kind == .term || kind == .adHoc, start <= end, CivilDate.supportedYears.contains(start.year),
            CivilDate.supportedYears.contains(end.year)
        else { return nil }
        return RatingPeriod(kind: kind, start: start, end: end)
    }

    /// "Năm 2019", "Quý 2/2019", "Nhiệm kỳ 01/06/2015 – 31/05/2020", "Đột xuất 01/03/2019 – 31/05/2019".
    public var label: BilingualText {
        switch kind {
        case .year: return BilingualText(vi: "Năm \(start.year)", en: "Year \(start.year)")
        case .quarter:
            let quarter = YearMonth(start).quarter
            return BilingualText(vi: "Quý \(quarter)/\(start.year)", en: "Q\(quarter) \(start.year)")
        case .term:
            return BilingualText(
                vi: "Nhiệm kỳ \(start.vietnamese) – \(end.vietnamese)", en: "Term \(start.iso) – \(end.iso)")
        case .adHoc:
            return BilingualText(
                vi: "Đột xuất \(start.vietnamese) – \(end.vietnamese)", en: "Ad hoc \(start.iso) – \(end.iso)")
        }
    }
}
