import FluentKit
import Foundation
import GanDanCore

/// Transfers outside a plan as people read them (issue 18): a member's, and those waiting for cells of the scope.
public struct MemberTransfers: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// The member's transfers, newest first, when the member is on a roll in the scope today.
    public func of(_ memberID: UUID, today: CivilDate) async throws -> [MemberTransfer] {
        _ = try await MemberRegistryWriter(db: db, scope: scope).member(memberID, today: today, db: db)
        let records = try await MemberTransferRecord.query(on: db).filter(\.$memberID == memberID)
            .sort(\.$sentOn, .descending).all()
        return try await views(records)
    }

    /// The cells of the scope in force today that the member may be transferred to (not their own), by name.
    public func receivingCells(for memberID: UUID, today: CivilDate) async throws -> [(id: UUID, name: String)] {
        let current = try await MembershipRecord.query(on: db).filter(\.$memberID == memberID)
            .filter(\.$kind == MembershipKind.official.rawValue).inForce(on: today).first()?.organisationID
        let kinds = OrganisationKind.allCases.filter(\.isCell).map(\.rawValue)
        var query = OrganisationRecord.query(on: db).filter(\.$kind ~~ kinds).inForce(on: today)
        if let organisations = scope.organisationFilter {
            query = query.filter(\.$id ~~ organisations)
        }
        return try await query.sort(\.$nameSort).sort(\.$code).all().compactMap { cell in
            guard let id = cell.id, id != current else { return nil }
            return (id, cell.name)
        }
    }

    /// The official transfers waiting to be received by these cells (those outside the scope left out), oldest
    /// first.
    public func pending(into cells: [UUID]) async throws -> [MemberTransfer] {
        var records: [MemberTransferRecord] = []
        for chunk in cells.filter(scope.contains(organisation:)).chunked(10_000) {
            records += try await Self.pendingQuery(chunk, db: db).all()
        }
        return try await views(records.sorted { $0.sentOn < $1.sentOn })
    }

    /// Pending official transfers into these cells: one query.
    static func pendingQuery(_ cells: [UUID], db: any Database) -> QueryBuilder<MemberTransferRecord> {
        MemberTransferRecord.query(on: db).filter(\.$toCellID ~~ cells)
            .filter(\.$kind == TransferKind.official.rawValue).filter(\.$receivedOn == nil)
            .filter(\.$cancelledOn == nil)
    }

    /// The records with the member's and the cells' names: two queries.
    func views(_ records: [MemberTransferRecord]) async throws -> [MemberTransfer] {
        guard !records.isEmpty else { return [] }
        let members = try await MemberRecord.query(on: db).filter(\.$id ~~ Array(Set(records.map(\.memberID)))).all()
        let cells = try await OrganisationRecord.query(on: db)
            .filter(\.$id ~~ Array(Set(records.flatMap { [$0.fromCellID, $0.toCellID] }))).all()
        let names = Dictionary(
            members.compactMap { m in m.id.map { ($0, m.fullName) } }, uniquingKeysWith: { a, _ in a })
        let cellNames = Dictionary(cells.compactMap { c in c.id.map { ($0, c.name) } }, uniquingKeysWith: { a, _ in a })
        return try records.map { record in
            MemberTransfer(
                id: try record.requireID(), memberID: record.memberID, memberName: names[record.memberID] ?? "",
                fromCellID: record.fromCellID, fromCellName: cellNames[record.fromCellID] ?? "",
                toCellID: record.toCellID, toCellName: cellNames[record.toCellID] ?? "",
                kind: try record.decode(\.$kind, as: TransferKind.self), sentOn: try record.date(\.$sentOn),
                deadline: try record.date(\.$deadline), receivedOn: try record.date(\.$receivedOn),
                until: try record.date(\.$until), cancelledOn: try record.date(\.$cancelledOn), reason: record.reason)
        }
    }
}
