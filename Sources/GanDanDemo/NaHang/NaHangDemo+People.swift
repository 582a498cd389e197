import GanDanCore

/// The standing a generated member is given, before dates are drawn.
enum NaHangStanding {
    case full
    case probationary
    case exempt
    case deceased
    case left
}

/// A generated member's birth and party dates.
struct NaHangHistory {
    var birth: CivilDate
    var party: PartyRecord
}

/// People: party dates, names and identifiers, all invented and visibly so (rules.md C, R23, R28).
extension NaHangDemoBuilder {
    /// Dates for a member of the given standing; full members' birth years come from `birthYears`.
    mutating func history(_ standing: NaHangStanding, birthYears: ClosedRange<Int>) -> NaHangHistory {
        switch standing {
        case .full:
            return fullHistory(birthYears: birthYears, officialBy: Self.reference)
        case .probationary:
            return probationaryHistory(ages: 18...40)
        case .exempt:
            var history = fullHistory(birthYears: 1940...1952, officialBy: Self.reference)
            var since = history.birth.adding(months: random.int(66 * 12...74 * 12))
            if since > Self.reference.adding(days: -30) {
                since = random.date(from: Self.reference.adding(months: -30), through: Self.reference.adding(days: -30))
            }
            history.party.status = .exempt
            history.party.statusSince = since
            return history
        case .deceased:
            var history = fullHistory(birthYears: 1940...1952, officialBy: Self.yearEnd(2014))
            history.party.status = .deceased
            history.party.statusSince = random.date(
                from: Self.yearStart(2016), through: Self.date(2019, 2, 28))
            return history
        case .left:
            var history = fullHistory(birthYears: 1962...1990, officialBy: Self.yearEnd(2015))
            history.party.status = .left
            history.party.statusSince = random.date(from: Self.yearStart(2016), through: Self.yearEnd(2018))
            return history
        }
    }

    /// A full member admitted at 18–55 and official 12 months later, no later than `officialBy` (rules.md R21, R23).
    mutating func fullHistory(birthYears: ClosedRange<Int>, officialBy: CivilDate) -> NaHangHistory {
        var birth = random.date(
            from: Self.yearStart(birthYears.lowerBound), through: Self.yearEnd(birthYears.upperBound))
        let latest = officialBy.adding(months: -12)
        if birth.adding(months: 18 * 12) > latest {
            birth = latest.adding(months: -(18 * 12 + 1 + random.int(0...60)))
        }
        // One month past the birthday at least: adding months clamps to the month's end (born 29 February).
        var admitted = birth.adding(months: admissionAge() * 12 + 1 + random.int(0...10))
        if admitted > latest {
            admitted = random.date(from: birth.adding(months: 18 * 12 + 1), through: latest)
        }
        let party = PartyRecord(admittedOn: admitted, officialOn: admitted.adding(months: 12), status: .full)
        return NaHangHistory(birth: birth, party: party)
    }

    /// A member admitted within the 12 months before the reference date, born by 2000 (rules.md R23).
    mutating func probationaryHistory(ages: ClosedRange<Int>) -> NaHangHistory {
        let admitted = random.date(from: Self.reference.adding(days: -360), through: Self.reference.adding(days: -10))
        let age =
            random.chance(0.7)
            ? random.int(ages.lowerBound...min(ages.lowerBound + 10, ages.upperBound))
            : random.int(ages)
        var birth = admitted.adding(months: -(age * 12 + random.int(0...11)))
        while birth.year > 2000 { birth = birth.adding(months: -12) }
        let party = PartyRecord(admittedOn: admitted, officialOn: nil, status: .probationary)
        return NaHangHistory(birth: birth, party: party)
    }

    /// Age at admission: mostly in the twenties and thirties, never outside 18–55.
    private mutating func admissionAge() -> Int {
        random.int(random.weighted([(18...25, 40), (26...35, 38), (36...45, 16), (46...55, 6)]))
    }

    /// "Family Middle Given", never one of the article's officials and, within 100 tries, new in the commune.
    mutating func personName(sex: Sex, ethnicity: String) -> String {
        var tries = 0
        while true {
            let family = random.pick(NaHangNames.familyNames(of: ethnicity))
            let middle = random.weighted(sex == .male ? NaHangNames.maleMiddleNames : NaHangNames.femaleMiddleNames)
            let given = random.pick(sex == .male ? NaHangNames.maleGivenNames : NaHangNames.femaleGivenNames)
            let name = "\(family) \(middle) \(given)"
            tries += 1
            if !Self.reservedNames.contains(name) && (communeNames.insert(name).inserted || tries > 100) {
                return name
            }
        }
    }

    /// 12 digits shaped like a citizen ID but starting "000", a province code that does not exist.
    mutating func citizenID(birth: CivilDate, sex: Sex) -> String {
        let centuryAndSex = (birth.year >= 2000 ? 2 : 0) + (sex == .female ? 1 : 0)
        let year = birth.year % 100
        let prefix = "\(identity.citizenIDProvince)\(centuryAndSex)\(year < 10 ? "0" : "")\(year)"
        while true {
            let id = prefix + random.digits(6)
            if usedCitizenIDs.insert(id).inserted { return id }
        }
    }

    /// An invented number, or nil: older members often have no phone. "0100" + 6 digits has the 10 digits of a
    /// Vietnamese number but a prefix no network uses: mobiles start 03, 05, 07, 08 or 09, fixed lines 02, and the
    /// 01 prefixes went out of use when 11-digit mobiles moved to 10 digits in 2018 (docs/demo.md).
    mutating func phone(birth: CivilDate) -> String? {
        let share = birth.year < 1955 ? 0.45 : 0.88
        guard random.chance(share) else { return nil }
        while true {
            let phone = identity.phonePrefix + random.digits(6)
            if usedPhones.insert(phone).inserted { return phone }
        }
    }

    /// An invented party card number; probationary members have none yet.
    mutating func cardNumber(for party: PartyRecord) -> String? {
        guard party.officialOn != nil else { return nil }
        while true {
            let card = identity.cardPrefix + random.digits(6)
            if usedCardNumbers.insert(card).inserted { return card }
        }
    }
}
