import XCTest
@testable import WTKit

final class AuditVerbTests: XCTestCase {
    func testAudit() throws {
        XCTAssertEqual(parses(ShowAudit.self, "audit"), .init(record: nil, actor: nil, since: nil))
        XCTAssertEqual(
            parses(ShowAudit.self, "audit", "--record", "d-1042", "--actor", "backoffice:anna", "--since", "2026-11-01"),
            .init(record: "d-1042", actor: "backoffice:anna", since: try CalendarDate.parse("2026-11-01")))
        refuses(ShowAudit.self, "audit", "--since", "1-11-2026", message: "--since: date \"1-11-2026\": expected YYYY-MM-DD")
        refuses(ShowAudit.self, "audit", "--since", "2026-02-30", kind: .invalid, message: "--since: date \"2026-02-30\" does not exist")
        refuses(ShowAudit.self, "audit", "--since", "2026-11-01", "--since", "2026-11-02", message: "given twice")
        refuses(ShowAudit.self, "audit", "d-1", message: "unexpected argument \"d-1\"")
    }

    func testTheDateHint() {
        XCTAssertThrowsError(try ShowAudit.parse(["audit", "--since", "yesterday"])) { e in
            XCTAssertEqual((e as? WTError)?.hint, "dates are written YYYY-MM-DD")
        }
    }
}
