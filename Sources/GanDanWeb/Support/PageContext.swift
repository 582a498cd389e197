import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// What every page template needs: language, words, title, the "as of" date and the links that keep it.
struct PageContext: Encodable {
    var lang: String
    var t: [String: String]
    var title: String
    /// The date asked for (ISO), shown in the date picker.
    var date: String
    /// The same date as people read it, dd/mm/yyyy.
    var dateText: String
    /// `?date=…&` or empty, to append to links so the whole visit stays on one date.
    var dateQuery: String
    var viLink: String
    var enLink: String
    /// The signed-in user's name, for the header.
    var user: String?
    /// The session's CSRF token for the sign-out form.
    var csrf: String
    /// A new idempotency key for the page's forms (hidden field `idem`), so a form sent twice saves once (issue 20).
    var formKey: String
    /// Whose drafts the page's forms keep in the browser (the signed-in account's id), empty when nobody is signed in.
    var draftOwner: String
    /// A cell secretary's menu: only her cell's pages (nil for everyone else, who get the tree, members, placement).
    var cellMenu: [MenuLink]?
    /// The page's "Export CSV / XLSX" links (its own URL with `format=`), on pages that offer them.
    var exports: ExportLinks?
    /// When the page's figures were read from a replica that is behind: the sentence that says as of when.
    var figuresAsOf: String?

    init(_ request: Request, title: String, exportable: Bool = false) {
        let language = request.language
        lang = language.rawValue
        t = Labels.table(language)
        self.title = title
        let date = (try? request.asOfDate()) ?? CivilDate.today()
        self.date = date.iso
        dateText = date.vietnamese
        dateQuery = request.hasExplicitDate ? "date=\(date.iso)&" : ""
        var components = URLComponents(string: request.url.string) ?? URLComponents()
        var items = (components.queryItems ?? []).filter { $0.name != "lang" }
        items.append(URLQueryItem(name: "lang", value: "vi"))
        components.queryItems = items
        viLink = components.string ?? "/?lang=vi"
        items.removeLast()
        items.append(URLQueryItem(name: "lang", value: "en"))
        components.queryItems = items
        enLink = components.string ?? "/?lang=en"
        let current = request.auth.get(CurrentUser.self)
        user = current?.account.displayName
        csrf = current != nil && current?.viaToken == false ? request.csrfToken : ""
        formKey = UUID().uuidString.lowercased()
        draftOwner = current?.account.id.uuidString.lowercased() ?? ""
        exports = exportable && request.method == .GET ? ExportLinks(request) : nil
        cellMenu = current.flatMap { Self.cellMenu($0.account.grants, language: language, dateQuery: dateQuery) }
        figuresAsOf = Self.figuresAsOf(request.replicaBehind, language: language)
    }

    /// "Figures as of 10:30 07/12/2026 (Vietnam time)…" for a page read from a replica that is behind, else nil.
    static func figuresAsOf(_ replica: (behind: Bool, asOf: Date?), language: Language) -> String? {
        guard replica.behind else { return nil }
        guard let asOf = replica.asOf else {
            return BilingualText(
                vi: "Số liệu trên trang này có thể chưa có những thay đổi vừa lưu.",
                en: "The figures on this page may not have the latest changes yet."
            ).text(in: language)
        }
        let time = VietnamTime.clock(asOf, seconds: true)
        return BilingualText(
            vi: "Số liệu tính đến \(time): thay đổi lưu sau giờ đó chưa có trên trang này.",
            en: "Figures as of \(time) (Vietnam time): changes saved after then are not on this page yet."
        ).text(in: language)
    }

    /// A link of the header's menu.
    struct MenuLink: Encodable {
        var label: String
        var href: String
    }

    /// The menu of a user whose every grant is a secretary's on one cell: that cell's pages, nothing else. Four, so
    /// the header stays one line at 360 px; the rest (dues, ratings, candidates…) are linked from the cell's page.
    static func cellMenu(_ grants: [RoleGrant], language: Language, dateQuery: String) -> [MenuLink]? {
        let cells = Set(grants.map(\.organisationID))
        guard !grants.isEmpty, grants.allSatisfy({ $0.role == .secretary }), cells.count == 1,
            let cell = cells.first ?? nil
        else { return nil }
        func word(_ vi: String, _ en: String) -> String { BilingualText(vi: vi, en: en).text(in: language) }
        let query = dateQuery.isEmpty ? "" : "?" + dateQuery.dropLast()
        return [
            MenuLink(label: word("Chi bộ", "Cell"), href: "/cells/\(cell)\(query)"),
            MenuLink(label: word("Sinh hoạt", "Meetings"), href: "/cells/\(cell)/meetings\(query)"),
            MenuLink(label: word("Ý kiến dân", "Feedback"), href: "/cells/\(cell)/feedback\(query)"),
            MenuLink(label: word("Báo cáo", "Report"), href: "/cells/\(cell)/report\(query)"),
        ]
    }
}

/// Remembers a language chosen with `?lang=` in a cookie, so the next pages keep it.
struct LanguageCookieMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        if let text = request.query[String.self, at: QueryParameter.lang.name], Language(rawValue: text) != nil {
            response.cookies["lang"] = HTTPCookies.Value(
                string: text, maxAge: 365 * 24 * 3600, path: "/", isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }
}
