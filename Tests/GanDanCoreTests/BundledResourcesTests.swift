import Foundation
import Testing

@testable import GanDanCore

@Suite("An installed GanDan finds its resource folders next to its binary, or says where it looked")
struct BundledResourcesTests {
    /// A scratch folder removed at the end of `body`.
    func withScratch(_ body: (URL) throws -> Void) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gandan-bundles-\(UUID())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try body(scratch)
    }

    /// `folder/NAME.resources/required/` (`.bundle` on Apple platforms, as SwiftPM names it there).
    func makeBundle(_ lookup: BundledResources, in folder: URL, holding required: String?) throws {
        var bundle = folder.appendingPathComponent(lookup.fileName)
        #if !os(Linux)
            bundle = bundle.appendingPathComponent("Contents/Resources")
        #endif
        if let required { bundle = bundle.appendingPathComponent(required) }
        try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
    }

    @Test("a binary copied without its resource folders names every path it looked for, and does not trap")
    func missing() throws {
        try withScratch { scratch in
            let nextToBinary = scratch.appendingPathComponent("opt/gandan")
            let buildFolder = scratch.appendingPathComponent("src/.build/release")
            let lookup = BundledResources(
                name: "GanDan_GanDanWeb", required: "Views", folders: [nextToBinary, buildFolder])
            let error = #expect(throws: MissingResources.self) { try lookup.resourceFolder() }
            #expect(error?.searched == [nextToBinary.path, buildFolder.path].map { $0 + "/" + lookup.fileName })
            let message = error?.description ?? ""
            #expect(message.contains(nextToBinary.path + "/" + lookup.fileName))
            #expect(message.contains(buildFolder.path + "/" + lookup.fileName))
            #expect(message.contains("Views"))
        }
    }

    @Test("the folder next to the binary wins over the build folder, and a bundle without its templates is passed by")
    func order() throws {
        try withScratch { scratch in
            let halfCopied = scratch.appendingPathComponent("half")
            let nextToBinary = scratch.appendingPathComponent("opt/gandan")
            let buildFolder = scratch.appendingPathComponent("src/.build/release")
            let lookup = BundledResources(
                name: "GanDan_GanDanWeb", required: "Views", folders: [halfCopied, nextToBinary, buildFolder])
            try makeBundle(lookup, in: halfCopied, holding: nil)
            try makeBundle(lookup, in: nextToBinary, holding: "Views")
            try makeBundle(lookup, in: buildFolder, holding: "Views")
            let found = try lookup.resourceFolder()
            #expect(found.standardizedFileURL.path.hasPrefix(nextToBinary.standardizedFileURL.path + "/"))
            #expect(FileManager.default.fileExists(atPath: found.appendingPathComponent("Views").path))
        }
    }

    @Test("the build folder tried last is the package's .build of this configuration, as SwiftPM's accessor has it")
    func buildFolder() {
        let folder = BundledResources.buildFolder(sourceFile: "/src/gandan/Sources/GanDanWeb/App/WebResources.swift")
        #if DEBUG
            #expect(folder?.path == "/src/gandan/.build/debug")
        #else
            #expect(folder?.path == "/src/gandan/.build/release")
        #endif
        #expect(BundledResources.buildFolder(sourceFile: "/tmp/Elsewhere.swift") == nil)
    }

    @Test("a lookup by name tries the running executable's folder first")
    func executableFirst() throws {
        let lookup = BundledResources(name: "GanDan_GanDanWeb", required: "Views")
        let executable = try #require(Bundle.main.executableURL)
        #expect(
            lookup.folders.first == executable.resolvingSymlinksInPath().deletingLastPathComponent().standardizedFileURL
        )
    }
}
