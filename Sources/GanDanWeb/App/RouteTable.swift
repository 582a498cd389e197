import Foundation
import Vapor

/// One registered route as `gandan routes` prints it: what it needs, which objects its path names and which query
/// parameters it reads. scripts/get-fuzz walks every GET route of this table (issue 21).
public struct RouteDescription: Codable, Sendable, Equatable {
    public var method: String
    /// `/cells/:cell/meetings`.
    public var path: String
    /// The action the route's group declared (`read`, `write`, …); nil for the open routes.
    public var action: String?
    /// Each object parameter of the path and the kind of object it names (`unit` → `village` on the village registers).
    public var objects: [String: String]
    /// The path parameters that carry a value, not an object (`year`, `period`).
    public var values: [String]
    /// Every query parameter the route reads, those read everywhere first.
    public var query: [QueryParameterDescription]
}

/// A query parameter and what its values must be.
public struct QueryParameterDescription: Codable, Sendable, Equatable {
    public var name: String
    /// `date`, `month`, `year`, `number`, `choice`, `flag`, `id`, `text` or `period`.
    public var kind: String
    /// The accepted values of a `choice`, the values that turn a `flag` on.
    public var values: [String]?
    public var minimum: Int?
    public var maximum: Int?
}

extension QueryParameterDescription {
    init(_ parameter: QueryParameter) {
        name = parameter.name
        switch parameter.kind {
        case .date: kind = "date"
        case .month: kind = "month"
        case .year: kind = "year"
        case .period: kind = "period"
        case .id: kind = "id"
        case .number(let range): (kind, minimum, maximum) = ("number", range.lowerBound, range.upperBound)
        case .choice(let choices): (kind, values) = ("choice", choices)
        case .flag(let on): (kind, values) = ("flag", on)
        case .text(let length): (kind, maximum) = ("text", length)
        }
    }
}

extension Application {
    /// Every registered route, in path order, with its declared access and query parameters.
    public var routeTable: [RouteDescription] {
        routes.all.map { route in
            let access = route.access
            var objects: [String: String] = [:]
            var values: [String] = []
            for case .parameter(let name) in route.path {
                if let kind = access?.kind(of: name) {
                    objects[name] = kind.rawValue
                } else {
                    values.append(name)
                }
            }
            return RouteDescription(
                method: route.method.rawValue, path: "/" + route.path.map(\.description).joined(separator: "/"),
                action: access?.action?.rawValue, objects: objects, values: values,
                query: route.queryParameters.map(QueryParameterDescription.init))
        }.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
    }
}
