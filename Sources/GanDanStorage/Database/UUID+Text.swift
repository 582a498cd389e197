import Foundation

extension UUID {
    /// The text `uuidString` gives (upper-case hex in groups 8-4-4-4-12), written byte by byte: Foundation on Linux
    /// formats it through `snprintf`, which took a tenth of a 60,000-member import's write, five ids a member
    /// (bench/scale). Bulk writes store UUIDs in SQLite as this text, as Fluent does.
    var upperCaseText: String {
        withUnsafeBytes(of: uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { text in
                var position = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    text[position] = Self.hexDigit(byte >> 4)
                    text[position + 1] = Self.hexDigit(byte & 0x0F)
                    position += 2
                }
                return position
            }
        }
    }

    /// The upper-case hex digit of a value 0–15, as ASCII.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }
}
