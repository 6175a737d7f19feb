import Foundation

/// Reads WTKit's sources as text and finds what breaks the code's shape:
/// a name defined in a higher layer's folder used in a lower one's file, an
/// option or config key read back by a string, a Swift file over 400 lines
/// that does not say why. The layers, lowest first: Domain (values and rules),
/// Platform (the outside world; may throw Domain's WTError), Store, Services,
/// then CLI and Commands together (the command vocabulary in CLI/, the nouns
/// in Commands/; CLI's table lists the nouns).
struct LayerCheck {
    static let rank = ["Domain": 0, "Platform": 1, "Store": 2, "Services": 3, "Commands": 4, "CLI": 4]
    static let maxLines = 400
    /// A long file states its reason in a comment starting so, in its first lines.
    static let longFileMarker = "// Long file:"

    struct Finding: CustomStringConvertible {
        let file: String
        let what: String
        var description: String { "\(file): \(what)" }
    }

    /// path (relative to Sources/WTKit) → contents
    let files: [String: String]

    static func load(root: String) throws -> LayerCheck {
        var files: [String: String] = [:]
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: root) else { return LayerCheck(files: [:]) }
        for case let rel as String in e where rel.hasSuffix(".swift") {
            files[rel] = try String(contentsOfFile: root + "/" + rel, encoding: .utf8)
        }
        return LayerCheck(files: files)
    }

    static func layer(_ rel: String) -> String? {
        let top = String(rel.split(separator: "/").first ?? "")
        return rank[top] == nil ? nil : top
    }

    /// Code without comments and string literals, so a word in a message or a
    /// comment is no use.
    static func code(_ src: String) -> String {
        var out = ""
        for line in src.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = String(line)
            if let r = l.range(of: "//") { l = String(l[..<r.lowerBound]) }
            l = l.replacingOccurrences(of: #""(?:\\.|[^"\\])*""#, with: "\"\"", options: .regularExpression)
            out += l + "\n"
        }
        return out
    }

    /// Top-level names each layer defines: types, and functions at the top level.
    func definitions() -> [String: Set<String>] {
        var defs: [String: Set<String>] = [:]
        let typeDecl = try! NSRegularExpression(
            pattern: #"^(?:public |internal |private |fileprivate |final |indirect )*(?:struct|enum|class|protocol|typealias|actor|func)\s+([A-Za-z_]\w*)"#,
            options: [.anchorsMatchLines])
        for (rel, src) in files {
            guard let layer = Self.layer(rel) else { continue }
            let ns = src as NSString
            for m in typeDecl.matches(in: src, range: NSRange(location: 0, length: ns.length)) {
                defs[ns.substring(with: m.range(at: 1)), default: []].insert(layer)
            }
        }
        return defs
    }

    func upwardUses() -> [Finding] {
        let defs = definitions()
        var found: [Finding] = []
        for (rel, src) in files.sorted(by: { $0.key < $1.key }) {
            guard let layer = Self.layer(rel), let mine = Self.rank[layer] else { continue }
            let code = Self.code(src)
            let words = Set(code.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init))
            for (name, layers) in defs where words.contains(name) {
                // A name also defined at or below this layer is that one.
                guard layers.allSatisfy({ Self.rank[$0]! > mine }) else { continue }
                found.append(Finding(file: rel, what: "\(layer) uses \(name) from \(layers.sorted().joined(separator: ", "))"))
            }
        }
        return found
    }

    static let stringReads = [
        #"\b(?:inv|env)\.(?:value|flag|list|required)\(""#,
        #"\bconfig\.(?:string|int|bool|value)\(""#,
        #"\bline\.(?:values|flags)\[""#,
    ]

    func stringKeyedReads() -> [Finding] {
        let patterns = Self.stringReads.map { try! NSRegularExpression(pattern: $0) }
        var found: [Finding] = []
        for (rel, src) in files.sorted(by: { $0.key < $1.key }) {
            for (i, line) in src.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let l = String(line)
                if l.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                let range = NSRange(location: 0, length: (l as NSString).length)
                if patterns.contains(where: { $0.firstMatch(in: l, range: range) != nil }) {
                    found.append(Finding(file: "\(rel):\(i + 1)", what: l.trimmingCharacters(in: .whitespaces)))
                }
            }
        }
        return found
    }

    func longFiles() -> [Finding] {
        files.sorted(by: { $0.key < $1.key }).compactMap { rel, src in
            let lines = src.split(separator: "\n", omittingEmptySubsequences: false).count
            guard lines > Self.maxLines else { return nil }
            let head = src.split(separator: "\n", omittingEmptySubsequences: false).prefix(20)
            if head.contains(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(Self.longFileMarker) }) { return nil }
            return Finding(file: rel, what: "\(lines) lines, and no `\(Self.longFileMarker) ...` comment saying why")
        }
    }
}
