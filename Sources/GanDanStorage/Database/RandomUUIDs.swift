import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Time-ordered UUIDs (version 7, RFC 9562) for bulk writes: 48 bits of Unix milliseconds, a 12-bit counter
/// for ids made in the same millisecond, and 62 random bits drawn from the system's CSPRNG (`arc4random_buf`) a few
/// thousand at a time.
///
/// Ids in creation order land at the end of each index on them (the primary keys, `memberships.member_id`),
/// instead of on a random page: a large import then changes few existing pages, which SQLite would otherwise copy
/// into a statement journal for every statement. `UUID()` (random, version 4) also took 3 µs per id here
/// (bench/scale). Each id is greater than the one before, also within a millisecond.
struct RandomUUIDs {
    private var bytes: [UInt8] = []
    private var offset = 0
    /// UUIDs per draw of random bytes.
    private let batch: Int
    private var lastMillisecond: UInt64 = 0
    private var counter: UInt16 = 0
    private let now: @Sendable () -> UInt64

    /// `now` gives Unix milliseconds (a parameter so that tests can stop the clock).
    init(batch: Int = 4_096, now: @escaping @Sendable () -> UInt64 = RandomUUIDs.unixMilliseconds) {
        self.batch = Swift.max(1, batch)
        self.now = now
    }

    static func unixMilliseconds() -> UInt64 {
        UInt64(Date().timeIntervalSince1970 * 1_000)
    }

    /// 64 random bits, from the batch drawn last.
    private mutating func randomBits() -> UInt64 {
        #if canImport(Glibc) || canImport(Darwin)
            if offset + 8 > bytes.count {
                bytes = [UInt8](repeating: 0, count: batch * 8)
                bytes.withUnsafeMutableBytes { buffer in arc4random_buf(buffer.baseAddress!, buffer.count) }
                offset = 0
            }
            var bits: UInt64 = 0
            for index in offset..<offset + 8 { bits = bits << 8 | UInt64(bytes[index]) }
            offset += 8
            return bits
        #else
            var generator = SystemRandomNumberGenerator()
            return generator.next()
        #endif
    }

    /// The next UUID, greater than every one this generator made before.
    mutating func next() -> UUID {
        var millisecond = now()
        if millisecond > lastMillisecond {
            lastMillisecond = millisecond
            counter = 0
        } else {
            // The same millisecond (or a clock that went back): count on, borrowing the next millisecond when the
            // 12-bit counter is used up.
            millisecond = lastMillisecond
            counter += 1
            if counter > 0x0FFF {
                lastMillisecond += 1
                millisecond = lastMillisecond
                counter = 0
            }
        }
        let r = randomBits()
        let m = millisecond
        func byte(_ value: UInt64, _ shift: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: value >> shift) }
        return UUID(
            uuid: (
                byte(m, 40), byte(m, 32), byte(m, 24), byte(m, 16), byte(m, 8), byte(m, 0),
                0x70 | UInt8(counter >> 8), UInt8(truncatingIfNeeded: counter),
                0x80 | (byte(r, 56) & 0x3F), byte(r, 48), byte(r, 40), byte(r, 32), byte(r, 24), byte(r, 16),
                byte(r, 8), byte(r, 0)
            ))
    }
}
