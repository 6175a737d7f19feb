import Foundation
import XCTest

@testable import WTKit

/// Weekly declarations from open to closed (SPEC §6), and notifications (§8).
final class DeclarationsTests: WTTestCase {
    let approver = "j.vanhouten@vanhouten.example"
    let viewer = "m.bos@vanhouten.example"

    /// A client with one department, two workers on open-ended contracts from 2026-11-23.
    func setUpWeek() {
        initStore()
        expect(0, "clients", "add", "Klant BV")
        expect(0, "departments", "add", "cl-1", "Hal")
        expect(0, "workers", "add", "Sanne", "--email", "sanne@mail.example")
        expect(0, "workers", "add", "Daan")
        for w in ["w-1", "w-2"] {
            expect(0, "contracts", "add", "--worker", w, "--department", "dep-1", "--function", "Picker", "--start", "2026-11-23",
                "--phase", "A", "--pay-rate", "15", "--bill-rate", "27.50")
        }
    }

    /// An active approver of cl-1, through invite and activation.
    func addApprover() throws {
        let link = expect(0, "users", "invite", approver, "--client", "cl-1", "--name", "Jan", "--role", "approver").out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertTrue(link.contains("/deeplink/index/"), link)
        expect(0, "account", "activate", link, "--password-stdin", stdin: "Welkom01!\n")
    }

    func decl(_ id: String) -> [String: Any] { jsonObject(expect(0, "declarations", "show", id, "--json")) }

    func testAWeekFromOpenToClosedWithARejectionAndItsMail() throws {
        setUpWeek()
        try addApprover()
        let opened = jsonArray(expect(0, "declarations", "open", "--week", "2026-W49", "--json"))
        XCTAssertEqual(opened.count, 2)
        XCTAssertEqual(jsonArray(expect(0, "declarations", "open", "--week", "2026-W49", "--json")).count, 0, "open is idempotent")
        XCTAssertEqual(expect(0, "declarations", "open", "--week", "2026-W49").out, "opened 0 declarations\n")
        expect(0, "declarations", "enter", "d-1", "mon=8", "tue=7.5", "wed=7,5", "thu=7:30", "2026-12-04=6")
        expect(0, "declarations", "enter", "d-1", "sat=4", "--type", "overtime150", "--km", "42", "--expense", "parkeren=7.50")
        var d = decl("d-1")
        XCTAssertEqual(d["minutes"] as? Int, 8 * 60 + 3 * 450 + 360 + 240)
        XCTAssertEqual((d["lines"] as? [[String: Any]])?.count, 6)
        XCTAssertEqual(d["km"] as? Int, 42)
        XCTAssertEqual((d["expenses"] as? [[String: Any]])?.first?["amount"] as? String, "7.50")
        expect(0, "declarations", "submit", "d-1")
        expect(0, "--as", approver, "declarations", "comment", "d-1", "Was zaterdag afgesproken?")
        let reject = expect(0, "--as", approver, "declarations", "reject", "d-1", "--reason", "Zaterdag was niet afgesproken")
        XCTAssertTrue(reject.out.contains("rejected d-1"), reject.out)
        let mails = jsonArray(expect(0, "outbox", "list", "--kind", "mail", "--to", "sanne@mail.example", "--json"))
        XCTAssertEqual(mails.count, 1)
        let raw = expect(0, "outbox", "show", try XCTUnwrap(mails.first?["id"] as? String)).out
        let body = decodedBody(raw)
        XCTAssertTrue(body.contains("Zaterdag was niet afgesproken"), body)
        XCTAssertTrue(body.contains("week 49"), body)
        expect(4, "--as", approver, "declarations", "approve", "d-1")
        expect(0, "declarations", "enter", "d-1", "sat=0", "--type", "overtime150")
        expect(0, "declarations", "submit", "d-1")
        expect(0, "--as", approver, "declarations", "approve", "d-1", "--comment", "Akkoord")
        let closed = expect(0, "declarations", "close", "--all-approved")
        XCTAssertEqual(closed.out, "closed 1: d-1\n")
        XCTAssertEqual(expect(0, "declarations", "close", "--all-approved").out, "closed 0\n", "close is idempotent")
        expect(0, "declarations", "close", "d-1")
        d = decl("d-1")
        XCTAssertEqual(d["status"] as? String, "closed")
        let history = (d["history"] as? [[String: Any]]) ?? []
        XCTAssertEqual(history.compactMap { $0["to"] as? String }, ["report", "submitted", "rejected", "submitted", "approved", "closed"])
        XCTAssertEqual(history[2]["reason"] as? String, "Zaterdag was niet afgesproken")
        XCTAssertEqual(history[2]["by"] as? String, approver)
        XCTAssertEqual(history[1]["by"] as? String, "backoffice:tester")
        let comments = (d["comments"] as? [[String: Any]]) ?? []
        XCTAssertEqual(comments.compactMap { $0["text"] as? String }, ["Was zaterdag afgesproken?", "Akkoord"])
        XCTAssertEqual(comments.first?["by"] as? String, approver)
        // A closed declaration never changes.
        expect(4, "declarations", "enter", "d-1", "mon=1")
        expect(4, "declarations", "comment", "d-1", "Te laat")
        expect(4, "declarations", "submit", "d-1")
        let table = expect(0, "declarations", "show", "d-1")
        XCTAssertTrue(table.out.contains("Afgerond"), table.out)
        XCTAssertTrue(table.out.contains("history"), table.out)
    }

