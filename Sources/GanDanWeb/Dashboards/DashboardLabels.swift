import GanDanCore

/// The words of the dashboards, in both languages (Vietnamese first).
enum DashboardLabels {
    static let all: [String: BilingualText] = [
        "dashboard": BilingualText(vi: "Bảng theo dõi", en: "Dashboard"),
        "dashboardDistrict": BilingualText(
            vi: "Tiến độ giải thể chi bộ cơ quan xã và bố trí đảng viên",
            en: "Dissolution of commune agency cells and placement of members"),
        "dashboardCommune": BilingualText(vi: "Các chi bộ trong nháy mắt", en: "Cells at a glance"),
        "dashboardAsOf": BilingualText(vi: "Số liệu đến ngày", en: "Figures as of"),
        "dashboardCommuneCol": BilingualText(vi: "Xã", en: "Commune"),
        "dashboardDistrictCol": BilingualText(vi: "Huyện", en: "District"),
        "dashboardAgencyCells": BilingualText(vi: "Chi bộ cơ quan đã giải thể", en: "Agency cells dissolved"),
        "dashboardDeadline": BilingualText(vi: "Thời hạn", en: "Deadline"),
        "dashboardStatus": BilingualText(vi: "Tiến độ", en: "Progress"),
        "dashboardMoved": BilingualText(vi: "Đảng viên đã chuyển / cần chuyển", en: "Members moved / to move"),
        "dashboardLeadersMoved": BilingualText(
            vi: "Cán bộ chủ chốt đã chuyển / cần chuyển", en: "Key leaders moved / to move"),
        "dashboardVillagesReceived": BilingualText(
            vi: "Chi bộ thôn có đảng viên mới", en: "Village cells that received members"),
        "dashboardVillagesWithLeader": BilingualText(
            vi: "Chi bộ thôn có cán bộ chủ chốt", en: "Village cells that received a key leader"),
        "dashboardWeakWithLeader": BilingualText(
            vi: "Chi bộ yếu kém có cán bộ chủ chốt", en: "Weak cells that received a key leader"),
        "dashboardPlaced": BilingualText(vi: "Bố trí đúng kế hoạch / theo kế hoạch", en: "Placed as planned / planned"),
        "dashboardTotal": BilingualText(vi: "Cộng", en: "Total"),
        "dashboardRanking": BilingualText(vi: "Xếp thứ các huyện trong tỉnh", en: "Districts of the province ranked"),
        "dashboardRank": BilingualText(vi: "Thứ", en: "Rank"),
        "dashboardCompletedOn": BilingualText(vi: "Hoàn thành ngày", en: "Completed on"),
        "dashboardNoDirective": BilingualText(
            vi: "Chưa có chỉ thị giải thể chi bộ cơ quan xã ở đây.",
            en: "No directive to dissolve commune agency cells covers this unit."),
        "dashboardNoCommunes": BilingualText(vi: "Không có xã nào vào ngày này.", en: "No commune on this day."),
        "dashboardNoCells": BilingualText(vi: "Không có chi bộ nào vào ngày này.", en: "No cell on this day."),
        "dashboardSize": BilingualText(vi: "Số đảng viên", en: "Members"),
        "dashboardFull": BilingualText(vi: "Chính thức", en: "Full members"),
        "dashboardLastRating": BilingualText(vi: "Xếp loại gần nhất", en: "Last rating"),
        "dashboardLastMeeting": BilingualText(vi: "Sinh hoạt gần nhất", en: "Last meeting"),
        "dashboardMonthsAgo": BilingualText(vi: "tháng trước", en: "months ago"),
        "dashboardThisMonth": BilingualText(vi: "tháng này", en: "this month"),
        "dashboardOpenTasks": BilingualText(vi: "Nhiệm vụ đang thực hiện", en: "Open tasks"),
        "dashboardOverdueFeedback": BilingualText(vi: "Ý kiến quá hạn", en: "Overdue feedback"),
        "dashboardFlags": BilingualText(vi: "Lưu ý", en: "Flags"),
        "dashboardNoMeetingThisMonth": BilingualText(
            vi: "Chưa sinh hoạt tháng này", en: "No meeting this month"),
        "dashboardMayPropose": BilingualText(
            vi: "Đủ 9 đảng viên chính thức: có thể đề nghị chỉ định chi ủy",
            en: "9 or more full members: may propose a cell committee"),
        "dashboardCellsNoMeeting": BilingualText(
            vi: "chi bộ chưa sinh hoạt tháng này", en: "cells without a meeting this month"),
        "dashboardCellsMayPropose": BilingualText(
            vi: "chi bộ có thể đề nghị chỉ định chi ủy", en: "cells that may propose a committee"),
        "dashboardWithoutCommitteeMember": BilingualText(
            vi: "buổi họp vắng cấp ủy viên phụ trách", en: "meetings without the assigned committee member"),
        "dashboardCellsWithoutCommitteeMember": BilingualText(
            vi: "chi bộ có buổi họp từ đầu năm vắng cấp ủy viên phụ trách",
            en: "cells with meetings this year without their assigned committee member"),
        "dashboardFlaggedMeetings": BilingualText(
            vi: "Buổi họp ngắn hoặc báo họp muộn trong tháng", en: "Short or late-notice meetings this month"),
        "dashboardFlaggedNone": BilingualText(
            vi: "Không có buổi họp nào ngắn hoặc báo họp muộn.", en: "No short or late-notice meetings."),
        "dashboardMembersOf": BilingualText(vi: "Danh sách theo số liệu", en: "The list behind the figure"),
        "dashboardOpenTasksOn": BilingualText(vi: "Nhiệm vụ đang thực hiện ngày", en: "Tasks open on"),
        "dashboardOverdueOnly": BilingualText(vi: "Chỉ ý kiến quá hạn", en: "Overdue only"),
        "deadlineOnTime": BilingualText(vi: "Hoàn thành đúng hạn", en: "Done on time"),
        "deadlineLate": BilingualText(vi: "Hoàn thành quá hạn", en: "Done late"),
        "deadlineOpen": BilingualText(vi: "Đang thực hiện", en: "In progress"),
        "deadlineOverdue": BilingualText(vi: "Quá hạn, chưa xong", en: "Overdue"),
        "deadlineNotPlanned": BilingualText(vi: "Không có", en: "None"),
        "figureToMove": BilingualText(vi: "Đảng viên cần chuyển", en: "Members to move"),
        "figureMoved": BilingualText(vi: "Đảng viên đã chuyển về chi bộ thôn", en: "Members moved to village cells"),
        "figureLeadersToMove": BilingualText(vi: "Cán bộ chủ chốt cần chuyển", en: "Key leaders to move"),
        "figureLeadersMoved": BilingualText(vi: "Cán bộ chủ chốt đã chuyển", en: "Key leaders moved"),
        "figurePlanned": BilingualText(vi: "Đảng viên theo kế hoạch bố trí", en: "Members in the placement plan"),
        "figurePlaced": BilingualText(vi: "Đảng viên đã bố trí đúng kế hoạch", en: "Members placed as planned"),
        "figureFull": BilingualText(vi: "Đảng viên chính thức của chi bộ", en: "Full members of the cell"),
    ]
}
