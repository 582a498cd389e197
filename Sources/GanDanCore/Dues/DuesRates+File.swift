import Foundation

extension DuesRates {
    /// The built-in tables with a province's dues file put over them: a table the file lists replaces the built-in
    /// one with its id, a new id is added, and no two tables may be in force on the same day. The form is
    /// `docs/dues-rates.example.json`; every problem names its field, and its line when it can.
    public static func read(json data: Data, over base: [DuesRates] = all) throws(InputError) -> [DuesRates] {
        try RuleFile.versions(DuesRatesFile.self, json: data, over: base)
    }
}

/// The dues file as written: snake_case keys, dates as text, percents as numbers, amounts in đồng.
struct DuesRatesFile: VersionedRuleFile {
    var duesRates: [Entry]
    var entries: [Entry] { duesRates }
    static let listKey = "dues_rates"
    static let what = "dues table"

    static func version(of entry: Entry, field: String, issues: inout RuleFileIssues) -> DuesRates? {
        entry.rates(field: field, issues: &issues)
    }
    static func id(of version: DuesRates) -> String { version.id }
    static func validity(of version: DuesRates) -> Validity { version.validity }

    enum CodingKeys: String, CodingKey {
        case duesRates = "dues_rates"
    }

    /// Every key the file may hold; `note` is free text for the reader, not read.
    static let shape: RuleFile.Shape = .object([
        "note": .value,
        "dues_rates": .array(
            .object([
                "id": .value, "decision": .value, "valid_from": .value, "valid_until": .value,
                "salaried_percent": .value, "pensioner_percent": .value, "other_monthly": .value,
                "unpaid_months_flag": .value,
            ])),
    ])

    struct Entry: Decodable {
        var id: String
        var decision: String
        var validFrom: String
        var validUntil: String?
        var salariedPercent: Double
        var pensionerPercent: Double
        var otherMonthly: Int
        var unpaidMonthsFlag: Int?

        enum CodingKeys: String, CodingKey {
            case id, decision
            case validFrom = "valid_from"
            case validUntil = "valid_until"
            case salariedPercent = "salaried_percent"
            case pensionerPercent = "pensioner_percent"
            case otherMonthly = "other_monthly"
            case unpaidMonthsFlag = "unpaid_months_flag"
        }
    }
}

extension DuesRatesFile.Entry {
    /// The table this entry describes, or nil with every problem recorded: shares between 0 and 100 %, a positive
    /// monthly amount, a flag after at least one month.
    func rates(field: String, issues: inout RuleFileIssues) -> DuesRates? {
        let before = issues.issues.count
        let key = id.trimmingCharacters(in: .whitespaces)
        if key.isEmpty { issues.add("\(field).id", literal: nil, "name the table, e.g. its decision's number") }
        if decision.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.add("\(field).decision", literal: nil, "name the decision that set the table")
        }
        let validity = issues.validity(from: validFrom, until: validUntil, field: field)
        for (name, percent) in [("salaried_percent", salariedPercent), ("pensioner_percent", pensionerPercent)]
        where !(percent > 0 && percent <= 100) {
            issues.add("\(field).\(name)", literal: "\(percent)", "\(percent) is not a percent above 0 and at most 100")
        }
        if otherMonthly <= 0 {
            issues.add("\(field).other_monthly", literal: "\(otherMonthly)", "a monthly amount is more than 0 đồng")
        }
        if let months = unpaidMonthsFlag, months < 1 {
            issues.add("\(field).unpaid_months_flag", literal: "\(months)", "flag after at least 1 month")
        }
        guard issues.issues.count == before, let validity else { return nil }
        return DuesRates(
            id: key, decision: decision.trimmingCharacters(in: .whitespaces), validity: validity,
            salariedPercent: salariedPercent, pensionerPercent: pensionerPercent, otherMonthly: otherMonthly,
            unpaidMonthsFlag: unpaidMonthsFlag ?? 3)
    }
}
