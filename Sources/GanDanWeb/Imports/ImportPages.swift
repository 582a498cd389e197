import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import Vapor

/// The planners' import flow: upload a CSV/XLSX file (kept server-side) → match columns → dry run with every
/// error by line → confirm, all-or-nothing, audited (rules.md R25, R27, R28, R30).
struct ImportPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let plan = routes.requiring(.plan)
        plan.get("units", ":unit", "import", use: uploadForm)
        plan.on(
            .POST, "units", ":unit", "import",
            body: .collect(maxSize: ByteCount(value: ImportUploads.maxBytes + 65_536)), use: upload)
        plan.get("imports", ":upload", use: mappingPage)
        plan.post("imports", ":upload", "check", use: check)
        plan.get("imports", ":upload", "errors.csv", use: errorsCSV)
        plan.post("imports", ":upload", "confirm", use: confirm)
    }

    struct UploadContext: Encodable {
        var page: PageContext
        var csrf: String
        var unitID: UUID
        var unitName: String
        var kinds: [Choice]
        var error: String?
    }

    @Sendable func uploadForm(req: Request) async throws -> Response {
        let unit = try req.resolved.unit
        return try await renderUpload(req, unit: unit, kind: .members)
    }

    /// The upload form; with `issues`, shown again with what to fix.
    func renderUpload(_ req: Request, unit: UnitSnapshot, kind: ImportKind, issues: [InputIssue] = []) async throws
        -> Response
    {
        let language = req.language
        let context = UploadContext(
            page: PageContext(req, title: "\(Labels.text("importData", req)) · \(unit.title(in: language))"),
            csrf: req.csrfToken, unitID: unit.id, unitName: unit.title(in: language),
            kinds: ImportKind.allCases.map {
                Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == kind)
            }, error: nil)
        guard issues.isEmpty else { return try await req.renderForm("import-upload", context, issues: issues) }
        return try await req.view.render("import-upload", context).encodeResponse(for: req)
    }

    struct UploadForm: Content {
        var kind: String?
        var file: File?
    }

    /// No file was chosen.
    static let noFile: InputIssue = {
        let text = ImportLabels.all["importNoFile"] ?? BilingualText(vi: "Hãy chọn tệp.", en: "Choose a file.")
        return InputIssue(vi: text.vi, en: text.en)
    }()

    @Sendable func upload(req: Request) async throws -> Response {
        let unit = try req.resolved.unit
        let id = unit.id
        // One decoding of the form: each `req.content.get` parses the whole multipart body again.
        let form = try? req.content.decode(UploadForm.self)
        let kind = form?.kind.flatMap(ImportKind.init(rawValue:)) ?? .members
        guard let file = form?.file, file.data.readableBytes > 0 else {
            return try await renderUpload(
                req, unit: unit, kind: kind, issues: [Self.noFile])
        }
        let data = Data(file.data.readableBytesView)
        let format = TableFormat.detect(fileName: file.filename, data: data)
        let table: ImportTable
        do {
            table = try await Self.read(data, format: format, req)
        } catch let error as InputError {
            return try await renderUpload(
                req, unit: unit, kind: kind,
                issues: error.issues.map {
                    var issue = $0
                    issue.file = file.filename
                    return issue
                })
        }
        let stored = try await ImportUploads(db: req.store, scope: try await req.scope(.plan)).create(
            owner: try await req.account().id, unitID: id, kind: kind, fileName: file.filename, format: format,
            table: table)
        return req.redirect(to: "/imports/\(stored.id)")
    }

    struct FieldLine: Encodable {
        var key: String
        var label: String
        var required: Bool
        var choices: [Choice]
    }

    struct MappingContext: Encodable {
        var page: PageContext
        var csrf: String
        var uploadID: UUID
        var unitID: UUID
        var fileName: String
        var kind: String
        var fields: [FieldLine]
        var header: [String]
        var preview: [ImportTable.Row]
        var error: String?
    }

    @Sendable func mappingPage(req: Request) async throws -> View {
        let upload = try req.resolved.upload
        let table = upload.table
        return try await renderMapping(
            req, upload: upload, table: table,
            mapping: upload.mapping ?? ColumnMapping.guess(header: table.header, kind: upload.kind), error: nil)
    }

    func renderMapping(
        _ req: Request, upload: ImportUpload, table: ImportTable, mapping: ColumnMapping, error: String?
    ) async throws -> View {
        let language = req.language
        let fields = upload.kind.fields.map { field in
            FieldLine(
                key: field.key, label: field.label.text(in: language), required: field.required,
                choices: [
                    Choice(
                        value: "", label: Labels.text("importNone", req), selected: mapping.columns[field.key] == nil)
                ]
                    + table.header.indices.map { column in
                        Choice(
                            value: String(column),
                            label: table.header[column].isEmpty ? "#\(column + 1)" : table.header[column],
                            selected: mapping.columns[field.key] == column)
                    })
        }
        let context = MappingContext(
            page: PageContext(req, title: "\(Labels.text("importMapping", req)) · \(upload.fileName)"),
            csrf: req.csrfToken, uploadID: upload.id, unitID: upload.unitID, fileName: upload.fileName,
            kind: upload.kind.label.text(in: language), fields: fields, header: table.header,
            preview: table.rows.prefix(5).map {
                ImportTable.Row(line: $0.line, cells: table.header.indices.map($0.cell))
            }, error: error)
        return try await req.view.render("import-mapping", context)
    }

    struct ReportContext: Encodable {
        var page: PageContext
        var csrf: String
        var uploadID: UUID?
        var unitID: UUID
        var fileName: String
        var report: ImportReport
        var mayConfirm: Bool
        /// The errors and possible duplicates as the page shows them: the column by the header the file used.
        var errors: [IssueRow]
        var duplicates: [IssueRow]
    }

    /// One problem of a file as the report shows it: its line, the column under the file's own header (or the
    /// field's label), and the sentence in the page's language.
    struct IssueRow: Encodable {
        var line: Int?
        var field: String?
        var message: String

        init(
            _ issue: InputIssue, header: [String], mapping: ColumnMapping?, fields: [ImportField], language: Language
        ) {
            line = issue.line
            let column = issue.field.flatMap { mapping?.columns[$0] }
            let used = column.flatMap { header.indices.contains($0) ? header[$0] : nil }
            // A column the file does not have is named by the field's label (a posts file without citizen IDs).
            let label = fields.first { $0.key == issue.field }?.label.text(in: language)
            field = used ?? label ?? FieldLabels.label(issue.field, in: language)
            message = issue.message(in: language)
        }
    }

    @Sendable func check(req: Request) async throws -> Response {
        let upload = try req.resolved.upload
        let table = upload.table
        let form = (try? req.content.decode([String: String].self)) ?? [:]
        var mapping = ColumnMapping()
        for field in upload.kind.fields {
            if let text = form["col_" + field.key], !text.isEmpty {
                guard let column = Int(text), table.header.indices.contains(column) else {
                    throw Abort(.badRequest, reason: "\(field.key): \"\(text)\" is not a column of the file")
                }
                mapping.columns[field.key] = column
            }
        }
        try await ImportUploads(db: req.store, scope: try await req.scope(.plan)).setMapping(upload.id, mapping)
        let report = try await SpreadsheetImport(
            db: req.store, scope: try await Self.importScope(req, upload: upload), standards: req.povertyStandards
        ).run(
            table, kind: upload.kind, mapping: mapping, today: CivilDate.today(), dryRun: true,
            actor: try await req.actor(), unit: upload.unitID)
        return try await renderReport(req, upload: upload, report: report, status: .ok)
    }

    func renderReport(_ req: Request, upload: ImportUpload, report: ImportReport, status: HTTPStatus) async throws
        -> Response
    {
        let context = ReportContext(
            page: PageContext(req, title: "\(Labels.text("importResult", req)) · \(upload.fileName)"),
            csrf: req.csrfToken, uploadID: report.written ? nil : upload.id, unitID: upload.unitID,
            fileName: upload.fileName, report: report, mayConfirm: report.errors.isEmpty && !report.written,
            errors: rows(report.errors, upload: upload, req), duplicates: rows(report.duplicates, upload: upload, req))
        let response = try await req.view.render("import-report", context).encodeResponse(for: req)
        response.status = status
        return response
    }

    /// The issues as rows of the report page.
    func rows(_ issues: [InputIssue], upload: ImportUpload, _ req: Request) -> [IssueRow] {
        let mapping = upload.mapping ?? ColumnMapping.guess(header: upload.table.header, kind: upload.kind)
        return issues.map {
            IssueRow(
                $0, header: upload.table.header, mapping: mapping, fields: upload.kind.fields, language: req.language)
        }
    }

    @Sendable func errorsCSV(req: Request) async throws -> Response {
        let upload = try req.resolved.upload
        let table = upload.table
        let mapping = upload.mapping ?? ColumnMapping.guess(header: table.header, kind: upload.kind)
        let report = try await SpreadsheetImport(
            db: req.store, scope: try await Self.importScope(req, upload: upload), standards: req.povertyStandards
        ).run(
            table, kind: upload.kind, mapping: mapping,
            today: CivilDate.today(), dryRun: true, actor: try await req.actor(), unit: upload.unitID)
        let language = req.language
        let csv = try ImportIssuesCSV.csv(report, language: language) {
            IssueRow($0, header: table.header, mapping: mapping, fields: upload.kind.fields, language: language).field
                ?? ""
        }
        let response = Response(status: .ok, body: .init(string: csv))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let base = upload.fileName.split(separator: ".").first.map(String.init) ?? "import"
        let safe = base.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"\(String(String.UnicodeScalarView(safe)))-errors.csv\"")
        return response
    }

    struct ConfirmForm: Content {
        var confirmDuplicates: String?
    }

    @Sendable func confirm(req: Request) async throws -> Response {
        let upload = try req.resolved.upload
        let table = upload.table
        let form = try? req.content.decode(ConfirmForm.self)
        let report = try await SpreadsheetImport(
            db: req.store, scope: try await Self.importScope(req, upload: upload), standards: req.povertyStandards
        ).run(
            table, kind: upload.kind,
            mapping: upload.mapping ?? ColumnMapping.guess(header: table.header, kind: upload.kind),
            today: CivilDate.today(), dryRun: false, confirmDuplicates: form?.confirmDuplicates == "on",
            actor: try await req.actor(), unit: upload.unitID)
        guard report.written else {
            return try await renderReport(req, upload: upload, report: report, status: .unprocessableEntity)
        }
        try await AuditTrail(db: req.store, scope: try await req.scope(.plan)).record(
            AuditEvent(
                actor: try await req.actor().name, action: "import", entity: "import_upload",
                entityID: upload.id.uuidString,
                after: AuditTrail.json(
                    ImportAuditSummary(kind: upload.kind, fileName: upload.fileName, rows: report.valid)),
                requestID: try await req.actor().requestID, unitID: upload.unitID))
        try await ImportUploads(db: req.store, scope: try await req.scope(.plan)).delete(upload.id)
        return try await renderReport(req, upload: upload, report: report, status: .ok)
    }

    /// Where an upload's rows may go: the planner's scope, and within it only the subtree of the unit whose page took
    /// the upload (a district planner importing on a commune's page imports into that commune alone).
    static func importScope(_ req: Request, upload: ImportUpload) async throws -> AccessScope {
        let scope = try await req.scope(.plan)
        return scope.intersection(
            try await ScopeResolver(db: req.store).subtree(of: upload.unitID, on: CivilDate.today()))
    }

    struct ImportAuditSummary: Encodable {
        var kind: ImportKind
        var fileName: String
        var rows: Int
    }

    /// The file as a table, within the web's limits with refusals in the page's language (issue 21). Read on the
    /// application's thread pool: a large file takes seconds, which no event loop or cooperative thread may wait.
    static func read(_ data: Data, format: TableFormat, _ req: Request) async throws -> ImportTable {
        let limits = ImportLimits.web.in(req.language)
        return try await req.application.threadPool.runIfActive {
            try TableReader.read(data, format: format, limits: limits)
        }
    }
}
