import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("The citizens, admissions and ratings API in snake_case JSON (rules.md A8, R18–R23)")
struct CitizenAPITests {
    @Test(
        "feedback is followed to an answer and a candidate's ceremony deadline is given in working days",
        arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let tai = try await app.member("Hoàng Văn Tài")
            var headers = users.secretary.bearer
            headers.contentType = .json
            var feedbackID = ""
            try await app.testing().test(
                .POST, "/api/cells/\(cell)/feedback", headers: headers,
                body: ByteBuffer(
                    string:
                        #"{"received_on": "2024-02-05", "received_by": "Hoàng Văn Tài", "topic": "environment", "summary": "Rác ven suối", "citizen_name": "Bàn Văn Sình", "name_consent": false}"#
                )
            ) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("citizenName"))
            }
            try await app.testing().test(
                .POST, "/api/cells/\(cell)/feedback", headers: headers,
                body: ByteBuffer(
                    string:
                        #"{"received_on": "2024-02-05", "received_by": "Hoàng Văn Tài", "topic": "environment", "summary": "Rác ven suối", "name_consent": false}"#
                )
            ) { res in
                #expect(res.status == .created)
                let json = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]
                feedbackID = json?["id"] as? String ?? ""
                // Forward within 5 working days: Tết 2024 (8–14 February) pushes it to the 19th.
                #expect(json?["due"] as? String == "2024-02-19")
            }
            try await app.testing().test(
                .POST, "/api/feedback/\(feedbackID)/steps", headers: headers,
                body: ByteBuffer(string: #"{"step": "forward", "to": "womensUnion", "date": "2024-02-15"}"#)
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#""stage":"forwarded""#))
            }
            try await app.testing().test(.GET, "/api/cells/\(cell)/feedback?status=open", headers: users.viewer.bearer)
            {
                res in
                #expect(res.body.string.contains("Rác ven suối"))
            }

            var candidateID = ""
            try await app.testing().test(
                .POST, "/api/cells/\(cell)/candidates", headers: headers,
                body: ByteBuffer(
                    string: """
                        {"full_name": "Ma Thị Hoa", "birth_date": "2000-05-01", "education": "12/12", "listed_on": "2023-09-01",
                         "introduced_on": "2023-10-01", "introducers": [{"member_id": "\(tai)", "worked_with_since": "2020-01-01"}],
                         "mentor_id": "\(tai)"}
                        """)
            ) { res in
                #expect(res.status == .created)
                let json = try JSONSerialization.jsonObject(with: Data(res.body.readableBytesView)) as? [String: Any]
                candidateID = json?["id"] as? String ?? ""
                #expect(res.body.string.contains("introducers"))
            }
            try await app.testing().test(
                .POST, "/api/candidates/\(candidateID)/steps", headers: headers,
                body: ByteBuffer(string: #"{"step": "decision", "date": "2024-01-25"}"#)
            ) { res in
                #expect(res.status == .unprocessableEntity)
            }
            for (step, date) in [
                ("awarenessCertificate", "2023-10-10"), ("backgroundCheck", "2023-11-10"),
                ("cellResolution", "2023-12-10"), ("decision", "2024-01-25"),
            ] {
                try await app.testing().test(
                    .POST, "/api/candidates/\(candidateID)/steps", headers: headers,
                    body: ByteBuffer(string: #"{"step": "\#(step)", "date": "\#(date)"}"#)
                ) { res in
                    #expect(res.status == .ok, "\(step)")
                }
            }
            try await app.testing().test(
                .GET, "/api/candidates/\(candidateID)?date=2024-02-01", headers: users.planner.bearer
            ) { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#""kind":"ceremony""#))
            }
            // The secretary rates the members; the cell's own level is set by the committee above (rules.md R18).
            let rating = ByteBuffer(
                string: #"{"entries": [{"member_id": "\#(tai)", "score": 92}], "cell_level": "good"}"#)
            try await app.testing().test(.PUT, "/api/cells/\(cell)/ratings/2023", headers: headers, body: rating) {
                res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("committee above"))
            }
            var planner = users.planner.bearer
            planner.contentType = .json
            try await app.testing().test(.PUT, "/api/cells/\(cell)/ratings/2023", headers: planner, body: rating) {
                res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains(#""level":"excellent""#))
                #expect(res.body.string.contains(#""period":"2023""#))
            }
        }
    }
}
