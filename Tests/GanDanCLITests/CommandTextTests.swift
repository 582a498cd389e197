import Foundation
import GanDanCore
import Testing

@testable import gandan

@Suite("A command tells what it refused in a file in Vietnamese first, then in English, line and column named")
struct CommandTextTests {
    @Test("each problem: Vietnamese with its line and column, the English in brackets; English alone when told so")
    func lines() {
        let issue = InputIssue(
            line: 5, field: "kind", vi: "\"district\" không phải tỉnh hay xã.",
            en: "\"district\" is not a province or commune.")
        #expect(
            CommandText.line(issue)
                == "dòng 5, kind: \"district\" không phải tỉnh hay xã. (line 5, kind: \"district\" is not a province or commune.)"
        )
        var english = InputIssue(line: 1, vi: "", en: "the header has no name column")
        english.vietnamese = nil
        #expect(CommandText.line(english) == "line 1: the header has no name column")
    }

    @Test("a refusal counts its problems in both languages and says nothing was written")
    func refusal() {
        let issues = (1...52).map {
            InputIssue(line: $0, field: "name", vi: "Cần ghi họ tên.", en: "A name is needed.")
        }
        let text = CommandText.refusal(InputError.invalid(issues))
        #expect(text.hasPrefix("52 lỗi, chưa ghi gì (52 problem(s), nothing was written):\n"))
        #expect(text.contains("  dòng 50, name: Cần ghi họ tên. (line 50, name: A name is needed.)"))
        #expect(!text.contains("dòng 51,") && text.hasSuffix("… và 2 lỗi nữa (and 2 more)"))
        #expect(CommandText.refusal(InputError.malformed("not CSV")).contains("không đọc được dữ liệu"))
    }
}
