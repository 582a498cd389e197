import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension PlacementPlan: Content {}
extension DirectiveProgress: Content {}

/// JSON for placement: propose, read, re-run with pins or new weights, approve; directive progress.
struct PlacementAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.requiring(.plan, objectInBody: .unit).post("placement", "plans", use: propose)
        api.requiring(.read).get("placement", "plans", ":plan", use: plan)
        api.requiring(.write).post("placement", "plans", ":plan", "rerun", use: rerun)
        api.requiring(.approve).post("placement", "plans", ":plan", "approve", use: approve)
        api.requiring(.write).post("placement", "plans", ":plan", "correct", use: correct)
        api.requiring(.read).get("directives", ":directive", use: directive)
    }

    struct ProposeRequest: Content {
        var unitID: UUID
        var date: String?
    }

    @Sendable func propose(req: Request) async throws -> Response {
        let input = try req.content.decode(ProposeRequest.self)
        try await req.resolveBodyObject(input.unitID)
        let date =
            try input.date.map { text in
                guard let date = CivilDate(text) else {
                    throw Abort(.badRequest, reason: "date \"\(text)\" is not a date")
                }
                return date
            } ?? req.asOfDate()
        let plan = try await PlacementPlans(db: req.store, scope: try await req.scope(.write)).propose(
            unitID: input.unitID, on: date, actor: try await req.actor())
        let response = try await plan.encodeResponse(for: req)
        response.status = .created
        return response
    }

    @Sendable func plan(req: Request) async throws -> PlacementPlan {
        let plan = try req.resolved.plan
        try await req.auditPlanRead(plan, entity: "placement_plan")
        return plan
    }

    struct RerunResponse: Content {
        var plan: PlacementPlan
        var changes: [PlacementChange]
    }

    @Sendable func rerun(req: Request) async throws -> RerunResponse {
        let plan = try req.resolved.plan
        let input = try req.content.decode(RerunRequest.self)
        var settings = plan.settings
        if let pins = input.pins { settings.pins = try Self.keyedByID(pins, field: "pins") }
        if let forbidden = input.forbidden { settings.forbidden = forbidden }
        if let capacities = input.capacities {
            settings.capacities = try Self.keyedByID(capacities, field: "capacities")
        }
        if let weights = input.weights { settings.weights = weights }
        if let exempt = input.exemptPosts { settings.exemptPosts = exempt }
        let result = try await PlacementPlans(db: req.store, scope: try await req.scope(.write)).rerun(
            plan.id, settings: settings, on: try req.asOfDate(), actor: try await req.actor())
        return RerunResponse(plan: result.plan, changes: result.changes)
    }

    @Sendable func approve(req: Request) async throws -> PlacementPlan {
        let plan = try req.resolved.plan
        let input = try req.content.decode(ApproveRequest.self)
        guard let date = CivilDate(input.decisionDate) else {
            throw CivilDate.outOfRangeError(field: "decision_date", text: input.decisionDate)
        }
        return try await PlacementPlans(
            db: req.store, scope: try await req.scope(.approve), charter: req.application.settings.charter,
            calendar: req.workingCalendar
        ).approve(
            plan.id, version: input.version, decisionDate: date,
            placedOn: try PlacementPages.placementDays(input.placedOn, field: "placed_on"),
            dissolvedOn: try PlacementPages.placementDays(input.dissolvedOn, field: "dissolved_on"),
            actor: try await req.actor())
    }

    /// A new draft correcting an approved plan; the approved one stays in history until the new one is approved.
    @Sendable func correct(req: Request) async throws -> Response {
        let plan = try req.resolved.plan
        let correction = try await PlacementPlans(db: req.store, scope: try await req.scope(.write)).correct(
            plan.id, on: try req.asOfDate(), settings: plan.settings, actor: try await req.actor())
        let response = try await correction.encodeResponse(for: req)
        response.status = .created
        return response
    }

    @Sendable func directive(req: Request) async throws -> DirectiveProgress {
        try req.resolved.directive
    }

    /// A JSON object keyed by ids (JSON keys are strings) as a dictionary keyed by UUID; a bad key is a 400.
    static func keyedByID<Value>(_ object: [String: Value], field: String) throws -> [UUID: Value] {
        var result: [UUID: Value] = [:]
        for (key, value) in object {
            guard let id = UUID(uuidString: key) else {
                throw Abort(.badRequest, reason: "\(field): \(key) is not an id")
            }
            result[id] = value
        }
        return result
    }
}
