import XCTest
@testable import WTKit

final class StatusVerbTests: XCTestCase {
    func testStatus() {
        XCTAssertEqual(parses(ShowStatus.self, "status"), .init(client: nil))
        XCTAssertEqual(parses(ShowStatus.self, "status", "--client", "cl-1"), .init(client: "cl-1"))
        refuses(ShowStatus.self, "status", "--client", "cl-1", "--client", "cl-2", message: "given twice")
        refuses(ShowStatus.self, "status", "--client", message: "option --client needs a value")
        refuses(ShowStatus.self, "status", "cl-1", message: "unexpected argument \"cl-1\"")
    }
}
