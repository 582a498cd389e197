import Crypto
import FluentKit
import Foundation
import GanDanCore
import SQLKit

/// A one-time password reset code: 12 characters from an alphabet without look-alikes, shown in groups of four.
public enum PasswordResetCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// A fresh random code, e.g. `K7QM-2WXA-9RTE`.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let letters = (0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt(alphabet.count)))] }
        return stride(from: 0, to: 12, by: 4).map { String(letters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The code as typed, without spaces or dashes and in capitals, hashed: only this is stored.
    static func hash(_ code: String) -> String {
        let folded = code.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        return SHA256.hash(data: Data(folded.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// A user's own password: changed on their account page, or set again with a reset code (issue 18).
extension UserDirectory {
    /// Replaces the user's password hash and ends what the old password opened: every API token and every session
    /// but `keepingSession` (the session the change was made in), in the caller's transaction.
    static func replacePassword(of userID: UUID, hash: String, keepingSession: String?, on db: any Database)
        async throws
    {
        try await UserRecord.query(on: db).filter(\.$id == userID).set(\.$passwordHash, to: hash).update()
        try await APITokenRecord.query(on: db).filter(\.$userID == userID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: Date()).update()
        try await SessionStore.deleteAll(of: userID, except: keepingSession, on: db)
    }

    /// The user's own new password (the current one was checked by the caller, which also hashed the new one): every
    /// other session and every API token ends, the session `keepingSession` goes on. Audited as "change-password",
    /// under the units of the user's roles.
    public func changeOwnPassword(_ userID: UUID, hash: String, keepingSession: String?, actor: Actor) async throws {
        try await db.writeTransaction { db in
            guard let account = try await UserDirectory(db: db).account(userID), !account.disabled else {
                throw StorageError.notFound("no active account \(userID)")
            }
            try await Self.replacePassword(of: userID, hash: hash, keepingSession: keepingSession, on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: actor.name, action: "change-password", entity: "user", entityID: userID.uuidString,
                    requestID: actor.requestID, units: try await AccountAdministration.units(of: account, on: db)))
        }
    }

    /// Sets a new password with a reset code issued for `username`: the code must be unused, unexpired and the
    /// account active, else `AccountRefusal.codeInvalid` (the same answer whatever was wrong). The code is used up,
    /// every session and API token of the account ends; audited as "reset-password" by the user.
    public func redeemResetCode(username: String, code: String, hash: String, requestID: String?, now: Date = Date())
        async throws
    {
        let name = Self.normalised(username)
        let codeHash = PasswordResetCode.hash(code)
        try await db.writeTransaction { db in
            guard let found = try await UserDirectory(db: db).credentials(username: name), !found.account.disabled,
                let row = try await PasswordResetCodeRecord.query(on: db).filter(\.$codeHash == codeHash)
                    .filter(\.$userID == found.account.id).filter(\.$usedAt == nil).filter(\.$expiresAt > now)
                    .first(),
                let sql = db as? any SQLDatabase
            else { throw AccountRefusal.codeInvalid }
            // One use only: of two requests with the same code, the second finds it used.
            let claimed = try await sql.raw(
                """
                UPDATE \(ident: PasswordResetCodeRecord.schema) SET used_at = \(bind: now)
                WHERE id = \(bind: try row.requireID()) AND used_at IS NULL RETURNING id
                """
            ).all()
            guard claimed.count == 1 else { throw AccountRefusal.codeInvalid }
            try await Self.replacePassword(of: found.account.id, hash: hash, keepingSession: nil, on: db)
            try await AuditTrail(db: db, scope: .storageInternal).record(
                AuditEvent(
                    actor: found.account.username, action: "reset-password", entity: "user",
                    entityID: found.account.id.uuidString, requestID: requestID,
                    units: try await AccountAdministration.units(of: found.account, on: db)))
        }
    }
}
