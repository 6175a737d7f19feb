import XCTest
@testable import WTKit

final class AccountVerbTests: XCTestCase {
    func testActivate() {
        XCTAssertEqual(parses(ActivateAccount.self, "account", "activate", "abc123"), .init(token: "abc123", passwordStdin: false))
        // The whole link from the mail gives its token; `-` is read at run time.
        XCTAssertEqual(
            parses(ActivateAccount.self, "account", "activate", "https://portal.example/deeplink/index/abc123", "--password-stdin"),
            .init(token: "abc123", passwordStdin: true))
        XCTAssertEqual(parses(ActivateAccount.self, "account", "activate", "-", "--password-stdin"), .init(token: nil, passwordStdin: true))

        refuses(ActivateAccount.self, "account", "activate", message: "needs TOKEN")
        refuses(ActivateAccount.self, "account", "activate", " ", message: "no activation token given")
        refuses(ActivateAccount.self, "account", "activate", "https://portal.example/deeplink/index/", message: "no activation token given")
        refuses(ActivateAccount.self, "account", "activate", "t", "u", message: "unexpected argument \"u\"")
        refuses(ActivateAccount.self, "account", "activate", "t", "--password", "x", message: "unknown option --password")
        refuses(ActivateAccount.self, "account", "activate", "t", "--password-stdin=x", message: "--password-stdin")
    }

    func testLoginAndPasswd() {
        XCTAssertEqual(parses(LogInAccount.self, "account", "login", "p@b.nl"), .init(email: "p@b.nl", passwordStdin: false))
        XCTAssertEqual(parses(LogInAccount.self, "account", "login", "p@b.nl", "--password-stdin"), .init(email: "p@b.nl", passwordStdin: true))
        XCTAssertEqual(parses(ChangeAccountPassword.self, "account", "passwd", "p@b.nl"), .init(email: "p@b.nl", passwordStdin: false))
        XCTAssertEqual(
            parses(ChangeAccountPassword.self, "account", "passwd", "--password-stdin", "p@b.nl"), .init(email: "p@b.nl", passwordStdin: true))

        refuses(LogInAccount.self, "account", "login", message: "needs EMAIL")
        refuses(ChangeAccountPassword.self, "account", "passwd", message: "needs EMAIL")
        // Passwords are never arguments.
        refuses(LogInAccount.self, "account", "login", "p@b.nl", "secret", message: "unexpected argument \"secret\"")
        refuses(ChangeAccountPassword.self, "account", "passwd", "p@b.nl", "old", "new", message: "unexpected argument \"old\"")
        refuses(LogInAccount.self, "account", "login", "p@b.nl", "--password", "x", message: "unknown option --password")
    }
}
