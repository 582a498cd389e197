import Testing

@testable import GanDanBench
@testable import GanDanStorage

@Suite("The bulk loader the scale benchmark compares against")
struct BulkLoaderTests {
    @Test("sqlite3 gets the same pragmas as GanDan's own bulk writes, so the comparison is fair")
    func samePragmas() {
        #expect(BulkLoader.sqlitePragmas == BulkWriteSettings.sqlitePragmas)
    }
}
