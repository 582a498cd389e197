"""Browser tests of citizens' feedback and party development on a 360-px phone (issue 7).

Run on the demo with the placement approved (GANDAN_PLACED_URL), which also holds two years of
feedback, supervision comments, candidates and ratings.
"""

import re

from playwright.sync_api import Page, expect

from conftest import expect_no_horizontal_scroll, sign_in


def test_a_secretary_records_a_citizens_request_and_closes_it(page: Page, placed_url: str) -> None:
    sign_in(page, placed_url, "secretary.nacooc")
    page.locator("main").get_by_role("link", name="Ý kiến của nhân dân").first.click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=re.compile("Ý kiến của nhân dân ·"))).to_be_visible()
    expect_no_horizontal_scroll(page)

    summary = "Bà con đề nghị sửa cầu tràn suối Nà Coóc trước mùa mưa"
    page.locator("summary", has_text="Ghi ý kiến").click()
    page.get_by_label("Lĩnh vực").select_option(label="Hạ tầng, đường giao thông")
    page.get_by_label("Nội dung").fill(summary)
    page.get_by_role("button", name="Ghi ý kiến").click()
    page.wait_for_load_state()

    item = page.locator("li.feedback", has_text=summary)
    expect(item).to_contain_text("Đã tiếp nhận")
    item.get_by_label("Chuyển đến").select_option(label="Ủy ban nhân dân xã")
    item.get_by_role("button", name="Chuyển").click()
    page.wait_for_load_state()

    item = page.locator("li.feedback", has_text=summary)
    expect(item).to_contain_text("Đã chuyển")
    item.get_by_label("Trả lời").fill("Xã đã bố trí kinh phí, thi công trong tháng")
    item.get_by_role("button", name="Ghi trả lời").click()
    page.wait_for_load_state()

    item = page.locator("li.feedback", has_text=summary)
    expect(item).to_contain_text("Đã trả lời")
    item.get_by_role("button", name="Đã thông báo lại cho nhân dân").click()
    page.wait_for_load_state()

    item = page.locator("li.feedback", has_text=summary)
    expect(item).to_contain_text("Đã thông báo lại cho thôn")
    expect(item).to_contain_text("Xã đã bố trí kinh phí")
    expect(item.locator(".badge.warn")).to_have_count(0)
    expect_no_horizontal_scroll(page)


def test_a_planner_sees_a_candidates_deadline(page: Page, placed_url: str) -> None:
    sign_in(page, placed_url, "planner.nahang")
    page.goto(placed_url + "/?date=2020-04-30")
    main = page.locator("main")
    main.locator("ul.tree").get_by_role("link", name=re.compile("Na Hang")).first.click()
    page.wait_for_load_state()
    main.get_by_role("link", name="Phát triển đảng viên").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=re.compile("Phát triển đảng viên ·"))).to_be_visible()
    deadline = page.locator(".deadline").first
    expect(deadline).to_be_visible()
    expect(deadline).to_contain_text(re.compile("Tổ chức lễ kết nạp|Xét công nhận đảng viên chính thức"))
    expect(deadline).to_contain_text("ngày làm việc còn lại")
    expect_no_horizontal_scroll(page)
