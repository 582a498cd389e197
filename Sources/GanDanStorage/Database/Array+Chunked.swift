extension Array {
    /// Slices of at most `size` elements, to keep `IN (…)` lists within every database's limits on bound values.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
