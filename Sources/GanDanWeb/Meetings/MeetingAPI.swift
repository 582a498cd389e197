import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension MeetingSummary: Content {}
extension CommitteeAssignmentView: Content {}
extension MeetingDetail: Content {}
extension TaskView: Content {}
extension AbsenceFlagView: Content {}
extension QualityPoint: Content {}
extension HouseholdView: Content {}
extension VillageCriteriaReport: Content {}
extension ThematicPlan: Content {}

/// JSON for village-cell life: meetings and minutes, tasks, absence flags, quality, thematic plans (issue 6).
struct MeetingAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        let read = api.requiring(.read)
        let write = api.requiring(.write)
        read.get("cells", ":cell", "meetings", use: meetings).reading(.fromDate, .untilDate)
        write.post("cells", ":cell", "meetings", use: plan)
        read.get("meetings", ":meeting", use: detail).reading(.version)
        write.put("meetings", ":meeting", "minutes", use: minutes)
        write.post("meetings", ":meeting", "cancel", use: cancel)
        write.put("meetings", ":meeting", "notice", use: notice)
        read.get("cells", ":cell", "tasks", use: tasks).reading(.openOnly)
        read.get("cells", ":cell", "absence-flags", use: absenceFlags).reading(.year)
        read.get("cells", ":cell", "quality", use: quality).reading(.fromDate, .untilDate)
        read.get("cells", ":cell", "thematic-plans", ":year", use: thematicPlan)
        write.put("cells", ":cell", "thematic-plans", ":year", use: saveThematicPlan)
    }

    @Sendable func meetings(req: Request) async throws -> [MeetingSummary] {
        let id = try req.resolved.cell.id
        return try await req.meetings().meetings(
            of: id, from: try req.queryDate(.fromDate), until: try req.queryDate(.untilDate))
    }

    @Sendable func plan(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let meetings = try await req.meetings(.write)
        let draft = try req.content.decode(MeetingPlanDraft.self)
        let summary = try await meetings.plan(cellID: id, draft, actor: try await req.actor())
        let response = try await summary.encodeResponse(for: req)
        response.status = .created
        return response
    }

    @Sendable func detail(req: Request) async throws -> MeetingDetail {
        let id = try req.resolved.meetingID
        let version = try req.queryText(.version) == nil ? nil : req.queryNumber(.version, default: 1)
        guard let detail = try await req.meetings().detail(id, version: version) else {
            throw Abort(.notFound, reason: "no meeting is at this address")
        }
        try await req.auditRead(
            "meeting", id: id.uuidString, unit: try req.resolved.meetingHolder.unitID)
        return detail
    }

    /// Records the minutes (first version) or a correction (a new version with its reason, rules.md R10).
    @Sendable func minutes(req: Request) async throws -> MeetingDetail {
        let id = try req.resolved.meetingID
        let meetings = try await req.meetings(.write)
        let entry = try req.content.decode(MinutesEntry.self)
        try await meetings.recordMinutes(id, entry, actor: try await req.actor())
        guard let detail = try await meetings.detail(id) else { throw Abort(.notFound) }
        return detail
    }

    /// Records who was told of a planned meeting and how, replacing the list before (rules.md R11).
    @Sendable func notice(req: Request) async throws -> MeetingDetail {
        let id = try req.resolved.meetingID
        let meetings = try await req.meetings(.write)
        let draft = try req.content.decode(MeetingNoticeDraft.self)
        try await meetings.recordNotice(id, draft, actor: try await req.actor())
        guard let detail = try await meetings.detail(id) else { throw Abort(.notFound) }
        return detail
    }

    @Sendable func cancel(req: Request) async throws -> MeetingSummary {
        let id = try req.resolved.meetingID
        let meetings = try await req.meetings(.write)
        try await meetings.cancel(id, actor: try await req.actor())
        guard let detail = try await meetings.detail(id) else { throw Abort(.notFound) }
        return detail.meeting
    }

    @Sendable func tasks(req: Request) async throws -> [TaskView] {
        let cell = try req.resolved.cell
        let id = cell.id
        try await req.auditRead("tasks", id: id.uuidString, unit: cell.unitID)
        let openOnly = try req.queryFlag(.openOnly)
        return try await req.meetings().tasks(of: id, openOnly: openOnly)
    }

    @Sendable func absenceFlags(req: Request) async throws -> [AbsenceFlagView] {
        let cell = try req.resolved.cell
        let id = cell.id
        try await req.auditRead("absence_flags", id: id.uuidString, unit: cell.unitID)
        return try await req.meetings().absenceFlags(of: id, year: try req.year())
    }

    @Sendable func quality(req: Request) async throws -> [QualityPoint] {
        let id = try req.resolved.cell.id
        let until = try req.queryDate(.untilDate) ?? req.asOfDate().adding(days: 1)
        let from = try req.queryDate(.fromDate) ?? until.adding(months: -24)
        return try await req.meetings().qualityTrend(of: id, from: from, until: until)
    }

    @Sendable func thematicPlan(req: Request) async throws -> ThematicPlan {
        let id = try req.resolved.cell.id
        let year = try req.year()
        return try await req.meetings().thematicPlan(of: id, year: year) ?? ThematicPlan(year: year, topics: [])
    }

    struct PlanInput: Content {
        var topics: [ThematicTopic]
    }

    struct SavedPlan: Content {
        var plan: ThematicPlan
        var warnings: [String]
    }

    /// Replaces a year's thematic plan; quarters left without a topic come back as warnings (rules.md R9).
    @Sendable func saveThematicPlan(req: Request) async throws -> SavedPlan {
        let id = try req.resolved.cell.id
        let meetings = try await req.meetings(.write)
        let year = try req.year()
        let input = try req.content.decode(PlanInput.self)
        let plan = ThematicPlan(year: year, topics: input.topics)
        let warnings = try await meetings.saveThematicPlan(of: id, plan, actor: try await req.actor())
        return SavedPlan(plan: plan, warnings: warnings)
    }
}

