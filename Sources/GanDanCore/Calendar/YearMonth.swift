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

    /// Parses `YYYY-MM`.
    public init?(_ text: String) {
        let parts = text.trimmingWhitespace().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]),
            let month = Int(parts[1])
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
    public var firstDay: CivilDate { CivilDate(year: year, month: month, day: 1)! }

    /// The month `count` months later (earlier when negative).
    public func adding(months count: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + count
        return YearMonth(year: index / 12, month: index % 12 + 1)!
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
