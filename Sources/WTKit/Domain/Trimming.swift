/// Trimming without Foundation: `trimmingCharacters(in:)` goes through
/// NSString, which costs a command more to set up than the rest of its
/// argument handling. The same sets as Foundation's `.whitespaces` and
/// `.whitespacesAndNewlines` (CoreFoundation's lists, which include U+200B).
public extension StringProtocol {
    /// Without leading and trailing spaces and tabs (line breaks are kept).
    func trimmingSpaces() -> String { Trimming.trim(String(self), Trimming.isSpace) }

    /// Without leading and trailing white space, line breaks included.
    func trimmingSpacesAndNewlines() -> String { Trimming.trim(String(self)) { Trimming.isSpace($0) || Trimming.isNewline($0) } }
}

enum Trimming {
    /// Foundation's `.whitespaces`: tab, space, no-break spaces, U+1680, U+2000–U+200B, U+202F, U+205F, U+3000.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Foundation's `.newlines`: U+000A–U+000D, U+0085, U+2028, U+2029.
    static func isNewline(_ s: Unicode.Scalar) -> Bool {
        (0x0A...0x0D).contains(s.value) || s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029
    }

    /// Cut by scalars, not Characters: a combining mark after a space stays.
    static func trim(_ s: String, _ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return s }
        return String(Substring(scalars[first...last]))
    }
}
