import Foundation
import GanDanCore

extension DatasetWriter {
    /// The dataset's rows that touch the tree outside `scope` (issue 17): a changed unit, a new unit's stored parent,
    /// an organisation's stored unit or parent, a member's stored cell. A row that hangs under a new row of the same
    /// dataset is checked through that row. A new unit without a parent needs the whole tree.
    static func scopeIssues(
        _ dataset: OrganisationDataset, memberLines: [Int]?, stored: StoredCodes, scope: AccessScope
    ) throws -> [InputIssue] {
        guard case .restricted = scope else { return [] }
        let units = Dictionary(stored.openUnits.map { ($0.code, $0.unitID) }, uniquingKeysWith: { first, _ in first })
        let organisations = try Dictionary(
            stored.organisations.map { ($0.code, try $0.requireID()) }, uniquingKeysWith: { first, _ in first })
        let outside = BilingualText(
            vi: "không thuộc đơn vị bạn được quản lý", en: "is outside the units you may manage")
        func issue(_ field: String, line: Int? = nil, column: String? = nil, _ what: BilingualText) -> InputIssue {
            var issue = InputIssue(
                line: line, field: field, vi: "\(what.vi) \(outside.vi).", en: "\(what.en) \(outside.en).")
            issue.column = column
            return issue
        }
        var issues: [InputIssue] = []
        for draft in dataset.units {
            let field = "unit \(draft.code)"
            if let id = units[draft.code] {
                if !scope.contains(unit: id) {
                    issues.append(
                        issue(
                            field, column: "code",
                            BilingualText(vi: "Đơn vị \(draft.code)", en: "The unit \(draft.code)")))
                }
            } else if let parent = draft.parentCode {
                if let id = units[parent], !scope.contains(unit: id) {
                    issues.append(
                        issue(
                            field, column: "parent_code",
                            BilingualText(vi: "Đơn vị cấp trên \(parent)", en: "The parent \(parent)")))
                }
            } else {
                issues.append(
                    issue(
                        field, column: "code",
                        BilingualText(vi: "Đơn vị \(draft.code)", en: "The unit \(draft.code)")))
            }
        }
        for draft in dataset.organisations {
            let field = "organisation \(draft.code)"
            if let id = units[draft.unitCode], !scope.contains(unit: id) {
                issues.append(
                    issue(
                        field, column: "unit_code",
                        BilingualText(vi: "Đơn vị \(draft.unitCode)", en: "The unit \(draft.unitCode)")))
            }
            if let parent = draft.parentCode, let id = organisations[parent], !scope.contains(organisation: id) {
                issues.append(
                    issue(
                        field, column: "parent_code",
                        BilingualText(vi: "Tổ chức cấp trên \(parent)", en: "The parent \(parent)")))
            }
        }
        for (index, member) in dataset.members.enumerated() {
            for code in [member.cellCode] + (member.temporaryCellCode.map { [$0] } ?? []) {
                if let id = organisations[code], !scope.contains(organisation: id) {
                    issues.append(
                        issue(
                            "cell_code", line: memberLines.flatMap { index < $0.count ? $0[index] : nil },
                            BilingualText(vi: "Chi bộ \(code)", en: "The cell \(code)")))
                }
            }
        }
        return issues
    }
}
