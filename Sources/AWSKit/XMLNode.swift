import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A tiny XML tree for Query-protocol responses (IAM, STS). Namespaces are ignored: AWS responses
/// use one default namespace and element names are unique enough by path.
public final class XMLNode: @unchecked Sendable {
    // @unchecked: built once by the parser below, then only read.
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

    /// Parses a document; nil when it is not well-formed XML.
    public static func parse(_ data: Data) -> XMLNode? {
        let delegate = Builder()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = false
        guard parser.parse(), let root = delegate.root else { return nil }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let local = elementName.split(separator: ":").last.map(String.init) ?? elementName
            let node = XMLNode(name: local)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }
    }
}
