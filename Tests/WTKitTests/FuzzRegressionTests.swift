import Foundation
import XCTest
@testable import WTKit

/// The inputs the fuzz targets of fuzz/targets/ found (and a few their invariants
/// imply), replayed in-process against the same functions; and, under CI, a short
/// run of every target (fuzz/README.md).
final class FuzzRegressionTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A journal body with a correct end mark, as the journal and recovery targets build it.
    func sealed(_ body: [UInt8]) -> [UInt8] { body + Array("E \(SHA256.hex(body))\n".utf8) }
    func sealed(_ body: String) -> [UInt8] { sealed(Array(body.utf8)) }

    func assertRefused(_ bytes: [UInt8], _ reason: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try Journal.decode(bytes), file: file, line: line) { error in
            XCTAssertTrue(error is Journal.Invalid, "\(error)", file: file, line: line)
            XCTAssertTrue("\(error)".contains(reason), "\(error)", file: file, line: line)
        }
    }

    // MARK: Journal (fuzz/targets/journal.swift)

    /// Found by the journal target: a length near Int.max overflowed `pos + n` and trapped,
    /// where a damaged journal must be refused (recovery then exits 8).
    func testJournalLengthNearIntMaxIsRefusedNotATrap() {
        for n in ["9223372036854775807", "9223372036854775800", "9223372036854775795"] {
            assertRefused(Array("wt-journal 1\nW \(n) a.json\nxyz".utf8), "truncated contents")
            assertRefused(sealed("wt-journal 1\nW \(n) a.json\n"), "truncated contents")
            assertRefused(sealed("wt-journal 1\nA 0 \(n) audit/2026-11.jsonl\n"), "truncated contents")
        }
        // The smallest input the target saved, reduced by hand to its header.
        assertRefused(Array("wt-journal 1\nD 0 users\nW 9223372036854775807 users/index.json\n".utf8), "truncated contents")
    }

    /// Found by the journal target: `A -3 …` decoded, and replay would then fail with an I/O
    /// error (exit 1) instead of the journal being reported as damaged (exit 8).
    func testJournalRefusesNegativeAppendOffsets() {
        assertRefused(sealed("wt-journal 1\nA -3 2 b/c/.json\nxx"), "bad append header")
        assertRefused(sealed("wt-journal 1\nA -9223372036854775808 0 a\n"), "bad append header")
        XCTAssertEqual(try Journal.decode(sealed("wt-journal 1\nA 0 2 a\nxx")).ops, [.append(path: "a", offset: 0, bytes: [0x78, 0x78])])
    }

    /// Found by the journal target: a NUL in a path decoded, so the file system would have
    /// used the part before it (`wt-sto\0re.json` is `wt-sto`, `a/..\0x` is `a/..`).
    func testJournalRefusesNULInPaths() {
        assertRefused(sealed("wt-journal 1\nW 3 wt-sto\u{0}re.json\nabc"), "path outside the store")
        assertRefused(sealed("wt-journal 1\nD 0 a/..\u{0}x\n"), "path outside the store")
        assertRefused(sealed("wt-journal 1\nA 0 1 ..\u{0}/x\nx"), "path outside the store")
    }

    /// Found with the recovery target (seed fuzz/corpus/recovery/combining-slash): the `..`
    /// check split the path into Characters, and `/` followed by a combining mark is one
    /// Character, so `../\u{301}x` passed and recovery wrote a file beside the store.
    /// `/\u{301}etc` likewise passed the absolute-path check.
    func testJournalRefusesPathsThatLeaveTheStoreBehindACombiningMark() {
        for path in ["../\u{301}x", "a/../../\u{301}x", "/\u{301}etc/passwd", "../\u{20DD}", "..\u{0}"] {
            assertRefused(sealed("wt-journal 1\nW 1 \(path)\nx"), "path outside the store")
        }
        // Names that merely contain dots or combining marks stay allowed.
        for path in ["a/\u{301}b", "..a/b..", "audit/2026-11.jsonl", "users/cl-1.json", "café/é.json"] {
            XCTAssertEqual(try Journal.decode(sealed("wt-journal 1\nW 1 \(path)\nx")).ops, [.write(path: path, bytes: [0x78])], path)
        }
    }

    /// The recovery target's invariant, in-process: a store whose journal would write outside
    /// it is reported damaged, and nothing appears beside the store.
    func testRecoveryOfAnEscapingJournalWritesNothingOutsideTheStore() throws {
        let sandbox = NSTemporaryDirectory() + "wt-fuzz-regression-" + UUID().uuidString
        let root = sandbox + "/store"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: sandbox) }
        try FileSystem.writeDurably(root + "/wt-store.json", Array("{\"format\":\"wt-store\",\"schema\":1}\n".utf8))
        try FileSystem.writeDurably(root + "/journal", sealed("wt-journal 1\nW 3 ../\u{301}x\nabc"))
        XCTAssertThrowsError(try Store(root: root, exclusive: true, wait: 0, failpoint: .none)) { error in
            XCTAssertEqual((error as? WTError)?.kind, .damaged, "\(error)")
            XCTAssertEqual((error as? WTError)?.exitCode, .damaged)
        }
        XCTAssertEqual(FileSystem.list(sandbox), ["store"])
        XCTAssertTrue(FileSystem.exists(root + "/journal"), "a journal that cannot be replayed stays for the person restoring")
    }

    // MARK: Values (fuzz/targets/values.swift)

    /// Found by the values target: `+31 0 0…` lost one trunk 0 and normalized to `+3100…`,
    /// which the next normalization refused (the target checks that normalizing is idempotent).
    func testPhoneWithTwoTrunkZerosIsRefused() {
        for input in ["+310001523339", "+31 00 1523339", "0031 0 01523339"] {
            XCTAssertThrowsError(try Phone.normalize(input), input) { error in
                XCTAssertEqual((error as? WTError)?.kind, .invalid, "\(error)")
            }
        }
        for input in ["+31 (0)6 12345678", "0031 6 1234 5678", "06 12345678", "+49 30 1234567"] {
            let once = try? Phone.normalize(input)
            XCTAssertNotNil(once, input)
            XCTAssertEqual(try? Phone.normalize(once ?? ""), once, input)
        }
    }

    /// Seeded into the values target from a review of `Timestamp`, whose invariants (a parsed
    /// instant formats, shows in local time and has an Amsterdam date) then failed at once:
    /// instants past 9999-12-31 in UTC or in Amsterdam trapped in `format` (`WT_NOW`,
    /// `nowStamp`) or in a force unwrap (`local`, `today`), and so did dates Foundation's
    /// calendar turns Julian: 1500-03-10 is its 1500-02-29, which `CalendarDate` refuses.
    func testTimestampsOutsideTheCalendarAreRefusedAndOldDatesStayGregorian() throws {
        for s in ["9999-12-31T23:59:59-01:00", "9999-12-31T23:00:00Z", "9999-12-31T22:00:00Z", "0001-01-01T00:00:00+01:00",
                  "0001-01-01T00:19:59+00:20"] {
            XCTAssertNil(Timestamp.parse(s), s)
            XCTAssertEqual(Timestamp.local(s), s, "an unparsable stamp is shown as it is")
        }
        // Before 1892 Amsterdam kept local mean time, under an hour ahead (how much depends on
        // the time zone data), so only the date and hour are certain.
        for (s, local) in [("9999-12-31T21:59:59Z", "9999-12-31 22:"), ("0001-01-01T00:00:00Z", "0001-01-01 00:"),
                           ("1500-03-10T12:00:00Z", "1500-03-10 12:"), ("1582-10-04T12:00:00Z", "1582-10-04 12:")] {
            let d = try XCTUnwrap(Timestamp.parse(s), s)
            XCTAssertEqual(Timestamp.format(d), s)
            XCTAssertTrue(Timestamp.local(s).hasPrefix(local), "\(s): \(Timestamp.local(s))")
            XCTAssertEqual(Timestamp.amsterdamDate(d).description, String(local.prefix(10)), s)
        }
        // Nothing changes for the dates wt lives in, around both clock changes of 2026.
        for (s, local) in [("2026-11-30T09:15:00Z", "2026-11-30 10:15"), ("2026-07-01T09:15:00Z", "2026-07-01 11:15"),
                           ("2026-03-29T00:59:59Z", "2026-03-29 01:59"), ("2026-03-29T01:00:00Z", "2026-03-29 03:00"),
                           ("2026-10-25T00:59:59Z", "2026-10-25 02:59"), ("2026-10-25T01:00:00Z", "2026-10-25 02:00"),
                           ("2026-12-31T23:30:00Z", "2027-01-01 00:30"), ("1969-12-31T23:59:59.5Z", "1970-01-01 00:59")] {
            XCTAssertEqual(Timestamp.local(s), local, s)
        }
        for (day, start) in [("2026-11-30", "2026-11-29T23:00:00Z"), ("2026-07-01", "2026-06-30T22:00:00Z"),
                             ("2026-03-29", "2026-03-28T23:00:00Z"), ("2026-03-30", "2026-03-29T22:00:00Z"),
                             ("2026-10-25", "2026-10-24T22:00:00Z"), ("2026-10-26", "2026-10-25T23:00:00Z"),
                             ("9999-12-31", "9999-12-30T23:00:00Z"), ("0001-01-01", "0001-01-01T00:00:00Z")] {
            XCTAssertEqual(Timestamp.startOfAmsterdamDay(try CalendarDate.parse(day)), start, day)
        }
        let julianLeapDay = Timestamp.startOfAmsterdamDay(try CalendarDate.parse("1500-03-10"))
        XCTAssertTrue(julianLeapDay.hasPrefix("1500-03-09T23:"), julianLeapDay)
    }

    // MARK: CI

    /// Runs every fuzz target for 20 seconds (building them first) when `WT_FUZZ=1` or
    /// `CI=true`; otherwise skipped, as it takes minutes on two cores (about 75 s to build
    /// WTKit for fuzzing on an idle machine, then 3 × 2 targets × 20 s).
    func testFuzzTargetsRunBriefly() throws {
        let env = ProcessInfo.processInfo.environment
        guard env["WT_FUZZ"] == "1" || env["CI"] == "true" else {
            throw XCTSkip("set WT_FUZZ=1 (CI sets CI=true) to build the fuzz targets and run each for 20 s")
        }
        let targets = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("fuzz/targets").path)
            .filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(6)) }.sorted()
        XCTAssertGreaterThanOrEqual(targets.count, 5, "\(targets)")

        let p = Process()
        p.executableURL = Self.root.appendingPathComponent("scripts/fuzz")
        p.arguments = ["20"]
        p.currentDirectoryURL = Self.root
        // Two targets at a time: the tests run one by one, so the two cores are this test's.
        p.environment = env.merging(["FUZZ_JOBS": env["FUZZ_JOBS"] ?? "2"]) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(p.terminationStatus, 0, text)
        for t in targets {
            let line = text.split(separator: "\n").first { $0.hasPrefix("fuzz: \(t) ") && $0.contains(" executions in ") }
            let executions = line.flatMap { Int($0.split(separator: " ")[2]) } ?? 0
            XCTAssertGreaterThan(executions, 0, "target \(t) reported no executions:\n\(text)")
        }
    }
}
