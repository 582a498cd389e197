import Foundation

extension RuralCriteriaSet {
    /// The built-in sets with a province's criteria-sets file put over them (rules.md R24): a set the file lists
    /// replaces the built-in set with its id, a new id is added, and no two sets may be in force on the same day.
    /// The form is `docs/criteria-sets.example.json`; every problem names its field, and its line when it can.
    public static func read(json data: Data, over base: [RuralCriteriaSet] = all) throws(InputError)
        -> [RuralCriteriaSet]
    {
        try RuleFile.versions(CriteriaSetFile.self, json: data, over: base)
    }
}

/// The criteria-sets file as written: snake_case keys, dates as text, each criterion with its number and names.
struct CriteriaSetFile: VersionedRuleFile {
    var criteriaSets: [Entry]
    var entries: [Entry] { criteriaSets }
    static let listKey = "criteria_sets"
    static let what = "criteria set"

    static func version(of entry: Entry, field: String, issues: inout RuleFileIssues) -> RuralCriteriaSet? {
        entry.set(field: field, issues: &issues)
    }
    static func id(of version: RuralCriteriaSet) -> String { version.id }
    static func validity(of version: RuralCriteriaSet) -> Validity { version.validity }

    enum CodingKeys: String, CodingKey {
        case criteriaSets = "criteria_sets"
    }

    /// Every key the file may hold; `note` is free text for the reader, not read.
    static let shape = RuleFile.Shape.object([
        "note": .value,
        "criteria_sets": .array(
            .object([
                "id": .value, "decision": .value, "valid_from": .value, "valid_until": .value,
                "environment_number": .value, "indicator_count": .value, "commune_group_count": .value,
                "names_are_official": .value,
                "criteria": .array(.object(["number": .value, "vi": .value, "en": .value])),
            ])),
    ])

    struct Entry: Decodable {
        var id: String
        var decision: String
        var validFrom: String
        var validUntil: String?
        var environmentNumber: Int
        var indicatorCount: Int?
        var communeGroupCount: Int?
        var namesAreOfficial: Bool?
        var criteria: [Criterion]

        enum CodingKeys: String, CodingKey {
            case id, decision, criteria
            case validFrom = "valid_from"
            case validUntil = "valid_until"
            case environmentNumber = "environment_number"
            case indicatorCount = "indicator_count"
            case communeGroupCount = "commune_group_count"
            case namesAreOfficial = "names_are_official"
        }
    }

    struct Criterion: Decodable {
        var number: Int
        var vi: String
        var en: String
    }
}

extension CriteriaSetFile.Entry {
    /// The set this entry describes, or nil with every problem recorded: criteria numbered 1, 2, 3… in order, each
    /// named in both languages, the environment criterion among them, positive counts (rules.md R24).
    func set(field: String, issues: inout RuleFileIssues) -> RuralCriteriaSet? {
        let before = issues.issues.count
        let key = id.trimmingCharacters(in: .whitespaces)
        if key.isEmpty { issues.add("\(field).id", literal: nil, "name the set, e.g. its period \"2026-2030\"") }
        if decision.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.add("\(field).decision", literal: nil, "name the decision that issued the set")
        }
        let validity = issues.validity(from: validFrom, until: validUntil, field: field)
        if criteria.isEmpty { issues.add("\(field).criteria", literal: nil, "lists no criterion") }
        var criteria: [RuralCriterion] = []
        for (index, entry) in self.criteria.enumerated() {
            let place = "\(field).criteria[\(index)]"
            if entry.number != index + 1 {
                issues.add(
                    "\(place).number", literal: nil,
                    "is \(entry.number); number the criteria 1, 2, 3… in order (this is number \(index + 1))")
            }
            for (language, text) in [("vi", entry.vi), ("en", entry.en)]
            where text.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.add("\(place).\(language)", literal: nil, "name criterion \(entry.number) in \(language)")
            }
            criteria.append(
                RuralCriterion(
                    number: entry.number,
                    name: BilingualText(
                        vi: entry.vi.trimmingCharacters(in: .whitespaces),
                        en: entry.en.trimmingCharacters(in: .whitespaces))))
        }
        if !criteria.isEmpty, !(1...criteria.count).contains(environmentNumber) {
            issues.add(
                "\(field).environment_number", literal: "\(environmentNumber)",
                "\(environmentNumber) is not one of the set's criteria 1–\(criteria.count)")
        }
        for (name, count) in [("indicator_count", indicatorCount), ("commune_group_count", communeGroupCount)] {
            if let count, count < 1 { issues.add("\(field).\(name)", literal: nil, "must be at least 1") }
        }
        guard issues.issues.count == before, let validity else { return nil }
        return RuralCriteriaSet(
            id: key, decision: decision.trimmingCharacters(in: .whitespaces), validity: validity, criteria: criteria,
            environmentNumber: environmentNumber, indicatorCount: indicatorCount,
            communeGroupCount: communeGroupCount, namesAreOfficial: namesAreOfficial ?? true)
    }
}
