import ArgumentParser
import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage
@testable import gandan

@Suite(
    "gandan placement approve --placed-on, --dissolved-on: each commune's days, named as a planner knows it (rules.md R14)"
)
struct PlacementApproveCommandTests {
    static let plan = ["--plan", UUID().uuidString, "--decision-date", "2019-04-25"]

    /// The message of `validate()`'s refusal for `arguments`, or nil when they are accepted.
    func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try PlacementApprove.parse(Self.plan + arguments)
            return nil
        } catch {
            #expect(PlacementApprove.exitCode(for: error) == .validationFailure)
            return PlacementApprove.message(for: error)
        }
    }

    @Test("validate() refuses a day that is not COMMUNE=DATE, a date that is not one, or a commune given twice")
    func malformed() {
        #expect(refusal(["--placed-on", "02230"])?.contains("--placed-on \"02230\": ghi XÃ=NGÀY") == true)
        #expect(refusal(["--placed-on", "=2019-04-25"])?.contains("ghi XÃ=NGÀY") == true)
        #expect(refusal(["--placed-on", "02230=2019-02-30"])?.contains("không phải ngày") == true)
        #expect(refusal(["--placed-on", "02230=31/04/2019"])?.contains("--placed-on \"02230=31/04/2019\"") == true)
        #expect(
            refusal(["--placed-on", "Thanh Tương=2019-04-25", "--placed-on", "thanh tuong=2019-04-26"])?
                .contains("đã có một ngày") == true)
        #expect(refusal(["--placed-on", "02230=2019-04-25", "--placed-on", "Thanh Tương=26/04/2019"]) == nil)
        #expect(refusal(["--dissolved-on", "02230"])?.contains("--dissolved-on \"02230\": ghi XÃ=NGÀY") == true)
        #expect(refusal(["--placed-on", "02230=2019-04-25", "--dissolved-on", "02230=2019-04-26"]) == nil)
        #expect(refusal([]) == nil)
    }

    /// The two communes of the fixture district, each with an agency cell of members, and a draft for the district
    /// proposed as of 1-4-2019.
    static func drafted(_ db: any Database) async throws -> PlacementPlan {
        var dataset = Fixtures.twoCommunes
        dataset.organisations.append(
            OrganisationDraft(
                code: "CQ-00002", kind: .communeAgencyCell, name: "Chi bộ cơ quan xã Năng Khả", unitCode: "00002",
                parentCode: "DB-00002", validity: Fixtures.since))
        dataset.members = [
            Fixtures.member("La Văn Đường", citizenID: "000000000002"),
            Fixtures.member("Nông Văn Khả", cell: "CQ-00002", village: "00002.01"),
        ]
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
        let district = try #require(
            try await OrganisationTree(db: db, scope: .everything).unit(code: "001", on: Fixtures.date("2019-04-01")))
        return try await PlacementPlans(db: db, scope: .everything).propose(
            unitID: district.id, on: Fixtures.date("2019-04-01"), actor: .system)
    }

    /// Runs the command's approval with `placedOn` and `dissolvedOn` as typed; the refusal's message, or nil when it
    /// approved.
    static func approve(_ plan: PlacementPlan, _ placedOn: [String], dissolvedOn: [String] = [], db: any Database)
        async throws -> String?
    {
        do {
            let days =
                try PlacementDayOption.parse(placedOn)
                + PlacementDayOption.parse(dissolvedOn, option: PlacementDayOption.dissolved)
            _ = try await PlacementApprove.approve(
                plan.id, version: nil, decisionDate: Fixtures.date("2019-04-25"), days: days, db: db,
                charter: .standard, calendar: .vietnam)
            return nil
        } catch let error as ValidationError {
            return error.message
        }
    }

    @Test(
        "a day the form refuses is refused naming --placed-on in Vietnamese, nothing written; codes and names place",
        arguments: TestDatabase.all)
    func approveWithDays(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let plan = try await Self.drafted(db)
            #expect(plan.communes.count == 2)
            let late = WorkingCalendar.vietnam.adding(workingDays: 30, to: Fixtures.date("2019-04-25")).adding(days: 1)
            let tooLate = try await Self.approve(plan, ["00001=\(late.vietnamese)"], db: db)
            #expect(
                tooLate?.contains("--placed-on: Xã Thanh Tương: ngày \(late.vietnamese) quá 30 ngày làm việc") == true)
            let unknown = try await Self.approve(plan, ["Côn Lôn=2019-04-26"], db: db)
            #expect(unknown?.contains("không có xã \"Côn Lôn\" trong phương án (các xã: 00001 Thanh Tương") == true)
            let plans = PlacementPlans(db: db, scope: .everything)
            #expect(try await plans.plan(plan.id)?.status == .draft)
            #expect(try await MembershipRecord.query(on: db).filter(\.$transferKind == "internal").count() == 0)

            let early = try await Self.approve(
                plan, ["00001=2019-04-26"], dissolvedOn: ["Thanh Tương=2019-04-25"], db: db)
            #expect(
                early?.contains(
                    "--dissolved-on: Xã Thanh Tương: ngày giải thể 25/04/2019 trước ngày chuyển sinh hoạt 26/04/2019")
                    == true)
            #expect(try await plans.plan(plan.id)?.status == .draft)

            let approved = try await Self.approve(
                plan, ["xa thanh tuong=26/04/2019", "00002=2019-04-29"], dissolvedOn: ["00002=06/05/2019"], db: db)
            #expect(approved == nil)
            // Each agency cell ends on its own day: Thanh Tương's with its placement, Năng Khả's a week after its.
            for (code, day) in [("CQ-00001", "2019-04-26"), ("CQ-00002", "2019-05-06")] {
                let cell = try await OrganisationRecord.query(on: db).filter(\.$code == code).first()
                #expect(cell?.validUntil == day, "\(code)")
            }
            #expect(try await plans.plan(plan.id)?.status == .approved)
            let tree = OrganisationTree(db: db, scope: .everything)
            for (code, day) in [("00001", "2019-04-26"), ("00002", "2019-04-29")] {
                let commune = try #require(try await tree.unit(code: code, on: Fixtures.date("2019-04-01")))
                let part = try #require(plan.communes.first { $0.communeID == commune.id })
                let moved = try #require(part.proposal.decisions.first)
                let placed = try await MembershipRecord.query(on: db).filter(\.$memberID == moved.memberID)
                    .filter(\.$organisationID == moved.toCellID).first()
                #expect(placed?.validFrom == day, "\(code)")
            }
            let again = try await Self.approve(plan, [], db: db)
            #expect(again?.contains("Phương án này đã được") == true && again?.contains("ngày 25/04/2019") == true)
        }
    }
}
