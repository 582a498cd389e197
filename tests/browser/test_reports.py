"""Browser tests of the printable monthly cell report on a 360-px phone, on the placed demo.

The report must read on an old phone without sideways scrolling, offer its tables as CSV and XLSX,
and print as an A4 document: no navigation, no buttons, the signature block kept.
"""

import re

from playwright.sync_api import Page, expect

from conftest import expect_no_horizontal_scroll, sign_in


def test_the_monthly_cell_report_fits_a_phone_and_prints_without_navigation(
    page: Page, placed_url: str
) -> None:
    sign_in(page, placed_url, "secretary.nacooc")
    # the cell’s button in the menu under the to-do list (the to-do heading links there too)
    page.locator("main ul.plain").get_by_role("link", name="Chi bộ thôn Nà Coóc", exact=True).click()
    page.wait_for_load_state()
    cell = re.search(r"/cells/([0-9A-Fa-f-]{36})/", page.url)
    assert cell, f"the secretary's link leads to their cell's meetings, not {page.url}"
    page.goto(f"{placed_url}/cells/{cell.group(1)}/report?month=2019-06")
    expect(page.get_by_role("heading", name=re.compile("Báo cáo tháng của chi bộ"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Sinh hoạt chi bộ trong tháng"))).to_be_visible()
    expect(page.get_by_text("T/M CHI BỘ")).to_be_visible()
    expect(page.get_by_role("link", name="Xuất CSV").first).to_be_visible()
    expect_no_horizontal_scroll(page)

    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Xuất CSV").first).to_be_hidden()
    expect(page.get_by_role("button", name="In")).to_be_hidden()
    expect(page.locator("header.top")).to_be_hidden()
    expect(page.get_by_text("T/M CHI BỘ")).to_be_visible()
