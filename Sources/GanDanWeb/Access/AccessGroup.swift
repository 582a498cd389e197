import Foundation
import Vapor

/// A group of routes that declares the action they need (Vapor's `grouped(_:)` with a middleware, and a tag on each
/// route so the access matrix can prove that no route was registered without a decision).
struct AccessGroup: RoutesBuilder {
    let root: any RoutesBuilder
    let access: RouteAccess

    func add(_ route: Route) {
        route.userInfo[.init(RouteAccess.key)] = access
        let middleware: [any Middleware] = [AccessMiddleware(access: access)]
        route.responder = middleware.makeResponder(chainingTo: route.responder)
        root.add(route)
    }
}

extension RoutesBuilder {
    /// Routes that need `action` on the object their path names: 404 outside the read scope (or when it is not of
    /// its kind), 403 when the user's role lacks the action for it. `unitsAre: .village` for the village registers.
    func requiring(_ action: Action, unitsAre kind: PathKind = .unit) -> any RoutesBuilder {
        AccessGroup(root: self, access: RouteAccess(action: action, unitKind: kind))
    }

    /// Routes that need `action` on an object their form or JSON names; the handler passes its id to
    /// `Request.resolveBodyObject(_:)`.
    func requiring(_ action: Action, objectInBody kind: PathKind) -> any RoutesBuilder {
        AccessGroup(root: self, access: RouteAccess(action: action, object: .body(kind)))
    }

    /// Routes anyone may call (sign-in, health, metrics, the API description), declared as such.
    func open() -> any RoutesBuilder {
        AccessGroup(root: self, access: RouteAccess(action: nil))
    }
}

/// Resolves the objects a route's path names and checks the group's action on them, before the handler runs.
struct AccessMiddleware: AsyncMiddleware {
    let access: RouteAccess

    private struct DeclaredKey: StorageKey {
        typealias Value = RouteAccess
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let action = access.action else { return try await next.respond(to: request) }
        var named = false
        for component in request.route?.path ?? [] {
            guard case .parameter(let name) = component, let kind = access.kind(of: name) else { continue }
            guard let id = request.parameters.get(name, as: UUID.self) else {
                throw Abort(.notFound, reason: "nothing is at this address")
            }
            try await kind.resolve(id, request, for: action)
            named = true
        }
        if !named, access.object == .path, !(try await request.holds(action)) {
            throw Abort(.forbidden, reason: action.forbidden)
        }
        request.storage[DeclaredKey.self] = access
        return try await next.respond(to: request)
    }

    /// The declaration of the route the request came by.
    static func declared(_ request: Request) -> RouteAccess? {
        request.storage[DeclaredKey.self]
    }
}

extension Request {
    /// Resolves the object a route's form or JSON names, with the action its group declared (404/403 as for a path).
    func resolveBodyObject(_ id: UUID) async throws {
        guard let access = AccessMiddleware.declared(self), let action = access.action,
            case .body(let kind) = access.object
        else { throw Abort(.internalServerError, reason: "this route declares no object in its body") }
        try await kind.resolve(id, self, for: action)
    }
}
