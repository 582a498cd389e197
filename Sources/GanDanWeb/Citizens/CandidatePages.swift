import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Party development: candidates per cell, eligibility, the pipeline and its deadlines (rules.md R21–R23).
struct CandidatePages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let read = pages.requiring(.read)
        let write = pages.requiring(.write)
        read.get("cells", ":cell", "candidates", use: cellList).reading(.format)
        write.post("cells", ":cell", "candidates", use: add)
        read.get("units", ":unit", "candidates", use: unitList).reading(.format)
        read.get("candidates", ":candidate", use: detail)
        write.post("candidates", ":candidate", "steps", use: step)
        write.post("candidates", ":candidate", "area", use: setArea)
        let apiRead = api.requiring(.read)
        let apiWrite = api.requiring(.write)
        apiRead.get("cells", ":cell", "candidates", use: listJSON)
        apiWrite.post("cells", ":cell", "candidates", use: addJSON)
        apiRead.get("candidates", ":candidate", use: detailJSON)
        apiWrite.post("candidates", ":candidate", "steps", use: stepJSON)
    }

    struct DeadlineRow: Encodable {
        var label: String
        var due: String
        var left: Int
        var overdue: Bool
        var soon: Bool
    }

    struct Row: Encodable {
        var id: UUID
        var cellName: String
        var name: String
        var born: String
        var education: String
        /// The education exception in plain words, in the page's language (rules.md R21).
        var exception: String
        var exceptionApplies: Bool
        var exceptionOverridden: Bool
        var eligible: Bool
        var eligibility: [String]
        var nextStep: String?
        var deadlines: [DeadlineRow]
        var problems: [String]
        var mentor: String?
        var introducers: String
        var steps: [StepRow]
        /// The dates as values, for exports: birth and each pipeline step (in `PipelineStep.allCases` order).
        var birthDay: CivilDate
        var stepDates: [CivilDate?]

        init(_ view: CandidateView, _ language: Language) {
            id = view.id
            birthDay = view.birthDate
            stepDates = PipelineStep.allCases.map { view.pipeline.date(of: $0) }
            cellName = view.cellName
            name = view.fullName
            born = view.birthDate.vietnamese
            education = view.education
            exception = view.educationExceptionText.text(in: language)
            exceptionApplies = view.educationException.applies
            exceptionOverridden = view.educationException.override != nil
            eligible = view.eligibility.isEmpty
            eligibility = view.eligibilityIssues.map { $0.shown(in: language) }
            nextStep = view.nextStep?.label.text(in: language)
            deadlines = view.deadlines.map {
                DeadlineRow(
                    label: $0.kind.label.text(in: language), due: $0.due.vietnamese, left: $0.workingDaysLeft,
                    overdue: $0.isOverdue, soon: $0.isDueSoon())
            }
            problems = view.problemIssues.map { $0.shown(in: language) }
            mentor = view.mentor?.name
            introducers = view.introducers.map(\.name).joined(separator: ", ")
            steps = PipelineStep.allCases.map { step in
                StepRow(label: step.label.text(in: language), date: view.pipeline.date(of: step)?.vietnamese)
            }
        }
    }

    struct StepRow: Encodable {
        var label: String
        var date: String?
    }

    struct ListContext: Encodable {
        var page: PageContext
        var csrf: String
        var title: String
        var cellID: UUID?
        var rows: [Row]
        var members: [NamedID]
        /// What the cell's village profile says about the education exception (rules.md R21); nil on a unit's list.
        var areaFinding: String?
        var mayWrite: Bool
        var today: String
        var error: String?
    }

    func register(_ req: Request, write: Bool = false) async throws -> CandidateRegister {
        CandidateRegister(
            db: req.store, scope: try await req.scope(write ? .write : .read), calendar: req.workingCalendar)
    }

    @Sendable func cellList(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let (context, unitID) = try await cellContext(req, error: nil, audit: format == nil)
        return try await req.exportOrRender(
            "candidates", context, format: format, list: "candidates", object: context.cellID, unit: unitID
        ) { Self.table($0, req) }
    }

    /// The cell's candidates again with what to fix.
    func renderCell(_ req: Request, issues: [InputIssue]) async throws -> Response {
        let (context, _) = try await cellContext(req, error: nil, audit: true)
        return try await req.renderForm("candidates", context, issues: issues)
    }

    /// "Theo hồ sơ thôn", "Áp dụng ngoại lệ", "Không áp dụng ngoại lệ", with the current choice selected.
    static func areaChoices(_ selected: Bool?, _ req: Request) -> [Choice] {
        [
            Choice(value: "", label: Labels.text("areaFollowProfile", req), selected: selected == nil),
            Choice(value: "applies", label: Labels.text("areaApplies", req), selected: selected == true),
            Choice(value: "notApplies", label: Labels.text("areaNotApplies", req), selected: selected == false),
        ]
    }

    /// A cell's candidates as a view model, with the cell's village; 404 outside the scope.
    func cellContext(_ req: Request, error: String?, audit: Bool) async throws -> (ListContext, UUID) {
        let cell = try req.resolved.cell
        let id = cell.id
        let date = try req.asOfDate()
        if audit { try await req.auditRead("candidates", id: id.uuidString, unit: cell.unitID) }
        let roster = try await CellDirectory(db: req.store, scope: try await req.scope(.read)).roster(
            of: id, on: date)
        let unit = try await OrganisationTree(db: req.store, scope: try await req.scope(.read)).unit(
            cell.unitID, on: date)
        let profile = unit?.profile
        let village = unit.flatMap { unit in
            unit.kind.isVillageLevel
                ? BilingualText(vi: "\(unit.kind.label.vi.lowercased()) \(unit.name)", en: unit.title(in: .en)) : nil
        }
        let context = ListContext(
            page: PageContext(req, title: "\(Labels.text("candidates", req)) · \(cell.name)", exportable: true),
            csrf: req.csrfToken,
            title: cell.name, cellID: id,
            rows: try await register(req).list(cells: [id], on: date).map { Row($0, req.language) },
            members: roster.filter { $0.member.standing?.countsAsFull == true }.map {
                NamedID(id: $0.member.id, name: $0.member.fullName)
            }, areaFinding: EducationException(village: village, profile: profile).profileText.text(in: req.language),
            mayWrite: try await req.allows(.write), today: CivilDate.today().iso,
            error: error)
        return (context, cell.unitID)
    }

    @Sendable func unitList(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let id = try req.resolved.unit.id
        let context = try await unitContext(req, audit: format == nil)
        return try await req.exportOrRender(
            "candidates", context, format: format, list: "candidates", object: id, unit: id
        ) { Self.table($0, req) }
    }

    /// Every candidate under a unit with the deadlines ahead: the planner's view (rules.md R23).
    func unitContext(_ req: Request, audit: Bool) async throws -> ListContext {
        let id = try req.resolved.unit.id
        let (unit, cells) = try await req.visibleCells()
        if audit { try await req.auditRead("candidates", id: "unit=\(id)", unit: id) }
        return ListContext(
            page: PageContext(
                req, title: "\(Labels.text("candidates", req)) · \(unit.title(in: req.language))",
                exportable: true),
            csrf: req.csrfToken, title: unit.title(in: req.language), cellID: nil,
            rows: try await register(req).list(cells: cells.map(\.id), on: try req.asOfDate()).map {
                Row($0, req.language)
            }, members: [], areaFinding: nil, mayWrite: false, today: CivilDate.today().iso, error: nil)
    }

    struct AddForm: Content {
        var fullName: String
        var birthDate: String?
        var education: String?
        /// "" to follow the village profile, `applies` or `notApplies` to set the exception by hand (rules.md R21).
        var areaOverride: String?
        var areaReason: String?
        var listedOn: String?
        var introducer1: String?
        var introducer1Since: String?
        var introducer2: String?
        var introducer2Since: String?
        var introducedOn: String?
        var youthUnionResolutionOn: String?
        var mentor: String?
    }

    func draft(_ form: AddForm, _ req: Request) throws -> CandidateDraft {
        var introducers: [IntroducerEntry] = []
        for (member, since, field) in [
            (form.introducer1, form.introducer1Since, "introducer1Since"),
            (form.introducer2, form.introducer2Since, "introducer2Since"),
        ] {
            guard let member, let id = UUID(uuidString: member) else { continue }
            introducers.append(IntroducerEntry(memberID: id, workedWithSince: try req.date(since, field: field)))
        }
        func optionalDate(_ text: String?, _ field: String) throws -> CivilDate? {
            guard let text, !text.isEmpty else { return nil }
            return try req.date(text, field: field)
        }
        return CandidateDraft(
            fullName: form.fullName, birthDate: try req.date(form.birthDate, field: "birthDate"),
            education: form.education ?? "",
            areaOverride: try Self.areaOverride(form.areaOverride, reason: form.areaReason, req),
            listedOn: try req.date(form.listedOn, field: "listedOn"),
            introducedOn: try optionalDate(form.introducedOn, "introducedOn"), introducers: introducers,
            youthUnionResolutionOn: try optionalDate(form.youthUnionResolutionOn, "youthUnionResolutionOn"),
            mentorID: form.mentor.flatMap(UUID.init(uuidString:)))
    }

    @Sendable func add(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let form = try req.content.decode(AddForm.self)
        do {
            let view = try await register(req, write: true).add(
                cellID: id, try draft(form, req), actor: try await req.actor())
            return req.redirect(to: "/candidates/\(view.id)")
        } catch let error as InputError {
            return try await renderCell(req, issues: error.issues)
        }
    }

    /// The exception as chosen on a form: nil to follow the village profile (rules.md R21).
    static func areaOverride(_ choice: String?, reason: String?, _ req: Request) throws -> AreaOverrideDraft? {
        switch choice ?? "" {
        case "": return nil
        case "applies": return AreaOverrideDraft(applies: true, reason: reason ?? "")
        case "notApplies": return AreaOverrideDraft(applies: false, reason: reason ?? "")
        default:
            throw InputError.invalid([InputIssue.unreadable(field: "educationException", value: choice ?? "")])
        }
    }

    struct AreaForm: Content {
        var areaOverride: String?
        var areaReason: String?
    }

    /// Sets the education exception by hand with a reason, or returns it to the village profile (rules.md R21).
    @Sendable func setArea(req: Request) async throws -> Response {
        let view = try req.resolved.candidate
        let form = try req.content.decode(AreaForm.self)
        do {
            let override = try Self.areaOverride(form.areaOverride, reason: form.areaReason, req)
            _ = try await register(req, write: true).setAreaOverride(view.id, override, actor: try await req.actor())
        } catch let error as InputError {
            return try await renderDetail(req, view, issues: error.issues)
        }
        return req.redirect(to: "/candidates/\(view.id)")
    }

    struct DetailContext: Encodable {
        var page: PageContext
        var csrf: String
        var row: Row
        var cellID: UUID
        var steps: [Choice]
        /// Follow the village profile, or set the exception by hand (rules.md R21).
        var areaChoices: [Choice]
        var mayWrite: Bool
        var today: String
        var error: String?
    }

    /// A candidate's page; with `issues`, shown again with what to fix.
    func renderDetail(_ req: Request, _ view: CandidateView, issues: [InputIssue] = []) async throws -> Response {
        try await req.auditRead(
            "candidate", id: view.id.uuidString, unit: try req.resolved.cell.unitID)
        let context = DetailContext(
            page: PageContext(req, title: view.fullName), csrf: req.csrfToken, row: Row(view, req.language),
            cellID: view.cellID,
            steps: PipelineStep.allCases.map { Choice(value: $0.rawValue, label: $0.label.text(in: req.language)) },
            areaChoices: Self.areaChoices(view.educationException.override?.applies, req),
            mayWrite: try await req.allows(.write),
            today: CivilDate.today().iso, error: nil)
        guard issues.isEmpty else { return try await req.renderForm("candidate", context, issues: issues) }
        return try await req.view.render("candidate", context).encodeResponse(for: req)
    }

    @Sendable func detail(req: Request) async throws -> Response {
        try await renderDetail(req, try req.resolved.candidate)
    }

    struct StepForm: Content {
        var step: String
        var date: String?
        var inFavour: Int?
        var fullMembers: Int?
    }

    func apply(_ form: StepForm, to id: UUID, _ req: Request) async throws -> CandidateView {
        guard let step = PipelineStep(rawValue: form.step) else {
            throw Abort(.badRequest, reason: "step must be one of the pipeline's steps")
        }
        let date = try req.date(form.date, field: "date")
        let register = try await register(req, write: true)
        let actor = try await req.actor()
        if step == .vote {
            return try await register.recordVote(
                CandidateVote(date: date, inFavour: form.inFavour ?? 0, fullMembers: form.fullMembers ?? 0), for: id,
                actor: actor)
        }
        return try await register.record(step, on: date, for: id, actor: actor)
    }

    @Sendable func step(req: Request) async throws -> Response {
        let view = try req.resolved.candidate
        let id = view.id
        let form = try req.content.decode(StepForm.self)
        do {
            _ = try await apply(form, to: id, req)
        } catch let error as InputError {
            return try await renderDetail(req, view, issues: error.issues)
        }
        return req.redirect(to: "/candidates/\(id)")
    }

    @Sendable func listJSON(req: Request) async throws -> [CandidateView] {
        let cell = try req.resolved.cell
        let id = cell.id
        try await req.auditRead("candidates", id: id.uuidString, unit: cell.unitID)
        return try await register(req).list(cells: [id], on: try req.asOfDate())
    }

    @Sendable func addJSON(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let input = try req.content.decode(CandidateDraft.self)
        let view = try await register(req, write: true).add(cellID: id, input, actor: try await req.actor())
        let response = try await view.encodeResponse(for: req)
        response.status = .created
        return response
    }

    @Sendable func detailJSON(req: Request) async throws -> CandidateView {
        let view = try req.resolved.candidate
        try await req.auditRead(
            "candidate", id: view.id.uuidString, unit: try req.resolved.cell.unitID)
        return view
    }

    @Sendable func stepJSON(req: Request) async throws -> CandidateView {
        let id = try req.resolved.candidate.id
        return try await apply(try req.content.decode(StepForm.self), to: id, req)
    }
}
