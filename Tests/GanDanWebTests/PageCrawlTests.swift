import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

@testable import GanDanWeb

/// Plain words everywhere (issue 20): every page a person reaches from the home page speaks the page's language,
/// and shows no rule codes, no field keys and no developer's notes.
@Suite("Every page in plain words: no rule codes, field keys or English on Vietnamese pages")
struct PageCrawlTests {
    /// A page found wanting: where, what rule of plain words it breaks, and the text.
    struct Offence: CustomStringConvertible {
        var url: String
        var kind: String
        var text: String
        var description: String { "\(url) [\(kind)] \(text)" }
    }

    static let budget = 400

    /// The same-site links of a page, without fragments; logout, sign-in, machine endpoints and files are left out.
    static func links(in html: String) -> [String] {
        let pattern = #/href="(/[^"#]*)/#
        return html.matches(of: pattern).map { String($0.output.1).replacingOccurrences(of: "&amp;", with: "&") }
            .filter { link in
                !link.hasPrefix("//")
                    && !["/logout", "/login", "/metrics", "/health", "/openapi.json", "/api/"]
                        .contains(where: { link == $0 || link.hasPrefix($0 + (($0.hasSuffix("/")) ? "" : "?")) })
                    && !link.hasPrefix("/api/") && !link.contains("format=") && !link.hasSuffix(".csv")
                    && !link.hasSuffix(".xlsx") && !link.hasSuffix(".docx") && !link.hasPrefix("/static")
                    && !link.hasSuffix(".css") && !link.hasSuffix(".js")
            }
    }

    /// The URL with ids of the same kind made one (`/cells/{id}/meetings?month`), so a list of a hundred meetings
    /// is visited once per kind of page.
    static func shape(_ url: String) -> String {
        let parts = url.split(separator: "?", maxSplits: 1)
        let path = parts[0].split(separator: "/").map { segment -> String in
            if UUID(uuidString: String(segment)) != nil { return "{id}" }
            if segment.allSatisfy({ $0.isNumber || $0 == "-" }) { return "{n}" }
            return String(segment)
        }.joined(separator: "/")
        let names =
            parts.count > 1
            ? parts[1].split(separator: "&").map { $0.split(separator: "=").first.map(String.init) ?? "" }.sorted()
                .joined(separator: "&") : ""
        return "/" + path + "?" + names
    }

