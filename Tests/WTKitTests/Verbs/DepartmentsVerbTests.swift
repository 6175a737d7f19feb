import XCTest
@testable import WTKit

final class DepartmentsVerbTests: XCTestCase {
    func testAdd() {
        XCTAssertEqual(
            parses(AddDepartment.self, "departments", "add", "cl-1", " Productie Utrecht "),
            .init(client: "cl-1", name: "Productie Utrecht", costCenter: nil))
        XCTAssertEqual(
            parses(AddDepartment.self, "departments", "add", "cl-1", "Productie", "--cost-center", "4100"),
            .init(client: "cl-1", name: "Productie", costCenter: "4100"))

        refuses(AddDepartment.self, "departments", "add", "cl-1", message: "needs NAME")
        refuses(AddDepartment.self, "departments", "add", "cl-1", " ", message: "the department's name must not be empty")
        refuses(AddDepartment.self, "departments", "add", "cl-1", "P\u{1B}[2J", kind: .invalid, message: "the department's name contains control characters")
        refuses(AddDepartment.self, "departments", "add", "cl-1", "P", "--cost-center", String(repeating: "4", count: 41), kind: .invalid,
            message: "--cost-center is 41 characters; at most 40 are allowed")
        refuses(AddDepartment.self, "departments", "add", "cl-1", "P", "--cost-center", "", message: "--cost-center must not be empty")
        refuses(AddDepartment.self, "departments", "add", "cl-1", "P", "extra", message: "unexpected argument \"extra\"")
    }

    func testListAndShow() {
        XCTAssertEqual(parses(ListDepartments.self, "departments", "list"), .init(client: nil))
        XCTAssertEqual(parses(ListDepartments.self, "departments", "list", "--client", "cl-1"), .init(client: "cl-1"))
        refuses(ListDepartments.self, "departments", "list", "--client", "cl-1", "--client", "cl-2", message: "given twice")

        XCTAssertEqual(parses(ShowDepartment.self, "departments", "show", "dep-1"), .init(id: "dep-1"))
        refuses(ShowDepartment.self, "departments", "show", message: "needs ID")
    }
}
