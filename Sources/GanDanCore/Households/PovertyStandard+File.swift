import Foundation

extension PovertyStandard {
    /// The built-in standards with a province's poverty-standards file put over them (rules.md R25): a standard the
    /// file lists replaces the built-in one with its id, a new id is added, and no two standards may be in force on
    /// the same day. The form is `docs/poverty-standards.example.json`; every problem names its field, and its line
    /// when it can.
    public static func read(json data: Data, over base: [PovertyStandard] = all) throws(InputError)
        -> [PovertyStandard]
    {
        try RuleFile.versions(PovertyStandardFile.self, json: data, over: base)
    }
}

/// The poverty-standards file as written: snake_case keys, dates as text, income lines in VND a person a month.
struct PovertyStandardFile: VersionedRuleFile {
    var povertyStandards: [Entry]
    var entries: [Entry] { povertyStandards }
    static let listKey = "poverty_standards"
    static let what = "poverty standard"

    static func version(of entry: Entry, field: String, issues: inout RuleFileIssues) -> PovertyStandard? {
        entry.standard(field: field, issues: &issues)
    }
    static func id(of version: PovertyStandard) -> String { version.id }
    static func validity(of version: PovertyStandard) -> Validity { version.validity }

    enum CodingKeys: String, CodingKey {
        case povertyStandards = "poverty_standards"
    }

    /// Every key the file may hold; `note` is free text for the reader, not read.
    static let shape: RuleFile.Shape = {
        let lines = RuleFile.Shape.object(["poor_on_income_at_most": .value, "with_deprivations_at_most": .value])
        return .object([
            "note": .value,
            "poverty_standards": .array(
                .object([
                    "id": .value, "decision": .value, "valid_from": .value, "valid_until": .value, "rural": lines,
                    "urban": lines, "deprivation_threshold": .value, "indicator_count": .value,
                ])),
        ])
    }()

    struct Entry: Decodable {
        var id: String
        var decision: String
        var validFrom: String
        var validUntil: String?
        var rural: Lines
        var urban: Lines
        var deprivationThreshold: Int
        var indicatorCount: Int

        enum CodingKeys: String, CodingKey {
            case id, decision, rural, urban
            case validFrom = "valid_from"
            case validUntil = "valid_until"
            case deprivationThreshold = "deprivation_threshold"
            case indicatorCount = "indicator_count"
        }
    }

    struct Lines: Decodable {
        var poorOnIncomeAtMost: Int?
        var withDeprivationsAtMost: Int

        enum CodingKeys: String, CodingKey {
            case poorOnIncomeAtMost = "poor_on_income_at_most"
            case withDeprivationsAtMost = "with_deprivations_at_most"
        }
    }
}

extension PovertyStandardFile.Entry {
    /// The standard this entry describes, or nil with every problem recorded: positive lines, the income-only line
    /// below the deprivation line, a threshold between 1 and the number of indicators (rules.md R25).
    func standard(field: String, issues: inout RuleFileIssues) -> PovertyStandard? {
        let before = issues.issues.count
        let key = id.trimmingCharacters(in: .whitespaces)
        if key.isEmpty { issues.add("\(field).id", literal: nil, "name the standard, e.g. its period \"2027-2030\"") }
        if decision.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.add("\(field).decision", literal: nil, "name the decree or decision that set the standard")
        }
        let validity = issues.validity(from: validFrom, until: validUntil, field: field)
        for (area, lines) in [("rural", rural), ("urban", urban)] {
            let place = "\(field).\(area)"
            if lines.withDeprivationsAtMost <= 0 {
                issues.add(
                    "\(place).with_deprivations_at_most", literal: "\(lines.withDeprivationsAtMost)",
                    "an income line is more than 0 VND")
            }
            if let line = lines.poorOnIncomeAtMost, line <= 0 || line >= lines.withDeprivationsAtMost {
                issues.add(
                    "\(place).poor_on_income_at_most", literal: "\(line)",
                    "\(line) must be more than 0 and below with_deprivations_at_most (\(lines.withDeprivationsAtMost))"
                )
            }
        }
        if indicatorCount < 1 {
            issues.add("\(field).indicator_count", literal: nil, "the standard measures at least one indicator")
        } else if !(1...indicatorCount).contains(deprivationThreshold) {
            issues.add(
                "\(field).deprivation_threshold", literal: nil,
                "\(deprivationThreshold) is not between 1 and the \(indicatorCount) indicators")
        }
        guard issues.issues.count == before, let validity else { return nil }
        return PovertyStandard(
            id: key, decision: decision.trimmingCharacters(in: .whitespaces), validity: validity,
            rural: PovertyIncomeLines(
                poorOnIncome: rural.poorOnIncomeAtMost, withDeprivations: rural.withDeprivationsAtMost),
            urban: PovertyIncomeLines(
                poorOnIncome: urban.poorOnIncomeAtMost, withDeprivations: urban.withDeprivationsAtMost),
            deprivationThreshold: deprivationThreshold, indicatorCount: indicatorCount)
    }
}
