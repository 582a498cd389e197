import FluentKit
import Foundation
import GanDanCore

extension DatasetWriter {
    /// `plan(_:memberLines:inputIssues:)` against codes read before.
    func plan(
        _ dataset: OrganisationDataset, memberLines: [Int]?, inputIssues: [InputIssue], stored: StoredCodes
    ) throws -> WritePlan {
        var dataset = dataset
        let openUnits = stored.openUnits
        var known = try Self.knownUnits(openUnits)
        var issues = inputIssues
        issues += try Self.scopeIssues(dataset, memberLines: memberLines, stored: stored, scope: scope)
        var plan = WritePlan()
        let newUnits = try Self.planUnits(dataset.units, openUnits: openUnits, into: &plan, issues: &issues)
        issues += DatasetValidator.unitIssues(newUnits + plan.changedUnits.map(\.1), known: known)
        for unit in dataset.units { known.units[unit.code] = (unit.kind, unit.parentCode) }
        plan.newUnits = newUnits

        let organisations = stored.organisations
        issues += try Self.organisationIssues(dataset.organisations, stored: organisations, known: &known)

        if !dataset.members.isEmpty {
            known.citizenIDs = stored.citizenIDs
            known.cardNumbers = stored.cardNumbers
            known.citizenIDsElsewhere = stored.citizenIDsElsewhere
            known.cardNumbersElsewhere = stored.cardNumbersElsewhere
            // Rows of a file (they have lines) join no earlier than their cell's founding; datasets a program builds,
            // the demo's, keep the days they were given and are checked by their own tests.
            if memberLines != nil {
                issues += JoiningDay.settle(
                    &dataset.members, lines: memberLines, founded: try Self.foundingDays(stored.organisations, dataset))
            }
            issues += DatasetValidator.memberIssues(dataset.members, lines: memberLines, known: known)
        }
        guard issues.isEmpty else {
            let ordered = issues.enumerated().sorted {
                ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset)
            }
            throw InputError.invalid(ordered.map(\.element))
        }

