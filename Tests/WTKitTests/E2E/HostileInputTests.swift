import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Hostile input end to end: whatever arrives on the command line or stdin, `wt`
/// answers with a clear error and its documented exit status, never crashes,
/// never writes to the store, and never lets a control sequence reach the terminal.
final class HostileInputTests: WTTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        initStore(sample: "demo")
    }

    /// Runs `args` and checks what every hostile line must satisfy: the exit status is one
    /// of `codes`, there is a message on stderr, no crash, no ESC on stderr, and the store is
    /// byte for byte what it was.
    @discardableResult
    func refused(_ codes: Set<Int32>, _ args: [String], stdin: [UInt8]? = nil, file: StaticString = #filePath, line: UInt = #line) -> WTResult {
        let before = snapshot()
        // Stdin comes from a file: wt may refuse before reading it, and a pipe would then break.
        let r = stdin == nil ? wt(args, file: file, line: line) : ((try? spawnRaw(args.map { Array($0.utf8) }, stdin: stdin))
            ?? WTResult(code: -1, out: "", err: ""))
        let shown = args.map { $0.count > 80 ? "<\($0.utf8.count) bytes>" : $0.debugDescription }.joined(separator: " ")
        XCTAssertTrue(codes.contains(r.code), "wt \(shown) exited \(r.code), expected \(codes.sorted())\n\(r.err.prefix(500))", file: file, line: line)
        assertNoCrash(r, shown, file: file, line: line)
        XCTAssertTrue(r.err.hasPrefix("wt: error: "), "wt \(shown): no error message: \(r.err.prefix(300))", file: file, line: line)
        XCTAssertFalse(r.err.unicodeScalars.contains("\u{1B}"), "wt \(shown) echoed an escape character to stderr", file: file, line: line)
        XCTAssertLessThan(r.err.utf8.count, 4096, "wt \(shown): the error echoes too much of the input", file: file, line: line)
        XCTAssertEqual(r.out, "", "wt \(shown) printed data on a refusal", file: file, line: line)
        XCTAssertTrue(snapshot() == before, "wt \(shown) changed the store", file: file, line: line)
        return r
    }

    func assertNoCrash(_ r: WTResult, _ shown: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThan(r.code, 128, "wt \(shown) was killed by a signal (\(r.code))", file: file, line: line)
        XCTAssertTrue(r.code >= 0, "wt \(shown) did not run", file: file, line: line)
        for marker in ["Fatal error", "Backtrace", "Program crashed", "precondition", "Illegal instruction"] {
            XCTAssertFalse(r.err.contains(marker), "wt \(shown) crashed: \(r.err.prefix(500))", file: file, line: line)
        }
    }

    func testEmptyArguments() {
        refused([2], [""])
        refused([2], ["clients", ""])
        refused([3], ["clients", "show", ""])
        refused([2], ["clients", "add", ""])
        refused([2], ["clients", "add", "   "])
        refused([3], ["clients", "edit", "", "--name", "X"])
        refused([2], ["clients", "edit", "cl-1", "--name", ""])
        refused([2], ["departments", "add", "cl-1", ""])
        refused([3], ["config", "get", ""])
        refused([3], ["config", "set", "", "x"])
        refused([6], ["config", "set", "agency.name", ""])
    }

    /// Linux passes at most 128 KiB in one argument (MAX_ARG_STRLEN), so the megabyte comes
    /// as one argument of that size plus sixteen of 64 KiB.
    func testHugeArguments() {
        let big = String(repeating: "a", count: 128 * 1024 - 1)
        let chunk = String(repeating: "b", count: 64 * 1024)
        refused([6], ["clients", "add", big])
        refused([3], ["clients", "show", big])
        refused([3], ["clients", "edit", big, "--name", "X"])
        refused([6], ["clients", "edit", "cl-1", "--name", big])
        refused([2], [big])
        refused([2], ["clients", big])
        refused([2], ["clients", "list", "--" + big.dropFirst(2)])
        refused([2], ["clients", "list", "--format", big])
        refused([2], ["clients", "list", "--fields", big])
        refused([2], ["clients", "list", "--wait", big])
        refused([2], ["clients", "add", "X"] + Array(repeating: chunk, count: 16))
        refused([2], ["clients", "show"] + Array(repeating: chunk, count: 16))
        refused([3], ["declarations", "approve"] + Array(repeating: chunk, count: 16))
        refused([6], ["workers", "add", big, "--email", "a@b.nl"])
        refused([6], ["clients", "add", "X", "--kvk", big])
    }

    func testPathLikeIdsAreNotFound() {
        let ids = ["../../etc/passwd", "/etc/passwd", "cl-1/../x", "cl-1/../../wt-store.json", "..", ".", "cl-1\\..\\x",
                   "cl-0", "cl--1", "cl-99999999999999999999999", "cl-1 ", " cl-1", "cl-1\n", "clients.json", "-"]
        for id in ids {
            refused([3], ["clients", "show", id])
            refused([3], ["clients", "edit", id, "--name", "X"])
            refused([3], ["departments", "show", id])
            refused([3], ["departments", "add", id, "Inpak"])
            refused([3], ["workers", "show", id])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: store + "/x"))
        let r = refused([3], ["departments", "show", "cl-1"])
        XCTAssertTrue(r.err.contains("client id, not a department id"), r.err)
    }

    func testControlCharactersAndEscapesInNamesAndIds() {
        let hostile = ["\u{1B}[31mRood\u{1B}[0m", "\u{1B}]0;pwned\u{07}", "a\tb", "a\rb", "a\nb", "\u{1B}[2J", "x\u{7F}", "\u{08}\u{08}ok", "\u{9B}31m"]
        for s in hostile {
            let c0 = s.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
            if c0 {
                refused([6], ["clients", "add", s])
                refused([6], ["clients", "edit", "cl-1", "--name", s])
                refused([6], ["departments", "add", "cl-1", s])
                refused([6], ["workers", "add", s])
                refused([6], ["config", "set", "agency.name", s])
            }
            refused([3], ["clients", "show", s])
            refused([3], ["clients", "show", "cl-1" + s])
            refused([3], ["workers", "show", s])
            refused([2], [s])
            refused([2], ["clients", s])
            refused([2], ["clients", "list", "--" + s])
            refused([2], ["clients", "list", "--format", s])
            refused([2], ["clients", "list", "--fields", "id," + s])
            refused([2], ["clients", "add", "X", "--yes=" + s])
            refused([2], ["clients", "show", "cl-1", s])
            refused([6], ["clients", "add", "X", "--kvk", s])
            refused([6], ["clients", "add", "X", "--email", s])
        }
    }

    /// A name that reached the store with an escape sequence in it (a hand edit, an older
    /// version) is shown with the control characters replaced, in the table of a list and of
    /// one record, and in the audit table; machine formats keep the value exact.
    func testEscapeSequencesInStoredNamesAreNotEchoedRawIntoTables() throws {
        let raw = readFile("clients.json")
        XCTAssertTrue(raw.contains("Bakkerij"), raw)
        let hostile = "\\u001b[31mRood\\u001b[0m\\u0007\\u009b2J"
        let edited = raw.replacingOccurrences(of: "\"name\":\"", with: "\"name\":\"" + hostile, options: [], range: raw.range(of: "\"name\":\""))
        XCTAssertNotEqual(edited, raw, "clients.json holds no name to edit: \(raw.prefix(200))")
        writeFile("clients.json", edited)

        for args in [["clients", "list"], ["clients", "show", "cl-1"], ["clients", "list", "--fields", "name,id"]] {
            let table = wt(args)
            XCTAssertEqual(table.code, 0, table.err)
            XCTAssertTrue(table.out.contains("Rood"), table.out)
            let controls = table.out.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
            XCTAssertEqual(controls.map { $0.value }, [], "wt \(args.joined(separator: " ")) printed control characters:\n\(table.out.debugDescription)")
        }
        let json = jsonArray(expect(0, "clients", "list", "--json", "--fields", "id,name"))
        let name = json.first?["name"] as? String ?? ""
        XCTAssertTrue(name.hasPrefix("\u{1B}[31mRood\u{1B}[0m\u{07}\u{9B}2J"), name.debugDescription)
    }

    /// Found by the csv fuzz target's round trip: `,`, `"` or a tab followed by a combining
    /// mark is one Character, so a Character test missed it and `--format csv` wrote
    /// `Jansen,\u{301} de` unquoted, a column too many for every CSV reader.
    func testCombiningMarksAfterSeparatorsKeepCSVAndTSVColumns() {
        let name = "Jansen,\u{301} de \"\u{301}Bakker"
        expect(0, "clients", "edit", "cl-1", "--name", name)
        let csv = expect(0, "clients", "list", "--format", "csv", "--fields", "id,name,city", "--no-header")
        XCTAssertEqual(csvRows(csv.out), [["cl-1", name, "Utrecht"]], csv.out.debugDescription)
        // A tab cannot be typed into a name; a hand edit can put one in the store.
        let raw = readFile("clients.json")
        writeFile("clients.json", raw.replacingOccurrences(of: "\"name\":\"", with: "\"name\":\"Tab\\t\u{301}", options: [], range: raw.range(of: "\"name\":\"")))
        let tsv = expect(0, "clients", "list", "--format", "tsv", "--fields", "id,name,city", "--no-header")
        let line = tsv.out.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertEqual(line.unicodeScalars.filter { $0 == "\t" }.count, 2, line.debugDescription)
        XCTAssertTrue(line.unicodeScalars.starts(with: "cl-1\tTab \u{301}Jansen".unicodeScalars), line.debugDescription)
    }

    /// RFC 4180 as a spreadsheet reads it: on Unicode scalars.
    func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = String.UnicodeScalarView()
        var quoted = false, wasQuote = false
        for c in text.unicodeScalars {
            if quoted {
                if c == "\"" { quoted = false; wasQuote = true } else { field.append(c) }
                continue
            }
            if c == "\"" {
                if wasQuote { field.append(c) }
                quoted = true
            } else if c == "," {
                row.append(String(field)); field = String.UnicodeScalarView()
            } else if c == "\n" {
                row.append(String(field)); field = String.UnicodeScalarView()
                rows.append(row); row = []
            } else if c != "\r" {
                field.append(c)
            }
            wasQuote = false
        }
        return rows
    }

    func testUnknownAndEmptyFormats() {
        for f in ["xml", "", "JSON", "json ", "table,json", "ubl", "pdf", "../json"] {
            refused([2], ["clients", "list", "--format", f])
            refused([2], ["clients", "list", "--format=" + f])
            refused([2], ["clients", "show", "cl-1", "--format=" + f])
        }
        refused([2], ["clients", "list", "--format"])
        refused([2], ["clients", "list", "--json=yes"])
        let r = refused([2], ["clients", "list", "--format=jsn"])
        XCTAssertTrue(r.err.contains("did you mean --format json?"), r.err)
    }

    func testGarbageFields() {
        for f in ["", ",", ",,,", "id,,name", "id,", ",id", " , ", "nope", "id,nope", "../../etc/passwd", "id;name", "*", "ID", "id name"] {
            refused([2], ["clients", "list", "--fields", f])
            refused([2], ["clients", "list", "--fields=" + f, "--json"])
        }
        refused([2], ["clients", "list", "--fields"])
        // Spaces around a name are layout, not garbage.
        let ok = expect(0, "clients", "list", "--fields", "id, name", "--format", "csv", "--no-header")
        XCTAssertTrue(ok.out.hasPrefix("cl-1,"), ok.out)
    }

    func testBadWaits() {
        for w in ["-1", "-0.5", "", "nan", "NaN", "inf", "-inf", "1e309", "86401", "ten", "1,5", "0x", "--1"] {
            refused([2], ["clients", "list", "--wait=" + w])
            refused([2], ["clients", "add", "X", "--wait=" + w])
        }
        refused([2], ["clients", "list", "--wait", "-1"])
        refused([2], ["clients", "list", "--wait"])
        expect(0, "clients", "list", "--wait", "0")
        expect(0, "clients", "list", "--wait=86400")
    }

    func testOptionsGivenTwice() {
        let r = refused([2], ["clients", "add", "X", "--kvk", "12345678", "--kvk", "87654321"])
        XCTAssertTrue(r.err.contains("given twice"), r.err)
        refused([2], ["clients", "edit", "cl-1", "--name", "A", "--name=B"])
        refused([2], ["departments", "add", "cl-1", "Inpak", "--cost-center", "1", "--cost-center", "2"])
        // Global options: the last one counts, as in most command-line tools.
        let csv = expect(0, "clients", "list", "--format", "json", "--format", "csv", "--fields", "id")
        XCTAssertTrue(csv.out.hasPrefix("id\r\n"), csv.out)
        // A flag twice is the flag once.
        expect(0, "clients", "list", "--no-header", "--no-header", "-q", "-q")
    }

    func testDashWithGarbageOnStdin() {
        // Invalid UTF-8, NULs, path-like and escape-laden lines, a line of 1 MB.
        let garbage = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            + Array("\n../../etc/passwd\n\u{1B}[2J\ncl-1\u{0}\n".utf8) + [UInt8](repeating: 0x78, count: 1 << 20)
        refused([3], ["clients", "show", "-"], stdin: garbage)
        refused([3], ["clients", "edit", "-", "--name", "X"], stdin: garbage)
        refused([3], ["departments", "show", "-"], stdin: garbage)
        refused([3], ["workers", "show", "-"], stdin: [0, 0, 0])
        refused([2], ["clients", "add", "-", "extra"], stdin: garbage)
        refused([3], ["declarations", "approve", "-"], stdin: garbage)
        refused([3], ["declarations", "close", "-"], stdin: Array("../../etc/passwd\n\u{1B}[2J\nd-1/../x\n".utf8))
        refused([6], ["declarations", "import", "-"], stdin: garbage)
    }

    func testInvalidUTF8ArgumentsAreRefused() throws {
        let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0xAF], Array("cl-1".utf8) + [0xFE], Array("Bakkerij ".utf8) + [0xE9]]
        for bytes in invalid {
            for argv in [[Array("clients".utf8), Array("add".utf8), bytes],
                         [Array("clients".utf8), Array("show".utf8), bytes],
                         [Array("clients".utf8), Array("edit".utf8), Array("cl-1".utf8), Array("--name".utf8), bytes],
                         [Array("clients".utf8), Array("list".utf8), Array("--format".utf8), bytes],
                         [bytes]] {
                let before = snapshot()
                let r = try spawnRaw(argv)
                let shown = argv.map { String(decoding: $0, as: UTF8.self).debugDescription }.joined(separator: " ")
                XCTAssertEqual(r.code, 2, "wt \(shown): \(r.err)")
                assertNoCrash(r, shown)
                XCTAssertTrue(r.err.contains("UTF-8"), "wt \(shown): \(r.err)")
                XCTAssertTrue(snapshot() == before, "wt \(shown) changed the store")
            }
        }
        // Valid UTF-8 beyond ASCII is of course welcome.
        let ok = try spawnRaw([Array("clients".utf8), Array("add".utf8), Array("Café Ñandú 東京 BV".utf8)])
        XCTAssertEqual(ok.code, 0, ok.err)
    }

    /// Runs `wt` with arguments as raw bytes (Foundation's `Process` only takes Swift strings,
    /// which are always valid UTF-8), stdout and stderr to files.
    func spawnRaw(_ args: [[UInt8]], stdin: [UInt8]? = nil) throws -> WTResult {
        let inPath = tmp + "/raw.in", outPath = tmp + "/raw.out", errPath = tmp + "/raw.err"
        _ = FileManager.default.createFile(atPath: inPath, contents: Data(stdin ?? []))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([Array(WTBinary.path.utf8)] + args).map { bytes in
            let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (i, b) in bytes.enumerated() { p[i] = CChar(bitPattern: b) }
            p[bytes.count] = 0
            return p
        } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment([:]).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { $0?.deallocate() }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, WTBinary.path, &actions, nil, argv, envp)
        guard rc == 0 else { throw NSError(domain: "posix_spawn", code: Int(rc)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signalled = (status & 0x7F) != 0
        let code = signalled ? 128 + (status & 0x7F) : (status >> 8) & 0xFF
        let out = FileManager.default.contents(atPath: outPath) ?? Data()
        let err = FileManager.default.contents(atPath: errPath) ?? Data()
        return WTResult(code: code, out: String(decoding: out, as: UTF8.self), err: String(decoding: err, as: UTF8.self))
    }

    /// `WT_NOW` comes from the environment, so it is input too: an instant whose date or
    /// local date lies outside 0001-9999 is refused, not a crash.
    func testHostileClock() {
        for now in ["9999-12-31T23:59:59-01:00", "9999-12-31T23:30:00Z", "0001-01-01T00:00:00+01:00", "0000-12-31T23:00:00Z",
                    "2026-13-01T00:00:00Z", "2026-11-30T25:00:00Z", "\u{1B}[2J", "now"] {
            let before = snapshot()
            let r = wt(["clients", "add", "Klok BV"], env: ["WT_NOW": now])
            XCTAssertEqual(r.code, 2, "WT_NOW=\(now.debugDescription): \(r.err)")
            assertNoCrash(r, "WT_NOW=\(now.debugDescription) wt clients add")
            XCTAssertFalse(r.err.unicodeScalars.contains("\u{1B}"), r.err)
            XCTAssertTrue(snapshot() == before, "WT_NOW=\(now.debugDescription) changed the store")
        }
        expect(0, "status", env: ["WT_NOW": "9999-12-30T12:00:00Z"])
        expect(0, "status", env: ["WT_NOW": "0001-01-02T00:00:00Z"])
    }

    /// The first and last days a date can name, and a day Foundation's calendar calls
    /// 1500-02-29, as the start of the audit trail: an empty or full list, not a crash.
    func testAuditSinceTheEdgesOfTheCalendar() {
        for day in ["0001-01-01", "1500-03-10", "9999-12-31"] {
            let r = wt(["audit", "--since", day, "--json"])
            assertNoCrash(r, "wt audit --since \(day)")
            XCTAssertEqual(r.code, 0, r.err)
        }
        XCTAssertFalse(jsonArray(expect(0, "audit", "--since", "0001-01-01", "--json")).isEmpty)
        XCTAssertEqual(jsonArray(expect(0, "audit", "--since", "9999-12-31", "--json")).count, 0)
        refused([2, 6], ["audit", "--since", "0000-12-31"])
        refused([2, 6], ["audit", "--since", "10000-01-01"])
    }
}
