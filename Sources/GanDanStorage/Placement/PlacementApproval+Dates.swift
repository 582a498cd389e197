import Foundation
import GanDanCore

/// The days of an approval's phases (rules.md A1, R14): the decision, each commune's placement of its members (the
/// decision day when not given) and each commune's dissolution of its agency cells (the placement day when not
/// given).
struct PhaseDays: Sendable {
    var decidedOn: CivilDate
    var placedOn: [UUID: CivilDate]
    var dissolvedOn: [UUID: CivilDate]

    func placement(of commune: UUID) -> CivilDate { placedOn[commune] ?? decidedOn }
    func dissolution(of commune: UUID) -> CivilDate { dissolvedOn[commune] ?? placement(of: commune) }

    /// A day a commune gives after the decision: its members' placement or its agency cells' dissolution. The raw
    /// value is the form's and the API's field.
    enum Phase: String {
        case placement = "placedOn"
        case dissolution = "dissolvedOn"
    }
}

extension PlacementPlans {
    /// Each commune's placement and dissolution days: a commune of the plan, not before the decision (a dissolution
    /// not before the members are placed), not after the last day anything may bear (nothing is recorded further
    /// ahead), and within `charter.placementWorkingDays` working days of the decision (rules.md R14).
    func checkPhaseDays(_ days: PhaseDays, of plan: PlacementPlan) throws {
        var issues: [InputIssue] = []
        for (communeID, day) in days.placedOn.sorted(by: { $0.value < $1.value }) {
            issues += dayIssues(day, .placement, commune: communeID, plan: plan, days: days)
        }
        for (communeID, day) in days.dissolvedOn.sorted(by: { $0.value < $1.value }) {
            issues += dayIssues(day, .dissolution, commune: communeID, plan: plan, days: days)
        }
        guard issues.isEmpty else { throw InputError.invalid(issues) }
    }

    /// What is wrong with one commune's `day` for `phase`, told in both languages and filed under the phase's field.
    func dayIssues(
        _ day: CivilDate, _ phase: PhaseDays.Phase, commune communeID: UUID, plan: PlacementPlan, days: PhaseDays
    ) -> [InputIssue] {
        let field = phase.rawValue
        guard let commune = plan.communes.first(where: { $0.communeID == communeID }) else {
            return [
                InputIssue(
                    field: field, vi: "Xã này không có trong phương án.", en: "That commune is not in this plan.")
            ]
        }
        let name = commune.communeName
        let limit = charter.placementWorkingDays
        let deadline = calendar.adding(workingDays: limit, to: days.decidedOn)
        let placed = days.placement(of: communeID)
        let problem: (vi: String, en: String)?
        if day < days.decidedOn {
            problem = (
                "ngày \(day.vietnamese) trước ngày quyết định \(days.decidedOn.vietnamese)",
                "\(day.vietnamese) is before the decision date \(days.decidedOn.vietnamese)"
            )
        } else if phase == .dissolution, day < placed {
            problem = (
                "ngày giải thể \(day.vietnamese) trước ngày chuyển sinh hoạt \(placed.vietnamese) của đảng viên",
                "the dissolution day \(day.vietnamese) is before the members are placed, \(placed.vietnamese)"
            )
        } else if day > deadline {
            problem = (
                "ngày \(day.vietnamese) quá \(limit) ngày làm việc sau ngày quyết định "
                    + "(chậm nhất ngày \(deadline.vietnamese))",
                "\(day.vietnamese) is more than \(limit) working days after the decision "
                    + "(\(deadline.vietnamese) at the latest)"
            )
        } else if day > latestDay {
            problem = (
                "ngày \(day.vietnamese) không được sau ngày \(latestDay.vietnamese)",
                "\(day.vietnamese) may not be later than \(latestDay.vietnamese)"
            )
        } else {
            problem = nil
        }
        return problem.map { [InputIssue(field: field, vi: "\(name): \($0.vi).", en: "\(name): \($0.en).")] } ?? []
    }
}
