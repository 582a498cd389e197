import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanWeb

@Suite("A printed monthly report carries the audit chain's head at its foot (issue 24)")
struct ReportAuditHeadTests {
    /// The entry number and the hash printed at the foot of `html`, as a reader would copy them off the paper.
    static func printedHead(_ html: String) throws -> AuditChainHead {
        let match = try #require(
            html.firstMatch(of: /class="audit-head">[^<]*?([0-9][0-9.,]*), [^<]*<code>([0-9a-f]{64})<\/code>/))
        return try #require(AuditChainHead("\(match.1):\(match.2)"))
    }

    @Test(
        "the monthly report and the commune summary show the head in the page's language, whole, and it verifies",
        arguments: TestDatabase.all)
    func reportShowsHead(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let tree = OrganisationTree(db: app.store, scope: .everything)
            let commune = try #require(try await tree.unit(code: "00001", on: Fixtures.date("2019-03-15"))).id
            let cell = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let trail = AuditTrail(db: app.store, scope: .everything)
            // A commune's viewer and the cell's secretary see it as an administrator does (see AuditHeadLine).
            for (path, user) in [
                ("/cells/\(cell)/report?month=2019-06", users.secretary),
                ("/units/\(commune)/summary?month=2019-06", users.viewer),
            ] {
                var printed: AuditChainHead?
                try await app.testing().test(.GET, path, headers: user.bearer) { res in
                    #expect(res.status == .ok)
                    let html = res.body.string
                    #expect(html.contains("Khi in báo cáo này, sổ nhật ký hệ thống đến mục số"))
                    #expect(html.contains("mã kiểm tra <code>"))
                    // Plain words on the Vietnamese page: no field key, no rule code.
                    #expect(!html.contains("seq") && !html.contains("hash") && !html.contains("rules.md"))
                    printed = try Self.printedHead(html)
                }
                let head = try #require(printed)
                #expect(head.seq > 0)
                #expect(try await trail.verify(against: head) == .holds(entries: try await trail.head().seq))
            }
            try await app.testing().test(
                .GET, "/cells/\(cell)/report?month=2019-06&lang=en", headers: users.admin.bearer
            ) { res in
                let html = res.body.string
                #expect(html.contains("audit log reached entry"))
                #expect(html.contains("check code <code>"))
                let head = try Self.printedHead(html)
                #expect(try await trail.verify(against: head) == .holds(entries: try await trail.head().seq))
            }
        }
    }

    @Test("the entry number is grouped as the page's language writes numbers")
    func grouping() {
        #expect(AuditHeadLine.grouped(1_234_567, .vi) == "1.234.567")
        #expect(AuditHeadLine.grouped(1_234_567, .en) == "1,234,567")
        #expect(AuditHeadLine.grouped(999, .vi) == "999")
        #expect(AuditHeadLine.grouped(0, .en) == "0")
    }
}
