import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The tree kept on the web (issue 18): a planner or administrator renames a unit, edits a village's profile and
/// ends a village on a date, adds villages under a commune and founds cells under its committee, each with a
/// required reason. Secretaries and viewers read the unit (403 here); outside the planner's scope it is a 404.
struct UnitEditPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let plan = pages.requiring(.plan)
        plan.get("units", ":unit", "edit", use: form)
        plan.post("units", ":unit", "rename", use: rename)
        plan.post("units", ":unit", "profile", use: profile)
        plan.post("units", ":unit", "end", use: end)
        plan.post("units", ":unit", "split", use: split)
        plan.get("units", ":unit", "villages", "new", use: villageForm)
        plan.post("units", ":unit", "villages", use: addVillage)
        plan.get("units", ":unit", "cells", "new", use: cellForm)
        plan.post("units", ":unit", "cells", use: foundCell)
    }

    struct Context: Encodable {
        var page: PageContext
        var csrf: String
        var unit: UnitRow
        var isVillage: Bool
        var today: String
        var rename: DatedRename
        var profile: ProfileChange
        var end: DatedEnd
        var split: VillageSplit
    }

    func context(
        _ req: Request, rename: DatedRename? = nil, profile: ProfileChange? = nil, end: DatedEnd? = nil,
        split: VillageSplit? = nil
    ) throws -> Context {
        let unit = try req.resolved.unit
        let stored = unit.profile
        return Context(
            page: PageContext(req, title: "\(Labels.text("editUnit", req)) · \(unit.title(in: req.language))"),
            csrf: req.csrfToken, unit: UnitRow(unit, req.language), isVillage: unit.kind.isVillageLevel,
            today: CivilDate.today().iso, rename: rename ?? DatedRename(name: unit.name),
            profile: profile
                ?? ProfileChange(
                    distanceKm: stored?.distanceKm.map(Self.number),
                    households: stored?.households.map { String($0) },
                    ethnicMinority: stored?.ethnicMinority == true ? "on" : nil,
                    mountain: stored?.mountain == true ? "on" : nil),
            end: end ?? DatedEnd(),
            split: split ?? VillageSplit(code: unit.code.split(separator: ".").first.map { "\($0)." }))
    }

    @Sendable func form(req: Request) async throws -> View {
        try await req.view.render("unit-edit", try context(req))
    }

    @Sendable func rename(req: Request) async throws -> Response {
        let id = try req.resolved.unit.id
        let input = try req.content.decode(DatedRename.self)
        do {
            try await TreeEditor(db: req.store, scope: try await req.scope(.plan)).renameUnit(
                id, input, actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm("unit-edit", try context(req, rename: input), issues: error.issues)
        }
        return req.redirect(to: "/units/\(id)")
    }

    @Sendable func profile(req: Request) async throws -> Response {
        let id = try req.resolved.unit.id
        let input = try req.content.decode(ProfileChange.self)
        do {
            try await TreeEditor(db: req.store, scope: try await req.scope(.plan)).changeProfile(
                id, input, actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm("unit-edit", try context(req, profile: input), issues: error.issues)
        }
        return req.redirect(to: "/units/\(id)")
    }

    @Sendable func end(req: Request) async throws -> Response {
        let unit = try req.resolved.unit
        let input = try req.content.decode(DatedEnd.self)
        do {
            try await TreeEditor(db: req.store, scope: try await req.scope(.plan)).endVillage(
                unit.id, input, actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm("unit-edit", try context(req, end: input), issues: error.issues)
        }
        return req.redirect(to: "/units/\(unit.parentID.map { $0.uuidString } ?? unit.id.uuidString)")
    }

    /// Splits the village on a date; the new village's page tells what was split and how members may follow.
    @Sendable func split(req: Request) async throws -> Response {
        let id = try req.resolved.unit.id
        let input = try req.content.decode(VillageSplit.self)
        do {
            let newID = try await TreeEditor(db: req.store, scope: try await req.scope(.plan)).splitVillage(
                id, input, actor: try await req.actor())
            return req.redirect(to: "/units/\(newID)")
        } catch let error as InputError {
            return try await req.renderForm("unit-edit", try context(req, split: input), issues: error.issues)
        }
    }

    /// A distance as typed back into its field: "19", "12.5".
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}
