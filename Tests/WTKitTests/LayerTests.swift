import XCTest

/// The shape of the code, checked on every `swift test`: layers point down,
/// options and config keys are read through their declarations, and a long
/// file says why it is long.
final class LayerTests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/WTKit").path

    func testTheSourcesKeepTheirShape() throws {
        let check = try LayerCheck.load(root: Self.sources)
        XCTAssertGreaterThan(check.files.count, 50, "read \(Self.sources)")
        let up = check.upwardUses(), strings = check.stringKeyedReads(), long = check.longFiles()
        print("LayerTests: \(up.count) upward uses, \(strings.count) string-keyed reads, \(long.count) long files")
        XCTAssertEqual(up.count, 0, up.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(strings.count, 0, strings.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(long.count, 0, long.map(\.description).joined(separator: "\n"))
    }

    /// The check can fail: planted breaks are each found, and their fixes are not.
    func testItCatchesPlantedBreaks() {
        let check = LayerCheck(files: [
            "CLI/Renderer.swift": "public struct Schema {}\n",
            "Services/Actor.swift": "public enum Role { case approver }\n",
            "Domain/Declaration.swift": "struct Declaration { static let schema = Schema() }\n// Schema in a comment is fine\nlet s = \"Role in a string\"\n",
            "Commands/X.swift": "let r = Role.approver\nlet v = inv.value(\"comment\")\nlet n = config.string(\"agency.name\")\n",
            "Store/Big.swift": String(repeating: "let x = 1\n", count: 401),
            "Store/BigWithReason.swift": "// Long file: one generated table\n" + String(repeating: "let x = 1\n", count: 401),
        ])
        XCTAssertEqual(check.upwardUses().map(\.description), ["Domain/Declaration.swift: Domain uses Schema from CLI"])
        XCTAssertEqual(check.stringKeyedReads().count, 2)
        XCTAssertEqual(check.longFiles().map(\.file), ["Store/Big.swift"])
    }
}
