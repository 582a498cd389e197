import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import GanDanTesting
import Testing

@testable import GanDanStorage

/// Scope by time in Storage (issue 21 item 5, rules.md R30): the directory and the import check as seen from a
/// commune a member has left.
@Suite("A former member, as the commune they left sees them, and the import check (issue 21)")
struct FormerMemberTests {
    static let then = Fixtures.date("2019-05-31")
    static let left = Fixtures.date("2019-06-01")

    /// Two communes; Triệu Văn Đi, probationary in Nà Coóc (commune 00001) from 2018, moves to Nà Mỏ (00002) on
    /// 2019-06-01, becomes a full member there in 2020 with a party card, and is its deputy secretary from 2021.
    static func seeded(_ db: any Database) async throws -> (member: UUID, stays: UUID, commune: AccessScope) {
        var dataset = DatasetWriterScopeTests.twoCommunes
        var member = Fixtures.member(
            "Triệu Văn Đi", cell: "CB-00001.01", born: "1990-09-09", admitted: "2018-01-01", official: "2020-01-01",
            citizenID: "000000000031", village: "00001.01",
            posts: [
                PostDraft(
                    kind: .cellDeputySecretary, organisationCode: "CB-00002.01",
                    validity: Validity(from: Fixtures.date("2021-01-01")))
            ])
        member.cardNumber = "08000031"
        member.phone = "0912000031"
        dataset.members = [member, Fixtures.member("Hà Văn Ở", citizenID: "000000000032")]
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
        let everyone = MemberDirectory(db: db, scope: .everything)
        let id = try #require(try await everyone.search(.init(text: "Triệu Văn Đi", date: then)).items.first).id
        let stays = try #require(try await everyone.search(.init(text: "Hà Văn Ở", date: then)).items.first).id
        let cell = try #require(try await OrganisationRecord.query(on: db).filter(\.$code == "CB-00002.01").first())
        try await MembershipWriter(db: db, scope: .everything).transfer(
            id, to: try cell.requireID(), on: left, kind: .official)
        try await MemberWriter(db: db, scope: .everything).updateContact(
            id, MemberContactChange(phone: "0987000031", education: "Đại học"), on: CivilDate.today(), actor: .system)
        return (id, stays, try await DatasetWriterScopeTests.firstCommune(on: db))
    }

