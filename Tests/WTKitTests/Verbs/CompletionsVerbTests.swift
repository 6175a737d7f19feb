import XCTest
@testable import WTKit

final class CompletionsVerbTests: XCTestCase {
    func testCompletions() {
        for shell in Completions.shells { XCTAssertEqual(parses(PrintCompletions.self, "completions", shell), .init(shell: shell)) }
        refuses(PrintCompletions.self, "completions", message: "needs SHELL")
        refuses(PrintCompletions.self, "completions", "bsh", message: "unknown shell \"bsh\"")
        refuses(PrintCompletions.self, "completions", "bash", "zsh", message: "unexpected argument \"zsh\"")
        do {
            _ = try PrintCompletions.parse(["completions", "bsh"])
        } catch let e as WTError {
            XCTAssertEqual(e.hint, "did you mean `wt completions bash`?")
        } catch { XCTFail("\(error)") }
    }

    func testComplete() {
        XCTAssertEqual(parses(CompleteIds.self, "__complete", "clients"), .init(kind: "clients", prefix: ""))
        // Prefixes match without regard to case.
        XCTAssertEqual(parses(CompleteIds.self, "__complete", "users", "Piet@"), .init(kind: "users", prefix: "piet@"))
        refuses(CompleteIds.self, "__complete", message: "needs KIND")
    }

    func testDocs() {
        XCTAssertEqual(parses(WriteDocs.self, "__docs"), .init(dir: "."))
        XCTAssertEqual(parses(WriteDocs.self, "__docs", "/src/wt"), .init(dir: "/src/wt"))
        refuses(WriteDocs.self, "__docs", "a", "b", message: "unexpected argument \"b\"")
    }
}
