import XCTest
@testable import WTKit

final class UsersVerbTests: XCTestCase {
    func testInvite() {
        XCTAssertEqual(
            parses(InviteUser.self, "users", "invite", "p@b.nl", "--client", "cl-1", "--name", " Petra de Vries "),
            .init(email: "p@b.nl", client: "cl-1", name: "Petra de Vries", phone: nil, roles: [], departments: []))
        // Roles: repeated and comma lists, any case, each once; departments kept as given.
        XCTAssertEqual(
            parses(
                InviteUser.self, "users", "invite", "p@b.nl", "--client", "cl-1", "--name", "P", "--phone", "0612345678",
                "--role", "Approver,signer", "--role", "approver", "--department", "dep-2,dep-3"),
            .init(email: "p@b.nl", client: "cl-1", name: "P", phone: "+31612345678", roles: [.approver, .signer], departments: ["dep-2", "dep-3"]))

        refuses(InviteUser.self, "users", "invite", message: "needs EMAIL")
        refuses(InviteUser.self, "users", "invite", "p@b.nl", "--name", "P", message: "`wt users invite` needs --client ID")
        refuses(InviteUser.self, "users", "invite", "p@b.nl", "--client", "cl-1", message: "`wt users invite` needs --name NAME")
        refuses(InviteUser.self, "users", "invite", "p@b.nl", "--client", "cl-1", "--name", " ", message: "--name must not be empty")
        refuses(InviteUser.self, "users", "invite", "p@b.nl", "--client", "cl-1", "--name", "a\u{1B}b", kind: .invalid,
            message: "--name contains control characters")
        refuses(InviteUser.self, "users", "invite", "p@b.nl", "--client", "cl-1", "--name", "P", "--phone", "12", kind: .invalid, message: "--phone: ")
        refuses(InviteUser.self, "users", "invite", "p@b.nl", "--client", "cl-1", "--name", "P", "--role", "boss",
            message: "--role: unknown role \"boss\"")
        refuses(InviteUser.self, "users", "invite", "p@b.nl", "--client", "cl-1", "--name", "P", "--role", "approver,",
            message: "--role has an empty value")
        refuses(InviteUser.self, "users", "invite", "p@b.nl", "--client", "cl-1", "--name", "P", "--department", "",
            message: "--department has an empty value")
        refuses(InviteUser.self, "users", "invite", "p@b.nl", "--client", "cl-1", "--client", "cl-2", "--name", "P", message: "given twice")
        refuses(InviteUser.self, "users", "invite", "p@b.nl", "q@b.nl", "--client", "cl-1", "--name", "P", message: "unexpected argument \"q@b.nl\"")
        refuses(InviteUser.self, "users", "invite", "p@b.nl", "--client", "cl-1", "--name", "P", "--status", "x", message: "unknown option --status")
    }

    func testReinviteAndShow() {
        XCTAssertEqual(parses(ReinviteUser.self, "users", "reinvite", "p@b.nl"), .init(email: "p@b.nl"))
        refuses(ReinviteUser.self, "users", "reinvite", message: "needs EMAIL")
        refuses(ReinviteUser.self, "users", "reinvite", "p@b.nl", "x", message: "unexpected argument \"x\"")
        refuses(ReinviteUser.self, "users", "reinvite", "p@b.nl", "--name", "P", message: "unknown option --name")

        XCTAssertEqual(parses(ShowUser.self, "users", "show", "u-12"), .init(email: "u-12"))
        refuses(ShowUser.self, "users", "show", message: "needs EMAIL")
        refuses(ShowUser.self, "users", "show", "a", "b", message: "unexpected argument \"b\"")
    }

    func testList() {
        XCTAssertEqual(parses(ListUsers.self, "users", "list"), .init(client: nil, statuses: []))
        XCTAssertEqual(
            parses(ListUsers.self, "users", "list", "--client", "cl-1", "--status", "locked, invited", "--status", "active"),
            .init(client: "cl-1", statuses: ["locked", "invited", "active"]))
        refuses(ListUsers.self, "users", "list", "--status", "lockd", message: "--status: unknown status \"lockd\"")
        refuses(ListUsers.self, "users", "list", "--status", "", message: "--status has an empty value")
        refuses(ListUsers.self, "users", "list", "--client", "a", "--client", "b", message: "given twice")
        refuses(ListUsers.self, "users", "list", "x", message: "unexpected argument \"x\"")
        refuses(ListUsers.self, "users", "list", "--role", "x", message: "unknown option --role")
    }

    func testDisableEnableUnlock() {
        XCTAssertEqual(parses(DisableUser.self, "users", "disable", "k@b.nl"), .init(email: "k@b.nl"))
        XCTAssertEqual(parses(EnableUser.self, "users", "enable", "k@b.nl"), .init(email: "k@b.nl"))
        XCTAssertEqual(parses(UnlockUser.self, "users", "unlock", "u-3"), .init(email: "u-3"))
        refuses(DisableUser.self, "users", "disable", message: "needs EMAIL")
        refuses(EnableUser.self, "users", "enable", message: "needs EMAIL")
        refuses(UnlockUser.self, "users", "unlock", message: "needs EMAIL")
        refuses(DisableUser.self, "users", "disable", "a", "b", message: "unexpected argument \"b\"")
        refuses(UnlockUser.self, "users", "unlock", "a", "--client", "cl-1", message: "unknown option --client")
    }
}
