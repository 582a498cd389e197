import Foundation

/// A calendar month, the unit tasks fall due in and meetings are counted by (rules.md R7, A7).
public struct YearMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Creates a month, or nil when the month does not exist.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month a date falls in.
    public init(_ date: CivilDate) {
        year = date.year
        month = date.month
    }

    /// The months of `CivilDate.supportedRange`, the only ones a person or a file may give (issue 21).
    public static let supportedRange =
        YearMonth(CivilDate.supportedRange.lowerBound)...YearMonth(CivilDate.supportedRange.upperBound)

    /// Why a month outside `supportedRange` is refused (Vietnamese, then English).
    public static let outOfRangeMessage =
        "không phải tháng từ 01/1900 đến 12/2100 (not a month from 1900-01 to 2100-12)"

    /// Parses `YYYY-MM`; a month outside `supportedRange` is not accepted.
    public init?(_ text: String) {
        let parts = text.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1]), CivilDate.supportedYears.contains(year)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `YYYY-MM`.
    public var iso: String { CivilDate.text([(year, 4), (month, 2)], separator: "-") }
    /// `MM/YYYY`, as Vietnamese documents write a month.
    public var vietnamese: String { CivilDate.text([(month, 2), (year, 4)], separator: "/") }
    public var description: String { iso }

    /// The quarter, 1–4 (rules.md R9).
    public var quarter: Int { (month - 1) / 3 + 1 }
    /// The month's first day (a `YearMonth` is always a real month, so the fallback is never taken).
    public var firstDay: CivilDate { CivilDate(year: year, month: month, day: 1) ?? CivilDate.calendarStart }

    /// The month `count` months later (earlier when negative), saturating at 0001-01 and 9999-12 rather than
    /// trap: a report window around an extreme month must still answer (issue 21).
    public func adding(months count: Int) -> YearMonth {
        let lowest = 12  // index of 0001-01
        let highest = 9999 * 12 + 11  // index of 9999-12
        let current = year * 12 + (month - 1)
        let (sum, overflow) = current.addingReportingOverflow(count)
        let index = overflow ? (count < 0 ? lowest : highest) : min(max(sum, lowest), highest)
        return YearMonth(year: index / 12, month: index % 12 + 1) ?? self
    }

    /// Months from `self` to `later`; negative when `later` is earlier.
    public func months(until later: YearMonth) -> Int {
        (later.year * 12 + later.month) - (year * 12 + month)
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
}

extension YearMonth {
    /// Decodes `YYYY-MM`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if text.count == 7, let year = Int(text.prefix(4)), !CivilDate.supportedYears.contains(year) {
            // A month out of range is invalid input naming its field (422), not a malformed body (issue 21).
            throw InputError.invalid(
                field: decoder.codingPath.last?.stringValue,
                vi: "\"\(text)\" không phải tháng từ 01/1900 đến 12/2100.",
                en: "\"\(text)\" is not a month from 01/1900 to 12/2100.")
        }
        guard let value = YearMonth(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not YYYY-MM")
        }
        self = value
    }

    /// Encodes `YYYY-MM`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
