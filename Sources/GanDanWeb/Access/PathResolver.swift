import Foundation
import GanDanStorage
import Vapor

/// Loads the object one kind of path parameter names: once per request, in the user's read scope (rules.md R30).
protocol PathResolver: SendableMetatype {
    associatedtype Object: Sendable
    /// Why the address answers 404: nothing of this kind there, or nothing the user may see.
    static var notFound: String { get }
    /// The object named by `id` when `read` covers it and it is of this kind; nil otherwise (a 404).
    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> Object?
    /// Whether `scope` (what the user's grants open for an action) covers the object.
    static func covers(_ object: Object, _ scope: AccessScope, _ req: Request) async throws -> Bool
    /// Why the route answers 403 when the user's role lacks `action` for the object.
    static func forbidden(_ action: Action) -> String
}

/// The object a resolver loaded for this request.
struct ResolvedKey<Resolver: PathResolver>: StorageKey {
    typealias Value = Resolver.Object
}

/// How the request's object answers "does this scope cover you?", for `Request.allows(_:)`.
private struct CoverageKey: StorageKey {
    typealias Value = @Sendable (AccessScope) async throws -> Bool
}

extension Request {
    /// Loads the object (404 outside the read scope) and checks `action` on it (403 when the role lacks it).
    @discardableResult
    func resolve<Resolver: PathResolver>(_ resolver: Resolver.Type, _ id: UUID, for action: Action) async throws
        -> Resolver.Object
    {
        if let cached = storage[ResolvedKey<Resolver>.self] { return cached }
        guard let object = try await Resolver.load(id, in: try await scope(.read), self) else {
            throw Abort(.notFound, reason: Resolver.notFound)
        }
        if action != .read, !(try await Resolver.covers(object, try await scope(action), self)) {
            throw Abort(.forbidden, reason: Resolver.forbidden(action))
        }
        storage[ResolvedKey<Resolver>.self] = object
        if storage[CoverageKey.self] == nil {
            storage[CoverageKey.self] = { [self] scope in try await Resolver.covers(object, scope, self) }
        }
        return object
    }

    /// Caches an object a resolver loaded along with its own (a meeting's cell), so handlers read it too.
    func remember<Resolver: PathResolver>(_ resolver: Resolver.Type, _ object: Resolver.Object) {
        storage[ResolvedKey<Resolver>.self] = object
    }

    /// Whether the user's grants for `action` cover the object this request's path names (e.g. to offer a form).
    func allows(_ action: Action) async throws -> Bool {
        guard let covers = storage[CoverageKey.self] else { return false }
        return try await covers(try await scope(action))
    }

    /// The objects this request's path named, as its resolvers loaded them.
    var resolved: Resolved { Resolved(request: self) }
}

/// Typed reads of the objects resolved for a request (`try req.resolved.cell`); each resolver file adds its own.
struct Resolved {
    let request: Request

    /// The object `resolver` loaded; a route that declared no such parameter is a programming error (500).
    func object<Resolver: PathResolver>(_ resolver: Resolver.Type) throws -> Resolver.Object {
        guard let object = request.storage[ResolvedKey<Resolver>.self] else {
            throw Abort(.internalServerError, reason: "this route resolves no \(Resolver.self)")
        }
        return object
    }
}
