/// What the database already holds that a dataset may refer to.
public struct KnownCodes: Sendable {
    /// Units in force, by code, with their kind and parent code.
    public var units: [String: (kind: UnitKind, parentCode: String?)]
    public var organisations: Set<String>
    public var cellOrganisations: Set<String>
    public var citizenIDs: Set<String>
    public var cardNumbers: Set<String>
    /// The citizen IDs and card numbers among those that belong to members outside the importer's scope: a conflict
    /// with one is reported as registered elsewhere, without saying where (issue 21).
    public var citizenIDsElsewhere: Set<String>
    public var cardNumbersElsewhere: Set<String>

    public init(
        units: [String: (kind: UnitKind, parentCode: String?)] = [:], organisations: Set<String> = [],
        cellOrganisations: Set<String> = [], citizenIDs: Set<String> = [], cardNumbers: Set<String> = [],
        citizenIDsElsewhere: Set<String> = [], cardNumbersElsewhere: Set<String> = []
    ) {
        self.units = units
        self.organisations = organisations
        self.cellOrganisations = cellOrganisations
        self.citizenIDs = citizenIDs
        self.cardNumbers = cardNumbers
        self.citizenIDsElsewhere = citizenIDsElsewhere
        self.cardNumbersElsewhere = cardNumbersElsewhere
    }
}

