import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import Vapor

/// The file formats a list or report can be downloaded in. One scheme for every page: the page's own URL with
/// `?format=csv` or `?format=xlsx` returns the file instead of the page, after the same access checks.
enum ExportFormat: String, CaseIterable, Sendable {
    case csv, xlsx

    var contentType: String {
        switch self {
        case .csv: return "text/csv; charset=utf-8"
        case .xlsx: return XLSXWriter.contentType
        }
    }

    func render(_ table: ExportTable) throws -> Data {
        switch self {
        case .csv: return try TableCSVWriter.data(table)
        case .xlsx: return try XLSXWriter.data(table)
        }
    }
}

/// The "Export CSV / XLSX" links of a page: its own URL with `format=` added.
struct ExportLinks: Encodable {
    var csv: String
    var xlsx: String

    /// The links for `request`'s page, with `adding` set in the query (e.g. which of its tables).
    init(_ request: Request, adding: [String: String] = [:]) {
        var components = URLComponents(string: request.url.string) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "format" && adding[$0.name] == nil }
        items += adding.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        items.append(URLQueryItem(name: "format", value: ExportFormat.csv.rawValue))
        components.queryItems = items
        csv = components.string ?? "?format=csv"
        items.removeLast()
        items.append(URLQueryItem(name: "format", value: ExportFormat.xlsx.rawValue))
        components.queryItems = items
        xlsx = components.string ?? "?format=xlsx"
    }
}

extension Request {
    /// `?format=`: nil for the page itself, `.csv` or `.xlsx` for a file; anything else is a 400 naming the field.
    func exportFormat() throws -> ExportFormat? {
        guard let text = try queryText(.format), text.lowercased() != "html" else { return nil }
        return try queryChoice(.format, as: ExportFormat.self)
    }

    /// The page `template` with `context`, or the file of its table when `format` (from `?format=`) asks for one:
    /// the one branch every exportable page shares.
    func exportOrRender<Context: Encodable>(
        _ template: String, _ context: Context, format: ExportFormat?, list: String, object: UUID? = nil,
        unit: UUID? = nil, units: Set<UUID> = [], table: (Context) throws -> ExportTable
    ) async throws -> Response {
        if let format {
            return try await export(
                try table(context), format: format, list: list, object: object, unit: unit, units: units)
        }
        return try await view.render(template, context).encodeResponse(for: self)
    }

    /// The file of `table` in `format`, with a download name made of the title and the as-of date, after an
    /// audit entry "export" naming the list, the object, the format and the number of rows, filed under the units it
    /// covered (`unit` and `units`, in the read scope; rules.md R30).
    func export(
        _ table: ExportTable, format: ExportFormat, list: String, object: UUID? = nil, unit: UUID? = nil,
        units: Set<UUID> = []
    ) async throws -> Response {
        let body = try format.render(table)
        let actor = try await actor()
        let details = ExportAuditDetails(
            list: list, format: format.rawValue, rows: table.rowCount, query: url.query)
        // An export reads and changes nothing: its entry is batched with the reads' (`AuditBatcher`), stored before
        // the file is sent.
        try await application.storageContext.auditReads.record(
            AuditEvent(
                actor: actor.name, action: "export", entity: list, entityID: object?.uuidString,
                after: AuditTrail.json(details), requestID: actor.requestID, unitID: unit, units: units),
            scope: try await scope(.read))
        let date = (try? asOfDate()) ?? CivilDate.today()
        let name = ExportFileName.make(table.title, date: date, fileExtension: format.rawValue)
        let type = HTTPMediaType(
            type: format == .csv ? "text" : "application",
            subType: format == .csv ? "csv" : "vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            parameters: format == .csv ? ["charset": "utf-8"] : [:])
        return Response.download(body, name: name, type: type)
    }
}

extension Response {
    /// A file to save (an export, a paper): named, of `type`, never cached since it holds members' data.
    static func download(_ body: Data, name: String, type: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: body))
    }
}

/// What an export's audit entry records beside who and which object.
struct ExportAuditDetails: Codable, Equatable {
    var list: String
    var format: String
    var rows: Int
    var query: String?
}
