import ArgumentParser
import Foundation
import GanDanCore
import GanDanStorage

/// One `--placed-on COMMUNE=DATE` (or `--dissolved-on`) of `gandan placement approve`: a commune as a planner knows
/// it (its code, or its name with or without accents and "xã") and the day its members are placed (or its agency
/// cells dissolved), YYYY-MM-DD or dd/mm/yyyy.
struct PlacementDayOption: Equatable, Sendable {
    static let placed = "--placed-on"
    static let dissolved = "--dissolved-on"

    var option: String
    var commune: String
    var day: CivilDate

    /// Reads `text` given to `option`, or refuses it in Vietnamese (then English) naming the option.
    init(_ text: String, option: String = Self.placed) throws {
        self.option = option
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let commune = parts[0].trimmingCharacters(in: .whitespaces)
        guard parts.count == 2, !commune.isEmpty else {
            throw Self.refusal(
                option, text, vi: "ghi XÃ=NGÀY, ví dụ 02230=2019-04-25 hoặc \"Thanh Tương=25/04/2019\"",
                en: "write COMMUNE=DATE, e.g. 02230=2019-04-25 or \"Thanh Tương=25/04/2019\"")
        }
        guard let day = CivilDate(String(parts[1])) else {
            throw Self.refusal(
                option, text,
                vi: "\"\(parts[1])\" không phải ngày từ 01/01/1900 đến 31/12/2100 (ghi YYYY-MM-DD hoặc dd/mm/yyyy)",
                en: "\"\(parts[1])\" is not a date from 1900-01-01 to 2100-12-31 (write YYYY-MM-DD or dd/mm/yyyy)")
        }
        self.commune = commune
        self.day = day
    }

    /// Every `option` given, each commune at most once.
    static func parse(_ texts: [String], option: String = Self.placed) throws -> [PlacementDayOption] {
        let options = try texts.map { try PlacementDayOption($0, option: option) }
        var seen: Set<String> = []
        for (text, parsed) in zip(texts, options) where !seen.insert(VietnameseText.searchKey(parsed.commune)).inserted
        {
            throw refusal(option, text, vi: "xã này đã có một ngày ở trên", en: "that commune was given a day already")
        }
        return options
    }

    /// The days by commune id, each option matched to one of the plan's `communes` by code or name; a commune
    /// that is not in the plan is refused naming the plan's communes.
    static func days(_ options: [PlacementDayOption], communes: [UnitSnapshot]) throws -> [UUID: CivilDate] {
        var days: [UUID: CivilDate] = [:]
        for option in options {
            let matches = communes.filter { option.names($0) }
            guard matches.count == 1, let commune = matches.first else {
                let listed = communes.sorted { $0.code < $1.code }.map { "\($0.code) \($0.name)" }
                    .joined(separator: ", ")
                throw refusal(
                    option.option, "\(option.commune)=\(option.day.iso)",
                    vi: matches.isEmpty
                        ? "không có xã \"\(option.commune)\" trong phương án (các xã: \(listed))"
                        : "nhiều xã mang tên \"\(option.commune)\"; hãy ghi mã xã (\(listed))",
                    en: matches.isEmpty
                        ? "the plan has no commune \"\(option.commune)\" (its communes: \(listed))"
                        : "several communes are named \"\(option.commune)\"; give the code (\(listed))")
            }
            guard days[commune.id] == nil else {
                throw refusal(
                    option.option, "\(option.commune)=\(option.day.iso)",
                    vi: "xã \(commune.name) đã có một ngày ở trên",
                    en: "\(commune.name) was given a day already")
            }
            days[commune.id] = option.day
        }
        return days
    }

    /// Whether the planner's word names `unit`: its code, or its name or title ("xã Thanh Tương") ignoring case
    /// and accents.
    func names(_ unit: UnitSnapshot) -> Bool {
        let key = VietnameseText.searchKey(commune)
        return commune == unit.code || key == VietnameseText.searchKey(unit.name)
            || key == VietnameseText.searchKey(unit.title(in: .vi))
    }

    /// The approval's refusal as the command's lines: each issue in Vietnamese then English, its field named by the
    /// option that sets it.
    static func lines(_ issues: [InputIssue]) -> String {
        issues.map { issue in
            let option =
                switch issue.field {
                case "placedOn": Self.placed
                case "dissolvedOn": Self.dissolved
                case "decision_date": "--decision-date"
                default: issue.field ?? ""
                }
            let text = issue.vietnamese.map { CommandText.both($0, issue.message) } ?? issue.message
            return option.isEmpty ? text : "\(option): \(text)"
        }
        .joined(separator: "\n")
    }

    static func refusal(_ option: String, _ text: String, vi: String, en: String) -> ValidationError {
        CommandValues.refusal(vi: "\(option) \"\(text)\": \(vi)", en: en)
    }
}
