import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// A cell's monthly party dues register (one tap per member to mark paid), the month passed up to the commune, and
/// the commune's view of its cells' totals (issue 20 item 7; rules.md R12 flags three months unpaid).
struct DuesPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let read = pages.requiring(.read)
        let write = pages.requiring(.write)
        read.get("cells", ":cell", "dues", use: cellPage).reading(.month, .format)
        write.post("cells", ":cell", "dues", use: record)
        write.post("cells", ":cell", "dues", "handover", use: passUp)
        read.get("units", ":unit", "dues", use: communePage).reading(.month, .format)
    }

    func dues(_ req: Request, _ action: Action = .read) async throws -> PartyDues {
        PartyDues(db: req.store, scope: try await req.scope(action), rates: req.application.settings.duesRates)
    }

    /// The month asked (`?month=`), else the month of the day viewed.
    func month(_ req: Request) throws -> YearMonth {
        try req.queryMonth(.month) ?? YearMonth(try req.asOfDate())
    }

    @Sendable func cellPage(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let cell = try req.resolved.cell
        let month = try month(req)
        let register = try await dues(req).register(of: cell.id, month: month)
        if format == nil {
            try await req.auditRead("party_dues", id: "\(cell.id)#\(month.iso)", unit: cell.unitID)
        }
        let context = try await cellContext(req, register, typed: nil, problems: [])
        return try await req.exportOrRender(
            "dues", context, format: format, list: "party_dues", object: cell.id, unit: cell.unitID
        ) { Self.registerTable($0, req) }
    }

    /// Saves the bands and incomes typed, and marks one member paid (`pay`) or not (`unpay`).
    @Sendable func record(req: Request) async throws -> Response {
        let cell = try req.resolved.cell
        let form = try req.content.decode(RegisterForm.self)
        let month = try Self.month(form.month, field: "month")
        let dues = try await dues(req, .write)
        let register = try await dues.register(of: cell.id, month: month)
        do {
            let entries = try form.entries(register, language: req.language)
            try await dues.record(cellID: cell.id, month: month, entries, actor: try await req.actor())
        } catch let error as InputError {
            return try await renderAgain(req, register, typed: form, error)
        }
        let anchor = form.pay ?? form.unpay
        return req.redirect(to: "/cells/\(cell.id)/dues?month=\(month.iso)" + (anchor.map { "#m-\($0)" } ?? ""))
    }

    /// Records the month's total passed up to the commune.
    @Sendable func passUp(req: Request) async throws -> Response {
        let cell = try req.resolved.cell
        let form = try req.content.decode(HandoverForm.self)
        let month = try Self.month(form.month, field: "month")
        let dues = try await dues(req, .write)
        do {
            let day = try req.date(form.passedOn, field: "passedOn")
            guard let by = form.passedBy.flatMap(UUID.init(uuidString:)) else {
                throw InputError.invalid(
                    field: "passedBy", vi: "Chọn người nộp lên.", en: "Choose who passed the dues up.")
            }
            try await dues.passUp(cellID: cell.id, month: month, on: day, by: by, actor: try await req.actor())
        } catch let error as InputError {
            return try await renderAgain(req, try await dues.register(of: cell.id, month: month), typed: nil, error)
        }
        return req.redirect(to: "/cells/\(cell.id)/dues?month=\(month.iso)#handover")
    }

    func renderAgain(_ req: Request, _ register: DuesRegister, typed: RegisterForm?, _ error: InputError)
        async throws -> Response
    {
        let problems = error.issues.map { $0.message(in: req.language) }
        let context = try await cellContext(req, register, typed: typed, problems: problems)
        let response = try await req.view.render("dues", context).encodeResponse(for: req)
        response.status = .unprocessableEntity
        return response
    }

    /// A `YYYY-MM` month from a form, or a message naming the field.
    static func month(_ text: String?, field: String) throws -> YearMonth {
        guard let text, let month = YearMonth(text) else {
            throw InputError.invalid(
                field: field, vi: "Tháng phải ghi dạng năm-tháng, ví dụ 2019-03.",
                en: "Write the month as year-month, e.g. 2019-03.")
        }
        return month
    }

    /// The commune's cells in the month: members recorded and paid, đồng collected, the total passed up.
    @Sendable func communePage(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let unitID = try req.resolved.unit.id
        let month = try month(req)
        let (unit, cells) = try await req.visibleCells()
        let totals = try await dues(req).totals(cells: cells.map { NamedID(id: $0.id, name: $0.name) }, month: month)
        if format == nil { try await req.auditRead("party_dues", id: "unit=\(unitID)#\(month.iso)", unit: unitID) }
        let title = "\(Labels.text("duesCommune", req)) · \(unit.title(in: req.language)) · \(month.vietnamese)"
        let context = CommuneContext(
            page: PageContext(req, title: title, exportable: true), unitID: unitID,
            unitName: unit.title(in: req.language), month: month.iso, monthText: month.vietnamese,
            previousMonth: month.adding(months: -1).iso, nextMonth: month.adding(months: 1).iso,
            rows: totals.map { CommuneRow($0, month: month) },
            collected: DuesLabels.money(totals.map(\.collected).reduce(0, +)),
            passedUp: DuesLabels.money(totals.compactMap(\.handover?.total).reduce(0, +)))
        return try await req.exportOrRender(
            "dues-commune", context, format: format, list: "party_dues_commune", object: unitID, unit: unitID
        ) { Self.communeTable($0, req) }
    }
}
