import FluentKit
import Foundation
import GanDanCore

extension CellMeetings {
    /// A grassroots committee's meetings in the year of `date` up to that day against the rule: twice a year, and its
    /// standing body monthly (rules.md R7); nil when the committee is outside the scope.
    public func committeeRhythm(of committeeID: UUID, asOf date: CivilDate) async throws -> CommitteeRhythm? {
        guard let committee = try await holderRecord(committeeID),
            try committee.decode(\.$kind, as: OrganisationKind.self) == .grassrootsCommittee,
            let first = CivilDate(year: date.year, month: 1, day: 1)
        else { return nil }
        let held = try await meetings(of: committeeID, from: first, until: date.adding(days: 1)).filter {
            $0.status == .held
        }
        return CommitteeRhythm(
            held: held.map { (date: $0.date, body: $0.body, kind: $0.kind) }, asOf: date,
            opened: try committee.date(\.$validFrom), closed: try committee.date(\.$validUntil),
            settings: policy.meetings)
    }
}
