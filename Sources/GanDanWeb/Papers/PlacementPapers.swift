import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage

/// One moved member as the decision's list and the transfer letter name them.
struct MovedMember {
    var name: String
    var birthYear: String
    /// "Chính thức" or "Dự bị" on the day.
    var standing: String
    /// The posts held on the day ("Phó Bí thư Đảng ủy, Chủ tịch UBND"); empty when none.
    var posts: String
    var fromCell: String
    /// The receiving cell named with its commune ("Chi bộ thôn Nà Khá, xã Thượng Lâm").
    var toCell: String
}

/// A commune's placement papers (Hướng dẫn 28-HD/BTCTW on commune agency cells): the decision of the commune's
/// party committee moving the agency cell's members to village cells, and one transfer letter per member.
/// Numbers are left blank for the office to fill; Vietnamese only.
struct PlacementPapers {
    /// The commune ("xã Thượng Lâm"), its name alone, and the body above its committee ("Đảng bộ huyện Na Hang").
    var communeTitle: String
    var communeName: String
    var communeKind: UnitKind
    var upper: String
    /// The committee above, which receives a copy ("Huyện ủy Na Hang").
    var upperCommittee: String
    var date: CivilDate?
    var members: [MovedMember]
    /// The last day receiving cells take the members in (30 working days after the decision), when known.
    var receiveBy: CivilDate?

    var committee: (body: String, short: String, code: String) {
        PaperWords.committee(kind: communeKind, name: communeName)
    }

    func head(number: String) -> PaperBlock {
        PaperWords.head(
            upper: upper, body: committee.body, place: communeName, date: date,
            number: "Số: ……-\(number)/\(committee.code)")
    }

