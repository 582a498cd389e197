import Foundation
import GanDanCore
import GanDanStorage
import Leaf
import LeafKit
import Vapor

/// The one configuration entry point: database, migrations, views, errors and routes.
public func configure(_ app: Application, _ settings: Settings) async throws {
    app.http.server.configuration.hostname = settings.hostname
    app.http.server.configuration.port = settings.port
    app.servers.use { app in OversizeAnsweringServer(app.http.server.shared, logger: app.logger) }
    // gzip for pages, styles and JSON when the client asks (a 26 KB minutes form is 4 KB on a 400 kbps line); files
    // already compressed (images, .xlsx, .zip) are sent as they are. The CSRF token is masked afresh on every page
    // (`Request.csrfToken`), so compression cannot leak it (BREACH).
    app.http.server.configuration.responseCompression = .enabled
    app.storage[SettingsKey.self] = settings
    app.logger.logLevel = settings.logLevel
    // Next to the binary in a release; a missing folder stops the start with the folders looked in, before the
    // database is opened (an incomplete installation changes nothing, even with --migrate).
    let resources = try WebResources.folder()

    let storage = try StorageContext(
        location: settings.database, readLocation: settings.readDatabase, logger: app.logger,
        threadPool: app.threadPool,
        eventLoopGroup: app.eventLoopGroup)
    app.storage[StorageContextKey.self] = storage
    app.lifecycle.use(StorageShutdown(context: storage))
    if settings.migrate {
        try await storage.migrate()
    } else {
        let pending = try await storage.pendingMigrations()
        guard pending.isEmpty else { throw PendingMigrationsError(location: settings.database, names: pending) }
    }

    let views = resources.appendingPathComponent("Views").path
    let publicFolder = resources.appendingPathComponent("Public").path
    // The templates live in the package's resource bundle, which may sit under a hidden folder (.build):
    // keep Leaf's sandbox and extension checks, but not its refusal of hidden path components.
    app.leaf.sources = .singleSource(
        NIOLeafFiles(
            fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: views + "/",
            viewDirectory: views + "/"))
    app.leaf.cache.isEnabled = app.environment.isRelease
    app.views.use(.leaf)
    app.leaf.tags["fieldProblem"] = FieldProblemTag()

    ContentConfiguration.global.use(encoder: APICoding.encoder, for: .json)
    ContentConfiguration.global.use(decoder: APICoding.decoder, for: .json)

    app.passwords.use(.bcrypt(cost: settings.bcryptCost))
    app.storage[StandInHashKey.self] = try app.password.hash(UUID().uuidString)
    app.sessions.use { _ in StoredSessions() }
    let secure = settings.secureCookies
    let maxAge = Int(settings.sessionLifetimes.absolute)
    app.sessions.configuration = SessionsConfiguration(cookieName: "gandan_session") { id in
        HTTPCookies.Value(
            string: id.string, maxAge: maxAge, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    app.middleware.use(RequestIDMiddleware())
    app.middleware.use(AccessLogMiddleware())
    app.middleware.use(MetricsMiddleware(metrics: app.httpMetrics))
    app.middleware.use(ErrorResponder(.page))
    app.middleware.use(SecurityHeaders())
    app.middleware.use(LanguageCookieMiddleware())
    app.middleware.use(ReplicaMiddleware(secureCookies: secure))
    app.middleware.use(try PublicFiles(folder: publicFolder + "/"))
    app.middleware.use(app.sessions.middleware)
    // The token first: a user signed in by a token is then not written into a new session (a stored row and a cookie
    // for every API call) by the session authenticator, which stores whoever is signed in after the response.
    app.middleware.use(TokenAuthenticator())
    app.middleware.use(UserSessionAuthenticator())

    try routes(app, resources: resources)
}

/// Registers every route: sign-in is open; everything else needs a user (rules.md R30). Pages sit on one
/// `pages` group; the JSON API on one `api` group under `/api`, whose errors are answered as JSON.
func routes(_ app: Application, resources: URL) throws {
    try app.register(collection: HealthRoutes())
    try app.register(collection: MetricsRoute(token: app.settings.metricsToken))
    try app.register(collection: try OpenAPIDocument(resources: resources))
    // CSRF runs inside each group, so the API's refusals are answered as JSON like its other errors.
    try app.grouped(CSRFMiddleware()).register(collection: LoginPages())
    try app.grouped(CSRFMiddleware()).register(collection: ResetPasswordPages())
    let pages = app.grouped(CSRFMiddleware(), RequireLogin(.page), IdempotentForms())
    let api = app.grouped("api").grouped(ErrorResponder(.json), CSRFMiddleware(), RequireLogin(.json))
    for collection: any RouteCollection in [
        TreePages(), MemberPages(), PlacementPages(), MeetingPages(), VillagePages(),
        MonthlyReportPages(), ImportPages(), MeetingPaperPages(), PlacementPaperPages(),
    ] {
        try pages.register(collection: collection)
    }
    for collection: any RouteCollection in [TreeAPI(), MemberAPI(), PlacementAPI(), MeetingAPI(), VillageAPI()] {
        try api.register(collection: collection)
    }
    for feature: any FeatureRoutes in [
        AccountPages(), PasswordPages(), UserAdminPages(), AuditPages(), FeedbackPages(), SupervisionPages(),
        CandidatePages(), RatingPages(),
        ImpactPages(),
        DashboardPages(), CommitteeMeetingPages(), CommitteeMemberPages(), MemberRegistryPages(), NewMemberPages(),
        DuesPages(), CellCommitteePages(),
        UnitEditPages(), CellEditPages(), RestructurePages(), TransferLetterPages(),
    ] {
        try feature.boot(pages: pages, api: api)
    }
    // An address under /api that no route matches is the API's 404, answered as JSON (after sign-in, like the rest).
    for method: HTTPMethod in [.GET, .POST, .PUT, .PATCH, .DELETE] {
        api.open().on(method, "**") { _ -> Response in
            throw Abort(.notFound, reason: "no API operation is at this address")
        }
    }
}

/// A feature with both pages and a JSON API: it registers each on its group.
protocol FeatureRoutes: Sendable {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws
}

struct SettingsKey: StorageKey {
    typealias Value = Settings
}

extension Request {
    /// The working days of the configured holidays, for deadlines (rules.md R23).
    var workingCalendar: WorkingCalendar { application.settings.workingCalendar }
}

extension Application {
    /// The settings `configure` was called with.
    public var settings: Settings {
        storage[SettingsKey.self] ?? Settings(database: .sqlite(path: "data/gandan.sqlite"))
    }
}
