import Foundation
import GanDanCore

/// A correction of a member's core fields as typed on the form (dates as ISO text), with the reason the registry
/// was wrong. A nil field is left as it is; an empty official date or citizen ID or card number clears it.
public struct MemberCorrection: Sendable, Codable, Equatable {
    public var fullName: String?
    public var birthDate: String?
    public var citizenID: String?
    public var cardNumber: String?
    public var admittedOn: String?
    public var officialOn: String?
    /// Why the record is corrected: required, kept in the audit trail.
    public var reason: String?

    public init(
        fullName: String? = nil, birthDate: String? = nil, citizenID: String? = nil, cardNumber: String? = nil,
        admittedOn: String? = nil, officialOn: String? = nil, reason: String? = nil
    ) {
        self.fullName = fullName
        self.birthDate = birthDate
        self.citizenID = citizenID
        self.cardNumber = cardNumber
        self.admittedOn = admittedOn
        self.officialOn = officialOn
        self.reason = reason
    }
}

/// A member's core fields as stored, the before and after of a correction's audit entry.
struct MemberCoreFields: Sendable, Codable, Equatable {
    var fullName: String
    var birthDate: String
    var citizenID: String?
    var cardNumber: String?
    var admittedOn: String
    var officialOn: String?
    var reason: String?

    init(_ record: MemberRecord, reason: String? = nil) {
        fullName = record.fullName
        birthDate = record.birthDate
        citizenID = record.citizenID
        cardNumber = record.cardNumber
        admittedOn = record.admittedOn
        officialOn = record.officialOn
        self.reason = reason
    }
}

/// Reading a form's text fields into checked values, each problem a bilingual sentence naming its field.
struct FormFields {
    var issues: [InputIssue] = []

    mutating func refuse(_ field: String, vi: String, en: String) {
        issues.append(InputIssue(field: field, vi: vi, en: en))
    }

    /// The trimmed text, nil when absent or blank.
    static func text(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
            return nil
        }
        return trimmed
    }

    /// A date typed as yyyy-mm-dd; a problem when it is not one. Nil when blank.
    mutating func date(_ value: String?, field: String, label: BilingualText) -> CivilDate? {
        guard let text = Self.text(value) else { return nil }
        guard let date = CivilDate(text), CivilDate.supportedRange.contains(date) else {
            refuse(
                field, vi: "\(label.vi): “\(text)” không phải là một ngày (năm-tháng-ngày).",
                en: "\(label.en): “\(text)” is not a date (year-month-day).")
            return nil
        }
        return date
    }

    /// The reason a correction or change is made: required, at most 500 characters.
    mutating func reason(_ value: String?) -> String? {
        guard let reason = Self.text(value) else {
            refuse(
                "reason", vi: "Cần ghi lý do sửa đổi (ví dụ: theo hồ sơ gốc, quyết định số …).",
                en: "Please give the reason for the change (for example: per the original file, decision no. …).")
            return nil
        }
        guard reason.count <= 500 else {
            refuse("reason", vi: "Lý do dài quá 500 ký tự.", en: "The reason is longer than 500 characters.")
            return nil
        }
        return reason
    }
}

/// The names of the core fields in messages, in both languages.
enum MemberFieldName {
    static let fullName = BilingualText(vi: "Họ và tên", en: "Full name")
    static let birthDate = BilingualText(vi: "Ngày sinh", en: "Birth date")
    static let citizenID = BilingualText(vi: "Số căn cước", en: "Citizen ID")
    static let cardNumber = BilingualText(vi: "Số thẻ đảng viên", en: "Party card number")
    static let admittedOn = BilingualText(vi: "Ngày vào Đảng", en: "Admission date")
    static let officialOn = BilingualText(vi: "Ngày chính thức", en: "Date made full member")
    static let since = BilingualText(vi: "Từ ngày", en: "From")
    static let joinedOn = BilingualText(vi: "Ngày vào chi bộ", en: "Day joined the cell")
    static let until = BilingualText(vi: "Ngày thôi giữ chức vụ", en: "Day the post ends")
}
