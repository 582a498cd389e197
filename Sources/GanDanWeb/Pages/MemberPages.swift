import Fluent
import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Member search and a member's page.
struct MemberPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("members", use: list)
        routes.get("members", ":id", use: detail)
    }

    struct ListContext: Encodable {
        var page: PageContext
        var q: String
        var members: [MemberRow]
        var total: Int
        var pageNumber: Int
        var pages: Int
        var previousPage: Int?
        var nextPage: Int?
    }

    @Sendable func list(req: Request) async throws -> View {
        let date = try req.asOfDate()
        let text = req.query[String.self, at: "q"] ?? ""
        let pageNumber = try req.positiveInt("page", default: 1)
        let result = try await MemberDirectory(db: req.db).search(
            .init(text: text, date: date, page: pageNumber, perPage: 50))
        let pages = max(1, (result.total + result.perPage - 1) / result.perPage)
        let context = ListContext(
            page: PageContext(req, title: Labels.all["members"]!.text(in: req.language)), q: text,
            members: result.items.map { MemberRow($0, req.language) }, total: result.total, pageNumber: pageNumber,
            pages: pages, previousPage: pageNumber > 1 ? pageNumber - 1 : nil,
            nextPage: pageNumber < pages ? pageNumber + 1 : nil)
        return try await req.view.render("members", context)
    }

    struct DetailContext: Encodable {
        var page: PageContext
        var member: MemberRow
        var birthDate: String
        var ethnicity: String
        var citizenID: String?
        var phone: String?
        var education: String?
        var cardNumber: String?
        var residenceID: UUID?
        var residence: String?
        var admittedOn: String
        var officialOn: String?
        var status: String
        var posts: [DatedRow]
        var memberships: [DatedRow]
    }

    @Sendable func detail(req: Request) async throws -> View {
        let id = try req.uuid("id")
        let date = try req.asOfDate()
        let language = req.language
        guard let member = try await MemberDirectory(db: req.db).detail(id, on: date) else {
            throw Abort(.notFound, reason: "no member is at this address")
        }
        let context = DetailContext(
            page: PageContext(req, title: member.summary.fullName), member: MemberRow(member.summary, language),
            birthDate: member.summary.birthDate.vietnamese, ethnicity: member.ethnicity, citizenID: member.citizenID,
            phone: member.phone, education: member.education, cardNumber: member.cardNumber,
            residenceID: member.residenceVillageID, residence: member.residenceVillageName,
            admittedOn: member.party.admittedOn.vietnamese, officialOn: member.party.officialOn?.vietnamese,
            status: member.party.status.label.text(in: language),
            posts: member.posts.map {
                DatedRow(label: $0.kind.label.text(in: language), detail: $0.organisationName, validity: $0.validity)
            },
            memberships: member.memberships.map {
                DatedRow(
                    label: $0.organisationName, detail: $0.kind.label.text(in: language),
                    link: "/cells/\($0.organisationID)", validity: $0.validity)
            })
        return try await req.view.render("member", context)
    }
}