    func testEveryIllegalTransitionIsAConflict() {
        setUpWeek()
        expect(0, "declarations", "open", "--week", "2026-W49")
        let approveReport = expect(4, "declarations", "approve", "d-1")
        XCTAssertTrue(approveReport.err.contains("is Rapporteer, not Ingediend"), approveReport.err)
        expect(4, "declarations", "reject", "d-1", "--reason", "x")
        expect(4, "declarations", "close", "d-1")
        expect(0, "declarations", "submit", "d-1")
        expect(4, "declarations", "submit", "d-1")
        expect(4, "declarations", "enter", "d-1", "mon=8")
        expect(4, "declarations", "close", "d-1")
        expect(0, "declarations", "approve", "d-1")
        expect(4, "declarations", "approve", "d-1")
        expect(4, "declarations", "reject", "d-1", "--reason", "x")
        expect(4, "declarations", "submit", "d-1")
        expect(2, "declarations", "reject", "d-2")
        expect(2, "declarations", "reject", "d-2", "--reason", "   ")
        expect(3, "declarations", "show", "d-99")
        let wrongKind = expect(3, "declarations", "show", "doc-1")
        XCTAssertTrue(wrongKind.err.contains("document id"), wrongKind.err)
    }

    func testHourRules() {
        setUpWeek()
        expect(0, "declarations", "open", "--week", "2026-W48")
        expect(0, "declarations", "open", "--week", "2026-W47")
        XCTAssertEqual(jsonArray(expect(0, "declarations", "list", "--week", "2026-W47", "--json")).count, 0, "no contract ran in W47")
        expect(6, "declarations", "enter", "d-1", "mon=25")
        expect(0, "declarations", "enter", "d-1", "mon=16")
        let day = expect(6, "declarations", "enter", "d-1", "mon=9", "--type", "overtime125")
        XCTAssertTrue(day.err.contains("24:00"), day.err)
        expect(6, "declarations", "enter", "d-1", "2026-12-01=8")
        expect(6, "declarations", "enter", "d-1", "mon=7.77")
        expect(2, "declarations", "enter", "d-1", "funday=8")
        expect(2, "declarations", "enter", "d-1", "mon")
        expect(6, "declarations", "enter", "d-1", "mon=8", "--type", "overtime300")
        expect(0, "declarations", "enter", "d-1", "mon=0")
        XCTAssertEqual(decl("d-1")["minutes"] as? Int, 0)
        expect(0, "contracts", "end", "ct-2", "--date", "2026-11-25", "--yes")
        expect(6, "declarations", "enter", "d-2", "thu=8")
        expect(0, "declarations", "enter", "d-2", "wed=8")
    }

    func testWeek53AndARejectedWeek54() {
        setUpWeek()
        expect(0, "declarations", "open", "--week", "2026-W53")
        let d = decl("d-1")
        XCTAssertEqual(d["week"] as? String, "2026-W53")
        expect(0, "declarations", "enter", "d-1", "thu=8", "2027-01-01=8", "sun=2")
        let lines = (d["lines"] as? [[String: Any]]) ?? []
        XCTAssertEqual(lines.count, 0)
        let dates = (decl("d-1")["lines"] as? [[String: Any]])?.compactMap { $0["date"] as? String }
        XCTAssertEqual(dates, ["2026-12-31", "2027-01-01", "2027-01-03"])
        expect(6, "declarations", "open", "--week", "2026-W54")
        expect(6, "declarations", "open", "--week", "2027-W53")
        expect(0, "declarations", "open", "--week", "2027-W01")
        XCTAssertEqual(decl("d-3")["week"] as? String, "2027-W01")
    }

