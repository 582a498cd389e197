import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanStorage

/// Every registered route × every role × an object inside and one outside the role's scope (issue "Accounts").
/// A route without an entry here fails the test, so no route ships without a decision on who may use it.
@Suite("Access matrix: every route, every role, inside and outside the scope (rules.md R30)")
struct AccessMatrixTests {
    enum Who: String, CaseIterable, Sendable {
        case anonymous, admin, planner, secretary, viewer, auditor
    }

    /// The objects a request is made about.
    struct Objects: Sendable {
        var unit: UUID
        var cell: UUID
        var member: UUID
        /// An API token of the caller (inside) or of another user (outside).
        var token = UUID()
        /// A commune with an agency cell, a fresh draft plan for it, a member of that plan and a village cell.
        var commune = UUID()
        var plan = UUID()
        var planMember = UUID()
        var planCell = UUID()
        var directive = UUID()
        /// A meeting of the cell (fresh and planned for each request) and a household of the village.
        var meeting = UUID()
        var household = UUID()
        /// Citizens' feedback (fresh for each request), a comment on a leader, a candidate.
        var feedback = UUID()
        var supervision = UUID()
        var candidate = UUID()
        /// An import upload (fresh for each request), the caller's own inside, another user's outside.
        var upload = UUID()
    }

    /// How to call a route and what each role gets, inside and outside its scope.
    struct Entry: Sendable {
        var path: @Sendable (Objects) -> String
        var body: (@Sendable (Objects) -> String)? = nil
        var expect: @Sendable (Who, Bool) -> UInt
    }

    /// Commune-level work (placement): secretaries hold a cell, so a commune is outside their scope.
    static func commune(_ who: Who, _ inside: Bool, ok: UInt, page: Bool, write: Bool) -> UInt {
        switch who {
        case .anonymous: return page && !write ? 303 : 401
        case .admin: return ok
        case .secretary: return 404
        case .planner: return inside ? ok : 404
        case .viewer, .auditor: return inside ? (write ? 403 : ok) : 404
        }
    }

    static func read(_ who: Who, _ inside: Bool, page: Bool) -> UInt {
        switch who {
        case .anonymous: return page ? 303 : 401
        case .admin: return 200
        default: return inside ? 200 : 404
        }
    }

    static func write(_ who: Who, _ inside: Bool, ok: UInt, page: Bool) -> UInt {
        switch who {
        case .anonymous: return 401
        case .admin: return ok
        case .planner, .secretary: return inside ? ok : 404
        case .viewer, .auditor: return inside ? 403 : 404
        }
    }

    /// Imports: planners (and administrators) in their units; an upload is seen by its owner only.
    static func importer(_ who: Who, _ inside: Bool, ok: UInt, page: Bool, owned: Bool) -> UInt {
        switch who {
        case .anonymous: return page ? 303 : 401
        case .admin: return inside || !owned ? ok : 404
        case .planner: return inside ? ok : 404
        case .secretary, .viewer, .auditor: return inside ? 403 : 404
        }
    }

