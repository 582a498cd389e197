import Foundation

/// One member's move between cells outside a placement plan (issue 18, rules.md R13, R14): an official transfer
/// waits for the receiving cell; a temporary one runs from–until beside the official roll; an internal one takes
/// effect on its day.
public struct MemberTransfer: Sendable, Hashable, Codable {
    public var id: UUID
    public var memberID: UUID
    public var memberName: String
    public var fromCellID: UUID
    public var fromCellName: String
    public var toCellID: UUID
    public var toCellName: String
    public var kind: TransferKind
    /// The day the sending side sent it (official), or the day it took effect (temporary, internal).
    public var sentOn: CivilDate
    /// The last day the receiving cell may receive an official transfer.
    public var deadline: CivilDate?
    public var receivedOn: CivilDate?
    /// The day a temporary transfer ends by itself.
    public var until: CivilDate?
    public var cancelledOn: CivilDate?
    public var reason: String

    public init(
        id: UUID, memberID: UUID, memberName: String, fromCellID: UUID, fromCellName: String, toCellID: UUID,
        toCellName: String, kind: TransferKind, sentOn: CivilDate, deadline: CivilDate? = nil,
        receivedOn: CivilDate? = nil, until: CivilDate? = nil, cancelledOn: CivilDate? = nil, reason: String
    ) {
        self.id = id
        self.memberID = memberID
        self.memberName = memberName
        self.fromCellID = fromCellID
        self.fromCellName = fromCellName
        self.toCellID = toCellID
        self.toCellName = toCellName
        self.kind = kind
        self.sentOn = sentOn
        self.deadline = deadline
        self.receivedOn = receivedOn
        self.until = until
        self.cancelledOn = cancelledOn
        self.reason = reason
    }

    /// Sent and neither received nor cancelled.
    public var isPending: Bool { receivedOn == nil && cancelledOn == nil }

    /// Where a pending transfer stands against its deadline on `date`, in working days; nil when it is not pending
    /// or has no deadline.
    public func standing(on date: CivilDate, calendar: WorkingCalendar = .vietnam) -> TransferStanding? {
        guard isPending, let deadline else { return nil }
        if date <= deadline { return .open(workingDaysLeft: calendar.workingDays(from: date, to: deadline)) }
        return .overdue(workingDays: max(1, calendar.workingDays(from: deadline, to: date)))
    }
}

/// The rules of transfers outside a plan.
public enum TransferRules {
    /// The working days an official transfer has to be done in (rules.md R13: 60; R14's 30 are for the members of a
    /// dissolved cell, which a placement plan moves).
    public static let receivingWorkingDays = 60
    /// The length of a temporary transfer in months (rules.md R13).
    public static let temporaryMonths = 3...12

    /// The last day to receive an official transfer sent on `sentOn`.
    public static func deadline(sentOn: CivilDate, calendar: WorkingCalendar = .vietnam) -> CivilDate {
        calendar.adding(workingDays: receivingWorkingDays, to: sentOn)
    }

    /// Whether a temporary transfer from `from` until `until` lasts 3 to 12 months (rules.md R13).
    public static func isTemporaryLengthAllowed(from: CivilDate, until: CivilDate) -> Bool {
        until >= from.adding(months: temporaryMonths.lowerBound)
            && until <= from.adding(months: temporaryMonths.upperBound)
    }

    /// Why a temporary transfer from `from` until `until` may not be, nil when it lasts 3 to 12 months (rules.md R13):
    /// the transfer form and the district folder tell it alike.
    public static func temporaryLengthProblem(from: CivilDate, until: CivilDate) -> BilingualText? {
        guard until <= from || !isTemporaryLengthAllowed(from: from, until: until) else { return nil }
        let earliest = from.adding(months: temporaryMonths.lowerBound).vietnamese
        let latest = from.adding(months: temporaryMonths.upperBound).vietnamese
        return BilingualText(
            vi: "Sinh hoạt tạm thời phải từ 3 đến 12 tháng: từ \(from.vietnamese) thì kết thúc từ \(earliest) đến "
                + "\(latest).",
            en: "A temporary transfer lasts 3 to 12 months: from \(from.vietnamese) it ends between \(earliest) and "
                + "\(latest).")
    }
}

/// A pending official transfer against its deadline.
public enum TransferStanding: Sendable, Hashable {
    case open(workingDaysLeft: Int)
    case overdue(workingDays: Int)

    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }

    /// "còn 12 ngày làm việc" / "quá hạn 3 ngày làm việc".
    public var text: BilingualText {
        switch self {
        case .open(let left) where left == 0:
            return BilingualText(vi: "hôm nay là hạn cuối", en: "due today")
        case .open(let left):
            return BilingualText(vi: "còn \(left) ngày làm việc", en: "\(left) working days left")
        case .overdue(let days):
            return BilingualText(vi: "quá hạn \(days) ngày làm việc", en: "\(days) working days overdue")
        }
    }
}
