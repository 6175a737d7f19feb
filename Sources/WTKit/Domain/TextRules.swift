/// Free text given on the command line (names, titles, reasons): trimmed,
/// non-empty, bounded, and without control characters that would corrupt a
/// table or a mail header.
public enum TextRules {
    public static func line(_ raw: String, what: String, max: Int = 200) throws -> String {
        let v = raw.trimmingSpaces()
        guard !v.isEmpty else { throw WTError.usage("\(what) must not be empty") }
        guard v.count <= max else { throw WTError.invalid("\(what) is \(v.count) characters; at most \(max) are allowed") }
        guard !v.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw WTError.invalid("\(what) contains control characters")
        }
        return v
    }

    /// Longer text (comments, reasons) may hold line breaks but no other control characters.
    public static func text(_ raw: String, what: String, max: Int = 2000) throws -> String {
        let v = raw.trimmingSpacesAndNewlines()
        guard !v.isEmpty else { throw WTError.usage("\(what) must not be empty") }
        guard v.count <= max else { throw WTError.invalid("\(what) is \(v.count) characters; at most \(max) are allowed") }
        guard !v.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }) else {
            throw WTError.invalid("\(what) contains control characters")
        }
        return v
    }
}

import Foundation
