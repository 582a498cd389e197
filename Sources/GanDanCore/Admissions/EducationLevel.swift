/// General education levels as written on an admission file, lowest first (rules.md R21).
public enum EducationLevel: String, Sendable, CaseIterable, Codable, Comparable {
    case none
    /// Tiểu học: 5/12, or 4/10 in the old northern 10-year system.
    case primary
    /// Trung học cơ sở: 9/12, or 7/10 in the old system.
    case lowerSecondary
    /// Trung học phổ thông: 12/12, or 10/10 in the old system.
    case upperSecondary
    /// Trung cấp.
    case vocational
    /// Cao đẳng.
    case college
    /// Đại học.
    case university
    /// Thạc sĩ, tiến sĩ.
    case postgraduate

    public var label: BilingualText {
        switch self {
        case .none: return BilingualText(vi: "Chưa tốt nghiệp tiểu học", en: "No primary certificate")
        case .primary: return BilingualText(vi: "Tiểu học", en: "Primary")
        case .lowerSecondary: return BilingualText(vi: "Trung học cơ sở", en: "Lower secondary")
        case .upperSecondary: return BilingualText(vi: "Trung học phổ thông", en: "Upper secondary")
        case .vocational: return BilingualText(vi: "Trung cấp", en: "Intermediate vocational")
        case .college: return BilingualText(vi: "Cao đẳng", en: "College")
        case .university: return BilingualText(vi: "Đại học", en: "University")
        case .postgraduate: return BilingualText(vi: "Sau đại học", en: "Postgraduate")
        }
    }

    public static func < (lhs: EducationLevel, rhs: EducationLevel) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int { EducationLevel.allCases.firstIndex(of: self) ?? 0 }

    /// Reads "9/12", "7/10", "THCS", "THPT", "Tiểu học", "Trung cấp", "Cao đẳng", "Đại học" and similar, with or
    /// without accents, taking the highest level named; nil when the text names no level.
    public init?(parsing text: String) {
        let key = VietnameseText.searchKey(text)
        let named = EducationLevel.phrases.first { key.contains($0.0) }?.1
        let found = [EducationLevel.grade(in: key), named].compactMap { $0 }
        guard let highest = found.max() else { return nil }
        self = highest
    }

    /// Highest level first, so the first phrase found is the highest named ("cap iii" before "cap ii").
    private static let phrases: [(String, EducationLevel)] = [
        ("tien si", .postgraduate), ("thac si", .postgraduate), ("postgraduate", .postgraduate),
        ("dai hoc", .university), ("cu nhan", .university), ("ky su", .university), ("university", .university),
        ("cao dang", .college), ("college", .college), ("trung cap", .vocational), ("vocational", .vocational),
        ("thpt", .upperSecondary), ("trung hoc pho thong", .upperSecondary), ("cap iii", .upperSecondary),
        ("cap 3", .upperSecondary), ("upper secondary", .upperSecondary),
        ("thcs", .lowerSecondary), ("trung hoc co so", .lowerSecondary), ("cap ii", .lowerSecondary),
        ("cap 2", .lowerSecondary), ("lower secondary", .lowerSecondary),
        ("tieu hoc", .primary), ("cap i", .primary), ("cap 1", .primary), ("primary", .primary),
    ]

    /// A grade written "n/12" (the 12-year system) or "n/10" (the northern 10-year system used until 1989).
    private static func grade(in key: String) -> EducationLevel? {
        guard let written = key.split(separator: " ").last(where: { $0.contains("/") }) else { return nil }
        let token = written.filter { ($0.isASCII && $0.isNumber) || $0 == "/" }
        let parts = token.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let grade = Int(parts[0]), let system = Int(parts[1]), (0...system).contains(grade)
        else { return nil }
        switch system {
        case 12:
            if grade == 12 { return .upperSecondary }
            if grade >= 9 { return .lowerSecondary }
            return grade >= 5 ? .primary : EducationLevel.none
        case 10:
            if grade == 10 { return .upperSecondary }
            if grade >= 7 { return .lowerSecondary }
            return grade >= 4 ? .primary : EducationLevel.none
        default:
            return nil
        }
    }
}
