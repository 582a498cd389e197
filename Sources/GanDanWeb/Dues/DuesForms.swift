import Foundation
import GanDanCore
import GanDanStorage
import Vapor

extension DuesPages {
    /// The register as sent: each member's band and income, the day and collector of this send's payment, and which
    /// member the tapped button marks paid (`pay`) or not (`unpay`).
    struct RegisterForm: Content {
        var month: String?
        var collectedBy: String?
        var paidOn: String?
        var band: [String: String]?
        var income: [String: String]?
        var pay: String?
        var unpay: String?

        /// The lines to record: every member of the register, with what was typed over what is stored; a member
        /// already paid stays paid with their day and collector unless `unpay` names them.
        func entries(_ register: DuesRegister, language: Language) throws -> [DuesEntry] {
            var issues: [InputIssue] = []
            var entries: [DuesEntry] = []
            let payDay = pay == nil ? nil : try payment(issues: &issues)
            for line in register.lines {
                let id = line.member.id.uuidString
                var entry = DuesEntry(
                    memberID: line.member.id, band: line.band, income: line.income, paidOn: line.paidOn,
                    collectedBy: line.collectedBy?.id)
                if let text = band?[id] {
                    guard let chosen = DuesBand(rawValue: text) else {
                        issues.append(
                            InputIssue(
                                field: "band[\(id)]", vi: "\(line.member.name): chọn đối tượng trong danh sách.",
                                en: "\(line.member.name): choose a band from the list."))
                        continue
                    }
                    entry.band = chosen
                }
                if let text = income?[id] {
                    switch Self.amount(text) {
                    case .some(let value): entry.income = value
                    case .none:
                        issues.append(
                            InputIssue(
                                field: "income[\(id)]",
                                vi: "\(line.member.name): mức lương \"\(text)\" phải là số đồng, ví dụ 5.500.000.",
                                en:
                                    "\(line.member.name): the income \"\(text)\" must be a number of đồng, e.g. 5,500,000."
                            ))
                    }
                }
                if id == unpay { (entry.paidOn, entry.collectedBy) = (nil, nil) }
                if id == pay, let payDay { (entry.paidOn, entry.collectedBy) = payDay }
                if line.recorded || id == pay || id == unpay || band?[id] != nil { entries.append(entry) }
            }
            guard issues.isEmpty else { throw InputError.invalid(issues) }
            return entries
        }

        /// The day and collector of this send's payment.
        func payment(issues: inout [InputIssue]) throws -> (CivilDate?, UUID?)? {
            guard let text = paidOn, let day = CivilDate(text) else {
                issues.append(
                    InputIssue(
                        field: "paidOn", vi: "Ghi ngày thu đảng phí (ngày/tháng/năm).",
                        en: "Write the day the dues were collected."))
                return nil
            }
            guard let collector = collectedBy.flatMap(UUID.init(uuidString:)) else {
                issues.append(
                    InputIssue(
                        field: "collectedBy", vi: "Chọn người thu đảng phí.", en: "Choose who collected the dues."))
                return nil
            }
            return (day, collector)
        }

        /// Đồng as typed: digits with dots, commas or spaces between thousands; empty is no amount; nil when not a
        /// number.
        static func amount(_ text: String) -> Int?? {
            let digits = text.filter { !" .,_\u{00A0}".contains($0) }.replacingOccurrences(of: "đ", with: "")
            if digits.isEmpty { return .some(nil) }
            guard digits.count <= 12, digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
            return .some(value)
        }
    }

    struct HandoverForm: Content {
        var month: String?
        var passedOn: String?
        var passedBy: String?
    }
}
