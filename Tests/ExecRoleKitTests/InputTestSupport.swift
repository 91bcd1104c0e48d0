import ExecRoleKit
import IAMKit
import XCTest

/// Shared helpers for the input-loader tests.
enum InputTestSupport {
    static func load(_ text: String, kind: InputKind? = nil, name: String = "input.json",
                     file: StaticString = #filePath, line: UInt = #line) throws -> (LoadedInput, JSONDocument) {
        let doc = try JSONParser.parse(text)
        return (try InputLoader.load(doc, kind: kind, name: name), doc)
    }

    /// The `line:column` a pointer resolves to in a document.
    static func at(_ doc: JSONDocument, _ pointer: String) -> String { doc.position(of: pointer).description }
}
