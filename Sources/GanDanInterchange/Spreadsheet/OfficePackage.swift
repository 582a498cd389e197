import Foundation
import ZIPFoundation

/// What the two Office Open XML files we write (.xlsx exports, .docx papers) share: the zip of named XML parts
/// and the document properties part.
enum OfficePackage {
    /// The package holding `parts` (path, XML text), each deflated and dated `created`.
    static func zip(_ parts: [(path: String, text: String)], created: Date) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: created,
                compressionMethod: .deflate,
                provider: { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// `docProps/core.xml`: the title, GanDan as creator, and when the file was made.
    static func coreProperties(title: String, created: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let stamp = formatter.string(from: created)
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <cp:coreProperties \
            xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(XLSXWriter.escaped(title))</dc:title><dc:creator>GanDan</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created>\
            </cp:coreProperties>
            """
    }
}
