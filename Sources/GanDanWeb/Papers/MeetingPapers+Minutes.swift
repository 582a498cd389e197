import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage

extension MeetingPapers {
    /// The minutes: head, time and venue, chair and recorder, the quorum sentence, the contents in the usual order,
    /// the vote and conclusion, the recorder's and the chair's signatures; then the attendance sheet on its own page.
    var minutesPaper: Paper {
        var blocks: [PaperBlock] = [
            head(meeting.date), .title("BIÊN BẢN"), .title(PaperWords.capitalised(what), large: false),
        ]
        guard let minutes else {
            blocks.append(.paragraph("Buổi sinh hoạt chưa được ghi biên bản.", italic: true))
            return Paper(title: "Biên bản \(what) - \(issuer.body)", pages: [PaperPage(blocks)])
        }
        blocks += [
            .paragraph(
                "Thời gian: bắt đầu lúc \(PaperWords.time(minutes.startTime)), \(PaperWords.weekday(meeting.date)) "
                    + "ngày \(meeting.date.vietnamese)."),
            .paragraph("Địa điểm: ………………………………………………………"),
            .paragraph("Chủ trì: đồng chí \(name(minutes.chairID)). Thư ký: đồng chí \(name(minutes.recorderID))."),
            .paragraph(quorumSentence(minutes)),
        ]
        if let guest = detail.assignedCommitteeMember, detail.body?.committeeMemberID == guest.id {
            blocks.append(.paragraph("Dự họp có đồng chí \(guest.name), cấp ủy viên cấp trên phụ trách chi bộ."))
        }
        blocks += contents(minutes)
        blocks.append(
            .paragraph(
                "Buổi sinh hoạt kết thúc lúc \(PaperWords.time(minutes.endTime)) cùng ngày. Biên bản đã được "
                    + "thông qua trước \(issuer.word.lowercased()) và các đồng chí dự họp nhất trí."))
        blocks.append(
            .columns(
                PaperWords.signature(["THƯ KÝ"], name: name(minutes.recorderID)),
                PaperWords.signature(["CHỦ TRÌ"], name: name(minutes.chairID))))
        return Paper(title: "Biên bản \(what) - \(issuer.body)", pages: [PaperPage(blocks), attendanceSheet(minutes)])
    }

    /// "Tổng số đảng viên: 12 (chính thức 10, dự bị 2); có mặt: 10; vắng có lý do: 1 (Ma Thị Lan: ốm);
    /// vắng không lý do: 1 (Hoàng Văn Bảy)."
    func quorumSentence(_ minutes: MeetingMinutes) -> String {
        let expected = minutes.attendance.filter(\.isExpected)
        let excused = expected.compactMap { line -> String? in
            guard case .absentExcused(let reason) = line.status else { return nil }
            return reason.isEmpty ? name(line.memberID) : "\(name(line.memberID)): \(reason)"
        }
        let unexcused = expected.filter { $0.status == .absentUnexcused }.map { name($0.memberID) }
        let present = expected.filter(\.status.isPresent).count
        func list(_ names: [String]) -> String { names.isEmpty ? "" : " (\(names.joined(separator: "; ")))" }
        var sentence =
            "Tổng số đảng viên của \(issuer.word.lowercased()): \(minutes.roll.total) (chính thức "
            + "\(minutes.roll.full), dự bị \(minutes.roll.probationary)"
        if minutes.roll.exempt > 0 { sentence += ", miễn sinh hoạt \(minutes.roll.exempt)" }
        sentence +=
            "); có mặt: \(present); vắng có lý do: \(excused.count)\(list(excused)); vắng không lý do: "
            + "\(unexcused.count)\(list(unexcused))."
        return sentence
    }

