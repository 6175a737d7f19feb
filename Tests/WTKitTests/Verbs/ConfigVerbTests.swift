import XCTest
@testable import WTKit

final class ConfigVerbTests: XCTestCase {
    func testList() {
        XCTAssertEqual(parses(ListConfig.self, "config", "list"), .init())
        refuses(ListConfig.self, "config", "list", "vat.rate", message: "unexpected argument \"vat.rate\"")
    }

    func testGet() {
        XCTAssertEqual(parses(GetConfig.self, "config", "get", "activation.validDays"), .init(key: "activation.validDays"))
        refuses(GetConfig.self, "config", "get", message: "needs KEY")
        // An unknown key is not found (3), with the nearest key suggested by the table.
        refuses(GetConfig.self, "config", "get", "activation.validDay", kind: .notFound, message: "unknown setting \"activation.validDay\"")
    }

    func testSetChecksTheValueByTheKeysRule() {
        XCTAssertEqual(parses(SetConfig.self, "config", "set", "password.minLength", "10"), .init(key: "password.minLength", value: .int(10)))
        XCTAssertEqual(
            parses(SetConfig.self, "config", "set", "agency.iban", "NL91ABNA0417164300")?.value,
            try ConfigKey.find("agency.iban").parse("NL91ABNA0417164300"))

        refuses(SetConfig.self, "config", "set", message: "needs KEY")
        refuses(SetConfig.self, "config", "set", "password.minLength", message: "needs VALUE")
        refuses(SetConfig.self, "config", "set", "nope.key", "1", kind: .notFound, message: "unknown setting \"nope.key\"")
        refuses(SetConfig.self, "config", "set", "password.minLength", "ten", kind: .invalid, message: "password.minLength: \"ten\"")
        refuses(SetConfig.self, "config", "set", "password.minLength", "10", "11", message: "unexpected argument \"11\"")
    }
}
