import CGanDanZlib
import Foundation

/// One part of a workbook as an `InputStream` for `XMLParser`: its bytes are inflated as the parser reads them
/// (a hundred kilobytes or so at a time, never the whole part), and at most `limit` of them (issue 21): the size
/// the archive declares, which the reader has checked against its cap before. This counts what the data really
/// inflates to, since the declaration can be forged.
///
/// The stream ends (reads 0) at the end of the part, at the first problem (`problem`: past the limit, damaged
/// data, a document type declaration), or when the parser's delegate has `stopped` it.
final class XLSXPartStream: InputStream {
    /// Why the stream ended early.
    enum Problem: Equatable {
        /// More than the limit was inflated.
        case tooLarge
        /// The data is not what the archive says (the reason, for "the workbook is damaged: PART …").
        case damaged(String)
        /// The part declares a document type: no workbook part has one, and its entities could expand past any cap.
        case documentType
    }

    private(set) var problem: Problem?
    /// The bytes handed to the parser so far.
    private(set) var produced = 0
    /// Set by the parser's delegate when it has refused the part or met an error: nothing more is inflated.
    var stopped = false

    private let archive: Data
    private let part: XLSXArchive.Part
    private let limit: Int
    private var position: Int
    private var inflater = z_stream()
    private var inflating = false
    private var ended = false
    private var checksum: uLong = 0
    /// The last bytes handed out, to find a declaration split between two reads.
    private var tail: [UInt8] = []

    init(archive: Data, part: XLSXArchive.Part, limit: Int) {
        self.archive = archive
        self.part = part
        self.limit = limit
        position = part.data.lowerBound
        super.init(data: Data())
        if part.method == 8 {
            inflating =
                inflateInit2_(&inflater, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
            if !inflating { problem = .damaged("cannot be inflated") }
        }
    }

    deinit {
        if inflating { inflateEnd(&inflater) }
    }

    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { problem == nil && !stopped && !ended }
    override var streamStatus: Stream.Status { hasBytesAvailable ? .open : .atEnd }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength: Int) -> Int {
        guard problem == nil, !stopped, !ended, maxLength > 0 else { return 0 }
        let count = part.method == 8 ? inflate(into: buffer, maxLength) : copy(into: buffer, maxLength)
        guard count > 0 else {
            verifyChecksum()
            return 0
        }
        produced += count
        guard produced <= limit else {
            problem = .tooLarge
            return 0
        }
        if declaresDocumentType(buffer, count) {
            problem = .documentType
            return 0
        }
        checksum = crc32(checksum, buffer, uInt(count))
        verifyChecksum()
        return count
    }

    /// At the end of the data, the bytes handed out must match the archive's checksum.
    private func verifyChecksum() {
        if ended, problem == nil, checksum != uLong(part.crc32) { problem = .damaged("does not match its checksum") }
    }

    /// A stored part: its bytes as they are.
    private func copy(into buffer: UnsafeMutablePointer<UInt8>, _ maxLength: Int) -> Int {
        let count = min(maxLength, part.data.upperBound - position)
        archive.copyBytes(to: buffer, from: position..<(position + count))
        position += count
        if position == part.data.upperBound { ended = true }
        return count
    }

    /// A deflated part: inflates into `buffer` until it is full, the data ends, or the data is bad. Reads no
    /// further than the part's own compressed bytes, so data that never ends is damaged, not a loop.
    private func inflate(into buffer: UnsafeMutablePointer<UInt8>, _ maxLength: Int) -> Int {
        inflater.next_out = buffer
        inflater.avail_out = uInt(min(maxLength, Int(uInt.max)))
        while inflater.avail_out > 0 {
            let available = part.data.upperBound - position
            let result = archive.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int32 in
                guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return Z_BUF_ERROR }
                inflater.next_in = UnsafeMutablePointer(mutating: base + position)
                inflater.avail_in = uInt(min(available, 1 << 20))
                let before = inflater.avail_in
                let result = CGanDanZlib.inflate(&inflater, Z_NO_FLUSH)
                position += Int(before - inflater.avail_in)
                inflater.next_in = nil
                inflater.avail_in = 0
                return result
            }
            if result == Z_STREAM_END {
                ended = true
                break
            }
            guard result == Z_OK else {
                problem = .damaged(available == 0 ? "ends before its data does" : "holds data that cannot be inflated")
                break
            }
        }
        return maxLength - Int(inflater.avail_out)
    }

    private static let documentType = Array("<!DOCTYPE".utf8)

    /// Whether the bytes, with the end of the read before, hold "<!DOCTYPE". Looks only where a "!" is, which
    /// workbook XML hardly has.
    private func declaresDocumentType(_ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Bool {
        let marker = Self.documentType
        let seam = tail + UnsafeBufferPointer(start: buffer, count: min(count, marker.count - 1))
        var found =
            seam.count >= marker.count
            && (0...(seam.count - marker.count)).contains { seam[$0..<($0 + marker.count)].elementsEqual(marker) }
        var offset = 1
        while !found, offset < count, let hit = memchr(buffer + offset, Int32(UInt8(ascii: "!")), count - offset) {
            let at = buffer.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - 1
            found = at + marker.count <= count && (0..<marker.count).allSatisfy { buffer[at + $0] == marker[$0] }
            offset = at + 2
        }
        tail = Array(
            UnsafeBufferPointer(start: buffer + max(0, count - (marker.count - 1)), count: min(count, marker.count - 1))
        )
        return found
    }
}
