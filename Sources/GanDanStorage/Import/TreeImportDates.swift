import Foundation
import GanDanCore

/// The dates of imported villages and organisations against what they hang under: a village does not start before
/// its commune, an organisation not before its parent committee (rules.md R26).
///
/// An organisation is not held to its unit's start: a unit's stored start is the first day its list knows (1-1-2008
/// for the official list, which carries no dates) or its latest rename, and party organisations are routinely older.
/// The district folder's checks (`DistrictChecks`) do not hold it either.
struct TreeImportDates {
    /// The day each open unit and each organisation (the open one when a code was reused) began, by code.
    let unitStarts: [String: CivilDate]
    let organisationStarts: [String: CivilDate]

    init(stored: StoredCodes) {
        unitStarts = Dictionary(
            stored.openUnits.compactMap { unit in CivilDate(unit.validFrom).map { (unit.code, $0) } },
            uniquingKeysWith: { first, _ in first })
        let organisations = stored.organisations.sorted {
            ($0.validUntil == nil ? 0 : 1) < ($1.validUntil == nil ? 0 : 1)
        }
        organisationStarts = Dictionary(
            organisations.compactMap { record in CivilDate(record.validFrom).map { (record.code, $0) } },
            uniquingKeysWith: { first, _ in first })
    }

    /// A `valid_from` issue for each village (organisation, at its line in `lines`, by code) that starts before the
    /// unit (organisation) above it.
    func issues(_ dataset: OrganisationDataset, lines: [String: Int]) -> [InputIssue] {
        var issues: [InputIssue] = []
        for unit in dataset.units {
            guard let parent = unit.parentCode, let start = unitStarts[parent], unit.validity.from < start else {
                continue
            }
            issues.append(Self.early(line: lines[unit.code], from: unit.validity.from, above: parent, start: start))
        }
        let fileStarts = Dictionary(
            dataset.organisations.map { ($0.code, $0.validity.from) }, uniquingKeysWith: { first, _ in first })
        for organisation in dataset.organisations {
            let from = organisation.validity.from
            let line = lines[organisation.code]
            if let parent = organisation.parentCode,
                let start = fileStarts[parent] ?? organisationStarts[parent], from < start
            {
                issues.append(Self.early(line: line, from: from, above: parent, start: start))
            }
        }
        return issues
    }

    static func early(line: Int?, from: CivilDate, above code: String, start: CivilDate) -> InputIssue {
        InputIssue(
            line: line, field: "valid_from",
            vi: "Ngày \(from.vietnamese) trước khi \(code) được thành lập (\(start.vietnamese)).",
            en: "\(from.vietnamese) is before \(code) existed (from \(start.vietnamese)).")
    }
}
