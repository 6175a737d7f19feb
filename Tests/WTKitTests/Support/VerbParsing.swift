import XCTest
@testable import WTKit

/// In-process checks of a verb's argv → Options, without a store or a process
/// (gh's `Test_NewCmd...`): what a line parses to, or the usage error it gives.
extension XCTestCase {
    func parses<V: Verb>(_ verb: V.Type, _ argv: String..., file: StaticString = #filePath, line: UInt = #line) -> V.Options? {
        do { return try V.parse(argv) } catch {
            XCTFail("\(argv.joined(separator: " ")): \(error)", file: file, line: line)
            return nil
        }
    }

    /// The line is refused with `kind` (usage unless said) and a message containing `message`.
    func refuses<V: Verb>(
        _ verb: V.Type, _ argv: String..., kind: WTError.Kind = .usage, message: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        do {
            let o = try V.parse(argv)
            XCTFail("\(argv.joined(separator: " ")) parsed to \(o)", file: file, line: line)
        } catch let e as WTError {
            XCTAssertEqual(e.kind, kind, "\(argv.joined(separator: " ")): \(e.message)", file: file, line: line)
            XCTAssertTrue(e.message.contains(message), "\(argv.joined(separator: " ")): \(e.message)", file: file, line: line)
        } catch {
            XCTFail("\(argv.joined(separator: " ")): \(error)", file: file, line: line)
        }
    }
}
