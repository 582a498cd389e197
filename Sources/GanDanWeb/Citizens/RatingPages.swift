import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// A cell's ratings of its members per year, quarter, term or ad hoc review, and of itself yearly (rules.md R18–R20).
struct RatingPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        pages.requiring(.read).get("cells", ":cell", "ratings", use: page).reading(
            .period, .year, .format, .ratingKind, .fromDate, .untilDate)
        pages.requiring(.write).post("cells", ":cell", "ratings", use: save)
        let api = api
        api.requiring(.read).get("cells", ":cell", "ratings", ":period", use: sheetJSON)
        api.requiring(.write).put("cells", ":cell", "ratings", ":period", use: saveJSON)
    }

    struct Line: Encodable {
        var id: UUID
        var name: String
        var standing: String
        var notRated: String?
        var score: String
        var level: String?
        var levels: [Choice]
        /// The score as a number, for exports.
        var value: Double?
    }

    struct Context: Encodable {
        var page: PageContext
        var csrf: String
        var cellID: UUID
        var cellName: String
        var period: String
        /// "Năm 2019", "Nhiệm kỳ 01/06/2015 – 31/05/2020".
        var periodLabel: String
        var quarters: [String]
        /// A term or an ad hoc review to open, with its days (rules.md R18).
        var spanKinds: [Choice]
        var spanFrom: String
        var spanUntil: String
        var year: Int
        var previousYear: Int
        var nextYear: Int
        var lines: [Line]
        var cellLevels: [Choice]
        var cellLevel: String?
        var weak: Bool
        var weakReason: String?
        var warnings: [String]
        /// The quota over the cell's grassroots committee (rules.md R18).
        var committeeWarnings: [String]
        var mayWrite: Bool
        var error: String?
    }

    static func choices(_ selected: RatingLevel?, _ language: Language, blank: Bool) -> [Choice] {
        (blank ? [Choice(value: "", label: "—", selected: selected == nil)] : [])
            + RatingLevel.allCases.map {
                Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == selected)
            }
    }

    func ratings(_ req: Request, write: Bool = false) async throws -> Ratings {
        Ratings(db: req.store, scope: try await req.scope(write ? .write : .read))
    }

    @Sendable func page(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let (context, unitID) = try await sheetContext(req, error: nil, audit: format == nil)
        return try await req.exportOrRender(
            "ratings", context, format: format, list: "ratings", object: context.cellID, unit: unitID
        ) { Self.table($0, req) }
    }

    /// The sheet again with what to fix.
    func render(_ req: Request, issues: [InputIssue], form: Form? = nil) async throws -> Response {
        var (context, _) = try await sheetContext(req, error: nil, audit: true)
        if let form { context.keep(form) }
        return try await req.renderForm("ratings", context, issues: issues)
    }

    /// A cell's rating sheet for the period as a view model, with the cell's village; 404 outside the scope.
    func sheetContext(_ req: Request, error: String?, audit: Bool) async throws -> (Context, UUID) {
        let cell = try req.resolved.cell
        let id = cell.id
        let period = try Self.pagePeriod(req)
        let year = period.start.year
        let language = req.language
        let span = period.kind == .term || period.kind == .adHoc
        guard let sheet = try await ratings(req).sheet(cellID: id, period: period) else { throw Abort(.notFound) }
        if audit { try await req.auditRead("ratings", id: "\(id)#\(sheet.period)", unit: cell.unitID) }
        let context = Context(
            page: PageContext(req, title: "\(Labels.text("ratings", req)) · \(cell.name)", exportable: true),
            csrf: req.csrfToken,
            cellID: id, cellName: cell.name, period: sheet.period, periodLabel: period.label.text(in: language),
            quarters: (1...4).map { "\(year)-Q\($0)" },
            spanKinds: [RatingPeriodKind.term, .adHoc].map {
                Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == period.kind)
            }, spanFrom: span ? period.start.iso : "", spanUntil: span ? period.end.iso : "",
            year: year, previousYear: year - 1, nextYear: year + 1,
            lines: sheet.lines.map {
                Line(
                    id: $0.member.id, name: $0.member.name, standing: $0.standing?.label.text(in: language) ?? "",
                    notRated: $0.notRated?.text(in: language), score: $0.score.map { String(format: "%.0f", $0) } ?? "",
                    level: $0.level?.label.text(in: language), levels: Self.choices($0.level, language, blank: true),
                    value: $0.score)
            }, cellLevels: Self.choices(sheet.cell?.level, language, blank: true),
            cellLevel: sheet.cell?.level.label.text(in: language), weak: sheet.cell?.weak ?? false,
            weakReason: sheet.cell?.weakReason, warnings: sheet.warningIssues.map { $0.shown(in: language) },
            committeeWarnings: sheet.committeeWarningIssues.map { $0.shown(in: language) },
            mayWrite: try await req.allows(.write), error: error)
        return (context, cell.unitID)
    }

    /// The page's period: `?kind=term&from=…&until=…` (or `adHoc`) opens a term or an ad hoc review; else as `period`.
    static func pagePeriod(_ req: Request) throws -> RatingPeriod {
        guard let kind = try req.queryChoice(.ratingKind, as: RatingPeriodKind.self) else { return try period(req) }
        let from = try req.queryDate(.fromDate)
        let until = try req.queryDate(.untilDate)
        guard let from else { throw QueryValueError(.fromDate, "") }
        guard let until, let period = RatingPeriod.span(kind, from: from, through: until) else {
            throw QueryValueError(.untilDate, try req.queryText(.untilDate) ?? "")
        }
        return period
    }

    /// `?period=2019-Q2` or `?year=2019` (or the path's `:period`); the as-of year when absent.
    static func period(_ req: Request) throws -> RatingPeriod {
        let text = try req.parameters.get("period") ?? req.queryText(.period)
        if let text, !text.isEmpty {
            guard let period = RatingPeriod(key: text) else { throw QueryValueError(.period, text) }
            return period
        }
        let year = try req.year()
        guard let period = RatingPeriod.year(year) else { throw QueryValueError(.year, String(year)) }
        return period
    }

    struct Form: Content {
        var period: String
        var score: [String: String]?
        var level: [String: String]?
        var cellLevel: String?
        var weakReason: String?
    }

    @Sendable func save(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let form = try req.content.decode(Form.self)
        guard let period = RatingPeriod(key: form.period) else {
            throw Abort(
                .badRequest,
                reason: "period must be a year (2019), a quarter (2019-Q2), a term (term-2015-06-01-2020-05-31) or an "
                    + "ad hoc period (adhoc-2019-03-01-2019-05-31)")
        }
        var entries: [RatingEntry] = []
        let keys = Set((form.score ?? [:]).keys).union((form.level ?? [:]).keys)
        for key in keys.sorted() {
            guard let member = UUID(uuidString: key) else { continue }
            let scoreText = form.score?[key]?.replacingOccurrences(of: ",", with: ".") ?? ""
            let level = RatingLevel(rawValue: form.level?[key] ?? "")
            if scoreText.isEmpty && level == nil { continue }
            guard scoreText.isEmpty || Double(scoreText) != nil else {
                return try await render(
                    req, issues: [InputIssue.unreadable(field: "score", value: scoreText)], form: form)
            }
            entries.append(RatingEntry(memberID: member, score: Double(scoreText), level: level))
        }
        do {
            try await ratings(req, write: true).record(
                cellID: id, period: period, entries: entries, cellLevel: RatingLevel(rawValue: form.cellLevel ?? ""),
                weakReason: form.weakReason, actor: try await req.actor())
        } catch let error as InputError {
            return try await render(req, issues: error.issues, form: form)
        }
        return req.redirect(to: "/cells/\(id)/ratings?period=\(form.period)")
    }

    @Sendable func sheetJSON(req: Request) async throws -> RatingSheet {
        let cell = try req.resolved.cell
        let id = cell.id
        let period = try Self.period(req)
        guard let sheet = try await ratings(req).sheet(cellID: id, period: period) else { throw Abort(.notFound) }
        try await req.auditRead("ratings", id: "\(id)#\(sheet.period)", unit: cell.unitID)
        return sheet
    }

    struct Input: Content {
        var entries: [RatingEntry]
        var cellLevel: RatingLevel?
        var weakReason: String?
    }

    @Sendable func saveJSON(req: Request) async throws -> RatingSheet {
        let id = try req.resolved.cell.id
        let input = try req.content.decode(Input.self)
        return try await ratings(req, write: true).record(
            cellID: id, period: try Self.period(req), entries: input.entries, cellLevel: input.cellLevel,
            weakReason: input.weakReason, actor: try await req.actor())
    }
}

extension RatingPages.Context {
    /// The sheet with the scores and levels as sent, so a refused save shows everything typed (issue 20).
    mutating func keep(_ form: RatingPages.Form) {
        let scores = Dictionary((form.score ?? [:]).map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        let levels = Dictionary((form.level ?? [:]).map { ($0.key.lowercased(), $0.value) }) { first, _ in first }
        func pick(_ choices: [Choice], _ value: String?) -> [Choice] {
            guard let value else { return choices }
            return choices.map { Choice(value: $0.value, label: $0.label, selected: $0.value == value) }
        }
        lines = lines.map { line in
            var line = line
            let key = line.id.uuidString.lowercased()
            line.score = scores[key] ?? line.score
            line.levels = pick(line.levels, levels[key])
            return line
        }
        cellLevels = pick(cellLevels, form.cellLevel)
        weakReason = form.weakReason ?? weakReason
    }
}
