import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@Suite("Who may propose a placement plan")
struct PlacementProposalAccessTests {
    @Test(
        "a cell secretary proposing a plan for the cell's own village is refused with 403", arguments: TestDatabase.all)
    func secretary(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let village = try await OrganisationTree(db: app.store, scope: .everything)
                .unit(code: "00001.01", on: Fixtures.date("2019-03-15"))!.id
            var headers = users.secretary.bearer
            headers.contentType = .json
            try await app.testing().test(
                .POST, "/api/placement/plans", headers: headers,
                body: ByteBuffer(string: #"{"unit_id": "\#(village)", "date": "2019-04-01"}"#)
            ) { res in
                #expect(res.status == .forbidden)
            }
        }
    }
}
