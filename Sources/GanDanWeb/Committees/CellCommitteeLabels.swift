import GanDanCore

/// The words of a cell's committee and term page (issue 18 item 3), in both languages.
enum CellCommitteeLabels {
    static let all: [String: BilingualText] = [
        "cellCommittee": BilingualText(vi: "Chi ủy và nhiệm kỳ", en: "Cell committee and term"),
        "committeeSeats": BilingualText(vi: "Bí thư, phó bí thư, chi ủy viên", en: "Secretary, deputy, committee"),
        "mayHaveCommittee": BilingualText(
            vi: "Chi bộ đủ số đảng viên chính thức để có chi ủy.",
            en: "The cell has enough full members to have a committee."),
        "noCommitteeBelow": BilingualText(
            vi: "Chi bộ chưa đủ số đảng viên chính thức để có chi ủy: chỉ có bí thư và phó bí thư.",
            en: "The cell has too few full members for a committee: a secretary and a deputy only."),
        "fullMembersNeeded": BilingualText(vi: "Số đảng viên chính thức cần có", en: "Full members needed"),
        "largestCommittee": BilingualText(vi: "Chi ủy nhiều nhất", en: "Largest committee"),
        "peopleUnit": BilingualText(vi: "người", en: "people"),
        "recordSeat": BilingualText(vi: "Ghi chức vụ trong chi bộ", en: "Record a post in the cell"),
        "member": BilingualText(vi: "Đảng viên", en: "Member"),
        "congresses": BilingualText(vi: "Đại hội chi bộ", en: "Cell congresses"),
        "lastCongress": BilingualText(vi: "Đại hội gần nhất", en: "Last congress"),
        "nextCongress": BilingualText(vi: "Đại hội lần tới", en: "Next congress"),
        "congressWindow": BilingualText(vi: "Có thể tổ chức trong khoảng", en: "May be held between"),
        "recordCongress": BilingualText(vi: "Ghi đại hội chi bộ", en: "Record a congress"),
        "heldOn": BilingualText(vi: "Ngày đại hội", en: "Day of the congress"),
        "congressNote": BilingualText(
            vi: "Ghi chú (số quyết định công nhận…)", en: "Note (decision approving the result…)"),
        "congressUnknown": BilingualText(
            vi: "Chưa ghi đại hội nào: chưa biết nhiệm kỳ.", en: "No congress recorded: the term is not known."),
        "congressNotYetDue": BilingualText(vi: "Chưa đến kỳ đại hội.", en: "The next congress is not yet due."),
        "congressDue": BilingualText(vi: "Đã đến kỳ đại hội.", en: "The next congress is due."),
        "congressOverdue": BilingualText(vi: "Đã quá hạn đại hội.", en: "The congress is overdue."),
        "charterHasCommittee": BilingualText(
            vi: "Chi bộ đã có chi ủy", en: "Cells that already have a committee"),
        "hasCommittee": BilingualText(vi: "Đã có chi ủy", en: "Has a committee"),
        "recordAppointment": BilingualText(
            vi: "Ghi quyết định chỉ định chi ủy", en: "Record the committee's appointment"),
        "noneYet": BilingualText(vi: "Chưa có", en: "None yet"),
    ]
}
