/// Untrusted text (an argument, a stored value, a received mail's header) made safe to
/// show: a control character could start an escape sequence that moves the cursor,
/// recolours the terminal or retitles its window, and an endless value would bury the
/// rest of the message. Every place wt shows such text states its rules here, as the
/// parameters of `make`, so the rules are written once.
public enum PrintableText {
    /// How much is shown: the first `count` units, then `…` if there was more.
    public struct Limit: Sendable {
        public enum Unit: Sendable {
            /// Unicode scalars: a combining mark or an emoji modifier counts on its own
            /// and may be cut off its base.
            case scalars
            /// Characters (grapheme clusters), as a reader counts letters.
            case characters
        }

        public var count: Int
        public var unit: Unit
        /// Each line (split at `\n`) is cut on its own, so a long line does not hide the
        /// lines after it.
        public var perLine: Bool

        public init(_ count: Int, _ unit: Unit, perLine: Bool = false) {
            self.count = count
            self.unit = unit
            self.perLine = perLine
        }
    }

    /// What `\n`, `\r` and `\t` become.
    public enum Breaks: Sendable {
        /// The same as any other control character.
        case likeControls
        /// `\n` stays a line break (a message of several lines); `\r` and `\t` are controls.
        case keepNewline
        /// All three become a space (one table row stays one line).
        case spaces
    }

    /// What a control character (Unicode category Cc: C0, DEL, C1) becomes.
    public enum Controls: Sendable {
        /// C0 and DEL become `?`; C1 passes unchanged.
        case markC0
        /// C0, DEL and C1 become `?` (C1's U+009B is CSI on a terminal that reads 8-bit controls).
        case mark
        /// `\n`, `\r`, `\t` as such, the others as `\u{hex}`, so the exact value can be read.
        case escape
    }

    /// - Parameter quoted: in double quotes, with `"` and `\` escaped so the quotes are
    ///   unambiguous.
    public static func make(
        _ text: String, limit: Limit? = nil, breaks: Breaks = .likeControls, controls: Controls = .mark, quoted: Bool = false
    ) -> String {
        // Most text (every cell of a table) is short printable ASCII: returned as it is.
        if limit == nil, !quoted, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var out = String.UnicodeScalarView()
        if quoted { out.append("\"") }
        func add(_ line: Substring) {
            let (kept, cut) = clip(line, limit)
            for c in kept.unicodeScalars { append(c, to: &out, breaks: breaks, controls: controls, quoted: quoted) }
            if cut { out.append("…") }
        }
        if limit?.perLine == true {
            for (i, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { append("\n", to: &out, breaks: breaks, controls: controls, quoted: quoted) }
                // A String of its own, so a `\r` left before the split-off `\n` ends its own Character.
                add(String(String.UnicodeScalarView(line))[...])
            }
        } else {
            add(text[...])
        }
        if quoted { out.append("\"") }
        return String(out)
    }

    /// The first `limit.count` units, and whether there were more.
    private static func clip(_ s: Substring, _ limit: Limit?) -> (Substring, cut: Bool) {
        guard let limit else { return (s, false) }
        switch limit.unit {
        case .scalars:
            let scalars = s.unicodeScalars
            guard let end = scalars.index(scalars.startIndex, offsetBy: limit.count, limitedBy: scalars.endIndex),
                  end < scalars.endIndex else { return (s, false) }
            return (Substring(scalars[..<end]), true)
        case .characters:
            guard let end = s.index(s.startIndex, offsetBy: limit.count, limitedBy: s.endIndex), end < s.endIndex else { return (s, false) }
            return (s[..<end], true)
        }
    }

    private static func append(
        _ c: Unicode.Scalar, to out: inout String.UnicodeScalarView, breaks: Breaks, controls: Controls, quoted: Bool
    ) {
        switch (c, breaks) {
        case ("\n", .keepNewline):
            out.append(c)
            return
        case ("\n", .spaces), ("\r", .spaces), ("\t", .spaces):
            out.append(" ")
            return
        default:
            break
        }
        if quoted, c == "\"" || c == "\\" {
            out.append("\\")
            out.append(c)
            return
        }
        // Category Cc, spelt out: this runs for every scalar of every table cell.
        guard c.value < 0x20 || (0x7F...0x9F).contains(c.value) else {
            out.append(c)
            return
        }
        switch controls {
        case .markC0:
            out.append(c.value < 0x80 ? "?" : c)
        case .mark:
            out.append("?")
        case .escape:
            switch c {
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            default: out.append(contentsOf: "\\u{\(String(c.value, radix: 16))}".unicodeScalars)
            }
        }
    }
}
