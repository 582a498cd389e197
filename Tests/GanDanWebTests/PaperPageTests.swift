import FluentKit
import Foundation
import GanDanCore
import GanDanStorage
import GanDanTesting
import Testing
import VaporTesting

/// The papers a cell signs (issue 20, item 6): A4 print pages and .docx in the usual Vietnamese form.
@Suite("Papers to sign: meeting notice, minutes, resolution, placement decision and transfer letters")
struct PaperPageTests {
    /// A meeting of Nà Coóc on 5-6-2019 recorded by its secretary with two tasks; its address.
    static func recordedMeeting(_ app: Application, _ users: TestUsers) async throws -> String {
        let cell = try await app.organisation("CB-00001.01")
        let tai = try await app.member("Hoàng Văn Tài")
        var headers = users.secretary.bearer
        headers.contentType = .urlEncodedForm
        var meeting = ""
        try await app.testing().test(
            .POST, "/cells/\(cell)/meetings", headers: headers,
            body: ByteBuffer(string: "kind=regular&date=2019-06-05&time=07:30&noticeSentOn=2019-06-03")
        ) { res in meeting = res.headers.first(name: .location) ?? "" }
        let fields = [
            "start=07:30", "end=09:15", "att[\(tai)]=present", "chair=\(tai)", "recorder=\(tai)",
            "agenda=Ki%E1%BB%83m%20%C4%91i%E1%BB%83m%20th%C3%A1ng",
            "task[0][description]=Gi%C3%BAp%20h%E1%BB%99%20ngh%C3%A8o", "task[0][kind]=poorHouseholds",
            "task[0][assignee]=\(tai)", "task[0][due]=2019-07", "votesFor=1", "conclusion=Th%E1%BB%91ng%20nh%E1%BA%A5t",
        ]
        try await app.testing().test(
            .POST, meeting, headers: headers, body: ByteBuffer(string: fields.joined(separator: "&"))
        ) { res in #expect(res.status == .seeOther) }
        return String(meeting.dropLast("/minutes".count))
    }

    /// What no official paper may carry: rule codes, the internal quality score, field keys.
    static func expectNoInternals(_ text: String) {
        for word in ["rules.md", "(R8)", "(A3)", "/100", "Chất lượng", "chairID", "recorderID"] {
            #expect(!text.contains(word), "a paper prints \(word)")
        }
    }

    static func docxText(_ res: TestingHTTPResponse) throws -> String {
        #expect(res.headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
        let package = try WorkbookReader(Data(res.body.readableBytesView))
        #expect(package.isWellFormed("word/document.xml"))
        return try #require(package.parts["word/document.xml"])
    }

    @Test(
        "a secretary prints her meeting's notice, minutes with the sheet to sign and resolution, also as .docx",
        arguments: TestDatabase.all)
    func meetingPapers(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let meeting = try await Self.recordedMeeting(app, users)
            let bearer = users.secretary.bearer
            try await app.testing().test(.GET, meeting, headers: bearer) { res in
                #expect(res.body.string.contains("\(meeting)/papers/minutes"))
            }
            try await app.testing().test(.GET, "\(meeting)/papers/minutes", headers: bearer) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                for part in [
                    "ĐẢNG BỘ XÃ THANH TƯƠNG", "CHI BỘ THÔN NÀ COÓC", "ĐẢNG CỘNG SẢN VIỆT NAM",
                    "Thanh Tương, ngày 05 tháng 6 năm 2019", "BIÊN BẢN", "Địa điểm:",
                    "Chủ trì: đồng chí Hoàng Văn Tài. Thư ký: đồng chí Hoàng Văn Tài.",
                    "Tổng số đảng viên của chi bộ: 1 (chính thức 1, dự bị 0); có mặt: 1; vắng có lý do: 0; "
                        + "vắng không lý do: 0.",
                    "Sinh hoạt chi bộ định kỳ tháng 6 năm 2019", "CHỦ TRÌ", "THƯ KÝ", "DANH SÁCH ĐẢNG VIÊN DỰ HỌP",
                    "Chữ ký", "Giúp hộ nghèo", "Thống nhất",
                    "/papers/minutes.docx",
                ] {
                    #expect(html.contains(part), "the minutes carry \(part)")
                }
                #expect(html.components(separatedBy: "class=\"paper-sheet\"").count == 3, "the sheet is its own page")
                Self.expectNoInternals(html.components(separatedBy: "<div class=\"paper\"").last ?? "")
            }
            try await app.testing().test(.GET, "\(meeting)/papers/notice", headers: bearer) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("THÔNG BÁO"))
                #expect(html.contains("Thanh Tương, ngày 03 tháng 6 năm 2019"))
                #expect(html.contains("07 giờ 30 phút, thứ Tư ngày 05/06/2019"))
                #expect(html.contains("T/M CHI BỘ"))
            }
            try await app.testing().test(.GET, "\(meeting)/papers/resolution", headers: bearer) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("NGHỊ QUYẾT"))
                #expect(html.contains("Chi bộ thôn Nà Coóc tháng 6 năm 2019"))
                #expect(html.contains("Giúp hộ nghèo"))
                #expect(html.contains("tháng 07/2019"))
                #expect(html.contains("T/M CHI BỘ") && html.contains("BÍ THƯ"))
                Self.expectNoInternals(html.components(separatedBy: "<div class=\"paper\"").last ?? "")
            }
            try await app.testing().test(.GET, "\(meeting)/papers/minutes.docx", headers: bearer) { res in
                #expect(res.status == .ok)
                let xml = try Self.docxText(res)
                #expect(xml.contains("Hoàng Văn Tài"))
                #expect(xml.contains("ĐẢNG BỘ XÃ THANH TƯƠNG"))
                #expect(xml.contains("Tổng số đảng viên của chi bộ: 1"))
                #expect(xml.contains(#"<w:br w:type="page"/>"#))
                Self.expectNoInternals(xml)
            }
            try await app.testing().test(.GET, "\(meeting)/papers/notice?lang=en", headers: bearer) { res in
                #expect(res.body.string.contains("Download as Word"), "the page's chrome follows its language")
                #expect(res.body.string.contains("THÔNG BÁO"), "the paper stays Vietnamese")
            }
        }
    }

    @Test(
        "R30: a secretary gets no paper of another cell's meeting (404), nor anyone signed out",
        arguments: TestDatabase.all)
    func meetingPaperAccess(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let other = try await app.organisation("CB-00002.01")
            var headers = users.admin.bearer
            headers.contentType = .urlEncodedForm
            var meeting = ""
            try await app.testing().test(
                .POST, "/cells/\(other)/meetings", headers: headers,
                body: ByteBuffer(string: "kind=regular&date=2019-06-05&time=07:30")
            ) { res in meeting = String((res.headers.first(name: .location) ?? "").dropLast("/minutes".count)) }
            for paper in ["notice", "minutes", "resolution.docx"] {
                try await app.testing().test(.GET, "\(meeting)/papers/\(paper)", headers: users.secretary.bearer) {
                    #expect($0.status == .notFound)
                }
                try await app.testing().test(.GET, "\(meeting)/papers/\(paper)", headers: users.admin.bearer) {
                    #expect($0.status == .ok)
                }
            }
        }
    }

    @Test(
        "rules.md R7: the notice of the commune committee's meeting is issued by its Đảng ủy",
        arguments: TestDatabase.all)
    func committeeNotice(database: TestDatabase) async throws {
        try await withSeededApp(database, CommitteeMeetingPageTests.dataset) { app, users in
            let committee = try await app.organisation("DB-00001")
            var headers = users.planner.bearer
            headers.contentType = .urlEncodedForm
            var meeting = ""
            try await app.testing().test(
                .POST, "/committees/\(committee)/meetings", headers: headers,
                body: ByteBuffer(
                    string: "body=standingBody&kind=regular&date=2019-01-08&time=07:30&noticeSentOn=2019-01-05")
            ) { res in meeting = String((res.headers.first(name: .location) ?? "").dropLast("/minutes".count)) }
            try await app.testing().test(.GET, "\(meeting)/papers/notice", headers: users.planner.bearer) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                for part in [
                    "ĐẢNG BỘ HUYỆN HUYỆN MẪU", "ĐẢNG ỦY XÃ THANH TƯƠNG", "Thanh Tương, ngày 05 tháng 01 năm 2019",
                    "Về việc họp Đảng ủy định kỳ tháng 1 năm 2019", "T/M ĐẢNG ỦY",
                ] {
                    #expect(html.contains(part), "the notice carries \(part)")
                }
            }
        }
    }

    @Test(
        "R27: the placement decision of a commune has its number, grounds, articles and list; one letter per member",
        arguments: TestDatabase.all)
    func placementPapers(database: TestDatabase) async throws {
        try await withSeededApp(database) { app, users in
            let (_, commune, _) = try await DashboardPageTests.placed(app)
            let plan = try #require(try await PlacementPlans(db: app.store, scope: .everything).plans().first)
            let moved = try #require(plan.communes.first { $0.communeID == commune }).proposal.decisions
            #expect(!moved.isEmpty)
            let address = "/placement/plans/\(plan.id)/papers"
            try await app.testing().test(
                .GET, "/placement/plans/\(plan.id)?unit=\(commune)", headers: users.admin.bearer
            ) {
                res in
                #expect(res.body.string.contains("\(address)/decision?unit=\(commune)"))
            }
            try await app.testing().test(.GET, "\(address)/decision?unit=\(commune)", headers: users.admin.bearer) {
                res in
                #expect(res.status == .ok)
                let html = res.body.string
                for part in [
                    "ĐẢNG BỘ HUYỆN HUYỆN MẪU", "ĐẢNG ỦY XÃ THANH TƯƠNG", "Số: ……-QĐ/ĐU", "QUYẾT ĐỊNH",
                    "Thanh Tương, ngày 25 tháng 4 năm 2019", "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
                    "Quy định số 29-QĐ/TW", "Điều 1.", "Điều 2.", "30 ngày làm việc", "Điều 3.", "Nơi nhận:",
                    "T/M ĐẢNG ỦY", "BÍ THƯ", "Năm sinh", "Chức vụ", "Chi bộ cơ quan xã Thanh Tương",
                    "Hoàng Văn Hoan", "1975", "Chủ tịch UBND", "Chi bộ thôn Nà Coóc (xã Thanh Tương)",
                    "Đảng bộ xã Thanh Tương", "Ban Thường vụ Huyện ủy",
                ] {
                    #expect(html.contains(part), "the decision carries \(part)")
                }
                #expect(!html.contains("Năng Khả"), "one commune's paper names no other commune's members")
                #expect(!html.contains("Sinh hoạt sinh hoạt") && !html.contains("xã thanh tương"))
                Self.expectNoInternals(html.components(separatedBy: "<div class=\"paper\"").last ?? "")
            }
            try await app.testing().test(.GET, "\(address)/letters?unit=\(commune)", headers: users.admin.bearer) {
                res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.components(separatedBy: "GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG").count - 1 == moved.count)
                #expect(html.components(separatedBy: "class=\"paper-sheet\"").count - 1 == moved.count)
                for decision in moved { #expect(html.contains(decision.memberName)) }
            }
            try await app.testing().test(
                .GET, "\(address)/letters.docx?unit=\(commune)", headers: users.admin.bearer
            ) { res in
                #expect(res.status == .ok)
                let xml = try Self.docxText(res)
                #expect(xml.components(separatedBy: #"<w:br w:type="page"/>"#).count == moved.count)
                for decision in moved { #expect(xml.contains(decision.memberName)) }
            }
            try await app.testing().test(.GET, "\(address)/decision.docx", headers: users.admin.bearer) { res in
                #expect(res.status == .ok)
                let xml = try Self.docxText(res)
                #expect(xml.contains("Hoàng Văn Hoan"))
            }
            try await app.testing().test(.GET, "\(address)/decision?unit=\(UUID())", headers: users.admin.bearer) {
                #expect($0.status == .notFound)
            }
            try await app.testing().test(.GET, "\(address)/letters", headers: users.secretary.bearer) {
                #expect($0.status == .notFound)
            }
        }
    }
}
