import XCTest

/// The shape of the code, checked on every `swift test`: layers point down,
/// options and config keys are read through their declarations, and a long
/// file says why it is long.
final class LayerTests: XCTestCase {
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
