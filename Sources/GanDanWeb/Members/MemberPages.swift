import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Member search and a member's page.
struct MemberPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.requiring(.read).get("members", use: list).reading(.search, .page, .figure, .cell, .unit, .format)
        routes.requiring(.read).get("members", ":member", use: detail)
        let write = routes.requiring(.write)
        write.get("members", ":member", "edit", use: editForm)
        write.post("members", ":member", use: update)
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
        /// The dashboard figure the list stands behind, its title, and the query that keeps it across pages.
        var figure: String?
        var filterQuery: String
        var filterFields: [Choice]
    }

    /// The search page's view model, with the units the search covered (for its audit entry); for an export (`all`),
    /// every match rather than one page of them.
    func listContext(_ req: Request, all: Bool) async throws -> (ListContext, units: Set<UUID>) {
        let date = try req.asOfDate()
        let text = try req.querySearchText(.search)
        let pageNumber = all ? 1 : try req.queryNumber(.page, default: 1)
        let filter = try await Self.figureFilter(req, on: date)
        let directory = MemberDirectory(db: await req.readStore(), scope: try await req.scope(.read))
        var result = try await directory.search(
            .init(text: text, date: date, page: pageNumber, perPage: all ? 500 : 50, memberIDs: filter?.members))
        if all {
            var next = 2
            while result.items.count < result.total {
                let more = try await directory.search(
                    .init(text: text, date: date, page: next, perPage: 500, memberIDs: filter?.members))
                if more.items.isEmpty { break }
                result.items += more.items
                next += 1
            }
        }
        let pages = max(1, (result.total + result.perPage - 1) / result.perPage)
        var units = filter?.units ?? []
        if filter == nil { units = try await req.coveredUnits(listing: result.items.map(\.id), on: date) }
        let context = ListContext(
            page: PageContext(req, title: Labels.all["members"]!.text(in: req.language), exportable: true), q: text,
            members: result.items.map { MemberRow($0, req.language) }, total: result.total, pageNumber: pageNumber,
            pages: pages, previousPage: pageNumber > 1 ? pageNumber - 1 : nil,
            nextPage: pageNumber < pages ? pageNumber + 1 : nil, figure: filter?.title,
            filterQuery: (filter?.fields ?? []).map { "\($0.value)=\($0.label)&" }.joined(),
            filterFields: filter?.fields ?? [])
        return (context, units)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let (context, units) = try await listContext(req, all: format != nil)
        if let format {
            return try await req.export(Self.table(context, req), format: format, list: "member_list", units: units)
        }
        let audited =
            ([context.q.isEmpty ? nil : "q=\(context.q)"] + context.filterFields.map { "\($0.value)=\($0.label)" })
            .compactMap { $0 }.joined(separator: "&")
        try await req.auditRead("member_list", id: audited.isEmpty ? nil : audited, units: units)
        return try await req.view.render("members", context).encodeResponse(for: req)
    }

    /// The members behind a dashboard figure: `?figure=full&cell=` (full members of a cell on the day, rules.md R4)
    /// or `?figure=moved|toMove|leadersMoved|leadersToMove|placed|planned&unit=` (a commune's placement, rules.md
    /// A1–A3). Counted by the same code as the dashboards, so the list holds exactly the counted members. With the
    /// units the figure covers: the cell's, or those of the commune's subtree in the read scope.
    static func figureFilter(_ req: Request, on date: CivilDate) async throws
        -> (members: [UUID], title: String, fields: [Choice], units: Set<UUID>)?
    {
        guard let figure = try req.queryText(.figure) else { return nil }
        let scope = try await req.scope(.read)
        func id(_ parameter: QueryParameter) throws -> UUID {
            guard let id = try req.queryID(parameter) else {
                let shown = QueryValueError.shown(figure)
                throw QueryValueError(
                    parameter, "",
                    problem: BilingualText(
                        vi: "cần được chỉ rõ cho số liệu “\(shown)”", en: "is needed for the figure “\(shown)”"))
            }
            return id
        }
        let title = Labels.text("figure" + figure.prefix(1).uppercased() + figure.dropFirst(), req)
        if figure == "full" {
            let cell = try id(.cell)
            try await PathKind.cell.resolve(cell, req, for: .read)
            let members = try await CommuneDashboard(db: req.store, scope: scope).fullMembers(of: cell, asOf: date)
            return (
                members, title, [Choice(value: "figure", label: figure), Choice(value: "cell", label: "\(cell)")],
                [try req.resolved.cell.unitID]
            )
        }
        guard let placement = PlacementFigure(rawValue: figure) else { throw QueryValueError(.figure, figure) }
        let unit = try id(.unit)
        // The filter's unit is resolved like a path object: 404 outside the read scope, not an empty list.
        try await PathKind.unit.resolve(unit, req, for: .read)
        let members = try await DistrictDashboard(db: req.store, scope: scope).members(
            placement, commune: unit, asOf: date)
        let units = try await OrganisationTree(db: req.store, scope: scope).subtree(of: unit, on: date)
        return (
            members, title, [Choice(value: "figure", label: figure), Choice(value: "unit", label: "\(unit)")],
            Set(units.filter { scope.contains(unit: $0) } + [unit])
        )
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
        var mayEdit: Bool
        /// Whether the reader may correct the record and record status changes (planners, administrators).
        var mayCorrect: Bool
        /// The day a former member is shown as recorded on (`MemberDetail.asRecordedOn`), in Vietnamese form.
        var recordedOn: String?
    }

    @Sendable func detail(req: Request) async throws -> View {
        let member = try req.resolved.member
        let id = member.summary.id
        let language = req.language
        try await req.auditMemberRead(id)
        let mayEdit = try await req.allows(.write)
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
            }, mayEdit: mayEdit, mayCorrect: try await req.allows(.plan), recordedOn: member.asRecordedOn?.vietnamese)
        return try await req.view.render("member", context)
    }

    struct EditContext: Encodable {
        var page: PageContext
        var csrf: String
        var id: UUID
        var name: String
        var phone: String
        var education: String
        var ethnicity: String
        var error: String?
    }

    @Sendable func editForm(req: Request) async throws -> View {
        let member = try req.resolved.member
        let id = member.summary.id
        return try await req.view.render(
            "member-edit",
            EditContext(
                page: PageContext(req, title: member.summary.fullName), csrf: req.csrfToken, id: id,
                name: member.summary.fullName, phone: member.phone ?? "", education: member.education ?? "",
                ethnicity: member.ethnicity))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let member = try req.resolved.member
        let id = member.summary.id
        let change = try req.content.decode(MemberContactChange.self)
        do {
            try await MemberWriter(db: req.store, scope: try await req.scope(.write)).updateContact(
                id, change, on: CivilDate.today(), actor: try await req.actor())
        } catch let error as InputError {
            let context = EditContext(
                page: PageContext(req, title: member.summary.fullName), csrf: req.csrfToken, id: id,
                name: member.summary.fullName, phone: change.phone ?? "", education: change.education ?? "",
                ethnicity: change.ethnicity ?? "")
            return try await req.renderForm("member-edit", context, issues: error.issues)
        }
        return req.redirect(to: "/members/\(id)")
    }
}
