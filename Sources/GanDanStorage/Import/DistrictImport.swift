import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

/// Loads a district folder (`DistrictFolder`) into an empty database, all or nothing: every problem of the files and
/// of the dataset is reported with its file, line and field, and the write is one transaction with its audit
/// entries (issue 18). A database that already holds party organisations or members is refused: a folder brings a
/// whole district, it does not merge into one.
public struct DistrictImport: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Checks the folder and, unless `dryRun`, writes it.
    public func run(_ folder: DistrictFolder, dryRun: Bool, actor: Actor) async throws -> DatasetWriteSummary {
        let organisation = try await OrganisationRecord.query(on: db).first()
        let member = try await MemberRecord.query(on: db).first()
        if organisation != nil || member != nil {
            throw StorageError.conflict(
                "the database already holds party organisations or members: a district folder loads only into an "
                    + "empty one")
        }
        do {
            return try await db.writeTransaction { db in
                let summary = try await DatasetWriter(db: db, scope: scope).write(
                    folder.dataset, memberLines: folder.memberLines, inputIssues: folder.issues, dryRun: dryRun,
                    actor: actor)
                if !dryRun { try await Self.write(folder.transfers, of: folder.dataset, actor: actor, db: db) }
                return summary
            }
        } catch InputError.invalid(let issues) {
            // The writer names members by their line: those lines are the members file's.
            let named = issues.map { issue in
                var issue = issue
                if issue.file == nil, issue.line != nil { issue.file = DistrictFile.members.baseName }
                return issue
            }
            throw InputError.invalid(Self.byFile(named))
        }
    }

    /// Stores the folder's transfers for the members and cells just written, each audited (rules.md R13): a waiting
    /// official one (without a deadline in the file, the receiving cell has its working days from the day sent) and
    /// a temporary one in force, with the member on the host cell's roll until it ends.
    static func write(_ transfers: [DistrictTransfer], of dataset: OrganisationDataset, actor: Actor, db: any Database)
        async throws
    {
        guard !transfers.isEmpty else { return }
        var idOf: [DistrictMemberKey: UUID] = [:]
        for member in try await MemberRecord.query(on: db).all() {
            for key in DistrictMemberKey.keys(member) where idOf[key] == nil { idOf[key] = member.id }
        }
        let codes = Array(Set(transfers.flatMap { [$0.fromCellCode, $0.toCellCode] }))
        let cells = try await OrganisationRecord.query(on: db).filter(\.$code ~~ codes).all()
        let cellOf = try Dictionary(cells.map { ($0.code, try $0.requireID()) }, uniquingKeysWith: { a, _ in a })
        let unitOf = Dictionary(cells.map { ($0.code, $0.unitID) }, uniquingKeysWith: { a, _ in a })
        var events: [AuditEvent] = []
        for transfer in transfers {
            let member = dataset.members[transfer.member]
            guard let memberID = DistrictMemberKey.keys(member).lazy.compactMap({ idOf[$0] }).first,
                let from = cellOf[transfer.fromCellCode], let to = cellOf[transfer.toCellCode]
            else {
                throw StorageError.conflict("the transfer of \(member.fullName) names a member or cell not written")
            }
            let record = MemberTransferRecord()
            record.id = UUID()
            record.memberID = memberID
            record.fromCellID = from
            record.toCellID = to
            record.kind = transfer.kind.rawValue
            record.sentOn = transfer.sentOn.iso
            record.reason = "Nhập từ thư mục huyện"
            record.createdBy = actor.name
            if transfer.kind == .temporary {
                // Received as the transfer form records a temporary one: the host cell's roll from the day sent.
                record.receivedOn = transfer.sentOn.iso
                record.until = transfer.until?.iso
                try await MembershipWriter.openTemporary(
                    memberID, in: to, from: transfer.sentOn, until: transfer.until, db: db)
            } else {
                record.deadline = (transfer.deadline ?? TransferRules.deadline(sentOn: transfer.sentOn)).iso
            }
            try await record.create(on: db)
            // Filed as the transfer form files a sent transfer: on the member, seen by both cells' units (rules.md R30).
            events.append(
                AuditEvent(
                    actor: actor.name, action: "transfer_\(transfer.kind.rawValue)", entity: "member",
                    entityID: memberID.uuidString,
                    after: AuditTrail.json(TransferEntry(record)), requestID: actor.requestID,
                    units: Set([transfer.fromCellCode, transfer.toCellCode].compactMap { unitOf[$0] })))
        }
        try await AuditTrail(db: db, scope: .storageInternal).record(events)
    }

    /// Issues file by file in the folder's order (the dataset's own first), then by line.
    static func byFile(_ issues: [InputIssue]) -> [InputIssue] {
        let rank = Dictionary(
            DistrictFile.allCases.enumerated().map { ($1.baseName, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        return issues.enumerated().sorted {
            (rank[$0.element.file ?? ""] ?? 0, $0.element.line ?? 0, $0.offset)
                < (rank[$1.element.file ?? ""] ?? 0, $1.element.line ?? 0, $1.offset)
        }.map(\.element)
    }
}
