import Foundation
import GanDanCore

/// The zip archive of an .xlsx workbook, read from its bytes: the central directory names each part, where its data
/// lies, how it is compressed and how large it says it is. Nothing is inflated here: `XLSXPartStream` inflates a
/// part as the XML parser reads it, counting the bytes against a cap (issue 21).
///
/// Read here rather than through ZIPFoundation, whose reader inflates by pushing chunks to a consumer (the parser
/// needs to pull them), and on Linux reads on past a deflate stream that does not end until the archive's end,
/// then loops for ever on nothing.
struct XLSXArchive {
    /// One part (file) of the archive.
    struct Part {
        var name: String
        /// 0 stored, 8 deflated; anything else is refused when the part is read.
        var method: UInt16
        var encrypted: Bool
        var crc32: UInt32
        /// Where the compressed bytes lie in the archive.
        var data: Range<Int>
        /// The uncompressed size the archive declares: checked before inflating, never trusted while inflating.
        var declaredSize: UInt64
    }

    let bytes: Data
    private let directory: Range<Int>
    private let entries: Int

    /// The archive's directory; an error when `bytes` is not a zip archive.
    init(_ bytes: Data) throws(InputError) {
        self.bytes = bytes.startIndex == 0 ? bytes : Data(bytes)  // indices from 0
        let notZip = InputError.malformed("the file is not an .xlsx workbook (not a zip archive)")
        guard let end = Self.endOfDirectory(in: self.bytes) else { throw notZip }
        var count = Int(self.bytes.uint16(at: end + 10) ?? 0)
        var size = UInt64(self.bytes.uint32(at: end + 12) ?? 0)
        var offset = UInt64(self.bytes.uint32(at: end + 16) ?? 0)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF, end >= 20,
            self.bytes.uint32(at: end - 20) == 0x0706_4B50, let record = self.bytes.uint64(at: end - 12),
            record < UInt64(self.bytes.count), self.bytes.uint32(at: Int(record)) == 0x0606_4B50
        {
            // ZIP64: the counts and offsets are in the ZIP64 end record the locator points to.
            count = Int(clamping: self.bytes.uint64(at: Int(record) + 32) ?? 0)
            size = self.bytes.uint64(at: Int(record) + 40) ?? 0
            offset = self.bytes.uint64(at: Int(record) + 48) ?? 0
        }
        guard offset <= UInt64(self.bytes.count), size <= UInt64(self.bytes.count) - offset else { throw notZip }
        directory = Int(offset)..<Int(offset + size)
        entries = count
    }

    /// The part named `name` (the first, if the archive names it twice), or nil when there is none.
    /// The directory is walked again at each call: a workbook reads five parts, and nothing is kept per entry
    /// however many entries a forged archive lists.
    func part(_ name: String) throws(InputError) -> Part? {
        let wanted = Array(name.utf8)
        var offset = directory.lowerBound
        for _ in 0..<entries {
            guard offset + 46 <= directory.upperBound, bytes.uint32(at: offset) == 0x0201_4B50,
                let nameLength = bytes.uint16(at: offset + 28).map(Int.init),
                let extraLength = bytes.uint16(at: offset + 30).map(Int.init),
                let commentLength = bytes.uint16(at: offset + 32).map(Int.init),
                offset + 46 + nameLength + extraLength <= bytes.count
            else { throw damaged }
            let next = offset + 46 + nameLength + extraLength + commentLength
            if nameLength == wanted.count, bytes[(offset + 46)..<(offset + 46 + nameLength)].elementsEqual(wanted) {
                return try entry(at: offset, nameLength: nameLength, extraLength: extraLength, name: name)
            }
            offset = next
        }
        return nil
    }

    private var damaged: InputError { .malformed("the workbook is damaged: its zip directory cannot be read") }

    /// The directory entry at `offset`, with the sizes and offset of its ZIP64 field where the entry defers to it.
    private func entry(at offset: Int, nameLength: Int, extraLength: Int, name: String) throws(InputError) -> Part {
        let flags = bytes.uint16(at: offset + 8) ?? 0
        let method = bytes.uint16(at: offset + 10) ?? 0
        let crc = bytes.uint32(at: offset + 16) ?? 0
        var compressed = UInt64(bytes.uint32(at: offset + 20) ?? 0)
        var size = UInt64(bytes.uint32(at: offset + 24) ?? 0)
        var header = UInt64(bytes.uint32(at: offset + 42) ?? 0)
        // The ZIP64 extra field holds, in this order, each of the three that is 0xFFFFFFFF above.
        var extra = offset + 46 + nameLength
        let extraEnd = extra + extraLength
        while extra + 4 <= extraEnd, let id = bytes.uint16(at: extra), let length = bytes.uint16(at: extra + 2) {
            if id == 0x0001 {
                var field = extra + 4
                for value in [0, 1, 2] {
                    var wide = [size, compressed, header]
                    guard wide[value] == 0xFFFF_FFFF else { continue }
                    guard let read = bytes.uint64(at: field) else { throw damaged }
                    wide[value] = read
                    (size, compressed, header) = (wide[0], wide[1], wide[2])
                    field += 8
                }
            }
            extra += 4 + Int(length)
        }
        // The data follows the local header, whose name and extra field may differ in length from the directory's.
        guard bytes.count >= 30, header <= UInt64(bytes.count - 30), bytes.uint32(at: Int(header)) == 0x0403_4B50,
            let localName = bytes.uint16(at: Int(header) + 26), let localExtra = bytes.uint16(at: Int(header) + 28)
        else { throw damaged }
        let start = Int(header) + 30 + Int(localName) + Int(localExtra)
        guard start <= bytes.count, compressed <= UInt64(bytes.count - start) else { throw damaged }
        return Part(
            name: name, method: method, encrypted: flags & 1 != 0, crc32: crc, data: start..<(start + Int(compressed)),
            declaredSize: size)
    }

    /// The offset of the end-of-directory record: searched back from the end, over at most a 64 KB comment.
    private static func endOfDirectory(in bytes: Data) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 65_535)
        var offset = bytes.count - 22
        while offset >= lowest {
            if bytes[offset] == 0x50, bytes.uint32(at: offset) == 0x0605_4B50 { return offset }
            offset -= 1
        }
        return nil
    }
}

extension Data {
    /// The little-endian integer of `width` bytes at `offset` (indices from 0), or nil past the end.
    fileprivate func little(at offset: Int, width: Int) -> UInt64? {
        guard offset >= 0, offset <= count - width else { return nil }
        var value: UInt64 = 0
        for index in (0..<width).reversed() { value = value << 8 | UInt64(self[offset + index]) }
        return value
    }

    fileprivate func uint16(at offset: Int) -> UInt16? { little(at: offset, width: 2).map { UInt16($0) } }
    fileprivate func uint32(at offset: Int) -> UInt32? { little(at: offset, width: 4).map { UInt32($0) } }
    fileprivate func uint64(at offset: Int) -> UInt64? { little(at: offset, width: 8) }
}
