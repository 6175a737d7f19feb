import Foundation
import XCTest

@testable import WTKit

/// Trimming without Foundation trims exactly what Foundation's sets trim.
final class TrimmingTests: XCTestCase {
    func testSameAsFoundation() {
        let samples = [
            "", " ", "\t", "\n", " a ", "\ta b\t", "\n a \n", "\u{00A0}x\u{3000}", "\u{2028}x\u{2029}", "\u{85}x\u{0B}",
            "é ", " 😀 ", "\u{200B}x\u{200B}", "a\r\n", "\u{1680}\u{2000}\u{200A}\u{202F}\u{205F}y", "\u{200C}x\u{FEFF}", "\u{180E}x\u{2060}", " \u{301}a ", "a\u{301} ", "\t\u{301}",
        ]
        for s in samples {
            XCTAssertEqual(s.trimmingSpaces(), s.trimmingCharacters(in: .whitespaces), "\(Array(s.unicodeScalars))")
            XCTAssertEqual(s.trimmingSpacesAndNewlines(), s.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(s.unicodeScalars))")
        }
    }
}
