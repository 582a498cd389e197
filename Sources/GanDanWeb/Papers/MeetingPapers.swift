import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage

/// A meeting's papers in the usual form (Hướng dẫn 12-HD/BTCTW on cell meetings): the notice calling it, the
/// minutes with the attendance sheet to sign, and the month's resolution. Vietnamese only; the internal quality
/// score and the system's rule codes never appear on them.
struct MeetingPapers {
    var detail: MeetingDetail
    var issuer: PaperIssuer

    var meeting: MeetingSummary { detail.meeting }
    var minutes: MeetingMinutes? { detail.body?.minutes }

    func name(_ id: String) -> String {
        detail.names.first { $0.id.uuidString == id }?.name ?? id
    }

    /// "sinh hoạt chi bộ định kỳ tháng 6 năm 2026", "sinh hoạt chuyên đề tháng 6 năm 2026", "họp Đảng ủy định kỳ
    /// tháng 6 năm 2026".
    var what: String {
        let body = meeting.body.label.vi
        let named = body.prefix(1).lowercased() + body.dropFirst()
        let kind = meeting.kind == .thematic ? "\(named) chuyên đề" : "\(named) định kỳ"
        return "\(kind) tháng \(meeting.date.month) năm \(meeting.date.year)"
    }

    func head(_ date: CivilDate?) -> PaperBlock {
        PaperWords.head(upper: issuer.upper, body: issuer.body, place: issuer.place, date: date)
    }

    /// The agenda as recorded, else the topic, else the content every regular meeting has.
    var agenda: [String] {
        if let agenda = minutes?.agenda, !agenda.isEmpty { return agenda }
        var items: [String] = []
        if let topic = meeting.topic, !topic.isEmpty { items.append(topic) }
        if meeting.kind != .thematic {
            items += [
                "Đánh giá kết quả thực hiện nhiệm vụ tháng \(meeting.date.month)/\(meeting.date.year).",
                "Phổ biến chủ trương, chính sách của cấp trên.",
                "Bàn phương hướng, nhiệm vụ tháng tới.",
            ]
        }
        return items
    }

    /// The notice calling the meeting: when, where, what, and the documents sent.
    var notice: Paper {
        let date = meeting.date
        var blocks: [PaperBlock] = [
            head(meeting.noticeSentOn), .title("THÔNG BÁO"), .title("Về việc \(what)", large: false),
            .paragraph("\(issuer.body) thông báo tới các đồng chí đảng viên trong \(issuer.word.lowercased()):"),
            .paragraph(
                "1. Thời gian: \(PaperWords.time(meeting.scheduledStart)), \(PaperWords.weekday(date)) ngày "
                    + "\(date.vietnamese)."),
            .paragraph("2. Địa điểm: ………………………………………………………"),
            .paragraph("3. Nội dung:"),
        ]
        blocks += agenda.map { .paragraph("- \($0)") }
        if let documents = meeting.documents, !documents.isEmpty {
            blocks.append(.paragraph("4. Tài liệu gửi kèm: \(documents)"))
        }
        blocks.append(
            .paragraph(
                "Đề nghị các đồng chí đảng viên nghiên cứu tài liệu, chuẩn bị ý kiến và dự họp đầy đủ, đúng giờ. "
                    + "Trường hợp vắng mặt phải báo cáo lý do với bí thư chi bộ."))
        blocks.append(
            .columns(PaperWords.recipients(["Các đồng chí đảng viên", "Lưu"]), signatureOfSecretary(name: nil)))
        return Paper(title: "Thông báo \(what) - \(issuer.body)", pages: [PaperPage(blocks)])
    }

    func signatureOfSecretary(name: String?) -> [PaperLine] {
        PaperWords.signature([issuer.onBehalf, "BÍ THƯ"], name: name)
    }
}
