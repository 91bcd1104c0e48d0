/// Languages `CodeView` can colour.
public enum CodeLanguage: Sendable { case json, hcl, yaml, plain }

/// A per-line tokenizer for JSON, HCL and YAML. Line-local on purpose: the code view only colours
/// visible lines, and policy documents have no multi-line tokens worth the complexity (a heredoc
/// in HCL is shown as plain text).
public struct SyntaxHighlighter: Sendable {
    public var language: CodeLanguage
    public var theme: Theme

    public init(language: CodeLanguage, theme: Theme = Theme()) {
        self.language = language
        self.theme = theme
    }

    /// The spans of one line.
    public func highlight(_ line: String) -> [Span] {
        switch language {
        case .plain: return [Span(line, style: theme.text)]
        case .json: return tokenize(line, commentStarts: [], keyMarker: ":")
        case .hcl: return tokenize(line, commentStarts: ["#", "//"], keyMarker: "=")
        case .yaml: return tokenize(line, commentStarts: ["#"], keyMarker: ":")
        }
    }

    private static let keywords: Set<String> = [
        "true", "false", "null", "resource", "data", "variable", "output", "locals", "module",
        "provider", "terraform", "for", "in", "if", "yes", "no", "~",
    ]

    private func tokenize(_ line: String, commentStarts: [String], keyMarker: Character) -> [Span] {
        let chars = Array(line)
        var spans: [Span] = []
        var i = 0
        func add(_ s: String, _ st: Style) {
            if let last = spans.last, last.style == st { spans[spans.count - 1].text += s } else { spans.append(Span(s, style: st)) }
        }
        func startsComment(at i: Int) -> Bool {
            commentStarts.contains { c in
                let cc = Array(c)
                guard i + cc.count <= chars.count, Array(chars[i..<(i + cc.count)]) == cc else { return false }
                // In YAML/HCL "#" starts a comment only at line start or after a space.
                return c != "#" || i == 0 || chars[i - 1] == " "
            }
        }
        func nextNonSpace(from j: Int) -> Character? {
            var k = j
            while k < chars.count, chars[k] == " " { k += 1 }
            return k < chars.count ? chars[k] : nil
        }
        while i < chars.count {
            let c = chars[i]
            if startsComment(at: i) {
                add(String(chars[i...]), theme.syntaxComment)
                break
            }
            if c == "\"" || (c == "'" && language == .yaml) {
                var j = i + 1
                while j < chars.count, chars[j] != c { if chars[j] == "\\" { j += 1 }; j += 1 }
                j = min(j + 1, chars.count)
                let isKey = nextNonSpace(from: j) == keyMarker
                add(String(chars[i..<j]), isKey ? theme.syntaxKey : theme.syntaxString)
                i = j
                continue
            }
            if c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber) {
                var j = i + 1
                while j < chars.count, chars[j].isNumber || chars[j] == "." || chars[j] == "e" || chars[j] == "E" { j += 1 }
                add(String(chars[i..<j]), theme.syntaxNumber)
                i = j
                continue
            }
            if c.isLetter || c == "_" {
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || "_-./".contains(chars[j]) { j += 1 }
                let word = String(chars[i..<j])
                if nextNonSpace(from: j) == keyMarker, language != .json {
                    add(word, theme.syntaxKey)
                } else if SyntaxHighlighter.keywords.contains(word) {
                    add(word, theme.syntaxKeyword)
                } else {
                    add(word, language == .yaml ? theme.syntaxString : theme.text)
                }
                i = j
                continue
            }
            if "{}[]:,=()-".contains(c) { add(String(c), theme.syntaxPunctuation) } else { add(String(c), theme.text) }
            i += 1
        }
        return spans
    }
}
