import FluentKit

extension Array where Element: Model {
    /// Inserts the rows in multi-row statements of `batchSize`, so large loads take few round trips.
    func createInBatches(on db: any Database, batchSize: Int = 200) async throws {
        var start = 0
        while start < count {
            let end = Swift.min(start + batchSize, count)
            try await Array(self[start..<end]).create(on: db)
            start = end
        }
    }
}
