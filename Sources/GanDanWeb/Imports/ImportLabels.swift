import GanDanCore

/// The words of the import pages, in both languages (Vietnamese first).
enum ImportLabels {
    static let all: [String: BilingualText] = [
        "importData": BilingualText(vi: "Nhập dữ liệu từ tệp", en: "Import from a file"),
        "importKind": BilingualText(vi: "Loại dữ liệu", en: "What to import"),
        "importFile": BilingualText(vi: "Tệp CSV hoặc Excel (.xlsx)", en: "CSV or Excel (.xlsx) file"),
        "importUpload": BilingualText(vi: "Tải lên", en: "Upload"),
        "importUploadHint": BilingualText(
            vi: "Tệp được giữ trên máy chủ 24 giờ: nếu mất kết nối, mở lại trang này để làm tiếp mà không cần tải lại.",
            en: "The file is kept on the server for 24 hours: after a lost connection, reopen this page to go on."),
        "importNoFile": BilingualText(vi: "Hãy chọn một tệp CSV hoặc .xlsx", en: "Choose a CSV or .xlsx file"),
        "importMapping": BilingualText(vi: "Ghép cột", en: "Match the columns"),
        "importMappingHint": BilingualText(
            vi: "Chọn cột của tệp cho từng trường; các trường có dấu * là bắt buộc.",
            en: "Choose the file's column for each field; fields marked * are required."),
        "importField": BilingualText(vi: "Trường", en: "Field"),
        "importColumn": BilingualText(vi: "Cột trong tệp", en: "Column in the file"),
        "importNone": BilingualText(vi: "— không dùng —", en: "— not used —"),
        "importPreview": BilingualText(vi: "Xem trước các dòng đầu", en: "First rows"),
        "importLine": BilingualText(vi: "Dòng", en: "Line"),
        "importCheck": BilingualText(vi: "Kiểm tra (chưa ghi)", en: "Check (nothing is written)"),
        "importResult": BilingualText(vi: "Kết quả kiểm tra", en: "Check result"),
        "importRows": BilingualText(vi: "Số dòng", en: "Rows"),
        "importValid": BilingualText(vi: "Dòng hợp lệ", en: "Valid rows"),
        "importErrors": BilingualText(vi: "Lỗi", en: "Errors"),
        "importMessage": BilingualText(vi: "Nội dung", en: "Problem"),
        "importDuplicates": BilingualText(vi: "Có thể trùng", en: "Possible duplicates"),
        "importDuplicatesHint": BilingualText(
            vi:
                "Trùng họ tên (không dấu) và ngày sinh, hoặc trùng chủ hộ trong cùng thôn. Kiểm tra rồi xác nhận nếu đúng là người khác.",
            en: "Same name (ignoring accents) and date of birth, or the same head of household in a village. "
                + "Check them, and confirm if they are different people."),
        "importConfirmDuplicates": BilingualText(
            vi: "Tôi đã kiểm tra: đây là những người khác nhau", en: "I have checked: these are different people"),
        "importDownloadErrors": BilingualText(vi: "Tải danh sách lỗi (CSV)", en: "Download the errors (CSV)"),
        "importConfirm": BilingualText(vi: "Nhập tất cả", en: "Import everything"),
        "importAllOrNothing": BilingualText(
            vi: "Nhập tất cả hoặc không nhập gì: chỉ cần một dòng lỗi là không ghi dòng nào.",
            en: "All or nothing: a single bad row means no row is written."),
        "importFixFile": BilingualText(
            vi: "Sửa tệp theo danh sách lỗi rồi tải lên lại.",
            en: "Fix the file using the list of errors, then upload it again."),
        "importDone": BilingualText(vi: "Đã nhập xong", en: "Imported"),
        "importNotWritten": BilingualText(vi: "Chưa ghi dòng nào", en: "Nothing was written"),
        "importBack": BilingualText(vi: "Sửa cách ghép cột", en: "Change the column matching"),
    ]
}
