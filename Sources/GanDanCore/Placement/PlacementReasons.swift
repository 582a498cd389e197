import Foundation

/// Plain-language reasons for a placement, in Vietnamese and English, built from the cost terms.
enum PlacementReasons {
    static func reasons(
        candidate: PlacementCandidate, seniority: Double, target: PlacementTarget, difficulty: Difficulty,
        alternative: PlacementAlternative?, alternativeTarget: PlacementTarget?
    ) -> [BilingualText] {
        var reasons: [BilingualText] = []
        let km = Self.km(target.distanceKm)
        if seniority > 0 {
            var facts: [BilingualText] = [
                BilingualText(vi: "cách trung tâm xã \(km)", en: "\(km) from the commune centre")
            ]
            if target.weak { facts.append(BilingualText(vi: "chi bộ yếu kém", en: "a weak cell")) }
            facts.append(
                BilingualText(
                    vi: "tỷ lệ hộ nghèo \(percent(target.povertyRate))",
                    en: "\(percent(target.povertyRate)) poor households"))
            if target.fullMembers < 9 {
                facts.append(
                    BilingualText(
                        vi: "chỉ \(target.fullMembers) đảng viên chính thức",
                        en: "only \(target.fullMembers) full members"))
            }
            reasons.append(
                BilingualText(
                    vi: "Cán bộ chủ chốt về thôn khó khăn: " + facts.map(\.vi).joined(separator: ", ") + ".",
                    en: "Key leader to a difficult village: " + facts.map(\.en).joined(separator: ", ") + "."))
        } else if candidate.residenceVillageID == target.villageID {
            reasons.append(
                BilingualText(
                    vi: "Sinh hoạt nơi cư trú: sống tại \(target.villageName).",
                    en: "Placed by residence: lives in \(target.villageName)."))
        } else {
            reasons.append(
                BilingualText(
                    vi:
                        "Bổ sung cho chi bộ còn thiếu người, gần nơi ở (\(Self.km(PlacementCosts.travelKm(candidate, target)))).",
                    en:
                        "Fills a cell that needs people, near home (\(Self.km(PlacementCosts.travelKm(candidate, target))))."
                ))
        }
        if let alternative, let other = alternativeTarget {
            let extra = String(format: "%.0f", max(0, alternative.extraCost))
            var versus = ""
            if seniority > 0 {
                versus =
                    " (\(other.villageName): \(Self.km(other.distanceKm))"
                    + (other.weak ? ", yếu kém" : "") + ", \(percent(other.povertyRate)))"
            }
            reasons.append(
                BilingualText(
                    vi: "Phương án gần nhất: \(alternative.cellName), tổng chi phí tăng \(extra) điểm\(versus).",
                    en: "Best alternative: \(alternative.cellName), the plan would cost \(extra) points more"
                        + versus.replacingOccurrences(of: "yếu kém", with: "weak") + "."))
        }
        return reasons
    }

    static func km(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) km" : String(format: "%.1f km", value)
    }

    static func percent(_ rate: Double) -> String {
        String(format: "%.0f%%", rate * 100)
    }
}
