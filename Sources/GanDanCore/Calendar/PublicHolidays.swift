/// Why a day is a public day off: the holidays of Labour Code 2019 Art. 112 and the days given in their place.
public enum HolidayKind: String, Sendable, CaseIterable, Codable {
    case newYear
    case lunarNewYear
    case hungKings
    case reunification
    case labourDay
    case nationalDay
    case vietnameseCulture
    /// A weekday off in exchange for a Saturday worked, or in place of a holiday that fell on a rest day.
    case substitute

    public var label: BilingualText {
        switch self {
        case .newYear: return BilingualText(vi: "Tết Dương lịch", en: "New Year's Day")
        case .lunarNewYear: return BilingualText(vi: "Tết Nguyên đán", en: "Lunar New Year (Tết)")
        case .hungKings: return BilingualText(vi: "Giỗ Tổ Hùng Vương", en: "Hùng Kings' Commemoration")
        case .reunification: return BilingualText(vi: "Ngày Chiến thắng 30/4", en: "Reunification Day")
        case .labourDay: return BilingualText(vi: "Ngày Quốc tế Lao động", en: "International Labour Day")
        case .nationalDay: return BilingualText(vi: "Quốc khánh", en: "National Day")
        case .vietnameseCulture: return BilingualText(vi: "Ngày Văn hóa Việt Nam", en: "Vietnamese Culture Day")
        case .substitute: return BilingualText(vi: "Ngày nghỉ bù, hoán đổi", en: "Substitute day off")
        }
    }
}

/// One public day off.
public struct Holiday: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var kind: HolidayKind

    public init(date: CivilDate, kind: HolidayKind) {
        self.date = date
        self.kind = kind
    }
}

/// One year's public days off as announced, and the Saturdays worked in exchange for swapped days (rules.md R23).
public struct HolidayYear: Hashable, Sendable, Codable {
    public var year: Int
    /// Every day off of the year, including holidays that fall on a weekend.
    public var daysOff: [Holiday]
    /// Saturdays worked in exchange for a weekday off (ngày làm bù): working days for deadlines.
    public var makeUpWorkingDays: [CivilDate]
    /// True when the year's days were not yet announced and follow the usual pattern.
    public var isProvisional: Bool
    /// Where the dates come from.
    public var source: String

    public init(
        year: Int, daysOff: [Holiday], makeUpWorkingDays: [CivilDate] = [], isProvisional: Bool = false,
        source: String
    ) {
        self.year = year
        self.daysOff = daysOff.sorted { $0.date < $1.date }
        self.makeUpWorkingDays = makeUpWorkingDays.sorted()
        self.isProvisional = isProvisional
        self.source = source
    }
}

/// A holiday on the same solar date every year (1 January, 30 April, 1 May, 2 September).
public struct FixedHoliday: Hashable, Sendable, Codable {
    public var month: Int
    public var day: Int
    public var kind: HolidayKind

    public init(month: Int, day: Int, kind: HolidayKind) {
        self.month = month
        self.day = day
        self.kind = kind
    }
}

/// Public days off held as data, year by year; years not covered fall back to the fixed solar holidays (rules.md R23).
///
/// Lunar holidays (Tết, Hùng Kings) and the Government's swaps cannot be computed reliably, so they are listed per
/// year; `covers(year:)` tells whether a year's list is known.
public struct PublicHolidays: Hashable, Sendable {
    /// The listed years, in order.
    public let years: [HolidayYear]
    /// The days off used for years that are not listed: no lunar holidays and no substitutes.
    public let fixedHolidays: [FixedHoliday]
    private let listedYears: Set<Int>
    private let daysOff: [CivilDate: HolidayKind]
    private let makeUpDays: Set<CivilDate>

    public init(years: [HolidayYear], fixedHolidays: [FixedHoliday] = PublicHolidays.fixedSolarHolidays) {
        self.years = years.sorted { $0.year < $1.year }
        self.fixedHolidays = fixedHolidays
        listedYears = Set(years.map(\.year))
        var days: [CivilDate: HolidayKind] = [:]
        for year in years {
            for holiday in year.daysOff where days[holiday.date] == nil {
                days[holiday.date] = holiday.kind
            }
        }
        daysOff = days
        makeUpDays = Set(years.flatMap(\.makeUpWorkingDays))
    }

    /// The solar holidays of Labour Code 2019 Art. 112 that fall on the same date every year.
    public static let fixedSolarHolidays: [FixedHoliday] = [
        FixedHoliday(month: 1, day: 1, kind: .newYear), FixedHoliday(month: 4, day: 30, kind: .reunification),
        FixedHoliday(month: 5, day: 1, kind: .labourDay), FixedHoliday(month: 9, day: 2, kind: .nationalDay),
    ]

    /// No holidays at all: every weekday works (for tests and what-if counts).
    public static let none = PublicHolidays(years: [], fixedHolidays: [])

    /// Whether `year`'s days off are listed; otherwise only weekends and the fixed solar holidays count.
    public func covers(year: Int) -> Bool { listedYears.contains(year) }

    /// Whether `year`'s list is a projection rather than an announcement.
    public func isProvisional(year: Int) -> Bool {
        years.first { $0.year == year }?.isProvisional ?? false
    }

    /// Why `date` is a day off, or nil when it is not a public holiday (weekends are not holidays).
    public func holiday(on date: CivilDate) -> HolidayKind? {
        if covers(year: date.year) { return daysOff[date] }
        return fixedHolidays.first { $0.month == date.month && $0.day == date.day }?.kind
    }

    /// Whether `date` is a Saturday worked in exchange for a weekday off.
    public func isMakeUpWorkingDay(_ date: CivilDate) -> Bool { makeUpDays.contains(date) }
}
