import Foundation
import GanDanCore
import Vapor

extension Route {
    /// The key under which a route carries its declared query parameters (`Route.userInfo`).
    private static let queryKey = "gandan.query"

    /// Declares the query parameters the route's handler reads, beside `QueryParameter.everywhere`. A GET handler
    /// that reads one its route did not declare fails with a 500 naming both, so the list stays complete: the access
    /// matrix, the page tests and scripts/get-fuzz (every GET route, every declared parameter) run them all. Other
    /// methods take their input from the body and re-read the query only to show a form again, so they are not held
    /// to it.
    @discardableResult
    func reading(_ parameters: QueryParameter...) -> Route {
        userInfo[.init(Self.queryKey)] = declaredQuery + parameters
        return self
    }

    /// What the route declared it reads, without the parameters every route reads.
    var declaredQuery: [QueryParameter] { userInfo[.init(Self.queryKey)] as? [QueryParameter] ?? [] }

    /// Every query parameter the route may read.
    var queryParameters: [QueryParameter] { QueryParameter.everywhere + declaredQuery }
}

/// A handler read a query parameter its route did not declare: a defect (500), named in the log.
struct UndeclaredQueryParameter: Error, CustomStringConvertible {
    var route: String
    var parameter: String

    var description: String {
        "\(route) reads ?\(parameter)= without declaring it (Route.reading)"
    }
}

extension Request {
    /// The raw text of `parameter`, nil when absent or empty: the one place a handler reads the query.
    func queryText(_ parameter: QueryParameter) throws -> String? {
        if let route, route.method == .GET, !route.queryParameters.contains(parameter) {
            let path = "/" + route.path.map(\.description).joined(separator: "/")
            throw UndeclaredQueryParameter(route: "\(route.method) \(path)", parameter: parameter.name)
        }
        guard let text = query[String.self, at: parameter.name], !text.isEmpty else { return nil }
        return text
    }

    /// A date parameter; a value that is not a date in `CivilDate.supportedRange` is a 400 naming the field.
    func queryDate(_ parameter: QueryParameter) throws -> CivilDate? {
        guard let text = try queryText(parameter) else { return nil }
        guard let date = CivilDate(text) else { throw QueryValueError(parameter, text) }
        return date
    }

    /// A month parameter (`YYYY-MM`); anything else is a 400 naming the field.
    func queryMonth(_ parameter: QueryParameter) throws -> YearMonth? {
        guard let text = try queryText(parameter) else { return nil }
        guard let month = YearMonth(text) else { throw QueryValueError(parameter, text) }
        return month
    }

    /// A whole-number parameter within the parameter's range, else the default; anything else is a 400 (a huge page
    /// number must never overflow a row offset).
    func queryNumber(_ parameter: QueryParameter, default value: Int) throws -> Int {
        guard let text = try queryText(parameter) else { return value }
        guard case .number(let range) = parameter.kind, let number = Int(text), range.contains(number) else {
            throw QueryValueError(parameter, text)
        }
        return number
    }

    /// A parameter with fixed values, as its `RawRepresentable` type; nil when absent, a 400 for anything else.
    func queryChoice<Value: RawRepresentable>(_ parameter: QueryParameter, as type: Value.Type) throws -> Value?
    where Value.RawValue == String {
        guard let text = try queryText(parameter) else { return nil }
        guard let value = Value(rawValue: text.lowercased()) ?? Value(rawValue: text) else {
            throw QueryValueError(parameter, text)
        }
        return value
    }

    /// A checkbox-like parameter: on for one of its values, off when absent or anything else.
    func queryFlag(_ parameter: QueryParameter) throws -> Bool {
        guard case .flag(let values) = parameter.kind, let text = try queryText(parameter) else { return false }
        return values.contains(text.lowercased())
    }

    /// An id parameter; a value that is not a UUID is a 400 naming the field.
    func queryID(_ parameter: QueryParameter) throws -> UUID? {
        guard let text = try queryText(parameter) else { return nil }
        guard let id = UUID(uuidString: text) else { throw QueryValueError(parameter, text) }
        return id
    }

    /// Free text, "" when absent; longer than the parameter allows, or with control characters, is a 400.
    func querySearchText(_ parameter: QueryParameter) throws -> String {
        guard let text = try queryText(parameter) else { return "" }
        guard case .text(let maximum) = parameter.kind, text.count <= maximum,
            !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw QueryValueError(parameter, text) }
        return text
    }
}
