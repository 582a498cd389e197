import Foundation
import GanDanCore
import Vapor

/// A query parameter a route reads (`?date=`, `?page=`, …): its name, what its value must be, and the label a refusal
/// names it by. Routes declare the ones they read (`Route.reading(_:)`); `gandan routes` lists them, and
/// scripts/get-fuzz sends extreme values to every one (issue 21).
struct QueryParameter: Sendable, Hashable {
    /// What a value must be.
    enum Kind: Sendable, Hashable {
        /// `YYYY-MM-DD` (or `DD/MM/YYYY`) within `CivilDate.supportedRange`.
        case date
        /// `YYYY-MM` within `YearMonth.supportedRange`.
        case month
        /// A year within `CivilDate.supportedYears`.
        case year
        /// A whole number in the range.
        case number(ClosedRange<Int>)
        /// One of the values.
        case choice([String])
        /// On for one of the values, off for anything else (a checkbox, `?status=open`).
        case flag([String])
        /// A record's id (UUID).
        case id
        /// Free text of at most this many characters, without control characters.
        case text(maximumLength: Int)
        /// A rating period: a year (`2019`), a quarter (`2019-Q2`), a term (`term-2015-06-01-2020-05-31`) or an ad hoc
        /// review (`adhoc-2019-03-01-2019-05-31`).
        case period
    }

    var name: String
    var kind: Kind
    var label: BilingualText

    init(_ name: String, _ kind: Kind, vi: String, en: String) {
        self.name = name
        self.kind = kind
        label = BilingualText(vi: vi, en: en)
    }

    /// The day the whole site is seen as of (rules.md R26); read by the access checks of every route.
    static let date = QueryParameter("date", .date, vi: "Ngày xem", en: "As-of date")
    /// The interface language (`vi`, `en`); read by every page.
    static let lang = QueryParameter("lang", .choice(Language.allCases.map(\.rawValue)), vi: "Ngôn ngữ", en: "Language")
    /// Read on every route, so never declared one by one.
    static let everywhere: [QueryParameter] = [.date, .lang]

    static let dashboardDate = QueryParameter("as_of", .date, vi: "Ngày số liệu", en: "Figures as of")
    static let fromDate = QueryParameter("from", .date, vi: "Từ ngày", en: "From date")
    static let untilDate = QueryParameter("until", .date, vi: "Đến ngày", en: "Until date")
    static let placementDate = QueryParameter("placement", .date, vi: "Ngày bố trí", en: "Placement date")
    static let month = QueryParameter("month", .month, vi: "Tháng", en: "Month")
    static let fromMonth = QueryParameter("from", .month, vi: "Từ tháng", en: "From month")
    static let toMonth = QueryParameter("to", .month, vi: "Đến tháng", en: "To month")
    static let year = QueryParameter("year", .year, vi: "Năm", en: "Year")
    static let period = QueryParameter("period", .period, vi: "Kỳ đánh giá", en: "Rating period")
    /// A term or an ad hoc review, opened with `from` and `until` (rules.md R18).
    static let ratingKind = QueryParameter(
        "kind", .choice([RatingPeriodKind.term.rawValue, RatingPeriodKind.adHoc.rawValue]), vi: "Loại kỳ đánh giá",
        en: "Kind of rating period")
    static let page = QueryParameter("page", .number(1...100_000), vi: "Trang", en: "Page")
    static let perPage = QueryParameter("per_page", .number(1...100_000), vi: "Số dòng mỗi trang", en: "Rows per page")
    static let months = QueryParameter("months", .number(1...60), vi: "Số tháng", en: "Months")
    static let version = QueryParameter("version", .number(1...Int.max), vi: "Lần ghi biên bản", en: "Minutes version")
    static let search = QueryParameter("q", .text(maximumLength: 200), vi: "Từ khóa tìm", en: "Search text")
    static let format = QueryParameter(
        "format", .choice(["html"] + ExportFormat.allCases.map(\.rawValue)), vi: "Định dạng", en: "Format")
    static let cell = QueryParameter("cell", .id, vi: "Chi bộ", en: "Cell")
    /// How the post a form offers is given, elected or appointed (rules.md R5): the charter list opens the form with
    /// `appointment` chosen.
    static let postSource = QueryParameter(
        "source", .choice(PostSource.allCases.map(\.rawValue)), vi: "Bầu hay chỉ định", en: "Elected or appointed")
    static let unit = QueryParameter("unit", .id, vi: "Đơn vị", en: "Unit")
    /// The transfer whose letter is printed (issue 18).
    static let transfer = QueryParameter("transfer", .id, vi: "Lần chuyển sinh hoạt", en: "Transfer")
    static let expired = QueryParameter(
        "expired", .flag(["1"]), vi: "Phiên đăng nhập đã hết hạn", en: "Session expired")
    /// Set by the redirect after a save, so the page it leads to says "saved" with the time (issue 20).
    static let saved = QueryParameter("saved", .flag(["1"]), vi: "Vừa lưu", en: "Just saved")
    static let overdue = QueryParameter("overdue", .flag(["1", "true", "on"]), vi: "Quá hạn", en: "Overdue")
    static let openOnly = QueryParameter("status", .flag(["open"]), vi: "Tình trạng", en: "Status")
    static let next = QueryParameter("next", .text(maximumLength: 2_000), vi: "Trang tiếp theo", en: "Next page")
    static let table = QueryParameter(
        "table", .choice(MonthlyReportPages.Section.allCases.map(\.rawValue)), vi: "Bảng", en: "Table")
    /// A dashboard figure whose members the member list shows: a cell's full members, or a placement figure.
    static let figure = QueryParameter(
        "figure", .choice(["full"] + PlacementFigure.allCases.map(\.rawValue)), vi: "Số liệu", en: "Figure")
}

