import FluentKit
import Foundation
import GanDanCore

/// The cells' monthly party dues registers (đảng phí) and the totals passed up to the commune (rules.md R12).
public struct PartyDues: Sendable {
    let db: any Database
    let scope: AccessScope
    let rates: [DuesRates]

    public init(db: any Database, scope: AccessScope, rates: [DuesRates] = DuesRates.all) {
        self.db = db
        self.scope = scope
        self.rates = rates
    }

    /// The table in force in `month` (on its first day).
    public func rates(in month: YearMonth) -> DuesRates { DuesRates.inForce(on: month.firstDay, among: rates) }

    /// The cell's register for `month`: a line for each member on the roll at the month's end or recorded in it; a
    /// line not yet recorded carries the member's band and income of their latest earlier month. 404 outside scope.
    public func register(of cellID: UUID, month: YearMonth) async throws -> DuesRegister {
        let cell = try await requireCell(cellID)
        try Self.requireSupported(month)
        let table = rates(in: month)
        let rows = try await rows(cells: [cellID], months: [month.iso])
        let roster = try await roll(of: cellID, month: month)
        let rowMembers = Set(rows.map(\.memberID))
        let earlier = try await latestEarlier(members: roster.map(\.id).filter { !rowMembers.contains($0) }, month)
        let names = try await CellMeetings(db: db, scope: .storageInternal).memberNames(
            Array(rowMembers.union(roster.map(\.id)).union(rows.compactMap(\.collectedBy))))
        var lines = try rows.map { try line($0, names: names) }
        for member in roster where !rowMembers.contains(member.id) {
            let band = try earlier[member.id].map { try $0.decode(\.$band, as: DuesBand.self) } ?? .other
            let income = band.needsIncome ? earlier[member.id]?.income : nil
            lines.append(
                DuesLine(
                    member: member, band: band, income: income, amountDue: table.amountDue(band: band, income: income),
                    recorded: false, paidOn: nil, collectedBy: nil))
        }
        lines.sort { ($0.member.name, $0.member.id.uuidString) < ($1.member.name, $1.member.id.uuidString) }
        return DuesRegister(
            cellID: cellID, cellName: cell.name, month: month, rates: table, lines: lines, collectors: roster,
            handover: try await handovers(cells: [cellID], month: month).first?.handover)
    }

    /// The cells' months as the commune sees them, in the order given; cells outside the scope are left out.
    public func totals(cells: [NamedID], month: YearMonth) async throws -> [CellDuesTotal] {
        try Self.requireSupported(month)
        let visible = cells.filter { scope.contains(organisation: $0.id) }
        let rows = try await rows(cells: visible.map(\.id), months: [month.iso])
        let handovers = Dictionary(
            try await handovers(cells: visible.map(\.id), month: month).map { ($0.cellID, $0.handover) },
            uniquingKeysWith: { first, _ in first })
        return visible.map { cell in
            let mine = rows.filter { $0.organisationID == cell.id }
            let paid = mine.filter { $0.paidOn != nil }
            return CellDuesTotal(
                cell: cell, recorded: mine.count, paid: paid.count, collected: paid.map(\.amountDue).reduce(0, +),
                handover: handovers[cell.id])
        }
    }

    func requireCell(_ cellID: UUID) async throws -> OrganisationRecord {
        guard scope.contains(organisation: cellID), let cell = try await OrganisationRecord.find(cellID, on: db) else {
            throw StorageError.notFound("no cell \(cellID)")
        }
        return cell
    }

    static func requireSupported(_ month: YearMonth) throws {
        guard YearMonth.supportedRange.contains(month) else {
            throw InputError.invalid(
                field: "month", vi: "Tháng \(month.vietnamese) nằm ngoài khoảng 01/1900 – 12/2100.",
                en: "The month \(month.vietnamese) is outside 01/1900 – 12/2100.")
        }
    }

    /// The members on the cell's roll on the month's last day, by name.
    func roll(of cellID: UUID, month: YearMonth) async throws -> [NamedID] {
        let last = month.adding(months: 1).firstDay.adding(days: -1)
        return try await CellDirectory(db: db, scope: .storageInternal).roster(of: cellID, on: last).map {
            NamedID(id: $0.member.id, name: $0.member.fullName)
        }
    }

    func rows(cells: [UUID], months: [String]) async throws -> [DuesPaymentRecord] {
        guard !cells.isEmpty, !months.isEmpty else { return [] }
        var found: [DuesPaymentRecord] = []
        for chunk in cells.chunked(500) {
            found += try await DuesPaymentRecord.query(on: db)
                .filter(\.$organisationID ~~ chunk)
                .filter(\.$month ~~ months).all()
        }
        return found
    }

    /// Each member's latest recorded month before `month`, in any cell: where their band and income carry over from.
    func latestEarlier(members: [UUID], _ month: YearMonth) async throws -> [UUID: DuesPaymentRecord] {
        guard !members.isEmpty else { return [:] }
        var latest: [UUID: DuesPaymentRecord] = [:]
        for chunk in members.chunked(500) {
            for row in try await DuesPaymentRecord.query(on: db)
                .filter(\.$memberID ~~ chunk)
                .filter(\.$month < month.iso).filter(\.$month >= month.adding(months: -24).iso).all()
            where row.month > (latest[row.memberID]?.month ?? "") {
                latest[row.memberID] = row
            }
        }
        return latest
    }

    func line(_ row: DuesPaymentRecord, names: [UUID: String]) throws -> DuesLine {
        let band = try row.decode(\.$band, as: DuesBand.self)
        let paidOn = try row.paidOn.map { text in
            guard let date = CivilDate(text) else {
                throw StorageError.corrupt(table: DuesPaymentRecord.schema, column: "paid_on", value: text)
            }
            return date
        }
        return DuesLine(
            member: NamedID(id: row.memberID, name: names[row.memberID] ?? ""), band: band, income: row.income,
            amountDue: row.amountDue, recorded: true, paidOn: paidOn,
            collectedBy: row.collectedBy.map { NamedID(id: $0, name: names[$0] ?? "") })
    }

    func handovers(cells: [UUID], month: YearMonth) async throws -> [(cellID: UUID, handover: DuesHandover)] {
        guard !cells.isEmpty else { return [] }
        var records: [DuesHandoverRecord] = []
        for chunk in cells.chunked(500) {
            records += try await DuesHandoverRecord.query(on: db)
                .filter(\.$organisationID ~~ chunk)
                .filter(\.$month == month.iso).all()
        }
        let names = try await CellMeetings(db: db, scope: .storageInternal).memberNames(records.map(\.passedBy))
        return try records.map { record in
            guard let day = CivilDate(record.passedOn) else {
                throw StorageError.corrupt(
                    table: DuesHandoverRecord.schema, column: "passed_on", value: record.passedOn)
            }
            return (
                record.organisationID,
                DuesHandover(
                    month: month, total: record.total, passedOn: day,
                    passedBy: NamedID(id: record.passedBy, name: names[record.passedBy] ?? ""))
            )
        }
    }
}
