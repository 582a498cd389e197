import Foundation
import GanDanCore
import Vapor

extension Request {
    /// The "as of" date from `?date=` (rules.md R26), today in Vietnam when absent; a bad date is a 400.
    func asOfDate() throws -> CivilDate {
        guard let text = query[String.self, at: "date"], !text.isEmpty else { return CivilDate.today() }
        guard let date = CivilDate(text) else {
            throw Abort(
                .badRequest, reason: "date \"\(text)\" is not a date (YYYY-MM-DD) from 1900-01-01 to 2100-12-31")
        }
        return date
    }

    /// Whether `?date=` was given, so links keep it.
    var hasExplicitDate: Bool {
        !(query[String.self, at: "date"] ?? "").isEmpty
    }

    /// A whole-number query parameter from 1 to `maximum`, with a default; anything else is a 400 (a huge page
    /// number must never overflow the row offset).
    func positiveInt(_ name: String, default value: Int, maximum: Int = 100_000) throws -> Int {
        guard let text = query[String.self, at: name], !text.isEmpty else { return value }
        guard let number = Int(text), (1...maximum).contains(number) else {
            throw Abort(.badRequest, reason: "\(name) must be a whole number from 1 to \(maximum)")
        }
        return number
    }

    /// The interface language: `?lang=` (remembered in a cookie), else the cookie, else Vietnamese.
    var language: Language {
        if let text = query[String.self, at: "lang"], let language = Language(rawValue: text) { return language }
        if let cookie = cookies["lang"]?.string, let language = Language(rawValue: cookie) { return language }
        return .vi
    }
}
