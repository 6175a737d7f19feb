import XCTest
@testable import WTKit

final class DeclarationsVerbTests: XCTestCase {
    private func week(_ s: String) -> ISOWeek { try! ISOWeek.parse(s) }

    func testOpen() {
        XCTAssertEqual(parses(OpenDeclarations.self, "declarations", "open", "--week", "2026-W49"), .init(weeks: [week("2026-W49")]))
        XCTAssertEqual(
            parses(OpenDeclarations.self, "declarations", "open", "--from", "2026-W52", "--to", "2027-W02")?.weeks,
            [week("2026-W52"), week("2026-W53"), week("2027-W01"), week("2027-W02")])
        XCTAssertEqual(
            parses(OpenDeclarations.self, "declarations", "open", "--from", "2026-W45", "--to", "2026-W45")?.weeks, [week("2026-W45")])
        // --week wins over a range given with it, as it always has.
        XCTAssertEqual(
            parses(OpenDeclarations.self, "declarations", "open", "--week", "2026-W49", "--from", "2026-W01", "--to", "2026-W02")?.weeks,
            [week("2026-W49")])
        refuses(OpenDeclarations.self, "declarations", "open", message: "`wt declarations open` needs --week WEEK (or --from WEEK --to WEEK)")
        refuses(OpenDeclarations.self, "declarations", "open", "--from", "2026-W45", message: "needs --week WEEK")
        refuses(OpenDeclarations.self, "declarations", "open", "--to", "2026-W45", message: "needs --week WEEK")
        refuses(OpenDeclarations.self, "declarations", "open", "--from", "2026-W49", "--to", "2026-W45", message: "--from 2026-W49 comes after --to 2026-W45")
        refuses(OpenDeclarations.self, "declarations", "open", "--from", "2020-W01", "--to", "2026-W01", kind: .invalid, message: "open at most 260 weeks at once")
        refuses(OpenDeclarations.self, "declarations", "open", "--week", "48", message: "--week: week \"48\": expected YYYY-Www")
        refuses(OpenDeclarations.self, "declarations", "open", "--from", "x", "--to", "2026-W45", message: "--from: week \"x\"")
        refuses(OpenDeclarations.self, "declarations", "open", "--from", "2026-W45", "--to", "2026-W99", kind: .invalid, message: "--to: week 2026-W99 does not exist")
        refuses(OpenDeclarations.self, "declarations", "open", "--week", "2026-W48", "--week", "2026-W49", message: "given twice")
        refuses(OpenDeclarations.self, "declarations", "open", "d-1", "--week", "2026-W48", message: "unexpected argument")
    }

