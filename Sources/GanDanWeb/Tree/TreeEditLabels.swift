import GanDanCore

/// The words of the tree's edit pages (issue 18): villages and party cells kept on the web.
enum TreeEditLabels {
    static let all: [String: BilingualText] = [
        "editUnit": BilingualText(vi: "Sửa", en: "Edit"),
        "addVillage": BilingualText(vi: "Thêm thôn", en: "Add a village"),
        "foundCell": BilingualText(vi: "Thành lập chi bộ", en: "Found a cell"),
        "editCell": BilingualText(vi: "Sửa chi bộ", en: "Edit the cell"),
        "treeEditHint": BilingualText(
            vi:
                "Mỗi thay đổi có hiệu lực từ ngày ghi; trước ngày đó vẫn giữ như cũ. Người sửa, thời gian và lý do được lưu lại.",
            en: "Each change holds from the day given; before it, things stay as they were. Who, when and why are kept."
        ),
        "rename": BilingualText(vi: "Đổi tên", en: "Rename"),
        "newName": BilingualText(vi: "Tên mới", en: "New name"),
        "villageProfile": BilingualText(vi: "Chỉ số của thôn", en: "The village's profile"),
        "distanceKm": BilingualText(vi: "Khoảng cách đến trung tâm xã (km)", en: "Distance to the commune centre (km)"),
        "endVillage": BilingualText(
            vi: "Kết thúc thôn (sáp nhập, giải thể)", en: "End the village (merged, dissolved)"),
        "endVillageHint": BilingualText(
            vi: "Chỉ kết thúc được khi chi bộ của thôn đã giải thể.",
            en: "A village is ended only once its cell is dissolved."),
        "villageCode": BilingualText(
            vi: "Mã thôn (mã xã, dấu chấm, mã thôn)", en: "Code (the commune's code, a dot, a local code)"),
        "villageName": BilingualText(vi: "Tên thôn", en: "Village name"),
        "villageKind": BilingualText(vi: "Loại", en: "Kind"),
        "validFrom": BilingualText(vi: "Có từ ngày", en: "Exists from"),
        "cellKind": BilingualText(vi: "Loại chi bộ", en: "Kind of cell"),
        "cellName": BilingualText(vi: "Tên chi bộ", en: "Name of the cell"),
        "otherCellCode": BilingualText(vi: "Mã chi bộ (chi bộ khác)", en: "Code of the cell (other cells)"),
        "cellVillage": BilingualText(vi: "Thôn (chi bộ thôn)", en: "Village (village cells)"),
        "foundedOn": BilingualText(vi: "Ngày thành lập", en: "Founding date"),
        "otherCellHint": BilingualText(
            vi: "Chi bộ khác: trường học, trạm y tế, doanh nghiệp, công an, quân sự…",
            en: "Other cells: school, health station, enterprise, police, military…"),
        "splitHint": BilingualText(
            vi: "Tách chi bộ: thành lập chi bộ mới ở đây, rồi chuyển sinh hoạt từng đảng viên sang chi bộ mới.",
            en: "To split a cell: found the new cell here, then transfer each member to it."),
        "moveCell": BilingualText(vi: "Chuyển sang đảng bộ khác", en: "Move under another committee"),
        "newCommittee": BilingualText(vi: "Đảng bộ mới", en: "New committee"),
        "noOtherCommittee": BilingualText(
            vi: "Không có đảng bộ nào khác trong phạm vi của bạn.", en: "There is no other committee within your scope."
        ),
        "dissolveCell": BilingualText(vi: "Giải thể chi bộ", en: "Dissolve the cell"),
        "dissolveHint": BilingualText(
            vi: "Chỉ giải thể được khi không còn đảng viên sinh hoạt: hãy chuyển sinh hoạt các đảng viên trước.",
            en: "A cell is dissolved only when no member is on its roll: transfer the members first."),
        "unitName": BilingualText(vi: "Tên", en: "Name"),
        "committee": BilingualText(vi: "Đảng bộ", en: "Committee"),
        "changeFrom": BilingualText(vi: "Từ ngày", en: "From"),
        "splitVillage": BilingualText(vi: "Tách thôn", en: "Split the village"),
        "splitVillageHint": BilingualText(
            vi:
                "Thôn mới có từ ngày ghi, cùng xã; thôn này giữ số hộ còn lại. Đảng viên không tự chuyển sang thôn mới.",
            en:
                "The new village begins on the day given, in the same commune; this village keeps the other households. Members are not moved."
        ),
        "splitHouseholds": BilingualText(vi: "Số hộ tách sang thôn mới", en: "Households going to the new village"),
        "splitPoorHouseholds": BilingualText(
            vi: "Số hộ nghèo trong số đó (nếu thôn có ghi)",
            en: "Poor households among them (if the village counts them)"
        ),
        "splitFrom": BilingualText(vi: "Tách từ", en: "Split from"),
        "splitCellHint": BilingualText(
            vi:
                "Đảng viên sống ở thôn mới vẫn sinh hoạt ở chi bộ cũ. Nếu cần, thành lập chi bộ mới cho thôn này rồi chuyển sinh hoạt từng đảng viên.",
            en:
                "Members who live in the new village stay on the old cell's roll. If needed, found a cell for this village, then transfer each member to it."
        ),
    ]
}
