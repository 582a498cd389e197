import FluentKit
import Foundation
import GanDanCore

extension WritePlan {
    /// Writes the members, their memberships and posts, and adds one audit entry per cell that received members.
    func applyMembers(
        on db: any Database, unitIDs: [String: UUID], organisationIDs: [String: UUID],
        unitOfOrganisation: [String: UUID], actor: Actor, events: inout [AuditEvent]
    ) async throws {
        var builder = MemberRowBuilder(
            plan: self, unitIDs: unitIDs, organisationIDs: organisationIDs, unitOfOrganisation: unitOfOrganisation)
        // Rows are built and made ready for the database a chunk at a time while the database writes the chunks
        // before (bench/scale): it works on its own thread (SQLite) or process (PostgreSQL), so building and writing
        // overlap. Each chunk's write starts when the one before has ended, members before their memberships; at most
        // two chunks wait, and every write is awaited before this returns (a failed one stops those after it).
        var writes: [Task<Void, any Error>] = []
        var start = 0
        while start < members.count {
            // A small first chunk, so the database starts early.
            let end = Swift.min(start + (start == 0 ? Self.memberChunk / 2 : Self.memberChunk), members.count)
            let rows = builder.rows(start..<end)
            let ready = (members: rows.members.prepared(for: db), memberships: rows.memberships.prepared(for: db))
            let previous = writes.last
            writes.append(
                Task {
                    try await previous?.value
                    try await ready.members.write(on: db)
                    try await ready.memberships.write(on: db)
                })
            if writes.count > 2 { try await writes[writes.count - 3].value }
            start = end
        }
        // The audit entries are encoded while the last chunks are written.
        events += builder.created.events(actor: actor)
        try await writes.last?.value
        try await builder.postRows.createInBatches(on: db, batchSize: Self.batchSize)
    }
}

/// Builds the member rows of a write a chunk at a time, with the keys, IDs, posts and audit groups they need.
struct MemberRowBuilder {
    let plan: WritePlan
    let unitIDs: [String: UUID]
    let organisationIDs: [String: UUID]
    let unitOfOrganisation: [String: UUID]
    var created = MemberCreations()
    var keys = VietnameseText.KeyCache()
    var postRows: [PostRecord] = []
    var ids = RandomUUIDs()

    init(plan: WritePlan, unitIDs: [String: UUID], organisationIDs: [String: UUID], unitOfOrganisation: [String: UUID])
    {
        self.plan = plan
        self.unitIDs = unitIDs
        self.organisationIDs = organisationIDs
        self.unitOfOrganisation = unitOfOrganisation
    }

    /// The member and membership rows of the members in `range`; their posts and audit groups are kept.
    mutating func rows(_ range: Range<Int>) -> (members: BulkRows, memberships: BulkRows) {
        var memberRows = BulkRows.members()
        var membershipRows = BulkRows.memberships()
        memberRows.reserve(rows: range.count)
        membershipRows.reserve(rows: range.count)
        for index in range {
            let draft = plan.members[index]
            // Rows straight from the draft: a Fluent model per member cost more than the database (bench/scale).
            let memberID = ids.next()
            memberRows.appendMember(
                draft, id: memberID, residenceUnitID: draft.residenceVillageCode.flatMap { unitIDs[$0] },
                keys: &keys)
            created.add(
                memberID, line: plan.memberLines?[index], cell: draft.cellCode,
                unit: unitOfOrganisation[draft.cellCode] ?? plan.organisationUnits[draft.cellCode])
            let joined = draft.joinedCellOn.iso
            membershipRows.appendMembership(
                id: ids.next(), member: memberID, organisation: organisationIDs[draft.cellCode]!, kind: .official,
                from: joined)
            if let code = draft.temporaryCellCode {
                membershipRows.appendMembership(
                    id: ids.next(), member: memberID, organisation: organisationIDs[code]!, kind: .temporary,
                    from: joined)
            }
            if let code = draft.residenceContactCellCode {
                membershipRows.appendMembership(
                    id: ids.next(), member: memberID, organisation: organisationIDs[code]!,
                    kind: .residenceContact, from: joined)
            }
            for post in draft.posts {
                let row = PostRecord()
                row.id = UUID()
                row.memberID = memberID
                row.organisationID = organisationIDs[post.organisationCode]!
                row.kind = post.kind.rawValue
                row.validFrom = post.validity.from.iso
                row.validUntil = post.validity.until?.iso
                row.source = post.source?.rawValue
                postRows.append(row)
            }
        }
        return (memberRows, membershipRows)
    }
}
