import Foundation
import GanDanCore
import GanDanStorage

/// The daily to-do digest (issue 20, `gandan remind`): one plain-text mail in Vietnamese to each user with an e-mail
/// address and something to do, with the counts and the links of their home page; at most one a user a day.
public enum DigestMail {
    /// What a run did.
    public struct Run: Sendable, Hashable {
        /// The users mailed, by user name.
        public var sent: [String] = []
        /// Users who already got the day's digest.
        public var alreadySent: [String] = []
        /// Users with nothing to do.
        public var nothingToDo: [String] = []
        /// Users whose mail the server refused, with its answer.
        public var failed: [String] = []
    }

    /// Sends the digest of `date` to every user with an e-mail address (the CLI's scope: all accounts).
    public static func run(
        db: DatabaseHandle, settings: Settings, client: SMTPClient, from: String, baseURL: String, date: CivilDate,
        now: Date = Date()
    ) async throws -> Run {
        let digests = ReminderDigests(db: db, scope: .commandLineOperator)
        var run = Run()
        for account in try await digests.recipients() {
            guard let address = account.email else { continue }
            let scope = try await ScopeResolver(db: db).scopes(for: account, on: date).read
            let todo = try await HomeToDo.build(
                db: db, account: account, scope: scope, on: date, language: .vi, settings: settings)
            if todo.isEmpty {
                run.nothingToDo.append(account.username)
                continue
            }
            guard try await digests.claim(user: account.id, day: date, now: now) else {
                run.alreadySent.append(account.username)
                continue
            }
            let mail = message(
                todo, to: account, address: address, from: from, baseURL: baseURL, date: date, now: now)
            do {
                try await client.send(from: from, to: address, message: mail)
                run.sent.append(account.username)
            } catch {
                try await digests.release(user: account.id, day: date)
                run.failed.append("\(account.username): \(error)")
            }
        }
        return run
    }

    /// The mail: headers, then the body in UTF-8, base64-encoded so any relay carries it unchanged.
    public static func message(
        _ todo: HomeToDo, to account: UserAccount, address: String, from: String, baseURL: String, date: CivilDate,
        now: Date
    ) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        var body = "Kính gửi đồng chí \(account.displayName),\n\n"
        body += "Việc cần làm ngày \(date.vietnamese):\n"
        for section in todo.sections where !section.empty {
            body += "\n\(section.title)\n"
            for line in section.lines { body += "- \(line.text)\n  \(base)\(line.path)\n" }
        }
        body += "\nXem và làm tại: \(base)/\n\nThư này do GanDan gửi tự động mỗi ngày, không cần trả lời.\n"
        let encoded = Data(body.utf8).base64EncodedString(
            options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let subject = "GanDan: việc cần làm ngày \(date.vietnamese)"
        let headers = [
            "From: GanDan <\(from)>",
            "To: <\(address)>",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Date: \(rfc5322(now))",
            "Message-ID: <\(UUID().uuidString.lowercased())@gandan>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + encoded
    }

    /// `Sun, 06 Dec 2026 07:00:00 +0700`: the moment in Vietnam's time.
    static func rfc5322(_ moment: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: VietnamTime.offsetSeconds)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: moment)
    }
}
