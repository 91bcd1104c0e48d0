import Foundation

/// Turns `lint`'s PATH arguments into file contents: files as given, directories walked.
enum LintFiles {
    enum Input {
        case file(path: String, text: String)
        case unreadable(path: String, message: String)
    }

    /// Extensions picked up when walking a directory (a file named on the command line is always read).
    static let extensions: Set<String> = ["json", "yaml", "yml", "template"]

    /// The inputs in a stable order: arguments in the order given, each directory sorted by path.
    /// A missing path is a usage error (exit 2 straight away); an unreadable file is reported and
    /// the rest go on.
    static func expand(_ paths: [String]) throws -> [Input] {
        var out: [Input] = []
        for path in paths {
            if path == "-" {
                out.append(read("-"))
                continue
            }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw CLIFailure("\(path): no such file or directory") }
            if isDir.boolValue {
                out += walk(path).map(read)
            } else {
                out.append(read(path))
            }
        }
        return out
    }

    static func walk(_ dir: String) -> [String] {
        let base = dir.hasSuffix("/") ? String(dir.dropLast()) : dir
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        while let rel = e.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            let full = base + "/" + rel
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
            if isDir.boolValue {
                if name.hasPrefix(".") { e.skipDescendants() }
                continue
            }
            if name.hasPrefix(".") { continue }
            if extensions.contains((name as NSString).pathExtension.lowercased()) { files.append(full) }
        }
        return files.sorted()
    }

    static func read(_ path: String) -> Input {
        do { return .file(path: path, text: try CLI.read(path)) } catch {
            let message = (error as? CLIFailure)?.message ?? "\(error)"
            // CLI.read prefixes the path; the report shows it once.
            let trimmed = message.hasPrefix("\(path): ") ? String(message.dropFirst(path.count + 2)) : message
            return .unreadable(path: path, message: trimmed)
        }
    }
}
