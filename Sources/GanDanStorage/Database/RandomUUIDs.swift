import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Random (version 4) UUIDs for bulk writes, their bytes drawn from the system's CSPRNG (`arc4random_buf`) a few
/// thousand at a time: `UUID()` asks the kernel once per id, 3 µs each, which was a tenth of a 60,000-row import's
/// row building (bench/scale).
struct RandomUUIDs {
    private var bytes: [UInt8] = []
    private var offset = 0
    /// UUIDs per draw.
    private let batch: Int

    init(batch: Int = 4_096) {
        self.batch = Swift.max(1, batch)
    }

    /// The next UUID, with the version (4) and variant (RFC 9562) bits set.
    mutating func next() -> UUID {
        #if canImport(Glibc) || canImport(Darwin)
            if offset + 16 > bytes.count {
                bytes = [UInt8](repeating: 0, count: batch * 16)
                bytes.withUnsafeMutableBytes { buffer in arc4random_buf(buffer.baseAddress!, buffer.count) }
                offset = 0
            }
            let b = bytes
            let o = offset
            offset += 16
            return UUID(
                uuid: (
                    b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4], b[o + 5], (b[o + 6] & 0x0F) | 0x40, b[o + 7],
                    (b[o + 8] & 0x3F) | 0x80, b[o + 9], b[o + 10], b[o + 11], b[o + 12], b[o + 13], b[o + 14], b[o + 15]
                ))
        #else
            return UUID()
        #endif
    }
}
