import GanDanCore

/// The words of the registry pages (issue 18): correcting a member's record and recording status changes.
enum RegistryLabels {
    static let all: [String: BilingualText] = [
        "registryRecord": BilingualText(vi: "Hồ sơ đảng viên", en: "Member's record"),
        "registryLink": BilingualText(
            vi: "Sửa hồ sơ, ghi thay đổi tình trạng", en: "Correct the record, record a change"),
        "correctRecord": BilingualText(vi: "Sửa thông tin hồ sơ", en: "Correct the record"),
        "correctHint": BilingualText(
            vi: "Chỉ sửa khi hồ sơ ghi sai; mỗi lần sửa được lưu lại cùng người sửa, thời gian và lý do.",
            en: "Correct only what was recorded wrongly; each correction is kept with who made it, when and why."),
        "fullName": BilingualText(vi: "Họ và tên", en: "Full name"),
        "recordStatus": BilingualText(vi: "Ghi thay đổi tình trạng", en: "Record a change of status"),
        "currentStatus": BilingualText(vi: "Tình trạng hiện nay", en: "Present status"),
        "since": BilingualText(vi: "Từ ngày", en: "From"),
        "reasonRequired": BilingualText(vi: "Lý do (bắt buộc)", en: "Reason (required)"),
        "saveCorrection": BilingualText(vi: "Lưu sửa đổi", en: "Save the correction"),
        "addMember": BilingualText(vi: "Thêm đảng viên", en: "Add a member"),
        "joinedOn": BilingualText(vi: "Ngày vào chi bộ", en: "Day joined the cell"),
        "confirmDuplicate": BilingualText(
            vi: "Tôi đã kiểm tra: đây là một người khác, vẫn thêm vào hồ sơ.",
            en: "I have checked: this is another person; add them anyway."),
        "post": BilingualText(vi: "Chức vụ", en: "Post"),
        "organisation": BilingualText(vi: "Tổ chức đảng", en: "Party organisation"),
        "postEndsOn": BilingualText(vi: "Ngày thôi giữ chức vụ", en: "Day the post ends"),
        "endPost": BilingualText(vi: "Thôi giữ chức vụ", en: "End the post"),
        "assignPost": BilingualText(vi: "Giao chức vụ", en: "Give a post"),
        "postSource": BilingualText(vi: "Bầu hay chỉ định", en: "Elected or appointed"),
        "postNote": BilingualText(vi: "Ghi chú (số quyết định…)", en: "Note (decision number…)"),
        "savePost": BilingualText(vi: "Ghi chức vụ", en: "Record the post"),
        "saveStatus": BilingualText(vi: "Ghi thay đổi", en: "Record the change"),
        "transfers": BilingualText(vi: "Chuyển sinh hoạt đảng", en: "Transfers"),
        "transferMember": BilingualText(vi: "Chuyển sinh hoạt", en: "Transfer to another cell"),
        "transferHint": BilingualText(
            vi: "Chính thức: sang đảng bộ khác, chi bộ nơi đến nhận trong 60 ngày làm việc. Tạm thời: từ 3 đến 12 "
                + "tháng, vẫn sinh hoạt chính thức ở chi bộ cũ. Nội bộ: trong cùng đảng bộ xã, có hiệu lực ngay.",
            en: "Official: to another grassroots committee; the receiving cell has 60 working days to receive. "
                + "Temporary: 3 to 12 months, the official roll stays. Internal: within one commune committee, at once."
        ),
        "transferKind": BilingualText(vi: "Hình thức", en: "Kind"),
        "transferLetter": BilingualText(vi: "In giấy giới thiệu", en: "Print the letter"),
        "toCell": BilingualText(vi: "Chi bộ nơi đến", en: "Receiving cell"),
        "transferOn": BilingualText(vi: "Ngày chuyển", en: "Day of the transfer"),
        "transferUntil": BilingualText(vi: "Đến ngày (chỉ khi tạm thời)", en: "Until (temporary only)"),
        "saveTransfer": BilingualText(vi: "Ghi chuyển sinh hoạt", en: "Record the transfer"),
        "transfer": BilingualText(vi: "Việc chuyển sinh hoạt", en: "Transfer"),
        "fromCell": BilingualText(vi: "Từ chi bộ", en: "From cell"),
        "sentOn": BilingualText(vi: "Ngày chuyển đi", en: "Sent on"),
        "receiveDeadline": BilingualText(vi: "Hạn nhận", en: "Deadline to receive"),
        "receivedTransferOn": BilingualText(vi: "Đã nhận ngày", en: "Received on"),
        "cancelledOn": BilingualText(vi: "Đã hủy ngày", en: "Cancelled on"),
        "cancelTransfer": BilingualText(vi: "Hủy việc chuyển", en: "Cancel the transfer"),
        "transfersWaiting": BilingualText(
            vi: "Đảng viên chuyển đến chờ nhận sinh hoạt", en: "Members waiting to be received"),
        "receive": BilingualText(vi: "Nhận", en: "Receive"),
        "receiveOn": BilingualText(vi: "Ngày nhận", en: "Day received"),
    ]
}
