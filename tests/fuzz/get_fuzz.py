"""The GET fuzzer of scripts/get-fuzz (issue 21: a crash is never the answer to a request).

Walks every GET route of the application's own route table (`gandan routes`), with ids of the demo in the caller's
scope in its path, as the lowest role in scope (a cell's secretary, signed in through the login form) and as an
administrator (an API token). Each route is asked once with no query, then each query parameter it declares, and
each value parameter of its path, gets every extreme value of its kind plus the extremes every parameter gets
(5,000 characters, NUL, right-to-left marks, numbers at 0, -1, Int.max and 2^63), the other parameters left at
their defaults. `date` and `lang`, which every route reads, get their kind's extremes on every route and the common
ones spread over the routes. A route whose plain request the role may not make (401, 403, 404) gets only what is
read before its handler runs. Then the oversized requests: a 1 MB query string and a 100 KB path must answer 414,
100 KB of headers 431.

Fails when the server process dies, a request takes more than 10 s, or any answer is a 5xx.

Usage: get_fuzz.py --url URL --pid PID --database DEMO.sqlite --routes ROUTES.json --token ADMIN_TOKEN
"""

import argparse
import http.client
import json
import os
import re
import socket
import sqlite3
import sys
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor

TIMEOUT = 10.0
DEMO_PASSWORD = "gandan-demo"
SECRETARY = "secretary.nacooc"
SECRETARY_CELL = "CB-02284.11"

INT_MAX = str(2**63 - 1)
TWO_TO_63 = str(2**63)
LONG_TEXT = ("Nà Coóc Đảng viên " * 300)[:5000]
NUL = "\x00"
RLM = "\u200f"

# The extremes every parameter gets, whatever its kind: 5,000 characters, NUL, a right-to-left mark, numbers at 0,
# -1 and Int.max.
COMMON = [LONG_TEXT, "2019\x0001-01", RLM + "2019-01-01", "0", "-1", INT_MAX]
# The extremes of each kind (the declared values of a choice or flag are added to them).
BY_KIND = {
    "date": ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "1900-01-01", "2100-12-31", "31/12/2100",
             "2019-02-30", "garbage"],
    "month": ["0000-00", "9999-12", "2019-13", "1899-12", "1900-01", "2100-12"],
    "year": ["99999", "1899", "2101", "1900", "2100", TWO_TO_63],
    "number": ["100000", "100001", "1.5", TWO_TO_63],
    "period": ["1900-Q1", "2100-Q4", "2019-Q5", "9999-Q4", "99999", "term-1900-01-01-2100-12-31",
               "adhoc-2019-02-30-2019-03-01", "term-2020-01-01-2019-01-01"],
    "id": [str(uuid.UUID(int=0)), "not-an-id"],
    "choice": ["garbage"],
    "flag": ["0"],
    "text": ["//evil.example", "/\t/evil.example", NUL, RLM],
}


def say(message: str) -> None:
    print(f"get-fuzz: {message}", flush=True)


