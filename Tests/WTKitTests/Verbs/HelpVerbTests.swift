import XCTest
@testable import WTKit

final class HelpVerbTests: XCTestCase {
    func testHelp() {
        XCTAssertEqual(parses(ShowHelp.self, "help"), .init(command: nil, verb: nil))
        XCTAssertEqual(parses(ShowHelp.self, "help", "declarations"), .init(command: "declarations", verb: nil))
        XCTAssertEqual(parses(ShowHelp.self, "help", "declarations", "approve"), .init(command: "declarations", verb: "approve"))
        refuses(ShowHelp.self, "help", "declarations", "approve", "now", message: "unexpected argument \"now\"")
    }
}
