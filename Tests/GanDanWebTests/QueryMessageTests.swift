import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanWeb

@Suite("A bad query parameter is refused in the page's language, naming the field by its label (issue 21)")
struct QueryMessageTests {
    static func places(_ app: Application) async throws -> (commune: UUID, cell: UUID) {
        let tree = OrganisationTree(db: app.store, scope: .everything)
        let commune = try #require(try await tree.unit(code: "00001", on: Fixtures.date("2019-03-15"))).id
        let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
        return (commune, cell)
    }

    @Test(
        "a bad date, month or year on a page is a 400 whose sentence names the field in Vietnamese, or in English",
        arguments: TestDatabase.all)
    func pages(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (commune, cell) = try await Self.places(app)
            let cases: [(String, vi: String, en: String)] = [
                (
                    "/cells/\(cell)/meetings?date=garbage",
                    "Ngày xem “garbage” không phải là ngày từ 01/01/1900 đến 31/12/2100",
                    "As-of date “garbage” is not a date from 1900-01-01 to 2100-12-31"
                ),
                (
                    "/cells/\(cell)/report?month=2019-13", "Tháng “2019-13” không phải là tháng từ 01/1900 đến 12/2100",
                    "Month “2019-13” is not a month from 1900-01 to 2100-12"
                ),
                (
                    "/units/\(commune)/summary?from=2019-05&to=2019-01", "Đến tháng “2019-01” trước Từ tháng",
                    "To month “2019-01” is before the From month"
                ),
                (
                    "/cells/\(cell)/meetings?year=99999", "Năm “99999” không phải là năm từ 1900 đến 2100",
                    "Year “99999” is not a year from 1900 to 2100"
                ),
                (
                    "/units/\(commune)/impact?placement=2101-01-01", "Ngày bố trí “2101-01-01” không phải là ngày",
                    "Placement date “2101-01-01” is not a date"
                ),
                (
                    "/members?page=0", "Trang “0” không phải là số nguyên từ 1 đến 100000",
                    "Page “0” is not a whole number from 1 to 100000"
                ),
                (
                    "/cells/\(cell)/meetings?format=pdf", "Định dạng “pdf” không phải là một trong các giá trị",
                    "Format “pdf” is not one of html, csv, xlsx"
                ),
                (
                    "/members?figure=full", "Chi bộ cần được chỉ rõ cho số liệu “full”.",
                    "Cell is needed for the figure “full”."
                ),
                (
                    "/units/\(commune)/impact", "Ngày bố trí cần được chỉ rõ (YYYY-MM-DD): chưa có phương án bố trí",
                    "Placement date is needed (YYYY-MM-DD): no approved placement covers this unit."
                ),
            ]
            for (path, vi, en) in cases {
                try await app.testing().test(.GET, path, headers: users.admin.bearer) { res in
                    #expect(res.status == .badRequest, "\(path)")
                    #expect(res.body.string.contains(vi), "\(path): \(res.body.string.suffix(600))")
                    #expect(!res.body.string.contains(en), "\(path)")
                }
                let english = path + (path.contains("?") ? "&" : "?") + "lang=en"
                try await app.testing().test(.GET, english, headers: users.admin.bearer) { res in
                    #expect(res.status == .badRequest, "\(english)")
                    #expect(res.body.string.contains(en), "\(english): \(res.body.string.suffix(600))")
                }
            }
        }
    }

    @Test(
        "a bad query parameter on the API is a 400 with one issue naming the parameter, its message in the language asked",
        arguments: TestDatabase.all)
    func api(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (commune, cell) = try await Self.places(app)
            let cases: [(String, field: String, vi: String, en: String)] = [
                (
                    "/api/cells/\(cell)/quality?until=0001-01-01", "until",
                    "Đến ngày “0001-01-01” không phải là ngày từ 01/01/1900 đến 31/12/2100",
                    "Until date “0001-01-01” is not a date from 1900-01-01 to 2100-12-31"
                ),
                (
                    "/api/units/\(commune)/dashboard?as_of=9999-12-31", "as_of", "Ngày số liệu “9999-12-31” không phải",
                    "Figures as of “9999-12-31” is not a date"
                ),
                (
                    "/api/cells/\(cell)/absence-flags?year=-1", "year", "Năm “-1” không phải là năm từ 1900 đến 2100",
                    "Year “-1” is not a year from 1900 to 2100"
                ),
                (
                    "/api/units/\(commune)/impact?months=61", "months",
                    "Số tháng “61” không phải là số nguyên từ 1 đến 60",
                    "Months “61” is not a whole number from 1 to 60"
                ),
                (
                    "/api/members?cell=x", "cell", "Chi bộ “x” không phải là mã định danh (UUID)",
                    "Cell “x” is not an id (UUID)"
                ),
                (
                    "/api/cells/\(cell)/thematic-plans/2101", "year", "Năm “2101” không phải là năm",
                    "Year “2101” is not a year"
                ),
            ]
            for (path, field, vi, en) in cases {
                for (language, sentence) in [("vi", vi), ("en", en)] {
                    let asked = path + (path.contains("?") ? "&" : "?") + "lang=\(language)"
                    try await app.testing().test(.GET, asked, headers: users.admin.bearer) { res in
                        #expect(res.status == .badRequest, "\(asked)")
                        let body = try res.content.decode(ErrorBody.self)
                        #expect(body.reason.contains(sentence), "\(asked): \(body.reason)")
                        let issue = try #require(body.issues?.first, "\(asked)")
                        #expect(issue.field == field, "\(asked)")
                        let told = issue.message(in: Language(rawValue: language) ?? .vi)
                        #expect(told.contains(sentence), "\(asked): \(told)")
                    }
                }
            }
            // Without `?lang=`, the API answers in Vietnamese like the pages.
            try await app.testing().test(.GET, "/api/units?date=2019-02-30", headers: users.admin.bearer) { res in
                #expect(res.status == .badRequest)
                #expect(res.body.string.contains("Ngày xem “2019-02-30” không phải là ngày"))
            }
        }
    }

    @Test("a value is quoted without its control and direction characters and cut to 40 characters")
    func quoted() {
        let long = String(repeating: "Đ", count: 5_000)
        let error = QueryValueError(.date, "\u{200F}\u{0}" + long)
        let sentence = error.sentence(in: .vi)
        #expect(sentence.hasPrefix("Ngày xem “" + String(repeating: "Đ", count: 40) + "…” không phải là ngày"))
        #expect(!sentence.unicodeScalars.contains { $0.value == 0x200F || $0.value == 0 })
        #expect(sentence.count < 150)
    }

    @Test(
        "a search with NUL or more than 200 characters is a 400 naming the field, on both databases",
        arguments: TestDatabase.all)
    func searchText(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            for query in ["q=Ho%00ang", "q=" + String(repeating: "a", count: 201)] {
                try await app.testing().test(.GET, "/api/members?\(query)", headers: users.admin.bearer) { res in
                    #expect(res.status == .badRequest, "\(query.prefix(20))")
                    let body = try res.content.decode(ErrorBody.self)
                    #expect(body.issues?.first?.field == "q")
                }
                try await app.testing().test(.GET, "/members?\(query)", headers: users.admin.bearer) { res in
                    #expect(res.status == .badRequest, "\(query.prefix(20))")
                    #expect(res.body.string.contains("Từ khóa tìm"))
                }
            }
            try await app.testing().test(.GET, "/api/members?q=Ho%C3%A0ng", headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
            }
        }
    }
}
