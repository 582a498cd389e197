import Foundation
import GanDanCore

extension UnitListLines {
    /// Reads the unit lines one by one, collecting units, successions and issues.
    struct Reader {
        let date: CivilDate
        var units: [UnitDraft] = []
        var successions: [UnitSuccession] = []
        var lines: [String: Int] = [:]
        var agencyCells: [String: AgencyCellFate] = [:]
        var issues: [InputIssue] = []
        /// Provinces by code, and each commune's parent with its line, for the checks across lines.
        var provinces: Set<String> = []
        var parents: [(code: String, line: Int)] = []
        /// The lines at which each old unit went whole into a new one.
        var wholeAt: [String: [Int]] = [:]

        init(date: CivilDate) { self.date = date }

        mutating func read(_ line: String, number: Int) {
            guard let object = UnitListLines.object(line, number: number, issues: &issues) else { return }
            guard let code = object["code"] as? String, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return issue(number, "code", "must be the official code, in digits")
            }
            guard let name = (object["name"] as? String).map(MemberValidation.normalisedName), !name.isEmpty else {
                return issue(number, "name", "is missing")
            }
            let kindText = object["kind"] as? String ?? ""
            guard let kind = UnitKind(rawValue: kindText), kind.level == 1 || kind.level == 3 else {
                return issue(
                    number, "kind", "\"\(kindText)\" is not a province, commune, ward or special zone of the new list")
            }
            guard code.count == (kind == .province ? 2 : 5) else {
                return issue(number, "code", "\(code) must have \(kind == .province ? 2 : 5) digits for a \(kindText)")
            }
            if let first = lines[code] {
                return issue(number, "code", "\(code) is listed twice (first at line \(first))")
            }
            let parent = object["parent"] as? String
            if kind == .province {
                guard parent == nil else { return issue(number, "parent", "a province has no parent") }
                provinces.insert(code)
            } else {
                guard let parent else { return issue(number, "parent", "must name the province's code") }
                parents.append((parent, number))
                guard let from = predecessors(object["from"], line: number) else { return }
                if let fate = object["agency_cells"] {
                    guard let fate = (fate as? String).flatMap(AgencyCellFate.init(rawValue:)) else {
                        return issue(number, "agency_cells", "must be \"merge\" or \"dissolve\"")
                    }
                    agencyCells[code] = fate
                }
                successions.append(UnitSuccession(code: code, name: name, date: date, predecessors: from))
            }
            lines[code] = number
            units.append(
                UnitDraft(code: code, kind: kind, name: name, parentCode: parent, validity: Validity(from: date)))
        }

        /// The `from` array: the old units, whole or in part, each with its code, name and kind.
        mutating func predecessors(_ value: Any?, line: Int) -> [UnitPredecessor]? {
            guard let entries = value as? [Any], !entries.isEmpty else {
                issue(line, "from", "must list the old units this one was formed from")
                return nil
            }
            var result: [UnitPredecessor] = []
            for (index, entry) in entries.enumerated() {
                let field = "from[\(index)]"
                guard let entry = entry as? [String: Any], let code = entry["code"] as? String,
                    code.count == 5 || code.count == 3, code.allSatisfy({ $0.isASCII && $0.isNumber })
                else {
                    issue(line, "\(field).code", "must be the old unit's official code (5 digits, 3 for a district)")
                    return nil
                }
                guard let name = (entry["name"] as? String).map(MemberValidation.normalisedName), !name.isEmpty,
                    let kind = (entry["kind"] as? String).flatMap(UnitKind.init(rawValue:)), kind.level <= 3,
                    let whole = entry["whole"] as? Bool
                else {
                    issue(line, field, "must give the old unit's name, kind and whether it came whole (true/false)")
                    return nil
                }
                let villages = entry["villages"] as? [String] ?? []
                if whole && !villages.isEmpty {
                    issue(line, "\(field).villages", "name villages only for a part of an old unit (whole: false)")
                    return nil
                }
                if whole { wholeAt[code, default: []].append(line) }
                result.append(UnitPredecessor(code: code, name: name, kind: kind, whole: whole, villages: villages))
            }
            return result.sorted { $0.code < $1.code }
        }

        /// Parents that are not provinces of the file, and old units said to go whole into two new ones.
        func crossIssues() -> [InputIssue] {
            var found: [InputIssue] = []
            for (code, line) in parents where !provinces.contains(code) {
                found.append(InputIssue(line: line, field: "parent", message: "\(code) is not a province of this file"))
            }
            for (code, at) in wholeAt where at.count > 1 {
                found.append(
                    InputIssue(
                        line: at[1], field: "from",
                        message: "old unit \(code) went whole into the unit at line \(at[0]) already"))
            }
            return found.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        }

        mutating func issue(_ line: Int, _ field: String, _ message: String) {
            issues.append(InputIssue(line: line, field: field, message: message))
        }
    }
}
