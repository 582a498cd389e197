import FluentKit
import Foundation
import GanDanCore

extension PartyDues {
    /// Members of the cell whose dues went unpaid for the flagged number of consecutive months ending in `year`
    /// (rules.md R12: three). The months are the member's in every cell, so a transfer does not start again at zero;
    /// a run may begin in the year before.
    public func unpaidFlags(of cellID: UUID, year: Int) async throws -> [UnpaidDuesFlagView] {
        guard scope.contains(organisation: cellID) else { return [] }
        try CivilDate.requireSupported(year: year, field: "year")
        let (from, until) = ("\(year)-01-01", "\(year)-12-31")
        var members = Set(
            try await MembershipRecord.query(on: db).filter(\.$organisationID == cellID)
                .filter(\.$kind ~~ [MembershipKind.official.rawValue, MembershipKind.temporary.rawValue])
                .filter(\.$validFrom <= until).all()
                .filter { $0.validUntil.map { $0 > from } ?? true }.map(\.memberID))
        members.formUnion(
            try await DuesPaymentRecord.query(on: db).filter(\.$organisationID == cellID)
                .filter(\.$month >= "\(year)-01").filter(\.$month <= "\(year)-12").all().map(\.memberID))
        var records: [DuesMonth] = []
        let ids = Array(members)
        for chunk in ids.chunked(500) {
            for row in try await DuesPaymentRecord.query(on: db)
                .filter(\.$memberID ~~ chunk)
                .filter(\.$month >= "\(year - 1)-01").filter(\.$month <= "\(year)-12").all()
            {
                guard let month = YearMonth(row.month) else {
                    throw StorageError.corrupt(table: DuesPaymentRecord.schema, column: "month", value: row.month)
                }
                records.append(DuesMonth(memberID: row.memberID.uuidString, month: month, paid: row.paidOn != nil))
            }
        }
        let threshold = rates(in: YearMonth(year: year, month: 12) ?? YearMonth(CivilDate.today())).unpaidMonthsFlag
        let flags = UnpaidDues.flags(in: records, threshold: threshold).filter { $0.months.last?.year == year }
        let names = try await CellMeetings(db: db, scope: .storageInternal).memberNames(
            flags.compactMap { UUID(uuidString: $0.memberID) })
        return flags.compactMap { flag in
            guard let id = UUID(uuidString: flag.memberID) else { return nil }
            return UnpaidDuesFlagView(member: NamedID(id: id, name: names[id] ?? ""), months: flag.months)
        }.sorted { $0.member.name < $1.member.name }
    }
}
