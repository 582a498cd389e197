import ArgumentParser
import Foundation
import Testing

@testable import gandan

@Suite("Commands refuse bad options in validate(), before they open anything (issue 17)")
struct CommandValidationTests {
    /// The message of `validate()`'s `ValidationError` for `arguments`, or nil when they are accepted.
    func refusal<Command: ParsableCommand>(_ command: Command.Type, _ arguments: [String]) -> String? {
        do {
            _ = try command.parse(arguments)
            return nil
        } catch {
            #expect(command.exitCode(for: error) == .validationFailure)
            return command.message(for: error)
        }
    }

    @Test("a date that is not a date, and a plan id that is not an id, are refused")
    func badDate() {
        #expect(refusal(Export.Members.self, ["--date", "2019-02-30"])?.contains("--date \"2019-02-30\"") == true)
        #expect(refusal(Export.Members.self, ["--date", "2019-02-28"]) == nil)
        #expect(
            refusal(PlacementApprove.self, ["--plan", "not-an-id", "--decision-date", "2019-04-25"])?
                .contains("not a plan id") == true)
    }

    @Test("a refusal is told in Vietnamese first, then in English in brackets, naming the option")
    func vietnameseFirst() {
        #expect(
            refusal(Export.Members.self, ["--date", "2019-02-30"])?.contains(
                "--date \"2019-02-30\" không phải ngày từ 01/01/1900 đến 31/12/2100 (ghi YYYY-MM-DD hoặc dd/mm/yyyy) "
                    + "(--date \"2019-02-30\" is not a date") == true)
        #expect(
            refusal(UserCommand.Add.self, ["ana"])?.contains("cần ít nhất một --grant (give at least one --grant)")
                == true)
        #expect(
            refusal(UserCommand.Add.self, ["ana", "--grant", "planner"])?.contains(
                "--grant planner: vai trò planner cần :MÃ (mã đơn vị) (--grant planner: a planner role needs :CODE)")
                == true)
        #expect(
            refusal(PlacementApprove.self, ["--plan", "x", "--decision-date", "2019-04-25"])?
                .contains("--plan \"x\" không phải mã phương án") == true)
        #expect(
            refusal(PlacementPropose.self, ["--unit", "072", "--format", "yaml"])?.contains(
                "--format là json hoặc text (--format is json or text)") == true)
        #expect(refusal(PlacementPropose.self, ["--unit", "072", "--format", "json"]) == nil)
    }

    @Test("a grant needs a known role, and a code for every role but administrator")
    func badGrant() {
        #expect(refusal(UserCommand.Add.self, ["ana", "--grant", "mayor:072"])?.contains("the role is one of") == true)
        #expect(refusal(UserCommand.Add.self, ["ana", "--grant", "planner"])?.contains("needs :CODE") == true)
        #expect(refusal(UserCommand.Add.self, ["ana"])?.contains("at least one --grant") == true)
        #expect(refusal(UserCommand.Add.self, ["ana", "--grant", "administrator"]) == nil)
    }

    @Test("remind needs a plain smtp:// relay and the site's address for the links (issue 20)")
    func remind() {
        let site = ["--base-url", "https://gandan.example.vn"]
        #expect(refusal(RemindCommand.self, ["--smtp", "smtps://relay.tinh.vn"] + site)?.contains("smtp://") == true)
        #expect(refusal(RemindCommand.self, ["--smtp", "smtp://relay.tinh.vn", "--date", "2019-13-01"] + site) != nil)
        #expect(refusal(RemindCommand.self, ["--smtp", "smtp://relay.tinh.vn", "--base-url", "gandan"]) != nil)
        #expect(
            refusal(RemindCommand.self, ["--smtp", "smtp://relay.tinh.vn:2525", "--date", "2019-05-20"] + site) == nil)
    }

    @Test("--reset of the demo and a PostgreSQL database exclude each other")
    func resetPostgres() {
        #expect(
            refusal(Demo.self, ["--reset", "--database", "postgres://localhost/gandan"])?
                .contains("SQLite files only") == true)
    }

    @Test("audit verify takes a manifest with a head or a printed SEQ:HASH, not both, and says what is wrong")
    func auditVerifyAnchor() throws {
        let hash = String(repeating: "3f2a", count: 16)
        #expect(refusal(AuditCommand.Verify.self, []) == nil)
        #expect(refusal(AuditCommand.Verify.self, ["--head", "1.234:\(hash)"]) == nil)
        #expect(refusal(AuditCommand.Verify.self, ["--head", "1234:3f2a…"])?.contains("is not SEQ:HASH") == true)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gandan-manifest-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(
            refusal(AuditCommand.Verify.self, ["--against", folder])?.contains("holds no manifest.json") == true)
        #expect(
            refusal(AuditCommand.Verify.self, ["--against", folder + "/nothing.json"])?.contains("does not exist")
                == true)
        let old = #"{"createdAt":"2026-01-05T08:00:00Z","engine":"sqlite","format":"gandan-backup-1","migrations":[]}"#
        try Data(old.utf8).write(to: URL(fileURLWithPath: folder + "/manifest.json"))
        #expect(
            refusal(AuditCommand.Verify.self, ["--against", folder])?.contains("records no audit chain head") == true)
        let current = old.replacingOccurrences(of: "}", with: #","auditHead":{"hash":"\#(hash)","seq":7}}"#)
        try Data(current.utf8).write(to: URL(fileURLWithPath: folder + "/manifest.json"))
        #expect(refusal(AuditCommand.Verify.self, ["--against", folder]) == nil)
        #expect(refusal(AuditCommand.Verify.self, ["--against", folder + "/manifest.json"]) == nil)
        #expect(
            refusal(AuditCommand.Verify.self, ["--against", folder, "--head", "7:\(hash)"])?.contains("not both")
                == true)
    }
}
