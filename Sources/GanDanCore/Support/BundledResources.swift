import Foundation

/// Finds a target's resource bundle (page templates, styles, the demo's unit list) without SwiftPM's generated
/// `Bundle.module`, which stops the process ("could not load resource bundle") when the bundle is missing.
///
/// An installed GanDan keeps its bundles next to the binary (the release tarball's layout); a build tree keeps them
/// next to the built binary too, and, like `Bundle.module`, the folder the package was built in is tried last.
/// A missing bundle is a `MissingResources` error that names every folder looked in.
public struct BundledResources: Sendable {
    /// The bundle's name without its extension, `GanDan_GanDanWeb` (SwiftPM: package name, `_`, target name).
    public let name: String
    /// A sub-folder the bundle must hold, so a stale or half-copied bundle is not taken for a good one.
    public let required: String
    /// The folders to look in, in order.
    public let folders: [URL]

    /// `name` looked up next to the running executable, then in the build folder of the package that holds
    /// `sourceFile` (pass `#filePath` from a file directly under `Sources/TARGET/…`).
    public init(name: String, required: String, sourceFile: String = #filePath) {
        self.init(
            name: name, required: required,
            folders: Self.executableFolders() + [Self.buildFolder(sourceFile: sourceFile)].compactMap { $0 })
    }

    public init(name: String, required: String, folders: [URL]) {
        self.name = name
        self.required = required
        var unique: [URL] = []
        for folder in folders.map(\.standardizedFileURL) where !unique.contains(folder) { unique.append(folder) }
        self.folders = unique
    }

    /// The bundle's file name: `.resources` on Linux, `.bundle` on Apple platforms (as SwiftPM makes them).
    public var fileName: String {
        #if os(Linux) || os(Windows) || os(Android)
            name + ".resources"
        #else
            name + ".bundle"
        #endif
    }

    /// The folder of the bundle's resources (holding `required`), or `MissingResources` naming where it looked.
    public func resourceFolder() throws(MissingResources) -> URL {
        for folder in folders {
            let candidate = folder.appendingPathComponent(fileName)
            let resources = Bundle(url: candidate)?.resourceURL ?? candidate
            var isFolder: ObjCBool = false
            let marker = resources.appendingPathComponent(required).path
            if FileManager.default.fileExists(atPath: marker, isDirectory: &isFolder), isFolder.boolValue {
                return resources
            }
        }
        throw MissingResources(
            bundle: fileName, required: required, searched: folders.map { $0.appendingPathComponent(fileName).path })
    }

    /// The folder of the running executable, with symbolic links resolved (a link in /usr/local/bin to an
    /// unpacked release finds the release's folder), and the folder as invoked.
    static func executableFolders() -> [URL] {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL {
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
            folders.append(executable.deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        return folders
    }

    /// `PACKAGE/.build/debug` or `/release` (SwiftPM's links to the build folder of this configuration), PACKAGE
    /// being the folder above `Sources` in `sourceFile`.
    static func buildFolder(sourceFile: String) -> URL? {
        var folder = URL(fileURLWithPath: sourceFile)
        while folder.pathComponents.count > 1 {
            folder.deleteLastPathComponent()
            if folder.lastPathComponent == "Sources" {
                #if DEBUG
                    let configuration = "debug"
                #else
                    let configuration = "release"
                #endif
                return folder.deletingLastPathComponent().appendingPathComponent(".build")
                    .appendingPathComponent(configuration)
            }
        }
        return nil
    }
}

/// A resource bundle is in none of the folders looked in: the binary was installed without the bundles that
/// come with it.
public struct MissingResources: Error, CustomStringConvertible, Equatable {
    /// The bundle's file name, `GanDan_GanDanWeb.resources`.
    public var bundle: String
    /// What it must hold, `Views`.
    public var required: String
    /// The paths tried, in order.
    public var searched: [String]

    public init(bundle: String, required: String, searched: [String]) {
        self.bundle = bundle
        self.required = required
        self.searched = searched
    }

    public var description: String {
        "the resource folder \(bundle) (holding \(required)) is missing; looked for "
            + searched.joined(separator: ", ")
            + ". Keep the *.resources folders of the release next to the gandan binary."
    }
}
