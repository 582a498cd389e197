import GanDanCore

/// Small, hand-made datasets whose every figure a test can state.
public enum Fixtures {
    public static func date(_ text: String) -> CivilDate { CivilDate(text)! }

    public static let since = Validity(from: CivilDate(year: 2008, month: 1, day: 1)!)

    /// Province 01 → district 001 → commune 00001 (villages 00001.01 "Nà Coóc", 00001.02 "Nà Làng"), each with cells.
    public static var tree: OrganisationDataset {
        OrganisationDataset(
            units: [
                UnitDraft(code: "01", kind: .province, name: "Tỉnh Mẫu", parentCode: nil, validity: since),
                UnitDraft(code: "001", kind: .district, name: "Huyện Mẫu", parentCode: "01", validity: since),
                UnitDraft(code: "00001", kind: .commune, name: "Thanh Tương", parentCode: "001", validity: since),
                UnitDraft(
                    code: "00001.01", kind: .village, name: "Nà Coóc", parentCode: "00001", validity: since,
                    profile: VillageProfile(distanceKm: 19, households: 80, poorHouseholds: 30, mountain: true)),
                UnitDraft(
                    code: "00001.02", kind: .village, name: "Nà Làng", parentCode: "00001", validity: since,
                    profile: VillageProfile(distanceKm: 3, households: 120, poorHouseholds: 10)),
            ],
            organisations: [
                OrganisationDraft(
                    code: "DB-00001", kind: .grassrootsCommittee, name: "Đảng bộ xã Thanh Tương", unitCode: "00001",
                    parentCode: nil, validity: since),
                OrganisationDraft(
                    code: "CQ-00001", kind: .communeAgencyCell, name: "Chi bộ cơ quan xã Thanh Tương",
                    unitCode: "00001", parentCode: "DB-00001", validity: since),
                OrganisationDraft(
                    code: "CB-00001.01", kind: .villageCell, name: "Chi bộ thôn Nà Coóc", unitCode: "00001.01",
                    parentCode: "DB-00001", validity: since,
                    ratings: [CellRating(year: 2018, level: .notCompleted, weak: true, weakReason: "Yếu kém")]),
                OrganisationDraft(
                    code: "CB-00001.02", kind: .villageCell, name: "Chi bộ thôn Nà Làng", unitCode: "00001.02",
                    parentCode: "DB-00001", validity: since),
            ])
    }

    /// `tree` and a second commune of the district, Năng Khả (00002), with its village Bản Tùn, its party committee
    /// and the village's cell: a place outside the first commune's scope.
    public static var twoCommunes: OrganisationDataset {
        var dataset = tree
        dataset.units += [
            UnitDraft(code: "00002", kind: .commune, name: "Năng Khả", parentCode: "001", validity: since),
            UnitDraft(code: "00002.01", kind: .village, name: "Bản Tùn", parentCode: "00002", validity: since),
        ]
        dataset.organisations += [
            OrganisationDraft(
                code: "DB-00002", kind: .grassrootsCommittee, name: "Đảng bộ xã Năng Khả", unitCode: "00002",
                parentCode: nil, validity: since),
            OrganisationDraft(
                code: "CB-00002.01", kind: .villageCell, name: "Chi bộ thôn Bản Tùn", unitCode: "00002.01",
                parentCode: "DB-00002", validity: since),
        ]
        return dataset
    }

    /// A member of `cell` with the given name; full since `official` unless it is nil.
    public static func member(
        _ name: String, cell: String = "CQ-00001", born: String = "1975-05-05", admitted: String = "2000-01-01",
        official: String? = "2001-01-01", status: PartyStatus? = nil, statusSince: String? = nil,
        joined: String? = nil, citizenID: String? = nil, village: String? = "00001.02", posts: [PostDraft] = []
    ) -> MemberDraft {
        MemberDraft(
            fullName: name, birthDate: date(born), sex: .male, ethnicity: "Tày", citizenID: citizenID,
            residenceVillageCode: village,
            party: PartyRecord(
                admittedOn: date(admitted), officialOn: official.map(date),
                status: status ?? (official == nil ? .probationary : .full), statusSince: statusSince.map(date)),
            cellCode: cell, joinedCellOn: date(joined ?? admitted), posts: posts)
    }
}
