import XCTest
@testable import WTKit

final class StoreVerbTests: XCTestCase {
    func testVerify() {
        XCTAssertEqual(parses(VerifyStore.self, "store", "verify"), .init())
        refuses(VerifyStore.self, "store", "verify", "/tmp/x", message: "unexpected argument \"/tmp/x\"")
    }

    func testBackup() {
        XCTAssertEqual(parses(BackupStore.self, "store", "backup", "/var/backups/wt-1"), .init(dir: "/var/backups/wt-1"))
        refuses(BackupStore.self, "store", "backup", message: "needs DIR")
        refuses(BackupStore.self, "store", "backup", "a", "b", message: "unexpected argument \"b\"")
    }
}
