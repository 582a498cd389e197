import ArgumentParser
import Foundation
import GanDanCore

/// Checks of option values for `validate()`: each refusal is a `ValidationError` naming the option.
enum CommandValues {
    /// A refusal told in Vietnamese, then in English in brackets: the operator's language first.
    static func refusal(vi: String, en: String) -> ValidationError { ValidationError(CommandText.both(vi, en)) }

    /// `text` as a date (YYYY-MM-DD), or a refusal naming `option`.
    static func date(_ text: String, option: String) throws -> CivilDate {
        guard let date = CivilDate(text) else {
            throw refusal(
                vi:
                    "\(option) \"\(text)\" không phải ngày từ 01/01/1900 đến 31/12/2100 (ghi YYYY-MM-DD hoặc dd/mm/yyyy)",
                en: "\(option) \"\(text)\" is not a date (YYYY-MM-DD) from 1900-01-01 to 2100-12-31")
        }
        return date
    }

    /// Refuses a file that cannot be read.
    static func readable(_ path: String, option: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw refusal(vi: "\(option): không đọc được \(path)", en: "\(option): cannot read \(path)")
        }
    }
}
