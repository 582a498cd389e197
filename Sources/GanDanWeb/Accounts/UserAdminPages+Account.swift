import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// One account's page: its roles, granting and revoking them, disabling it, issuing a reset code.
extension UserAdminPages {
    struct GrantRow: Encodable {
        var label: String
        var role: String
        var unit: String
        var cell: String
    }

    struct DetailContext: Encodable {
        var page: PageContext
        var csrf: String
        var id: UUID
        var username: String
        var displayName: String
        var disabled: Bool
        /// Where the daily to-do digest goes (issue 20).
        var email: String
        var grants: [GrantRow]
        var roles: [Choice]
        var place: String
        var code: String?
        var expires: String?
        var errors: FieldErrors
    }

    func renderDetail(
        _ req: Request, _ account: UserAccount, code: (String, Date)? = nil, place: String = "",
        errors: FieldErrors = FieldErrors(), selected: String? = nil, email: String? = nil
    ) async throws -> Response {
        var grants: [GrantRow] = []
        for grant in account.grants {
            grants.append(
                GrantRow(
                    label: try await Self.describe(grant, req), role: grant.role.rawValue,
                    unit: grant.unitID?.uuidString ?? "", cell: grant.organisationID?.uuidString ?? ""))
        }
        let context = DetailContext(
            page: PageContext(req, title: account.displayName), csrf: req.csrfToken, id: account.id,
            username: account.username, displayName: account.displayName, disabled: account.disabled,
            email: email ?? account.email ?? "", grants: grants,
            roles: try await roleChoices(req, selected: selected), place: place, code: code?.0,
            expires: code.map { VietnamTime.clock($0.1) }, errors: errors)
        let response = try await req.view.render("user", context).encodeResponse(for: req)
        if !errors.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    @Sendable func detail(req: Request) async throws -> Response {
        try await renderDetail(req, try req.resolved.user)
    }

    struct GrantInput: Content {
        var role: String?
        var place: String?
    }

    @Sendable func grant(req: Request) async throws -> Response {
        let account = try req.resolved.user
        let input = (try? req.content.decode(GrantInput.self)) ?? GrantInput()
        let administration = try await administration(req)
        do {
            let grant = try await Self.grant(input.role, input.place, administration, req)
            try await administration.grant(grant, to: account.id, actor: try await req.actor())
        } catch let refusal as AccountRefusal {
            return try await renderDetail(
                req, account, place: input.place ?? "", errors: .refusal(refusal, req), selected: input.role)
        }
        return req.redirect(to: "/users/\(account.id)")
    }

    struct RevokeInput: Content {
        var role: String?
        var unit: String?
        var cell: String?
    }

    @Sendable func revoke(req: Request) async throws -> Response {
        let account = try req.resolved.user
        let input = (try? req.content.decode(RevokeInput.self)) ?? RevokeInput()
        let grant = input.role.flatMap(Role.init(rawValue:)).map {
            RoleGrant(
                role: $0, unitID: input.unit.flatMap(UUID.init(uuidString:)),
                organisationID: input.cell.flatMap(UUID.init(uuidString:)))
        }
        do {
            guard let grant else { throw AccountRefusal.roleNotHeldOnForm }
            try await administration(req).revoke(grant, from: account.id, actor: try await req.actor())
        } catch let refusal as AccountRefusal {
            return try await renderDetail(req, account, errors: .refusal(refusal, req))
        }
        return req.redirect(to: "/users/\(account.id)")
    }

    @Sendable func disable(req: Request) async throws -> Response {
        try await setDisabled(req, true)
    }

    @Sendable func enable(req: Request) async throws -> Response {
        try await setDisabled(req, false)
    }

    func setDisabled(_ req: Request, _ disabled: Bool) async throws -> Response {
        let account = try req.resolved.user
        do {
            try await administration(req).setDisabled(account.id, disabled, actor: try await req.actor())
        } catch let refusal as AccountRefusal {
            return try await renderDetail(req, account, errors: .refusal(refusal, req))
        }
        return req.redirect(to: "/users/\(account.id)")
    }

    struct EmailInput: Content {
        var email: String?
    }

    /// Sets or removes the address of the daily to-do digest; a malformed one is shown again with its sentence.
    @Sendable func email(req: Request) async throws -> Response {
        let account = try req.resolved.user
        let input = (try? req.content.decode(EmailInput.self)) ?? EmailInput()
        do {
            try await administration(req).setEmail(account.id, input.email ?? "", actor: try await req.actor())
        } catch InputError.invalid(let issues) {
            var errors = FieldErrors()
            for issue in issues { errors.messages["email"] = issue.message(in: req.language) }
            return try await renderDetail(req, account, errors: errors, email: input.email ?? "")
        }
        return req.redirect(to: "/users/\(account.id)")
    }

    @Sendable func resetCode(req: Request) async throws -> Response {
        let account = try req.resolved.user
        let issued = try await administration(req).issueResetCode(for: account.id, actor: try await req.actor())
        return try await renderDetail(req, account, code: (issued.code, issued.expiresAt))
    }
}

extension AccountRefusal {
    static let roleNotHeldOnForm = AccountRefusal(
        field: "role", vi: "Vai trò cần thu hồi không rõ; hãy tải lại trang.",
        en: "The role to revoke is not clear; reload the page.")
}
