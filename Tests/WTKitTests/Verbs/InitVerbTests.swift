import XCTest
@testable import WTKit

final class InitVerbTests: XCTestCase {
    func testInit() {
        XCTAssertEqual(parses(InitStore.self, "init"), .init(agency: nil, sample: nil))
        XCTAssertEqual(parses(InitStore.self, "init", "--agency", " WerkTalent BV ", "--sample", "demo"), .init(agency: "WerkTalent BV", sample: "demo"))
        XCTAssertEqual(parses(InitStore.self, "init", "--sample=large")?.sample, "large")
        refuses(InitStore.self, "init", "--sample", "dmeo", message: "--sample: unknown sample \"dmeo\"")
        refuses(InitStore.self, "init", "--agency", "", kind: .invalid, message: "--agency: \"\" must be 1 to 200 characters")
        refuses(InitStore.self, "init", "--agency", "A\u{7}", kind: .invalid, message: "--agency: \"")
        refuses(InitStore.self, "init", "--sample", "demo", "--sample", "large", message: "given twice")
        refuses(InitStore.self, "init", "demo", message: "unexpected argument \"demo\"")
    }

    func testSampleSuggestion() {
        XCTAssertThrowsError(try InitStore.parse(["init", "--sample", "dmeo"])) { e in
            XCTAssertEqual((e as? WTError)?.hint, "did you mean --sample demo?")
        }
    }
}
