@testable import AWSKit
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `XMLReader` (which replaced Foundation's `XMLParser` in the binary) against `XMLParser` itself,
/// on AWS-shaped answers and on awkward and malformed documents: same tree, same refusals.
final class XMLReaderTests: XCTestCase {
    /// The tree `AWSKit.XMLNode.parse` built with `XMLParser` before (namespaces off, local names).
    private final class Reference: NSObject, XMLParserDelegate {
        final class Node {
            let name: String
            var text = ""
            var children: [Node] = []
            init(_ name: String) { self.name = name }
        }
        var stack: [Node] = []
        var root: Node?

        static func parse(_ text: String) -> Node? {
            let r = Reference()
            let parser = XMLParser(data: Data(text.utf8))
            parser.delegate = r
            parser.shouldProcessNamespaces = false
            guard parser.parse() else { return nil }
            return r.root
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = Node(elementName.split(separator: ":").last.map(String.init) ?? elementName)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            _ = stack.popLast()
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { stack.last?.text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    private func same(_ a: AWSKit.XMLNode, _ b: Reference.Node, _ doc: String) {
        XCTAssertEqual(a.name, b.name, doc)
        XCTAssertEqual(a.text, b.text, "\(a.name) in \(doc)")
        XCTAssertEqual(a.children.count, b.children.count, "\(a.name) in \(doc)")
        for (x, y) in zip(a.children, b.children) { same(x, y, doc) }
    }

    static let wellFormed = [
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleResult>
            <Credentials>
              <AccessKeyId>ASIAEXAMPLE</AccessKeyId>
              <SecretAccessKey>wJalr/K7MDENG+bPxRfiCY</SecretAccessKey>
              <SessionToken>FQoGZXIvYXdzE&amp;more==</SessionToken>
              <Expiration>2026-11-23T12:00:00Z</Expiration>
            </Credentials>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """,
        """
        <GetRolePolicyResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRolePolicyResult>\
        <PolicyDocument>%7B%22Version%22%3A%222012-10-17%22%7D</PolicyDocument><PolicyName>p</PolicyName>\
        <RoleName>r</RoleName></GetRolePolicyResult></GetRolePolicyResponse>
        """,
        "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/x is not authorized &lt;&quot;q&quot;&gt; &apos;a&apos;</Message></Error></ErrorResponse>",
        "<a:Root xmlns:a='urn:x' b = \"1 > 0\"><a:Child/><Child attr='v'>t</Child></a:Root>",
        "<r>caf\u{E9} &#233; &#xE9; &#x1F600; &#60;tag&#62;</r>",
        "<r><![CDATA[<not> &amp; parsed]]> and <!-- a comment --> more<?pi data?></r>",
        "\u{FEFF}<r>bom</r>",
        "<!-- before --><?pi x?>\n<r>\r\nline\rends\r\n</r>\n<!-- after -->\n",
        "<r><x>1</x>mixed<y>2</y>text</r>",
        "<r></r>",
        "<r><e></e><e/><e>  </e></r>",
        "<r>\n  <deep><deeper><deepest>x</deepest></deeper></deep>\n</r>",
    ]

    static let malformed = [
        "", "   ", "text", "<r>", "<r></s>", "<r><a></r></a>", "<r>&unknown;</r>", "<r>&amp</r>", "<r>a & b</r>",
        "<r attr></r>", "<r attr=x></r>",
        "<r attr='unterminated></r>", "</r>", "<r>&#0;</r>", "<r>&#xD800;</r>", "<>x</>",
    ]

    /// Not well-formed XML that Linux's `XMLParser` nevertheless reports as parsed (it stops at the
    /// end of the root, or forgives a missing space): refused here, as the XML specification says.
    static let strictOnly = ["<r/><s/>", "<r/>trailing", "<r><![CDATA[open</r>", "<r><!-- open</r>", "<r><a b='1'c='2'/></r>"]

    func testWellFormedDocumentsGiveTheSameTreeAsXMLParser() throws {
        for doc in Self.wellFormed {
            let reference = try XCTUnwrap(Reference.parse(doc), "XMLParser refused: \(doc)")
            let node = try XCTUnwrap(AWSKit.XMLNode.parse(Data(doc.utf8)), "XMLReader refused: \(doc)")
            same(node, reference, doc)
        }
    }

    func testMalformedDocumentsAreRefusedLikeXMLParser() {
        for doc in Self.malformed {
            XCTAssertNil(AWSKit.XMLNode.parse(Data(doc.utf8)), doc)
            XCTAssertNil(Reference.parse(doc), "XMLParser accepts \(doc)")
        }
        for doc in Self.strictOnly { XCTAssertNil(AWSKit.XMLNode.parse(Data(doc.utf8)), doc) }
        XCTAssertNil(AWSKit.XMLNode.parse(Data([0x3C, 0x72, 0x3E, 0xFF, 0xFE, 0x3C, 0x2F, 0x72, 0x3E])), "invalid UTF-8")
        // Refused on purpose although XMLParser reads it: a DOCTYPE (AWS sends none; no entity expansion).
        XCTAssertNil(AWSKit.XMLNode.parse(Data("<!DOCTYPE r [<!ENTITY e \"x\">]><r>&e;</r>".utf8)))
        XCTAssertNil(AWSKit.XMLNode.parse(Data("<!DOCTYPE r><r/>".utf8)))
    }

    func testAnswersReadAsTheClientReadsThem() throws {
        let root = try XCTUnwrap(AWSKit.XMLNode.parse(Data(Self.wellFormed[0].utf8)))
        XCTAssertEqual(root.first("Credentials")?.child("SessionToken")?.text, "FQoGZXIvYXdzE&more==")
        XCTAssertEqual(root.path("ResponseMetadata", "RequestId")?.text, "c6104cbe-af31-11e0-8154-cbc7ccf896c7")
        let error = try XCTUnwrap(AWSKit.XMLNode.parse(Data(Self.wellFormed[2].utf8)))
        XCTAssertEqual(error.first("Code")?.text, "AccessDenied")
        XCTAssertEqual(error.first("Message")?.text, "User: arn:aws:iam::1:user/x is not authorized <\"q\"> 'a'")
    }
}
