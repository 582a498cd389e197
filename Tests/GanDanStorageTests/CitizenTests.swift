import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing

/// Citizens' feedback, supervision of placed leaders, candidates and ratings as stored (rules.md A8, R18–R23).
@Suite("Citizens, supervision, admissions and ratings in storage (rules.md A8, R18–R23)")
struct CitizenTests {
    /// Nà Coóc's cell with the commune chairman placed in it, two full members, one admitted recently, one exempt.
    static var dataset: OrganisationDataset {
        var dataset = Fixtures.tree
        dataset.members = [
            Fixtures.member(
                "Hoàng Văn Hoan", cell: "CB-00001.01", village: "00001.01",
                posts: [
                    PostDraft(kind: .peoplesCommitteeChairman, organisationCode: "DB-00001", validity: Fixtures.since)
                ]),
            Fixtures.member(
                "Lương Văn Ấn", cell: "CB-00001.01", admitted: "2005-03-01", official: "2006-03-01",
                village: "00001.01",
                posts: [PostDraft(kind: .cellSecretary, organisationCode: "CB-00001.01", validity: Fixtures.since)]),
            Fixtures.member(
                "Ma Văn Bình", cell: "CB-00001.01", admitted: "2010-05-01", official: "2011-05-01", village: "00001.01"),
            Fixtures.member(
                "Nông Văn Dự", cell: "CB-00001.01", admitted: "2019-08-01", official: nil, village: "00001.01"),
            Fixtures.member(
                "Triệu Văn Ếch", cell: "CB-00001.01", status: .exempt, statusSince: "2015-01-01", village: "00001.01"),
        ]
        return dataset
    }

