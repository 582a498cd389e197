import Foundation

/// A table as compact bytes, for keeping a parsed upload between the steps of an import (issue 21: the file is
/// parsed once, at upload; the mapping, check and confirmation read the table back). Lengths and numbers are
/// variable-length integers and the text is UTF-8 as it is, so the bytes are about the size of the text and read
/// back without parsing: "GDT1", the header line, the header, then each row's line and cells.
extension ImportTable {
    private static let magic = Array("GDT1".utf8)

    /// The table as bytes.
    public func encoded() -> Data {
        var bytes = Self.magic
        bytes.reserveCapacity(64 + rows.count * (8 + header.count * 8))
        Self.put(headerLine, into: &bytes)
        Self.put(header, into: &bytes)
        Self.put(rows.count, into: &bytes)
        for row in rows {
            Self.put(row.line, into: &bytes)
            Self.put(row.cells, into: &bytes)
        }
        return Data(bytes)
    }

    /// The table `encoded()` made, or nil when `data` is not one.
    public init?(encoded data: Data) {
        var reader = Reader(bytes: [UInt8](data))
        guard reader.take(Self.magic.count) == Self.magic[...], let headerLine = reader.number(),
            let header = reader.strings(), let count = reader.count()
        else { return nil }
        var rows: [Row] = []
        rows.reserveCapacity(count)
        for _ in 0..<count {
            guard let line = reader.number(), let cells = reader.strings() else { return nil }
            rows.append(Row(line: line, cells: cells))
        }
        guard reader.atEnd else { return nil }
        self.init(header: header, headerLine: headerLine, rows: rows)
    }

    /// A signed number, zigzag-coded (0, -1, 1, -2 … → 0, 1, 2, 3 …) as an unsigned LEB128 integer.
    private static func put(_ number: Int, into bytes: inout [UInt8]) {
        var value = UInt64(bitPattern: Int64(number) << 1 ^ Int64(number) >> 63)
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func put(_ strings: [String], into bytes: inout [UInt8]) {
        put(strings.count, into: &bytes)
        for string in strings {
            put(string.utf8.count, into: &bytes)
            bytes.append(contentsOf: string.utf8)
        }
    }

    /// Reads what `put` wrote; every read is nil past the end or on a number that does not fit.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, count <= bytes.count - index else { return nil }
            defer { index += count }
            return bytes[index..<(index + count)]
        }

        mutating func number() -> Int? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)) }
                shift += 7
            }
            return nil
        }

        /// A count of things that follow: each takes at least a byte, so more than the bytes left is not one.
        mutating func count() -> Int? {
            guard let count = number(), count >= 0, count <= bytes.count - index else { return nil }
            return count
        }

        mutating func strings() -> [String]? {
            guard let count = count() else { return nil }
            var strings: [String] = []
            strings.reserveCapacity(count)
            for _ in 0..<count {
                guard let length = self.count(), let text = take(length) else { return nil }
                strings.append(String(decoding: text, as: UTF8.self))
            }
            return strings
        }
    }
}
