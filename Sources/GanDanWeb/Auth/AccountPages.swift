import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The user's own account: roles, and API tokens created and revoked by the user (shown once).
struct AccountPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        // The user's own account: every signed-in role may read it and manage its own tokens.
        let own = pages.requiring(.read)
        own.get("account", use: page)
        own.post("account", "tokens", use: createTokenPage)
        own.post("account", "tokens", ":token", "revoke", use: revokeTokenPage)
        let tokens = api.requiring(.read).grouped("tokens")
        tokens.get(use: listTokens)
        tokens.post(use: createToken)
        tokens.delete(":token", use: revokeToken)
    }

    struct TokenRow: Encodable {
        var id: UUID
        var name: String
        var created: String
        var revoked: Bool
    }

    struct AccountContext: Encodable {
        var page: PageContext
        var csrf: String
        var username: String
        var displayName: String
        var roles: [String]
        var tokens: [TokenRow]
        var newToken: String?
        /// Whether the user may manage accounts (administrators; planners, in their subtree).
        var mayManage: Bool
    }

    func render(_ req: Request, newToken: String? = nil) async throws -> View {
        let account = try await req.account()
        let tokens = try await UserDirectory(db: req.store).tokens(of: account.id)
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.read))
        var roles: [String] = []
        for grant in account.grants {
            var place = ""
            if let unit = grant.unitID, let found = try await tree.unit(unit, on: CivilDate.today()) {
                place = " — " + found.title(in: req.language)
            } else if let cell = grant.organisationID, let found = try await tree.organisation(cell) {
                place = " — " + found.name
            }
            roles.append(grant.role.label.text(in: req.language) + place)
        }
        return try await req.view.render(
            "account",
            AccountContext(
                page: PageContext(req, title: Labels.text("account", req)), csrf: req.csrfToken,
                username: account.username, displayName: account.displayName, roles: roles,
                tokens: tokens.map {
                    TokenRow(
                        id: $0.id, name: $0.name, created: VietnamTime.text($0.createdAt),
                        revoked: $0.revokedAt != nil)
                },
                newToken: newToken, mayManage: try await req.holds(.plan)))
    }

    @Sendable func page(req: Request) async throws -> View {
        try await render(req)
    }

    struct NewToken: Content {
        var name: String?
    }

    @Sendable func createTokenPage(req: Request) async throws -> View {
        let name = (try? req.content.decode(NewToken.self).name) ?? nil
        let created = try await UserDirectory(db: req.store).createToken(
            for: try await req.account().id, name: name ?? "token")
        try await audit(req, "create", created.info.id)
        return try await render(req, newToken: created.token)
    }

    @Sendable func revokeTokenPage(req: Request) async throws -> Response {
        let id = try req.resolved.token.id
        try await UserDirectory(db: req.store).revokeToken(id, of: try await req.account().id)
        try await audit(req, "revoke", id)
        return req.redirect(to: "/account")
    }

    @Sendable func listTokens(req: Request) async throws -> [UserDirectory.TokenInfo] {
        try await UserDirectory(db: req.store).tokens(of: try await req.account().id)
    }

    struct CreatedToken: Content {
        var id: UUID
        var name: String
        /// The token itself: shown this once, never again.
        var token: String
    }

    @Sendable func createToken(req: Request) async throws -> Response {
        let name = try Self.tokenName(req.body.data.map { Data(buffer: $0) } ?? Data())
        let created = try await UserDirectory(db: req.store).createToken(for: try await req.account().id, name: name)
        try await audit(req, "create", created.info.id)
        let response = try await CreatedToken(id: created.info.id, name: created.info.name, token: created.token)
            .encodeResponse(for: req)
        response.status = .created
        return response
    }

    /// The name a JSON body `{"name": "…"}` gives a new token ("token" without one); any other body is refused
    /// before anything is created: not a JSON object, another key, a name that is not text, blank or over 100 characters.
    static func tokenName(_ body: Data) throws -> String {
        let unreadable = InputError.malformed(
            "Nội dung yêu cầu phải là JSON {\"name\": \"…\"}. / The request body must be JSON {\"name\": \"…\"}.")
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any],
            object.keys.allSatisfy({ $0 == "name" })
        else { throw unreadable }
        guard let value = object["name"] else { return "token" }
        guard let name = value as? String else { throw unreadable }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100,
            !trimmed.unicodeScalars.contains(where: CharacterSet.controlCharacters.contains)
        else {
            throw InputError.malformed(
                "Tên mã truy cập phải có từ 1 đến 100 ký tự. / The token name must have 1 to 100 characters.")
        }
        return trimmed
    }

    @Sendable func revokeToken(req: Request) async throws -> HTTPStatus {
        let id = try req.resolved.token.id
        try await UserDirectory(db: req.store).revokeToken(id, of: try await req.account().id)
        try await audit(req, "revoke", id)
        return .noContent
    }

    private func audit(_ req: Request, _ action: String, _ id: UUID) async throws {
        let actor = try await req.actor()
        try await AuditTrail(db: req.store, scope: try await req.scope(.read)).record(
            AuditEvent(
                actor: actor.name, action: action, entity: "api_token", entityID: id.uuidString,
                requestID: actor.requestID))
    }
}

extension UserDirectory.TokenInfo: Content {}
