import Foundation
import GanDanCore
import Vapor

extension Request {
    /// The "as of" date from `?date=` (rules.md R26), today in Vietnam when absent; a bad date is a 400.
    ///
    /// On a route that takes a dashboard's day (`?as_of=`), that day comes first, as on the dashboard itself: the user's
    /// scope and the unit in the path are read as of it, so a district that ended in 2025 opens as of 2019 (rules.md
    /// R26).
    func asOfDate() throws -> CivilDate {
        if route?.queryParameters.contains(.dashboardDate) == true, let day = try queryDate(.dashboardDate) {
            return day
        }
        return try queryDate(.date) ?? CivilDate.today()
    }

    /// Whether `?date=` was given, so links keep it.
    var hasExplicitDate: Bool {
        ((try? queryText(.date)) ?? nil) != nil
    }

    /// The interface language: `?lang=` (remembered in a cookie), else the cookie, else Vietnamese.
    var language: Language {
        if let text = query[String.self, at: QueryParameter.lang.name], let language = Language(rawValue: text) {
            return language
        }
        if let cookie = cookies["lang"]?.string, let language = Language(rawValue: cookie) { return language }
        return .vi
    }
}
