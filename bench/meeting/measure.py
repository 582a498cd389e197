"""Bytes and taps to record one meeting (issue 20's closing measure), on a 360-px phone and a 400 kbps / 400 ms line.

From a cold start (no cache, no service worker, signed out), the demo's Nà Coóc secretary signs in, opens her cell,
plans today's meeting and records its minutes: start and end, one member excused with a reason, the recorder, the
agenda, the policy relayed, the month's evaluation and next month's direction, one new task with its assignee and
criterion, the votes and the conclusion. A field the form already fills in with what she would type (last month's
agenda, the votes counted from attendance) is left as offered; everything else is typed. A tap is one click, one
choice in a list or one field typed into. Bytes are what crossed the line, headers and bodies, compressed as sent.

    python measure.py URL [LABEL]     # prints one Markdown row: label, requests, KB down, KB up, taps, seconds
"""

import re
import shutil
import sys
import time

from playwright.sync_api import sync_playwright

SECRETARY = "secretary.nacooc"
PASSWORD = "gandan-demo"


class Counter:
    def __init__(self) -> None:
        self.taps = 0
        self.down = 0
        self.up = 0
        self.requests = 0

    def finished(self, request) -> None:
        sizes = request.sizes()
        self.requests += 1
        self.down += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        self.up += sizes["requestBodySize"] + sizes["requestHeadersSize"]


def tap(counter: Counter, action) -> None:
    counter.taps += 1
    action()


def fill(counter: Counter, page, selector: str, text: str) -> None:
    tap(counter, lambda: page.locator(selector).first.fill(text))


def is_empty(page, selector: str) -> bool:
    return page.locator(selector).first.input_value().strip() == ""


def minutes(page, counter: Counter) -> None:
    fill(counter, page, '[name="start"]', "07:30")
    fill(counter, page, '[name="end"]', "09:15")
    excused = page.locator(".attendee").nth(1)
    tap(counter, lambda: excused.locator('input[value="excused"]').check())
    tap(counter, lambda: excused.locator('input[name^="reason["]').fill("Đi viện"))
    tap(counter, lambda: page.locator('[name="recorder"]').select_option(index=3))
    if is_empty(page, '[name="agenda"]'):
        fill(counter, page, '[name="agenda"]', "Kiểm điểm nhiệm vụ tháng; triển khai nhiệm vụ tháng tới")
    fill(counter, page, '[name="policy"]', "Quán triệt chỉ thị về phòng chống rét cho gia súc")
    fill(counter, page, '[name="evaluation"]', "Cả chi bộ đi làm đường liên thôn")
    fill(counter, page, '[name="direction"]', "Vận động hộ nghèo trồng cây quế")
    fill(counter, page, '[name="task[0][description]"]', "Vận động 3 hộ nghèo trồng quế")
    tap(counter, lambda: page.locator('[name="task[0][assignee]"]').select_option(index=1))
    criterion = page.locator('[name="task[0][criterion]"]')
    if criterion.evaluate("node => node.tagName") == "SELECT":
        tap(counter, lambda: criterion.select_option(index=1))
    else:
        tap(counter, lambda: criterion.fill("1"))
    if is_empty(page, '[name="votesFor"]'):
        # Those with a vote: full members present (probationary members do not vote).
        present = page.locator(".attendee").filter(has_text="Chính thức").filter(
            has=page.locator('input[value="present"]:checked')).count()
        fill(counter, page, '[name="votesFor"]', str(present))
        fill(counter, page, '[name="votesAgainst"]', "0")
        fill(counter, page, '[name="votesAbstaining"]', "0")
    fill(counter, page, '[name="conclusion"]', "Chi bộ thống nhất các nhiệm vụ tháng tới")
    # The last Save of the form: the vote and conclusion part's where the form is in parts.
    tap(counter, lambda: page.locator("form.minutes-form button[type=submit]").last.click())
    try:
        page.wait_for_url(re.compile(r"/meetings/[0-9a-fA-F-]+(\?saved=1)?$"))
    except Exception:
        sys.exit(f"the minutes were not recorded; the page says:\n{page.inner_text('main')[:2000]}")


def run(base: str) -> tuple[Counter, float]:
    counter = Counter()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), headless=True, args=["--no-sandbox"])
        context = browser.new_context(
            viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True,
            locale="vi-VN", service_workers="block")
        page = context.new_page()
        page.set_default_timeout(60_000)
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 400, "downloadThroughput": 50_000, "uploadThroughput": 50_000})
        page.on("requestfinished", counter.finished)
        started = time.monotonic()
        page.goto(base + "/")
        fill(counter, page, '[name="username"]', SECRETARY)
        fill(counter, page, '[name="password"]', PASSWORD)
        tap(counter, lambda: page.locator('button[type="submit"]').first.click())
        page.wait_for_load_state()
        tap(counter, lambda: page.locator("main ul.plain").get_by_role("link", name="Chi bộ thôn Nà Coóc", exact=True).click())
        page.wait_for_load_state()
        tap(counter, lambda: page.locator("summary", has_text="Lên lịch sinh hoạt").click())
        tap(counter, lambda: page.get_by_role("textbox", name="Chuyên đề", exact=True).fill("Đo số lần chạm"))
        tap(counter, lambda: page.get_by_role("button", name="Lên lịch sinh hoạt").click())
        page.wait_for_url(re.compile(r"/minutes"))
        page.wait_for_load_state()
        minutes(page, counter)
        page.wait_for_load_state("networkidle")
        elapsed = time.monotonic() - started
        browser.close()
    return counter, elapsed


if __name__ == "__main__":
    counter, elapsed = run(sys.argv[1].rstrip("/"))
    label = sys.argv[2] if len(sys.argv) > 2 else sys.argv[1]
    print(
        f"| {label} | {counter.requests} | {counter.down / 1024:.1f} | {counter.up / 1024:.1f} | {counter.taps} "
        f"| {elapsed:.1f} |")