/// Checks a dataset against itself and against what is stored, before anything is written.
public enum DatasetValidator {
    /// Problems with the units: unknown parents, kinds that may not nest, cycles, duplicate codes (rules.md R26, R27).
    public static func unitIssues(_ units: [UnitDraft], known: KnownCodes) -> [InputIssue] {
        var issues: [InputIssue] = []
        var parents = known.units.mapValues { $0.parentCode }
        var kinds = known.units.mapValues { $0.kind }
        var seen: Set<String> = []
        for unit in units {
            if !seen.insert(unit.code).inserted {
                issues.append(
                    InputIssue(
                        field: "unit \(unit.code)", vi: "Mã đơn vị có hai lần trong dữ liệu.",
                        en: "The code appears twice in the input."
                    ).at(column: "code"))
            }
            parents[unit.code] = unit.parentCode
            kinds[unit.code] = unit.kind
        }
        for unit in units {
            let field = "unit \(unit.code)"
            if unit.name.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(
                    InputIssue(field: field, vi: "Chưa có tên đơn vị.", en: "The name is empty.").at(column: "name"))
            }
            if let until = unit.validity.until, until <= unit.validity.from {
                issues.append(
                    InputIssue(
                        field: field, vi: "Ngày kết thúc \(until.vietnamese) trước ngày bắt đầu.",
                        en: "It ends (\(until.vietnamese)) before it starts."
                    ).at(column: "valid_until"))
            }
            if let parent = unit.parentCode {
                guard let parentKind = kinds[parent] else {
                    issues.append(
                        InputIssue(
                            field: field, vi: "Không có đơn vị cấp trên mã \(parent).",
                            en: "The parent \(parent) does not exist."
                        ).at(column: "parent_code"))
                    continue
                }
                if !unit.kind.mayHaveParent(parentKind) {
                    issues.append(
                        InputIssue(
                            field: field,
                            vi:
                                "\(unit.kind.label.vi) không thể trực thuộc \(parentKind.label.vi.lowercased()) (\(parent)).",
                            en:
                                "A \(unit.kind.label.en.lowercased()) cannot be under a \(parentKind.label.en.lowercased()) "
                                + "(\(parent))."
                        ).at(column: "parent_code"))
                }
            } else if unit.kind != .province {
                issues.append(
                    InputIssue(
                        field: field, vi: "\(unit.kind.label.vi) phải có đơn vị cấp trên.",
                        en: "A \(unit.kind.label.en.lowercased()) needs a parent."
                    ).at(column: "parent_code"))
            }
            if unit.kind.isVillageLevel, let parent = unit.parentCode, !unit.code.hasPrefix(parent + ".") {
                // rules.md R27: a village code is its commune's code, a dot and a local code.
                issues.append(
                    InputIssue(
                        field: field, vi: "Mã thôn gồm mã xã, dấu chấm rồi mã riêng của thôn.",
                        en: "A village code is its commune's code, a dot and a local code."
                    ).at(column: "code"))
            }
            if let cycle = cycle(from: unit.code, parents: parents) {
                issues.append(
                    InputIssue(
                        field: field, vi: "Cây đơn vị bị vòng lặp: \(cycle).", en: "The tree has a cycle: \(cycle)."
                    ).at(column: "parent_code"))
            }
        }
        return issues
    }

    /// The cycle through `code`, written as "a → b → a", if following parents returns to it.
    static func cycle(from code: String, parents: [String: String?]) -> String? {
        var path = [code]
        var current = code
        while let next = parents[current] ?? nil {
            if next == code { return (path + [next]).joined(separator: " → ") }
            if path.contains(next) || path.count > 64 { return nil }
            path.append(next)
            current = next
        }
        return nil
    }

    /// Problems with the members: unknown cells and villages, duplicate citizen IDs and card numbers (rules.md R28).
    /// `lines` gives the input line of each member when they came from a file.
    public static func memberIssues(_ members: [MemberDraft], lines: [Int]? = nil, known: KnownCodes) -> [InputIssue] {
        var issues: [InputIssue] = []
        var citizenIDs: [String: Int] = [:]
        var cardNumbers: [String: Int] = [:]
        // Sized once: growing them row by row rehashed every key several times in a large import (bench/scale).
        citizenIDs.reserveCapacity(members.count)
        cardNumbers.reserveCapacity(members.count)
        for (index, member) in members.enumerated() {
            let line = lines?[index]
            issues += MemberValidation.issues(in: member, line: line)
            if !known.cellOrganisations.contains(member.cellCode) {
                issues.append(
                    InputIssue(
                        line: line, field: "cell_code", vi: "Không có chi bộ mã \(member.cellCode).",
                        en: "No cell has the code \(member.cellCode)."))
            }
            if let temporary = member.temporaryCellCode, !known.cellOrganisations.contains(temporary) {
                issues.append(
                    InputIssue(
                        line: line, field: "temporary_cell", vi: "Không có chi bộ mã \(temporary).",
                        en: "No cell has the code \(temporary)."))
            }
            if let contact = member.residenceContactCellCode, !known.cellOrganisations.contains(contact) {
                issues.append(
                    InputIssue(
                        line: line, field: "residence_contact_cell", vi: "Không có chi bộ mã \(contact).",
                        en: "No cell has the code \(contact)."))
            }
            if let village = member.residenceVillageCode, known.units[village]?.kind.isVillageLevel != true {
                issues.append(
                    InputIssue(
                        line: line, field: "residence_village", vi: "Không có thôn mã \(village).",
                        en: "No village has the code \(village)."))
            }
            for post in member.posts where !known.organisations.contains(post.organisationCode) {
                issues.append(
                    InputIssue(
                        line: line, field: "posts", vi: "Không có tổ chức mã \(post.organisationCode).",
                        en: "No organisation has the code \(post.organisationCode)."))
            }
            if let id = member.citizenID {
                issues += identityIssue(
                    id, field: "citizen_id", stored: (known.citizenIDs, known.citizenIDsElsewhere), index: index,
                    lines: lines, seen: &citizenIDs)
            }
            if let card = member.cardNumber {
                issues += identityIssue(
                    card, field: "card_number", stored: (known.cardNumbers, known.cardNumbersElsewhere),
                    index: index, lines: lines, seen: &cardNumbers)
            }
        }
        return issues
    }

    /// A citizen ID or card number (`value`, of member `index`) already stored — in the scope, or elsewhere, which
    /// is said without saying where (issue 21) — or repeating an earlier member's; recorded in `seen` when new.
    private static func identityIssue(
        _ value: String, field: String, stored: (all: Set<String>, elsewhere: Set<String>), index: Int, lines: [Int]?,
        seen: inout [String: Int]
    ) -> [InputIssue] {
        let line = lines?[index]
        if stored.elsewhere.contains(value) {
            let elsewhere = DuplicateCheck.elsewhere
            return [
                InputIssue(
                    line: line, field: field, vi: "\(value) \(elsewhere.vi).", en: "\(value) is \(elsewhere.en).")
            ]
        }
        if stored.all.contains(value) {
            return [
                InputIssue(
                    line: line, field: field, vi: "\(value) đã có trong hồ sơ.", en: "\(value) is already registered.")
            ]
        }
        if let first = seen[value] {
            let earlier = describe(first, lines)
            return [
                InputIssue(
                    line: line, field: field, vi: "\(value) trùng với \(earlier.vi).",
                    en: "\(value) repeats \(earlier.en).")
            ]
        }
        seen[value] = index
        return []
    }

    private static func describe(_ index: Int, _ lines: [Int]?) -> BilingualText {
        lines.map { BilingualText(vi: "dòng \($0[index])", en: "line \($0[index])") }
            ?? BilingualText(vi: "đảng viên thứ \(index + 1)", en: "member \(index + 1)")
    }
}