    func testBulkApproveIsAllOrNothingAndNamesEachRefusal() {
        setUpWeek()
        expect(0, "declarations", "open", "--from", "2026-W48", "--to", "2026-W49")
        expect(0, "declarations", "submit", "d-1", "d-2", "d-3")
        let r = expect(4, "declarations", "approve", "d-1", "d-2", "d-3", "d-4")
        XCTAssertTrue(r.err.contains("d-4: declaration d-4 is Rapporteer"), r.err)
        XCTAssertTrue(r.err.contains("none was changed"), r.err)
        XCTAssertEqual(jsonArray(expect(0, "declarations", "list", "--status", "approved", "--json")).count, 0)
        let ids = expect(0, "declarations", "list", "--status", "submitted", "--fields", "id", "--format", "tsv", "--no-header").out
        XCTAssertEqual(ids, "d-1\nd-2\nd-3\n")
        let approved = jsonArray(expect(0, "declarations", "approve", "-", "--json", stdin: ids))
        XCTAssertEqual(approved.count, 3)
        let listed = expect(0, "declarations", "list", "--status", "approved", "--fields", "id", "--format", "tsv", "--no-header").out
        XCTAssertEqual(expect(0, "declarations", "close", "-", stdin: listed).out, "closed 3: d-1, d-2, d-3\n")
    }

    func testApproveAllWithFiltersAndRoles() {
        initStore(sample: "demo")
        expect(5, "--as", viewer, "declarations", "approve", "--all")
        let submitted = jsonArray(expect(0, "declarations", "list", "--status", "submitted", "--json"))
        XCTAssertEqual(submitted.count, 3)
        let week = submitted[0]["week"] as! String
        let inWeek = submitted.filter { $0["week"] as? String == week }.count
        let approved = jsonArray(expect(0, "--as", approver, "declarations", "approve", "--all", "--week", week, "--json"))
        XCTAssertEqual(approved.count, inWeek)
        XCTAssertEqual(jsonObject(expect(0, "status", "--json"))["waiting"].flatMap { ($0 as? [String: Any])?["toApprove"] as? Int }, 3 - inWeek)
        expect(5, "--as", viewer, "declarations", "comment", "d-60", "Hallo")
        XCTAssertEqual(jsonArray(expect(0, "--as", viewer, "declarations", "list", "--json")).count, 60)
    }

    func testImportIsAllOrNothingAndNamesTheLine() throws {
        setUpWeek()
        let bad = tmp + "/bad.csv"
        try "contract,date,hours,type\nct-1,2026-11-30,8\nct-2,2026-12-01,7:30,overtime125\nct-1,2026-12-02,eight\nct-9,2026-12-02,8\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let before = snapshot()
        let r = expect(6, "declarations", "import", bad)
        XCTAssertTrue(r.err.contains("line 4"), r.err)
        XCTAssertTrue(r.err.contains("line 5"), r.err)
        XCTAssertFalse(r.err.contains("line 2:"), r.err)
        XCTAssertEqual(snapshot(), before, "a refused import changes nothing")
        let good = tmp + "/good.csv"
        try "ct-1,2026-11-30,8\r\nct-2,2026-12-01,7:30,overtime125\r\n\"ct-1\",2026-12-08,\"7,5\"\r\n".write(toFile: good, atomically: true, encoding: .utf8)
        let ok = expect(0, "declarations", "import", good)
        XCTAssertEqual(ok.out, "imported 3 rows into 3 declarations (3 new)\n")
        XCTAssertEqual(jsonArray(expect(0, "declarations", "list", "--json")).count, 3)
        var invalid = Data("ct-1,2026-11-30,8\nct-1,2026-12-01,".utf8)
        invalid.append(contentsOf: [0xFF, 0xFE])
        invalid.append(contentsOf: Array("\n".utf8))
        _ = FileManager.default.createFile(atPath: tmp + "/latin1.csv", contents: invalid)
        let utf = expect(6, "declarations", "import", tmp + "/latin1.csv")
        XCTAssertTrue(utf.err.contains("line 2"), utf.err)
    }