    /// The contents in the usual order: the agenda, the policy relayed, last month's review, the month's
    /// evaluation, the tasks of next month, the discussion, the vote, the conclusion.
    func contents(_ minutes: MeetingMinutes) -> [PaperBlock] {
        var blocks: [PaperBlock] = [.paragraph("NỘI DUNG", bold: true)]
        blocks += minutes.agenda.enumerated().map { .paragraph("\($0.offset + 1). \($0.element)") }
        let sections: [(String, String)] = [
            ("Phổ biến chủ trương, chính sách của cấp trên", minutes.policyRelayed),
            ("Kiểm điểm việc thực hiện nhiệm vụ tháng trước", minutes.lastMonthReview),
            ("Đánh giá kết quả thực hiện nhiệm vụ trong tháng", minutes.monthEvaluation),
            ("Phương hướng, nhiệm vụ tháng tới", minutes.nextMonthDirection),
        ]
        var number = 0
        for (title, text) in sections where !text.isEmpty {
            number += 1
            blocks += [.paragraph("\(roman(number)). \(title)", bold: true), .paragraph(text)]
        }
        if !detail.tasksAssigned.isEmpty {
            number += 1
            blocks += [.paragraph("\(roman(number)). Phân công nhiệm vụ", bold: true), taskTable]
        }
        if !minutes.discussion.isEmpty {
            number += 1
            blocks += [.paragraph("\(roman(number)). Ý kiến thảo luận", bold: true), .paragraph(minutes.discussion)]
        }
        number += 1
        blocks.append(.paragraph("\(roman(number)). Biểu quyết và kết luận", bold: true))
        blocks += minutes.votes.map { vote in
            .paragraph(
                "Biểu quyết \(vote.subject): tán thành \(vote.inFavour)/\(vote.total) đồng chí, không tán thành "
                    + "\(vote.against), không biểu quyết \(vote.abstaining).")
        }
        if !minutes.conclusion.isEmpty { blocks.append(.paragraph(minutes.conclusion)) }
        return blocks
    }

    /// Who does what by when: the tasks the meeting assigned.
    var taskTable: PaperBlock {
        .table(
            ["STT", "Nhiệm vụ", "Người thực hiện", "Thời hạn"],
            detail.tasksAssigned.enumerated().map { index, task in
                [
                    "\(index + 1)", task.description, task.assignees.map(\.name).joined(separator: ", "),
                    "tháng \(task.due.vietnamese)",
                ]
            }, widths: [8, 52, 25, 15])
    }

    func roman(_ number: Int) -> String {
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][min(max(number, 1), 10) - 1]
    }

    /// The list each member present signs, on its own page: everyone on the roll of the day, in Vietnamese order.
    func attendanceSheet(_ minutes: MeetingMinutes) -> PaperPage {
        let people = minutes.attendance.filter { !$0.temporary }.map { name($0.memberID) }
            .sorted { VietnameseText.personNameSortKey($0) < VietnameseText.personNameSortKey($1) }
        return PaperPage([
            head(meeting.date), .title("DANH SÁCH ĐẢNG VIÊN DỰ HỌP"),
            .title("\(PaperWords.capitalised(what)), ngày \(meeting.date.vietnamese)", large: false),
            .table(
                ["STT", "Họ và tên", "Chữ ký", "Ghi chú"],
                people.enumerated().map { ["\($0.offset + 1)", $0.element, "", ""] }, widths: [8, 47, 25, 20]),
            .columns(
                PaperWords.signature(["THƯ KÝ"], name: name(minutes.recorderID)),
                PaperWords.signature(["CHỦ TRÌ"], name: name(minutes.chairID))),
        ])
    }

    /// The month's resolution: the tasks decided, who does what by when, signed for the cell by its secretary.
    var resolution: Paper {
        var blocks: [PaperBlock] = [
            head(meeting.date),
            .title("NGHỊ QUYẾT"),
            .title("\(issuer.body) tháng \(meeting.date.month) năm \(meeting.date.year)", large: false),
        ]
        if let minutes {
            blocks.append(
                .paragraph(
                    "Ngày \(meeting.date.vietnamese), \(issuer.body) họp \(what). " + quorumSentence(minutes)))
            if !minutes.monthEvaluation.isEmpty {
                blocks += [
                    .paragraph("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRONG THÁNG", bold: true),
                    .paragraph(minutes.monthEvaluation),
                ]
            }
            blocks.append(.paragraph("II. \(issuer.word.uppercased()) QUYẾT NGHỊ", bold: true))
            if !minutes.nextMonthDirection.isEmpty { blocks.append(.paragraph(minutes.nextMonthDirection)) }
            blocks.append(
                detail.tasksAssigned.isEmpty
                    ? .paragraph("Không có nhiệm vụ được phân công.", italic: true) : taskTable)
            blocks += minutes.votes.map { vote in
                .paragraph("Nghị quyết được thông qua với \(vote.inFavour)/\(vote.total) đồng chí tán thành.")
            }.prefix(1)
        } else {
            blocks.append(.paragraph("Buổi sinh hoạt chưa được ghi biên bản.", italic: true))
        }
        blocks.append(
            .columns(
                PaperWords.recipients(["Đảng ủy cấp trên (báo cáo)", "Các đồng chí đảng viên", "Lưu"]),
                signatureOfSecretary(name: nil)))
        return Paper(
            title: "Nghị quyết \(issuer.body) tháng \(meeting.date.month) năm \(meeting.date.year)",
            pages: [PaperPage(blocks)])
    }
}
