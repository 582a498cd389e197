import GanDanCore

/// Village cells' members: residents of the village, 5–45 per cell, weak cells small (rules.md C, A3).
extension NaHangDemoBuilder {
    /// Birth decades of village members, older generations well represented.
    static let villageBirthYears = [
        (1940...1949, 8), (1950...1959, 18), (1960...1969, 25), (1970...1979, 23), (1980...1989, 17),
        (1990...1999, 9),
    ]

    mutating func addVillageCellMembers(of commune: NaHangCommune) {
        for village in villages(of: commune) {
            var cell: [MemberDraft] = []
            if village.unit.code == NaHangDemo.khuoiPhayVillageCode {
                cell.append(hoangVanTai(village))
            }
            for standing in standings(of: village).dropFirst(cell.count) {
                cell.append(villageMember(standing, of: village))
            }
            assignCellPosts(&cell, cellCode: village.cellCode, staffOnly: false)
            members += cell
        }
    }

    /// The standings of a cell's members: at least 3 full members first (rules.md R1), then a mix of about
    /// 10 % probationary, 6 % exempt and a few who left or died; Nà Coóc is fixed at 7 full members.
    private mutating func standings(of village: NaHangVillage) -> [NaHangStanding] {
        if village.unit.code == NaHangDemo.naCoocVillageCode {
            return [.full, .full, .full, .full, .full, .full, .exempt, .probationary]
        }
        let township = village.unit.kind == .residentialGroup
        let size: Int
        if let fixed = village.cellSize {
            size = fixed
        } else if village.weak {
            size = random.int(5...10)
        } else if township {
            size = random.int(24...42)
        } else {
            size = min(max((village.profile.households ?? 120) / 7 + random.int(-5...7), 9), 40)
        }
        let exemptPerMille = township ? 120 : 70
        let probationaryPerMille = village.weak ? 40 : 130
        return (0..<size).map { index in
            guard index >= 3 else { return .full }
            let roll = random.int(0...999)
            if roll < 2 { return .deceased }
            if roll < 5 { return .left }
            if roll < 5 + exemptPerMille { return .exempt }
            if roll < 5 + exemptPerMille + probationaryPerMille { return .probationary }
            return .full
        }
    }

    /// A resident member of the village's cell.
    private mutating func villageMember(_ standing: NaHangStanding, of village: NaHangVillage) -> MemberDraft {
        let sex: Sex = random.chance(0.45) ? .female : .male
        let ethnicity = random.chance(0.8) ? village.ethnicity : random.weighted(village.commune.ethnicMix)
        let history = self.history(standing, birthYears: random.weighted(Self.villageBirthYears))
        return MemberDraft(
            fullName: personName(sex: sex, ethnicity: ethnicity), birthDate: history.birth, sex: sex,
            ethnicity: ethnicity, citizenID: citizenID(birth: history.birth, sex: sex),
            phone: phone(birth: history.birth), residenceVillageCode: village.unit.code,
            education: villageEducation(birth: history.birth), cardNumber: cardNumber(for: history.party),
            party: history.party, cellCode: village.cellCode,
            joinedCellOn: joinDate(history, cellFounded: village.cellFounded))
    }

    /// Hoàng Văn Tài, secretary of the Khuổi Phầy cell since its 2017 congress (rules.md C).
    private mutating func hoangVanTai(_ village: NaHangVillage) -> MemberDraft {
        let history = fullHistory(birthYears: 1966...1970, officialBy: Self.yearEnd(1995))
        let joined = joinDate(history, cellFounded: village.cellFounded)
        let since = max(
            random.date(from: Self.yearStart(2017), through: Self.date(2017, 6, 30)), joined)
        return MemberDraft(
            fullName: NaHangDemo.hoangVanTai, birthDate: history.birth, sex: .male, ethnicity: "Tày",
            citizenID: citizenID(birth: history.birth, sex: .male), phone: phone(birth: history.birth),
            residenceVillageCode: village.unit.code, education: "12/12", cardNumber: cardNumber(for: history.party),
            party: history.party, cellCode: village.cellCode, joinedCellOn: joined,
            posts: [
                PostDraft(kind: .cellSecretary, organisationCode: village.cellCode, validity: Validity(from: since))
            ])
    }

    /// The day a resident joined the cell: on admission or the cell's founding, some later after moving in.
    private mutating func joinDate(_ history: NaHangHistory, cellFounded: CivilDate) -> CivilDate {
        let earliest = max(history.party.admittedOn, cellFounded)
        guard random.chance(0.2) else { return earliest }
        let latest = min(history.party.statusSince ?? Self.reference, Self.reference)
        return random.date(from: earliest, through: latest)
    }

    /// Schooling as written for the member's generation: the old 10-year system before 1981.
    private mutating func villageEducation(birth: CivilDate) -> String {
        random.weighted(birth.year < 1966 ? NaHangNames.oldSchooling : NaHangNames.schooling)
    }
}
