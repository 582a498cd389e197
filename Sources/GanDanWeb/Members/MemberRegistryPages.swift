import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The registry kept on the web (issue 18): a planner or administrator corrects a member's core fields and records
/// dated status changes, each with a required reason kept in the audit trail. A secretary reads the member (403 on
/// these pages); outside the planner's scope the member is not found (404).
struct MemberRegistryPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let plan = pages.requiring(.plan)
        plan.get("members", ":member", "registry", use: form)
        plan.post("members", ":member", "correct", use: correct)
        plan.post("members", ":member", "status", use: status)
        plan.post("members", ":member", "posts", use: assignPost)
        plan.post("members", ":member", "posts", "end", use: endPost)
        plan.post("members", ":member", "transfers", use: sendTransfer)
        plan.post("members", ":member", "transfers", "cancel", use: cancelTransfer)
        plan.post("cells", ":cell", "transfers", "receive", use: receiveTransfer)
    }

    struct Context: Encodable {
        var page: PageContext
        var csrf: String
        var id: UUID
        var name: String
        var status: String
        var fields: MemberCorrection
        var change: MemberStatusChange
        var changes: [Choice]
        var today: String
        var posts: [PostRow]
        var assignment: PostAssignment
        var postKinds: [Choice]
        var organisations: [Choice]
        var sources: [Choice]
        var transfers: [TransferRow]
        var transfer: TransferForm
        var transferKinds: [Choice]
        var receivingCells: [Choice]
    }

    struct PostRow: Encodable {
        var id: UUID
        var label: String
        var organisation: String
        var from: String
        var until: String?
        var source: String?
    }

    func context(
        _ req: Request, fields: MemberCorrection? = nil, change: MemberStatusChange? = nil,
        assignment: PostAssignment? = nil, transfer: TransferForm? = nil
    ) async throws -> Context {
        let member = try req.resolved.member
        let party = member.party
        let stored = MemberCorrection(
            fullName: member.summary.fullName, birthDate: member.summary.birthDate.iso, citizenID: member.citizenID,
            cardNumber: member.cardNumber, admittedOn: party.admittedOn.iso, officialOn: party.officialOn?.iso)
        let change = change ?? MemberStatusChange()
        var status = party.status.label.text(in: req.language)
        if let since = party.statusSince { status += " (\(since.vietnamese))" }
        let context = try await Context(
            page: PageContext(req, title: "\(Labels.text("registryRecord", req)) · \(member.summary.fullName)"),
            csrf: req.csrfToken, id: member.summary.id, name: member.summary.fullName, status: status,
            fields: fields ?? stored, change: change,
            changes: [Choice(value: "", label: "—", selected: change.status == nil)]
                + StatusChangeKind.allCases.map {
                    Choice(
                        value: $0.rawValue, label: $0.label.text(in: req.language),
                        selected: change.status == $0.rawValue)
                }, today: CivilDate.today().iso, posts: [], assignment: assignment ?? PostAssignment(),
            postKinds: [], organisations: [], sources: [], transfers: [], transfer: transfer ?? TransferForm(),
            transferKinds: [], receivingCells: []
        )
        .withPosts(req, member: member.summary.id)
        return try await context.withTransfers(req, member: member.summary.id)
    }

    @Sendable func form(req: Request) async throws -> View {
        try await req.view.render("member-registry", try await context(req))
    }

    @Sendable func correct(req: Request) async throws -> Response {
        let id = try req.resolved.member.summary.id
        let correction = try req.content.decode(MemberCorrection.self)
        do {
            try await MemberRegistryWriter(db: req.store, scope: try await req.scope(.plan)).correct(
                id, correction, today: CivilDate.today(), actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm(
                "member-registry", try await context(req, fields: correction), issues: error.issues)
        }
        return req.redirect(to: "/members/\(id)")
    }

    @Sendable func status(req: Request) async throws -> Response {
        let id = try req.resolved.member.summary.id
        let change = try req.content.decode(MemberStatusChange.self)
        do {
            try await MemberRegistryWriter(db: req.store, scope: try await req.scope(.plan)).recordStatus(
                id, change, today: CivilDate.today(), actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm(
                "member-registry", try await context(req, change: change), issues: error.issues)
        }
        // A member who moved out is on no roll here any more: the list, not a page the planner no longer sees.
        return req.redirect(to: change.status == StatusChangeKind.movedOut.rawValue ? "/members" : "/members/\(id)")
    }
}
