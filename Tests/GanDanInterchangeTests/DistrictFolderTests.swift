import Foundation
import GanDanCore
import GanDanInterchange
import Testing

@Suite("A district folder reads back as it was written, in CSV and XLSX (issue 18)")
struct DistrictFolderTests {
    static let dataset: OrganisationDataset = {
        let from = Validity(from: CivilDate.on(2008, 1, 1))
        let profile = VillageProfile(
            distanceKm: 19.5, households: 120, poorHouseholds: 30, povertyStandard: "2016-2020", povertyYear: 2018,
            ethnicMinority: true, mountain: false)
        var member = MemberDraft(
            fullName: "Hoàng Văn Hoan", birthDate: CivilDate.on(1975, 2, 3), sex: .male, ethnicity: "Tày",
            citizenID: "008075000101", residenceVillageCode: "02284.11", cardNumber: "12345678",
            party: PartyRecord(
                admittedOn: CivilDate.on(2000, 5, 19), officialOn: CivilDate.on(2001, 5, 19), status: .full),
            cellCode: "CQ-02284", joinedCellOn: CivilDate.on(2001, 5, 19))
        member.posts = [
            PostDraft(
                kind: .peoplesCommitteeChairman, organisationCode: "DB-02284",
                validity: Validity(from: CivilDate.on(2016, 7, 1)), source: .election),
            PostDraft(
                kind: .cellSecretary, organisationCode: "CQ-02284",
                validity: Validity(from: CivilDate.on(2010, 7, 1), until: CivilDate.on(2015, 7, 1)),
                source: .appointment),
        ]
        return OrganisationDataset(
            units: [
                UnitDraft(code: "08", kind: .province, name: "Tuyên Quang", parentCode: nil, validity: from),
                UnitDraft(code: "02284", kind: .commune, name: "Thanh Tương", parentCode: "08", validity: from),
                UnitDraft(
                    code: "02284.11", kind: .village, name: "Nà Coóc", parentCode: "02284", validity: from,
                    profile: profile),
            ],
            organisations: [
                OrganisationDraft(
                    code: "DB-02284", kind: .grassrootsCommittee, name: "Đảng bộ xã Thanh Tương", unitCode: "02284",
                    parentCode: nil, validity: Validity(from: CivilDate.on(1958, 3, 1))),
                OrganisationDraft(
                    code: "CQ-02284", kind: .communeAgencyCell, name: "Chi bộ cơ quan xã Thanh Tương",
                    unitCode: "02284", parentCode: "DB-02284",
                    validity: Validity(from: CivilDate.on(1980, 5, 1), until: CivilDate.on(2019, 4, 25)),
                    ratings: [CellRating(year: 2018, level: .notCompleted, weak: true, weakReason: "Ít sinh hoạt")]),
            ],
            members: [member])
    }()

    @Test(
        "written and read again, the folder holds the same units, organisations, members and posts",
        arguments: [TableFormat.csv, .xlsx])
    func roundTrip(format: TableFormat) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("district-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try DistrictFolder.write(Self.dataset, to: folder, format: format)
        let read = DistrictFolder.read(from: folder, today: CivilDate.on(2026, 12, 6))
        #expect(read.issues == [])
        #expect(read.dataset.units == Self.dataset.units)
        #expect(read.dataset.organisations == Self.dataset.organisations)
        #expect(read.dataset.members == Self.dataset.members)
    }
}
