import Foundation

/// Turns `lint`'s PATH arguments into file contents: files as given, directories walked.
enum LintFiles {
    enum Input {
        /// The raw bytes: JSON is parsed from them directly (the parser checks UTF-8 in strings).
        case file(path: String, bytes: [UInt8])
        case unreadable(path: String, message: String)
    }

    /// Extensions picked up when walking a directory (a file named on the command line is always read).
    static let extensions: Set<String> = ["json", "yaml", "yml", "template"]

    /// The input paths in a stable order: arguments in the order given, each directory's files sorted.
    /// A missing path is a usage error (exit 2 straight away); reading happens later, per file, so an
    /// unreadable file is reported and the rest go on.
    static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for path in paths {
            if path == "-" { out.append(path); continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { throw CLIFailure("\(path): no such file or directory") }
            if isDir.boolValue { out += walk(path) } else { out.append(path) }
        }
        return out
    }

    /// Files under `dir` with a lintable extension, hidden files and directories skipped.
    ///
    /// Plain readdir: Foundation's URL enumerator with resource values took a sixth of the whole
    /// run on the 1,485-file corpus.
    static func walk(_ dir: String) -> [String] {
        var files: [String] = []
        collect(dir.hasSuffix("/") && dir.count > 1 ? String(dir.dropLast()) : dir, into: &files)
        return files.sorted()
    }

    /// Whether a file named `name` has a lintable extension (`extensions`, in any case).
    ///
    /// On the name's bytes when it is ASCII: `lastIndex(of:)` on characters, then a lowercased
    /// copy, were a third of walking the corpus directory. Other names take the character-wise
    /// definition (a `.` followed by a combining mark is no separator there).
    static func hasLintableExtension(_ name: String) -> Bool {
        let ascii: Bool? = name.withUTF8Bytes { b in
            guard b.allSatisfy({ $0 < 0x80 }), let dot = b.lastIndex(of: UInt8(ascii: ".")) else { return nil }
            let ext = UnsafeBufferPointer(rebasing: b[(dot + 1)...])
            return extensionWords.contains { word in
                word.count == ext.count && zip(word, ext).allSatisfy { w, e in e == w || (e >= 0x41 && e <= 0x5A && e | 0x20 == w) }
            }
        }
        if let ascii { return ascii }
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// `extensions` as bytes (lowercase letters only).
    private static let extensionWords: [[UInt8]] = extensions.map { Array($0.utf8) }

    private static func collect(_ dir: String, into files: inout [String]) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            let full = joinedPath(dir, name)
            var isDir = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) || Int32(entry.pointee.d_type) == Int32(DT_LNK) {
                var st = stat()
                isDir = stat(full, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            }
            if isDir {
                collect(full, into: &files)
            } else if hasLintableExtension(name) {
                files.append(full)
            }
        }
    }

    /// `dir + "/" + name`, written into one new string (`+` twice made an intermediate string).
    static func joinedPath(_ dir: String, _ name: String) -> String {
        dir.withUTF8Bytes { d in
            name.withUTF8Bytes { n in
                String(unsafeUninitializedCapacity: d.count + 1 + n.count) { out in
                    _ = out.initialize(fromContentsOf: d)
                    out[d.count] = UInt8(ascii: "/")
                    _ = UnsafeMutableBufferPointer(rebasing: out[(d.count + 1)...]).initialize(fromContentsOf: n)
                    return d.count + 1 + n.count
                }
            }
        }
    }

    /// Reads `path`, which is `paths[index]` of the `directories` made for a run's paths (then the
    /// file is opened through its directory's handle when there is one).
    static func read(_ path: String, index: Int? = nil, directories: Directories? = nil) -> Input {
        if path == "-" {
            return .file(path: "-", bytes: readAll(STDIN_FILENO, size: nil) ?? [])
        }
        let fd = index.flatMap { directories?.open($0, path) } ?? open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable(path: path, message: "cannot read (permission denied?)") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .unreadable(path: path, message: "cannot read (permission denied?)") }
        let regular = (st.st_mode & S_IFMT) == S_IFREG
        guard let bytes = readAll(fd, size: regular ? Int(st.st_size) : nil) else {
            return .unreadable(path: path, message: "cannot read (permission denied?)")
        }
        return .file(path: path, bytes: bytes)
    }

    /// Everything left to read on `fd`, or nil on a read error (a directory, an I/O error).
    ///
    /// Plain read(2) into one buffer of the file's size: FileManager's Data, then copying it into an
    /// array, cost two allocations and a copy per file. The buffer is not zeroed first, and a regular
    /// file of `size` bytes is read with one call: asking for a byte more and getting exactly `size`
    /// is the end of the file (a file that grew meanwhile returns more and is read on to its end).
    private static func readAll(_ fd: Int32, size: Int?) -> [UInt8]? {
        var capacity = max(size ?? 0, 0) + 1
        var failed = false
        var bytes = [UInt8]()
        while true {
            // Grown like an array: the bytes read so far are kept, the rest of the room is new.
            let previous = bytes
            var done = false
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                let base = buffer.baseAddress!
                if !previous.isEmpty { previous.withUnsafeBufferPointer { _ = buffer.initialize(fromContentsOf: $0) } }
                count = previous.count
                while count < capacity {
                    let n = readSome(fd, base + count, capacity - count)
                    if n > 0 {
                        count += n
                        if let size, count == size, count < capacity { done = true; return }
                        continue
                    }
                    if n == 0 { done = true; return }
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
            }
            if failed { return nil }
            if done { return bytes }
            capacity += max(capacity, 64 * 1024)
        }
    }
}