class Ids:
    """Objects of the demo for each path parameter kind, for one role."""

    def __init__(self, database: str):
        self.db = sqlite3.connect(database)

    def one(self, query: str, *args) -> str | None:
        row = self.db.execute(query, args).fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def admin(self) -> dict:
        # The cell with the most meetings (a committee's meetings are not a cell's: it has no roll).
        cell = self.one(
            "select m.organisation_id from meetings m join organisations o on o.id = m.organisation_id "
            "where o.kind in ('communeAgencyCell', 'villageCell', 'otherCell') "
            "group by m.organisation_id order by count(*) desc, m.organisation_id")
        district = self.one("select unit_id from units where code = '072'")
        commune = self.one(
            "select c.unit_id from units c join units d on c.parent_unit_id = d.unit_id where d.code = '072' "
            "order by c.code")
        return {
            "unit": commune,
            "other_units": [district, self.one("select unit_id from units where parent_unit_id is null")],
            "village": self.one("select unit_id from households group by unit_id order by count(*) desc, unit_id"),
            "cell": cell,
            "committee": self.one(
                "select id from organisations where kind = 'grassrootsCommittee' and unit_id = ? order by id", commune),
            "member": self.one("select member_id from memberships where organisation_id = ? order by valid_from", cell),
            "meeting": self.one(
                "select id from meetings where organisation_id = ? and current_version > 0 order by date desc", cell)
            or self.one("select id from meetings where organisation_id = ? order by date desc", cell),
            "plan": self.one("select id from placement_plans order by created_at"),
            "directive": self.one("select id from directives order by id"),
            "feedback": self.one("select id from citizen_feedback order by received_on desc"),
            "supervision": self.one("select id from leader_supervisions order by id"),
            "candidate": self.one("select id from candidates order by id"),
            "household": self.one("select id from households order by id"),
            "token": self.one("select id from api_tokens order by created_at"),
            "user": self.one("select id from users where username = ?", SECRETARY),
        }

    def secretary(self, admin: dict) -> dict:
        cell = self.one("select id from organisations where code = ?", SECRETARY_CELL)
        village = self.one("select unit_id from organisations where id = ?", cell)
        found = {
            "unit": village,
            "other_units": [],
            "village": village,
            "cell": cell,
            "member": self.one(
                "select member_id from memberships where organisation_id = ? and valid_until is null order by id", cell),
            "meeting": self.one("select id from meetings where organisation_id = ? order by date desc", cell),
            "feedback": self.one("select id from citizen_feedback where organisation_id = ? order by id", cell),
            "supervision": self.one("select id from leader_supervisions where organisation_id = ? order by id", cell),
            "candidate": self.one("select id from candidates where organisation_id = ? order by id", cell),
            "household": self.one("select id from households where unit_id = ? order by id", village),
        }
        # Nothing of these kinds is in a secretary's scope: the administrator's answer 404 to them.
        for kind in ("plan", "directive", "upload", "token", "committee", "user"):
            found.setdefault(kind, admin.get(kind))
        return {kind: value or admin.get(kind) for kind, value in found.items()}


