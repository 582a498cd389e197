import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Account administration on the web (issue 18): an administrator manages every account; a planner the accounts whose
/// roles all lie in their subtree, granting only roles there and never the administrator role. Each change is one
/// transaction with its audit entry (`AccountAdministration`, which the CLI's user commands use too).
struct UserAdminPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let manage = pages.requiring(.plan)
        manage.get("users", use: list)
        manage.post("users", use: add)
        manage.get("users", ":user", use: detail)
        manage.post("users", ":user", "roles", use: grant)
        manage.post("users", ":user", "roles", "revoke", use: revoke)
        manage.post("users", ":user", "disable", use: disable)
        manage.post("users", ":user", "enable", use: enable)
        manage.post("users", ":user", "reset-code", use: resetCode)
        manage.post("users", ":user", "email", use: email)
    }

    struct Choice: Encodable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Row: Encodable {
        var id: UUID
        var username: String
        var displayName: String
        var disabled: Bool
        var roles: [String]
    }

    struct ListContext: Encodable {
        var page: PageContext
        var csrf: String
        var users: [Row]
        var roles: [Choice]
        var username: String
        var displayName: String
        var place: String
        var errors: FieldErrors
    }

    func administration(_ req: Request) async throws -> AccountAdministration {
        AccountAdministration(db: req.store, scope: try await req.scope(.plan))
    }

    /// The roles the manager may grant: every one for an administrator; planner, secretary and viewer for a planner.
    func roleChoices(_ req: Request, selected: String?) async throws -> [Choice] {
        let everything = try await req.scope(.plan) == .everything
        return Role.allCases.filter { everything || AccountAdministration.grantedByPlanners.contains($0) }.map {
            Choice(value: $0.rawValue, label: $0.label.text(in: req.language), selected: $0.rawValue == selected)
        }
    }

    /// A role as a line: "Cán bộ tổ chức — Xã Thanh Tương (00001)".
    static func describe(_ grant: RoleGrant, _ req: Request) async throws -> String {
        let tree = OrganisationTree(db: req.store, scope: .everything)
        var place = ""
        if let unit = grant.unitID, let found = try await tree.unit(unit, on: CivilDate.today()) {
            place = " — " + found.title(in: req.language) + " (\(found.code))"
        } else if let cell = grant.organisationID, let found = try await tree.organisation(cell) {
            place = " — " + found.name + " (\(found.code))"
        }
        return grant.role.label.text(in: req.language) + place
    }

    func renderList(_ req: Request, input: NewUser = NewUser(), errors: FieldErrors = FieldErrors()) async throws
        -> Response
    {
        var rows: [Row] = []
        for account in try await administration(req).accounts() {
            var roles: [String] = []
            for grant in account.grants { roles.append(try await Self.describe(grant, req)) }
            rows.append(
                Row(
                    id: account.id, username: account.username, displayName: account.displayName,
                    disabled: account.disabled, roles: roles))
        }
        let context = ListContext(
            page: PageContext(req, title: Labels.text("users", req)), csrf: req.csrfToken, users: rows,
            roles: try await roleChoices(req, selected: input.role), username: input.username ?? "",
            displayName: input.displayName ?? "", place: input.place ?? "", errors: errors)
        let response = try await req.view.render("users", context).encodeResponse(for: req)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable func list(req: Request) async throws -> Response {
        try await renderList(req)
    }

    struct NewUser: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var place: String?
    }

    @Sendable func add(req: Request) async throws -> Response {
        let input = (try? req.content.decode(NewUser.self)) ?? NewUser()
        let administration = try await administration(req)
        do {
            let grant = try await Self.grant(input.role, input.place, administration, req)
            // Nobody knows the first password: the user sets theirs with the reset code shown below, once.
            let secret = [UInt8].random(count: 32).base64
            let hash = try await req.password.async.hash(secret)
            let added = try await administration.addWithResetCode(
                username: input.username ?? "", displayName: input.displayName ?? "", passwordHash: hash,
                grants: [grant], actor: try await req.actor())
            return try await renderDetail(req, added.account, code: (added.code, added.expiresAt))
        } catch let refusal as AccountRefusal {
            return try await renderList(req, input: input, errors: .refusal(refusal, req))
        }
    }

    /// The grant the form asks for: a known role on the place code, inside the manager's scope.
    static func grant(_ role: String?, _ place: String?, _ administration: AccountAdministration, _ req: Request)
        async throws -> RoleGrant
    {
        guard let role = role.flatMap(Role.init(rawValue:)) else {
            throw AccountRefusal(field: "role", vi: "Vai trò cần được chọn.", en: "The role must be chosen.")
        }
        return try await administration.grant(role, placeCode: place, on: CivilDate.today())
    }
}
