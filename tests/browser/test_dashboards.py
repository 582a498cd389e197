"""Browser test of the dashboards on a 360-px phone (issue 8): a figure leads to the list behind it.

Run on the demo with the placement approved (GANDAN_PLACED_URL).
"""

import re

from playwright.sync_api import Page, expect

from conftest import expect_no_horizontal_scroll, sign_in


def test_a_planner_follows_a_dashboard_figure_to_its_list(page: Page, placed_url: str) -> None:
    sign_in(page, placed_url, "planner.nahang")
    page.goto(placed_url + "/?date=2019-05-31")
    main = page.locator("main")
    main.locator("ul.tree").get_by_role("link", name=re.compile("Na Hang")).first.click()
    page.wait_for_load_state()
    main.get_by_role("link", name="Bảng theo dõi").first.click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=re.compile("Bảng theo dõi ·"))).to_be_visible()
    expect(page.get_by_label("Số liệu đến ngày")).to_have_value("2019-05-31")
    expect_no_horizontal_scroll(page)

    figure = page.locator("tr[data-commune='Thanh Tương'] a[data-figure='moved']")
    count = int(figure.inner_text())
    assert count > 0
    figure.click()
    page.wait_for_load_state()
    expect(page.get_by_text("Đảng viên đã chuyển về chi bộ thôn")).to_be_visible()
    expect(page.locator("main table tbody tr")).to_have_count(count)
    expect_no_horizontal_scroll(page)
