import XCTest
@testable import WTKit

final class MailVerbTests: XCTestCase {
    func testIngest() {
        XCTAssertEqual(parses(IngestMail.self, "mail", "ingest"), .message("-"))
        XCTAssertEqual(parses(IngestMail.self, "mail", "ingest", "-"), .message("-"))
        XCTAssertEqual(parses(IngestMail.self, "mail", "ingest", "antwoord.eml"), .message("antwoord.eml"))
        XCTAssertEqual(parses(IngestMail.self, "mail", "ingest", "--maildir", "/var/mail/uren/Maildir"), .maildir("/var/mail/uren/Maildir"))

        refuses(IngestMail.self, "mail", "ingest", "a.eml", "--maildir", "M", message: "give FILE or --maildir DIR, not both")
        refuses(IngestMail.self, "mail", "ingest", "a.eml", "b.eml", message: "unexpected argument \"b.eml\"")
        refuses(IngestMail.self, "mail", "ingest", "--maildir", "M", "--maildir", "N", message: "given twice")
        refuses(IngestMail.self, "mail", "ingest", "--maildir", message: "--maildir")
        refuses(IngestMail.self, "mail", "ingest", "--max", "3", message: "unknown option --max")
    }
}
