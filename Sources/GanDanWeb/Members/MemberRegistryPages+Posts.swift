import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Posts given and ended on the member's registry page (issue 18, rules.md R5): by election or appointment, dated.
extension MemberRegistryPages {
    @Sendable func assignPost(req: Request) async throws -> Response {
        let id = try req.resolved.member.summary.id
        let assignment = try req.content.decode(PostAssignment.self)
        do {
            try await PostWriter(
                db: req.store, scope: try await req.scope(.plan), charter: req.application.settings.charter
            ).assign(
                id, assignment, today: CivilDate.today(), actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm(
                "member-registry", try await context(req, assignment: assignment), issues: error.issues)
        }
        return req.redirect(to: "/members/\(id)/registry")
    }

    struct PostEnd: Content {
        var post: String?
        var until: String?
        var reason: String?
    }

    @Sendable func endPost(req: Request) async throws -> Response {
        let id = try req.resolved.member.summary.id
        let end = try req.content.decode(PostEnd.self)
        do {
            try await PostWriter(db: req.store, scope: try await req.scope(.plan)).end(
                id, post: end.post, until: end.until, reason: end.reason, today: CivilDate.today(),
                actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm("member-registry", try await context(req), issues: error.issues)
        }
        return req.redirect(to: "/members/\(id)/registry")
    }
}

extension MemberRegistryPages.Context {
    /// The member's posts and the choices of the form that gives one.
    func withPosts(_ req: Request, member: UUID) async throws -> Self {
        var context = self
        let writer = PostWriter(db: req.store, scope: try await req.scope(.plan))
        let today = CivilDate.today()
        let language = req.language
        context.posts = try await writer.posts(of: member, today: today).reversed().map {
            MemberRegistryPages.PostRow(
                id: $0.id, label: $0.kind.label.text(in: language), organisation: $0.organisationName,
                from: $0.validity.from.vietnamese, until: $0.validity.until?.vietnamese,
                source: $0.source?.label.text(in: language))
        }
        let chosen = assignment
        context.postKinds =
            [Choice(value: "", label: "—", selected: chosen.kind == nil)]
            + PostKind.allCases.filter { $0 != .civilServant }.map {
                Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: chosen.kind == $0.rawValue)
            }
        context.organisations = try await writer.organisations(for: member, today: today).map {
            Choice(value: $0.id.uuidString, label: $0.name, selected: chosen.organisation == $0.id.uuidString)
        }
        context.sources = PostSource.allCases.map {
            Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: chosen.source == $0.rawValue)
        }
        return context
    }
}