        plan.organisations = dataset.organisations
        plan.members = dataset.members
        plan.memberLines = memberLines
        plan.openUnitIDs = Dictionary(openUnits.map { ($0.code, $0.unitID) }, uniquingKeysWith: { first, _ in first })
        plan.organisationIDs = try Dictionary(
            organisations.map { ($0.code, try $0.requireID()) }, uniquingKeysWith: { first, _ in first })
        plan.summary.unitsCreated = newUnits.count
        plan.summary.unitsChanged = plan.changedUnits.count
        plan.summary.organisations = dataset.organisations.count
        plan.summary.members = dataset.members.count
        return plan
    }

    /// The founding day of every stored organisation and of every one in `dataset`, by code: a code's earliest start,
    /// since a rename or move starts a new version of the same organisation.
    static func foundingDays(_ stored: [OrganisationRecord], _ dataset: OrganisationDataset) throws -> [String:
        CivilDate]
    {
        var days = dataset.organisations.foundingDays
        for record in stored {
            let from = try record.date(\.$validFrom)
            days[record.code] = days[record.code].map { Swift.min($0, from) } ?? from
        }
        return days
    }

    /// The open units' codes, kinds and parents, as the validator knows them.
    static func knownUnits(_ openUnits: [UnitRecord]) throws -> KnownCodes {
        let codeOfUnit = Dictionary(openUnits.map { ($0.unitID, $0.code) }, uniquingKeysWith: { first, _ in first })
        var known = KnownCodes()
        for unit in openUnits {
            known.units[unit.code] = (
                try unit.decode(\.$kind, as: UnitKind.self), unit.parentUnitID.flatMap { codeOfUnit[$0] }
            )
        }
        return known
    }

    /// Sorts the dataset's units into new, unchanged and changed ones (a change must start after the stored version);
    /// returns the new ones.
    static func planUnits(
        _ units: [UnitDraft], openUnits: [UnitRecord], into plan: inout WritePlan, issues: inout [InputIssue]
    ) throws -> [UnitDraft] {
        let codeOfUnit = Dictionary(openUnits.map { ($0.unitID, $0.code) }, uniquingKeysWith: { first, _ in first })
        let unitsByCode = Dictionary(grouping: openUnits, by: \.code)
        var newUnits: [UnitDraft] = []
        for draft in units {
            guard let stored = Self.storedVersion(of: draft, among: unitsByCode[draft.code] ?? []) else {
                newUnits.append(draft)
                continue
            }
            let storedParent = stored.parentUnitID.flatMap { codeOfUnit[$0] }
            if stored.kind != draft.kind.rawValue {
                issues.append(
                    InputIssue(
                        field: "unit \(draft.code)",
                        vi: "Đơn vị \(draft.code) đã được lưu là một loại đơn vị khác; không thể đổi loại khi nhập.",
                        en: "Unit \(draft.code) is stored as a \(stored.kind), not a \(draft.kind.rawValue)."
                    ).at(column: "kind"))
            } else if try stored.name == draft.name && storedParent == draft.parentCode
                && (UnitSnapshot(stored).profile == draft.profile || draft.profile == nil)
            {
                plan.summary.unitsUnchanged += 1
            } else if draft.validity.from.iso <= stored.validFrom {
                issues.append(
                    InputIssue(
                        field: "unit \(draft.code)",
                        vi: "Đơn vị \(draft.code) khác với bản đã lưu có hiệu lực từ "
                            + "\(CivilDate(stored.validFrom)?.vietnamese ?? stored.validFrom); thay đổi phải bắt đầu sau ngày đó.",
                        en: "Unit \(draft.code) differs from the stored version valid from "
                            + "\(CivilDate(stored.validFrom)?.vietnamese ?? stored.validFrom); a change must start later."
                    ).at(column: "valid_from")
                )
            } else {
                plan.changedUnits.append((stored, draft))
            }
        }
        return newUnits
    }

    /// The open unit a draft is a version of. Codes are unique among open units except after a new structure's list
    /// (units-2025), whose communes may take an old commune's code until the restructure ends the old one: then the
    /// draft is a version of the latest unit begun by its own date (the old list's Côn Lôn is the old commune).
    static func storedVersion(of draft: UnitDraft, among candidates: [UnitRecord]) -> UnitRecord? {
        guard candidates.count > 1 else { return candidates.first }
        let begun = candidates.filter { $0.validFrom <= draft.validity.from.iso }
        return begun.max { $0.validFrom < $1.validFrom } ?? candidates.min { $0.validFrom < $1.validFrom }
    }

    /// The dataset's organisations against the stored ones and each other: codes new and unique, units and parents
    /// existing, names present. Adds their codes to `known`.
    static func organisationIssues(
        _ drafts: [OrganisationDraft], stored organisations: [OrganisationRecord], known: inout KnownCodes
    ) throws -> [InputIssue] {
        var issues: [InputIssue] = []
        let openOrganisations = organisations.filter { $0.validUntil == nil }
        known.organisations = Set(organisations.map(\.code))
        known.cellOrganisations = Set(
            try openOrganisations.filter { try $0.decode(\.$kind, as: OrganisationKind.self).isCell }.map(\.code))
        var seenOrganisations: Set<String> = []
        for organisation in drafts {
            let field = "organisation \(organisation.code)"
            if known.organisations.contains(organisation.code) || !seenOrganisations.insert(organisation.code).inserted
            {
                issues.append(
                    InputIssue(
                        field: field, vi: "Mã tổ chức \(organisation.code) đã có.",
                        en: "Organisation code \(organisation.code) already exists."
                    ).at(column: "code"))
            }
            if known.units[organisation.unitCode] == nil {
                issues.append(
                    InputIssue(
                        field: field, vi: "Không có đơn vị mã \(organisation.unitCode).",
                        en: "There is no unit with code \(organisation.unitCode)."
                    ).at(column: "unit_code"))
            }
            if organisation.name.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(
                    InputIssue(
                        field: field, vi: "Tổ chức \(organisation.code) chưa có tên.",
                        en: "Organisation \(organisation.code) has no name."
                    ).at(column: "name"))
            }
        }
        let allOrganisationCodes = known.organisations.union(seenOrganisations)
        for organisation in drafts {
            if let parent = organisation.parentCode, !allOrganisationCodes.contains(parent) {
                issues.append(
                    InputIssue(
                        field: "organisation \(organisation.code)",
                        vi: "Không có tổ chức cấp trên mã \(parent).",
                        en: "There is no parent organisation with code \(parent)."
                    ).at(column: "parent_code"))
            }
        }
        known.organisations = allOrganisationCodes
        known.cellOrganisations.formUnion(drafts.filter(\.kind.isCell).map(\.code))
        return issues
    }
}

/// The stored rows a write plan is checked against (`DatasetWriter.stored(_:on:)`; a tree import's `storedTree()`).
struct StoredCodes: Sendable {
    var openUnits: [UnitRecord]
    var organisations: [OrganisationRecord]
    var citizenIDs: Set<String> = []
    var cardNumbers: Set<String> = []
    /// Those of `citizenIDs` and `cardNumbers` held by members outside the writer's scope (none without a limit).
    var citizenIDsElsewhere: Set<String> = []
    var cardNumbersElsewhere: Set<String> = []
    /// The stored members as the duplicate check compares them (folded name and birth date, citizen ID, whether
    /// outside the scope).
    var people: [DuplicateCheck.StoredPerson] = []
}
