import XCTest
@testable import WTKit

/// The in-process entry point, with captured streams (the seam the e2e tests do not need).
final class SmokeTests: XCTestCase {
    func run(_ args: [String]) throws -> (Int32, String, String) {
        let out = CapturedOutput(), err = CapturedOutput()
        let ctx = try Context(
            stdout: out, stderr: err, stdin: ScriptedInput(""), environment: ["WT_NOW": "2026-11-30T09:15:00Z"], cwd: "/",
            random: SeededRandomSource(seed: 1), passwordHasher: YescryptHasher())
        let code = WT.run(args, ctx)
        return (code, out.text, err.text)
    }

    func testVersionAndUsageErrorsInProcess() throws {
        let (code, out, err) = try run(["--version"])
        XCTAssertEqual(code, 0)
        XCTAssertTrue(out.hasPrefix("wt "), out)
        XCTAssertEqual(err, "")
        let (bad, _, message) = try run(["clinets", "list"])
        XCTAssertEqual(bad, 2)
        XCTAssertTrue(message.contains("did you mean `wt clients`?"), message)
    }
}
