import Foundation

/// Locates test fixtures in the source tree (not bundle resources: the tests read the same files a
/// user would point the CLI at).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Every task definition shipped as a fixture (relative paths).
    static func taskDefinitions() throws -> [String] {
        let base = root.appendingPathComponent("taskdefs")
        var out: [String] = []
        for dir in try FileManager.default.contentsOfDirectory(atPath: base.path).sorted() {
            let d = base.appendingPathComponent(dir)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: d.path, isDirectory: &isDir), isDir.boolValue else { continue }
            for f in try FileManager.default.contentsOfDirectory(atPath: d.path).sorted() where f.hasSuffix(".json") {
                out.append("taskdefs/\(dir)/\(f)")
            }
        }
        return out
    }
}
