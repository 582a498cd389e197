import Foundation

/// Where an export is written as it is read: standard output, or a file that appears under its name only once the
/// whole export is written (a partial file is removed, never left behind as if complete).
final class ExportOutput: @unchecked Sendable {
    private let handle: FileHandle
    private let path: String?
    private let partial: String?

    /// Opens `path` (a new file beside it until `finish()`), or standard output when nil.
    init(path: String?) throws {
        self.path = path
        guard let path else {
            handle = .standardOutput
            partial = nil
            return
        }
        let partial = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial)
        else { throw AppRunner.failure(CommandText.cannotWrite(path)) }
        self.handle = handle
        self.partial = partial
    }

    func write(_ text: String) throws {
        do { try handle.write(contentsOf: Data(text.utf8)) } catch {
            throw AppRunner.failure(CommandText.cannotWrite(path ?? "stdout", error))
        }
    }

    /// Closes the file and gives it its name.
    func finish() throws {
        guard let path, let partial else { return }
        do {
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            throw AppRunner.failure(CommandText.cannotWrite(path, error))
        }
    }

    /// Removes what was written of a file that did not finish.
    func discard() {
        guard let partial else { return }
        try? handle.close()
        try? FileManager.default.removeItem(atPath: partial)
    }
}
