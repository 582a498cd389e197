import Foundation
import GanDanCore

/// The members a write creates, grouped by cell: one audit entry per cell names its new members and their input
/// lines (rules.md R30), instead of one entry per member, so a 60,000-row import writes 1,500 entries, not 60,000.
struct MemberCreations {
    struct Cell: Encodable {
        var cell: String
        var memberIDs: [String] = []
        var lines: [Int] = []

        enum CodingKeys: String, CodingKey {
            case cell
            case memberIDs = "member_ids"
            case lines
        }
    }

    private var cells: [String: Int] = [:]
    private var groups: [(unit: UUID?, cell: Cell)] = []

    mutating func add(_ id: UUID, line: Int?, cell code: String, unit: UUID?) {
        let index: Int
        if let known = cells[code] {
            index = known
        } else {
            index = groups.count
            cells[code] = index
            groups.append((unit, Cell(cell: code)))
        }
        groups[index].cell.memberIDs.append(id.upperCaseText)
        if let line { groups[index].cell.lines.append(line) }
    }

    /// One "create member" entry per cell, in the order the cells first appear.
    func events(actor: Actor) -> [AuditEvent] {
        groups.map { group in
            AuditEvent(
                actor: actor.name, action: "create", entity: "member",
                entityID: group.cell.memberIDs.count == 1 ? group.cell.memberIDs[0] : nil,
                after: AuditTrail.json(group.cell), requestID: actor.requestID, unitID: group.unit)
        }
    }
}
