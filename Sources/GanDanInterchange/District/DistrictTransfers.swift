import GanDanCore

/// A transfer the folder carries (issue 18, rules.md R13): an official one sent and not yet received on the folder's
/// day, or a temporary one in force that day. The member (their place among the dataset's members), the sending and
/// receiving cells by code, the day it was sent, and the last day to receive an official one or the day a temporary
/// one ends (the first day the member is no longer on the host cell's roll, as the transfer form stores it). A district
/// moved to another installation keeps both.
public struct DistrictTransfer: Sendable, Hashable {
    public var member: Int
    public var fromCellCode: String
    public var toCellCode: String
    public var kind: TransferKind
    public var sentOn: CivilDate
    public var deadline: CivilDate?
    public var until: CivilDate?

    public init(
        member: Int, fromCellCode: String, toCellCode: String, kind: TransferKind = .official, sentOn: CivilDate,
        deadline: CivilDate?, until: CivilDate? = nil
    ) {
        self.member = member
        self.fromCellCode = fromCellCode
        self.toCellCode = toCellCode
        self.kind = kind
        self.sentOn = sentOn
        self.deadline = deadline
        self.until = until
    }
}

/// A row of the transfers file: the person as the posts file names them, and the transfer.
struct DistrictTransferRow: Sendable, Hashable {
    var citizenID: String?
    var cardNumber: String?
    var fullName: String?
    var birthDate: CivilDate?
    var fromCellCode: String
    var toCellCode: String
    var kind: TransferKind
    var sentOn: CivilDate
    var deadline: CivilDate?
    var until: CivilDate?
}

extension DistrictRows {
    static func transfer(_ row: [String: String], line: Int) -> Result<DistrictTransferRow, InputError> {
        var reader = DistrictRowReader(row: row, line: line)
        let (citizenID, card, name, birth) = reader.person()
        let from = reader.required("from_cell_code")
        let to = reader.required("to_cell_code")
        let kind = reader.transferKind()
        let sent = reader.date("sent_on", required: true)
        let deadline = reader.date("deadline")
        let until = reader.date("until", required: kind == .temporary)
        if let sent, let deadline, deadline < sent {
            reader.fail(
                "deadline", vi: "Hạn tiếp nhận \(deadline.vietnamese) trước ngày chuyển đi \(sent.vietnamese).",
                en: "the deadline \(deadline.iso) is before the day sent \(sent.iso)")
        }
        if kind == .temporary, let sent, let until,
            let problem = TransferRules.temporaryLengthProblem(from: sent, until: until)
        {
            reader.fail("until", vi: problem.vi, en: problem.en)
        }
        guard let from, let to, let kind, let sent, reader.issues.isEmpty else {
            return .failure(.invalid(reader.issues))
        }
        return .success(
            DistrictTransferRow(
                citizenID: citizenID, cardNumber: card, fullName: name, birthDate: birth, fromCellCode: from,
                toCellCode: to, kind: kind, sentOn: sent, deadline: kind == .official ? deadline : nil,
                until: kind == .temporary ? until : nil))
    }
}

extension DistrictRowReader {
    /// The kind column: official when empty, else official or temporary in either language; nil after a problem.
    mutating func transferKind() -> TransferKind? {
        guard let text = text("kind") else { return .official }
        switch VietnameseText.searchKey(text).replacingOccurrences(of: "-", with: " ") {
        case "official", "chinh thuc": return .official
        case "temporary", "tam thoi": return .temporary
        default:
            fail(
                "kind",
                vi: "“\(text)”: tệp này ghi chuyển sinh hoạt chính thức đang chờ nhận hoặc tạm thời đang có hiệu lực.",
                en: "\"\(text)\": this file holds official transfers waiting to be received and temporary ones in force"
            )
            return nil
        }
    }
}