    func testEnter() {
        XCTAssertEqual(
            parses(EnterHours.self, "declarations", "enter", "d-1042", "mon=8", "tue=7:30", "2026-11-30=7,5"),
            .init(
                id: "d-1042",
                entries: [.init(day: "mon", hours: "8"), .init(day: "tue", hours: "7:30"), .init(day: "2026-11-30", hours: "7,5")],
                type: "normal", km: nil, expenses: []))
        XCTAssertEqual(
            parses(
                EnterHours.self, "declarations", "enter", "d-1", "sat=4", "--type", "overtime150", "--km", "42", "--expense", "parkeren=7.50",
                "--expense", " tol = 0 "),
            .init(
                id: "d-1", entries: [.init(day: "sat", hours: "4")], type: "overtime150", km: 42,
                expenses: [.init(label: "parkeren", amount: try! Money.parse("7.50")), .init(label: "tol", amount: try! Money.parse("0"))]))
        XCTAssertEqual(parses(EnterHours.self, "declarations", "enter", "d-1", "mon=0", "--km", "0")?.km, 0)
        XCTAssertEqual(parses(EnterHours.self, "declarations", "enter", "d-1", "mon=0", "--expense", "lunch=12.50")?.expenses.count, 1)
        // The hours after the first = are the service's to read.
        XCTAssertEqual(parses(EnterHours.self, "declarations", "enter", "d-1", "mon=8=9")?.entries, [.init(day: "mon", hours: "8=9")])

        refuses(EnterHours.self, "declarations", "enter", message: "needs ID")
        // A DAY=HOURS is required, also with --km or --expense (the argument count, as before).
        refuses(EnterHours.self, "declarations", "enter", "d-1", message: "`wt declarations enter` needs DAY=HOURS: hours per day")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "--km", "5", message: "needs DAY=HOURS")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon", message: "\"mon\" is not DAY=HOURS (e.g. mon=8 or 2026-11-30=7:30)")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon=8", "8", message: "\"8\" is not DAY=HOURS")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon=8", "--km", "12.5", message: "--km needs a whole number of kilometres, got \"12.5\"")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon=8", "--km", "veel", message: "--km needs a whole number of kilometres, got \"veel\"")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon=8", "--expense", "parkeren", message: "--expense \"parkeren\" is not LABEL=EUR (e.g. parkeren=7.50)")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon=8", "--expense", "=7.50", message: "--expense \"=7.50\" is not LABEL=EUR")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon=8", "--expense", "a\u{1}b=1", kind: .invalid,
            message: "--expense: the expense label contains control characters")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon=8", "--expense", String(repeating: "a", count: 61) + "=1", kind: .invalid,
            message: "--expense: the expense label is 61 characters; at most 60 are allowed")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon=8", "--expense", "parkeren=veel", message: "--expense: amount \"veel\"")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon=8", "--expense", "a=1,", message: "--expense has an empty value")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon=8", "--km", "1", "--km", "2", message: "given twice")
        refuses(EnterHours.self, "declarations", "enter", "d-1", "mon=8", "--hours", "8", message: "unknown option --hours")
    }

    func testImport() {
        XCTAssertEqual(parses(ImportHours.self, "declarations", "import", "uren.csv"), .init(file: "uren.csv"))
        XCTAssertEqual(parses(ImportHours.self, "declarations", "import", "-"), .init(file: "-"))
        refuses(ImportHours.self, "declarations", "import", message: "needs FILE")
        refuses(ImportHours.self, "declarations", "import", "a.csv", "b.csv", message: "unexpected argument \"b.csv\"")
        refuses(ImportHours.self, "declarations", "import", "a.csv", "--type", "normal", message: "unknown option --type")
    }

    func testSubmit() {
        XCTAssertEqual(parses(SubmitDeclarations.self, "declarations", "submit", "d-1042", "d-1043"), .init(ids: ["d-1042", "d-1043"]))
        // `-` is kept: the run reads the ids from stdin.
        XCTAssertEqual(parses(SubmitDeclarations.self, "declarations", "submit", "-"), .init(ids: ["-"]))
        refuses(SubmitDeclarations.self, "declarations", "submit", message: "needs ID")
        refuses(SubmitDeclarations.self, "declarations", "submit", "d-1", "--all", message: "unknown option --all")
    }

    func testApprove() {
        XCTAssertEqual(
            parses(ApproveDeclarations.self, "declarations", "approve", "d-1042", "d-1043"),
            .init(ids: ["d-1042", "d-1043"], all: false, comment: nil, filter: .init()))
        XCTAssertEqual(
            parses(ApproveDeclarations.self, "declarations", "approve", "d-1", "--comment", "  akkoord \n"),
            .init(ids: ["d-1"], all: false, comment: "akkoord", filter: .init()))
        XCTAssertEqual(
            parses(
                ApproveDeclarations.self, "declarations", "approve", "--all", "--week", "2026-W48", "--client", "cl-1", "--department", "dep-2",
                "--worker", "w-3", "--contract", "c-4"),
            .init(
                ids: [], all: true, comment: nil,
                filter: .init(client: "cl-1", department: "dep-2", worker: "w-3", contract: "c-4", from: week("2026-W48"), to: week("2026-W48"))))
        XCTAssertEqual(
            parses(ApproveDeclarations.self, "declarations", "approve", "--all", "--from", "2026-W40")?.filter,
            .init(from: week("2026-W40"), to: nil))
        XCTAssertEqual(parses(ApproveDeclarations.self, "declarations", "approve", "--all", "--to", "2026-W40")?.filter, .init(to: week("2026-W40")))

        refuses(ApproveDeclarations.self, "declarations", "approve", message: "`wt declarations approve` needs IDs or --all")
        refuses(ApproveDeclarations.self, "declarations", "approve", "--week", "2026-W48", message: "needs IDs or --all")
        refuses(ApproveDeclarations.self, "declarations", "approve", "d-1", "--all", message: "give ids or --all, not both")
        refuses(ApproveDeclarations.self, "declarations", "approve", "-", "--all", message: "give ids or --all, not both")
        refuses(ApproveDeclarations.self, "declarations", "approve", "--all", "--week", "2026-W48", "--from", "2026-W40",
            message: "give --week, or --from and --to, not both")
        refuses(ApproveDeclarations.self, "declarations", "approve", "--all", "--week", "2026-W48", "--to", "2026-W49",
            message: "give --week, or --from and --to, not both")
        refuses(ApproveDeclarations.self, "declarations", "approve", "--all", "--week", "W48", message: "--week: week \"W48\": expected YYYY-Www")
        refuses(ApproveDeclarations.self, "declarations", "approve", "--all", "--from", "2026-48", message: "--from: week \"2026-48\"")
        refuses(ApproveDeclarations.self, "declarations", "approve", "d-1", "--comment", " ", message: "--comment must not be empty")
        refuses(ApproveDeclarations.self, "declarations", "approve", "d-1", "--comment", "a\u{7}b", kind: .invalid,
            message: "--comment contains control characters")
        refuses(ApproveDeclarations.self, "declarations", "approve", "--all", "--status", "approved", message: "unknown option --status")
        refuses(ApproveDeclarations.self, "declarations", "approve", "--all", "--warnings", message: "unknown option --warnings")
    }

    func testReject() {
        XCTAssertEqual(
            parses(RejectDeclaration.self, "declarations", "reject", "d-1042", "--reason", " Dinsdag was 6 uur\nniet 8 "),
            .init(id: "d-1042", reason: "Dinsdag was 6 uur\nniet 8"))
        refuses(RejectDeclaration.self, "declarations", "reject", "d-1", message: "`wt declarations reject` needs --reason TEXT")
        refuses(RejectDeclaration.self, "declarations", "reject", "--reason", "x", message: "needs ID")
        refuses(RejectDeclaration.self, "declarations", "reject", "d-1", "--reason", "", message: "--reason must not be empty")
        refuses(RejectDeclaration.self, "declarations", "reject", "d-1", "--reason", String(repeating: "x", count: 2001), kind: .invalid,
            message: "--reason is 2001 characters; at most 2000 are allowed")
        refuses(RejectDeclaration.self, "declarations", "reject", "d-1", "d-2", "--reason", "x", message: "unexpected argument \"d-2\"")
    }

    func testComment() {
        XCTAssertEqual(
            parses(CommentDeclaration.self, "declarations", "comment", "d-1042", "Pauze niet afgetrokken?"),
            .init(id: "d-1042", text: "Pauze niet afgetrokken?"))
        refuses(CommentDeclaration.self, "declarations", "comment", "d-1", message: "needs TEXT")
        refuses(CommentDeclaration.self, "declarations", "comment", "d-1", "  ", message: "the comment must not be empty")
        refuses(CommentDeclaration.self, "declarations", "comment", "d-1", "a\u{1B}[31m", kind: .invalid, message: "the comment contains control characters")
        refuses(CommentDeclaration.self, "declarations", "comment", "d-1", "a", "b", message: "unexpected argument \"b\"")
    }

    func testClose() {
        XCTAssertEqual(
            parses(CloseDeclarations.self, "declarations", "close", "--all-approved"), .init(ids: [], allApproved: true, until: nil))
        XCTAssertEqual(
            parses(CloseDeclarations.self, "declarations", "close", "--all-approved", "--until", "2026-W48"),
            .init(ids: [], allApproved: true, until: week("2026-W48")))
        XCTAssertEqual(
            parses(CloseDeclarations.self, "declarations", "close", "d-1042", "d-1043"), .init(ids: ["d-1042", "d-1043"], allApproved: false, until: nil))
        XCTAssertEqual(parses(CloseDeclarations.self, "declarations", "close", "-")?.ids, ["-"])
        refuses(CloseDeclarations.self, "declarations", "close", message: "`wt declarations close` needs IDs or --all-approved")
        refuses(CloseDeclarations.self, "declarations", "close", "--until", "2026-W48", message: "--until goes with --all-approved")
        refuses(CloseDeclarations.self, "declarations", "close", "d-1", "--all-approved", message: "give ids or --all-approved, not both")
        refuses(CloseDeclarations.self, "declarations", "close", "--all-approved", "--until", "soon", message: "--until: week \"soon\"")
        refuses(CloseDeclarations.self, "declarations", "close", "--all", message: "unknown option --all")
    }

    func testList() {
        XCTAssertEqual(parses(ListDeclarations.self, "declarations", "list"), .init(filter: .init(), warnings: false))
        XCTAssertEqual(
            parses(ListDeclarations.self, "declarations", "list", "--status", "submitted, Goedgekeurd", "--status", "closed", "--warnings"),
            .init(filter: .init(statuses: [.submitted, .approved, .closed]), warnings: true))
        XCTAssertEqual(
            parses(ListDeclarations.self, "declarations", "list", "--client", "cl-1", "--from", "2026-W40", "--to", "2026-W48")?.filter,
            .init(client: "cl-1", from: week("2026-W40"), to: week("2026-W48")))
        XCTAssertEqual(
            parses(ListDeclarations.self, "declarations", "list", "--week", "2026-W48", "--worker", "w-1")?.filter,
            .init(worker: "w-1", from: week("2026-W48"), to: week("2026-W48")))
        refuses(ListDeclarations.self, "declarations", "list", "--week", "2026-W48", "--from", "2026-W40", message: "give --week, or --from and --to, not both")
        refuses(ListDeclarations.self, "declarations", "list", "--status", "done", message: "--status: status \"done\": expected one of report, submitted")
        refuses(ListDeclarations.self, "declarations", "list", "--status", "report,", message: "--status has an empty value")
        refuses(ListDeclarations.self, "declarations", "list", "--to", "2026-W54", kind: .invalid, message: "--to: week 2026-W54 does not exist")
        refuses(ListDeclarations.self, "declarations", "list", "--client", "cl-1", "--client", "cl-2", message: "given twice")
        refuses(ListDeclarations.self, "declarations", "list", "--warnings=yes", message: "--warnings")
        refuses(ListDeclarations.self, "declarations", "list", "d-1", message: "unexpected argument")
    }

    func testShow() {
        XCTAssertEqual(parses(ShowDeclaration.self, "declarations", "show", "d-1042"), .init(id: "d-1042"))
        refuses(ShowDeclaration.self, "declarations", "show", message: "needs ID")
        refuses(ShowDeclaration.self, "declarations", "show", "d-1", "d-2", message: "unexpected argument \"d-2\"")
        refuses(ShowDeclaration.self, "declarations", "show", "d-1", "--week", "2026-W48", message: "unknown option --week")
    }
}
