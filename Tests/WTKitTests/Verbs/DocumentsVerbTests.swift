import XCTest
@testable import WTKit

final class DocumentsVerbTests: XCTestCase {
    func testList() {
        XCTAssertEqual(parses(ListDocuments.self, "documents", "list"), .init(client: nil, contract: nil, kinds: [], statuses: []))
        XCTAssertEqual(
            parses(
                ListDocuments.self, "documents", "list", "--client", "cl-1", "--contract", "c-2", "--kind", "Arbo, other",
                "--kind", "hire-agreement", "--status", "pending,awaiting-code"),
            .init(client: "cl-1", contract: "c-2", kinds: [.arbo, .other, .hireAgreement], statuses: [.pending, .awaitingCode]))
        refuses(ListDocuments.self, "documents", "list", "--kind", "arbo,contract", message: "--kind: unknown document kind \"contract\"")
        refuses(ListDocuments.self, "documents", "list", "--status", "signed", message: "--status: unknown document status \"signed\"")
        refuses(ListDocuments.self, "documents", "list", "--status", "pending,", message: "--status has an empty value")
        refuses(ListDocuments.self, "documents", "list", "--client", "cl-1", "--client", "cl-2", message: "given twice")
        refuses(ListDocuments.self, "documents", "list", "doc-1", message: "unexpected argument")
    }

    func testShow() {
        XCTAssertEqual(parses(ShowDocument.self, "documents", "show", "doc-1"), .init(id: "doc-1", output: nil))
        XCTAssertEqual(parses(ShowDocument.self, "documents", "show", "doc-1", "--output", "-"), .init(id: "doc-1", output: "-"))
        refuses(ShowDocument.self, "documents", "show", message: "needs ID")
        refuses(ShowDocument.self, "documents", "show", "doc-1", "--read", message: "unknown option --read")
    }

    func testAdd() {
        XCTAssertEqual(
            parses(AddDocument.self, "documents", "add", "huisregels.pdf", "--client", "cl-1", "--kind", "OTHER", "--title", " Huisregels "),
            .init(file: "huisregels.pdf", client: "cl-1", contract: nil, kind: .other, title: "Huisregels"))
        XCTAssertEqual(
            parses(AddDocument.self, "documents", "add", "a.txt", "--client", "cl-1", "--contract", "c-3", "--kind", "arbo", "--title", "Arbo")?.contract,
            "c-3")
        refuses(AddDocument.self, "documents", "add", "--client", "cl-1", "--kind", "arbo", "--title", "T", message: "needs FILE")
        refuses(AddDocument.self, "documents", "add", "a.txt", "--client", "cl-1", "--title", "T", message: "needs --kind KIND")
        refuses(AddDocument.self, "documents", "add", "a.txt", "--client", "cl-1", "--kind", "arbo", message: "needs --title TEXT")
        refuses(AddDocument.self, "documents", "add", "a.txt", "--kind", "arbo", "--title", "T", message: "needs --client ID")
        refuses(AddDocument.self, "documents", "add", "a.txt", "--client", "cl-1", "--kind", "memo", "--title", "T",
            message: "--kind: unknown document kind \"memo\"")
        refuses(AddDocument.self, "documents", "add", "a.txt", "--client", "cl-1", "--kind", "arbo", "--title", " ", message: "--title must not be empty")
        refuses(AddDocument.self, "documents", "add", "a.txt", "--client", "cl-1", "--kind", "arbo", "--title", "a\u{1B}b", kind: .invalid,
            message: "--title contains control characters")
        refuses(AddDocument.self, "documents", "add", "a.txt", "--client", "cl-1", "--kind", "arbo", "--title", "T", "--kind", "other",
            message: "given twice")
    }

    func testSign() {
        XCTAssertEqual(parses(SignDocument.self, "documents", "sign", "doc-4", "--read"), .init(id: "doc-4", read: true, code: nil))
        XCTAssertEqual(parses(SignDocument.self, "documents", "sign", "doc-7", "--code", "123456"), .init(id: "doc-7", read: false, code: "123456"))
        XCTAssertEqual(parses(SignDocument.self, "documents", "sign", "doc-4"), .init(id: "doc-4", read: false, code: nil))
        refuses(SignDocument.self, "documents", "sign", "doc-7", "--read", "--code", "123456", message: "give either --read or --code, not both")
        refuses(SignDocument.self, "documents", "sign", "--read", message: "needs ID")
        refuses(SignDocument.self, "documents", "sign", "doc-4", "--read=yes", message: "--read")
    }
}
