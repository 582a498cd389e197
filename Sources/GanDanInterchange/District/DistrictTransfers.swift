import GanDanCore

/// An official transfer sent and not yet received on the folder's day (issue 18, rules.md R13): the member (their
/// place among the dataset's members), the sending and receiving cells by code, the day it was sent and the last day
/// to receive it. A folder carries it so that a district moved to another installation keeps its waiting transfers.
public struct DistrictTransfer: Sendable, Hashable {
    public var member: Int
    public var fromCellCode: String
    public var toCellCode: String
    public var sentOn: CivilDate
    public var deadline: CivilDate?

    public init(member: Int, fromCellCode: String, toCellCode: String, sentOn: CivilDate, deadline: CivilDate?) {
        self.member = member
        self.fromCellCode = fromCellCode
        self.toCellCode = toCellCode
        self.sentOn = sentOn
        self.deadline = deadline
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
    var sentOn: CivilDate
    var deadline: CivilDate?
}

extension DistrictRows {
    static func transfer(_ row: [String: String], line: Int) -> Result<DistrictTransferRow, InputError> {
        var reader = DistrictRowReader(row: row, line: line)
        let (citizenID, card, name, birth) = reader.person()
        let from = reader.required("from_cell_code")
        let to = reader.required("to_cell_code")
        if let kind = reader.text("kind"),
            !["official", "chinh thuc"].contains(
                VietnameseText.searchKey(kind).replacingOccurrences(of: "-", with: " "))
        {
            reader.fail(
                "kind", vi: "“\(kind)”: tệp này chỉ ghi chuyển sinh hoạt chính thức đang chờ nhận.",
                en: "\"\(kind)\": this file holds only official transfers waiting to be received")
        }
        let sent = reader.date("sent_on", required: true)
        let deadline = reader.date("deadline")
        if let sent, let deadline, deadline < sent {
            reader.fail(
                "deadline", vi: "Hạn tiếp nhận \(deadline.vietnamese) trước ngày chuyển đi \(sent.vietnamese).",
                en: "the deadline \(deadline.iso) is before the day sent \(sent.iso)")
        }
        guard let from, let to, let sent, reader.issues.isEmpty else { return .failure(.invalid(reader.issues)) }
        return .success(
            DistrictTransferRow(
                citizenID: citizenID, cardNumber: card, fullName: name, birthDate: birth, fromCellCode: from,
                toCellCode: to, sentOn: sent, deadline: deadline))
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
        var moving: [Int: CivilDate] = [:]
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
            if let problem = Self.move(
                row, member: dataset.members[member], into: cellValidity[row.toCellCode], waiting: moving[member]
            ).problem {
                issue(line, Self.column(problem.part), vi: problem.text.vi, en: problem.text.en)
                continue
            }
            moving[member] = row.sentOn
            transfers.append(
                DistrictTransfer(
                    member: member, fromCellCode: row.fromCellCode, toCellCode: row.toCellCode, sentOn: row.sentOn,
                    deadline: row.deadline))
        }
    }

    /// A waiting transfer of `member` as the transfer form reads it, for the checks both share (rules.md R13).
    static func move(_ row: DistrictTransferRow, member: MemberDraft, into cell: Validity?, waiting: CivilDate?)
        -> TransferMove
    {
        TransferMove(
            kind: .official, fromCell: row.fromCellCode, toCell: row.toCellCode, toCellName: "Chi bộ \(row.toCellCode)",
            receiving: cell, on: row.sentOn, joinedCellOn: member.joinedCellOn, waitingSentOn: waiting)
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
                .text(TransferKind.official.rawValue), .date(transfer.sentOn), .optional(transfer.deadline),
            ]
        }
    }
}
