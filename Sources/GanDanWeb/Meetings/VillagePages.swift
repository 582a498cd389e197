import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// A village's registers: households with poverty status per year (rules.md R25), new-rural criteria (R24).
struct VillagePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.requiring(.read, unitsAre: .village)
        let write = routes.requiring(.write, unitsAre: .village)
        read.get("units", ":unit", "households", use: households).reading(.year, .format)
        write.post("units", ":unit", "households", use: addHousehold)
        write.post("households", ":household", "status", use: setStatus)
        read.get("units", ":unit", "criteria", use: criteria).reading(.year, .format)
        write.post("units", ":unit", "criteria", use: recordCriteria)
    }

    struct HouseholdLine: Encodable {
        var id: UUID
        var headName: String
        var size: Int?
        var status: String
        var standard: String?
        var openTasks: Int
        var choices: [Choice]
    }

    struct HouseholdsContext: Encodable {
        var page: PageContext
        var csrf: String
        var villageID: UUID
        var villageName: String
        var year: Int
        var previousYear: Int
        var nextYear: Int
        var counts: [String: Int]
        var standard: String?
        var households: [HouseholdLine]
        var statuses: [Choice]
        var mayWrite: Bool
        var error: String?
    }

    static func statusChoices(_ selected: HouseholdPovertyStatus?, _ language: Language) -> [Choice] {
        HouseholdPovertyStatus.allCases.map {
            Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == selected)
        }
    }

    @Sendable func households(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let context = try await householdsContext(req, error: nil, audit: format == nil)
        return try await req.exportOrRender(
            "households", context, format: format, list: "households", object: context.villageID,
            unit: context.villageID
        ) { Self.table($0, req) }
    }

    /// The household register's view model: a village's households and their status in a year (rules.md R25).
    func householdsContext(_ req: Request, error: String?, audit: Bool) async throws -> HouseholdsContext {
        let village = try req.resolved.village
        let id = village.id
        let year = try req.year()
        let language = req.language
        let list = try await req.householdRegister(.read).households(
            ofVillage: id, year: year)
        if audit { try await req.auditRead("households", id: id.uuidString, unit: id) }
        let count = PovertyCount(list.compactMap(\.status))
        let context = HouseholdsContext(
            page: PageContext(
                req, title: "\(Labels.text("householdRegister", req)) · \(village.title(in: language))",
                exportable: true),
            csrf: req.csrfToken, villageID: id, villageName: village.title(in: language), year: year,
            previousYear: year - 1, nextYear: year + 1,
            counts: ["poor": count.poor, "nearPoor": count.nearPoor, "escaped": count.escaped, "total": list.count],
            standard: PovertyStandard.inForce(year: year, in: req.povertyStandards)?.id,
            households: list.map {
                HouseholdLine(
                    id: $0.id, headName: $0.headName, size: $0.size, status: $0.status?.label.text(in: language) ?? "—",
                    standard: $0.standardID, openTasks: $0.openTasks, choices: Self.statusChoices($0.status, language))
            }, statuses: Self.statusChoices(.poor, language), mayWrite: try await req.allows(.write),
            error: error)
        return context
    }

    struct HouseholdForm: Content {
        var headName: String
        var size: String?
        var status: String
        var year: Int
        /// The survey, both or neither (rules.md R25).
        var income: String?
        var deprivations: String?

        /// The survey when both numbers are given; a number that is not one, or one without the other, is an issue.
        func survey(_ req: Request) -> (HouseholdSurvey?, [InputIssue]) {
            let income = self.income.flatMap { $0.isEmpty ? nil : $0 }
            let deprivations = self.deprivations.flatMap { $0.isEmpty ? nil : $0 }
            guard income != nil || deprivations != nil else { return (nil, []) }
            var issues: [InputIssue] = []
            let incomeValue = income.flatMap { Int($0.filter { $0 != "." && $0 != "," && $0 != " " }) }
            let deprivationValue = deprivations.flatMap { Int($0) }
            if incomeValue == nil {
                issues.append(
                    InputIssue.unreadable(field: "householdIncome", value: income ?? ""))
            }
            if deprivationValue == nil {
                issues.append(
                    InputIssue.unreadable(field: "householdDeprivations", value: deprivations ?? ""))
            }
            guard let incomeValue, let deprivationValue else { return (nil, issues) }
            return (HouseholdSurvey(income: incomeValue, deprivations: deprivationValue), [])
        }
    }

    @Sendable func addHousehold(req: Request) async throws -> Response {
        let id = try req.resolved.village.id
        let form = try req.content.decode(HouseholdForm.self)
        let size = form.size.flatMap { $0.isEmpty ? nil : Int($0) }
        guard let status = HouseholdPovertyStatus(rawValue: form.status), form.size?.isEmpty != false || size != nil
        else {
            return try await failedHouseholds(
                req, [InputIssue.unreadable(field: "householdSize", value: form.size ?? "")])
        }
        let (survey, surveyIssues) = form.survey(req)
        guard surveyIssues.isEmpty else { return try await failedHouseholds(req, surveyIssues) }
        do {
            _ = try await req.householdRegister(.write).add(
                HouseholdDraft(headName: form.headName, size: size, year: form.year, status: status, survey: survey),
                village: id, actor: try await req.actor())
        } catch let error as InputError {
            return try await failedHouseholds(req, error.issues)
        }
        return req.redirect(to: "/units/\(id)/households?year=\(form.year)")
    }

    /// The household register again with what to fix.
    func failedHouseholds(_ req: Request, _ issues: [InputIssue]) async throws -> Response {
        try await req.renderForm(
            "households", try await householdsContext(req, error: nil, audit: true), issues: issues)
    }

    struct StatusForm: Content {
        var status: String
        var year: Int
    }

    @Sendable func setStatus(req: Request) async throws -> Response {
        let household = try req.resolved.household
        let id = try req.resolved.householdID
        let form = try req.content.decode(StatusForm.self)
        guard let status = HouseholdPovertyStatus(rawValue: form.status) else {
            throw Abort(.badRequest, reason: "status must be one of poor, nearPoor, escaped, notPoor")
        }
        try await req.householdRegister(.write).setStatus(
            id, year: form.year, status: status, actor: try await req.actor())
        return req.redirect(to: "/units/\(household.villageID)/households?year=\(form.year)")
    }

    struct CriterionLine: Encodable {
        var number: Int
        var name: String
        var environment: Bool
        var met: Bool
        var assessed: Bool
        var tasks: Int
    }

    struct CriteriaContext: Encodable {
        var page: PageContext
        var csrf: String
        var villageID: UUID
        var villageName: String
        var year: Int
        var previousYear: Int
        var nextYear: Int
        var setID: String?
        var decision: String?
        var namesOfficial: Bool
        var metCount: Int
        var total: Int
        var criteria: [CriterionLine]
        var mayWrite: Bool
    }

    @Sendable func criteria(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let context = try await criteriaContext(req)
        return try await req.exportOrRender(
            "criteria", context, format: format, list: "criteria", object: context.villageID, unit: context.villageID
        ) { Self.table($0, req) }
    }

    /// The new-rural criteria page's view model: the set in force for the year and which criteria are met (R24).
    func criteriaContext(_ req: Request) async throws -> CriteriaContext {
        let village = try req.resolved.village
        let id = village.id
        let year = try req.year()
        let language = req.language
        let report = try await req.villageCriteria(.read).report(
            village: id, year: year)
        let context = CriteriaContext(
            page: PageContext(
                req, title: "\(Labels.text("criteria", req)) · \(village.title(in: language))", exportable: true),
            csrf: req.csrfToken, villageID: id, villageName: village.title(in: language), year: year,
            previousYear: year - 1, nextYear: year + 1, setID: report?.set.id, decision: report?.set.decision,
            namesOfficial: report?.set.namesAreOfficial ?? true, metCount: report?.metCount ?? 0,
            total: report?.criteria.count ?? 0,
            criteria: (report?.criteria ?? []).map {
                CriterionLine(
                    number: $0.number, name: $0.name.text(in: language), environment: $0.isEnvironment,
                    met: $0.met == true, assessed: $0.met != nil, tasks: $0.tasks)
            }, mayWrite: try await req.allows(.write) && report != nil)
        return context
    }

    struct CriteriaForm: Content {
        var year: Int
        /// Criterion number → "on" for each ticked box.
        var met: [String: String]?
    }

    @Sendable func recordCriteria(req: Request) async throws -> Response {
        let id = try req.resolved.village.id
        let form = try req.content.decode(CriteriaForm.self)
        guard let set = VillageCriteria.set(for: form.year, in: req.criteriaSets) else {
            throw Abort(.badRequest, reason: "no new-rural criteria set covers \(form.year)")
        }
        let ticked = Set((form.met ?? [:]).keys.compactMap(Int.init))
        var met: [Int: Bool] = [:]
        for criterion in set.criteria { met[criterion.number] = ticked.contains(criterion.number) }
        try await req.villageCriteria(.write).record(
            village: id, year: form.year, met: met, actor: try await req.actor())
        return req.redirect(to: "/units/\(id)/criteria?year=\(form.year)")
    }
}