    /// A declaration keeps its worker's name from when it was opened (by
    /// `open` and by `import`), so lists do not read the worker file; one
    /// written before it kept the name shows the same name, looked up.
    func testDeclarationsCarryTheWorkerNameAndOlderOnesLookItUp() throws {
        setUpWeek()
        expect(0, "declarations", "open", "--week", "2026-W49")
        let csv = tmp + "/hours.csv"
        try "ct-2,2026-12-08,8\n".write(toFile: csv, atomically: true, encoding: .utf8)
        expect(0, "declarations", "import", csv)
        let open = readFile("declarations/cl-1/open.json")
        XCTAssertTrue(open.contains(#""workerName":"Sanne""#), open)
        XCTAssertTrue(open.contains(#""workerName":"Daan""#), open)
        let listed = expect(0, "declarations", "list", "--json").out
        XCTAssertEqual(jsonArray(expect(0, "declarations", "list", "--json")).map { $0["workerName"] as? String }, ["Sanne", "Daan", "Daan"])
        // As written before declarations kept the name: no such key at all.
        writeFile("declarations/cl-1/open.json", open.replacingOccurrences(of: #","workerName":"Sanne""#, with: "")
            .replacingOccurrences(of: #","workerName":"Daan""#, with: ""))
        XCTAssertFalse(readFile("declarations/cl-1/open.json").contains("workerName"))
        XCTAssertEqual(expect(0, "declarations", "list", "--json").out, listed, "the same output, names looked up")
        XCTAssertEqual(decl("d-3")["workerName"] as? String, "Daan")
        expect(0, "store", "verify")
        // A kept name that is not the worker's is damage that verify names.
        writeFile("declarations/cl-1/open.json", open.replacingOccurrences(of: #""workerName":"Sanne""#, with: #""workerName":"Sanna""#))
        let r = expect(8, "store", "verify")
        XCTAssertTrue(r.out.contains("declaration d-1 names its worker Sanna, but w-1 is Sanne") || r.err.contains("Sanna"), r.out + r.err)
    }

    /// A comment rewrites the hot set from the other records' bytes: the file
    /// is exactly what a full rewrite gives, also after other changes, and a
    /// hot set that a person pretty-printed is still read and written right.
    func testACommentRewritesTheHotSetByteForByte() throws {
        setUpWeek()
        expect(0, "declarations", "open", "--week", "2026-W49")
        expect(0, "declarations", "open", "--week", "2026-W50")
        expect(0, "declarations", "enter", "d-2", "mon=8")
        expect(0, "declarations", "submit", "d-2")
        let rel = "declarations/cl-1/open.json"
        func canonical() throws -> String { try JSON.parse(readFile(rel)).serialized() + "\n" }
        expect(0, "declarations", "comment", "d-3", "Klopt de pauze? \"ja\" \u{2028} é")
        XCTAssertEqual(readFile(rel), try canonical())
        XCTAssertEqual((decl("d-3")["comments"] as? [[String: Any]])?.first?["text"] as? String, "Klopt de pauze? \"ja\" \u{2028} é")
        expect(0, "declarations", "comment", "d-2", "Nog een")
        expect(0, "declarations", "enter", "d-1", "tue=4")
        XCTAssertEqual(readFile(rel), try canonical())
        XCTAssertEqual(jsonArray(expect(0, "declarations", "list", "--json")).count, 4)
        // Pretty-printed by hand: still one record changed, the rest kept.
        writeFile(rel, try JSON.parse(readFile(rel)).pretty())
        expect(0, "declarations", "comment", "d-4", "Na de hand")
        let after = try JSON.parse(readFile(rel))
        XCTAssertEqual(after["records"]?.arrayValue?.count, 4)
        XCTAssertEqual(after["records"]?.arrayValue?.first { $0["id"] == "d-4" }?["comments"]?.arrayValue?.count, 1)
        XCTAssertEqual((decl("d-1")["lines"] as? [Any])?.count, 1, "the hours entered before the hand edit")
        expect(0, "store", "verify")
    }

    func testTwoApproversAndACommenterAtOnceLoseNothing() {
        setUpWeek()
        for w in 3...6 {
            expect(0, "workers", "add", "Werker \(w)")
            expect(0, "contracts", "add", "--worker", "w-\(w)", "--department", "dep-1", "--function", "Picker", "--start", "2026-11-23",
                "--phase", "A", "--pay-rate", "15", "--bill-rate", "27.50")
        }
        expect(0, "declarations", "open", "--from", "2026-W48", "--to", "2026-W50")
        let all = jsonArray(expect(0, "declarations", "list", "--json")).compactMap { $0["id"] as? String }
        XCTAssertEqual(all.count, 18)
        expect(0, ["declarations", "submit"] + all)
        let group = DispatchGroup()
        let halves = [Array(all.prefix(9)), Array(all.suffix(9))]
        for half in halves {
            group.enter()
            DispatchQueue.global().async {
                for id in half { XCTAssertEqual(self.wt(["--wait", "30", "declarations", "approve", id]).code, 0) }
                group.leave()
            }
        }
        group.enter()
        DispatchQueue.global().async {
            for (n, id) in all.enumerated() { XCTAssertEqual(self.wt(["--wait", "30", "declarations", "comment", id, "opmerking \(n)"]).code, 0) }
            group.leave()
        }
        group.wait()
        let after = jsonArray(expect(0, "declarations", "list", "--json"))
        XCTAssertEqual(after.filter { $0["status"] as? String == "approved" }.count, 18)
        XCTAssertEqual(after.map { ($0["comments"] as? [[String: Any]])?.count ?? 0 }.reduce(0, +), 18)
        expect(0, "store", "verify")
    }

    func testStatusCountsWhatWaits() {
        initStore(sample: "demo")
        let s = jsonObject(expect(0, "status", "--json"))
        XCTAssertEqual(s["departments"] as? Int, 1)
        XCTAssertEqual(s["contracts"] as? Int, 9)
        XCTAssertEqual(s["documents"] as? Int, 8)
        XCTAssertEqual(s["declarations"] as? Int, 60)
        XCTAssertEqual(s["users"] as? Int, 2)
        let waiting = s["waiting"] as? [String: Any] ?? [:]
        XCTAssertEqual(waiting["toApprove"] as? Int, 3)
        XCTAssertEqual(waiting["toClose"] as? Int, 1)
        XCTAssertEqual(waiting["toSign"] as? Int, 4)
    }

    func testNotifySendsOneDigestPerApproverPerInterval() throws {
        initStore(sample: "demo")
        let dry = jsonArray(expect(0, "notify", "--dry-run", "--json"))
        XCTAssertEqual(dry.count, 1)
        XCTAssertEqual(dry.first?["to"] as? String, approver)
        XCTAssertEqual((dry.first?["declarations"] as? [String])?.count, 3)
        let digests = { self.jsonArray(self.expect(0, "outbox", "list", "--kind", "mail", "--json")).filter { ($0["subject"] as? String)?.hasPrefix("Er staan") == true } }
        XCTAssertEqual(digests().count, 0, "a dry run sends nothing")
        let first = expect(0, "notify")
        XCTAssertTrue(first.out.hasPrefix("sent 1 mail"), first.out)
        let mails = digests()
        XCTAssertEqual(mails.count, 1)
        XCTAssertEqual(mails.first?["subject"] as? String, "Er staan één of meer urendeclaraties klaar om goed te keuren")
        let body = decodedBody(expect(0, "outbox", "show", try XCTUnwrap(mails.first?["id"] as? String)).out)
        XCTAssertTrue(body.contains("Indien een declaratie niet akkoord is, wijs deze dan af."), body)
        XCTAssertTrue(body.contains("Vragen? Mail naar administratie@werktalent.com"), body)
        XCTAssertEqual(expect(0, "notify").out, "sent 0 mails\n", "within the interval nothing is sent again")
        XCTAssertEqual(wt(["notify"], env: ["WT_NOW": "2026-12-01T09:14:00Z"]).out, "sent 0 mails\n")
        let later = wt(["notify"], env: ["WT_NOW": "2026-12-01T09:15:00Z"])
        XCTAssertTrue(later.out.hasPrefix("sent 1 mail"), later.out)
        expect(0, "config", "set", "notify.remindWorkers", "true")
        let reminders = jsonArray(expect(0, "notify", "--dry-run", "--json")).filter { $0["kind"] as? String == "reminder" }
        XCTAssertEqual(reminders.map { $0["to"] as? String }, ["daan@mail.example"], "the rejected week 48 waits for Daan")
    }
}
