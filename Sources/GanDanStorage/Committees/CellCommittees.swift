import FluentKit
import Foundation
import GanDanCore

/// A cell's committee (chi ủy) and its terms (issue 18 item 3): who holds the cell's posts on a day, the congresses
/// it held and the next one due (rules.md R2, R3, R6). Posts are given through `PostWriter`, which checks the
/// committee rules; congresses are recorded here, audited. Reads and writes check the cell against `scope`.
public struct CellCommittees: Sendable {
    let db: any Database
    let scope: AccessScope
    let term: CongressTerm

    public init(db: any Database, scope: AccessScope, term: CongressTerm = .standard) {
        self.db = db
        self.scope = scope
        self.term = term
    }

    /// The committee and term of the cell on `date`; nil outside the scope or for an organisation that is no cell.
    public func committee(of cellID: UUID, on date: CivilDate) async throws -> CellCommitteeView? {
        guard try await cell(cellID) != nil else { return nil }
        let congresses = try await CellCongressRecord.query(on: db).filter(\.$organisationID == cellID)
            .filter(\.$heldOn <= date.iso).sort(\.$heldOn, .descending).all().map(Self.congress)
        let last = congresses.first?.heldOn
        return CellCommitteeView(
            cellID: cellID, eligible: try await fullMembers(of: cellID, on: date),
            seats: try await seats(of: cellID, on: date),
            congresses: congresses, next: last.map(term.next(after:)),
            standing: term.standing(lastHeld: last, on: date))
    }

    /// Of `cells`, those with a committee-member post held on `date` (rules.md A5: a cell that already had a
    /// committee is told apart from one that newly reached the threshold).
    public func withCommittee(_ cells: [UUID], on date: CivilDate) async throws -> Set<UUID> {
        var found: Set<UUID> = []
        for chunk in cells.filter(scope.contains(organisation:)).chunked(500) {
            let posts = try await PostRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$kind == PostKind.cellCommitteeMember.rawValue).inForce(on: date).all()
            found.formUnion(posts.map(\.organisationID))
        }
        return found
    }

    /// Who may take a seat on `date`: the full members of the cell's official roll, by name (rules.md R3, R4).
    public func candidates(for cellID: UUID, on date: CivilDate) async throws -> [NamedID] {
        guard try await cell(cellID) != nil else { return [] }
        return try await fullMembers(of: cellID, on: date)
    }

    /// The full members of a cell checked to be in the scope, by name.
    func fullMembers(of cellID: UUID, on date: CivilDate) async throws -> [NamedID] {
        let ids = try await CommuneDashboard(db: db, scope: .storageInternal).fullMembers(of: cellID, asOf: date)
        let names = try await CellMeetings(db: db, scope: .storageInternal).memberNames(ids)
        return names.map { NamedID(id: $0.key, name: $0.value) }.sorted {
            (VietnameseText.sortKey($0.name), $0.id.uuidString) < (VietnameseText.sortKey($1.name), $1.id.uuidString)
        }
    }

    /// The people holding the cell's posts on `date`, secretary first, then the deputy, then by name.
    func seats(of cellID: UUID, on date: CivilDate) async throws -> [CellCommitteeSeat] {
        let posts = try await PostRecord.query(on: db).filter(\.$organisationID == cellID)
            .filter(\.$kind ~~ PostKind.allCases.filter(\.isCellPost).map(\.rawValue)).inForce(on: date)
            .sort(\.$validFrom).all()
        let names = try await CellMeetings(db: db, scope: .storageInternal).memberNames(
            Array(Set(posts.map(\.memberID))))
        var seats: [UUID: CellCommitteeSeat] = [:]
        for post in posts {
            let kind = try post.decode(\.$kind, as: PostKind.self)
            let source = try post.source.map { text in
                guard let source = PostSource(rawValue: text) else {
                    throw StorageError.corrupt(table: PostRecord.schema, column: "source", value: text)
                }
                return source
            }
            guard let since = CivilDate(post.validFrom) else {
                throw StorageError.corrupt(table: PostRecord.schema, column: "valid_from", value: post.validFrom)
            }
            let member = NamedID(id: post.memberID, name: names[post.memberID] ?? "")
            seats[post.memberID, default: CellCommitteeSeat(member: member, posts: [], source: source, since: since)]
                .posts.append(kind)
        }
        let order: [PostKind] = [.cellSecretary, .cellDeputySecretary, .cellCommitteeMember]
        func rank(_ seat: CellCommitteeSeat) -> Int { seat.posts.compactMap(order.firstIndex).min() ?? order.count }
        return seats.values.sorted {
            (rank($0), VietnameseText.sortKey($0.member.name)) < (rank($1), VietnameseText.sortKey($1.member.name))
        }
    }

    /// The cell in the scope, or nil.
    func cell(_ id: UUID) async throws -> OrganisationRecord? {
        guard scope.contains(organisation: id), let cell = try await OrganisationRecord.find(id, on: db),
            try cell.decode(\.$kind, as: OrganisationKind.self).isCell
        else { return nil }
        return cell
    }

    static func congress(_ record: CellCongressRecord) throws -> CellCongress {
        guard let day = CivilDate(record.heldOn) else {
            throw StorageError.corrupt(table: CellCongressRecord.schema, column: "held_on", value: record.heldOn)
        }
        return CellCongress(id: try record.requireID(), heldOn: day, note: record.note, recordedBy: record.createdBy)
    }
}
