import XCTest
@testable import WTKit

final class WorkersVerbTests: XCTestCase {
    func testAdd() {
        XCTAssertEqual(parses(AddWorker.self, "workers", "add", " Sanne de Vries "), .init(name: "Sanne de Vries"))
        XCTAssertEqual(
            parses(AddWorker.self, "workers", "add", "S", "--email", "sanne@Example.NL", "--phone", "0612345678", "--iban", "nl91 abna 0417 1643 00"),
            .init(name: "S", email: "sanne@example.nl", phone: "+31612345678", iban: "NL91ABNA0417164300"))

        refuses(AddWorker.self, "workers", "add", message: "needs NAME")
        refuses(AddWorker.self, "workers", "add", " ", message: "the worker's name must not be empty")
        refuses(AddWorker.self, "workers", "add", "S\u{7}", kind: .invalid, message: "the worker's name contains control characters")
        refuses(AddWorker.self, "workers", "add", "S", "--email", "nope", kind: .invalid, message: "--email: ")
        refuses(AddWorker.self, "workers", "add", "S", "--phone", "12", kind: .invalid, message: "--phone: ")
        refuses(AddWorker.self, "workers", "add", "S", "--iban", "NL00ABNA0417164300", kind: .invalid, message: "--iban: ")
        refuses(AddWorker.self, "workers", "add", "S", "--iban", "x", "--iban", "y", message: "given twice")
        refuses(AddWorker.self, "workers", "add", "S", "T", message: "unexpected argument \"T\"")
        refuses(AddWorker.self, "workers", "add", "S", "--name", "T", message: "unknown option --name")
    }

    func testEdit() {
        var f = Organisation.WorkerFields()
        f.name = "Daan Bakker"
        XCTAssertEqual(parses(EditWorker.self, "workers", "edit", "w-3", "--name", "Daan Bakker"), .init(id: "w-3", fields: f))
        f = Organisation.WorkerFields()
        f.email = "daan@mail.example"
        f.iban = "NL91ABNA0417164300"
        XCTAssertEqual(
            parses(EditWorker.self, "workers", "edit", "w-3", "--email", "daan@mail.example", "--iban", "NL91ABNA0417164300"),
            .init(id: "w-3", fields: f))

        refuses(EditWorker.self, "workers", "edit", message: "needs ID")
        refuses(EditWorker.self, "workers", "edit", "w-3", message: "`wt workers edit` needs something to change")
        refuses(EditWorker.self, "workers", "edit", "w-3", "--name", "", message: "--name must not be empty")
        refuses(EditWorker.self, "workers", "edit", "w-3", "--name", "a\u{0}", kind: .invalid, message: "--name contains control characters")
        refuses(EditWorker.self, "workers", "edit", "w-3", "--email", "@", kind: .invalid, message: "--email: ")
        refuses(EditWorker.self, "workers", "edit", "w-3", "--phone", "abc", kind: .invalid, message: "--phone: ")
        refuses(EditWorker.self, "workers", "edit", "w-3", "--iban", "NL91", kind: .invalid, message: "--iban: ")
        refuses(EditWorker.self, "workers", "edit", "w-3", "w-4", "--name", "X", message: "unexpected argument \"w-4\"")
    }

    func testTheOtherVerbs() {
        XCTAssertEqual(parses(ListWorkers.self, "workers", "list"), .init())
        refuses(ListWorkers.self, "workers", "list", "w-1", message: "unexpected argument \"w-1\"")
        refuses(ListWorkers.self, "workers", "list", "--email", "x", message: "unknown option --email")

        XCTAssertEqual(parses(ShowWorker.self, "workers", "show", "w-1"), .init(id: "w-1"))
        XCTAssertEqual(parses(InviteWorker.self, "workers", "invite", "w-3"), .init(id: "w-3"))
        XCTAssertEqual(parses(ReinviteWorker.self, "workers", "reinvite", "w-3"), .init(id: "w-3"))
        XCTAssertEqual(parses(DisableWorker.self, "workers", "disable", "w-3"), .init(id: "w-3"))
        XCTAssertEqual(parses(EnableWorker.self, "workers", "enable", "w-3"), .init(id: "w-3"))
        XCTAssertEqual(parses(UnlockWorker.self, "workers", "unlock", "w-3"), .init(id: "w-3"))
        refuses(ShowWorker.self, "workers", "show", message: "needs ID")
        refuses(InviteWorker.self, "workers", "invite", message: "needs ID")
        refuses(ReinviteWorker.self, "workers", "reinvite", message: "needs ID")
        refuses(DisableWorker.self, "workers", "disable", message: "needs ID")
        refuses(EnableWorker.self, "workers", "enable", message: "needs ID")
        refuses(UnlockWorker.self, "workers", "unlock", message: "needs ID")
        refuses(InviteWorker.self, "workers", "invite", "w-3", "w-4", message: "unexpected argument \"w-4\"")
        refuses(InviteWorker.self, "workers", "invite", "w-3", "--email", "x@y.nl", message: "unknown option --email")
        refuses(ShowWorker.self, "workers", "show", "w-1", "--name", "x", message: "unknown option --name")
    }
}
