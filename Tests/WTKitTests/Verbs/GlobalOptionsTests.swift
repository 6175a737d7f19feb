import XCTest
@testable import WTKit

/// The global options as the router applies them, in process: each one's field, and each
/// usage error word for word with its hint, anywhere on the line.
final class GlobalOptionsTests: XCTestCase {
    private func globals(_ argv: String..., file: StaticString = #filePath, line: UInt = #line) -> GlobalOptions? {
        do { return try Router.parse(argv, table: CommandTable.all).globals } catch {
            XCTFail("\(argv.joined(separator: " ")): \(error)", file: file, line: line)
            return nil
        }
    }

    private func refused(_ argv: String..., message: String, hint: String?, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let g = try Router.parse(argv, table: CommandTable.all).globals
            XCTFail("\(argv.joined(separator: " ")) parsed to \(g)", file: file, line: line)
        } catch let e as WTError {
            XCTAssertEqual(e.kind, .usage, file: file, line: line)
            XCTAssertEqual(e.message, message, file: file, line: line)
            XCTAssertEqual(e.hint, hint, file: file, line: line)
        } catch {
            XCTFail("\(argv.joined(separator: " ")): \(error)", file: file, line: line)
        }
    }

    func testDefaults() throws {
        let g = try XCTUnwrap(globals("status"))
        XCTAssertNil(g.store)
        XCTAssertNil(g.actAs)
        XCTAssertEqual(g.format, .table)
        XCTAssertFalse(g.formatGiven)
        XCTAssertNil(g.extraFormat)
        XCTAssertEqual(g.fields, [])
        XCTAssertEqual(g.wait, 10)
        XCTAssertFalse(g.noHeader || g.quiet || g.yes || g.dryRun || g.help || g.version)
    }

    func testEachOptionSetsItsField() throws {
        let g = try XCTUnwrap(globals(
            "--store", "/tmp/s", "status", "--as=a@b.nl", "--no-header", "-q", "-y", "--dry-run", "--wait", "2.5", "-h"))
        XCTAssertEqual(g.store, "/tmp/s")
        XCTAssertEqual(g.actAs, "a@b.nl")
        XCTAssertTrue(g.noHeader && g.quiet && g.yes && g.dryRun && g.help)
        XCTAssertFalse(g.version)
        XCTAssertEqual(g.wait, 2.5)
        XCTAssertEqual(globals("--version")?.version, true)
        XCTAssertEqual(globals("status", "--wait", "0")?.wait, 0)
        XCTAssertEqual(globals("status", "--wait", "86400")?.wait, 86400)
    }

    func testFormat() throws {
        let csv = try XCTUnwrap(globals("status", "--format", "csv"))
        XCTAssertEqual(csv.format, .csv)
        XCTAssertTrue(csv.formatGiven)
        let json = try XCTUnwrap(globals("--json", "status"))
        XCTAssertEqual(json.format, .json)
        XCTAssertTrue(json.formatGiven)
        // A command's own format leaves the global one as it was; a later global one clears it.
        let ubl = try XCTUnwrap(globals("invoices", "show", "WT2026-00001", "--format", "json", "--format", "ubl"))
        XCTAssertEqual(ubl.format, .json)
        XCTAssertEqual(ubl.extraFormat, "ubl")
        XCTAssertTrue(ubl.formatGiven)
        let back = try XCTUnwrap(globals("invoices", "show", "WT2026-00001", "--format", "pdf", "--format", "tsv"))
        XCTAssertEqual(back.format, .tsv)
        XCTAssertNil(back.extraFormat)
        refused("status", "--format", "jsn", message: "unknown format \"jsn\"", hint: "did you mean --format json?")
        refused("status", "--format", "xml", message: "unknown format \"xml\"", hint: "formats: table, json, jsonl, csv, tsv")
        refused("status", "--format", "ubl", message: "unknown format \"ubl\"", hint: "formats: table, json, jsonl, csv, tsv")
        refused("invoices", "show", "WT2026-00001", "--format", "xml", message: "unknown format \"xml\"", hint: "did you mean --format ubl?")
        refused("invoices", "show", "WT2026-00001", "--format", "yaml", message: "unknown format \"yaml\"",
                hint: "formats: table, json, jsonl, csv, tsv, text, ubl, pdf")
    }

    func testFields() {
        XCTAssertEqual(globals("status", "--fields", "id, status", "--fields", "name")?.fields, ["id", "status", "name"])
        let message = "--fields needs a comma-separated list of field names, e.g. --fields id,status"
        refused("status", "--fields", "id,,name", message: message, hint: nil)
        refused("status", "--fields", "id,", message: message, hint: nil)
        refused("status", "--fields", "", message: message, hint: nil)
    }

    func testWait() {
        for bad in ["-1", "86401", "x", "nan", ""] {
            refused("status", "--wait", bad, message: "--wait needs a number of seconds from 0 to 86400, got \"\(bad)\"", hint: nil)
        }
    }

    func testFlagsAndNames() {
        refused("status", "--quiet=1", message: "option --quiet is a flag and takes no value (got \"1\")", hint: nil)
        refused("status", "--stor", "/tmp", message: "unknown option --stor for `wt status`", hint: "did you mean --store?")
        refused("--versio", message: "unknown option --versio", hint: "did you mean --version?")
    }
}
