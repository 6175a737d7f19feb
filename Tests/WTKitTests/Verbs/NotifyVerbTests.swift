import XCTest
@testable import WTKit

final class NotifyVerbTests: XCTestCase {
    func testNotify() {
        XCTAssertEqual(parses(SendNotifications.self, "notify"), .init())
        XCTAssertEqual(parses(SendNotifications.self, "--dry-run", "notify"), .init())
        refuses(SendNotifications.self, "notify", "now", message: "unexpected argument \"now\"")
        refuses(SendNotifications.self, "notify", "--client", "cl-1", message: "unknown option --client")
    }
}