/// A query (or path) value that cannot be used: a 400 whose reason is a sentence in the page's language naming the
/// field by its label, and on the API one issue with the parameter's name.
struct QueryValueError: Error, Sendable {
    var parameter: QueryParameter
    var value: String
    /// What the value should have been, completing "<label> “<value>” …".
    var problem: BilingualText
    /// 400 for a value that cannot be read; 404 for a well-formed id that names nothing at this address.
    var status: HTTPResponseStatus = .badRequest

    init(_ parameter: QueryParameter, _ value: String, problem: BilingualText? = nil) {
        self.parameter = parameter
        self.value = value
        self.problem = problem ?? Self.problem(of: parameter.kind)
    }

    /// A well-formed `id` that names nothing here (a commune not in the plan): a 404 saying so in the page's language.
    static func notHere(_ parameter: QueryParameter, _ id: UUID?, problem: BilingualText) -> QueryValueError {
        var error = QueryValueError(parameter, id?.uuidString.lowercased() ?? "", problem: problem)
        error.status = .notFound
        return error
    }

    /// "Ngày xem “9999-12-31” không phải là ngày từ 01/01/1900 đến 31/12/2100 (dạng YYYY-MM-DD).", or without the
    /// quoted value when none was given ("Chi bộ cần được chỉ rõ cho số liệu “full”.").
    func sentence(in language: Language) -> String {
        let label = parameter.label.text(in: language)
        let quoted = value.isEmpty ? "" : " “\(Self.shown(value))”"
        return "\(label)\(quoted) \(problem.text(in: language))."
    }

    /// The value as a message may quote it: no control or direction characters, at most 40 characters.
    static func shown(_ value: String) -> String {
        let kept = String(
            String.UnicodeScalarView(
                value.unicodeScalars.filter { scalar in
                    ![.control, .format].contains(scalar.properties.generalCategory)
                }))
        return kept.count > 40 ? kept.prefix(40) + "…" : kept
    }

    static func problem(of kind: QueryParameter.Kind) -> BilingualText {
        switch kind {
        case .date:
            return BilingualText(
                vi: "không phải là ngày từ 01/01/1900 đến 31/12/2100 (dạng YYYY-MM-DD)",
                en: "is not a date from 1900-01-01 to 2100-12-31 (YYYY-MM-DD)")
        case .month:
            return BilingualText(
                vi: "không phải là tháng từ 01/1900 đến 12/2100 (dạng YYYY-MM)",
                en: "is not a month from 1900-01 to 2100-12 (YYYY-MM)")
        case .year:
            return BilingualText(
                vi: "không phải là năm từ 1900 đến 2100", en: "is not a year from 1900 to 2100")
        case .number(let range):
            let (lower, upper) = (range.lowerBound, range.upperBound)
            guard upper < Int.max else {
                return BilingualText(
                    vi: "không phải là số nguyên từ \(lower) trở lên", en: "is not a whole number of at least \(lower)")
            }
            return BilingualText(
                vi: "không phải là số nguyên từ \(lower) đến \(upper)",
                en: "is not a whole number from \(lower) to \(upper)")
        case .choice(let values), .flag(let values):
            let list = values.joined(separator: ", ")
            return BilingualText(vi: "không phải là một trong các giá trị: \(list)", en: "is not one of \(list)")
        case .id:
            return BilingualText(vi: "không phải là mã định danh (UUID)", en: "is not an id (UUID)")
        case .text(let maximum):
            return BilingualText(
                vi: "dài quá \(maximum) ký tự hoặc có ký tự điều khiển",
                en: "is longer than \(maximum) characters or holds control characters")
        case .period:
            return BilingualText(
                vi: "không phải là năm (2019), quý (2019-Q2), nhiệm kỳ (term-2015-06-01-2020-05-31) hay kỳ đột xuất "
                    + "(adhoc-2019-03-01-2019-05-31) từ 1900 đến 2100",
                en: "is not a year (2019), a quarter (2019-Q2), a term (term-2015-06-01-2020-05-31) or an ad hoc "
                    + "period (adhoc-2019-03-01-2019-05-31) from 1900 to 2100")
        }
    }
}