class Client:
    """One keep-alive connection per thread to the server, with the role's credentials."""

    def __init__(self, url: str, headers: dict):
        parsed = urllib.parse.urlsplit(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.headers = headers
        self.local = threading.local()

    def connection(self) -> http.client.HTTPConnection:
        if getattr(self.local, "connection", None) is None:
            self.local.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        return self.local.connection

    def get(self, target: str) -> tuple[int, bytes, float]:
        for attempt in (1, 2):
            connection = self.connection()
            started = time.monotonic()
            try:
                connection.request("GET", target, headers=self.headers)
                response = connection.getresponse()
                body = response.read()
                if response.will_close:
                    connection.close()
                return response.status, body, time.monotonic() - started
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as error:
                connection.close()
                self.local.connection = None
                if attempt == 2:
                    raise error
            except Exception:
                connection.close()
                self.local.connection = None
                raise
        raise AssertionError("unreachable")


def sign_in(url: str) -> str:
    """The session cookie of the secretary, signed in through the login form as a browser does."""
    parsed = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=TIMEOUT)
    connection.request("GET", "/login")
    response = connection.getresponse()
    page = response.read().decode()
    cookies = [c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []]
    match = re.search(r'name="csrf" value="([^"]+)"', page)
    if not match:
        raise SystemExit("get-fuzz: the login page has no csrf field")
    form = urllib.parse.urlencode(
        {"csrf": match.group(1), "username": SECRETARY, "password": DEMO_PASSWORD, "next": "/"})
    connection.request(
        "POST", "/login", body=form,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": "; ".join(cookies)})
    response = connection.getresponse()
    response.read()
    if response.status != 303:
        raise SystemExit(f"get-fuzz: signing {SECRETARY} in answered {response.status}, not 303")
    jar = dict(c.split("=", 1) for c in cookies)
    for cookie in response.headers.get_all("Set-Cookie") or []:
        name, value = cookie.split(";", 1)[0].split("=", 1)
        jar[name] = value
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def upload(url: str, token: str, unit: str) -> str | None:
    """An import upload of the administrator (a small member file), for the /imports/:upload routes."""
    boundary = "gandanfuzz" + uuid.uuid4().hex
    csv = "Họ và tên,Ngày sinh\nNguyễn Văn A,1980-01-01\n".encode()
    body = (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nmembers\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fuzz.csv\"\r\n"
        f"Content-Type: text/csv\r\n\r\n"
    ).encode() + csv + f"\r\n--{boundary}--\r\n".encode()
    parsed = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=TIMEOUT)
    connection.request(
        "POST", f"/units/{unit}/import", body=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": f"multipart/form-data; boundary={boundary}"})
    response = connection.getresponse()
    response.read()
    match = re.search(r"/imports/([0-9A-Fa-f-]{36})", response.headers.get("Location") or "")
    return match.group(1) if match else None


# The parameters every route reads (`date`, `lang`) get their kind's extremes on every route, and the common extremes
# in turn, a few on each route: each still reaches every one of them many times per role.
EVERYWHERE = ("date", "lang")
COMMON_PER_ROUTE = 2


def values_for(parameter: dict, route_index: int) -> list[str]:
    kind = parameter["kind"]
    own = list(parameter.get("values") or [])
    if parameter["name"] in EVERYWHERE:
        start = route_index * COMMON_PER_ROUTE
        common = [COMMON[(start + i) % len(COMMON)] for i in range(COMMON_PER_ROUTE)]
    else:
        common = COMMON
    return own + BY_KIND.get(kind, []) + common


def requests_for(route: dict, route_index: int, ids: dict) -> tuple[str, list[str], list[str]]:
    """The requests of one route for one role: the plain one (no query); those every route answers before its handler
    runs (other and wrong ids, the parameters every route reads); those only its handler reads (the path's values,
    the declared query parameters), each parameter with each extreme value."""
    path = route["path"]
    values = {name: "2020" for name in route["values"]}

    def target(objects: dict, path_values: dict, query: dict) -> str:
        parts = []
        for part in path.split("/")[1:]:
            if part.startswith(":"):
                name = part[1:]
                value = objects.get(name) if name in route["objects"] else path_values.get(name)
                parts.append(urllib.parse.quote(value, safe=""))
            else:
                parts.append(part)
        query_text = urllib.parse.urlencode(query, quote_via=urllib.parse.quote)
        return "/" + "/".join(parts) + ("?" + query_text if query_text else "")

    objects = {name: ids.get(kind) or str(uuid.uuid4()) for name, kind in route["objects"].items()}
    before: list[str] = []
    handler: list[str] = []
    for name, kind in route["objects"].items():
        if kind == "unit":
            for other in ids.get("other_units", []):
                before.append(target({**objects, name: other}, values, {}))
        for wrong in (str(uuid.uuid4()), "not-an-id"):
            before.append(target({**objects, name: wrong}, values, {}))
    for name in route["values"]:
        kind = "period" if name == "period" else "year"
        for value in BY_KIND[kind] + COMMON:
            handler.append(target(objects, {**values, name: value}, {}))
    for parameter in route["query"]:
        requests = before if parameter["name"] in EVERYWHERE else handler
        for value in values_for(parameter, route_index):
            requests.append(target(objects, values, {parameter["name"]: value}))
    return target(objects, values, {}), before, handler


class Run:
    def __init__(self, url: str, pid: int):
        self.url, self.pid = url, pid
        self.failures: list[str] = []
        self.statuses: dict[int, int] = {}
        self.slowest: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.dead = threading.Event()

    def alive(self) -> bool:
        try:
            os.kill(self.pid, 0)
        except OSError:
            return False
        return True

    def one(self, client: Client, role: str, target: str) -> int | None:
        """Asks `target`; returns the status, None when there was no answer."""
        if self.dead.is_set():
            return None
        shown = f"{role} GET {target[:300]}{'…' if len(target) > 300 else ''}"
        try:
            status, body, seconds = client.get(target)
        except (socket.timeout, TimeoutError):
            with self.lock:
                self.failures.append(f"no answer within {TIMEOUT:.0f} s: {shown}")
            return None
        except OSError as error:
            if not self.alive():
                self.dead.set()
                with self.lock:
                    self.failures.append(f"the server process died: {shown} ({error})")
            else:
                with self.lock:
                    self.failures.append(f"connection failed ({error}): {shown}")
            return None
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
            self.slowest.append((seconds, shown))
            if status >= 500:
                excerpt = body[:300].decode(errors="replace").replace("\n", " ")
                self.failures.append(f"{status}: {shown}\n      {excerpt}")
        return status

    def walk(self, role: str, client: Client, routes: list[dict], ids: dict, workers: int) -> None:
        """Each route's plain request first; the handler's parameters only where the role reaches the handler (not
        401, 403 or 404), every other request everywhere."""
        started = time.monotonic()
        planned = [requests_for(route, index, ids) for index, route in enumerate(routes)]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            plain = list(pool.map(lambda p: self.one(client, role, p[0]), planned))
        targets = [t for (_, before, handler), status in zip(planned, plain) for t in before + (
            handler if status is not None and status not in (401, 403, 404) else [])]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for target in targets:
                pool.submit(self.one, client, role, target)
        skipped = sum(len(h) for (_, _, h), s in zip(planned, plain) if s in (401, 403, 404))
        say(f"{role}: {len(planned) + len(targets)} requests in {time.monotonic() - started:.0f} s "
            f"({skipped} to handlers the role does not reach left out)")


def raw_status(url: str, request: bytes) -> str:
    """The status line the server answers `request` with, sent whole over one socket."""
    parsed = urllib.parse.urlsplit(url)
    with socket.create_connection((parsed.hostname, parsed.port), timeout=TIMEOUT) as connection:
        sender = threading.Thread(target=lambda: _send_all(connection, request))
        sender.start()
        received = b""
        try:
            while b"\r\n" not in received:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                received += chunk
        except OSError as error:
            return f"<{error.__class__.__name__}: {error}>"
        sender.join(timeout=TIMEOUT)
        return received.split(b"\r\n", 1)[0].decode(errors="replace") or "<closed without an answer>"


def _send_all(connection: socket.socket, data: bytes) -> None:
    try:
        connection.sendall(data)
    except OSError:
        pass  # the server may close after answering; the status line tells


def oversized(run: Run) -> None:
    host = urllib.parse.urlsplit(run.url).netloc
    cases = [
        ("a 1 MB query string", b"GET /members?q=" + b"a" * 1_000_000 + b" HTTP/1.1\r\nHost: " + host.encode()
         + b"\r\n\r\n", "414"),
        ("a 100 KB path", b"GET /" + b"b" * 100_000 + b" HTTP/1.1\r\nHost: " + host.encode() + b"\r\n\r\n", "414"),
        ("100 KB of headers", b"GET /health HTTP/1.1\r\nHost: " + host.encode() + b"\r\n"
         + b"".join(b"X-Filler-%d: %s\r\n" % (i, b"c" * 1000) for i in range(100)) + b"\r\n", "431"),
    ]
    for name, request, expected in cases:
        status = raw_status(run.url, request)
        ok = status.split(" ")[1:2] == [expected]
        say(f"{name}: {status!r}{'' if ok else f' (expected {expected})'}")
        if not ok:
            run.failures.append(f"{name} answered {status!r}, not {expected}")
    if not run.alive():
        run.failures.append("the server process died after the oversized requests")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--routes", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("GANDAN_FUZZ_WORKERS", "2")))
    arguments = parser.parse_args()
    started = time.monotonic()

    with open(arguments.routes, encoding="utf-8") as f:
        routes = [r for r in json.load(f) if r["method"] == "GET" and "**" not in r["path"]]
    say(f"{len(routes)} GET routes in the route table")
    ids = Ids(arguments.database)
    admin_ids = ids.admin()
    admin_ids["upload"] = upload(arguments.url, arguments.token, admin_ids["unit"])
    secretary_ids = ids.secretary(admin_ids)
    missing = [kind for kind in set().union(*(r["objects"].values() for r in routes)) if not admin_ids.get(kind)]
    if missing:
        raise SystemExit(f"get-fuzz: the demo has no object of kind {', '.join(sorted(missing))}")

    run = Run(arguments.url, arguments.pid)
    roles = [
        ("secretary", Client(arguments.url, {"Cookie": sign_in(arguments.url)}), secretary_ids),
        ("admin", Client(arguments.url, {"Authorization": f"Bearer {arguments.token}"}), admin_ids),
    ]
    for role, client, role_ids in roles:
        run.walk(role, client, routes, role_ids, arguments.workers)
        if run.dead.is_set():
            break
    if not run.dead.is_set():
        oversized(run)
    if not run.alive() and not run.dead.is_set():
        run.failures.append("the server process is not running at the end")

    answered = sum(run.statuses.values())
    say("answers by status: " + ", ".join(f"{s}: {n}" for s, n in sorted(run.statuses.items())))
    for seconds, shown in sorted(run.slowest, reverse=True)[:5]:
        say(f"slow: {seconds:.2f} s {shown[:160]}")
    say(f"{answered} answers in {time.monotonic() - started:.0f} s")
    if run.failures:
        say(f"{len(run.failures)} failure(s):")
        for failure in run.failures[:60]:
            print("  " + failure)
        sys.exit(1)
    say("no 5xx, no hang, no crash")


if __name__ == "__main__":
    main()
