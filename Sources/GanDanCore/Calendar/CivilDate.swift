import Foundation

/// A calendar date without time or zone ("2019-04-30"), the unit of every effective date (rules.md R26).
///
/// Stored as ISO text so that string order is date order on SQLite and PostgreSQL alike.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or nil when the day does not exist (31 April, 29 February 2019).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date written in the code (a standard's first day, the demo's dates): never nil and never a trap, the fields
    /// kept within the calendar (a month past 12 is December, a day past the month's end its last day). A date from a
    /// person or a file goes through `init?(_:)` or `firstDay(ofYear:)` and is refused there instead.
    public static func on(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        let year = min(max(year, 1), 9999)
        let month = min(max(month, 1), 12)
        let day = min(max(day, 1), daysIn(month: month, year: year))
        return CivilDate(checked: year, month: month, day: day)
    }

    /// 1 January of a year a person asked for; a year outside `supportedYears` is an `InputError` naming `field`.
    public static func firstDay(ofYear year: Int, field: String = "year") throws -> CivilDate {
        try requireSupported(year: year, field: field)
        return on(year, 1, 1)
    }

    private init(checked year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The dates a person or a file may give and the database may hold (issue 21): anything outside is refused
    /// where it enters, so that no record, page or computation starts from year 1 or 9999. 1900-01-01 … 2100-12-31.
    public static let supportedRange = CivilDate(dayNumber: -25_567)...CivilDate(dayNumber: 47_846)
    /// The first and last dates the type can hold; arithmetic saturates there instead of trapping.
    static let calendarStart = CivilDate(dayNumber: -719_162)  // 0001-01-01
    static let calendarEnd = CivilDate(dayNumber: 2_932_896)  // 9999-12-31
    /// The years of `supportedRange`.
    public static var supportedYears: ClosedRange<Int> {
        supportedRange.lowerBound.year...supportedRange.upperBound.year
    }
    /// Why a date outside `supportedRange` is refused, in plain words (Vietnamese, then English).
    public static let outOfRange = BilingualText(
        vi: "không phải ngày từ 01/01/1900 đến 31/12/2100", en: "not a date from 01/01/1900 to 31/12/2100")
    /// The same in one line, Vietnamese then English, for the command line.
    public static let outOfRangeMessage =
        "không phải ngày từ 01/01/1900 đến 31/12/2100 (not a date from 1900-01-01 to 2100-12-31)"

    /// Parses `YYYY-MM-DD` (also `DD/MM/YYYY`, the form Vietnamese paperwork uses); a date outside
    /// `supportedRange` is not accepted, so every form, query, JSON body, file and command refuses it.
    public init?(_ text: String) {
        guard let date = CivilDate(anyText: text), CivilDate.supportedRange.contains(date) else { return nil }
        self = date
    }

    /// Refuses a date outside `supportedRange` with an `InputError` naming `field`: writers call it so that no stored
    /// date lies outside the range, whatever their caller parsed (issue 21).
    public func requireSupported(field: String) throws {
        guard CivilDate.supportedRange.contains(self) else {
            throw CivilDate.outOfRangeError(field: field, text: iso)
        }
    }

    /// The error for `text`, a date outside `supportedRange`, on `field`: "“…” is not a date from … to …".
    public static func outOfRangeError(field: String?, text: String) -> InputError {
        .invalid(field: field, vi: "\"\(text)\" \(outOfRange.vi).", en: "\"\(text)\" is \(outOfRange.en).")
    }

    /// Refuses a year outside `supportedYears` the same way.
    public static func requireSupported(year: Int, field: String) throws {
        guard supportedYears.contains(year) else {
            throw InputError.invalid(
                field: field, vi: "\(year) không phải năm từ 1900 đến 2100.",
                en: "\(year) is not a year from 1900 to 2100.")
        }
    }

    /// Parses `YYYY-MM-DD` or `DD/MM/YYYY` for any year 1–9999.
    init?(anyText text: String) {
        // Digits read byte by byte: an import parses four dates a row (bench/scale).
        var parts: [Int] = []
        var widths: [Int] = []
        var separator: UInt8?
        var value = 0
        var width = 0
        for byte in text.trimmingWhitespace().utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard width < 4 else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                width += 1
            case UInt8(ascii: "-"), UInt8(ascii: "/"):
                guard width > 0, parts.count < 2, separator == nil || separator == byte else { return nil }
                separator = byte
                parts.append(value)
                widths.append(width)
                value = 0
                width = 0
            default:
                return nil
            }
        }
        guard width > 0, parts.count == 2 else { return nil }
        parts.append(value)
        widths.append(width)
        if separator == UInt8(ascii: "-"), widths == [4, 2, 2] {
            self.init(year: parts[0], month: parts[1], day: parts[2])
        } else if separator == UInt8(ascii: "/"), widths[0] <= 2, widths[1] <= 2, widths[2] == 4 {
            self.init(year: parts[2], month: parts[1], day: parts[0])
        } else {
            return nil
        }
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        Self.text([(year, 4), (month, 2), (day, 2)], separator: "-")
    }

    /// `DD/MM/YYYY`, as printed on Vietnamese documents.
    public var vietnamese: String {
        Self.text([(day, 2), (month, 2), (year, 4)], separator: "/")
    }

    /// Zero-padded numbers joined by `separator`, without `String(format:)`, which cost an import more than its
    /// database writes (bench/scale).
    static func text(_ numbers: [(value: Int, width: Int)], separator: Character) -> String {
        var text = ""
        text.reserveCapacity(10)
        for (index, number) in numbers.enumerated() {
            if index > 0 { text.append(separator) }
            let digits = String(number.value)
            if digits.count < number.width { text.append(String(repeating: "0", count: number.width - digits.count)) }
            text.append(digits)
        }
        return text
    }

    public var description: String { iso }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Number of days in a month of the Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic without Foundation calendars.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// The date `days` later (earlier when negative).
    /// Saturates at 0001-01-01 and 9999-12-31 rather than overflow or leave the calendar (issue 21).
    public func adding(days: Int) -> CivilDate {
        let lowest = CivilDate.calendarStart.dayNumber
        let highest = CivilDate.calendarEnd.dayNumber
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return CivilDate(dayNumber: overflow ? (days < 0 ? lowest : highest) : min(max(sum, lowest), highest))
    }

    /// The same day `months` later, clamped to the month's last day; saturates at 0001-01-01 and 9999-12-31
    /// rather than trap, since a page computing a window around an extreme date must still answer (issue 21).
    public func adding(months: Int) -> CivilDate {
        let from = YearMonth(self)
        let shifted = from.adding(months: months)
        if from.months(until: shifted) != months {
            return months < 0 ? CivilDate.calendarStart : CivilDate.calendarEnd
        }
        let last = CivilDate.daysIn(month: shifted.month, year: shifted.year)
        return CivilDate(year: shifted.year, month: shifted.month, day: min(day, last)) ?? self
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier), as age is counted (rules.md R21).
    public func wholeMonths(until later: CivilDate) -> Int {
        var months = (later.year - year) * 12 + (later.month - month)
        if months > 0 && later.day < day {
            months -= 1
        } else if months < 0 && later.day > day {
            months += 1
        }
        return months
    }

    /// Whole years from `self` to `later`.
    public func wholeYears(until later: CivilDate) -> Int {
        let months = wholeMonths(until: later)
        return months >= 0 ? months / 12 : -((-months + 11) / 12)
    }

    /// Today's date in Vietnam (UTC+7), the date users mean.
    public static func today(now: Date = Date()) -> CivilDate {
        CivilDate(dayNumber: Int(((now.timeIntervalSince1970 + 7 * 3600) / 86_400).rounded(.down)))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let date = CivilDate(anyText: text), !CivilDate.supportedRange.contains(date) {
            // A real date out of range is invalid input naming its field (422), not a malformed body (issue 21).
            throw CivilDate.outOfRangeError(field: decoder.codingPath.last?.stringValue, text: text)
        }
        guard let date = CivilDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a date (YYYY-MM-DD) from 1900-01-01 to 2100-12-31")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
