import XCTest
@testable import WTKit

final class ClientsVerbTests: XCTestCase {
    func testAdd() {
        var f = Organisation.ClientFields()
        f.name = "Bakkerij Jansen BV"
        XCTAssertEqual(parses(AddClient.self, "clients", "add", "  Bakkerij Jansen BV "), .init(fields: f))

        f.kvk = .some("12345678")
        f.vatId = .some("NL123456782B01")
        f.email = .some("Inkoop@jansen.nl")  // the domain lower-cased, the local part kept
        f.street = .some("Dorpsstraat 1")
        f.city = .some("Utrecht")
        f.postcode = .some("1234 AB")
        f.gAccountPercent = 25
        f.paymentDays = .some(14)
        XCTAssertEqual(
            parses(
                AddClient.self, "clients", "add", "Bakkerij Jansen BV", "--kvk", "12345678", "--vat-id", "NL123456782B01",
                "--email", "Inkoop@Jansen.NL", "--street", " Dorpsstraat 1 ", "--city", "Utrecht", "--postcode", "1234ab",
                "--g-account-percent", "25%", "--payment-days", "14"),
            .init(fields: f))

        // The postcode rule follows --country: only NL gets the Dutch one.
        XCTAssertEqual(parses(AddClient.self, "clients", "add", "X", "--country", "be", "--postcode", "1000")?.fields.postcode, .some("1000"))
        XCTAssertEqual(parses(AddClient.self, "clients", "add", "X", "--country", "be")?.fields.country, "BE")

        refuses(AddClient.self, "clients", "add", message: "needs NAME")
        refuses(AddClient.self, "clients", "add", "  ", message: "the client's name must not be empty")
        refuses(AddClient.self, "clients", "add", "X\u{1B}[2J", kind: .invalid, message: "the client's name contains control characters")
        refuses(AddClient.self, "clients", "add", "X", "Y", message: "unexpected argument \"Y\"")
        refuses(AddClient.self, "clients", "add", "X", "--kvk", "123", kind: .invalid, message: "--kvk: ")
        refuses(AddClient.self, "clients", "add", "X", "--vat-id", "NL123", kind: .invalid, message: "--vat-id: ")
        refuses(AddClient.self, "clients", "add", "X", "--email", "nope", kind: .invalid, message: "--email: ")
        refuses(AddClient.self, "clients", "add", "X", "--street", "a\u{7}b", kind: .invalid, message: "--street contains control characters")
        refuses(AddClient.self, "clients", "add", "X", "--city", String(repeating: "c", count: 201), kind: .invalid, message: "--city is 201 characters")
        refuses(AddClient.self, "clients", "add", "X", "--postcode", "12", kind: .invalid, message: "--postcode: ")
        refuses(AddClient.self, "clients", "add", "X", "--country", "NLD", kind: .invalid, message: "--country: \"NLD\" must be a two-letter country code")
        refuses(AddClient.self, "clients", "add", "X", "--country", "", kind: .invalid, message: "--country: ")
        refuses(AddClient.self, "clients", "add", "X", "--g-account-percent", "101", kind: .invalid,
            message: "--g-account-percent: \"101\" must be a whole percentage from 0 to 100")
        refuses(AddClient.self, "clients", "add", "X", "--g-account-percent", "", kind: .invalid, message: "--g-account-percent: ")
        refuses(AddClient.self, "clients", "add", "X", "--payment-days", "366", kind: .invalid,
            message: "--payment-days: \"366\" must be a number of days from 0 to 365")
        refuses(AddClient.self, "clients", "add", "X", "--payment-days", " 3", kind: .invalid, message: "--payment-days: ")
        refuses(AddClient.self, "clients", "add", "X", "--kvk", "12345678", "--kvk", "12345678", message: "given twice")
        refuses(AddClient.self, "clients", "add", "X", "--name", "Y", message: "unknown option --name")
    }

    func testEditClearsAndRenames() {
        var f = Organisation.ClientFields()
        XCTAssertEqual(parses(EditClient.self, "clients", "edit", "cl-1"), .init(id: "cl-1", fields: f))

        // An empty value clears an optional field; not given leaves it alone.
        f.kvk = .some(nil)
        f.vatId = .some(nil)
        f.email = .some(nil)
        f.street = .some(nil)
        f.city = .some(nil)
        f.postcode = .some(nil)
        f.paymentDays = .some(nil)
        f.name = "Jansen BV"
        XCTAssertEqual(
            parses(
                EditClient.self, "clients", "edit", "cl-1", "--name", "Jansen BV", "--kvk", "", "--vat-id", " ", "--email", "",
                "--street", "", "--city", "", "--postcode", "", "--payment-days", ""),
            .init(id: "cl-1", fields: f))

        refuses(EditClient.self, "clients", "edit", message: "needs ID")
        refuses(EditClient.self, "clients", "edit", "cl-1", "--name", " ", message: "--name must not be empty")
        refuses(EditClient.self, "clients", "edit", "cl-1", "--name", "a\u{0}", kind: .invalid, message: "--name contains control characters")
        refuses(EditClient.self, "clients", "edit", "cl-1", "--kvk", "x", kind: .invalid, message: "--kvk: ")
        refuses(EditClient.self, "clients", "edit", "cl-1", "--g-account-percent", "-1", kind: .invalid, message: "--g-account-percent: ")
    }

    func testListAndShow() {
        XCTAssertEqual(parses(ListClients.self, "clients", "list"), .init())
        refuses(ListClients.self, "clients", "list", "cl-1", message: "unexpected argument \"cl-1\"")
        refuses(ListClients.self, "clients", "list", "--kvk", "1", message: "unknown option --kvk")

        XCTAssertEqual(parses(ShowClient.self, "clients", "show", "cl-1"), .init(id: "cl-1"))
        refuses(ShowClient.self, "clients", "show", message: "needs ID")
        refuses(ShowClient.self, "clients", "show", "cl-1", "cl-2", message: "unexpected argument \"cl-2\"")
    }
}
