import FluentKit
import Foundation
import SQLKit

/// The idempotency keys of forms sent, per user, with where each save led (issue 20): a form sent again with the
/// same key (Save pressed again after the line dropped, or a draft restored after sign-in) is answered with the first
/// send's result and records nothing twice.
///
/// A key is claimed before the form's write runs: the unique `(user_id, form_key)` pair lets only one of two
/// simultaneous sends through, on both engines. It takes no access scope: a row holds only a user's own key and the
/// address of a page that user was sent to.
public struct FormSubmissions: Sendable {
    /// What a claim found.
    public enum Claim: Sendable, Equatable {
        /// This send holds the key now: run the write, then `complete` or `release` with this token.
        case claimed(token: String)
        /// The key was used and its save finished: answer with this address again.
        case done(location: String)
        /// Another send of the key is being saved right now.
        case inProgress
    }

    /// A claim still unfinished after this long is taken as abandoned (the server stopped during the save).
    public static let abandonedAfter: TimeInterval = 300

    let db: any Database

    public init(db: DatabaseHandle) {
        self.db = db
    }

    /// Claims `key` for `user`, or says who has it.
    public func claim(user: UUID, key: String, at time: Date = Date()) async throws -> Claim {
        for _ in 0..<3 {
            let row = FormSubmissionRecord()
            row.id = UUID()
            row.userID = user
            row.formKey = key
            row.token = UUID().uuidString
            row.createdAt = time
            do {
                try await row.create(on: db)
                return .claimed(token: row.token)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                guard let held = try await record(user: user, key: key) else { continue }
                if let location = held.location { return .done(location: location) }
                guard time.timeIntervalSince(held.createdAt) > Self.abandonedAfter else { return .inProgress }
                try await FormSubmissionRecord.query(on: db).filter(\.$id == held.requireID())
                    .filter(\.$token == held.token).delete()
            }
        }
        return .inProgress
    }

    /// Where the finished save of `key` led, nil while it is being saved or when nobody holds the key.
    public func location(user: UUID, key: String) async throws -> String? {
        try await record(user: user, key: key)?.location
    }

    /// Whether anyone holds `key` for `user` (being saved or saved).
    public func isHeld(user: UUID, key: String) async throws -> Bool {
        try await record(user: user, key: key) != nil
    }

    /// Notes that the save under the claim `token` finished and led to `location`.
    public func complete(user: UUID, key: String, token: String, location: String) async throws {
        try await FormSubmissionRecord.query(on: db).filter(\.$userID == user).filter(\.$formKey == key)
            .filter(\.$token == token).set(\.$location, to: location).update()
    }

    /// Gives the key back after a save that wrote nothing (bad input, an error): a later send may use it.
    public func release(user: UUID, key: String, token: String) async throws {
        try await FormSubmissionRecord.query(on: db).filter(\.$userID == user).filter(\.$formKey == key)
            .filter(\.$token == token).filter(\.$location == nil).delete()
    }

    /// Forgets the keys `user` claimed before `cutoff`.
    public func prune(user: UUID, before cutoff: Date) async throws {
        try await FormSubmissionRecord.query(on: db).filter(\.$userID == user).filter(\.$createdAt < cutoff).delete()
    }

    /// How many keys `user` holds (for tests and the operator).
    public func count(user: UUID) async throws -> Int {
        try await FormSubmissionRecord.query(on: db).filter(\.$userID == user).count()
    }

    private func record(user: UUID, key: String) async throws -> FormSubmissionRecord? {
        try await FormSubmissionRecord.query(on: db).filter(\.$userID == user).filter(\.$formKey == key).first()
    }
}

/// One idempotency key used by one user.
final class FormSubmissionRecord: Model, @unchecked Sendable {
    static let schema = "form_submissions"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "form_key") var formKey: String
    /// Who holds the claim: only that send may complete or release it.
    @Field(key: "token") var token: String
    /// The page the finished save led to; nil while it is being saved.
    @OptionalField(key: "location") var location: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _userID, _formKey, _token, _location, _createdAt] }
}

/// The table of forms' idempotency keys (issue 20).
struct AddFormSubmissions: AsyncMigration {
    var name: String { "2027-02-01-add-form-submissions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(FormSubmissionRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, .id, onDelete: .cascade))
            .field("form_key", .string, .required)
            .field("token", .string, .required)
            .field("location", .string)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "form_key")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "form_submissions_created_at_idx").on(FormSubmissionRecord.schema)
                .column("created_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(FormSubmissionRecord.schema).delete()
    }
}
