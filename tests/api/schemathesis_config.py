"""Writes schemathesis.toml for scripts/api-test: every operation with an object in its path (`{unit}`, `{cell}`, ...) is pointed at a
real object of the demo database (a random UUID would only ever meet a 404), so the fuzzer reaches the
answers with data and checks them against the document. Usage: schemathesis_config.py DEMO.sqlite OUT.toml
"""

import re
import sqlite3
import sys


def main(database: str, out: str) -> None:
    db = sqlite3.connect(database)

    def one(query: str) -> str:
        row = db.execute(query).fetchone()
        if row is None or row[0] is None:
            raise SystemExit(f"schemathesis_config: the demo database has nothing for: {query}")
        return str(row[0])

    busiest_cell = one(
        "select organisation_id from meetings group by organisation_id order by count(*) desc, organisation_id limit 1"
    )
    ids = {
        "unit": one("select unit_id from units where code = '072'"),
        "commune": one(
            "select c.unit_id from units c join units d on c.parent_unit_id = d.unit_id "
            "where d.code = '072' order by c.code limit 1"
        ),
        "village": one("select unit_id from households group by unit_id order by count(*) desc, unit_id limit 1"),
        "cell": busiest_cell,
        "candidate_cell": one("select organisation_id from candidates order by organisation_id limit 1"),
        "member": one("select id from members order by id limit 1"),
        "meeting": one(f"select id from meetings where organisation_id = '{busiest_cell}' order by date desc limit 1"),
        "plan": one("select id from placement_plans order by id limit 1"),
        "directive": one("select id from directives order by id limit 1"),
        "candidate": one("select id from candidates order by id limit 1"),
        "household": one("select id from households order by id limit 1"),
        "feedback": one("select id from citizen_feedback order by id limit 1"),
        "supervision": one("select id from leader_supervisions order by id limit 1"),
    }
    # Path template -> which object its object parameter names.
    operations = {
        "/api/units/{unit}": "unit",
        "/api/units/{unit}/impact": "commune",
        "/api/units/{unit}/dashboard": "unit",
        "/api/units/{unit}/feedback-counts": "commune",
        "/api/units/{unit}/households": "village",
        "/api/units/{unit}/criteria/{year}": "village",
        "/api/cells/{cell}": "cell",
        "/api/cells/{cell}/meetings": "cell",
        "/api/cells/{cell}/tasks": "cell",
        "/api/cells/{cell}/absence-flags": "cell",
        "/api/cells/{cell}/quality": "cell",
        "/api/cells/{cell}/thematic-plans/{year}": "cell",
        "/api/cells/{cell}/feedback": "cell",
        "/api/cells/{cell}/supervision": "cell",
        "/api/cells/{cell}/ratings/{period}": "cell",
        "/api/cells/{cell}/candidates": "candidate_cell",
        "/api/members/{member}": "member",
        "/api/meetings/{meeting}": "meeting",
        "/api/meetings/{meeting}/cancel": "meeting",
        "/api/meetings/{meeting}/minutes": "meeting",
        "/api/placement/plans/{plan}": "plan",
        "/api/placement/plans/{plan}/rerun": "plan",
        "/api/placement/plans/{plan}/approve": "plan",
        "/api/placement/plans/{plan}/correct": "plan",
        "/api/directives/{directive}": "directive",
        "/api/candidates/{candidate}": "candidate",
        "/api/candidates/{candidate}/steps": "candidate",
        "/api/households/{household}/statuses/{year}": "household",
        "/api/feedback/{feedback}/steps": "feedback",
        "/api/supervision/{supervision}/report-back": "supervision",
    }
    lines = []
    for path, kind in operations.items():
        lines.append("[[operations]]")
        lines.append(f'include-path = "{path}"')
        name = next(p for p in re.findall(r"\{(\w+)\}", path) if p not in ("year", "period"))
        parameters = [f'"path.{name}" = "{ids[kind]}"']
        if "{year}" in path:
            parameters.append('"path.year" = "2020"')
        if "{period}" in path:
            parameters.append('"path.period" = "2020"')
        lines.append("parameters = { " + ", ".join(parameters) + " }")
        lines.append("")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
