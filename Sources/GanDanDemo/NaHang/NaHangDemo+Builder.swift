import GanDanCore

/// A village as the builder plans it: its unit, profile, main ethnicity and cell (rules.md C).
struct NaHangVillage {
    let commune: NaHangCommune
    let unit: UnitDraft
    let profile: VillageProfile
    /// The ethnicity most residents share.
    let ethnicity: String
    let cellCode: String
    let cellFounded: CivilDate
    /// The cell's size when a source states it.
    let cellSize: Int?
    /// Flagged weak in the 2018 rating (rules.md R20).
    var weak = false
}

/// Builds the demo step by step with one generator, keeping the sets that make identifiers unique.
struct NaHangDemoBuilder {
    var random: SeededRandom
    var units: [UnitDraft] = []
    var organisations: [OrganisationDraft] = []
    var members: [MemberDraft] = []
    var villages: [NaHangVillage] = []
    var usedCitizenIDs: Set<String> = []
    var usedCardNumbers: Set<String> = []
    var usedPhones: Set<String> = []
    /// The prefixes of invented citizen IDs, phones and party cards: the Na Hang demo's, or a national province's.
    var identity = InventedIdentity.naHang
    /// Names given in the current commune, so that no two members of a commune share one.
    var communeNames: Set<String> = []

    /// The article's officials: invented people never get these names.
    static let reservedNames: Set<String> = [
        NaHangDemo.hoangVanHoan, NaHangDemo.laVanDuong, NaHangDemo.hoangVanTai, NaHangDemo.nangKhaYouthSecretary,
    ]

    static let reference = NaHangDemo.referenceDate

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// Units first, then cells and their ratings, then each commune's members.
    mutating func build() -> OrganisationDataset {
        addUnits()
        markWeakCells()
        addOrganisations()
        for commune in NaHangDemo.communes {
            communeNames = []
            addAgencyCellMembers(of: commune)
            addVillageCellMembers(of: commune)
        }
        appointCommuneCommitteeMembers()
        addDistrictBodies()
        return OrganisationDataset(units: units, organisations: organisations, members: members)
    }

    /// The commune leaders who are not secretary or deputy sit on the commune's party committee (Đảng ủy viên) from
    /// their first post: they are the members the committee assigns to follow its cells (rules.md R11). No draw is
    /// made, so the communes' people stay as they were.
    mutating func appointCommuneCommitteeMembers() {
        let committees = Set(NaHangDemo.communeCodes.map { OrganisationDraft.committeeCode(unitCode: $0) })
        for index in members.indices {
            let posts = members[index].posts.filter { committees.contains($0.organisationCode) && $0.kind.isKeyLeader }
            guard let first = posts.min(by: { $0.validity.from < $1.validity.from }),
                !posts.contains(where: { $0.kind == .partySecretary || $0.kind == .partyDeputySecretary })
            else { continue }
            members[index].posts.append(
                PostDraft(
                    kind: .partyCommitteeMember, organisationCode: first.organisationCode, validity: first.validity))
        }
    }

    /// A date the demo writes as a literal.
    static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate.on(year, month, day)
    }

    /// 1 January of `year`; the demo only passes years 1900–2100.
    static func yearStart(_ year: Int) -> CivilDate {
        CivilDate.on(year, 1, 1)
    }

    /// 31 December of `year`.
    static func yearEnd(_ year: Int) -> CivilDate {
        CivilDate.on(year, 12, 31)
    }

    /// The villages of one commune, in code order.
    func villages(of commune: NaHangCommune) -> [NaHangVillage] {
        villages.filter { $0.commune.code == commune.code }
    }
}