    /// The text a person sees: text between tags and the hover titles, scripts and styles left out.
    static func visibleText(_ html: String) -> [String] {
        var text = html.replacing(#/<script[\s\S]*?</script>/#, with: " ")
        text = text.replacing(#/<style[\s\S]*?</style>/#, with: " ")
        let titles = text.matches(of: #/\b(?:title|placeholder|aria-label|alt)="([^"]*)"/#).map { String($0.output.1) }
        let nodes = text.replacing(#/<[^>]*>/#, with: "\n").split(separator: "\n").map {
            $0.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").trimmingCharacters(in: .whitespaces)
        }
        return (nodes + titles).filter { !$0.isEmpty }
    }

    /// English words that never belong in a Vietnamese sentence.
    static let englishWords: Set<String> = [
        "the", "is", "are", "was", "not", "cannot", "must", "please", "should", "with", "without", "warning",
        "error", "found", "sign", "again", "this", "there", "no", "yet", "has", "have", "before", "after", "at",
        "least", "of", "and", "or", "for", "meeting", "minutes", "member", "members", "cell", "task", "lasts",
    ]

    /// What breaks plain words in one piece of visible text (`vietnamese`: the page is the Vietnamese one).
    static func offences(in text: String, vietnamese: Bool) -> [String] {
        var found: [String] = []
        if text.contains("rules.md") { found.append("rules.md") }
        if text.contains(#/\b[RA]\d{1,2}\b/#) { found.append("rule code") }
        if text.contains(#/\b[a-z]+[A-Z][A-Za-z]*\b/#) { found.append("camelCase key") }
        if text.contains(#/\b[a-z]+_[a-z_]+\b/#) { found.append("snake_case key") }
        if vietnamese {
            let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
            if words.contains(where: { englishWords.contains(String($0)) }) { found.append("English") }
        }
        return found
    }

    /// Follows every same-site link from the home page as `headers` sees it, up to `budget` shapes of page.
    static func crawl(_ app: Application, headers: HTTPHeaders, vietnamese: Bool) async throws -> (
        pages: Int, offences: [Offence]
    ) {
        var queue = ["/"]
        var shapes: Set<String> = [shape("/")]
        var offences: [Offence] = []
        var pages = 0
        while !queue.isEmpty && pages < budget {
            let url = queue.removeFirst()
            try await app.testing().test(.GET, url, headers: headers) { res in
                guard res.status == .ok, res.headers.contentType?.subType == "html" else { return }
                pages += 1
                let html = res.body.string
                for text in visibleText(html) {
                    for kind in Self.offences(in: text, vietnamese: vietnamese) {
                        offences.append(Offence(url: url, kind: kind, text: String(text.prefix(160))))
                    }
                }
                for link in links(in: html) where shapes.insert(shape(link)).inserted {
                    queue.append(link)
                }
            }
        }
        return (pages, offences)
    }

    @Test("the words of plain pages are caught: a rule code, a field key, English on a Vietnamese page")
    func detector() {
        #expect(
            Self.offences(in: "a regular meeting lasts at least 90 minutes (rules.md R8)", vietnamese: true).count >= 3)
        #expect(Self.offences(in: "endTime: quá ngắn", vietnamese: true) == ["camelCase key"])
        #expect(Self.offences(in: "birth_date", vietnamese: false) == ["snake_case key"])
        #expect(
            Self.offences(
                in: "Giờ kết thúc: Cuộc họp kết thúc lúc 07:00, không sau giờ bắt đầu 07:30.", vietnamese: true
            ).isEmpty)
        #expect(Self.offences(in: "The meeting ends at 07:00.", vietnamese: false).isEmpty)
        #expect(
            Self.shape("/cells/\(UUID())/meetings?month=2019-06") == Self.shape("/cells/\(UUID())/meetings?month=1"))
    }

    @Test(
        "for each role and language, every page reached from the home page speaks plainly",
        arguments: TestDatabase.all)
    func crawl(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            try await Self.seedMeeting(app)
            let district = try await Self.districtPlanner(app)
            let roles = [
                ("administrator", users.admin), ("district planner", district), ("commune planner", users.planner),
                ("cell secretary", users.secretary),
            ]
            var report: [String] = []
            for (index, (role, user)) in roles.enumerated() {
                // Page text does not depend on the engine: SQLite crawls every role in both languages, PostgreSQL
                // each role in one of them (alternating), which still renders every page kind on it and halves the cost.
                let languages = database == .sqlite ? Language.allCases : [index.isMultiple(of: 2) ? .vi : .en]
                for language in languages {
                    var headers = user.bearer
                    headers.add(name: .cookie, value: "lang=\(language.rawValue)")
                    let (pages, offences) = try await Self.crawl(app, headers: headers, vietnamese: language == .vi)
                    #expect(pages >= 5, "\(role), \(language): only \(pages) pages reached")
                    print("crawl: \(role), \(language.rawValue): \(pages) pages, \(offences.count) offences")
                    report += offences.map { "\(role), \(language.rawValue): \($0)" }
                }
            }
            let unique = Array(Set(report)).sorted()
            #expect(unique.isEmpty, "\(unique.count) offences:\n\(unique.prefix(80).joined(separator: "\n"))")
        }
    }

    @Test(
        "a short meeting's minutes with a bad time are refused in plain Vietnamese, each field named by its label",
        arguments: TestDatabase.all)
    func refusedMinutes(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let cell = try await app.organisation("CB-00001.01")
            let meeting = try await CellMeetings(db: app.store, scope: .everything).plan(
                cellID: cell,
                MeetingPlanDraft(
                    kind: .regular, date: Fixtures.date("2019-06-05"), scheduledStart: TimeOfDay(hour: 7, minute: 30)!,
                    noticeSentOn: Fixtures.date("2019-06-03")), actor: .system)
            var headers = users.secretary.bearer
            headers.contentType = .urlEncodedForm
            for language in Language.allCases {
                var sent = headers
                sent.add(name: .cookie, value: "lang=\(language.rawValue)")
                try await app.testing().test(
                    .POST, "/meetings/\(meeting.id)/minutes", headers: sent,
                    // With a conclusion the minutes are checked (without one they are kept as a draft, issue 20).
                    body: ByteBuffer(string: "start=07:30&end=07:00&conclusion=Th%E1%BB%91ng+nh%E1%BA%A5t")
                ) { res in
                    #expect(res.status == .unprocessableEntity)
                    let texts = Self.visibleText(res.body.string)
                    let offences = texts.flatMap { Self.offences(in: $0, vietnamese: language == .vi) }
                    #expect(
                        offences.isEmpty,
                        "\(language): \(texts.filter { !Self.offences(in: $0, vietnamese: language == .vi).isEmpty })")
                    let html = res.body.string
                    if language == .vi {
                        #expect(
                            html.contains("Giờ kết thúc: Cuộc họp kết thúc lúc 07:00, không sau giờ bắt đầu 07:30."))
                    } else {
                        #expect(
                            html.contains("End time: The meeting ends at 07:00, which is not after it starts at 07:30.")
                        )
                    }
                }
            }
        }
    }

    @Test("error pages speak the page's language", arguments: TestDatabase.all)
    func errorPages(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            for (language, notFound) in [
                (Language.vi, "Không có gì ở địa chỉ này"), (.en, "Nothing is at this address"),
            ] {
                var headers = users.secretary.bearer
                headers.add(name: .cookie, value: "lang=\(language.rawValue)")
                try await app.testing().test(.GET, "/cells/\(UUID())", headers: headers) { res in
                    #expect(res.status == .notFound)
                    #expect(res.body.string.contains(notFound), "\(res.body.string)")
                    #expect(!res.body.string.contains("no cell is at this address"))
                }
            }
        }
    }

    /// A held meeting that was short and called late: its breaches show on the cell's pages.
    static func seedMeeting(_ app: Application) async throws {
        let cell = try await app.organisation("CB-00001.01")
        let tai = try await app.member("Hoàng Văn Tài")
        let meetings = CellMeetings(db: app.store, scope: .everything)
        let meeting = try await meetings.plan(
            cellID: cell,
            MeetingPlanDraft(
                kind: .regular, date: Fixtures.date("2019-06-05"), scheduledStart: TimeOfDay(hour: 7, minute: 30)!,
                noticeSentOn: Fixtures.date("2019-06-05")), actor: .system)
        _ = try await meetings.recordMinutes(
            meeting.id,
            MinutesEntry(
                startTime: TimeOfDay("07:30")!, endTime: TimeOfDay("08:00")!,
                attendance: [AttendanceEntry(memberID: tai, mark: .present)], chairID: tai, recorderID: tai,
                agenda: ["Kiểm điểm tháng"], conclusion: "Thống nhất"), actor: .system)
    }

    /// A planner of the district above the test commune.
    static func districtPlanner(_ app: Application) async throws -> TestUser {
        let district = try #require(
            try await OrganisationTree(db: app.store, scope: .everything).unit(
                code: "001", on: Fixtures.date("2019-03-15"))
        ).id
        let users = UserDirectory(db: app.store)
        let account = try await users.create(
            username: "district", displayName: "district", passwordHash: try app.password.hash(TestUsers.password),
            grants: [RoleGrant(role: .planner, unitID: district)])
        let token = try await users.createToken(for: account.id, name: "tests").token
        return TestUser(name: "district", account: account, token: token)
    }
}
