import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage

/// The fixed wording of Vietnamese party papers: the head, the place-and-date line, dates and times in words.
/// Official papers carry Vietnamese only, whatever the page's language.
enum PaperWords {
    /// The "Nơi nhận" column: each recipient on a line after a dash, ";" between them and "." after the last.
    static func recipients(_ lines: [String]) -> [PaperLine] {
        [PaperLine("Nơi nhận:", bold: true, italic: true, alignment: .left)]
            + lines.enumerated().map { index, line in
                PaperLine("- \(line)\(index == lines.count - 1 ? "." : ";")", alignment: .left)
            }
    }

    static let party = "ĐẢNG CỘNG SẢN VIỆT NAM"

    /// "Thượng Lâm, ngày 05 tháng 6 năm 2026": the day below 10 and the months January and February with a
    /// leading zero, as administrative papers write them.
    static func placeAndDate(_ place: String, _ date: CivilDate?) -> String {
        guard let date else { return "\(place), ngày … tháng … năm 20…" }
        let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let month = date.month < 3 ? "0\(date.month)" : "\(date.month)"
        return "\(place), ngày \(day) tháng \(month) năm \(date.year)"
    }

    /// The two-column head: the issuing body (its upper body above it) on the left, the party's name and the
    /// place-and-date line in italics on the right; "Số: …" under the body when the paper is numbered.
    static func head(upper: String, body: String, place: String, date: CivilDate?, number: String? = nil)
        -> PaperBlock
    {
        var left: [PaperLine] = [.centred(upper.uppercased()), .centred(body.uppercased(), bold: true), .centred("*")]
        if let number { left.append(.centred(number)) }
        return .columns(
            left, [.centred(party, bold: true, underline: true), .centred(placeAndDate(place, date), italic: true)])
    }

    /// "thứ Sáu", "Chủ nhật": the day of the week (1 January 1970 was a Thursday).
    static func weekday(_ date: CivilDate) -> String {
        let names = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"]
        return names[((date.dayNumber + 4) % 7 + 7) % 7]
    }

    /// "07 giờ 30 phút".
    static func time(_ time: TimeOfDay) -> String {
        String(format: "%02d giờ %02d phút", time.hour, time.minute)
    }

    /// "xã Thượng Lâm", "huyện Na Hang": a unit as a sentence names it.
    static func unitTitle(_ unit: UnitSnapshot) -> String { "\(unit.kind.label.vi.lowercased()) \(unit.name)" }

    /// "Đảng bộ xã Thượng Lâm" for a commune, "Đảng bộ huyện Na Hang" for a district.
    static func partyBody(of unit: UnitSnapshot) -> String { "Đảng bộ \(unitTitle(unit))" }

    /// "Sinh hoạt chi bộ …" from "sinh hoạt chi bộ …".
    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "Đảng ủy xã Thượng Lâm", "Huyện ủy Na Hang", "Tỉnh ủy Tuyên Quang": the committee that issues a decision.
    static func committee(kind: UnitKind, name: String) -> (body: String, short: String, code: String) {
        switch kind.level {
        case 1: return ("Tỉnh ủy \(name)", "TỈNH ỦY", "TU")
        case 2: return ("Huyện ủy \(name)", "HUYỆN ỦY", "HU")
        default: return ("Đảng ủy \(kind.label.vi.lowercased()) \(name)", "ĐẢNG ỦY", "ĐU")
        }
    }

    /// A signature column: the role lines in bold, room to sign, then the name (dots when nobody is named).
    static func signature(_ roles: [String], name: String?) -> [PaperLine] {
        roles.map { PaperLine.centred($0, bold: true) }
            + [.centred(name ?? "……………………………", bold: true, gapBefore: true)]
    }
}