/// read(2); outside `LintFiles`, whose own `read` hides the C function inside the type.
private func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

extension LintFiles {
    /// Open handles on the directories of a run's input files, so each file is opened by its name
    /// (`openat`) instead of its whole path: the kernel's walk of every path component, on each of
    /// the corpus's 1,485 opens, was a third of the time spent opening files.
    ///
    /// The same file as `open(path)`: a handle is opened on the path's own directory text, relative
    /// to the same working directory, and follows the same symbolic links. A directory that cannot
    /// be opened (search permission only) is not held, and at most `limit` are, so a run over many
    /// small directories cannot run out of descriptors: the other files are opened by path.
    final class Directories: @unchecked Sendable {
        // @unchecked: both arrays are only read after `init`; the descriptors are closed in `deinit`.
        /// Every directory descriptor opened.
        private let handles: [Int32]
        /// Per input path: the handle of its directory (-1: none) and the byte offset of its name.
        private let entries: [(handle: Int32, nameOffset: Int)]
        static let limit = 64

        init(_ paths: [String]) {
            var handles: [Int32] = []
            var byDirectory: [String: Int32] = [:]
            var entries: [(handle: Int32, nameOffset: Int)] = []
            entries.reserveCapacity(paths.count)
            // The previous path with a directory, and that directory's handle: a walk lists each
            // directory's files together, so most paths reuse it after a byte comparison.
            var previous: (path: String, slash: Int, handle: Int32)?
            for path in paths {
                // The last '/' (not the final byte); none for a path with a NUL byte, which is left to
                // open(path) (it reads the path as a C string too), nor for "-".
                let slash: Int? = path == "-" ? nil : path.withUTF8Bytes { b in
                    var last = -1
                    for i in b.indices {
                        if b[i] == 0 { return nil }
                        if b[i] == UInt8(ascii: "/") { last = i }
                    }
                    return last >= 0 && last + 1 < b.count ? last : nil
                }
                guard let slash else {
                    entries.append((-1, 0))
                    continue
                }
                var handle: Int32 = -1
                if let p = previous, p.slash == slash, Self.samePrefix(p.path, path, count: slash) {
                    handle = p.handle
                } else {
                    let dirText = slash == 0 ? "/" : String(decoding: path.utf8.prefix(slash), as: UTF8.self)
                    if let known = byDirectory[dirText] {
                        handle = known
                    } else if handles.count < Self.limit {
                        handle = Foundation.open(dirText, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                        if handle >= 0 { handles.append(handle) }
                        byDirectory[dirText] = handle
                    }
                }
                previous = (path, slash, handle)
                entries.append((handle, slash + 1))
            }
            self.handles = handles
            self.entries = entries
        }

        /// Whether the first `count` bytes of `a` and `b` are equal (both have at least `count`).
        static func samePrefix(_ a: String, _ b: String, count: Int) -> Bool {
            a.withUTF8Bytes { x in
                b.withUTF8Bytes { y in
                    guard x.count >= count, y.count >= count else { return false }
                    for i in 0..<count where x[i] != y[i] { return false }
                    return true
                }
            }
        }

        deinit { for fd in handles { close(fd) } }

        /// Input `index` (whose text is `path`) opened read-only through its directory's handle, or
        /// nil when it has none (the caller opens the path).
        func open(_ index: Int, _ path: String) -> Int32? {
            guard entries.indices.contains(index) else { return nil }
            let (handle, offset) = entries[index]
            guard handle >= 0 else { return nil }
            precondition(offset > 0 && offset < path.utf8.count, "the path this entry was made for")
            // The name is the C string's tail: the bytes after the last '/', up to its terminator.
            return path.withCString { openat(handle, $0 + offset, O_RDONLY | O_CLOEXEC) }
        }
    }
}
