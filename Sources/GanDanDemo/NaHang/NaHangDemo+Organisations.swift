import GanDanCore

/// Organisations: the provincial and district committees, a grassroots committee per commune, its agency cell
/// and a cell per village, each cell rated for 2017 and 2018 (rules.md C, R18, R20).
extension NaHangDemoBuilder {
    /// The share of village cells outside Thanh Tương flagged weak in 2018.
    static let weakShare = 0.08

    /// Flags Nà Coóc and about 8 % of the other rural village cells weak, preferring remote, poor villages.
    ///
    /// Thanh Tương keeps Nà Coóc as its only weak cell (rules.md C).
    mutating func markWeakCells() {
        var candidates: [(index: Int, score: Int)] = []
        for (index, village) in villages.enumerated() {
            // Nà Coóc, and Bản Tùn, whose cell the Năng Khả leaders were sent to strengthen (rules.md A3, A6).
            if [NaHangDemo.naCoocVillageCode, NaHangDemo.banTunVillageCode].contains(village.unit.code) {
                villages[index].weak = true
                continue
            }
            guard village.commune.code != NaHangDemo.thanhTuongCode, village.commune.kind != .township else {
                continue
            }
            let distance = Int(village.profile.distanceKm ?? 0)
            let poverty = Int((village.profile.povertyRate ?? 0) * 100)
            candidates.append((index, distance * 10 + poverty * 4 + random.int(0...150)))
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        let count = Int((Double(candidates.count) * Self.weakShare).rounded())
        for candidate in candidates.prefix(count) {
            villages[candidate.index].weak = true
        }
    }

    mutating func addOrganisations() {
        let district = OrganisationDraft.committeeCode(unitCode: NaHangDemo.districtCode)
        let province = OrganisationDraft.committeeCode(unitCode: NaHangDemo.provinceCode)
        organisations.append(
            OrganisationDraft(
                code: province, kind: .provincialCommittee, name: "Đảng bộ tỉnh Tuyên Quang",
                unitCode: NaHangDemo.provinceCode, parentCode: nil, validity: Validity(from: Self.yearStart(1940))))
        organisations.append(
            OrganisationDraft(
                code: district, kind: .districtCommittee, name: "Đảng bộ huyện Na Hang",
                unitCode: NaHangDemo.districtCode, parentCode: province,
                validity: Validity(from: Self.date(1947, 4, 1))))
        for commune in NaHangDemo.communes {
            addCommuneOrganisations(commune, districtCommittee: district)
        }
    }

    private mutating func addCommuneOrganisations(_ commune: NaHangCommune, districtCommittee: String) {
        let township = commune.kind == .township
        let committee = OrganisationDraft.committeeCode(unitCode: commune.code)
        let committeeFounded =
            township
            ? Self.yearStart(1986) : random.date(from: Self.yearStart(1955), through: Self.yearEnd(1959))
        organisations.append(
            OrganisationDraft(
                code: committee, kind: .grassrootsCommittee, name: "Đảng bộ \(commune.kindWord) \(commune.name)",
                unitCode: commune.code, parentCode: districtCommittee, validity: Validity(from: committeeFounded)))
        let communeVillages = villages(of: commune)
        var ratings = [2017, 2018].map { year in
            groupRatings(year: year, weak: [false] + communeVillages.map { year == 2018 && $0.weak })
        }
        organisations.append(
            OrganisationDraft(
                code: OrganisationDraft.agencyCellCode(communeCode: commune.code), kind: .communeAgencyCell,
                name: "Chi bộ cơ quan \(commune.kindWord) \(commune.name)", unitCode: commune.code,
                parentCode: committee, validity: Validity(from: agencyCellFounded(commune)),
                ratings: ratings.map { $0[0] }))
        for (offset, village) in communeVillages.enumerated() {
            if village.weak {
                ratings[1][offset + 1].weakReason =
                    village.unit.code == NaHangDemo.naCoocVillageCode
                    ? NaHangNames.naCoocWeakReason : random.pick(NaHangNames.weakReasons)
            }
            organisations.append(
                OrganisationDraft(
                    code: village.cellCode, kind: .villageCell,
                    name: Self.villageCellName(kind: village.unit.kind, name: village.unit.name),
                    unitCode: village.unit.code, parentCode: committee, validity: Validity(from: village.cellFounded),
                    ratings: ratings.map { $0[offset + 1] }))
        }
    }

    /// The agency cell's founding day (1975–1990, the township's in 1987), derived from the commune code.
    func agencyCellFounded(_ commune: NaHangCommune) -> CivilDate {
        let year = commune.kind == .township ? 1987 : 1975 + (Int(commune.code) ?? 0) % 16
        return Self.date(year, 5, 1)
    }

    /// "Chi bộ thôn Nà Coóc", "Chi bộ bản Khau Mèo", "Chi bộ tổ dân phố 3" (the group's name holds its kind).
    static func villageCellName(kind: UnitKind, name: String) -> String {
        let word = kind.label.vi
        if kind == .residentialGroup && name.hasPrefix(word) {
            return "Chi bộ " + word.lowercased() + name.dropFirst(word.count)
        }
        return "Chi bộ \(word.lowercased()) \(name)"
    }

    /// One year's ratings of a committee's cells: weak cells did not complete their tasks, the others
    /// are mostly good; "excellent" stays within 20 % of "good" (rules.md R18).
    mutating func groupRatings(year: Int, weak: [Bool]) -> [CellRating] {
        var ratings = weak.map { isWeak -> CellRating in
            if isWeak { return CellRating(year: year, level: .notCompleted, weak: true) }
            let level = random.weighted([
                (RatingLevel.excellent, 9), (RatingLevel.good, 58), (RatingLevel.completed, 33),
            ])
            return CellRating(year: year, level: level)
        }
        var excellent = ratings.filter { $0.level == .excellent }.count
        var good = ratings.filter { $0.level == .good }.count
        for index in ratings.indices.reversed() where excellent * 5 > good && ratings[index].level == .excellent {
            ratings[index].level = .good
            excellent -= 1
            good += 1
        }
        return ratings
    }
}
