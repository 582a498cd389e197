"""The minutes form in parts (issue 20 item 5), on a 360-px phone with the demo's secretary.

She saves from the attendance part before the meeting ends: the minutes are kept on the server as an unfinished
draft, with a "saved" line and its time; the form opens on them again; with the conclusion written, Save records the
minutes once. A reason box shows only for an excused absence.
"""

import re

from playwright.sync_api import Page, expect

from conftest import expect_no_horizontal_scroll, sign_in
from test_drafts import SECRETARY, plan_a_meeting, save_minutes, versions_recorded

SAVED = re.compile(r"Đã lưu lúc \d\d/\d\d/\d{4} \d\d:\d\d")


def test_minutes_saved_from_the_attendance_part_are_kept_unfinished_then_recorded(page: Page, placed_url: str) -> None:
    sign_in(page, placed_url, SECRETARY)
    form = plan_a_meeting(page, placed_url, "Lưu từng phần")
    expect(page.get_by_role("navigation", name="Các phần của biên bản").get_by_role("link")).to_have_count(6)
    expect_no_horizontal_scroll(page)

    excused = page.locator(".attendee").nth(1)
    excused_name = excused.get_attribute("aria-label")
    reason = excused.get_by_role("textbox", name="Lý do")
    expect(reason).to_be_hidden()
    excused.get_by_label("Vắng có lý do").check()
    expect(reason).to_be_visible()
    reason.fill("Đi viện")
    page.get_by_label("Bắt đầu").fill("07:30")
    page.locator("#s-attendance").get_by_role("button", name="Lưu").click()

    # Kept on the server, not recorded: back at the attendance part, saying so with the time.
    page.wait_for_url(re.compile(r"/minutes\?saved=1#s-attendance$"))
    expect(page.locator("[data-saved]")).to_contain_text(SAVED)
    expect(page.locator("[data-unfinished]")).to_be_visible()

    # Opened again later: the draft is there.
    page.goto(form)
    expect(page.locator(".attendee").nth(1).get_by_role("textbox", name="Lý do")).to_have_value("Đi viện")
    page.get_by_label("Kết thúc").fill("09:15")
    page.get_by_label("Thư ký").select_option(index=3)  # present: the second member on the roll is excused
    page.get_by_label("Kết luận, nghị quyết").fill("Chi bộ thống nhất lưu từng phần")
    save_minutes(page)

    page.wait_for_url(re.compile(r"/meetings/[0-9a-fA-F-]+\?saved=1$"))
    expect(page.locator("[data-saved]")).to_contain_text(SAVED)
    expect(page.get_by_role("row").filter(has_text="Đi viện")).to_contain_text(excused_name)
    assert versions_recorded(page) == 1
