import FluentKit
import Foundation
import GanDanCore
import SQLKit

/// The daily to-do digest's bookkeeping (issue 20): who has an e-mail address, and which user got the digest of which
/// day, so that a second run the same day sends nothing twice.
///
/// A digest is claimed before it is sent and released if sending fails: two runs at once send it once.
public struct ReminderDigests: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Active accounts with an e-mail address, managed by the scope, by user name.
    public func recipients() async throws -> [UserAccount] {
        let administration = AccountAdministration(db: db, scope: scope)
        let directory = UserDirectory(db: db)
        var result: [UserAccount] = []
        for user in try await UserRecord.query(on: db).filter(\.$email != nil).filter(\.$disabled == false)
            .sort(\.$username).all()
        {
            let account = try await directory.account(user)
            if administration.manages(account) { result.append(account) }
        }
        return result
    }

    /// Claims the digest of `day` for `user`: false when it was already claimed (sent, or being sent).
    public func claim(user: UUID, day: CivilDate, now: Date = Date()) async throws -> Bool {
        guard try await UserRecord.find(user, on: db) != nil else { return false }
        let row = ReminderDigestRecord()
        row.id = UUID()
        row.userID = user
        row.day = day.iso
        row.sentAt = now
        do {
            try await row.create(on: db)
            return true
        } catch let error as any DatabaseError where error.isConstraintFailure {
            return false
        }
    }

    /// Gives the claim back after a failed send, so the next run tries again.
    public func release(user: UUID, day: CivilDate) async throws {
        try await ReminderDigestRecord.query(on: db).filter(\.$userID == user).filter(\.$day == day.iso).delete()
    }

    /// The days whose digest `user` got, newest first.
    public func sentDays(user: UUID) async throws -> [CivilDate] {
        try await ReminderDigestRecord.query(on: db).filter(\.$userID == user).sort(\.$day, .descending).all()
            .map { row in
                guard let day = CivilDate(row.day) else {
                    throw StorageError.corrupt(table: ReminderDigestRecord.schema, column: "day", value: row.day)
                }
                return day
            }
    }
}

extension AccountAdministration {
    /// Sets (or, with an empty text, removes) the account's e-mail address for the daily digest.
    public func setEmail(_ id: UUID, _ email: String, actor: Actor) async throws {
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines)
        if !address.isEmpty, !Self.looksLikeEmail(address) {
            throw InputError.invalid(
                field: "email", vi: "Địa chỉ thư điện tử không đúng dạng (ví dụ: ten@xa.gov.vn).",
                en: "The e-mail address is not in the usual form (for example name@commune.gov.vn).")
        }
        try await setEmailAddress(id, address.isEmpty ? nil : address, actor: actor)
    }

    /// One "@" with text on both sides, a dot in the domain, no spaces, quotes or angle brackets: enough for a
    /// mail header and the SMTP envelope, which must never carry a line break.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix(".")
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.value > 32 && $0.value < 127 && !"<>\"(),;:\\[]".unicodeScalars.contains($0)
        }
    }
}

/// One digest sent: a user and the day it was for.
final class ReminderDigestRecord: Model, @unchecked Sendable {
    static let schema = "reminder_digests"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    /// The day the digest was for, ISO.
    @Field(key: "day") var day: String
    @Field(key: "sent_at") var sentAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _userID, _day, _sentAt] }
}

/// Users' e-mail addresses and the digests sent (issue 20).
struct AddReminderDigests: AsyncMigration {
    var name: String { "2027-02-02-add-reminder-digests" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserRecord.schema).field("email", .string).update()
        try await database.schema(ReminderDigestRecord.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserRecord.schema, .id, onDelete: .cascade))
            .field("day", .string, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "user_id", "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ReminderDigestRecord.schema).delete()
        try await database.schema(UserRecord.schema).deleteField("email").update()
    }
}
