import ArgumentParser
import Foundation
import GanDanCore

/// Checks of option values for `validate()`: each refusal is a `ValidationError` naming the option.
enum CommandValues {
    /// `text` as a date (YYYY-MM-DD), or a refusal naming `option`.
    static func date(_ text: String, option: String) throws -> CivilDate {
        guard let date = CivilDate(text) else {
            throw ValidationError("\(option) \"\(text)\" is not a date (YYYY-MM-DD) from 1900-01-01 to 2100-12-31")
        }
        return date
    }

    /// Refuses a file that cannot be read.
    static func readable(_ path: String, option: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ValidationError("\(option): cannot read \(path)")
        }
    }
}
