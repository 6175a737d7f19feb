import Foundation
import XCTest

/// `workers edit --name` renames the worker in their open declarations only:
/// an invoiced one keeps the name it was invoiced under, and `store verify`
/// holds both to be right.
final class WorkerRenameTests: WTTestCase {
    func testARenameKeepsInvoicedNamesAndTheStoreVerifies() throws {
        initStore(sample: "demo")
        let before = jsonArray(expect(0, "declarations", "list", "--worker", "w-1", "--fields", "id,workerName,invoice", "--json"))
        XCTAssertTrue(before.contains { $0["invoice"] is String }, "the demo's w-1 has invoiced declarations")
        XCTAssertTrue(before.contains { !($0["invoice"] is String) }, "and open ones")
        expect(0, "workers", "edit", "w-1", "--name", "Nieuwe Naam")
        let after = jsonArray(expect(0, "declarations", "list", "--worker", "w-1", "--fields", "id,workerName,invoice", "--json"))
        let old = before.first?["workerName"] as? String
        for d in after {
            XCTAssertEqual(d["workerName"] as? String, d["invoice"] is String ? old : "Nieuwe Naam", "\(d)")
        }
        expect(0, "store", "verify")
    }
}
