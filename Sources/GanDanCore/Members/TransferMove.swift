import Foundation

/// One member's move between cells as typed, with what the records say about it, for the checks the transfer form
/// and the district folder share (rules.md R13, R26).
public struct TransferMove: Sendable, Hashable {
    public var kind: TransferKind
    /// The member's official cell on the day and the receiving cell, by whatever the caller names cells with.
    public var fromCell: String
    public var toCell: String
    public var toCellName: String
    /// The receiving cell's validity; nil when the caller could not read it.
    public var receiving: Validity?
    public var on: CivilDate
    /// The day a temporary transfer ends.
    public var until: CivilDate?
    /// The day the member joined the cell sent from, and whether the member is still on it with no end recorded.
    public var joinedCellOn: CivilDate
    public var stillOnCell: Bool
    /// The day the member's waiting official transfer was sent, if one is waiting.
    public var waitingSentOn: CivilDate?

    public init(
        kind: TransferKind, fromCell: String, toCell: String, toCellName: String, receiving: Validity?,
        on: CivilDate, until: CivilDate? = nil, joinedCellOn: CivilDate, stillOnCell: Bool = true,
        waitingSentOn: CivilDate? = nil
    ) {
        self.kind = kind
        self.fromCell = fromCell
        self.toCell = toCell
        self.toCellName = toCellName
        self.receiving = receiving
        self.on = on
        self.until = until
        self.joinedCellOn = joinedCellOn
        self.stillOnCell = stillOnCell
        self.waitingSentOn = waitingSentOn
    }

    /// The first thing that forbids the move, nil when it may be made.
    public var problem: TransferMoveProblem? {
        if fromCell == toCell { return .ownCell(toCellName) }
        if let receiving {
            let lastDay = until?.adding(days: -1) ?? on
            if !receiving.contains(on) { return .cellNotInForce(toCellName, on: on) }
            if !receiving.contains(max(lastDay, on)) { return .cellNotInForce(toCellName, on: lastDay) }
        }
        if let waitingSentOn { return .waiting(sentOn: waitingSentOn) }
        // A temporary transfer sits beside the official roll; the others leave it on the day (rules.md R13).
        if kind != .temporary, !stillOnCell || on <= joinedCellOn { return .notAfterJoining(joinedCellOn) }
        return nil
    }
}

/// Why a move may not be made, with the part of the form or file it concerns.
public enum TransferMoveProblem: Sendable, Hashable {
    case ownCell(String)
    case cellNotInForce(String, on: CivilDate)
    case waiting(sentOn: CivilDate)
    case notAfterJoining(CivilDate)

    /// Which part is at fault: the receiving cell, the day, or the member's standing transfers.
    public enum Part: Sendable { case receivingCell, day, member }

    public var part: Part {
        switch self {
        case .ownCell, .cellNotInForce: return .receivingCell
        case .notAfterJoining: return .day
        case .waiting: return .member
        }
    }

    public var text: BilingualText {
        switch self {
        case .ownCell(let name):
            return BilingualText(
                vi: "Đảng viên đang sinh hoạt ở \(name); hãy chọn chi bộ khác.",
                en: "The member is already on the roll of \(name); choose another cell.")
        case .cellNotInForce(let name, let day):
            return BilingualText(
                vi: "Ngày \(day.vietnamese) \(name) chưa thành lập hoặc đã giải thể.",
                en: "On \(day.vietnamese) \(name) had not been founded or had been dissolved.")
        case .waiting(let sent):
            return BilingualText(
                vi: "Đảng viên đã được chuyển sinh hoạt chính thức ngày \(sent.vietnamese) và đang chờ chi bộ nơi đến "
                    + "nhận. Hãy chờ nhận hoặc hủy việc chuyển đó trước.",
                en: "The member was sent on an official transfer on \(sent.vietnamese) that is waiting to be "
                    + "received. Wait for it or cancel it first.")
        case .notAfterJoining(let joined):
            return BilingualText(
                vi: "Ngày chuyển phải sau ngày vào chi bộ hiện tại (\(joined.vietnamese)) và trước khi rời chi bộ đó.",
                en: "The day of the transfer must be after the member joined the present cell "
                    + "(\(joined.vietnamese)), while still on it.")
        }
    }
}
