"""Browser test of today's Vietnam (issue 19): on the demo that reaches the present (GANDAN_PRESENT_URL), a provincial
planner opens the dashboard as of 30-4-2019 and sees Na Hang district with its 12 communes, then today and sees xã Nà
Hang, one of the 2025 communes, with its village cells meeting this month or last. At 360 px.
"""

import datetime
import re

from playwright.sync_api import Page, expect

from conftest import expect_no_horizontal_scroll, sign_in

VIETNAM = datetime.timezone(datetime.timedelta(hours=7))


def open_unit(page: Page, name: str) -> None:
    """Follows the tree's link to the unit called `name` (exactly)."""
    page.locator("main").get_by_role("link", name=name, exact=True).first.click()
    page.wait_for_load_state()
    expect_no_horizontal_scroll(page)


def open_dashboard(page: Page, heading: str) -> None:
    """The unit's "Bảng theo dõi": a district's or a commune's (`heading` starts its title)."""
    page.locator("main").get_by_role("link", name="Bảng theo dõi").first.click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name=re.compile(heading + " ·"))).to_be_visible()
    expect_no_horizontal_scroll(page)


def test_a_provincial_planner_sees_the_district_of_2019_and_the_communes_of_today(
    page: Page, present_url: str
) -> None:
    sign_in(page, present_url, "planner.tuyenquang")

    # 30-4-2019: the three-level structure, Na Hang district with its 12 communes.
    page.goto(present_url + "/?date=2019-04-30")
    open_unit(page, "Tỉnh Tuyên Quang")
    main = page.locator("main")
    expect(main.get_by_role("link", name="Huyện Na Hang", exact=True)).to_be_visible()
    expect(main.get_by_role("link", name="Xã Nà Hang", exact=True)).to_have_count(0)
    open_unit(page, "Huyện Na Hang")
    open_dashboard(page, "Bảng theo dõi")
    expect(page.get_by_label("Số liệu đến ngày")).to_have_value("2019-04-30")
    expect(page.locator("tr[data-commune]")).to_have_count(12)
    expect(page.locator("tr[data-commune='Thanh Tương']")).to_have_count(1)

    # Today: no districts; xã Nà Hang (02221) holds Nà Coóc, whose cell met within the last weeks.
    page.goto(present_url + "/")
    open_unit(page, "Tỉnh Tuyên Quang")
    expect(main.get_by_role("link", name="Huyện Na Hang", exact=True)).to_have_count(0)
    open_unit(page, "Xã Nà Hang")
    open_dashboard(page, "Các chi bộ trong nháy mắt")
    # The product's "today" is Vietnam's (UTC+7), not this machine's: they differ from 17:00 to 24:00 UTC.
    today = datetime.datetime.now(VIETNAM).date()
    expect(page.get_by_label("Số liệu đến ngày")).to_have_value(today.isoformat())
    row = page.locator("tr[data-cell='Chi bộ thôn Nà Coóc']")
    expect(row).to_have_count(1)
    last = row.locator("a[data-figure='lastMeeting']").inner_text()
    held = datetime.datetime.strptime(re.search(r"\d\d/\d\d/\d{4}", last).group(0), "%d/%m/%Y").date()
    assert today - datetime.timedelta(days=45) <= held <= today, f"Nà Coóc's last meeting {held}, today {today}"
