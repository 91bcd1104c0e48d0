import Foundation

/// A tiny XML tree for Query-protocol responses (IAM, STS). Namespaces are ignored: AWS responses
/// use one default namespace and element names are unique enough by path.
public final class XMLNode: @unchecked Sendable {
    // @unchecked: built once by `XMLReader`, then only read.
    public let name: String
    public private(set) var text: String = ""
    public private(set) var children: [XMLNode] = []

    init(name: String) { self.name = name }

    /// First direct child with this name.
    public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }

    /// All direct children with this name.
    public func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// Follows a path of direct children.
    public func path(_ names: String...) -> XMLNode? {
        var node: XMLNode? = self
        for n in names { node = node?.child(n) }
        return node
    }

    /// First node with this name anywhere below (depth first), including self.
    public func first(_ name: String) -> XMLNode? {
        if self.name == name { return self }
        for c in children { if let f = c.first(name) { return f } }
        return nil
    }

    /// Parses a document; nil when it is not well-formed XML (see `XMLReader` for what is read).
    public static func parse(_ data: Data) -> XMLNode? {
        XMLReader.parse([UInt8](data))
    }

    /// Adds a child (while the reader builds the tree).
    func add(_ child: XMLNode) { children.append(child) }

    /// Adds character data (while the reader builds the tree); an element's text is all of its own
    /// character data, as `XMLParser`'s `foundCharacters` delivered it.
    func append(_ text: String) { self.text += text }
}
