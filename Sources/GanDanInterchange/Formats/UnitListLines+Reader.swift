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
                return issue(
                    number, "code", vi: "phải là mã chính thức, chỉ gồm chữ số.",
                    en: "must be the official code, in digits")
            }
            guard let name = (object["name"] as? String).map(MemberValidation.normalisedName), !name.isEmpty else {
                return issue(number, "name", vi: "chưa có tên đơn vị.", en: "is missing")
            }
            let kindText = object["kind"] as? String ?? ""
            guard let kind = UnitKind(rawValue: kindText), kind.level == 1 || kind.level == 3 else {
                return issue(
                    number, "kind",
                    vi: "“\(kindText)” không phải tỉnh, xã, phường hay đặc khu của danh sách mới.",
                    en: "\"\(kindText)\" is not a province, commune, ward or special zone of the new list")
            }
            guard code.count == (kind == .province ? 2 : 5) else {
                let digits = kind == .province ? 2 : 5
                return issue(
                    number, "code", vi: "mã \(code) phải có \(digits) chữ số.",
                    en: "\(code) must have \(digits) digits for a \(kindText)")
            }
            if let first = lines[code] {
                return issue(
                    number, "code", vi: "mã \(code) có hai lần (lần đầu ở dòng \(first)).",
                    en: "\(code) is listed twice (first at line \(first))")
            }
            let parent = object["parent"] as? String
            if kind == .province {
                guard parent == nil else {
                    return issue(number, "parent", vi: "tỉnh không có đơn vị cấp trên.", en: "a province has no parent")
                }
                provinces.insert(code)
            } else {
                guard let parent else {
                    return issue(
                        number, "parent", vi: "phải ghi mã tỉnh.", en: "must name the province's code")
                }
                parents.append((parent, number))
                guard let from = predecessors(object["from"], line: number) else { return }
                if let fate = object["agency_cells"] {
                    guard let fate = (fate as? String).flatMap(AgencyCellFate.init(rawValue:)) else {
                        return issue(
                            number, "agency_cells",
                            vi: "chi bộ cơ quan chỉ có thể “merge” (hợp nhất) hoặc “dissolve” (giải thể).",
                            en: "must be \"merge\" or \"dissolve\"")
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
                issue(
                    line, "from", vi: "phải kê các đơn vị cũ hợp thành đơn vị này.",
                    en: "must list the old units this one was formed from")
                return nil
            }
            var result: [UnitPredecessor] = []
            for (index, entry) in entries.enumerated() {
                let field = "from[\(index)]"
                guard let entry = entry as? [String: Any], let code = entry["code"] as? String,
                    code.count == 5 || code.count == 3, code.allSatisfy({ $0.isASCII && $0.isNumber })
                else {
                    issue(
                        line, "\(field).code",
                        vi: "đơn vị cũ thứ \(index + 1) phải có mã chính thức (5 chữ số, huyện 3 chữ số).",
                        en: "must be the old unit's official code (5 digits, 3 for a district)")
                    return nil
                }
                guard let name = (entry["name"] as? String).map(MemberValidation.normalisedName), !name.isEmpty,
                    let kind = (entry["kind"] as? String).flatMap(UnitKind.init(rawValue:)), kind.level <= 3,
                    let whole = entry["whole"] as? Bool
                else {
                    issue(
                        line, field,
                        vi: "đơn vị cũ thứ \(index + 1) phải có tên, cấp và cho biết chuyển nguyên vẹn hay một phần.",
                        en: "must give the old unit's name, kind and whether it came whole (true/false)")
                    return nil
                }
                let villages = entry["villages"] as? [String] ?? []
                if whole && !villages.isEmpty {
                    issue(
                        line, "\(field).villages",
                        vi: "chỉ kê thôn khi đơn vị cũ thứ \(index + 1) chuyển một phần.",
                        en: "name villages only for a part of an old unit (whole: false)")
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
                found.append(
                    InputIssue(
                        line: line, field: "parent", vi: "\(code) không phải mã tỉnh có trong tệp.",
                        en: "\(code) is not a province of this file"))
            }
            for (code, at) in wholeAt where at.count > 1 {
                found.append(
                    InputIssue(
                        line: at[1], field: "from",
                        vi: "đơn vị cũ \(code) đã chuyển nguyên vẹn vào đơn vị ở dòng \(at[0]).",
                        en: "old unit \(code) went whole into the unit at line \(at[0]) already"))
            }
            return found.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        }

        mutating func issue(_ line: Int, _ field: String, vi: String, en: String) {
            issues.append(InputIssue(line: line, field: field, vi: vi, en: en))
        }
    }
}
