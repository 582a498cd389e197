import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

/// A unit list checked against the database: the units to create, the provinces to version, the predecessors to
/// record; or every issue, by line and field.
struct UnitListPlan: Sendable {
    let list: UnitListFile
    var summary = UnitListSummary()
    /// Each unit's stable id by code, new or stored.
    var unitIDs: [String: UUID] = [:]
    var newUnits: [UnitDraft] = []
    var changedProvinces: [(stored: UnitRecord, draft: UnitDraft)] = []
    var newSuccessions: [UnitSuccession] = []

    var isEmpty: Bool { newUnits.isEmpty && changedProvinces.isEmpty && newSuccessions.isEmpty }

    init(list: UnitListFile, stored: [UnitRecord], storedSuccessions: [UnitSuccessionRecord]) throws {
        self.list = list
        let byCode = Dictionary(grouping: stored, by: \.code)
        let predecessorsOf = Dictionary(grouping: storedSuccessions, by: \.successorUnitID)
        var issues: [InputIssue] = []
        // Provinces first, so that each commune finds its province's id.
        for draft in list.units.filter({ $0.kind == .province }) + list.units.filter({ $0.kind != .province }) {
            let line = list.lines[draft.code]
            if draft.kind == .province {
                plan(province: draft, stored: byCode[draft.code] ?? [], line: line, issues: &issues)
            } else {
                plan(unit: draft, stored: byCode[draft.code] ?? [], line: line, issues: &issues)
            }
        }
        for succession in list.successions {
            guard let unitID = unitIDs[succession.code] else { continue }
            let line = list.lines[succession.code]
            let recorded = try (predecessorsOf[unitID] ?? []).map(Self.predecessor).sorted { $0.code < $1.code }
            if recorded.isEmpty {
                newSuccessions.append(succession)
                summary.predecessors += succession.predecessors.count
            } else if recorded != succession.predecessors {
                issues.append(
                    InputIssue(
                        line: line, field: "from",
                        vi: "khác các đơn vị cũ đã lưu cho \(succession.code) từ \(list.date.vietnamese)",
                        en: "differs from the old units stored for \(succession.code) from \(list.date.vietnamese)"))
            }
        }
        guard issues.isEmpty else { throw InputError.invalid(issues.sorted { ($0.line ?? 0) < ($1.line ?? 0) }) }
    }

    /// A province continues when one with its code is in force on the list's date; a new name is a new version.
    private mutating func plan(province draft: UnitDraft, stored: [UnitRecord], line: Int?, issues: inout [InputIssue])
    {
        guard let current = stored.first(where: { $0.kind == UnitKind.province.rawValue }) else {
            return create(draft, stored: stored, line: line, issues: &issues)
        }
        unitIDs[draft.code] = current.unitID
        if current.name == draft.name && current.parentUnitID == nil {
            summary.unitsUnchanged += 1
        } else if current.validFrom >= list.date.iso {
            issues.append(
                InputIssue(
                    line: line, field: "name",
                    vi: "\(draft.name) khác tên tỉnh \(current.name) đã lưu từ \(Self.day(current.validFrom))",
                    en:
                        "\(draft.name) differs from the province \(current.name) stored from \(Self.day(current.validFrom))"
                ))
        } else {
            changedProvinces.append((current, draft))
            summary.unitsChanged += 1
        }
    }

    /// A commune-level unit is new on the list's date; one this list stored before must be the same.
    private mutating func plan(unit draft: UnitDraft, stored: [UnitRecord], line: Int?, issues: inout [InputIssue]) {
        guard let current = stored.first(where: { $0.validFrom == list.date.iso }) else {
            return create(draft, stored: stored, line: line, issues: &issues)
        }
        unitIDs[draft.code] = current.unitID
        let parentID = draft.parentCode.flatMap { unitIDs[$0] }
        if current.kind != draft.kind.rawValue {
            issues.append(
                InputIssue(
                    line: line, field: "kind",
                    vi:
                        "\(draft.code) đã lưu là \(Self.kind(current.kind).vi.lowercased()), không phải \(draft.kind.label.vi.lowercased())",
                    en:
                        "\(draft.code) is stored as a \(Self.kind(current.kind).en.lowercased()), not a \(draft.kind.label.en.lowercased())"
                ))
        } else if current.name != draft.name {
            issues.append(
                InputIssue(
                    line: line, field: "name",
                    vi:
                        "\(draft.name) khác tên \(current.name) đã lưu cho \(draft.code) từ \(Self.day(current.validFrom))",
                    en:
                        "\(draft.name) differs from \(current.name), stored for \(draft.code) from \(Self.day(current.validFrom))"
                ))
        } else if current.parentUnitID != parentID {
            issues.append(
                InputIssue(
                    line: line, field: "parent", vi: "\(draft.code) đã lưu thuộc một tỉnh khác",
                    en: "\(draft.code) is stored under another province"))
        } else {
            summary.unitsUnchanged += 1
        }
    }

    private mutating func create(_ draft: UnitDraft, stored: [UnitRecord], line: Int?, issues: inout [InputIssue]) {
        if let clash = stored.first(where: { $0.validFrom > list.date.iso }) {
            issues.append(
                InputIssue(
                    line: line, field: "code",
                    vi: "\(draft.code) là đơn vị đã lưu từ \(Self.day(clash.validFrom)), sau ngày của danh sách",
                    en: "\(draft.code) is a unit stored from \(Self.day(clash.validFrom)), after the list's date"))
            return
        }
        unitIDs[draft.code] = UUID()
        newUnits.append(draft)
        summary.unitsCreated += 1
    }

    /// A stored day as a person reads it (dd/mm/yyyy), or as stored when it is not a date.
    static func day(_ iso: String) -> String { CivilDate(iso)?.vietnamese ?? iso }

    /// A stored kind in words, or as stored when no kind has that name.
    static func kind(_ raw: String) -> BilingualText {
        UnitKind(rawValue: raw)?.label ?? BilingualText(vi: raw, en: raw)
    }

    static func predecessor(_ record: UnitSuccessionRecord) throws -> UnitPredecessor {
        let villages: [String]
        do {
            villages = try JSONDecoder().decode([String].self, from: Data(record.villages.utf8))
        } catch {
            throw StorageError.corrupt(table: UnitSuccessionRecord.schema, column: "villages", value: record.villages)
        }
        return UnitPredecessor(
            code: record.predecessorCode, name: record.predecessorName,
            kind: try record.decode(\.$predecessorKind, as: UnitKind.self), whole: record.whole, villages: villages)
    }
}
