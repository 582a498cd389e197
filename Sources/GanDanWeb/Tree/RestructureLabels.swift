import GanDanCore

/// The words of the restructure page (issue 19): a new administrative structure applied as one dated operation.
enum RestructureLabels {
    static let all: [String: BilingualText] = [
        "restructureTitle": BilingualText(vi: "Sắp xếp lại đơn vị hành chính", en: "Restructure the units"),
        "restructureHint": BilingualText(
            vi:
                "Chọn tệp danh sách đơn vị mới (mỗi dòng một đơn vị, kèm các đơn vị cũ hợp thành). Bấm Kiểm tra để "
                + "xem trước mọi thay đổi; chưa có gì được ghi cho đến khi bấm Áp dụng.",
            en:
                "Choose the file of the new units (one unit a line, with the old units each was formed from). Check "
                + "shows every change first; nothing is written until you press Apply."),
        "restructureFile": BilingualText(vi: "Tệp danh sách đơn vị mới", en: "File of the new units"),
        "restructureCheck": BilingualText(vi: "Kiểm tra", en: "Check"),
        "restructureApply": BilingualText(vi: "Áp dụng", en: "Apply"),
        "restructureApplyHint": BilingualText(
            vi:
                "Áp dụng ghi tất cả trong một lần: huyện và xã cũ kết thúc vào ngày trước ngày hiệu lực, thôn và tổ "
                + "chức đảng chuyển sang xã mới, đảng viên giữ nguyên quá trình sinh hoạt. Xem theo ngày cũ vẫn thấy "
                + "như trước.",
            en:
                "Apply writes everything at once: districts and old communes end the day before, villages and party "
                + "organisations move to the new communes, members keep their history. Earlier days still show the "
                + "old structure."),
        "restructureDryRun": BilingualText(
            vi: "Xem trước: chưa ghi gì.", en: "Preview: nothing has been written."),
        "restructureDone": BilingualText(vi: "Đã áp dụng.", en: "Applied."),
        "restructureAlreadyApplied": BilingualText(
            vi: "Việc sắp xếp này đã được áp dụng trước đây: không ghi thêm gì.",
            en: "This restructure was applied before: nothing more was written."),
        "restructureFrom": BilingualText(vi: "Đơn vị mới có hiệu lực từ ngày", en: "The new units begin on"),
        "restructureConflicts": BilingualText(
            vi: "Vướng mắc phải xử lý trước khi áp dụng", en: "Conflicts to settle before applying"),
        "restructureChanges": BilingualText(vi: "Các thay đổi", en: "The changes"),
        "restructureNoChanges": BilingualText(vi: "Không có gì thay đổi.", en: "Nothing changes."),
        "restructureUnitsCreated": BilingualText(vi: "Đơn vị mới được thêm", en: "New units added"),
        "restructureDistrictsEnded": BilingualText(vi: "Huyện kết thúc", en: "Districts ended"),
        "restructureCommunesEnded": BilingualText(vi: "Xã cũ kết thúc", en: "Old communes ended"),
        "restructureVillagesMoved": BilingualText(vi: "Thôn chuyển về xã mới", en: "Villages moved"),
        "restructureCommitteesCreated": BilingualText(
            vi: "Đảng bộ xã mới thành lập", en: "New commune party committees"),
        "restructureOrganisationsMoved": BilingualText(vi: "Tổ chức đảng chuyển", en: "Party organisations moved"),
        "restructureOrganisationsEnded": BilingualText(vi: "Tổ chức đảng kết thúc", en: "Party organisations ended"),
        "restructureMembershipsCarried": BilingualText(
            vi: "Đảng viên chuyển sinh hoạt sang chi bộ mới", en: "Memberships carried to a new cell"),
    ]

    /// No file was chosen.
    static let noFile = InputIssue(
        field: "file", vi: "Hãy chọn tệp danh sách đơn vị mới.", en: "Choose the file of the new units.")

    /// Only an administrator of the whole tree may restructure it.
    static let wholeTreeOnly = BilingualText(
        vi: "Chỉ người quản trị toàn hệ thống mới được sắp xếp lại đơn vị hành chính.",
        en: "Only an administrator of the whole tree may restructure the units.")

    /// What was wrong with a file that is not a units list: its own lines' problems, or one sentence.
    static func unreadable(_ error: any Error) -> [InputIssue] {
        if case InputError.invalid(let issues) = error {
            // The Vietnamese sentences say what is wrong on their own; the English ones keep the file's key before
            // them, as the command line prints them. The field becomes the file, so nothing shows a key in Vietnamese.
            return issues.map {
                var issue = $0
                if let key = issue.field { issue.message = "\(key): \(issue.message)" }
                issue.field = "file"
                return issue
            }
        }
        return [
            InputIssue(
                field: "file",
                vi: "Tệp này không phải danh sách đơn vị mới (mỗi dòng một đơn vị, dạng JSON Lines).",
                en: "This file is not a list of new units (one unit a line, JSON Lines).")
        ]
    }
}
