import FluentKit
import Foundation
import GanDanCore

extension PartyDues {
    /// Records the month's lines of the cell's register: band, income, and for a paid line the day and collector.
    /// Recording the same line again changes nothing (one row per cell, member and month); a bad line refuses the
    /// whole send, each problem named by the member and field; nothing is half written. Returns how many lines
    /// changed (read the register again with `register(of:month:)`: a save that redirects needs no second read).
    @discardableResult
    public func record(cellID: UUID, month: YearMonth, _ entries: [DuesEntry], actor: Actor) async throws -> Int {
        let cell = try await requireCell(cellID)
        try Self.requireSupported(month)
        let existing = Dictionary(
            try await rows(cells: [cellID], months: [month.iso]).map { ($0.memberID, $0) },
            uniquingKeysWith: { first, _ in first })
        let roster = try await roll(of: cellID, month: month)
        let allowed = Set(roster.map(\.id)).union(existing.keys)
        let names = Dictionary(roster.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let table = rates(in: month)
        var issues: [InputIssue] = []
        var changed: [DuesPaymentRecord] = []
        for entry in entries {
            let problems = Self.issues(entry, month: month, allowed: allowed, collectors: Set(roster.map(\.id)), names)
            guard problems.isEmpty, let due = table.amountDue(band: entry.band, income: entry.income) else {
                issues += problems
                continue
            }
            let found = existing[entry.memberID]
            let row = found ?? DuesPaymentRecord()
            let before = found.map { ($0.band, $0.income, $0.amountDue, $0.paidOn, $0.collectedBy) }
            row.band = entry.band.rawValue
            row.income = entry.band.needsIncome ? entry.income : nil
            row.amountDue = due
            row.paidOn = entry.paidOn?.iso
            row.collectedBy = entry.paidOn == nil ? nil : entry.collectedBy
            if let before, before == (row.band, row.income, row.amountDue, row.paidOn, row.collectedBy) { continue }
            if row.id == nil {
                row.id = UUID()
                row.organisationID = cellID
                row.memberID = entry.memberID
                row.month = month.iso
            }
            row.recordedBy = actor.name
            row.recordedAt = Date()
            changed.append(row)
        }
        guard issues.isEmpty else { throw InputError.invalid(issues) }
        if !changed.isEmpty { try await write(changed, existing: Set(existing.keys), cell: cell, month, actor) }
        return changed.count
    }

    private func write(
        _ changed: [DuesPaymentRecord], existing: Set<UUID>, cell: OrganisationRecord, _ month: YearMonth,
        _ actor: Actor
    ) async throws {
        let summary = changed.map {
            "\($0.memberID.uuidString) \($0.band) \($0.income.map(String.init) ?? "-") \($0.amountDue) "
                + ($0.paidOn.map { "paid \($0)" } ?? "unpaid")
        }.joined(separator: "; ")
        let cellID = try cell.requireID()
        try await db.writeTransaction { db in
            for row in changed {
                if existing.contains(row.memberID) {
                    try await row.update(on: db)
                } else {
                    try await row.create(on: db)
                }
            }
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "update", entity: "party_dues",
                    entityID: "\(cellID.uuidString)/\(month.iso)", after: summary, requestID: actor.requestID,
                    unitID: cell.unitID))
        }
    }

    /// What is wrong with one line, in both languages, naming the member.
    static func issues(
        _ entry: DuesEntry, month: YearMonth, allowed: Set<UUID>, collectors: Set<UUID>, _ names: [UUID: String]
    ) -> [InputIssue] {
        let id = entry.memberID.uuidString
        guard allowed.contains(entry.memberID) else {
            return [
                InputIssue(
                    field: "band[\(id)]",
                    vi: "Người này không có trong danh sách đảng viên của chi bộ tháng \(month.vietnamese).",
                    en: "This person is not on the cell's roll in \(month.vietnamese).")
            ]
        }
        let who = names[entry.memberID] ?? ""
        var issues: [InputIssue] = []
        if entry.band.needsIncome, entry.income == nil {
            issues.append(
                InputIssue(
                    field: "income[\(id)]", vi: "\(who): ghi mức lương hoặc lương hưu hằng tháng để tính đảng phí.",
                    en: "\(who): write the monthly salary or pension the dues are reckoned on."))
        }
        if let income = entry.income, !(0...1_000_000_000).contains(income) {
            issues.append(
                InputIssue(
                    field: "income[\(id)]", vi: "\(who): thu nhập hằng tháng phải từ 0 đến 1.000.000.000 đồng.",
                    en: "\(who): the monthly income is from 0 to 1,000,000,000 đồng."))
        }
        issues += paymentIssues(entry, month: month, collectors: collectors, who: who)
        return issues
    }

    static func paymentIssues(_ entry: DuesEntry, month: YearMonth, collectors: Set<UUID>, who: String)
        -> [InputIssue]
    {
        guard let paidOn = entry.paidOn else { return [] }
        var issues: [InputIssue] = []
        if !CivilDate.supportedRange.contains(paidOn) || paidOn < month.adding(months: -12).firstDay {
            issues.append(
                InputIssue(
                    field: "paidOn",
                    vi: "\(who): ngày nộp \(paidOn.vietnamese) không hợp với tháng \(month.vietnamese).",
                    en: "\(who): the payment day \(paidOn.vietnamese) does not fit the month \(month.vietnamese)."))
        }
        if let collector = entry.collectedBy, !collectors.contains(collector) {
            issues.append(
                InputIssue(
                    field: "collectedBy", vi: "Người thu phải là đảng viên của chi bộ trong tháng \(month.vietnamese).",
                    en: "The collector must be a member of the cell in \(month.vietnamese)."))
        } else if entry.collectedBy == nil {
            issues.append(
                InputIssue(
                    field: "collectedBy", vi: "Chọn người thu đảng phí.", en: "Choose who collected the dues."))
        }
        return issues
    }

    /// Records the cell's month passed up to the commune: the total of the dues paid, the day and who took it. Passing
    /// the same month up again replaces the record, never adds a second one.
    public func passUp(cellID: UUID, month: YearMonth, on day: CivilDate, by memberID: UUID, actor: Actor)
        async throws
    {
        let cell = try await requireCell(cellID)
        let register = try await register(of: cellID, month: month)
        var issues: [InputIssue] = []
        if register.paidCount == 0 {
            issues.append(
                InputIssue(
                    field: "passedOn", vi: "Tháng \(month.vietnamese) chưa có đảng viên nào nộp đảng phí để nộp lên.",
                    en: "No member has paid dues for \(month.vietnamese) yet, so there is nothing to pass up."))
        }
        if !CivilDate.supportedRange.contains(day) || day < month.firstDay {
            issues.append(
                InputIssue(
                    field: "passedOn", vi: "Ngày nộp lên không được trước tháng \(month.vietnamese).",
                    en: "The day passed up cannot be before \(month.vietnamese)."))
        }
        if !register.collectors.contains(where: { $0.id == memberID }) {
            issues.append(
                InputIssue(
                    field: "passedBy", vi: "Người nộp lên phải là đảng viên của chi bộ.",
                    en: "The person passing the dues up must be a member of the cell."))
        }
        guard issues.isEmpty else { throw InputError.invalid(issues) }
        if let held = register.handover, held.total == register.collected, held.passedOn == day,
            held.passedBy.id == memberID
        {
            return
        }
        try await writeHandover(cell: cell, month: month, total: register.collected, day: day, by: memberID, actor)
    }

    private func writeHandover(
        cell: OrganisationRecord, month: YearMonth, total: Int, day: CivilDate, by memberID: UUID, _ actor: Actor
    ) async throws {
        let cellID = try cell.requireID()
        let found = try await DuesHandoverRecord.query(on: db).filter(\.$organisationID == cellID)
            .filter(\.$month == month.iso).first()
        let record = found ?? DuesHandoverRecord()
        if found == nil {
            record.id = UUID()
            record.organisationID = cellID
            record.month = month.iso
        }
        record.total = total
        record.passedOn = day.iso
        record.passedBy = memberID
        record.recordedBy = actor.name
        record.recordedAt = Date()
        try await db.writeTransaction { db in
            if found == nil { try await record.create(on: db) } else { try await record.update(on: db) }
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: found == nil ? "create" : "update", entity: "dues_handover",
                    entityID: "\(cellID.uuidString)/\(month.iso)",
                    after: "\(total) passed on \(day.iso) by \(memberID.uuidString)", requestID: actor.requestID,
                    unitID: cell.unitID))
        }
    }
}
