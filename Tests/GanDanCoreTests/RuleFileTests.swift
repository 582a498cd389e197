import Foundation
import Testing

@testable import GanDanCore

/// A province updates criteria sets and poverty standards with a file, without a release; the built-in versions stay
/// the defaults (rules.md R24, R25).
@Suite("Criteria-set and poverty-standard files over the built-in versions (rules.md R24, R25)")
struct RuleFileTests {
    static func example(_ name: String) throws -> Data {
        try Data(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("docs/\(name)"))
    }

    static func criteriaIssues(_ text: String) -> [InputIssue] {
        do {
            _ = try RuralCriteriaSet.read(json: Data(text.utf8))
            return []
        } catch {
            return error.issues
        }
    }

    static func standardIssues(_ text: String) -> [InputIssue] {
        do {
            _ = try PovertyStandard.read(json: Data(text.utf8))
            return []
        } catch {
            return error.issues
        }
    }

    @Test("R24: the documented criteria-sets example reads as the built-in 2026–2030 set, so nothing changes")
    func criteriaExample() throws {
        let sets = try RuralCriteriaSet.read(json: Self.example("criteria-sets.example.json"))
        #expect(sets == RuralCriteriaSet.all)
    }

    @Test("R25: the documented poverty-standards example reads as the built-in 2027–2030 standard")
    func standardsExample() throws {
        let standards = try PovertyStandard.read(json: Self.example("poverty-standards.example.json"))
        #expect(standards == PovertyStandard.all)
    }

    @Test(
        "R24: a province's file replaces a set by its id and adds a new one; the set in force follows the file's dates")
    func criteriaReplaceAndAdd() throws {
        let text = """
            {
              "criteria_sets": [
                {"id": "2026-2030", "decision": "51/2025/QĐ-TTg", "valid_from": "2026-02-15", "valid_until": "2031-01-01",
                 "environment_number": 2,
                 "criteria": [{"number": 1, "vi": "Quy hoạch", "en": "Planning"},
                              {"number": 2, "vi": "Môi trường", "en": "Environment"}]},
                {"id": "2031-2035", "decision": "QĐ thử", "valid_from": "2031-01-01",
                 "environment_number": 1, "criteria": [{"number": 1, "vi": "Môi trường", "en": "Environment"}]}
              ]
            }
            """
        let sets = try RuralCriteriaSet.read(json: Data(text.utf8))
        #expect(sets.map(\.id) == ["2016-2020", "2021-2025", "2026-2030", "2031-2035"])
        #expect(RuralCriteriaSet.inForce(year: 2027, in: sets)?.environmentCriterion?.number == 2)
        #expect(RuralCriteriaSet.inForce(year: 2040, in: sets)?.id == "2031-2035")
        #expect(RuralCriteriaSet.inForce(year: 2040) == nil)
    }

    @Test(
        "R24: a bad criteria-sets file is refused, every problem named by its field and, where it shows once, its line"
    )
    func criteriaProblems() {
        let text = """
            {
              "criteria_sets": [
                {"id": "2026-2030", "decision": "51/2025/QĐ-TTg", "valid_from": "2026-02-30",
                 "environment_number": 12,
                 "criteria": [{"number": 1, "vi": "Quy hoạch", "en": "Planning"},
                              {"number": 3, "vi": "", "en": "Environment"}]}
              ]
            }
            """
        let issues = Self.criteriaIssues(text)
        let byField = Dictionary(issues.map { ($0.field ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byField["criteria_sets[0].valid_from"]?.message == "\"2026-02-30\" is not a date written YYYY-MM-DD")
        #expect(byField["criteria_sets[0].valid_from"]?.line == 3)
        #expect(byField["criteria_sets[0].environment_number"]?.line == 4)
        #expect(byField["criteria_sets[0].criteria[1].number"]?.message.contains("1, 2, 3") == true)
        #expect(byField["criteria_sets[0].criteria[1].vi"] != nil)
        #expect(issues.count == 4)
    }

    @Test("R24: a set overlapping a built-in one, a misspelt key, a missing field or broken JSON are refused by name")
    func criteriaRefusals() {
        let overlap = """
            {"criteria_sets": [{"id": "2025-2030", "decision": "x", "valid_from": "2025-01-01",
              "environment_number": 1, "criteria": [{"number": 1, "vi": "Môi trường", "en": "Environment"}]}]}
            """
        let overlapIssues = Self.criteriaIssues(overlap)
        #expect(overlapIssues.map(\.field) == ["criteria_sets[0].valid_from", "criteria_sets[0].valid_from"])
        #expect(overlapIssues.first?.message.contains("the built-in criteria set 2021-2025") == true)
        let misspelt = """
            {"criteria_sets": [{"id": "2026-2030", "decision": "x", "valid_from": "2026-02-15",
              "valid_untill": "2031-01-01", "environment_number": 1,
              "criteria": [{"number": 1, "vi": "Môi trường", "en": "Environment"}]}]}
            """
        let unknown = Self.criteriaIssues(misspelt)
        #expect(unknown.map(\.field) == ["criteria_sets[0].valid_untill"])
        #expect(unknown.first?.line == 2)
        let missing = """
            {"criteria_sets": [{"id": "2026-2030", "decision": "x", "valid_from": "2026-02-15", "environment_number": 1}]}
            """
        #expect(Self.criteriaIssues(missing).first?.message == "criteria_sets[0].criteria: missing")
        let broken = "{\n  \"criteria_sets\": [,]\n}"
        #expect(Self.criteriaIssues(broken).first?.message.contains("line 2") == true)
        #expect(Self.criteriaIssues(#"{"criteria_sets": []}"#).first?.field == "criteria_sets")
    }

    @Test("R25: a poverty-standards file sets a province's own lines, and the classification follows them")
    func standardsReplace() throws {
        let text = """
            {"poverty_standards": [{"id": "2027-2030", "decision": "NĐ thử", "valid_from": "2027-01-01",
              "valid_until": "2031-01-01", "rural": {"with_deprivations_at_most": 2500000},
              "urban": {"with_deprivations_at_most": 3000000}, "deprivation_threshold": 3, "indicator_count": 12}]}
            """
        let standards = try PovertyStandard.read(json: Data(text.utf8))
        let standard = try #require(PovertyStandard.inForce(year: 2028, in: standards))
        #expect(standard.decision == "NĐ thử")
        #expect(standard.classify(PovertyAssessment(income: 2_400_000, deprivations: 3)) == .poor)
        #expect(
            PovertyStandard.period2027to2030.classify(PovertyAssessment(income: 2_400_000, deprivations: 3)) == .notPoor
        )
        #expect(PovertyStandard.inForce(year: 2019, in: standards) == PovertyStandard.period2016to2020)
    }

    @Test(
        "R25: a poverty-standards file with impossible lines or a threshold beyond its indicators is refused by field")
    func standardsProblems() {
        let text = """
            {"poverty_standards": [{"id": "2027-2030", "decision": "x", "valid_from": "2027-01-01",
              "rural": {"poor_on_income_at_most": 2500000, "with_deprivations_at_most": 2200000},
              "urban": {"with_deprivations_at_most": 0}, "deprivation_threshold": 13, "indicator_count": 12}]}
            """
        let fields = Self.standardIssues(text).map(\.field)
        #expect(
            fields == [
                "poverty_standards[0].rural.poor_on_income_at_most",
                "poverty_standards[0].urban.with_deprivations_at_most",
                "poverty_standards[0].deprivation_threshold",
            ])
        #expect(Self.standardIssues(text).first?.line == 2)
    }
}