    static let entries: [String: Entry] = [
        "GET /health": Entry(path: { _ in "/health" }, expect: { _, _ in 200 }),
        // Counts per route pattern and the API's description: no personal data, open like /health.
        "GET /metrics": Entry(path: { _ in "/metrics" }, expect: { _, _ in 200 }),
        "GET /openapi.json": Entry(path: { _ in "/openapi.json" }, expect: { _, _ in 200 }),
        "GET /login": Entry(path: { _ in "/login" }, expect: { _, _ in 200 }),
        // Token requests carry no cookie, so no CSRF check: the empty form is a failed sign-in.
        "POST /login": Entry(
            path: { _ in "/login" }, body: { _ in "username=&password=" },
            expect: { who, _ in who == .anonymous ? 403 : 401 }),
        "POST /logout": Entry(path: { _ in "/logout" }, body: { _ in "" }, expect: { _, _ in 303 }),
        "GET /": Entry(path: { _ in "/" }, expect: { who, _ in read(who, true, page: true) }),
        "GET /units/:id": Entry(
            path: { objects in "/units/\(objects.unit)?date=2019-03-15" },
            expect: { read($0, $1, page: true) }),
        "GET /cells/:id": Entry(
            path: { objects in "/cells/\(objects.cell)?date=2019-03-15" }, expect: { read($0, $1, page: true) }),
        "GET /members": Entry(path: { _ in "/members" }, expect: { who, _ in read(who, true, page: true) }),
        "GET /members/:id": Entry(
            path: { objects in "/members/\(objects.member)" }, expect: { read($0, $1, page: true) }),
        "GET /members/:id/edit": Entry(
            path: { objects in "/members/\(objects.member)/edit" },
            expect: { who, inside in who == .anonymous ? 303 : write(who, inside, ok: 200, page: true) }),
        "POST /members/:id": Entry(
            path: { objects in "/members/\(objects.member)" }, body: { _ in "phone=0912345678" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "GET /account": Entry(path: { _ in "/account" }, expect: { who, _ in read(who, true, page: true) }),
        "POST /account/tokens": Entry(
            path: { _ in "/account/tokens" }, body: { _ in "name=matrix" },
            expect: { who, _ in who == .anonymous ? 401 : 200 }),
        "POST /account/tokens/:id/revoke": Entry(
            path: { objects in "/account/tokens/\(objects.token)/revoke" }, body: { _ in "" },
            expect: { who, inside in who == .anonymous ? 401 : inside ? 303 : 404 }),
        "GET /audit": Entry(
            path: { _ in "/audit" },
            expect: { who, _ in who == .anonymous ? 303 : who == .admin || who == .auditor ? 200 : 403 }),
        "GET /api/units": Entry(path: { _ in "/api/units" }, expect: { who, _ in read(who, true, page: false) }),
        "GET /api/units/:id": Entry(
            path: { objects in "/api/units/\(objects.unit)?date=2019-03-15" },
            expect: { read($0, $1, page: false) }),
        "GET /api/cells/:id": Entry(
            path: { objects in "/api/cells/\(objects.cell)?date=2019-03-15" },
            expect: { read($0, $1, page: false) }),
        "GET /api/members": Entry(path: { _ in "/api/members" }, expect: { who, _ in read(who, true, page: false) }),
        "GET /api/members/:id": Entry(
            path: { objects in "/api/members/\(objects.member)" }, expect: { read($0, $1, page: false) }),
        "PATCH /api/members/:id": Entry(
            path: { objects in "/api/members/\(objects.member)" }, body: { _ in #"{"phone": "0912345678"}"# },
            expect: { write($0, $1, ok: 200, page: false) }),
        "GET /api/tokens": Entry(path: { _ in "/api/tokens" }, expect: { who, _ in read(who, true, page: false) }),
        "POST /api/tokens": Entry(
            path: { _ in "/api/tokens" }, body: { _ in #"{"name": "matrix"}"# },
            expect: { who, _ in who == .anonymous ? 401 : 201 }),
        "DELETE /api/tokens/:id": Entry(
            path: { objects in "/api/tokens/\(objects.token)" },
            expect: { who, inside in who == .anonymous ? 401 : inside ? 204 : 404 }),
        "GET /placement": Entry(path: { _ in "/placement" }, expect: { who, _ in read(who, true, page: true) }),
        "POST /placement/plans": Entry(
            path: { _ in "/placement/plans" }, body: { "unit=\($0.commune)&date=2019-04-01" },
            expect: { commune($0, $1, ok: 303, page: true, write: true) }),
        "GET /placement/plans/:id": Entry(
            path: { "/placement/plans/\($0.plan)" }, expect: { commune($0, $1, ok: 200, page: true, write: false) }),
        "POST /placement/plans/:id/move": Entry(
            path: { "/placement/plans/\($0.plan)/move?date=2019-04-01" },
            body: { "member=\($0.planMember)&cell=\($0.planCell)" },
            expect: { commune($0, $1, ok: 200, page: true, write: true) }),
        "POST /placement/plans/:id/approve": Entry(
            path: { "/placement/plans/\($0.plan)/approve" }, body: { _ in "decisionDate=2019-04-25&version=1" },
            expect: { commune($0, $1, ok: 303, page: true, write: true) }),
        "GET /placement/plans/:id/decision": Entry(
            path: { "/placement/plans/\($0.plan)/decision" },
            expect: { commune($0, $1, ok: 200, page: true, write: false) }),
        // The fresh plan is a draft: only an approved plan can be corrected, so allowed roles get 409.
        "POST /placement/plans/:id/correct": Entry(
            path: { "/placement/plans/\($0.plan)/correct" }, body: { _ in "" },
            expect: { commune($0, $1, ok: 409, page: true, write: true) }),
        "POST /api/placement/plans/:id/correct": Entry(
            path: { "/api/placement/plans/\($0.plan)/correct" }, body: { _ in "{}" },
            expect: { commune($0, $1, ok: 409, page: false, write: true) }),
        "GET /directives/:id": Entry(
            path: { "/directives/\($0.directive)?date=2019-04-01" },
            expect: { commune($0, $1, ok: 200, page: true, write: false) }),
        "GET /charter/:id": Entry(
            path: { "/charter/\($0.commune)?date=2019-04-01" },
            expect: { commune($0, $1, ok: 200, page: true, write: false) }),
        "POST /api/placement/plans": Entry(
            path: { _ in "/api/placement/plans" }, body: { #"{"unit_id": "\#($0.commune)", "date": "2019-04-01"}"# },
            expect: { commune($0, $1, ok: 201, page: false, write: true) }),
        "GET /api/placement/plans/:id": Entry(
            path: { "/api/placement/plans/\($0.plan)" },
            expect: { commune($0, $1, ok: 200, page: false, write: false) }),
        "POST /api/placement/plans/:id/rerun": Entry(
            path: { "/api/placement/plans/\($0.plan)/rerun?date=2019-04-01" },
            body: { #"{"pins": {"\#($0.planMember)": "\#($0.planCell)"}}"# },
            expect: { commune($0, $1, ok: 200, page: false, write: true) }),
        "POST /api/placement/plans/:id/approve": Entry(
            path: { "/api/placement/plans/\($0.plan)/approve" },
            body: { _ in #"{"decision_date": "2019-04-25", "version": 1}"# },
            expect: { commune($0, $1, ok: 200, page: false, write: true) }),
        "GET /api/directives/:id": Entry(
            path: { "/api/directives/\($0.directive)?date=2019-04-01" },
            expect: { commune($0, $1, ok: 200, page: false, write: false) }),
        "GET /cells/:id/meetings": Entry(
            path: { "/cells/\($0.cell)/meetings?year=2019" }, expect: { read($0, $1, page: true) }),
        "POST /cells/:id/meetings": Entry(
            path: { "/cells/\($0.cell)/meetings" }, body: { _ in "kind=regular&date=2019-06-05&time=07:30" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "POST /cells/:id/thematic-plans": Entry(
            path: { "/cells/\($0.cell)/thematic-plans" },
            body: { _ in "year=2019&topics[0][month]=2019-03&topics[0][title]=L%C3%AA" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "GET /meetings/:id": Entry(path: { "/meetings/\($0.meeting)" }, expect: { read($0, $1, page: true) }),
        "GET /meetings/:id/minutes": Entry(
            path: { "/meetings/\($0.meeting)/minutes" },
            expect: { who, inside in who == .anonymous ? 303 : write(who, inside, ok: 200, page: true) }),
        // An empty roll call is refused, so roles allowed to write get 422 rather than a 403 or 404.
        "POST /meetings/:id/minutes": Entry(
            path: { "/meetings/\($0.meeting)/minutes" }, body: { _ in "start=07:30&end=09:15&conclusion=x" },
            expect: { write($0, $1, ok: 422, page: true) }),
        "GET /api/cells/:id/meetings": Entry(
            path: { "/api/cells/\($0.cell)/meetings" }, expect: { read($0, $1, page: false) }),
        "POST /api/cells/:id/meetings": Entry(
            path: { "/api/cells/\($0.cell)/meetings" },
            body: { _ in #"{"kind": "regular", "date": "2019-06-05", "scheduled_start": "07:30"}"# },
            expect: { write($0, $1, ok: 201, page: false) }),
        "GET /api/meetings/:id": Entry(path: { "/api/meetings/\($0.meeting)" }, expect: { read($0, $1, page: false) }),
        "PUT /api/meetings/:id/minutes": Entry(
            path: { "/api/meetings/\($0.meeting)/minutes" },
            body: { _ in #"{"start_time": "07:30", "end_time": "09:15", "conclusion": "x"}"# },
            expect: { write($0, $1, ok: 422, page: false) }),
        "POST /api/meetings/:id/cancel": Entry(
            path: { "/api/meetings/\($0.meeting)/cancel" }, body: { _ in "{}" },
            expect: { write($0, $1, ok: 200, page: false) }),
        "GET /api/cells/:id/tasks": Entry(
            path: { "/api/cells/\($0.cell)/tasks" }, expect: { read($0, $1, page: false) }),
        "GET /api/cells/:id/absence-flags": Entry(
            path: { "/api/cells/\($0.cell)/absence-flags?year=2019" }, expect: { read($0, $1, page: false) }),
        "GET /api/cells/:id/quality": Entry(
            path: { "/api/cells/\($0.cell)/quality" }, expect: { read($0, $1, page: false) }),
        "GET /api/cells/:id/thematic-plans/:year": Entry(
            path: { "/api/cells/\($0.cell)/thematic-plans/2019" }, expect: { read($0, $1, page: false) }),
        "PUT /api/cells/:id/thematic-plans/:year": Entry(
            path: { "/api/cells/\($0.cell)/thematic-plans/2019" },
            body: { _ in #"{"topics": [{"month": "2019-03", "title": "Lê"}]}"# },
            expect: { write($0, $1, ok: 200, page: false) }),
        "GET /units/:id/households": Entry(
            path: { "/units/\($0.unit)/households?year=2019" }, expect: { read($0, $1, page: true) }),
        "POST /units/:id/households": Entry(
            path: { "/units/\($0.unit)/households" }, body: { _ in "headName=Ma%20V%C4%83n%20A&status=poor&year=2019" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "POST /households/:id/status": Entry(
            path: { "/households/\($0.household)/status" }, body: { _ in "status=escaped&year=2020" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "GET /units/:id/criteria": Entry(
            path: { "/units/\($0.unit)/criteria?year=2019" }, expect: { read($0, $1, page: true) }),
        "POST /units/:id/criteria": Entry(
            path: { "/units/\($0.unit)/criteria" }, body: { _ in "year=2019&met[17]=on" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "GET /api/units/:id/households": Entry(
            path: { "/api/units/\($0.unit)/households?year=2019" }, expect: { read($0, $1, page: false) }),
        "POST /api/units/:id/households": Entry(
            path: { "/api/units/\($0.unit)/households" },
            body: { _ in #"{"head_name": "Ma Văn A", "year": 2019, "status": "poor"}"# },
            expect: { write($0, $1, ok: 201, page: false) }),
        "PUT /api/households/:id/statuses/:year": Entry(
            path: { "/api/households/\($0.household)/statuses/2020" }, body: { _ in #"{"status": "escaped"}"# },
            expect: { write($0, $1, ok: 200, page: false) }),
        "GET /api/units/:id/criteria/:year": Entry(
            path: { "/api/units/\($0.unit)/criteria/2019" }, expect: { read($0, $1, page: false) }),
        "PUT /api/units/:id/criteria/:year": Entry(
            path: { "/api/units/\($0.unit)/criteria/2019" }, body: { _ in #"{"met": {"17": true}}"# },
            expect: { write($0, $1, ok: 200, page: false) }),
        "GET /cells/:id/feedback": Entry(path: { "/cells/\($0.cell)/feedback" }, expect: { read($0, $1, page: true) }),
        "POST /cells/:id/feedback": Entry(
            path: { "/cells/\($0.cell)/feedback" },
            body: { _ in "receivedOn=2019-06-05&receivedBy=A&topic=land&summary=x" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "POST /feedback/:id/step": Entry(
            path: { "/feedback/\($0.feedback)/step" },
            body: { _ in "step=forward&to=communePeoplesCommittee&date=2019-06-06" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "GET /units/:id/feedback": Entry(path: { "/units/\($0.unit)/feedback" }, expect: { read($0, $1, page: true) }),
        "GET /api/cells/:id/feedback": Entry(
            path: { "/api/cells/\($0.cell)/feedback" }, expect: { read($0, $1, page: false) }),
        "POST /api/cells/:id/feedback": Entry(
            path: { "/api/cells/\($0.cell)/feedback" },
            body: { _ in
                #"{"received_on": "2019-06-05", "received_by": "A", "topic": "land", "summary": "x", "name_consent": false}"#
            }, expect: { write($0, $1, ok: 201, page: false) }),
        "POST /api/feedback/:id/steps": Entry(
            path: { "/api/feedback/\($0.feedback)/steps" },
            body: { _ in #"{"step": "forward", "to": "communePeoplesCommittee", "date": "2019-06-06"}"# },
            expect: { write($0, $1, ok: 200, page: false) }),
        "GET /api/units/:id/feedback-counts": Entry(
            path: { "/api/units/\($0.unit)/feedback-counts" }, expect: { read($0, $1, page: false) }),
        "GET /cells/:id/supervision": Entry(
            path: { "/cells/\($0.cell)/supervision" }, expect: { read($0, $1, page: true) }),
        // The member named is not a key leader of the cell, so roles allowed to write get 422.
        "POST /cells/:id/supervision": Entry(
            path: { "/cells/\($0.cell)/supervision" },
            body: { "leaderID=\($0.member)&year=2019&commentedOn=2019-12-20&comment=x" },
            expect: { write($0, $1, ok: 422, page: true) }),
        "POST /supervision/:id/report-back": Entry(
            path: { "/supervision/\($0.supervision)/report-back" }, body: { _ in "text=x&reportedOn=2020-01-05" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "GET /units/:id/supervision": Entry(
            path: { "/units/\($0.unit)/supervision" }, expect: { read($0, $1, page: true) }),
        "GET /api/cells/:id/supervision": Entry(
            path: { "/api/cells/\($0.cell)/supervision" }, expect: { read($0, $1, page: false) }),
        "POST /api/cells/:id/supervision": Entry(
            path: { "/api/cells/\($0.cell)/supervision" },
            body: { #"{"leader_id": "\#($0.member)", "year": 2019, "commented_on": "2019-12-20", "comment": "x"}"# },
            expect: { write($0, $1, ok: 422, page: false) }),
        "POST /api/supervision/:id/report-back": Entry(
            path: { "/api/supervision/\($0.supervision)/report-back" },
            body: { _ in #"{"reported_on": "2020-01-05", "text": "x"}"# },
            expect: { write($0, $1, ok: 200, page: false) }),
        "GET /cells/:id/candidates": Entry(
            path: { "/cells/\($0.cell)/candidates" }, expect: { read($0, $1, page: true) }),
        "POST /cells/:id/candidates": Entry(
            path: { "/cells/\($0.cell)/candidates" },
            body: { _ in "fullName=Ma%20V%C4%83n%20C&birthDate=2000-01-01&education=12%2F12&listedOn=2019-06-01" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "GET /units/:id/candidates": Entry(
            path: { "/units/\($0.unit)/candidates" }, expect: { read($0, $1, page: true) }),
        "GET /candidates/:id": Entry(path: { "/candidates/\($0.candidate)" }, expect: { read($0, $1, page: true) }),
        "POST /candidates/:id/steps": Entry(
            path: { "/candidates/\($0.candidate)/steps" }, body: { _ in "step=awarenessCertificate&date=2019-07-01" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "GET /api/cells/:id/candidates": Entry(
            path: { "/api/cells/\($0.cell)/candidates" }, expect: { read($0, $1, page: false) }),
        "POST /api/cells/:id/candidates": Entry(
            path: { "/api/cells/\($0.cell)/candidates" },
            body: { _ in
                #"{"full_name": "Ma Văn C", "birth_date": "2000-01-01", "education": "12/12", "listed_on": "2019-06-01"}"#
            }, expect: { write($0, $1, ok: 201, page: false) }),
        "GET /api/candidates/:id": Entry(
            path: { "/api/candidates/\($0.candidate)" }, expect: { read($0, $1, page: false) }),
        "POST /api/candidates/:id/steps": Entry(
            path: { "/api/candidates/\($0.candidate)/steps" },
            body: { _ in #"{"step": "awarenessCertificate", "date": "2019-07-01"}"# },
            expect: { write($0, $1, ok: 200, page: false) }),
        "GET /cells/:id/ratings": Entry(
            path: { "/cells/\($0.cell)/ratings?year=2019" }, expect: { read($0, $1, page: true) }),
        "POST /cells/:id/ratings": Entry(
            path: { "/cells/\($0.cell)/ratings" }, body: { _ in "period=2019" },
            expect: { write($0, $1, ok: 303, page: true) }),
        "GET /api/cells/:id/ratings/:period": Entry(
            path: { "/api/cells/\($0.cell)/ratings/2019" }, expect: { read($0, $1, page: false) }),
        "PUT /api/cells/:id/ratings/:period": Entry(
            path: { "/api/cells/\($0.cell)/ratings/2019" }, body: { _ in #"{"entries": []}"# },
            expect: { write($0, $1, ok: 200, page: false) }),
        "GET /units/:id/impact": Entry(
            path: { "/units/\($0.unit)/impact?placement=2019-04-25" }, expect: { read($0, $1, page: true) }),
        "GET /api/units/:id/impact": Entry(
            path: { "/api/units/\($0.unit)/impact?placement=2019-04-25&months=6" },
            expect: { read($0, $1, page: false) }),
        "GET /cells/:id/report": Entry(
            path: { "/cells/\($0.cell)/report?month=2019-06" }, expect: { read($0, $1, page: true) }),
        "GET /units/:id/summary": Entry(
            path: { "/units/\($0.commune)/summary?from=2019-04&to=2019-06" },
            expect: { commune($0, $1, ok: 200, page: true, write: false) }),
        "GET /units/:id/dashboard": Entry(
            path: { "/units/\($0.unit)/dashboard?as_of=2019-04-25" }, expect: { read($0, $1, page: true) }),
        "GET /api/units/:id/dashboard": Entry(
            path: { "/api/units/\($0.unit)/dashboard?as_of=2019-04-25" }, expect: { read($0, $1, page: false) }),
        "GET /units/:id/import": Entry(
            path: { "/units/\($0.unit)/import" }, expect: { importer($0, $1, ok: 200, page: true, owned: false) }),
        // A form without a file: allowed roles get the form back with the message (422).
        "POST /units/:id/import": Entry(
            path: { "/units/\($0.unit)/import" }, body: { _ in "kind=members" },
            expect: { importer($0, $1, ok: 422, page: false, owned: false) }),
        "GET /imports/:id": Entry(
            path: { "/imports/\($0.upload)" }, expect: { importer($0, $1, ok: 200, page: true, owned: true) }),
        "POST /imports/:id/check": Entry(
            path: { "/imports/\($0.upload)/check" }, body: { _ in "col_full_name=0&col_cell_code=1" },
            expect: { importer($0, $1, ok: 200, page: false, owned: true) }),
        "GET /imports/:id/errors.csv": Entry(
            path: { "/imports/\($0.upload)/errors.csv" },
            expect: { importer($0, $1, ok: 200, page: true, owned: true) }),
        // The upload's rows are invalid, so allowed roles get the refused import (422) and nothing is written.
        "POST /imports/:id/confirm": Entry(
            path: { "/imports/\($0.upload)/confirm" }, body: { _ in "" },
            expect: { importer($0, $1, ok: 422, page: false, owned: true) }),
        "GET /api/audit": Entry(
            path: { _ in "/api/audit" },
            expect: { who, _ in who == .anonymous ? 401 : who == .admin || who == .auditor ? 200 : 403 }),
    ]

    /// A comment on a member of the cell, stored directly: the seeded cells hold no key leader to comment on.
    static func supervision(_ app: Application, cell: UUID, leader: UUID) async throws -> UUID {
        let record = SupervisionRecord()
        record.id = UUID()
        record.organisationID = cell
        record.memberID = leader
        record.year = 2019
        let body = LeaderSupervision(
            leaderID: leader.uuidString, period: .year(2019), commentedOn: Fixtures.date("2019-12-20"), comment: "Tốt")
        record.body = String(decoding: try JSONEncoder().encode(body), as: UTF8.self)
        record.createdBy = "tests"
        record.createdAt = Date()
        try await record.create(on: app.store)
        return record.id!
    }

    @Test("every route answers each role as the matrix says", arguments: TestDatabase.all)
    func matrix(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let day = Fixtures.date("2019-03-15")
            let tree = OrganisationTree(db: app.store, scope: .everything)
            var inside = Objects(
                unit: try #require(try await tree.unit(code: "00001.01", on: day)).id,
                cell: try #require(try await tree.organisation(code: "CB-00001.01")).id,
                member: try await app.member("Hoàng Văn Tài"),
                commune: try #require(try await tree.unit(code: "00001", on: day)).id)
            var outside = Objects(
                unit: try #require(try await tree.unit(code: "00002.01", on: day)).id,
                cell: try #require(try await tree.organisation(code: "CB-00002.01")).id,
                member: try await app.member("Ma Thị Thu"),
                commune: try #require(try await tree.unit(code: "00002", on: day)).id)
            let directives = Directives(db: app.store, scope: .everything)
            inside.directive = try await directives.create(
                title: "inside", legalBasis: "test", deadline: Fixtures.date("2019-04-30"), unitID: inside.commune,
                plannedOn: day, actor: .system)
            outside.directive = try await directives.create(
                title: "outside", legalBasis: "test", deadline: Fixtures.date("2019-04-30"), unitID: outside.commune,
                plannedOn: day, actor: .system)

            let register = HouseholdRegister(db: app.store, scope: .everything)
            inside.household = try await register.add(
                HouseholdDraft(headName: "Hộ trong", year: 2019, status: .poor), village: inside.unit, actor: .system
            ).id
            outside.household = try await register.add(
                HouseholdDraft(headName: "Hộ ngoài", year: 2019, status: .poor), village: outside.unit, actor: .system
            ).id

            inside.supervision = try await Self.supervision(app, cell: inside.cell, leader: inside.member)
            outside.supervision = try await Self.supervision(app, cell: outside.cell, leader: outside.member)
            let candidates = CandidateRegister(db: app.store, scope: .everything)
            inside.candidate = try await candidates.add(
                cellID: inside.cell,
                CandidateDraft(
                    fullName: "Quần chúng trong", birthDate: Fixtures.date("2000-01-01"), education: "12/12",
                    listedOn: Fixtures.date("2019-06-01")), actor: .system
            ).id
            outside.candidate = try await candidates.add(
                cellID: outside.cell,
                CandidateDraft(
                    fullName: "Quần chúng ngoài", birthDate: Fixtures.date("2000-01-01"), education: "12/12",
                    listedOn: Fixtures.date("2019-06-01")), actor: .system
            ).id

            let routes = app.routes.all.map { route in
                "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
            }
            for key in routes where Self.entries[key] == nil {
                Issue.record("the route \(key) has no entry in the access matrix")
            }
            let user: [Who: TestUser] = [
                .admin: users.admin, .planner: users.planner, .secretary: users.secretary, .viewer: users.viewer,
                .auditor: users.auditor,
            ]
            for key in routes.sorted() {
                guard let entry = Self.entries[key] else { continue }
                let method = HTTPMethod(rawValue: String(key.split(separator: " ")[0]))
                for who in Who.allCases {
                    for isInside in [true, false] {
                        let current = user[who]
                        var objects = isInside ? inside : outside
                        if key.contains("placement") {
                            // Each request gets a fresh draft, so approving or moving does not change the next one.
                            let commune = isInside ? inside.commune : outside.commune
                            let plan = try await PlacementPlans(db: app.store, scope: .everything).propose(
                                unitID: commune, on: Fixtures.date("2019-04-01"), actor: .system)
                            objects.plan = plan.id
                            objects.planMember = try #require(plan.decisions.first).memberID
                            objects.planCell = try #require(plan.communes.first?.proposal.received.keys.first)
                        }
                        if key.contains("meetings/:id") {
                            // A fresh planned meeting each time: calling one off changes it.
                            objects.meeting = try await CellMeetings(db: app.store, scope: .everything).plan(
                                cellID: objects.cell,
                                MeetingPlanDraft(
                                    kind: .regular, date: Fixtures.date("2019-06-05"),
                                    scheduledStart: TimeOfDay(hour: 7, minute: 30)!),
                                actor: .system
                            ).id
                        }
                        if key.contains("feedback/:id") {
                            // A fresh item each time: forwarding moves it on.
                            objects.feedback = try await FeedbackBook(db: app.store, scope: .everything).record(
                                cellID: objects.cell,
                                CitizenFeedback(
                                    receivedOn: Fixtures.date("2019-06-05"), receivedBy: "A", topic: .land,
                                    summary: "Đường vào bản hỏng"),
                                actor: .system
                            ).id
                        }
                        if key.contains("tokens/:id") {
                            let owner = isInside ? current : (who == .admin ? users.viewer : users.admin)
                            if let owner {
                                objects.token = try await UserDirectory(db: app.store)
                                    .createToken(for: owner.account.id, name: "matrix").info.id
                            }
                        }
                        if key.contains("imports/:id") {
                            let owner =
                                isInside ? (current ?? users.admin) : (who == .admin ? users.viewer : users.admin)
                            objects.upload = try await ImportUploads(db: app.store).create(
                                owner: owner.account.id, unitID: objects.unit, kind: .members, fileName: "m.csv",
                                format: .csv, content: Data("Họ và tên,Mã chi bộ\nA,CB-99999\n".utf8)
                            ).id
                        }
                        var headers = current?.bearer ?? [:]
                        var body: ByteBuffer?
                        if let text = entry.body?(objects) {
                            headers.contentType = text.hasPrefix("{") ? .json : .urlEncodedForm
                            body = ByteBuffer(string: text)
                        }
                        let expected = entry.expect(who, isInside)
                        try await app.testing().test(method, entry.path(objects), headers: headers, body: body) { res in
                            #expect(res.status.code == expected, "\(key) as \(who) \(isInside ? "inside" : "outside")")
                        }
                    }
                }
            }
        }
    }
}
