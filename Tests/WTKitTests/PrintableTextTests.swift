import Foundation
import XCTest

@testable import WTKit

/// The four ways wt shows untrusted text, pinned byte for byte on hostile input: they
/// now share one function, and a message, an id in an error, a quoted value or a table
/// cell must read exactly as before.
final class PrintableTextTests: XCTestCase {
    private let esc = "\u{1B}[31mred\u{1B}[0m"
    private let csi8 = "a\u{9B}31mb\u{85}c\u{9F}d"
    private let nulDel = "x\u{0}y\u{7F}z\u{7}"
    private let whitespace = "a\tb\rc\nd\r\ne"
    private let quotes = "say \"hi\" to C:\\dir\\"
    private let marks = "e\u{301}👍🏽👨‍👩‍👧\u{200D}\u{A0}"

    private func x(_ n: Int) -> String { String(repeating: "x", count: n) }

    private func pin(_ f: (String) -> String, _ cases: [(String, String)], file: StaticString = #filePath, line: UInt = #line) {
        for (input, expected) in cases {
            let got = f(input)
            XCTAssertEqual(Array(got.unicodeScalars), Array(expected.unicodeScalars),
                           "input \(Array(input.unicodeScalars).prefix(12))…", file: file, line: line)
        }
    }

    /// A message on stderr: C0 but the line break, DEL and C1 become `?`; each line is
    /// cut after 1000 Unicode scalars, so a combining mark or a skin tone at the cut goes.
    func testMessage() {
        pin(WT.printable, [
            ("", ""),
            (esc, "?[31mred?[0m"),
            (csi8, "a?31mb?c?d"),
            (nulDel, "x?y?z?"),
            (whitespace, "a?b?c\nd?\ne"),
            (quotes, quotes),
            (marks, marks),
            (x(1000), x(1000)),
            (x(1001), x(1000) + "…"),
            (x(2000), x(1000) + "…"),
            (x(2000) + "\nshort\n" + x(1001) + "\n" + x(1000) + "\n", x(1000) + "…\nshort\n" + x(1000) + "…\n" + x(1000) + "\n"),
            (x(999) + "\r\ny", x(999) + "?\ny"),
            (x(1000) + "\r\ny", x(1000) + "…\ny"),
            (x(999) + "e\u{301}z", x(999) + "e…"),
            (x(998) + "e\u{301}", x(998) + "e\u{301}"),
            (x(999) + "👍🏽", x(999) + "👍…"),
            (x(1000) + "\u{1B}[2J", x(1000) + "…"),
        ])
    }

    /// An argument quoted inside a message: cut after 60 Characters (a letter with its
    /// marks, an emoji with its modifiers count once), C0 and DEL become `?`, C1 stays.
    func testArgument() {
        pin(RecordKind.printable, [
            ("", ""),
            (esc, "?[31mred?[0m"),
            (csi8, csi8),
            (nulDel, "x?y?z?"),
            (whitespace, "a?b?c?d??e"),
            (quotes, quotes),
            (marks, marks),
            (x(60), x(60)),
            (x(61), x(60) + "…"),
            (x(2000), x(60) + "…"),
            ("l1\nl2\n" + x(2000), "l1?l2?" + x(54) + "…"),
            (x(59) + "e\u{301}", x(59) + "e\u{301}"),
            (x(59) + "e\u{301}z", x(59) + "e\u{301}…"),
            (x(59) + "👨‍👩‍👧" + "👍🏽", x(59) + "👨‍👩‍👧…"),
            (String(repeating: "e\u{301}", count: 61), String(repeating: "e\u{301}", count: 60) + "…"),
            (x(58) + "\r\n" + "y", x(58) + "??y"),
            (x(59) + "\r\n" + "y", x(59) + "??…"),
        ])
    }

    /// A value in a domain error: in double quotes, `"` and `\` escaped, \n \r \t as
    /// such and every other control character as \u{hex}; cut after 64 Unicode scalars.
    func testQuoted() {
        pin(DomainText.quote, [
            ("", "\"\""),
            (esc, "\"\\u{1b}[31mred\\u{1b}[0m\""),
            (csi8, "\"a\\u{9b}31mb\\u{85}c\\u{9f}d\""),
            (nulDel, "\"x\\u{0}y\\u{7f}z\\u{7}\""),
            (whitespace, "\"a\\tb\\rc\\nd\\r\\ne\""),
            (quotes, "\"say \\\"hi\\\" to C:\\\\dir\\\\\""),
            (marks, "\"" + marks + "\""),
            (x(64), "\"" + x(64) + "\""),
            (x(65), "\"" + x(64) + "…\""),
            (x(2000), "\"" + x(64) + "…\""),
            (String(repeating: "\n", count: 64), "\"" + String(repeating: "\\n", count: 64) + "\""),
            (String(repeating: "\n", count: 65), "\"" + String(repeating: "\\n", count: 64) + "…\""),
            (x(62) + "e\u{301}", "\"" + x(62) + "e\u{301}\""),
            (x(63) + "e\u{301}", "\"" + x(63) + "e…\""),
            (x(63) + "👍🏽", "\"" + x(63) + "👍…\""),
            (x(63) + "\u{1B}[0m", "\"" + x(63) + "\\u{1b}…\""),
        ])
    }

    /// A table cell: line breaks and tabs become spaces, other C0, DEL and C1 `?`; no cut.
    func testCell() {
        pin({ Renderer.display(.string($0), .text) }, [
            ("", ""),
            (esc, "?[31mred?[0m"),
            (csi8, "a?31mb?c?d"),
            (nulDel, "x?y?z?"),
            (whitespace, "a b c d  e"),
            (quotes, quotes),
            (marks, marks),
            (x(2000) + "\n" + x(2000), x(2000) + " " + x(2000)),
        ])
    }
}
