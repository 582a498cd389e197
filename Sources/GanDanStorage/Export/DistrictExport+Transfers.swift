import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

/// A member of a district folder found again by card number, citizen ID, or name and birth date: how an exported
/// member and a stored one are matched, since a folder carries no database ids.
struct DistrictMemberKey: Hashable {
    var text: String

    static func keys(citizenID: String?, cardNumber: String?, fullName: String, birthDate: String) -> [Self] {
        var keys: [Self] = []
        if let cardNumber { keys.append(Self(text: "card|" + cardNumber)) }
        if let citizenID { keys.append(Self(text: "id|" + citizenID)) }
        keys.append(Self(text: "name|" + VietnameseText.searchKey(fullName) + "|" + birthDate))
        return keys
    }

    static func keys(_ member: MemberDraft) -> [Self] {
        keys(
            citizenID: member.citizenID, cardNumber: member.cardNumber, fullName: member.fullName,
            birthDate: member.birthDate.iso)
    }

    static func keys(_ member: MemberRecord) -> [Self] {
        keys(
            citizenID: member.citizenID, cardNumber: member.cardNumber, fullName: member.fullName,
            birthDate: member.birthDate)
    }
}

extension DistrictExport {
    /// The transfers of the dataset's members between cells of the dataset (rules.md R13), the folder's transfers
    /// file: official ones sent by `date` and neither received nor cancelled by then, temporary ones in force that day.
    public func pendingTransfers(of dataset: OrganisationDataset, on date: CivilDate) async throws
        -> [DistrictTransfer]
    {
        let cells = Set(dataset.organisations.map(\.code))
        let records = try await OrganisationRecord.query(on: db).filter(\.$code ~~ Array(cells)).all()
        let codeOf = try Dictionary(records.map { (try $0.requireID(), $0.code) }, uniquingKeysWith: { a, _ in a })
        let rows = try await Self.chunked(Array(codeOf.keys)) { ids in
            try await MemberTransferRecord.query(on: db).filter(\.$fromCellID ~~ ids)
                .filter(\.$kind ~~ [TransferKind.official.rawValue, TransferKind.temporary.rawValue])
                .filter(\.$sentOn <= date.iso).sort(\.$sentOn).all()
        }.filter { row in
            guard row.cancelledOn.map({ $0 > date.iso }) ?? true else { return false }
            // A temporary one in force on the day; an official one not yet received.
            if row.kind == TransferKind.temporary.rawValue { return row.until.map { $0 > date.iso } ?? true }
            return row.receivedOn.map { $0 > date.iso } ?? true
        }
        var indexOf: [DistrictMemberKey: Int] = [:]
        for (index, member) in dataset.members.enumerated() {
            for key in DistrictMemberKey.keys(member) where indexOf[key] == nil { indexOf[key] = index }
        }
        let members = try await Self.chunked(Array(Set(rows.map(\.memberID)))) { ids in
            try await MemberRecord.query(on: db).filter(\.$id ~~ ids).all()
        }
        var memberIndex: [UUID: Int] = [:]
        for member in members {
            let found = DistrictMemberKey.keys(member).lazy.compactMap { indexOf[$0] }.first
            if let found, let id = member.id { memberIndex[id] = found }
        }
        return try rows.compactMap { row in
            guard let member = memberIndex[row.memberID], let from = codeOf[row.fromCellID],
                let to = codeOf[row.toCellID], let sent = CivilDate(row.sentOn)
            else { return nil }
            let kind = try row.decode(\.$kind, as: TransferKind.self)
            return DistrictTransfer(
                member: member, fromCellCode: from, toCellCode: to, kind: kind, sentOn: sent,
                deadline: row.deadline.flatMap(CivilDate.init), until: row.until.flatMap(CivilDate.init))
        }
    }
}
