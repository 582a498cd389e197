import FluentKit
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

@Suite("Memberships on a date and cell counts (rules.md R1–R4, R13, R15)")
struct MembershipTests {
    @Test("who was in a cell on a date: a transfer ends one roll and starts the other", arguments: TestDatabase.all)
    func membershipOnDate(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var dataset = Fixtures.tree
            dataset.members = [Fixtures.member("Hoàng Văn Hoan"), Fixtures.member("Ma Văn Ba")]
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
            let tree = OrganisationTree(db: db, scope: .everything)
            let agency = try #require(try await tree.organisation(code: "CQ-00001"))
            let naCooc = try #require(try await tree.organisation(code: "CB-00001.01"))
            let hoan = try #require(
                try await MemberDirectory(db: db, scope: .everything).search(
                    .init(text: "hoan", date: Fixtures.date("2019-01-01"))
                ).items
                    .first)

            try await MembershipWriter(db: db, scope: .everything).transfer(
                hoan.id, to: naCooc.id, on: Fixtures.date("2019-04-30"), kind: .internal)

            let cells = CellDirectory(db: db, scope: .everything)
            let before = try await cells.roster(of: agency.id, on: Fixtures.date("2019-04-29")).map(\.member.fullName)
            let after = try await cells.roster(of: agency.id, on: Fixtures.date("2019-04-30")).map(\.member.fullName)
            let village = try await cells.roster(of: naCooc.id, on: Fixtures.date("2019-04-30")).map(\.member.fullName)
            #expect(before == ["Ma Văn Ba", "Hoàng Văn Hoan"])
            #expect(after == ["Ma Văn Ba"])
            #expect(village == ["Hoàng Văn Hoan"])
            let detail = try #require(
                try await MemberDirectory(db: db, scope: .everything).detail(hoan.id, on: Fixtures.date("2019-05-01")))
            #expect(detail.memberships.map(\.transferKind) == [.initial, .internal])
            #expect(detail.summary.cellName == "Chi bộ thôn Nà Coóc")
        }
    }

    @Test(
        "counts take full members only; probationary, temporary and residence contacts apart",
        arguments: TestDatabase.all)
    func counts(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var dataset = Fixtures.tree
            var temporary = Fixtures.member("Lý Văn Tạm", cell: "CB-00001.02")
            temporary.temporaryCellCode = "CQ-00001"
            var contact = Fixtures.member("Nông Văn Liên", cell: "CB-00001.02")
            contact.residenceContactCellCode = "CQ-00001"
            dataset.members = [
                Fixtures.member("Hoàng Văn Một"),
                Fixtures.member("Hoàng Văn Hai", status: .exempt, statusSince: "2015-01-01"),
                Fixtures.member("Hoàng Thị Dự", admitted: "2018-06-01", official: nil),
                Fixtures.member("Hoàng Văn Cũ", status: .left, statusSince: "2018-01-01"),
                temporary, contact,
            ]
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
            let agency = try #require(
                try await OrganisationTree(db: db, scope: .everything).organisation(code: "CQ-00001"))
            let cells = CellDirectory(db: db, scope: .everything)
            let march = try #require(try await cells.summaries(of: [agency], on: Fixtures.date("2019-03-15")).first)
            #expect(march.counts == CellCounts(full: 2, exempt: 1, probationary: 1, suspended: 0, temporary: 1))
            #expect(!march.meetsMinimum)
            let roster = try await cells.roster(of: agency.id, on: Fixtures.date("2019-03-15")).map(\.member.fullName)
            #expect(!roster.contains("Nông Văn Liên"))
            #expect(!roster.contains("Hoàng Văn Cũ"))
            // A year on, the probationary member is full (official date 12 months after admission is not set
            // here, so she stays probationary): standing follows the stored dates only.
            let before2017 = try #require(
                try await cells.summaries(of: [agency], on: Fixtures.date("2017-03-15")).first)
            #expect(before2017.counts.full == 3)
            #expect(before2017.counts.probationary == 0)
        }
    }

    @Test("a cell with 9 full members may propose a committee (rules.md A5, R3)", arguments: TestDatabase.all)
    func committeeThreshold(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var dataset = Fixtures.tree
            let names = ["An", "Bình", "Chung", "Dũng", "Đức", "Giang", "Hà", "Khánh", "Lâm"]
            dataset.members = names.map { Fixtures.member("Hoàng Văn \($0)", cell: "CB-00001.02") }
            dataset.members.append(
                Fixtures.member("Hoàng Thị Mới", cell: "CB-00001.02", admitted: "2019-01-01", official: nil))
            dataset.members[0].posts = [
                PostDraft(kind: .cellSecretary, organisationCode: "CB-00001.02", validity: Fixtures.since)
            ]
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
            let tree = OrganisationTree(db: db, scope: .everything)
            let cell = try #require(try await tree.organisation(code: "CB-00001.02"))
            let cells = CellDirectory(db: db, scope: .everything)
            let nine = try #require(try await cells.summaries(of: [cell], on: Fixtures.date("2019-03-15")).first)
            #expect(nine.counts.full == 9 && nine.counts.probationary == 1)
            #expect(nine.mayProposeCommittee)
            #expect(nine.secretary == "Hoàng Văn An")
            let stricter = try #require(
                try await cells.summaries(
                    of: [cell], on: Fixtures.date("2019-03-15"), settings: CharterSettings(committeeThreshold: 10)
                ).first)
            #expect(!stricter.mayProposeCommittee)
        }
    }
}
