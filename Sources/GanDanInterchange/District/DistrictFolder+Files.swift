import Foundation
import GanDanCore

extension DistrictFolder {
    /// The dataset as the folder's tables, headed by the field keys, so an export is imported again as it is.
    public static func tables(_ dataset: OrganisationDataset, transfers: [DistrictTransfer] = [])
        -> [DistrictFile: ExportTable]
    {
        var tables: [DistrictFile: ExportTable] = [:]
        for file in DistrictFile.allCases {
            tables[file] = ExportTable(title: file.baseName, columns: file.fields.map(\.key))
        }
        for unit in dataset.units {
            if unit.kind.isVillageLevel, let commune = unit.parentCode {
                tables[.villages]?.append(villageRow(unit, commune: commune))
            } else {
                tables[.units]?.append([
                    .text(unit.code), .text(unit.kind.rawValue), .text(unit.name), .optional(unit.parentCode),
                    .date(unit.validity.from), .optional(unit.validity.until),
                ])
            }
        }
        for organisation in dataset.organisations {
            tables[.organisations]?.append([
                .text(organisation.code), .text(organisation.kind.rawValue), .text(organisation.name),
                .optional(organisation.parentCode), .text(organisation.unitCode), .date(organisation.validity.from),
                .optional(organisation.validity.until),
            ])
            for rating in organisation.ratings {
                tables[.cellRatings]?.append([
                    .text(organisation.code), .integer(rating.year), .text(rating.level.rawValue),
                    .text(flag(rating.weak)), .optional(rating.weakReason),
                ])
            }
        }
        for member in dataset.members {
            tables[.members]?.append(MemberCSVFormat.fields(of: member).map { .optional($0) })
            for post in member.posts {
                tables[.posts]?.append([
                    .optional(member.citizenID), .optional(member.cardNumber), .text(member.fullName),
                    .date(member.birthDate), .text(post.kind.rawValue), .text(post.organisationCode),
                    .date(post.validity.from), .optional(post.validity.until), .optional(post.source?.rawValue),
                ])
            }
        }
        for row in transferRows(transfers, members: dataset.members) { tables[.transfers]?.append(row) }
        return tables
    }

    private static func villageRow(_ unit: UnitDraft, commune: String) -> [ExportTable.Cell] {
        let profile = unit.profile ?? VillageProfile()
        let local = unit.code.hasPrefix(commune + ".") ? String(unit.code.dropFirst(commune.count + 1)) : unit.code
        return [
            .text(commune), .text(local), .text(unit.name), .text(unit.kind.rawValue), .date(unit.validity.from),
            .optional(unit.validity.until), .optional(profile.distanceKm), .optional(profile.households),
            .optional(profile.poorHouseholds), .optional(profile.povertyYear), .optional(profile.povertyStandard),
            .text(flag(profile.ethnicMinority)), .text(flag(profile.mountain)),
        ]
    }

    private static func flag(_ value: Bool) -> String { value ? "có" : "không" }

    /// Writes the dataset's files into `directory` (created if missing) as CSV or XLSX; returns the paths written.
    public static func write(
        _ dataset: OrganisationDataset, transfers: [DistrictTransfer] = [], to directory: URL, format: TableFormat
    ) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let tables = tables(dataset, transfers: transfers)
        var written: [URL] = []
        for file in DistrictFile.allCases {
            guard let table = tables[file] else { continue }
            let url = directory.appendingPathComponent("\(file.baseName).\(format.rawValue)")
            let data = format == .csv ? try TableCSVWriter.data(table) : try XLSXWriter.data(table)
            try data.write(to: url, options: .atomic)
            written.append(url)
        }
        return written
    }

    /// Reads the district files in `directory` (`units.csv` or `units.xlsx`, …) and checks them as a whole. A file
    /// that cannot be read is an issue naming it; an optional file that is absent is taken as empty.
    public static func read(from directory: URL, today: CivilDate, limits: ImportLimits = .commandLine)
        -> DistrictFolder
    {
        var tables: [DistrictFile: ImportTable] = [:]
        var problems: [InputIssue] = []
        for file in DistrictFile.allCases {
            let candidates = [TableFormat.csv, .xlsx].map {
                directory.appendingPathComponent("\(file.baseName).\($0.rawValue)")
            }
            let present = candidates.filter { FileManager.default.fileExists(atPath: $0.path) }
            guard let url = present.first else { continue }
            if present.count > 1 {
                problems.append(
                    InputIssue(
                        vi: "có cả tệp .csv và tệp .xlsx: hãy giữ một tệp",
                        en: "both a .csv and an .xlsx file: keep one",
                        file: file.baseName))
                continue
            }
            do {
                let data = try Data(contentsOf: url)
                tables[file] = try TableReader.read(
                    data, format: TableFormat.detect(fileName: url.lastPathComponent, data: data), limits: limits)
            } catch let error as InputError {
                problems += error.issues.map { named($0, file) }
            } catch {
                problems.append(
                    InputIssue(
                        vi: "không đọc được tệp: \(error)", en: "cannot be read: \(error)", file: url.lastPathComponent)
                )
            }
        }
        var folder = DistrictFolder(tables: tables, today: today)
        folder.issues = problems + folder.issues
        return folder
    }
}
