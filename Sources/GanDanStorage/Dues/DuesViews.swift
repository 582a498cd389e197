import Foundation
import GanDanCore

/// One member's line in a cell's dues register for a month (rules.md R12).
public struct DuesLine: Codable, Sendable, Hashable {
    public var member: NamedID
    public var band: DuesBand
    public var income: Int?
    /// Nil when the band needs an income and none is written yet.
    public var amountDue: Int?
    /// Whether the month's register holds the line (false: shown from the member's last month, not yet saved).
    public var recorded: Bool
    public var paidOn: CivilDate?
    public var collectedBy: NamedID?
    public var paid: Bool { paidOn != nil }
}

/// A cell's monthly total passed up to the commune.
public struct DuesHandover: Codable, Sendable, Hashable {
    public var month: YearMonth
    public var total: Int
    public var passedOn: CivilDate
    public var passedBy: NamedID
}

/// A cell's dues register for one month: every member on the roll, the table in force, and the total passed up.
public struct DuesRegister: Codable, Sendable, Hashable {
    public var cellID: UUID
    public var cellName: String
    public var month: YearMonth
    public var rates: DuesRates
    public var lines: [DuesLine]
    /// The members who may collect or pass up: the cell's roll that month.
    public var collectors: [NamedID]
    public var handover: DuesHandover?

    /// Đồng collected: the amounts due of the lines paid.
    public var collected: Int { lines.filter(\.paid).compactMap(\.amountDue).reduce(0, +) }
    public var paidCount: Int { lines.filter(\.paid).count }
}

/// One member's dues for the month as a secretary records it: band and income, and when paid, the day and collector.
public struct DuesEntry: Codable, Sendable, Hashable {
    public var memberID: UUID
    public var band: DuesBand
    public var income: Int?
    public var paidOn: CivilDate?
    public var collectedBy: UUID?

    public init(memberID: UUID, band: DuesBand, income: Int? = nil, paidOn: CivilDate? = nil, collectedBy: UUID? = nil)
    {
        self.memberID = memberID
        self.band = band
        self.income = income
        self.paidOn = paidOn
        self.collectedBy = collectedBy
    }
}

/// A member unpaid for the flagged number of consecutive months (rules.md R12).
public struct UnpaidDuesFlagView: Codable, Sendable, Hashable {
    public var member: NamedID
    public var months: [YearMonth]
}

/// One cell's month as the commune sees it: members recorded, paid, đồng collected, and the total passed up.
public struct CellDuesTotal: Codable, Sendable, Hashable {
    public var cell: NamedID
    public var recorded: Int
    public var paid: Int
    public var collected: Int
    public var handover: DuesHandover?
}
