import Foundation

/// The income band a member's monthly party dues are reckoned in (Quyết định 342-QĐ/TW, 2010).
public enum DuesBand: String, Sendable, Codable, CaseIterable {
    /// Paid a salary (officials, public employees, armed forces, enterprises): a share of the monthly salary.
    case salaried
    /// Living on a pension: a share of the monthly pension.
    case pensioner
    /// Everyone else at home (farmers, traders, students, the unemployed): a fixed amount a month.
    case other

    /// Whether the amount is a share of an income the cell writes down (salary or pension).
    public var needsIncome: Bool { self != .other }
}

/// The dues table a province applies, dated like the other rule versions: a share of salary or pension, and a fixed
/// monthly amount for the other members (rules.md R12 counts the months unpaid).
///
/// The built-in version carries the central guidance (Quyết định 342-QĐ/TW, 28/12/2010): 1 % of salary, 0.5 % of
/// pension, and for the others an amount the province sets within the guidance's range, here its lowest, 2,000 đồng;
/// a province lists its own table in a file (`docs/dues-rates.example.json`).
public struct DuesRates: Hashable, Sendable, Codable {
    /// A stable key, e.g. "342-QĐ/TW".
    public var id: String
    /// The decision that set the table, as the papers cite it.
    public var decision: String
    public var validity: Validity
    /// Percent of the monthly salary (1.0 is 1 %).
    public var salariedPercent: Double
    /// Percent of the monthly pension.
    public var pensionerPercent: Double
    /// Đồng a month for a member in the other band.
    public var otherMonthly: Int
    /// Consecutive unpaid months that put a member forward for removal from the list (rules.md R12: 3).
    public var unpaidMonthsFlag: Int

    public init(
        id: String, decision: String, validity: Validity, salariedPercent: Double, pensionerPercent: Double,
        otherMonthly: Int, unpaidMonthsFlag: Int = 3
    ) {
        self.id = id
        self.decision = decision
        self.validity = validity
        self.salariedPercent = salariedPercent
        self.pensionerPercent = pensionerPercent
        self.otherMonthly = otherMonthly
        self.unpaidMonthsFlag = unpaidMonthsFlag
    }

    /// Quyết định 342-QĐ/TW of the Politburo, applied from 2011.
    public static let central342 = DuesRates(
        id: "342-QĐ/TW", decision: "Quyết định số 342-QĐ/TW ngày 28/12/2010 của Bộ Chính trị",
        validity: Validity(from: CivilDate.on(2011, 1, 1)), salariedPercent: 1, pensionerPercent: 0.5,
        otherMonthly: 2_000)

    public static let all: [DuesRates] = [central342]

    /// The table in force on `date` among `versions`; the earliest when the date precedes them all.
    public static func inForce(on date: CivilDate, among versions: [DuesRates] = all) -> DuesRates {
        versions.last { $0.validity.contains(date) } ?? versions.first ?? central342
    }

    /// The amount due a month, whole đồng rounded half up; nil when the band needs an income and none is given.
    public func amountDue(band: DuesBand, income: Int?) -> Int? {
        switch band {
        case .other: return otherMonthly
        case .salaried, .pensioner:
            guard let income, income >= 0 else { return nil }
            let percent = band == .salaried ? salariedPercent : pensionerPercent
            return Int((Double(income) * percent / 100).rounded(.toNearestOrAwayFromZero))
        }
    }
}
