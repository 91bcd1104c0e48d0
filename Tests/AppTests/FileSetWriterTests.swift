@testable import App
import Foundation
import XCTest

final class FileSetWriterTests: XCTestCase {
    func tempDir() throws -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("fsw-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    func testWritesEveryFileWithModes() throws {
        let d = try tempDir() + "/nested/out"
        try FileSetWriter.write([.init(name: "a.json", contents: "{}\n"), .init(name: "run.sh", contents: "echo\n", executable: true)], to: d, overwrite: false)
        XCTAssertEqual(try String(contentsOfFile: d + "/a.json", encoding: .utf8), "{}\n")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: d + "/run.sh"))
        XCTAssertFalse(FileManager.default.isExecutableFile(atPath: d + "/a.json"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: d).sorted(), ["a.json", "run.sh"])
    }

    func testRefusesToOverwriteAndWritesNothing() throws {
        let d = try tempDir()
        try "keep\n".write(toFile: d + "/b.txt", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try FileSetWriter.write([.init(name: "a.txt", contents: "new"), .init(name: "b.txt", contents: "new")], to: d, overwrite: false)) { e in
            XCTAssertEqual(e as? FileSetWriter.WriteError, .exists(["b.txt"]))
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: d), ["b.txt"], "all or nothing: a.txt not written")
        XCTAssertEqual(try String(contentsOfFile: d + "/b.txt", encoding: .utf8), "keep\n")
        try FileSetWriter.write([.init(name: "b.txt", contents: "new")], to: d, overwrite: true)
        XCTAssertEqual(try String(contentsOfFile: d + "/b.txt", encoding: .utf8), "new")
    }

    func testFailureLeavesNoTemporaryFiles() throws {
        let d = try tempDir()
        // A directory where the second file should go makes its rename fail… before any rename,
        // the write of a file whose name is a directory path component fails instead.
        XCTAssertThrowsError(try FileSetWriter.write([.init(name: "ok.txt", contents: "x"), .init(name: "missing-dir/x.txt", contents: "y")], to: d, overwrite: false))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: d), [], "no temporaries, no partial set")
    }

    func testDiffering() throws {
        let d = try tempDir()
        let items: [FileSetWriter.Item] = [.init(name: "a", contents: "1"), .init(name: "b", contents: "2")]
        XCTAssertEqual(FileSetWriter.differing(items, in: d), ["a", "b"])
        try FileSetWriter.write(items, to: d, overwrite: false)
        XCTAssertEqual(FileSetWriter.differing(items, in: d), [])
    }
}
