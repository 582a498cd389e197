import ArgumentParser
import GanDanStorage
import Testing

@testable import gandan

@Suite("A command's error is told once, in plain words")
struct AppRunnerTests {
    @Test("a failure a command has already told (its exit code) is passed on as it is, not told a second time")
    func toldOnce() {
        let passed = AppRunner.reported(ExitCode.failure, location: nil)
        #expect(passed as? ExitCode == .failure)
        let other = AppRunner.reported(ExitCode(3), location: nil)
        #expect(other as? ExitCode == ExitCode(3))
    }

    @Test("any other error is told in plain words and ends the command with exit code 1")
    func toldInWords() {
        let told = AppRunner.reported(StorageError.notFound("no such cell"), location: nil)
        #expect(told as? ExitCode == .failure)
        #expect(AppRunner.describe(StorageError.notFound("no such cell"), location: nil).contains("no such cell"))
    }
}