    static func load(_ db: any Database) async throws -> (cell: UUID, members: [String: UUID]) {
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset, actor: .system)
        let cell = try #require(
            try await OrganisationTree(db: db, scope: .everything).organisation(code: "CB-00001.01")
        ).id
        let roster = try await CellDirectory(db: db, scope: .everything).roster(
            of: cell, on: Fixtures.date("2019-12-31"))
        return (cell, Dictionary(uniqueKeysWithValues: roster.map { ($0.member.fullName, $0.member.id) }))
    }

    static func problems(_ body: () async throws -> Void) async -> [InputIssue] {
        do {
            try await body()
        } catch let error as InputError {
            return error.issues
        } catch {
            return [InputIssue(message: "\(error)")]
        }
        return []
    }

    @Test(
        "R21: the mountain / ethnic-minority education exception is read from the candidate's village profile; a hand override needs a reason and is audited with who and why",
        arguments: TestDatabase.all)
    func educationException(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, _) = try await Self.load(db)
            let register = CandidateRegister(db: db, scope: .everything)
            let tree = OrganisationTree(db: db, scope: .everything)
            let naLang = try #require(try await tree.unit(code: "00001.02", on: Fixtures.date("2019-09-02")))
            func draft(_ name: String, village: UUID? = nil, override: AreaOverrideDraft? = nil) -> CandidateDraft {
                CandidateDraft(
                    fullName: name, birthDate: Fixtures.date("1998-03-01"), education: "5/12", villageID: village,
                    areaOverride: override, listedOn: Fixtures.date("2019-09-02"))
            }
            // Nà Coóc, the cell's village, is a mountain village by its profile: primary education is enough.
            let hoa = try await register.add(cellID: cell, draft("Ma Thị Hoa"), actor: .system)
            #expect(hoa.educationException.mountain == true && hoa.educationException.override == nil)
            #expect(hoa.educationException.applies)
            #expect(!hoa.eligibility.contains { $0.contains("education") })
            #expect(hoa.educationExceptionText.vi.hasPrefix("Áp dụng ngoại lệ vùng cao"))
            #expect(hoa.educationExceptionText.vi.contains("thôn Nà Coóc thuộc vùng cao"))
            // Nà Làng's profile names neither: lower secondary is required.
            let lan = try await register.add(cellID: cell, draft("Hà Thị Lan", village: naLang.id), actor: .system)
            #expect(!lan.educationException.applies)
            #expect(lan.eligibility.contains { $0.contains("education") })
            #expect(lan.educationExceptionText.vi.contains("không thuộc vùng cao hay vùng đồng bào dân tộc thiểu số"))
            // A hand override without a reason is refused, at listing and later.
            let unexplained = await Self.problems {
                _ = try await register.add(
                    cellID: cell, draft("Lý Văn Sáng", override: AreaOverrideDraft(applies: false, reason: " ")),
                    actor: .system)
            }
            #expect(unexplained.map(\.field) == ["areaOverride.reason"])
            let noReason = await Self.problems {
                _ = try await register.setAreaOverride(
                    lan.id, AreaOverrideDraft(applies: true, reason: ""), actor: Actor(name: "bt.hongthai"))
            }
            #expect(noReason.map(\.field) == ["reason"])
            // With a reason it holds, names who set it and why, and is in the audit trail.
            let reason = "Gia đình mới chuyển từ bản Khau Mèo, vùng cao, tháng 8/2019"
            let overridden = try await register.setAreaOverride(
                lan.id, AreaOverrideDraft(applies: true, reason: reason), actor: Actor(name: "bt.hongthai"))
            #expect(overridden.educationException.applies)
            #expect(overridden.educationException.override?.recordedBy == "bt.hongthai")
            #expect(!overridden.eligibility.contains { $0.contains("education") })
            #expect(overridden.educationExceptionText.vi.contains("bt.hongthai ghi ngày"))
            #expect(overridden.educationExceptionText.en.contains(reason))
            // Back to the profile: the exception no longer applies.
            let back = try await register.setAreaOverride(lan.id, nil, actor: Actor(name: "bt.hongthai"))
            #expect(!back.educationException.applies && back.educationException.override == nil)
            let audit = try await AuditTrail(db: db, scope: .everything).entries().filter {
                $0.entity == "candidate_education_exception"
            }
            #expect(audit.count == 2)
            #expect(audit.allSatisfy { $0.actor == "bt.hongthai" && $0.entityID == lan.id.uuidString })
            // The stored JSON writes "/" as "\/": look for words of the reason without one.
            let words = "từ bản Khau Mèo, vùng cao"
            #expect(audit.contains { $0.after?.contains(words) == true && $0.before?.contains(words) == false })
            #expect(audit.contains { $0.before?.contains(words) == true && $0.after?.contains(words) == false })
        }
    }

    @Test("feedback goes from received to reported back; late items are flagged overdue", arguments: TestDatabase.all)
    func feedback(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, _) = try await Self.load(db)
            let book = FeedbackBook(db: db, scope: .everything)
            let named = await Self.problems {
                _ = try await book.record(
                    cellID: cell,
                    CitizenFeedback(
                        receivedOn: Fixtures.date("2020-01-06"), receivedBy: "Hoàng Văn Hoan", topic: .infrastructure,
                        summary: "Đường vào bản sạt lở", citizenName: "Bàn Văn Sình"), actor: .system)
            }
            #expect(named.map(\.field) == ["citizenName"])
            let item = try await book.record(
                cellID: cell,
                CitizenFeedback(
                    receivedOn: Fixtures.date("2020-01-06"), receivedBy: "Hoàng Văn Hoan", topic: .infrastructure,
                    summary: "Đường vào bản sạt lở", citizenName: "Bàn Văn Sình", nameConsent: true), actor: .system)
            #expect(item.stage == .received)
            // Forwarding is due 5 working days after receipt; on the 20th it is overdue.
            #expect(try await book.list(cells: [cell], on: Fixtures.date("2020-01-20")).first?.overdue == true)
            await #expect(throws: StorageError.self) {
                _ = try await book.apply(
                    .answer(on: Fixtures.date("2020-01-08"), text: "x"), to: item.id, actor: .system)
            }
            _ = try await book.apply(
                .forward(on: Fixtures.date("2020-01-07"), to: .communePeoplesCommittee, detail: nil), to: item.id,
                actor: .system)
            let forwarded = try #require(try await book.list(cells: [cell], on: Fixtures.date("2020-01-20")).first)
            #expect(forwarded.stage == .forwarded)
            #expect(!forwarded.overdue)
            #expect(try await book.list(cells: [cell], on: Fixtures.date("2020-03-20")).first?.overdue == true)
            _ = try await book.apply(
                .answer(on: Fixtures.date("2020-02-10"), text: "Xã đã bố trí kinh phí sửa đường"), to: item.id,
                actor: .system)
            let planned = try await CellMeetings(db: db, scope: .everything).plan(
                cellID: cell,
                MeetingPlanDraft(
                    kind: .regular, date: Fixtures.date("2020-03-05"), scheduledStart: TimeOfDay("07:30")!),
                actor: .system)
            let notHeld = await Self.problems {
                _ = try await book.apply(
                    .reportBack(on: Fixtures.date("2020-03-05"), meetingID: planned.id), to: item.id, actor: .system)
            }
            #expect(notHeld.map(\.field) == ["meetingID"])
            let closed = try await book.apply(
                .reportBack(on: Fixtures.date("2020-03-05"), meetingID: nil), to: item.id, actor: .system)
            #expect(closed.stage == .reportedBack)
            #expect(!closed.overdue)
            #expect(closed.feedback.citizenName == "Bàn Văn Sình")
            let village = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(
                    code: "00001.01", on: Fixtures.date("2020-01-01")))
            let counts = try await book.counts(villages: [village.id], on: Fixtures.date("2020-03-20"))
            #expect(counts.map(\.total) == [1])
            #expect(counts.map(\.open) == [0])
        }
    }

    @Test(
        "the cell comments on the leaders placed in it, and the leader reports back (rules.md A8)",
        arguments: TestDatabase.all)
    func supervision(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, members) = try await Self.load(db)
            let supervisions = LeaderSupervisions(db: db, scope: .everything)
            #expect(
                try await supervisions.leaders(of: cell, on: Fixtures.date("2019-12-20")).map(\.name) == [
                    "Hoàng Văn Hoan"
                ])
            let notLeader = await Self.problems {
                _ = try await supervisions.record(
                    cellID: cell,
                    LeaderSupervision(
                        leaderID: members["Ma Văn Bình"]!.uuidString, period: .year(2019),
                        commentedOn: Fixtures.date("2019-12-20"), comment: "Tốt"), actor: .system)
            }
            #expect(notLeader.map(\.field) == ["leaderID"])
            let comment = try await supervisions.record(
                cellID: cell,
                LeaderSupervision(
                    leaderID: members["Hoàng Văn Hoan"]!.uuidString, period: .year(2019),
                    commentedOn: Fixtures.date("2019-12-20"), comment: "Gương mẫu, sát dân"), actor: .system)
            let answered = try await supervisions.reportBack(
                comment.id,
                LeaderReportBack(
                    reportedOn: Fixtures.date("2020-01-10"), text: "Tiếp thu, sẽ xuống bản thường xuyên hơn"),
                actor: .system)
            #expect(answered.supervision.reportBack?.text == "Tiếp thu, sẽ xuống bản thường xuyên hơn")
            #expect(try await supervisions.list(cells: [cell]).map(\.leader.name) == ["Hoàng Văn Hoan"])
        }
    }

    @Test(
        "a candidate's ceremony is due 30 working days after the decision, skipping Tết; late votes keep the 12-month date",
        arguments: TestDatabase.all)
    func candidate(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, members) = try await Self.load(db)
            let register = CandidateRegister(db: db, scope: .everything)
            let young = try await register.add(
                cellID: cell,
                CandidateDraft(
                    fullName: "Ma Thị Hoa", birthDate: Fixtures.date("2002-03-01"), education: "9/12",
                    listedOn: Fixtures.date("2019-09-02"), introducedOn: Fixtures.date("2019-10-01"),
                    introducers: [
                        IntroducerEntry(
                            memberID: members["Lương Văn Ấn"]!, workedWithSince: Fixtures.date("2018-01-01")),
                        IntroducerEntry(
                            memberID: members["Ma Văn Bình"]!, workedWithSince: Fixtures.date("2019-06-01")),
                    ], mentorID: members["Ma Văn Bình"]), actor: .system)
            // Under 18 on the day asked, and the second introducer has known her for less than a year.
            #expect(young.eligibility.contains { $0.contains("birthDate") })
            #expect(young.eligibility.contains { $0.contains("introducers[1]") })
            _ = try await register.record(
                .cellResolution, on: Fixtures.date("2020-03-05"), for: young.id, actor: .system)
            let decided = try await register.record(
                .decision, on: Fixtures.date("2021-01-25"), for: young.id, actor: .system)
            let ceremony = try #require(decided.deadlines.first { $0.kind == .ceremony })
            // 30 working days after 25 January 2021 cross Tết (10–16 February 2021): not before 10 March.
            #expect(ceremony.due >= Fixtures.date("2021-03-10"))
            _ = try await register.record(.ceremony, on: Fixtures.date("2021-03-01"), for: young.id, actor: .system)
            let late = try await register.recordVote(
                CandidateVote(date: Fixtures.date("2022-06-01"), inFavour: 3, fullMembers: 4), for: young.id,
                actor: .system)
            #expect(late.pipeline.officialOn == Fixtures.date("2022-03-01"))
            #expect(late.problems.contains { $0.contains("vote") })
            #expect(
                try await register.list(cells: [cell], on: Fixtures.date("2022-06-02")).map(\.fullName) == [
                    "Ma Thị Hoa"
                ])
        }
    }

    @Test(
        "ratings: exempt and recently admitted members are not rated; the cell's weak flag follows the legacy test",
        arguments: TestDatabase.all)
    func ratings(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (cell, members) = try await Self.load(db)
            let ratings = Ratings(db: db, scope: .everything)
            let sheet = try #require(try await ratings.sheet(cellID: cell, year: 2019))
            let notRated = Set(sheet.lines.filter { $0.notRated != nil }.map(\.member.name))
            #expect(notRated == ["Nông Văn Dự", "Triệu Văn Ếch"])
            let refused = await Self.problems {
                try await ratings.record(
                    cellID: cell, year: 2019, entries: [RatingEntry(memberID: members["Triệu Văn Ếch"]!, score: 80)],
                    cellLevel: nil, actor: .system)
            }
            #expect(refused.first?.message.contains("not rated") == true)
            let saved = try await ratings.record(
                cellID: cell, year: 2019,
                entries: [
                    RatingEntry(memberID: members["Hoàng Văn Hoan"]!, score: 95),
                    RatingEntry(memberID: members["Lương Văn Ấn"]!, score: 40),
                    RatingEntry(memberID: members["Ma Văn Bình"]!, level: .notCompleted),
                ], cellLevel: .completed, actor: .system)
            #expect(saved.lines.first { $0.member.name == "Hoàng Văn Hoan" }?.level == .excellent)
            #expect(saved.cell?.weak == true)
            #expect(saved.warnings.count == 1)
            let snapshot = try #require(try await OrganisationTree(db: db, scope: .everything).organisation(cell))
            #expect(snapshot.latestRating?.weak == true)

            // A quarter is rated on its own; the cell's level is yearly only.
            let second = try #require(RatingPeriod(key: "2020-Q2"))
            let quarterly = try await ratings.record(
                cellID: cell, period: second, entries: [RatingEntry(memberID: members["Ma Văn Bình"]!, score: 75)],
                cellLevel: nil, actor: .system)
            #expect(quarterly.period == "2020-Q2")
            #expect(quarterly.lines.first { $0.member.name == "Ma Văn Bình" }?.level == .good)
            #expect(
                try await ratings.sheet(cellID: cell, year: 2019)?.lines.first { $0.member.name == "Ma Văn Bình" }?
                    .level == .notCompleted)
            let yearlyOnly = await Self.problems {
                try await ratings.record(cellID: cell, period: second, entries: [], cellLevel: .good, actor: .system)
            }
            #expect(yearlyOnly.map(\.field) == ["cellLevel"])
        }
    }

    @Test(
        "R18: a term and an ad hoc review are rated and stored beside the year; 'excellent' within 20 % of 'good' is checked per cell and over the grassroots committee",
        arguments: TestDatabase.all)
    func ratingPeriodsAndCommitteeQuota(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var dataset = Self.dataset
            for name in ["Đinh Văn An", "Đinh Văn Bảo", "Đinh Văn Cường", "Đinh Văn Dũng", "Đinh Văn Giang"] {
                dataset.members.append(
                    Fixtures.member(name, cell: "CB-00001.02", admitted: "2005-03-01", official: "2006-03-01"))
            }
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset, actor: .system)
            let tree = OrganisationTree(db: db, scope: .everything)
            let naCooc = try #require(try await tree.organisation(code: "CB-00001.01")).id
            let naLang = try #require(try await tree.organisation(code: "CB-00001.02")).id
            let agency = try #require(try await tree.organisation(code: "CQ-00001")).id
            let committee = try #require(try await tree.organisation(code: "DB-00001")).id
            let day = Fixtures.date("2020-05-31")
            func ids(_ cell: UUID) async throws -> [String: UUID] {
                Dictionary(
                    uniqueKeysWithValues: try await CellDirectory(db: db, scope: .everything).roster(of: cell, on: day)
                        .map { ($0.member.fullName, $0.member.id) })
            }
            let cooc = try await ids(naCooc)
            let lang = try await ids(naLang)
            let ratings = Ratings(db: db, scope: .everything)

            // The 2015–2020 term, rated on its last day: 1 excellent and 2 good in Nà Coóc is over 20 %.
            let term = try #require(
                RatingPeriod.span(.term, from: Fixtures.date("2015-06-01"), through: Fixtures.date("2020-05-31")))
            let termSheet = try await ratings.record(
                cellID: naCooc, period: term,
                entries: [
                    RatingEntry(memberID: cooc["Hoàng Văn Hoan"]!, score: 95),
                    RatingEntry(memberID: cooc["Lương Văn Ấn"]!, score: 80),
                    RatingEntry(memberID: cooc["Ma Văn Bình"]!, score: 75),
                ], cellLevel: nil, actor: .system)
            #expect(termSheet.period == "term-2015-06-01-2020-05-31")
            #expect(RatingPeriod(key: termSheet.period) == term)
            #expect(termSheet.warnings.count == 1)
            // An ad hoc review is its own period; neither touches the year's sheet.
            let adHoc = try #require(RatingPeriod(key: "adhoc-2019-03-01-2019-05-31"))
            _ = try await ratings.record(
                cellID: naCooc, period: adHoc,
                entries: [RatingEntry(memberID: cooc["Ma Văn Bình"]!, level: .completed)],
                cellLevel: nil, actor: .system)
            let reread = try #require(try await ratings.sheet(cellID: naCooc, period: adHoc))
            #expect(reread.lines.first { $0.member.name == "Ma Văn Bình" }?.level == .completed)
            #expect(try await ratings.sheet(cellID: naCooc, period: term)?.lines.compactMap(\.level).count == 3)
            #expect(try await ratings.sheet(cellID: naCooc, year: 2020)?.lines.compactMap(\.level) == [])
            let ownLevel = await Self.problems {
                try await ratings.record(cellID: naCooc, period: term, entries: [], cellLevel: .good, actor: .system)
            }
            #expect(ownLevel.map(\.field) == ["cellLevel"])

            // Nà Làng's 5 good keep the committee's members within the quota: 1 excellent of 7 good.
            _ = try await ratings.record(
                cellID: naLang, period: term, entries: lang.values.map { RatingEntry(memberID: $0, score: 80) },
                cellLevel: nil, actor: .system)
            var round = try #require(try await ratings.committeeRound(committeeID: committee, period: term))
            #expect(round.cells.map(\.memberLevels.count).sorted() == [0, 3, 5])
            #expect(round.warnings.count == 1 && round.warnings[0].contains("Chi bộ thôn Nà Coóc"))
            // One more excellent in Nà Làng: 2 of 6 good is over 20 % in that cell and over the committee.
            _ = try await ratings.record(
                cellID: naLang, period: term, entries: [RatingEntry(memberID: lang["Đinh Văn An"]!, score: 92)],
                cellLevel: nil, actor: .system)
            round = try #require(try await ratings.committeeRound(committeeID: committee, period: term))
            #expect(round.warnings.count == 3)
            #expect(round.warnings.contains { $0.contains("Đảng bộ xã Thanh Tương · đảng viên") })

            // The committee rates its cells for 2019: 1 excellent of 2 good cells is over 20 % (the cells' group).
            for (cell, level) in [(naCooc, RatingLevel.excellent), (naLang, .good), (agency, .good)] {
                _ = try await ratings.record(cellID: cell, year: 2019, entries: [], cellLevel: level, actor: .system)
            }
            let year = try #require(try await ratings.sheet(cellID: naLang, year: 2019))
            #expect(year.warnings.isEmpty)
            #expect(year.committeeWarnings.count == 1)
            #expect(year.committeeWarnings.first?.contains("Đảng bộ xã Thanh Tương · chi bộ") == true)
            // A cell's secretary sees the cell's own check only, not the committee's.
            let secretary = Ratings(db: db, scope: .restricted(units: [], organisations: [naLang]))
            #expect(try await secretary.sheet(cellID: naLang, year: 2019)?.committeeWarnings == [])
            #expect(try await secretary.committeeRound(committeeID: committee, period: term) == nil)
        }
    }
}
