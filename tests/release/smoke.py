#!/usr/bin/env python3
"""The release smoke test (scripts/release-test): what an operator checks after installing GanDan.

    smoke.py BASE_URL USERNAME PASSWORD_FILE MEMBERS_CSV [REQUEST_ID_FILE]

Through BASE_URL (nginx over HTTPS with a throwaway certificate, so the certificate is not verified):
/health answers ok; /health/ready answers 200 "ready" with an X-Request-Id (written to REQUEST_ID_FILE, for the
caller to find on both access logs); the administrator signs in; the home page lists the imported province; a member
CSV is uploaded through the web import flow and checked (the dry run), whose report must name the file's bad line.
Exits non-zero at the first failure. Python's standard library only.
"""

import http.client
import re
import ssl
import sys
import urllib.parse
import uuid


class Client:
    """One browser: a cookie jar, no redirects followed (each is asserted)."""

    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.scheme, self.host, self.port = url.scheme, url.hostname, url.port
        self.cookies = {}
        self.context = ssl._create_unverified_context()

    def request(self, method, path, body=None, headers=None):
        if self.scheme == "https":
            conn = http.client.HTTPSConnection(self.host, self.port, timeout=60, context=self.context)
        else:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                self.cookies[key.strip()] = val.strip()
        conn.close()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), data

    def form(self, path, fields):
        body = urllib.parse.urlencode(fields)
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def multipart(self, path, fields, file_field, file_name, content):
        boundary = "gandan-" + uuid.uuid4().hex
        parts = []
        for key, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
            f"Content-Type: text/csv\r\n\r\n".encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(
            "POST", path, b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def check(condition, message):
    if not condition:
        print(f"smoke: FAILED: {message}", file=sys.stderr)
        sys.exit(1)
    print(f"smoke: ok: {message}")


def csrf(page):
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    check(found is not None, "the form carries a CSRF token")
    return found.group(1)


def main():
    base, username, password_file, members_csv = sys.argv[1:5]
    request_id_file = sys.argv[5] if len(sys.argv) > 5 else None
    with open(password_file, encoding="utf-8") as f:
        password = f.read().strip()
    with open(members_csv, "rb") as f:
        members = f.read()
    browser = Client(base)

    status, headers, body = browser.request("GET", "/health")
    check(status == 200 and body.strip() == "ok", f"/health answers 200 ok (got {status} {body[:40]!r})")
    check("max-age=" in headers.get("strict-transport-security", ""), "HTTPS answers carry HSTS")
    status, headers, body = browser.request("GET", "/health/ready")
    check(status == 200 and body.strip() == "ready", f"/health/ready answers 200 ready (got {status} {body[:80]!r})")
    request_id = headers.get("x-request-id", "")
    check(re.fullmatch(r"[0-9a-f]{32}", request_id) is not None, f"the answer carries nginx's id ({request_id!r})")
    if request_id_file:
        with open(request_id_file, "w", encoding="utf-8") as f:
            f.write(request_id + "\n")

    status, headers, _ = browser.request("GET", "/")
    check(status in (302, 303) and "/login" in headers.get("location", ""), "a page asks for sign-in first")
    status, _, page = browser.request("GET", "/login")
    check(status == 200, "the sign-in page opens")
    status, headers, _ = browser.form(
        "/login", {"csrf": csrf(page), "next": "/", "username": username, "password": "wrong " + password})
    check(status == 200 or status == 401, f"a wrong password is refused without a session (got {status})")
    status, _, page = browser.request("GET", "/login")
    status, headers, _ = browser.form(
        "/login", {"csrf": csrf(page), "next": "/", "username": username, "password": password})
    check(status in (302, 303) and headers.get("location") == "/", f"the administrator signs in (got {status})")

    status, _, page = browser.request("GET", "/")
    check(status == 200 and "Tuyên Quang" in page, "the home page lists the imported province")
    unit = re.search(r'href="/units/([0-9A-Fa-f-]{36})\?', page)
    check(unit is not None, "the province links to its page")
    unit_id = unit.group(1)
    status, _, page = browser.request("GET", f"/units/{unit_id}")
    check(status == 200 and "Tuyên Quang" in page, "the province's page opens")

    status, _, page = browser.request("GET", f"/units/{unit_id}/import")
    check(status == 200, "the import page opens")
    status, headers, _ = browser.multipart(
        f"/units/{unit_id}/import", {"csrf": csrf(page), "kind": "members"}, "file", "dang-vien.csv", members)
    location = headers.get("location", "")
    check(status in (302, 303) and location.startswith("/imports/"), f"the file is uploaded (got {status})")
    status, _, page = browser.request("GET", location)
    check(status == 200 and "col_full_name" in page, "the column mapping is shown, one select per field")
    fields = {"csrf": csrf(page)}
    for select in re.finditer(r'<select name="(col_[a-z_]+)">(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', select.group(2))
        fields[select.group(1)] = chosen.group(1) if chosen else ""
    check(fields.get("col_full_name") != "", "the full-name column is guessed from the header")
    status, _, page = browser.form(f"{location}/check", fields)
    check(status == 200, f"the check (dry run) answers 200 (got {status})")
    check('class="issues"' in page and "cell_code" in page, "the dry run's report names the bad field")
    check(re.search(r'<td class="num">2</td>', page) is not None, "the dry run's report names the bad line (2)")


if __name__ == "__main__":
    main()
