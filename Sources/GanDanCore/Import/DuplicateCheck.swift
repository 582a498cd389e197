/// Finds records that are probably the same person or household twice, within a file and against the database.
///
/// Citizen IDs and card numbers that repeat are errors (`DatasetValidator.memberIssues`). A folded name with the same
/// date of birth ("Nguyễn Văn An" = "NGUYEN VAN AN", born 1980-02-03) is a *possible duplicate*: a warning the importer
/// must confirm, since namesakes born the same day exist. Two rows whose citizen IDs are both given and differ are
/// different people and are not reported.
///
/// A match with a member outside the importer's scope (`StoredPerson.elsewhere`) says only that the person is
/// registered elsewhere and whom to ask, never where or under which name (issue 21).
public enum DuplicateCheck {
    /// What a conflict with a member outside the importer's scope says; it names no place. The party committee
    /// above keeps the whole register, whether that is a district's or (from 2025) a province's.
    static let elsewhere = (
        vi: "đã có trong hồ sơ ở nơi khác; hãy hỏi cấp ủy cấp trên",
        en: "registered elsewhere; ask the party committee above"
    )

    /// The key of a person: folded name and date of birth.
    public static func personKey(name: String, birthDate: CivilDate) -> String {
        var keys = VietnameseText.KeyCache()
        return personKey(name: name, birthDate: birthDate, keys: &keys)
    }

    /// `personKey(name:birthDate:)` with the name's words looked up in `keys` (a file repeats the same words).
    public static func personKey(name: String, birthDate: CivilDate, keys: inout VietnameseText.KeyCache) -> String {
        keys.searchKey(name) + "|" + birthDate.iso
    }

    /// The key of a household: village code and folded name of the head.
    public static func householdKey(villageCode: String, headName: String) -> String {
        villageCode + "|" + VietnameseText.searchKey(headName)
    }

    /// A stored person: their key and citizen ID, if any, and whether they are outside the importer's scope.
    public struct StoredPerson: Sendable, Hashable {
        public var key: String
        public var citizenID: String?
        public var elsewhere: Bool

        public init(key: String, citizenID: String?, elsewhere: Bool = false) {
            self.key = key
            self.citizenID = citizenID
            self.elsewhere = elsewhere
        }
    }

    /// Possible duplicates among `members` (at `lines`) and against `stored`, one warning per repeated row.
    public static func members(_ members: [MemberDraft], lines: [Int], stored: [StoredPerson]) -> [InputIssue] {
        var storedByKey: [String: [StoredPerson]] = [:]
        for person in stored { storedByKey[person.key, default: []].append(person) }
        var seen: [String: [(line: Int, citizenID: String?)]] = [:]
        seen.reserveCapacity(members.count)
        var issues: [InputIssue] = []
        var keys = VietnameseText.KeyCache()
        func distinct(_ a: String?, _ b: String?) -> Bool {
            if let a, let b { return a != b }
            return false
        }
        for (index, member) in members.enumerated() {
            let line = lines[index]
            let key = personKey(name: member.fullName, birthDate: member.birthDate, keys: &keys)
            let earlier = seen[key, default: []].first { !distinct($0.citizenID, member.citizenID) }
            let matches = storedByKey[key, default: []].filter { !distinct($0.citizenID, member.citizenID) }
            if let earlier {
                issues.append(
                    InputIssue(
                        line: line, field: "full_name",
                        vi:
                            "Có thể trùng với dòng \(earlier.line): cùng họ tên và ngày sinh (\(member.birthDate.vietnamese)).",
                        en: "Possibly the same person as line \(earlier.line): same name and date of birth "
                            + "(\(member.birthDate.vietnamese))."))
            } else if matches.contains(where: { !$0.elsewhere }) {
                issues.append(
                    InputIssue(
                        line: line, field: "full_name",
                        vi: "Có thể trùng: đã có đảng viên cùng họ tên và ngày sinh (\(member.birthDate.vietnamese)).",
                        en: "Possibly a duplicate: a member with the same name and date of birth "
                            + "(\(member.birthDate.vietnamese)) is already registered."))
            } else if !matches.isEmpty {
                issues.append(
                    InputIssue(
                        line: line, field: "full_name",
                        vi: "Có thể trùng: một đảng viên cùng họ tên và ngày sinh (\(member.birthDate.vietnamese)) "
                            + "\(elsewhere.vi).",
                        en: "Possibly a duplicate: a member with the same name and date of birth "
                            + "(\(member.birthDate.vietnamese)) is \(elsewhere.en)."))
            }
            seen[key, default: []].append((line, member.citizenID))
        }
        return issues
    }

    /// Possible duplicates among `households` (at `lines`) and against `stored` keys (`householdKey`).
    public static func households(_ households: [HouseholdImportRow], lines: [Int], stored: Set<String>)
        -> [InputIssue]
    {
        var seen: [String: Int] = [:]
        var issues: [InputIssue] = []
        for (index, household) in households.enumerated() {
            let line = lines[index]
            let key = householdKey(villageCode: household.villageCode, headName: household.headName)
            if let first = seen[key] {
                issues.append(
                    InputIssue(
                        line: line, field: "head_name",
                        vi: "Có thể trùng với dòng \(first): cùng chủ hộ ở thôn \(household.villageCode).",
                        en: "Possibly the same household as line \(first): same head of household in "
                            + "\(household.villageCode)."))
            } else if stored.contains(key) {
                issues.append(
                    InputIssue(
                        line: line, field: "head_name",
                        vi: "Có thể trùng: thôn \(household.villageCode) đã có hộ với chủ hộ này.",
                        en: "Possibly a duplicate: \(household.villageCode) already has a household with this head."))
            }
            if seen[key] == nil { seen[key] = line }
        }
        return issues
    }
}
