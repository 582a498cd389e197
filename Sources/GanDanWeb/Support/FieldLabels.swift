import GanDanCore

/// The label a person reads for a field key an input issue names (`endTime`, `tasks[0].criterionNumber`,
/// `birth_date`): "Giờ kết thúc" / "End time", "Nhiệm vụ 1 · Tiêu chí" / "Task 1 · Criterion". Keys never reach a
/// page: a key with no label gives nil and the issue is shown by its sentence alone.
enum FieldLabels {
    /// The label of `key` in `language`, or nil when no part of it has one.
    static func label(_ key: String?, in language: Language) -> String? {
        guard let key, !key.isEmpty else { return nil }
        // Already a label (written in the page's language by the form that found the problem).
        if key.first?.isUppercase == true
            || key.contains(where: { !($0.isASCII && ($0.isLetter || $0.isNumber)) && !"_.[]".contains($0) })
        {
            return key
        }
        var parts: [String] = []
        for component in key.split(separator: ".") {
            let (name, index) = split(String(component))
            if let index, let item = items[name] {
                parts.append("\(item.text(in: language)) \(index + 1)")
            } else if let text = word(name) {
                parts.append(text.text(in: language))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// `tasks[2]` as ("tasks", 2); `endTime` as ("endTime", nil).
    static func split(_ component: String) -> (String, Int?) {
        guard let open = component.firstIndex(of: "["), component.hasSuffix("]") else { return (component, nil) }
        let name = String(component[..<open])
        let inner = component[component.index(after: open)..<component.index(before: component.endIndex)]
        return (name, Int(inner))
    }

    /// The word for one plain name: ours first, then the pages' own labels, under its camelCase spelling too.
    static func word(_ name: String) -> BilingualText? {
        let camel = camelCase(name)
        return names[name] ?? names[camel] ?? Labels.all[name] ?? Labels.all[camel]
    }

    /// `birth_date` as `birthDate`.
    static func camelCase(_ name: String) -> String {
        let pieces = name.split(separator: "_")
        guard pieces.count > 1 else { return name }
        return String(pieces[0]) + pieces.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// Lists whose entries are named by number: "Nhiệm vụ 2".
    static let items: [String: BilingualText] = [
        "tasks": BilingualText(vi: "Nhiệm vụ", en: "Task"),
        "reviews": BilingualText(vi: "Kiểm điểm nhiệm vụ", en: "Task review"),
        "attendance": BilingualText(vi: "Điểm danh, dòng", en: "Attendance, line"),
        "votes": BilingualText(vi: "Biểu quyết", en: "Vote"),
        "introducers": BilingualText(vi: "Người giới thiệu", en: "Introducer"),
        "topics": BilingualText(vi: "Chuyên đề", en: "Topic"),
        "notifications": BilingualText(vi: "Báo họp, dòng", en: "Notice, line"),
        "meetings": BilingualText(vi: "Cuộc họp", en: "Meeting"),
        "entries": BilingualText(vi: "Dòng", en: "Line"),
        "ratings": BilingualText(vi: "Xếp loại, dòng", en: "Rating, line"),
        "assigneeIDs": BilingualText(vi: "Người thực hiện", en: "Assignee"),
        "householdIDs": BilingualText(vi: "Hộ", en: "Household"),
    ]

    /// Field names the forms and files use that the pages' labels do not already name.
    static let names: [String: BilingualText] = [
        "startTime": BilingualText(vi: "Giờ bắt đầu", en: "Start time"),
        "endTime": BilingualText(vi: "Giờ kết thúc", en: "End time"),
        "chairID": BilingualText(vi: "Người chủ trì", en: "Chair"),
        "recorderID": BilingualText(vi: "Thư ký cuộc họp", en: "Recorder"),
        "committeeMemberID": BilingualText(vi: "Cấp ủy viên phụ trách", en: "Assigned committee member"),
        "notifiedCommitteeMember": BilingualText(vi: "Cấp ủy viên phụ trách", en: "Assigned committee member"),
        "memberID": BilingualText(vi: "Đảng viên", en: "Member"),
        "reason": BilingualText(vi: "Lý do", en: "Reason"),
        "description": BilingualText(vi: "Nội dung", en: "What is to be done"),
        "assigneeIDs": BilingualText(vi: "Người thực hiện", en: "Assigned to"),
        "due": BilingualText(vi: "Hạn hoàn thành", en: "Due"),
        "criterionNumber": BilingualText(vi: "Tiêu chí", en: "Criterion"),
        "criterionSetID": BilingualText(vi: "Bộ tiêu chí", en: "Criteria set"),
        "householdsTarget": BilingualText(vi: "Số hộ cần vận động", en: "Households to persuade"),
        "persuasion": BilingualText(vi: "Vận động sản xuất", en: "Production drive"),
        "taskID": BilingualText(vi: "Nhiệm vụ", en: "Task"),
        "outcome": BilingualText(vi: "Kết quả", en: "Outcome"),
        "date": BilingualText(vi: "Ngày", en: "Date"),
        "body": BilingualText(vi: "Hình thức họp", en: "Meeting of"),
        "exempt": BilingualText(vi: "Miễn sinh hoạt", en: "Excused from meetings"),
        "receivedBy": BilingualText(vi: "Người tiếp nhận", en: "Received by"),
        "receivedOn": BilingualText(vi: "Ngày tiếp nhận", en: "Received on"),
        "forwardedOn": BilingualText(vi: "Ngày chuyển", en: "Forwarded on"),
        "forwardedTo": BilingualText(vi: "Chuyển đến", en: "Forwarded to"),
        "forwardedToDetail": BilingualText(vi: "Cơ quan nhận", en: "Body forwarded to"),
        "answeredOn": BilingualText(vi: "Ngày trả lời", en: "Answered on"),
        "answer": BilingualText(vi: "Nội dung trả lời", en: "Answer"),
        "reportedBackOn": BilingualText(vi: "Ngày báo lại cho dân", en: "Reported back on"),
        "citizenName": BilingualText(vi: "Tên người dân", en: "Citizen's name"),
        "meetingID": BilingualText(vi: "Cuộc họp", en: "Meeting"),
        "fullName": BilingualText(vi: "Họ và tên", en: "Full name"),
        "introducedOn": BilingualText(vi: "Ngày giới thiệu", en: "Introduced on"),
        "youthUnionResolutionOn": BilingualText(vi: "Ngày nghị quyết của Đoàn", en: "Youth Union resolution on"),
        "mentorID": BilingualText(vi: "Người giúp đỡ", en: "Mentor"),
        "ceremonyOn": BilingualText(vi: "Ngày lễ kết nạp", en: "Ceremony on"),
        "decisionOn": BilingualText(vi: "Ngày quyết định kết nạp", en: "Decision on"),
        "fullMembers": BilingualText(vi: "Số đảng viên chính thức", en: "Full members"),
        "step": BilingualText(vi: "Bước", en: "Step"),
        "leaderID": BilingualText(vi: "Cán bộ được góp ý", en: "Leader"),
        "comment": BilingualText(vi: "Nội dung góp ý", en: "Comment"),
        "period": BilingualText(vi: "Kỳ góp ý", en: "Period"),
        "reportBack": BilingualText(vi: "Báo cáo lại", en: "Report back"),
        "reportedOn": BilingualText(vi: "Ngày báo cáo", en: "Reported on"),
        "text": BilingualText(vi: "Nội dung", en: "Text"),
        "cellLevel": BilingualText(vi: "Xếp loại chi bộ", en: "The cell's own level"),
        "score": BilingualText(vi: "Điểm", en: "Score"),
        "level": BilingualText(vi: "Mức xếp loại", en: "Level"),
        "ratedOn": BilingualText(vi: "Ngày đánh giá", en: "Rated on"),
        "end": BilingualText(vi: "Ngày kết thúc", en: "End"),
        "headName": BilingualText(vi: "Chủ hộ", en: "Head of household"),
        "size": BilingualText(vi: "Số nhân khẩu", en: "People in the household"),
        "year": BilingualText(vi: "Năm", en: "Year"),
        "survey": BilingualText(vi: "Kết quả rà soát", en: "Survey"),
        "income": BilingualText(vi: "Thu nhập", en: "Income"),
        "deprivations": BilingualText(vi: "Số chỉ số thiếu hụt", en: "Deprivations"),
        "met": BilingualText(vi: "Tiêu chí đạt", en: "Criteria met"),
        "citizenId": BilingualText(vi: "Số CCCD", en: "Citizen ID"),
        "joinedCellOn": BilingualText(vi: "Ngày về chi bộ", en: "Joined the cell on"),
        "statusSince": BilingualText(vi: "Tình trạng từ ngày", en: "Status since"),
        "cellCode": BilingualText(vi: "Mã chi bộ", en: "Cell code"),
        "temporaryCell": BilingualText(vi: "Chi bộ sinh hoạt tạm thời", en: "Temporary cell"),
        "residenceContactCell": BilingualText(vi: "Chi bộ nơi cư trú", en: "Cell where they live"),
        "residenceVillage": BilingualText(vi: "Thôn nơi cư trú", en: "Village where they live"),
        "decisionDate": BilingualText(vi: "Ngày quyết định", en: "Decision date"),
        "placedOn": BilingualText(vi: "Ngày chuyển sinh hoạt", en: "Day the members are placed"),
        "dissolvedOn": BilingualText(vi: "Ngày giải thể chi bộ cơ quan", en: "Day the agency cells are dissolved"),
        "password": BilingualText(vi: "Mật khẩu", en: "Password"),
        "username": BilingualText(vi: "Tên đăng nhập", en: "User name"),
        "on": BilingualText(vi: "Ngày", en: "On"),
        "villageID": BilingualText(vi: "Thôn", en: "Village"),
        "areaOverride": BilingualText(vi: "Ngoại lệ vùng khó khăn", en: "Difficult-area exception"),
    ]
}

extension InputIssue {
    /// A value typed into `field` that cannot be read as what the field holds.
    static func unreadable(field: String, value: String) -> InputIssue {
        let shown = QueryValueError.shown(value)
        return value.isEmpty
            ? InputIssue(field: field, vi: "Chưa điền.", en: "It is empty.")
            : InputIssue(
                field: field, vi: "“\(shown)” không đọc được; hãy sửa lại.",
                en: "“\(shown)” cannot be read; please correct it.")
    }

    /// The issue as a person reads it in `language`: where (line, the field's label), then the sentence.
    func shown(in language: Language) -> String {
        sentence(in: language, label: FieldLabels.label(field, in: language))
    }
}
