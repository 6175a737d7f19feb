import XCTest
@testable import WTKit

final class OutboxVerbTests: XCTestCase {
    func testList() {
        XCTAssertEqual(parses(ListOutbox.self, "outbox", "list"), .init(kind: nil, to: nil))
        XCTAssertEqual(parses(ListOutbox.self, "outbox", "list", "--kind", "sms", "--to", "06 1234 5678"), .init(kind: .sms, to: "+31612345678"))
        XCTAssertEqual(parses(ListOutbox.self, "outbox", "list", "--to=P.deVries@Bakkerij.NL"), .init(kind: nil, to: "p.devries@bakkerij.nl"))
        refuses(ListOutbox.self, "outbox", "list", "--kind", "fax", message: "--kind: unknown kind \"fax\"")
        refuses(ListOutbox.self, "outbox", "list", "--kind", "mail", "--kind", "sms", message: "given twice")
        refuses(ListOutbox.self, "outbox", "list", "--knd", "mail", message: "unknown option --knd")
        refuses(ListOutbox.self, "outbox", "list", "msg-1", message: "unexpected argument")
    }

    func testShow() {
        XCTAssertEqual(parses(ShowOutboxMessage.self, "outbox", "show", "msg-12"), .init(id: "msg-12"))
        refuses(ShowOutboxMessage.self, "outbox", "show", message: "needs ID")
        refuses(ShowOutboxMessage.self, "outbox", "show", "msg-1", "msg-2", message: "unexpected argument \"msg-2\"")
    }
}
