import ArgumentParser
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

    @Test("a grant needs a known role, and a code for every role but administrator")
    func badGrant() {
        #expect(refusal(UserCommand.Add.self, ["ana", "--grant", "mayor:072"])?.contains("the role is one of") == true)
        #expect(refusal(UserCommand.Add.self, ["ana", "--grant", "planner"])?.contains("needs :CODE") == true)
        #expect(refusal(UserCommand.Add.self, ["ana"])?.contains("at least one --grant") == true)
        #expect(refusal(UserCommand.Add.self, ["ana", "--grant", "administrator"]) == nil)
    }

    @Test("--reset of the demo and a PostgreSQL database exclude each other")
    func resetPostgres() {
        #expect(
            refusal(Demo.self, ["--reset", "--database", "postgres://localhost/gandan"])?
                .contains("SQLite files only") == true)
    }
}
