import Foundation

/// Writes a set of files into a directory all together or not at all.
///
/// Each file is first written to a temporary file in the target directory (same filesystem, so the
/// final `rename` is atomic), then every temporary is renamed into place. If anything fails before
/// the renames, the temporaries are removed and the directory is untouched; existing files are
/// never replaced unless `overwrite` is set.
public enum FileSetWriter {
    /// A file to write.
    public struct Item: Sendable, Equatable {
        public var name: String
        public var contents: String
        public var executable: Bool
        public init(name: String, contents: String, executable: Bool = false) { self.name = name; self.contents = contents; self.executable = executable }
    }

    /// Why writing failed.
    public enum WriteError: Error, Equatable, CustomStringConvertible {
        case exists([String])
        case io(String)
        public var description: String {
            switch self {
            case .exists(let names): return "refusing to overwrite existing file\(names.count == 1 ? "" : "s"): \(names.joined(separator: ", ")) (use --force)"
            case .io(let m): return m
            }
        }
    }

    /// Names of items whose file exists with different contents.
    public static func differing(_ items: [Item], in dir: String) -> [String] {
        items.filter { (try? String(contentsOfFile: dir + "/" + $0.name, encoding: .utf8)) != $0.contents }.map(\.name)
    }

    /// Writes all items into `dir` (created if missing).
    public static func write(_ items: [Item], to dir: String, overwrite: Bool) throws(WriteError) {
        let fm = FileManager.default
        do { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw .io("cannot create directory \(dir): \(error.localizedDescription)")
        }
        if !overwrite {
            let existing = items.filter { fm.fileExists(atPath: dir + "/" + $0.name) }.map(\.name)
            if !existing.isEmpty { throw .exists(existing) }
        }
        var temps: [(tmp: String, final: String)] = []
        let token = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        do {
            for item in items {
                let tmp = "\(dir)/.\(item.name).\(token).tmp"
                guard fm.createFile(atPath: tmp, contents: Data(item.contents.utf8),
                                    attributes: [.posixPermissions: item.executable ? 0o755 : 0o644]) else {
                    throw WriteError.io("cannot write \(dir)/\(item.name)")
                }
                temps.append((tmp, "\(dir)/\(item.name)"))
            }
            for t in temps {
                guard rename(t.tmp, t.final) == 0 else { throw WriteError.io("cannot move \(t.final) into place: \(String(cString: strerror(errno)))") }
            }
        } catch let e as WriteError {
            for t in temps { try? fm.removeItem(atPath: t.tmp) }
            throw e
        } catch {
            for t in temps { try? fm.removeItem(atPath: t.tmp) }
            throw .io(error.localizedDescription)
        }
    }
}