    @Test(
        "seen from the commune he left, he is found only as of a day he was there, and as recorded that day",
        arguments: TestDatabase.all)
    func asRecorded(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (id, stays, commune) = try await Self.seeded(db)
            let directory = MemberDirectory(db: db, scope: commune)
            #expect(try await directory.detail(id, on: CivilDate.today()) == nil)
            #expect(try await directory.detail(id, on: Self.left) == nil)
            #expect(try await directory.search(.init(text: "Đi", date: CivilDate.today())).total == 0)
            #expect(try await directory.search(.init(text: "Đi", date: Self.then)).total == 1)

            let former = try #require(try await directory.detail(id, on: Self.then))
            #expect(former.asRecordedOn == Self.then)
            #expect(former.summary.fullName == "Triệu Văn Đi" && former.citizenID == "000000000031")
            #expect(former.summary.cellName == "Chi bộ thôn Nà Coóc")
            #expect(former.phone == "0912000031" && former.education == nil)
            #expect(former.memberships.map(\.organisationName) == ["Chi bộ thôn Nà Coóc"])
            #expect(former.memberships.first?.validity.until == Self.left)
            #expect(former.posts.isEmpty)
            #expect(former.party.officialOn == nil && former.cardNumber == nil)
            #expect(former.party.status == .probationary && former.summary.status == .probationary)

            // A member still in the commune, seen as of the same day, shows the whole record as before.
            #expect(try await directory.detail(stays, on: Self.then)?.asRecordedOn == nil)
            // Without a limit, the whole record as before, whatever the date.
            let whole = try #require(try await MemberDirectory(db: db, scope: .everything).detail(id, on: Self.then))
            #expect(whole.asRecordedOn == nil && whole.phone == "0987000031" && whole.cardNumber == "08000031")
            #expect(whole.memberships.count == 2 && whole.posts.count == 1)
        }
    }

    @Test(
        "a phone searched as of an earlier day finds no member who has left the scope since",
        arguments: TestDatabase.all)
    func phoneSearch(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (_, _, commune) = try await Self.seeded(db)
            let directory = MemberDirectory(db: db, scope: commune)
            #expect(try await directory.search(.init(text: "0987000031", date: Self.then)).total == 0)
            #expect(try await directory.search(.init(text: "000000000031", date: Self.then)).total == 1)
            #expect(
                try await MemberDirectory(db: db, scope: .everything).search(
                    .init(text: "0987000031", date: Self.then)
                ).total == 1)
        }
    }

    @Test(
        "the import check says 'elsewhere' for his citizen ID, card and name, names no place, and is audited",
        arguments: TestDatabase.all)
    func importCheck(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (_, _, commune) = try await Self.seeded(db)
            let unit = try #require(try await UnitRecord.query(on: db).filter(\.$code == "00001").first()).unitID
            let csv = """
                Họ và tên,Ngày sinh,Giới tính,Số CCCD,Số thẻ đảng viên,Ngày vào Đảng,Ngày chính thức,Mã chi bộ
                Triệu Văn Khác,1991-01-01,Nam,000000000031,,2010-05-19,2011-05-19,CB-00001.01
                Triệu Văn Khác Nữa,1992-01-01,Nam,,08000031,2010-05-19,2011-05-19,CB-00001.01
                TRIEU VAN DI,1990-09-09,Nam,,,2010-05-19,2011-05-19,CB-00001.01
                Hà Văn Ba,1975-05-05,Nam,000000000032,,2010-05-19,2011-05-19,CB-00001.01
                """
            let table = try TableReader.csv(Data(csv.utf8))
            let report = try await SpreadsheetImport(db: db, scope: commune).run(
                table, kind: .members, mapping: ColumnMapping.guess(header: table.header, kind: .members),
                today: CivilDate.today(), dryRun: true, actor: Actor(name: "planner", requestID: "r1"), unit: unit)
            let messages = (report.errors + report.duplicates).map {
                "\($0.line ?? 0) \($0.field ?? ""): \($0.message)"
            }
            let elsewhere = "is registered elsewhere; ask the party committee above."
            #expect(messages.contains("2 citizen_id: 000000000031 \(elsewhere)"))
            #expect(messages.contains("3 card_number: 08000031 \(elsewhere)"))
            #expect(messages.contains { $0.hasPrefix("4 full_name: Possibly a duplicate") && $0.contains("elsewhere") })
            let vietnamese = (report.errors + report.duplicates).map { $0.message(in: .vi) }
            #expect(vietnamese.contains("000000000031 đã có trong hồ sơ ở nơi khác; hãy hỏi cấp ủy cấp trên."))
            #expect(messages.contains("5 citizen_id: 000000000032 is already registered."), "inside, as before")
            for message in messages {
                for place in ["Nà Mỏ", "Sơn Phú", "CB-00002", "Triệu Văn Đi"] {
                    #expect(!message.contains(place), "\(message)")
                }
            }
            let audit = try await AuditEntryRecord.query(on: db).filter(\.$action == "check").all()
            #expect(audit.count == 1)
            let entry = try #require(audit.first)
            #expect(entry.actor == "planner" && entry.requestID == "r1" && entry.unitID == unit)
            #expect(entry.entity == "member_identities")
            #expect(entry.after == #"{"compared":4,"dryRun":true,"matchedElsewhere":3,"rows":4}"#)
        }
    }

    @Test("a household check does not tell whether a village outside the scope has that household")
    func householdsElsewhere() async throws {
        try await TestDatabase.sqlite.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let villages = try await UnitRecord.query(on: db).filter(\.$code ~~ ["00001.01", "00001.02"]).all()
            let byCode = Dictionary(uniqueKeysWithValues: villages.map { ($0.code, $0.unitID) })
            _ = try await HouseholdRegister(db: db, scope: .everything).add(
                HouseholdDraft(headName: "Lò Thị Dung", year: 2024, status: .poor),
                village: try #require(byCode["00001.02"]), actor: .system)
            let table = try TableReader.csv(
                Data("Mã thôn,Họ tên chủ hộ,Số nhân khẩu,Năm,Phân loại hộ\n00001.02,LO THI DUNG,2,2024,poor\n".utf8))
            let report = try await SpreadsheetImport(
                db: db, scope: .restricted(units: [try #require(byCode["00001.01"])], organisations: [])
            ).run(
                table, kind: .households, mapping: ColumnMapping.guess(header: table.header, kind: .households),
                today: CivilDate.today(), dryRun: true)
            #expect(report.errors.map(\.message) == ["The village 00001.02 is outside the units you may manage."])
            #expect(report.duplicates.isEmpty)
        }
    }
}
