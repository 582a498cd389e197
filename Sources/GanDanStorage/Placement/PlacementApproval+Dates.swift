import Foundation
import GanDanCore

extension PlacementPlans {
    /// Each commune's placement day: a commune of the plan, not before the decision, not after today (nothing is
    /// recorded ahead), and within `charter.placementWorkingDays` working days of the decision (rules.md R14).
    func checkPlacementDates(_ placedOn: [UUID: CivilDate], of plan: PlacementPlan, decisionDate: CivilDate) throws {
        let latest = latestDay
        let limit = charter.placementWorkingDays
        let deadline = calendar.adding(workingDays: limit, to: decisionDate)
        var issues: [InputIssue] = []
        for (communeID, day) in placedOn.sorted(by: { $0.value < $1.value }) {
            guard let commune = plan.communes.first(where: { $0.communeID == communeID }) else {
                issues.append(
                    InputIssue(
                        field: "placedOn", vi: "Xã này không có trong phương án.",
                        en: "That commune is not in this plan."))
                continue
            }
            let name = commune.communeName
            if day < decisionDate {
                issues.append(
                    InputIssue(
                        field: "placedOn",
                        vi: "\(name): ngày \(day.vietnamese) trước ngày quyết định \(decisionDate.vietnamese).",
                        en: "\(name): \(day.vietnamese) is before the decision date \(decisionDate.vietnamese)."))
            } else if day > deadline {
                issues.append(
                    InputIssue(
                        field: "placedOn",
                        vi: "\(name): ngày \(day.vietnamese) quá \(limit) ngày làm việc sau ngày quyết định "
                            + "(chậm nhất ngày \(deadline.vietnamese)).",
                        en: "\(name): \(day.vietnamese) is more than \(limit) working days after the decision "
                            + "(\(deadline.vietnamese) at the latest)."))
            } else if day > latest {
                issues.append(
                    InputIssue(
                        field: "placedOn",
                        vi: "\(name): ngày \(day.vietnamese) không được sau ngày \(latest.vietnamese).",
                        en: "\(name): \(day.vietnamese) may not be later than \(latest.vietnamese)."))
            }
        }
        guard issues.isEmpty else { throw InputError.invalid(issues) }
    }
}