    /// The documents the decision rests on, in force on its date.
    var grounds: [String] {
        let day = date ?? CivilDate.today()
        func on(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Bool {
            CivilDate(year: year, month: month, day: dayOfMonth).map { day >= $0 } ?? false
        }
        let charterRules: String
        if on(2025, 7, 1) {
            charterRules = "Quy định số 294-QĐ/TW ngày 26/5/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng"
        } else if on(2025, 1, 20) {
            charterRules = "Quy định số 232-QĐ/TW ngày 20/01/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng"
        } else if on(2021, 7, 30) {
            charterRules = "Quy định số 24-QĐ/TW ngày 30/7/2021 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng"
        } else {
            charterRules = "Quy định số 29-QĐ/TW ngày 25/7/2016 của Ban Chấp hành Trung ương về thi hành Điều lệ Đảng"
        }
        let procedures =
            on(2022, 1, 18)
            ? "Hướng dẫn số 12-HD/BTCTW ngày 18/01/2022 của Ban Tổ chức Trung ương về nghiệp vụ công tác đảng viên"
            : "Hướng dẫn số 09-HD/BTCTW năm 2017 của Ban Tổ chức Trung ương về nghiệp vụ công tác đảng viên"
        return [
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;", "Căn cứ \(charterRules);", "Căn cứ \(procedures);",
            "Căn cứ Hướng dẫn số 28-HD/BTCTW ngày 10/10/2014 của Ban Tổ chức Trung ương về tổ chức chi bộ cơ quan "
                + "xã, phường, thị trấn;",
            "Xét đề nghị của Ban Tổ chức \(committee.body),",
        ]
    }

    var origins: String {
        var seen: [String] = []
        for member in members where !seen.contains(member.fromCell) { seen.append(member.fromCell) }
        return seen.joined(separator: ", ")
    }

    /// The decision: number, grounds, three articles, the list, copies, the signature.
    var decision: Paper {
        var blocks: [PaperBlock] = [
            head(number: "QĐ"), .title("QUYẾT ĐỊNH"),
            .title("về việc chuyển sinh hoạt đảng của đảng viên", large: false),
            .title("-----", large: false), .title(committee.body.uppercased(), large: false),
        ]
        blocks += grounds.map { .paragraph(PaperLine($0, italic: true)) }
        blocks += [
            .title("QUYẾT ĐỊNH", large: false),
            .paragraph(
                "Điều 1. Chuyển sinh hoạt đảng của \(members.count) đồng chí đảng viên đang sinh hoạt tại \(origins) "
                    + "về sinh hoạt tại các chi bộ thôn, bản thuộc Đảng bộ \(communeTitle) (có danh sách kèm theo)."),
            .paragraph(
                "Điều 2. Các chi bộ có đảng viên chuyển đến có trách nhiệm tiếp nhận, quản lý và phân công nhiệm vụ "
                    + "cho các đồng chí đảng viên trong thời hạn 30 ngày làm việc kể từ ngày ký Quyết định này"
                    + (receiveBy.map { " (chậm nhất ngày \($0.vietnamese))." } ?? ".")),
            .paragraph(
                "Điều 3. Văn phòng Đảng ủy, Ban Tổ chức Đảng ủy, các chi bộ có liên quan và các đồng chí đảng viên "
                    + "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này. Quyết định có hiệu lực kể từ "
                    + "ngày ký."),
            .columns(
                PaperWords.recipients([
                    "Như Điều 3", "Ban Thường vụ \(upperCommittee) (báo cáo)", "Lưu Văn phòng Đảng ủy",
                ]),
                PaperWords.signature(["T/M \(committee.short)", "BÍ THƯ"], name: nil)),
        ]
        let list = PaperPage([
            .title("DANH SÁCH ĐẢNG VIÊN CHUYỂN SINH HOẠT ĐẢNG"),
            .title("(Kèm theo Quyết định số ……-QĐ/\(committee.code) của \(committee.body))", large: false),
            .table(
                ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Chi bộ đang sinh hoạt", "Chi bộ tiếp nhận"],
                members.enumerated().map { index, member in
                    [
                        "\(index + 1)", member.name, member.birthYear, member.posts, member.fromCell,
                        member.toCell,
                    ]
                }, widths: [6, 20, 9, 19, 21, 25]),
        ])
        return Paper(title: "Quyết định chuyển sinh hoạt đảng - \(committee.body)", pages: [PaperPage(blocks), list])
    }

    /// One transfer letter per member, each on its own page.
    var letters: Paper {
        Paper(
            title: "Giấy giới thiệu sinh hoạt đảng - \(committee.body)",
            pages: members.map { letter($0, term: .official(workingDays: 30, receiveBy: receiveBy)) })
    }

    /// How long a letter's move holds: an official one names the working days the receiving cell has (30 for a
    /// placement, rules.md R14; 60 for a single transfer, R13); a temporary one runs from–until.
    enum LetterTerm {
        case official(workingDays: Int, receiveBy: CivilDate?)
        case temporary(until: CivilDate?)
    }

    /// One member's transfer letter (giấy giới thiệu sinh hoạt đảng), dated and numbered as the committee's papers.
    func letter(_ member: MovedMember, term: LetterTerm) -> PaperPage {
        var blocks: [PaperBlock] = [head(number: "GGT")]
        switch term {
        case .official: blocks.append(.title("GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG"))
        case .temporary: blocks.append(.title("GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG TẠM THỜI"))
        }
        blocks += [
            .paragraph("\(committee.body) trân trọng giới thiệu:"),
            .paragraph("Đồng chí: \(member.name)", bold: true),
            .paragraph("Sinh năm: \(member.birthYear)"),
            .paragraph("Là đảng viên: \(member.standing)"),
            .paragraph("Chức vụ: \(member.posts.isEmpty ? "……………………………" : member.posts)"),
            .paragraph("Đang sinh hoạt tại: \(member.fromCell)"),
        ]
        switch term {
        case .official(let days, let receiveBy):
            blocks += [
                .paragraph("Được chuyển đến sinh hoạt tại: \(member.toCell)"),
                .paragraph(
                    "Theo Quyết định số ……-QĐ/\(committee.code) ngày "
                        + "\(date?.vietnamese ?? "……/……/………") của \(committee.body)."),
                .paragraph(
                    "Đề nghị chi bộ tiếp nhận, quản lý và phân công nhiệm vụ cho đồng chí trong thời hạn \(days) ngày "
                        + "làm việc" + (receiveBy.map { " (chậm nhất ngày \($0.vietnamese))." } ?? ".")),
            ]
        case .temporary(let until):
            blocks += [
                .paragraph("Được giới thiệu đến sinh hoạt tạm thời tại: \(member.toCell)"),
                .paragraph(
                    "Thời gian sinh hoạt tạm thời: từ ngày \(date?.vietnamese ?? "……/……/………") đến ngày "
                        + "\(until?.vietnamese ?? "……/……/………")."),
                .paragraph(
                    "Đề nghị chi bộ tiếp nhận, quản lý và phân công nhiệm vụ cho đồng chí trong thời gian sinh hoạt "
                        + "tạm thời; hết thời hạn, đồng chí trở về sinh hoạt tại chi bộ cũ."),
            ]
        }
        blocks.append(
            .columns(
                PaperWords.recipients(["Chi bộ tiếp nhận", "Đồng chí có tên trên", "Lưu Văn phòng Đảng ủy"]),
                PaperWords.signature(["T/M \(committee.short)", "BÍ THƯ"], name: nil)))
        return PaperPage(blocks)
    }
}
