import Foundation
import XCTest
@testable import WTKit

/// The rules of the one access-control place, in process: what each kind of
/// actor (back office, client user, worker) may see and run.
final class AccessControlTests: XCTestCase {
    let backoffice = Actor.backoffice("backoffice:anna")
    let approver = Actor.portal(PortalUser(id: "u-1", email: "p@bakkerij.nl", client: "cl-1", roles: [.approver], departments: ["dep-1"]))
    let daan = Actor.worker(WorkerActor(id: "w-1", email: "daan@mail.example", name: "Daan Bakker"))

    func denied(_ body: () throws -> Void, _ fragment: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            try body()
            XCTFail("expected a denial", file: file, line: line)
        } catch let e as WTError {
            XCTAssertEqual(e.kind, .denied, e.message, file: file, line: line)
            XCTAssertTrue((e.message + " " + (e.hint ?? "")).contains(fragment), "\(e.message) \(e.hint ?? "")", file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
    }

    func testAWorkerSeesOnlyRecordsOfTheirOwn() {
        XCTAssertTrue(AccessControl.canSee(daan, client: "cl-1", department: "dep-1", worker: "w-1"))
        XCTAssertTrue(AccessControl.canSee(daan, client: "cl-9", department: "dep-9", worker: "w-1"), "their own at any client")
        XCTAssertFalse(AccessControl.canSee(daan, client: "cl-1", department: "dep-1", worker: "w-2"))
        XCTAssertFalse(AccessControl.canSee(daan, client: "cl-1"), "a client-level record has no worker: not theirs")
        XCTAssertTrue(AccessControl.canSee(backoffice, client: "cl-1", worker: "w-2"))
        XCTAssertTrue(AccessControl.canSee(approver, client: "cl-1", department: "dep-1", worker: "w-2"), "a client's user is not limited by worker")
        XCTAssertFalse(AccessControl.canSee(approver, client: "cl-2", worker: "w-1"))
        denied({ try AccessControl.requireVisible(daan, client: "cl-1", worker: "w-2", id: "d-7") }, "a worker sees only their own")
        XCTAssertNoThrow(try AccessControl.requireVisible(daan, client: "cl-1", worker: "w-1", id: "d-6"))
    }

    func testWorkerScopeLimitsQueriesToTheActingWorker() throws {
        XCTAssertEqual(try AccessControl.workerScope(daan), "w-1")
        XCTAssertEqual(try AccessControl.workerScope(daan, requested: "w-1"), "w-1")
        denied({ _ = try AccessControl.workerScope(daan, requested: "w-2") }, "records of worker w-2")
        XCTAssertNil(try AccessControl.workerScope(backoffice))
        XCTAssertEqual(try AccessControl.workerScope(backoffice, requested: "w-2"), "w-2")
        XCTAssertEqual(try AccessControl.workerScope(approver, requested: "w-2"), "w-2")
    }

    func testAWorkerRunsOnlyTheirVerbs() throws {
        for command in AccessControl.workerCommands { XCTAssertNoThrow(try AccessControl.requireMayRun(daan, command), command) }
        for command in ["declarations approve", "declarations reject", "declarations close", "declarations open", "invoices generate",
                        "documents sign", "config set", "workers list", "users list", "audit", "clients list", "payroll run"] {
            denied({ try AccessControl.requireMayRun(daan, command) }, "may not run `wt \(command)`")
            XCTAssertNoThrow(try AccessControl.requireMayRun(backoffice, command))
            XCTAssertNoThrow(try AccessControl.requireMayRun(approver, command), "a client user's roles are checked by the verb")
        }
    }

    func testRolesAndBackOfficeWorkRefuseAWorker() throws {
        denied({ try AccessControl.require(.approver, daan, toDo: "approve declarations") }, "approver role")
        denied({ try AccessControl.requireBackoffice(daan, toDo: "close declarations") }, "only back-office staff")
        XCTAssertNoThrow(try AccessControl.requireReporter(daan, toDo: "enter hours"))
        XCTAssertNoThrow(try AccessControl.requireReporter(backoffice, toDo: "enter hours"))
        denied({ try AccessControl.requireReporter(approver, toDo: "enter hours") }, "reported by the worker or the back office")
        XCTAssertNoThrow(try AccessControl.requireCommenter(daan))
        XCTAssertNoThrow(try AccessControl.requireCommenter(approver))
        let viewer = Actor.portal(PortalUser(id: "u-2", email: "v@bakkerij.nl", client: "cl-1", roles: [.viewer], departments: []))
        denied({ try AccessControl.requireCommenter(viewer) }, "approver role")
        XCTAssertEqual(daan.name, "daan@mail.example", "the audit trail names a worker by e-mail")
        XCTAssertFalse(daan.isBackoffice)
    }
}