/// JSON for village registers: households with poverty status per year, new-rural criteria per year.
struct VillageAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        let read = api.requiring(.read, unitsAre: .village)
        let write = api.requiring(.write, unitsAre: .village)
        read.get("units", ":unit", "households", use: households).reading(.year)
        write.post("units", ":unit", "households", use: addHousehold)
        write.put("households", ":household", "statuses", ":year", use: setStatus)
        read.get("units", ":unit", "criteria", ":year", use: criteria)
        write.put("units", ":unit", "criteria", ":year", use: recordCriteria)
    }

    @Sendable func households(req: Request) async throws -> [HouseholdView] {
        let id = try req.resolved.village.id
        try await req.auditRead("households", id: id.uuidString, unit: id)
        return try await req.householdRegister(.read).households(
            ofVillage: id, year: try req.year())
    }

    @Sendable func addHousehold(req: Request) async throws -> Response {
        let id = try req.resolved.village.id
        let draft = try req.content.decode(HouseholdDraft.self)
        let view = try await req.householdRegister(.write).add(
            draft, village: id, actor: try await req.actor())
        let response = try await view.encodeResponse(for: req)
        response.status = .created
        return response
    }

    struct StatusInput: Content {
        var status: HouseholdPovertyStatus
        /// The survey the status rests on (rules.md R25).
        var survey: HouseholdSurvey?
    }

    @Sendable func setStatus(req: Request) async throws -> HouseholdView {
        let household = try req.resolved.household
        let id = try req.resolved.householdID
        let year = try req.year()
        let input = try req.content.decode(StatusInput.self)
        let register = try await req.householdRegister(.write)
        try await register.setStatus(
            id, year: year, status: input.status, survey: input.survey, actor: try await req.actor())
        guard
            let view = try await register.households(ofVillage: household.villageID, year: year).first(where: {
                $0.id == id
            })
        else { throw Abort(.notFound) }
        return view
    }

    @Sendable func criteria(req: Request) async throws -> VillageCriteriaReport {
        let id = try req.resolved.village.id
        let year = try req.year()
        guard
            let report = try await req.villageCriteria(.read).report(
                village: id, year: year)
        else { throw Abort(.notFound, reason: "no new-rural criteria set covers \(year)") }
        return report
    }

    struct CriteriaInput: Content {
        /// Criterion number (as text) → met.
        var met: [String: Bool]
        var notes: [String: String]?
    }

    @Sendable func recordCriteria(req: Request) async throws -> VillageCriteriaReport {
        let id = try req.resolved.village.id
        let year = try req.year()
        let input = try req.content.decode(CriteriaInput.self)
        var met: [Int: Bool] = [:]
        for (key, value) in input.met {
            guard let number = Int(key) else {
                throw Abort(.badRequest, reason: "met: \(key) is not a criterion number")
            }
            met[number] = value
        }
        var notes: [Int: String] = [:]
        for (key, value) in input.notes ?? [:] {
            guard let number = Int(key) else {
                throw Abort(.badRequest, reason: "notes: \(key) is not a criterion number")
            }
            notes[number] = value
        }
        try await req.villageCriteria(.write).record(
            village: id, year: year, met: met, notes: notes, actor: try await req.actor())
        guard
            let report = try await req.villageCriteria(.read).report(
                village: id, year: year)
        else { throw Abort(.notFound) }
        return report
    }
}
