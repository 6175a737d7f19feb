import XCTest
@testable import WTKit

final class SmokeTests: XCTestCase {
    func testMainReturnsZero() { XCTAssertEqual(WT.main(), 0) }
}
