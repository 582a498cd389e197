import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension Request {
    /// The province's meeting rules and quality checklist (rules.md R8, R11, R12).
    var meetingPolicy: MeetingPolicy { application.settings.meetingPolicy }

    /// Meetings as the user may read them.
    func readableMeetings() async throws -> CellMeetings {
        CellMeetings(db: store, scope: try await access().scopes.read, policy: meetingPolicy)
    }

    /// A cell the user may see: 404 outside their scope (or when it is not a cell).
    func visibleCell(_ id: UUID) async throws -> OrganisationSnapshot {
        guard let cell = try await readableMeetings().cell(id) else {
            throw Abort(.notFound, reason: "no cell is at this address")
        }
        return cell
    }

    /// Meetings of a cell the user may change: 404 outside their scope, 403 when their role only reads.
    func writableMeetings(cell id: UUID) async throws -> CellMeetings {
        _ = try await visibleCell(id)
        let writable = CellMeetings(db: store, scope: try await access().scopes.write, policy: meetingPolicy)
        guard try await writable.cell(id) != nil else {
            throw Abort(.forbidden, reason: "your role does not allow recording meetings in this cell")
        }
        return writable
    }

    /// A meeting the user may see: 404 outside their scope.
    func visibleMeeting(_ id: UUID) async throws -> MeetingSummary {
        guard let meeting = try await readableMeetings().meeting(id) else {
            throw Abort(.notFound, reason: "no meeting is at this address")
        }
        return meeting
    }

    /// A village the user may see: 404 outside their scope or when the unit is not a village.
    func visibleVillage(_ id: UUID, on date: CivilDate) async throws -> UnitSnapshot {
        let access = try await access()
        let tree = OrganisationTree(db: store, scope: access.scopes.read)
        guard access.scopes.read.contains(unit: id) else {
            throw Abort(.notFound, reason: "no village is at this address")
        }
        var unit = try await tree.unit(id, on: date)
        if unit == nil { unit = try await tree.history(of: id).last }
        guard let unit, unit.kind == .village else { throw Abort(.notFound, reason: "no village is at this address") }
        return unit
    }

    /// Throws 403 unless the user may change records of this village.
    func requireVillageWrite(_ id: UUID) async throws {
        guard try await access().scopes.write.contains(unit: id) else {
            throw Abort(.forbidden, reason: "your role does not allow changing this village's records")
        }
    }

    /// A year from `?year=` (or the path), the as-of date's year when absent.
    func year(_ name: String = "year") throws -> Int {
        let text = parameters.get(name) ?? query[String.self, at: name]
        guard let text, !text.isEmpty else { return try asOfDate().year }
        guard let year = Int(text), (1900...2200).contains(year) else {
            throw Abort(.badRequest, reason: "year must be a year such as 2019")
        }
        return year
    }

    /// An optional ISO date query parameter; a bad value is a 400.
    func optionalDate(_ name: String) throws -> CivilDate? {
        guard let text = query[String.self, at: name], !text.isEmpty else { return nil }
        guard let date = CivilDate(text) else {
            throw Abort(.badRequest, reason: "\(name) \"\(text)\" is not a date (YYYY-MM-DD)")
        }
        return date
    }
}
