import Foundation
import Vapor

/// The bundled public files (the style sheet and the script), served by Vapor's `FileMiddleware`; any other address
/// goes on to the routes without touching the file system. Asking the file system about every address made a path
/// segment longer than a file name may be (255 bytes) fail `stat` with "File name too long": a 500 (issue 21).
struct PublicFiles: AsyncMiddleware {
    let files: FileMiddleware
    /// The files' paths under the folder, without a leading slash (`styles.css`).
    let paths: Set<String>

    init(folder: String) throws {
        files = FileMiddleware(publicDirectory: folder)
        paths = Set(try FileManager.default.subpathsOfDirectory(atPath: folder))
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path.drop { $0 == "/" }
        guard paths.contains(String(path)) else { return try await next.respond(to: request) }
        return try await files.respond(to: request, chainingTo: next)
    }
}
