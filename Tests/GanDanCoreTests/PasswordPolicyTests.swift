import GanDanCore
import Testing

@Suite("A new password is long, not the user name, not common, not one character repeated (issue 21)")
struct PasswordPolicyTests {
    @Test("ten times the same letter is refused, and so is any password under 12 characters")
    func tooWeak() {
        #expect(PasswordPolicy.problem("aaaaaaaaaa", username: "planner") != nil)
        #expect(PasswordPolicy.problem("aaaaaaaaaaaaaaaa", username: "planner")?.contains("một ký tự") == true)
        #expect(PasswordPolicy.problem("Xk9#pq2!vT", username: "planner")?.contains("12") == true)
    }

    @Test("the user name, or a password holding it, is refused")
    func userName() {
        #expect(PasswordPolicy.problem("administrator", username: "administrator") != nil)
        #expect(PasswordPolicy.problem("Planner-2026-spring", username: "planner")?.contains("user name") == true)
    }

    @Test("a common password is refused; a long unusual one is accepted")
    func common() throws {
        #expect(PasswordPolicy.problem("Password1234", username: "planner")?.contains("common") == true)
        #expect(PasswordPolicy.problem("correct horse battery", username: "planner") == nil)
        #expect(throws: InputError.self) { try PasswordPolicy.check("123456789012", username: "planner") }
    }
}
