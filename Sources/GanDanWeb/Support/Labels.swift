import GanDanCore
import Vapor

/// The interface's own words in both languages; pages read them as `page.t.key`.
enum Labels {
    static let all: [String: BilingualText] = general.merging(MeetingLabels.all) { first, _ in first }
        .merging(CitizenLabels.all) { first, _ in first }.merging(ReportLabels.all) { first, _ in first }
        .merging(ExportLabels.all) { first, _ in first }
        .merging(DashboardLabels.all) { first, _ in first }
        .merging(ImportLabels.all) { first, _ in first }
        .merging(DraftLabels.all) { first, _ in first }
        .merging(AccountLabels.all) { first, _ in first }
        .merging(PaperLabels.all) { first, _ in first }
        .merging(RegistryLabels.all) { first, _ in first }
        .merging(DuesLabels.all) { first, _ in first }
        .merging(CellCommitteeLabels.all) { first, _ in first }
        .merging(TreeEditLabels.all) { first, _ in first }
        .merging(RestructureLabels.all) { first, _ in first }
        .merging(MinutesFormLabels.all) { first, _ in first }

    static let general: [String: BilingualText] = [
        "appName": BilingualText(vi: "GanDan — Gần dân", en: "GanDan — Close to the people"),
        "tree": BilingualText(vi: "Cây tổ chức", en: "Organisation tree"),
        "toDo": BilingualText(vi: "Việc cần làm", en: "To do"),
        "nothingToDo": BilingualText(
            vi: "Không có việc gì quá hạn hay sắp đến hạn.", en: "Nothing overdue or due soon."),
        "members": BilingualText(vi: "Đảng viên", en: "Members"),
        "search": BilingualText(vi: "Tìm", en: "Search"),
        "searchPlaceholder": BilingualText(vi: "Họ tên, số CCCD, số thẻ…", en: "Name, citizen ID, card number…"),
        "asOf": BilingualText(vi: "Xem theo ngày", en: "As of"),
        "show": BilingualText(vi: "Xem", en: "Show"),
        "provinces": BilingualText(vi: "Tỉnh, thành phố", en: "Provinces"),
        "units": BilingualText(vi: "Đơn vị trực thuộc", en: "Units under it"),
        "organisations": BilingualText(vi: "Tổ chức đảng", en: "Party organisations"),
        "cells": BilingualText(vi: "Chi bộ", en: "Cells"),
        "cell": BilingualText(vi: "Chi bộ", en: "Cell"),
        "full": BilingualText(vi: "Chính thức", en: "Full"),
        "probationary": BilingualText(vi: "Dự bị", en: "Probationary"),
        "exempt": BilingualText(vi: "Miễn sinh hoạt", en: "Exempt"),
        "temporary": BilingualText(vi: "Sinh hoạt tạm thời", en: "Temporary"),
        "total": BilingualText(vi: "Tổng số", en: "Total"),
        "secretary": BilingualText(vi: "Bí thư", en: "Secretary"),
        "deputy": BilingualText(vi: "Phó Bí thư", en: "Deputy secretary"),
        "rating": BilingualText(vi: "Xếp loại", en: "Rating"),
        "weak": BilingualText(vi: "Yếu kém", en: "Weak"),
        "mayProposeCommittee": BilingualText(
            vi: "Đủ 9 đảng viên chính thức: có thể đề nghị chỉ định chi ủy và phó bí thư",
            en: "9 or more full members: may propose a cell committee and a deputy secretary"),
        "belowMinimum": BilingualText(
            vi: "Dưới 3 đảng viên chính thức", en: "Fewer than 3 full members"),
        "name": BilingualText(vi: "Họ và tên", en: "Full name"),
        "born": BilingualText(vi: "Năm sinh", en: "Born"),
        "birthDate": BilingualText(vi: "Ngày sinh", en: "Date of birth"),
        "sex": BilingualText(vi: "Giới tính", en: "Sex"),
        "ethnicity": BilingualText(vi: "Dân tộc", en: "Ethnicity"),
        "citizenID": BilingualText(vi: "Số CCCD", en: "Citizen ID"),
        "phone": BilingualText(vi: "Điện thoại", en: "Phone"),
        "education": BilingualText(vi: "Trình độ học vấn", en: "Education"),
        "residence": BilingualText(vi: "Nơi cư trú", en: "Residence"),
        "cardNumber": BilingualText(vi: "Số thẻ đảng viên", en: "Party card number"),
        "admittedOn": BilingualText(vi: "Ngày vào Đảng", en: "Admitted"),
        "officialOn": BilingualText(vi: "Ngày chính thức", en: "Full member since"),
        "status": BilingualText(vi: "Tình trạng", en: "Status"),
        "standing": BilingualText(vi: "Tư cách", en: "Standing"),
        "posts": BilingualText(vi: "Chức vụ", en: "Posts"),
        "memberships": BilingualText(vi: "Quá trình sinh hoạt", en: "Cells over time"),
        "from": BilingualText(vi: "Từ", en: "From"),
        "until": BilingualText(vi: "Đến", en: "Until"),
        "now": BilingualText(vi: "nay", en: "now"),
        "formerMember": BilingualText(
            vi: "Đảng viên này nay không còn sinh hoạt trong phạm vi của bạn; trang chỉ hiện những gì đã ghi đến ngày",
            en: "This member is no longer on a roll you hold; the page shows only what was recorded up to"),
        "keyLeader": BilingualText(vi: "Cán bộ chủ chốt", en: "Key leader"),
        "history": BilingualText(vi: "Lịch sử", en: "History"),
        "code": BilingualText(vi: "Mã", en: "Code"),
        "village": BilingualText(vi: "Thôn, bản", en: "Village"),
        "distance": BilingualText(vi: "Cách trung tâm xã", en: "Distance to commune centre"),
        "households": BilingualText(vi: "Số hộ", en: "Households"),
        "poorHouseholds": BilingualText(vi: "Hộ nghèo", en: "Poor households"),
        "ethnicMinority": BilingualText(vi: "Vùng dân tộc thiểu số", en: "Ethnic-minority area"),
        "mountain": BilingualText(vi: "Vùng núi", en: "Mountain area"),
        "yes": BilingualText(vi: "Có", en: "Yes"),
        "no": BilingualText(vi: "Không", en: "No"),
        "nothing": BilingualText(vi: "Không có", en: "None"),
        "found": BilingualText(vi: "Tìm thấy", en: "Found"),
        "page": BilingualText(vi: "Trang", en: "Page"),
        "previous": BilingualText(vi: "Trang trước", en: "Previous"),
        "next": BilingualText(vi: "Trang sau", en: "Next"),
        "roll": BilingualText(vi: "Danh sách đảng viên", en: "Roll"),
        "print": BilingualText(vi: "In", en: "Print"),
        "back": BilingualText(vi: "Về trang đầu", en: "Home"),
        "error": BilingualText(vi: "Không thực hiện được", en: "This could not be done"),
        "requestID": BilingualText(vi: "Mã yêu cầu (gửi kèm khi báo lỗi)", en: "Request id (quote it when reporting)"),
        "signIn": BilingualText(vi: "Đăng nhập", en: "Sign in"),
        "signOut": BilingualText(vi: "Đăng xuất", en: "Sign out"),
        "username": BilingualText(vi: "Tên đăng nhập", en: "Username"),
        "password": BilingualText(vi: "Mật khẩu", en: "Password"),
        "badLogin": BilingualText(
            vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "The username or password is not right."),
        "tooManyAttempts": BilingualText(
            vi: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút.",
            en: "Too many failed sign-ins. Please try again in {minutes} minutes."),
        "account": BilingualText(vi: "Tài khoản", en: "Account"),
        "roles": BilingualText(vi: "Quyền", en: "Roles"),
        "tokens": BilingualText(vi: "Mã truy cập API", en: "API tokens"),
        "tokenName": BilingualText(vi: "Tên mã", en: "Token name"),
        "createToken": BilingualText(vi: "Tạo mã mới", en: "Create a token"),
        "revoke": BilingualText(vi: "Thu hồi", en: "Revoke"),
        "revoked": BilingualText(vi: "Đã thu hồi", en: "Revoked"),
        "newTokenOnce": BilingualText(
            vi: "Mã mới (chỉ hiện một lần, hãy lưu lại ngay):", en: "Your new token (shown once; copy it now):"),
        "audit": BilingualText(vi: "Nhật ký kiểm tra", en: "Audit trail"),
        "when": BilingualText(vi: "Thời điểm", en: "When"),
        "who": BilingualText(vi: "Người thực hiện", en: "Who"),
        "action": BilingualText(vi: "Thao tác", en: "Action"),
        "record": BilingualText(vi: "Đối tượng", en: "Record"),
        "change": BilingualText(vi: "Thay đổi", en: "Change"),
        "edit": BilingualText(vi: "Sửa thông tin liên hệ", en: "Edit contact details"),
        "save": BilingualText(vi: "Lưu", en: "Save"),
        "cancel": BilingualText(vi: "Hủy", en: "Cancel"),
        "yourUnits": BilingualText(vi: "Đơn vị được giao", en: "Your units"),
        "placement": BilingualText(vi: "Bố trí đảng viên", en: "Placement"),
        "plan": BilingualText(vi: "Phương án bố trí", en: "Placement plan"),
        "plans": BilingualText(vi: "Các phương án", en: "Plans"),
        "newProposal": BilingualText(vi: "Lập phương án mới", en: "New proposal"),
        "propose": BilingualText(vi: "Đề xuất", en: "Propose"),
        "unit": BilingualText(vi: "Đơn vị", en: "Unit"),
        "goesTo": BilingualText(vi: "Về chi bộ", en: "Goes to"),
        "planSummary": BilingualText(vi: "Tóm tắt theo xã", en: "Summary by commune"),
        "planMembers": BilingualText(vi: "Đảng viên bố trí", en: "Members placed"),
        "planKeyLeaders": BilingualText(vi: "Cán bộ chủ chốt đã bố trí", en: "Key leaders placed"),
        "planCellsCovered": BilingualText(vi: "Chi bộ thôn nhận đảng viên", en: "Village cells receiving members"),
        "planWeakReached": BilingualText(
            vi: "Chi bộ yếu kém có cán bộ chủ chốt về", en: "Weak cells reached by a key leader"),
        "planTotal": BilingualText(vi: "Cộng", en: "Total"),
        "planCommune": BilingualText(vi: "Xã, thị trấn", en: "Commune"),
        "reasons": BilingualText(vi: "Lý do", en: "Reasons"),
        "moveTo": BilingualText(vi: "Chuyển sang", en: "Move to"),
        "move": BilingualText(vi: "Chuyển và tính lại", en: "Move and re-run"),
        "pinned": BilingualText(vi: "đã cố định", en: "pinned"),
        "received": BilingualText(vi: "Số đảng viên nhận", en: "Received"),
        "changes": BilingualText(vi: "Thay đổi so với lần trước", en: "Changes since the last run"),
        "approve": BilingualText(vi: "Phê duyệt và thực hiện", en: "Approve and apply"),
        "correct": BilingualText(
            vi: "Lập phương án điều chỉnh (giữ nguyên lịch sử)", en: "Start a correcting plan (history stays)"),
        "decisionDate": BilingualText(vi: "Ngày quyết định", en: "Decision date"),
        "decision": BilingualText(vi: "Quyết định chuyển sinh hoạt đảng", en: "Decision on transfers"),
        "totalCost": BilingualText(vi: "Tổng điểm chi phí", en: "Total cost"),
        "directives": BilingualText(vi: "Chỉ đạo giải thể chi bộ cơ quan xã", en: "Dissolution directives"),
        "deadline": BilingualText(vi: "Hạn hoàn thành", en: "Deadline"),
        "dissolved": BilingualText(vi: "Đã giải thể", en: "Dissolved"),
        "daysLeft": BilingualText(vi: "Số ngày còn lại", en: "Days to the deadline"),
        "completedOn": BilingualText(vi: "Hoàn thành ngày", en: "Completed on"),
        "coverage": BilingualText(vi: "Chi bộ thôn nhận đảng viên", en: "Village cells receiving members"),
        "everyCellReceived": BilingualText(
            vi: "Tất cả chi bộ thôn, bản đều đã nhận đảng viên.", en: "Every village cell has received members."),
        "charter": BilingualText(vi: "Chi bộ sau bố trí", en: "Cells after placement"),
        "charterPropose": BilingualText(
            vi: "Chi bộ đủ 9 đảng viên chính thức trở lên, có thể đề nghị Đảng ủy chỉ định chi ủy và phó bí thư",
            en: "Cells with 9 or more full members that may propose a cell committee and a deputy secretary"),
        "plan.draft": BilingualText(vi: "Dự thảo", en: "Draft"),
        "plan.approved": BilingualText(vi: "Đã phê duyệt", en: "Approved"),
        "plan.superseded": BilingualText(vi: "Đã thay thế", en: "Superseded"),
        "dissolution.planned": BilingualText(vi: "Kế hoạch", en: "Planned"),
        "dissolution.decided": BilingualText(vi: "Đã quyết định, chưa bố trí", en: "Decided, members not yet placed"),
        "dissolution.placed": BilingualText(vi: "Đã bố trí", en: "Members placed"),
        // "{days}" is the charter's placementWorkingDays, filled in by `text(_:_:days:)`.
        "placeByDays": BilingualText(
            vi: "Hạn chuyển sinh hoạt ({days} ngày làm việc)", en: "Place members by ({days} working days)"),
        "handover": BilingualText(vi: "Tiếp nhận hồ sơ, con dấu", en: "Records and seal taken over by"),
        "deadlineKept": BilingualText(vi: "đúng hạn", en: "on time"),
        "deadlineMissed": BilingualText(vi: "quá hạn", en: "late"),
        "placedOn": BilingualText(vi: "Ngày chuyển sinh hoạt", en: "Day the members are placed"),
        "placedOnHintDays": BilingualText(
            vi: "Để trống là ngày quyết định; chậm nhất {days} ngày làm việc sau ngày quyết định.",
            en: "Empty means the decision date; at most {days} working days after it."),
        "dissolution.dissolved": BilingualText(vi: "Đã giải thể", en: "Dissolved"),
        "dissolvedOn": BilingualText(vi: "Ngày giải thể chi bộ cơ quan", en: "Day the agency cells are dissolved"),
        "dissolvedOnHint": BilingualText(
            vi: "Để trống là ngày chuyển sinh hoạt; không trước ngày đó, trong cùng thời hạn. "
                + "Đảng ủy xã tiếp nhận hồ sơ, con dấu vào ngày giải thể.",
            en: "Empty means the day the members are placed; not before it, within the same limit. "
                + "The commune's party committee takes over records and seal that day."),
        "demoNotice": BilingualText(
            vi: "Dữ liệu minh họa: người và số liệu là hư cấu, trừ các cán bộ được nêu trong bài báo.",
            en: "Demo data: people and figures are invented, except the officials named in the article."),
    ]

    /// One word in the request's language.
    static func text(_ key: String, _ request: Request) -> String {
        all[key]?.text(in: request.language) ?? key
    }

    /// A word that names a number of working days (`{days}`), with the number the settings give: the page shows the
    /// deadline the check applies, not a fixed one.
    static func text(_ key: String, _ request: Request, days: Int) -> String {
        text(key, request).replacingOccurrences(of: "{days}", with: String(days))
    }

    static func table(_ language: Language) -> [String: String] {
        all.mapValues { $0.text(in: language) }
    }
}
