import Foundation
import XCTest
@testable import WTKit

/// The approval-token files of SPEC §15 (`approvals/<xx>.json`), damaged every
/// way: `wt mail ingest` of an answer whose token lives there exits 8 naming
/// the file and writes nothing, and `store verify` finds it.
extension DamagedStoreTests {
    func testApprovalTokens() throws {
        try prepare()
        // The pristine store's digest (its `wt notify` ran with mail.replyAddress set).
        let digest = try XCTUnwrap(jsonArray(expect(0, "outbox", "list", "--json")).last { ($0["subject"] as? String)?.hasPrefix("Er staan") == true })
        let raw = expect(0, "outbox", "show", try XCTUnwrap(digest["id"] as? String)).out
        XCTAssertTrue(FileManager.default.createFile(atPath: digestFile, contents: Data(raw.utf8)))
        let file = try reply("plain", "Goedkeuren", "d-51", text: "Akkoord")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let token = try XCTUnwrap(text.range(of: #"uren\+[a-z2-7]{52}@"#, options: .regularExpression).map { String(text[$0].dropFirst(5).dropLast()) })
        let rel = "approvals/\(SHA256.hex(token).prefix(2)).json"
        XCTAssertTrue(FileManager.default.fileExists(atPath: store + "/" + rel), rel)
        try check(rel, ["mail", "ingest", file], shapes: [
            "[]", "{\"ab\":1}", "{\"ab\":{\"user\":\"u-1\",\"declaration\":\"d-51\",\"action\":\"pass\",\"submission\":\"x\",\"issuedAt\":\"x\",\"expiresAt\":\"x\",\"state\":\"open\"}}",
            "{\"ab\":{\"state\":\"used\"}}",
        ])
    }
}
