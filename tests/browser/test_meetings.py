"""Browser tests of village-cell life on a 360-px phone, on the demo with the placement approved.

A secretary, often elderly and on an old phone, records a meeting: attendance, two tasks and a
conclusion (issue 6). The demo's 24 months of meetings are there to read.
"""

import re

from playwright.sync_api import Page, expect

from conftest import expect_no_horizontal_scroll, sign_in


def test_a_secretary_records_a_meeting_with_attendance_two_tasks_and_a_conclusion(
    page: Page, placed_url: str
) -> None:
    sign_in(page, placed_url, "secretary.nacooc")
    # The home page links the secretary straight to their cell's meetings.
    # the cell’s button in the menu under the to-do list (the to-do heading links there too)
    page.locator("main ul.plain").get_by_role("link", name="Chi bộ thôn Nà Coóc", exact=True).click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=re.compile("Sinh hoạt chi bộ ·"))).to_be_visible()
    expect_no_horizontal_scroll(page)

    # Plan today's meeting (the form's default day): minutes are recorded once a meeting has taken place.
    page.locator("summary", has_text="Lên lịch sinh hoạt").click()
    page.get_by_label("Giờ triệu tập").fill("07:30")
    page.get_by_role("button", name="Lên lịch sinh hoạt").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Ghi biên bản")).to_be_visible()
    expect_no_horizontal_scroll(page)

    # Everyone starts present: mark one excused absence (with its reason) and one unexcused.
    attendees = page.locator(".attendee")
    expect(attendees.first).to_be_visible()
    assert attendees.count() >= 5
    excused = attendees.nth(1)
    excused_name = excused.get_attribute("aria-label")
    excused.get_by_label("Vắng có lý do").check()
    excused.get_by_role("textbox", name="Lý do").fill("Đi viện")
    attendees.nth(2).get_by_label("Vắng không lý do").check()

    page.get_by_label("Bắt đầu").fill("07:30")
    page.get_by_label("Kết thúc").fill("09:15")
    chair = page.get_by_label("Chủ trì")
    expect(chair).not_to_have_value("")
    recorder_name = attendees.nth(3).get_attribute("aria-label")
    page.get_by_label("Thư ký").select_option(label=recorder_name)
    page.get_by_label("Nội dung sinh hoạt (mỗi dòng một nội dung)").fill(
        "Kiểm điểm nhiệm vụ tháng 11\nBàn kế hoạch giúp hộ nghèo"
    )
    page.get_by_label("Đánh giá kết quả tháng này").fill("Hoàn thành phần lớn nhiệm vụ")
    page.get_by_label("Phương hướng tháng tới").fill("Tập trung vệ sinh môi trường")

    rows = page.locator(".task-row")
    first = rows.nth(0)
    first.get_by_label("Nhiệm vụ 1").fill("Giúp hộ nghèo làm chuồng trại")
    first.get_by_label("Loại").select_option(label="Giúp đỡ hộ nghèo")
    first.get_by_label(re.compile("^Người thực hiện")).select_option(index=1)
    second = rows.nth(1)
    second.get_by_label("Nhiệm vụ 2").fill("Vận động dọn vệ sinh đường thôn")
    second.get_by_label("Loại").select_option(label="Tiêu chí nông thôn mới")
    second.get_by_label(re.compile("^Người thực hiện")).select_option(index=2)
    second.get_by_label("Người cùng thực hiện").select_option(index=3)

    page.get_by_label("Tán thành", exact=True).fill("3")
    page.get_by_label("Kết luận, nghị quyết").fill("Chi bộ thống nhất giao 2 nhiệm vụ cho tháng 12")
    expect_no_horizontal_scroll(page)
    page.locator("#s-vote").get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()

    expect(page.get_by_role("heading", name="BIÊN BẢN SINH HOẠT CHI BỘ")).to_be_visible()
    expect(page.get_by_text("Chi bộ thống nhất giao 2 nhiệm vụ cho tháng 12")).to_be_visible()
    expect(page.get_by_text("Giúp hộ nghèo làm chuồng trại")).to_be_visible()
    expect(page.get_by_text("Vận động dọn vệ sinh đường thôn")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Đi viện")).to_contain_text(excused_name)
    expect_no_horizontal_scroll(page)


def test_the_demo_shows_two_years_of_meetings_and_the_quality_trend(page: Page, placed_url: str) -> None:
    sign_in(page, placed_url, "planner.thanhtuong")
    main = page.locator("main")
    main.locator("ul.tree").get_by_role("link", name=re.compile("Thanh Tương")).first.click()
    page.wait_for_load_state()
    main.get_by_role("link", name=re.compile("Nà Coóc")).first.click()
    page.wait_for_load_state()
    main.get_by_role("link", name=re.compile("Chi bộ thôn Nà Coóc")).first.click()
    page.wait_for_load_state()
    main.get_by_role("link", name="Sinh hoạt chi bộ").click()
    page.wait_for_load_state()
    page.goto(page.url.split("?")[0] + "?year=2019")
    # 2019: every month — January–March before the placement, April's before the 25th, May–December after it.
    expect(page.locator("table.meetings tbody tr")).to_have_count(12)
    expect(page.locator(".chart svg rect")).not_to_have_count(0)
    expect_no_horizontal_scroll(page)


def test_a_secretary_records_who_was_told_of_a_meeting_and_how(page: Page, placed_url: str) -> None:
    """rules.md R11: the notice names each member told and how (in person, phone, loudspeaker)."""
    sign_in(page, placed_url, "secretary.nacooc")
    # the cell’s button in the menu under the to-do list (the to-do heading links there too)
    page.locator("main ul.plain").get_by_role("link", name="Chi bộ thôn Nà Coóc", exact=True).click()
    page.wait_for_load_state()
    page.locator("summary", has_text="Lên lịch sinh hoạt").click()
    page.get_by_role("button", name="Lên lịch sinh hoạt").click()
    # Save is sent in the background (issue 20): wait for the page it leads to.
    expect(page.get_by_role("heading", name="Ghi biên bản")).to_be_visible()
    # From the minutes form back to the meeting's page, where a planned meeting's notice is recorded.
    page.locator("nav.crumbs a").first.click()
    page.wait_for_load_state()
    page.locator("summary", has_text="Ghi việc thông báo họp").click()
    lines = page.locator(".notice-line")
    assert lines.count() >= 2
    told_in_person = lines.nth(0).get_attribute("data-name") or ""
    lines.nth(0).locator("select").select_option(label="Báo trực tiếp")
    lines.nth(1).locator("select").select_option(label="Loa truyền thanh")
    expect_no_horizontal_scroll(page)
    page.get_by_role("button", name="Ghi việc thông báo họp").click()
    page.wait_for_load_state()
    notices = page.locator("ul.notices li")
    expect(notices).to_have_count(2)
    expect(notices.filter(has_text="Loa truyền thanh")).to_have_count(1)
    expect(notices.filter(has_text="Báo trực tiếp")).to_contain_text(told_in_person)
    expect_no_horizontal_scroll(page)