extension DistrictFolder {
    /// Names each transfer's member and checks it as the transfer form does (rules.md R13): a person not in the
    /// members file, a cell not in the organisations file, a sending cell that is not the member's, a move into the
    /// same cell or into a cell not in force that day, a day not after the member joined the cell, or a second waiting
    /// transfer of one member is an issue of the transfers file.
    mutating func attach(_ rows: [(line: Int, value: DistrictTransferRow)]) {
        let people = DistrictPeople(dataset.members)
        let cellValidity = Dictionary(
            dataset.organisations.filter(\.kind.isCell).map { ($0.code, $0.validity) },
            uniquingKeysWith: { first, _ in first })
        let cells = Set(cellValidity.keys)
        // Each member's waiting official transfer and temporary one in force: one of each at a time.
        var moving: [Int: CivilDate] = [:]
        var away: [Int: CivilDate] = [:]
        func issue(_ line: Int, _ field: String, vi: String, en: String) {
            issues.append(InputIssue(line: line, field: field, vi: vi, en: en, file: DistrictFile.transfers.baseName))
        }
        for (line, row) in rows {
            let found = people.member(
                citizenID: row.citizenID, cardNumber: row.cardNumber, fullName: row.fullName, birthDate: row.birthDate)
            guard case .member(let member) = found else {
                if case .problem(var problem) = found {
                    problem.line = line
                    problem.file = DistrictFile.transfers.baseName
                    issues.append(problem)
                }
                continue
            }
            guard cells.contains(row.toCellCode) else {
                issue(
                    line, "to_cell_code", vi: "Không có chi bộ mã \(row.toCellCode) trong tệp tổ chức đảng.",
                    en: "no cell in the organisations file has code \(row.toCellCode)")
                continue
            }
            guard dataset.members[member].cellCode == row.fromCellCode else {
                let name = dataset.members[member].fullName
                let cell = dataset.members[member].cellCode
                issue(
                    line, "from_cell_code", vi: "\(name) sinh hoạt ở chi bộ \(cell), không phải \(row.fromCellCode).",
                    en: "\(name) is on the roll of \(cell), not \(row.fromCellCode)")
                continue
            }
            if row.kind == .temporary, away[member] != nil {
                issue(
                    line, "citizen_id", vi: "Trong thời gian này đảng viên đã sinh hoạt tạm thời ở một chi bộ khác.",
                    en: "In this period the member is already on a temporary transfer to another cell.")
                continue
            }
            if let problem = Self.move(
                row, member: dataset.members[member], into: cellValidity[row.toCellCode], waiting: moving[member]
            ).problem {
                issue(line, Self.column(problem.part), vi: problem.text.vi, en: problem.text.en)
                continue
            }
            if row.kind == .temporary { away[member] = row.sentOn } else { moving[member] = row.sentOn }
            transfers.append(
                DistrictTransfer(
                    member: member, fromCellCode: row.fromCellCode, toCellCode: row.toCellCode, kind: row.kind,
                    sentOn: row.sentOn, deadline: row.deadline, until: row.until))
        }
    }

    /// A waiting transfer of `member` as the transfer form reads it, for the checks both share (rules.md R13).
    static func move(_ row: DistrictTransferRow, member: MemberDraft, into cell: Validity?, waiting: CivilDate?)
        -> TransferMove
    {
        TransferMove(
            kind: row.kind, fromCell: row.fromCellCode, toCell: row.toCellCode, toCellName: "Chi bộ \(row.toCellCode)",
            receiving: cell, on: row.sentOn, until: row.until, joinedCellOn: member.joinedCellOn,
            waitingSentOn: waiting)
    }

    /// The transfers file's column a problem of the move is told on.
    static func column(_ part: TransferMoveProblem.Part) -> String {
        switch part {
        case .receivingCell: return "to_cell_code"
        case .day: return "sent_on"
        case .member: return "citizen_id"
        }
    }

    /// The transfers file's rows, the person named as in the posts file.
    static func transferRows(_ transfers: [DistrictTransfer], members: [MemberDraft]) -> [[ExportTable.Cell]] {
        transfers.compactMap { transfer in
            guard members.indices.contains(transfer.member) else { return nil }
            let member = members[transfer.member]
            return [
                .optional(member.citizenID), .optional(member.cardNumber), .text(member.fullName),
                .date(member.birthDate), .text(transfer.fromCellCode), .text(transfer.toCellCode),
                .text(transfer.kind.rawValue), .date(transfer.sentOn), .optional(transfer.deadline),
                .optional(transfer.until),
            ]
        }
    }
}
