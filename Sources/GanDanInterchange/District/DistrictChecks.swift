import GanDanCore

/// Finds a post's person among the members of a district folder: by citizen ID, card number, or name and birth date.
struct DistrictPeople {
    private var byCitizenID: [String: Int] = [:]
    private var byCard: [String: Int] = [:]
    private var byNameAndBirth: [String: [Int]] = [:]

    init(_ members: [MemberDraft]) {
        for (index, member) in members.enumerated() {
            if let id = member.citizenID { byCitizenID[id] = index }
            if let card = member.cardNumber { byCard[card] = index }
            byNameAndBirth[Self.key(member.fullName, member.birthDate), default: []].append(index)
        }
    }

    static func key(_ name: String, _ birth: CivilDate) -> String {
        VietnameseText.searchKey(name) + "|" + birth.iso
    }

    /// A post's member, or why none can be named.
    enum Found {
        case member(Int)
        case problem(InputIssue)
    }

    /// The member's index, or why none can be named (a post for someone who is not a member is refused).
    func member(for row: DistrictPostRow) -> Found {
        member(citizenID: row.citizenID, cardNumber: row.cardNumber, fullName: row.fullName, birthDate: row.birthDate)
    }

    /// The member named by citizen ID, card number, or name and birth date, in that order of preference.
    func member(citizenID: String?, cardNumber: String?, fullName: String?, birthDate: CivilDate?) -> Found {
        if let id = citizenID {
            guard let index = byCitizenID[id] else {
                return .problem(
                    InputIssue(field: "citizen_id", message: "no member in the members file has citizen ID \(id)"))
            }
            return .member(index)
        }
        if let card = cardNumber {
            guard let index = byCard[card] else {
                return .problem(
                    InputIssue(field: "card_number", message: "no member in the members file has card number \(card)"))
            }
            return .member(index)
        }
        guard let name = fullName, let birth = birthDate else {
            return .problem(InputIssue(field: "full_name", message: "the person is not named"))
        }
        let found = byNameAndBirth[Self.key(name, birth)] ?? []
        switch found.count {
        case 1: return .member(found[0])
        case 0:
            return .problem(
                InputIssue(
                    field: "full_name", message: "no member in the members file is \(name), born \(birth.iso)"))
        default:
            return .problem(
                InputIssue(
                    field: "full_name",
                    message: "\(found.count) members are \(name), born \(birth.iso): give the citizen ID"))
        }
    }
}

/// The checks of a district folder across its files (rules.md R2, R3, R26).
enum DistrictChecks {
    /// Units that start before their parent in the folder existed.
    static func unitDates(_ units: [(line: Int, value: UnitDraft)]) -> [InputIssue] {
        let starts = Dictionary(units.map { ($0.value.code, $0.value.validity.from) }, uniquingKeysWith: { a, _ in a })
        var issues: [InputIssue] = []
        for (line, unit) in units {
            guard let parent = unit.parentCode, let parentFrom = starts[parent], unit.validity.from < parentFrom
            else { continue }
            issues.append(
                InputIssue(
                    line: line, field: "valid_from",
                    message:
                        "\(unit.validity.from.iso) is before \(parent) existed (from \(parentFrom.iso)): a unit "
                        + "cannot start before the unit it belongs to",
                    file: (unit.kind.isVillageLevel ? DistrictFile.villages : .units).baseName))
        }
        return issues
    }

    /// A post starting before its organisation was founded, or after it was dissolved.
    static func postDates(_ post: PostDraft, organisation: OrganisationDraft) -> InputIssue? {
        if post.validity.from < organisation.validity.from {
            return InputIssue(
                field: "valid_from",
                message:
                    "\(post.validity.from.iso) is before \(organisation.code) was founded "
                    + "(\(organisation.validity.from.iso))")
        }
        if let end = organisation.validity.until, post.validity.from >= end {
            return InputIssue(
                field: "valid_from", message: "\(organisation.code) was dissolved on \(end.iso), before this post")
        }
        return nil
    }

    /// Two holders of a one-holder post (a cell's secretary, …) in one organisation on one day (rules.md R2, R3).
    static func oneHolder(_ posts: [(line: Int, member: Int, post: PostDraft)], names: [String]) -> [InputIssue] {
        var held: [String: [(line: Int, member: Int, validity: Validity)]] = [:]
        var issues: [InputIssue] = []
        for entry in posts.sorted(by: { $0.line < $1.line }) where entry.post.kind.hasOneHolder {
            let key = entry.post.organisationCode + "|" + entry.post.kind.rawValue
            if let other = held[key]?.first(where: {
                $0.member != entry.member && $0.validity.overlaps(entry.post.validity)
            }) {
                let day = max(other.validity.from, entry.post.validity.from)
                issues.append(
                    InputIssue(
                        line: entry.line, field: "post",
                        message:
                            "\(entry.post.organisationCode) would have two \(entry.post.kind.label.en.lowercased())s "
                            + "on \(day.iso): \(names[other.member]) (line \(other.line)) and \(names[entry.member])"))
            }
            held[key, default: []].append((entry.line, entry.member, entry.post.validity))
        }
        return issues
    }
}
