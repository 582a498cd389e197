import Foundation
import GanDanCore

/// The web target's resource bundle: page templates (`Views`), styles and scripts (`Public`) and the API
/// description (`OpenAPI`), found next to the binary or in the build folder (`BundledResources`).
enum WebResources {
    static let bundle = BundledResources(name: "GanDan_GanDanWeb", required: "Views")

    /// The folder holding `Views`, `Public` and `OpenAPI`; `MissingResources` names the folders looked in.
    static func folder() throws(MissingResources) -> URL {
        try bundle.resourceFolder()
    }
}
