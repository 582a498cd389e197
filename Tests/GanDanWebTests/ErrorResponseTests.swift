import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanWeb

@Suite("Errors are answered in one place: JSON on the API, a page otherwise (issue 17)")
struct ErrorResponseTests {
    struct Defect: Error {}

    @Test("invalid API input is a 422 whose body lists each issue by field", arguments: TestDatabase.all)
    func invalidInput(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            var headers = users.secretary.bearer
            headers.contentType = .json
            try await app.testing().test(
                .POST, "/api/cells/\(cell)/feedback", headers: headers,
                body: ByteBuffer(
                    string:
                        #"{"received_on": "2024-02-05", "received_by": "Hoàng Văn Tài", "topic": "environment", "summary": "Rác", "citizen_name": "Bàn Văn Sình", "name_consent": false}"#
                )
            ) { res in
                #expect(res.status == .unprocessableEntity)
                let body = try res.content.decode(ErrorBody.self)
                #expect(body.error)
                #expect(body.issues?.contains { $0.field == "citizenName" } == true)
                #expect(body.requestID == nil)
            }
        }
    }

    @Test("input that cannot be read is a 400 on the API, a 422 only when it is read and invalid")
    func statuses() {
        #expect(Failure(InputError.malformed("not JSON")).status == .badRequest)
        #expect(Failure(InputError.invalid(field: "year", "no standard covers 1990")).status == .unprocessableEntity)
        #expect(Failure(InputError.invalid(field: "year", "x")).issues == [InputIssue(field: "year", message: "x")])
        let corrupt = Failure(StorageError.corrupt(table: "meetings", column: "status", value: "lost"))
        #expect(corrupt.status == .internalServerError)
        #expect(!corrupt.reason.contains("lost"))
    }

    @Test("without a user the API answers 401 in JSON and a page sends the browser to sign in")
    func signedOut() async throws {
        try await withEmptyApp { app in
            try await app.testing().test(.GET, "/api/units") { res in
                #expect(res.status == .unauthorized)
                #expect(res.headers.contentType == .json)
                let body = try res.content.decode(ErrorBody.self)
                #expect(body.error)
            }
            try await app.testing().test(.GET, "/audit") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location)?.hasPrefix("/login") == true)
            }
        }
    }

    @Test("a 500 shows the request id on the page and in the JSON body, and nothing of the defect")
    func defectCarriesRequestID() async throws {
        try await withEmptyApp { app in
            app.get("boom") { _ -> String in throw Defect() }
            app.grouped("api").grouped(ErrorResponder(.json)).get("boom") { _ -> String in throw Defect() }
            // A client's own id is not believed (only a trusted proxy's is): the answer names the id it was given.
            let headers: HTTPHeaders = ["X-Request-Id": "req-1234"]
            try await app.testing().test(.GET, "/boom", headers: headers) { res in
                #expect(res.status == .internalServerError)
                let id = try #require(res.headers.first(name: .xRequestId))
                #expect(id != "req-1234")
                #expect(res.body.string.contains(id))
                #expect(!res.body.string.contains("Defect"))
            }
            try await app.testing().test(.GET, "/api/boom", headers: headers) { res in
                #expect(res.status == .internalServerError)
                let body = try res.content.decode(ErrorBody.self)
                #expect(body.requestID == res.headers.first(name: .xRequestId))
                #expect(body.requestID != nil)
                #expect(!body.reason.contains("Defect"))
            }
        }
    }
}
