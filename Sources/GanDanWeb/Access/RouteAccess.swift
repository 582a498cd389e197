import Foundation
import Vapor

/// What a group of routes declared: the action they need and where their object comes from, or that they are open.
struct RouteAccess: Sendable, Hashable {
    /// Where the object the action is checked on comes from.
    enum Object: Sendable, Hashable {
        /// The path's parameters (`/cells/:cell`); a route with none checks only that the role may take the action.
        case path
        /// A form or JSON field the handler reads and passes to `Request.resolveBodyObject(_:)`.
        case body(PathKind)
    }

    /// The action the routes need; nil for the open routes (sign-in, health, metrics).
    var action: Action?
    /// What a `:unit` parameter must be: a unit, or a village for the village registers.
    var unitKind: PathKind = .unit
    var object: Object = .path

    /// The key under which a route carries its declaration (`Route.userInfo`).
    static let key = "gandan.access"

    /// The kind a path parameter names on these routes; nil for value parameters (`:year`).
    func kind(of parameter: String) -> PathKind? {
        parameter == "unit" ? unitKind : PathKind(parameter: parameter)
    }
}

extension Route {
    /// The access the route's group declared; nil when it was registered outside every access group.
    var access: RouteAccess? { userInfo[.init(RouteAccess.key)] as? RouteAccess }
}
