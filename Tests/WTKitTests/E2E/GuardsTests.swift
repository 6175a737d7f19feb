import Foundation
import XCTest

/// SPEC §13 end to end: working-time warnings and refusals, the phase count
/// and its refusal, fixed-term notice in status, lists and mail, and
/// `store verify` over the summaries. The demo store's clock is 2026-11-30
/// (2026-W49); w-3 works ct-3 (phase B, until 2027-03-21) with d-56 open this week.
final class GuardsTests: WTTestCase {
    /// A second placement of w-3 at the same client, with this week opened: d-61.
    func secondPlacement() {
        initStore(sample: "demo")
        expect(0, "contracts", "add", "--worker", "w-3", "--department", "dep-1", "--function", "Avonddienst", "--start", "2026-11-30",
            "--phase", "C", "--pay-rate", "15", "--bill-rate", "30")
        let r = expect(0, "declarations", "open", "--week", "2026-W49")
        XCTAssertTrue(r.out.contains("d-61"), r.out)
    }

    func warnings(_ id: String) -> [String] {
        ((jsonObject(expect(0, "declarations", "show", id, "--json"))["warnings"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    }

    func testHoursAtTwoPlacementsOnOneDateWarnAndStillSucceed() {
        secondPlacement()
        // d-56 has 8:00 on Monday 2026-11-30; 4:00 more is exactly 12:00: no warning.
        var r = expect(0, "declarations", "enter", "d-61", "mon=4")
        XCTAssertEqual(r.err, "")
        XCTAssertEqual(warnings("d-61"), [])
        r = expect(0, "declarations", "enter", "d-61", "mon=4:30")
        XCTAssertTrue(r.err.contains("warning: d-61 day-over-max: 2026-11-30: 12:30 over all contracts"), r.err)
        XCTAssertTrue(r.err.contains("warning: d-56 day-over-max"), "the other placement's declaration warns too: \(r.err)")
        XCTAssertEqual(warnings("d-61"), ["day-over-max"])
        XCTAssertEqual(warnings("d-56"), ["day-over-max"])
        // The table of show has the warnings section; the list filters on it.
        XCTAssertTrue(expect(0, "declarations", "show", "d-61").out.contains("warnings\n  CODE          MESSAGE\n  day-over-max  2026-11-30: 12:30"))
        let listed = jsonArray(expect(0, "declarations", "list", "--warnings", "--json")).compactMap { $0["id"] as? String }
        XCTAssertEqual(listed.sorted(), ["d-56", "d-61"])
        // The same hours again raise nothing new: no warning printed.
        XCTAssertEqual(expect(0, "declarations", "enter", "d-61", "mon=4:30").err, "")
        // Clearing the day takes the warning off both.
        expect(0, "declarations", "enter", "d-61", "mon=0")
        XCTAssertEqual(warnings("d-56"), [])
        XCTAssertEqual(jsonArray(expect(0, "declarations", "list", "--warnings", "--json")).count, 0)
        expect(0, "store", "verify")
    }

    func testStrictRefusesEachWarningAndChangesNothing() throws {
        secondPlacement()
        expect(0, "config", "set", "worktime.strict", "true")
        let cases: [(args: [String], code: String)] = [
            (["declarations", "enter", "d-61", "mon=5"], "day-over-max"),
            (["declarations", "enter", "d-61", "wed=12", "thu=12", "fri=12", "sat=9"], "week-over-max"),
        ]
        for c in cases {
            let before = snapshot()
            let r = expect(6, c.args)
            XCTAssertTrue(r.err.contains("nothing was changed") && r.err.contains(c.code), r.err)
            XCTAssertEqual(changes(before, snapshot()), [], "a refused \(c.code) must leave the store byte-identical")
        }
        // An import is refused whole, also naming the warning.
        writeFile("uren.csv", "contract,date,hours\nct-10,2026-12-01,4\nct-10,2026-11-30,5\n")
        let before = snapshot()
        let r = expect(6, "declarations", "import", tmp + "/store/uren.csv")
        XCTAssertTrue(r.err.contains("day-over-max"), r.err)
        XCTAssertEqual(changes(before, snapshot()), [])
        // Strict off: the same import succeeds and warns.
        expect(0, "config", "set", "worktime.strict", "false")
        let ok = expect(0, "declarations", "import", tmp + "/store/uren.csv")
        XCTAssertTrue(ok.err.contains("warning: d-61 day-over-max: 2026-11-30: 13:00"), ok.err)
        expect(0, "store", "verify")
    }

    func testWeekOverMaxWarnsWhenNotStrict() {
        secondPlacement()
        // d-56 has 16:00 (Monday and Tuesday); 45:00 more makes 61:00 without any day over 12:00.
        let r = expect(0, "declarations", "enter", "d-61", "wed=12", "thu=12", "fri=12", "sat=9")
        XCTAssertTrue(r.err.contains("week-over-max: 2026-W49: 61:00 over all contracts, more than 60:00"), r.err)
        XCTAssertFalse(r.err.contains("day-over-max"), r.err)
        XCTAssertEqual(warnings("d-61"), ["week-over-max"])
    }

    /// The 16-week average limit just above what a worker has in 2026-W34..W49: one more minute in 16 weeks.
    func averageJustAbove(_ worker: String) -> String {
        let ds = jsonArray(expect(0, "declarations", "list", "--worker", worker, "--from", "2026-W34", "--to", "2026-W49", "--json"))
        let sum = ds.reduce(0) { $0 + ($1["minutes"] as? Int ?? 0) }
        let t = sum / 16 + 1
        return "\(t / 60):\(t % 60 < 10 ? "0" : "")\(t % 60)"
    }

    func testTheSixteenWeekAverageWarnsAndStrictRefuses() {
        initStore(sample: "demo")
        expect(0, "config", "set", "worktime.avg16Week", averageJustAbove("w-3"))
        XCTAssertEqual(warnings("d-56"), [])
        let r = expect(0, "declarations", "enter", "d-56", "wed=8")
        XCTAssertTrue(r.err.contains("warning: d-56 avg16-over-max: 2026-W34..2026-W49"), r.err)
        XCTAssertEqual(warnings("d-56"), ["avg16-over-max"])
        expect(0, "config", "set", "worktime.avg16Week", averageJustAbove("w-4"))
        expect(0, "config", "set", "worktime.strict", "true")
        let before = snapshot()
        let refused = expect(6, "declarations", "enter", "d-57", "wed=8")
        XCTAssertTrue(refused.err.contains("d-57 avg16-over-max"), refused.err)
        XCTAssertEqual(changes(before, snapshot()), [])
    }

    func testPhaseCountAndTheRefusalOfAnotherPhaseA() {
        initStore(sample: "demo")
        // w-1 worked ct-1 from 2026-W28 to W48 (closed, approved) and submitted W49.
        let phase = jsonObject(expect(0, "workers", "show", "w-1", "--json"))["phase"] as? [String: Any]
        XCTAssertEqual(phase?["weeksWorked"] as? Int, 22)
        XCTAssertEqual(phase?["weeksLeftA"] as? Int, 30)
        expect(0, "config", "set", "phase.weeksA", "22")
        XCTAssertEqual((jsonObject(expect(0, "workers", "show", "w-1", "--json"))["phase"] as? [String: Any])?["weeksLeftA"] as? Int, 0)
        let before = snapshot()
        let add = ["contracts", "add", "--worker", "w-1", "--department", "dep-1", "--function", "Inpakker", "--pay-rate", "15", "--bill-rate", "30"]
        let r = expect(6, add + ["--start", "2026-12-07", "--phase", "A"])
        XCTAssertTrue(r.err.contains("has worked 22 weeks") && r.err.contains("phase B"), r.err)
        let nbbu = expect(6, add + ["--start", "2026-12-07", "--phase", "1-2"])
        XCTAssertTrue(nbbu.err.contains("phase 3"), nbbu.err)
        XCTAssertEqual(changes(before, snapshot()), [])
        // Phase B is what it says to use; and after more than 26 idle weeks the count restarts.
        expect(0, add + ["--start", "2026-12-07", "--phase", "B", "--end", "2027-03-31"])
        expect(0, add + ["--start", "2027-07-05", "--phase", "A"])
        // A rejected week does not count: w-4's rejected W48 is left out.
        let w4 = jsonObject(expect(0, "workers", "show", "w-4", "--json"))["phase"] as? [String: Any]
        XCTAssertEqual(w4?["weeksWorked"] as? Int, 4, "ct-4 runs from 2026-W44: W44-W47 closed, W48 rejected, W49 in report")
    }

    func testFixedTermContractsEndingNeedNoticeOncePerContract() {
        initStore(sample: "demo")
        XCTAssertEqual((jsonObject(expect(0, "status", "--json"))["waiting"] as? [String: Any])?["contractsEnding"] as? Int, 0)
        // ct-3 (phase B) ends 2027-03-21: 35 days before is 2027-02-14.
        let late = ["WT_NOW": "2027-02-14T08:00:00Z"]
        XCTAssertEqual((jsonObject(expect(0, "status", "--json", env: late))["waiting"] as? [String: Any])?["contractsEnding"] as? Int, 1)
        XCTAssertTrue(expect(0, "status", env: late).out.contains("fixed-term contracts ending (notice due)  1"))
        XCTAssertEqual(jsonArray(expect(0, "contracts", "list", "--ending", "35", "--json", env: late)).compactMap { $0["id"] as? String }, ["ct-3"])
        XCTAssertEqual(jsonArray(expect(0, "contracts", "list", "--ending", "200", "--json")).compactMap { $0["id"] as? String }, ["ct-3", "ct-8"])
        expect(2, "contracts", "list", "--ending", "soon")
        let sent = jsonArray(expect(0, "notify", "--json", env: late)).filter { $0["kind"] as? String == "notice" }
        XCTAssertEqual(sent.count, 1)
        XCTAssertEqual(sent.first?["to"] as? String, "administratie@werktalent.com")
        XCTAssertEqual(sent.first?["contracts"] as? [String], ["ct-3"])
        let mail = jsonArray(expect(0, "outbox", "list", "--json", env: late)).last { ($0["subject"] as? String)?.hasPrefix("Aanzegging") == true }
        let body = decodedBody(expect(0, "outbox", "show", mail?["id"] as? String ?? "?", env: late).out)
        XCTAssertTrue(body.contains("ct-3") && body.contains("2027-03-21") && body.contains("7:668"), body)
        // The next day, and a week later: the contract was told, no second notice.
        for day in ["2027-02-15T08:00:00Z", "2027-02-22T08:00:00Z"] {
            XCTAssertEqual(jsonArray(expect(0, "notify", "--json", env: ["WT_NOW": day])).filter { $0["kind"] as? String == "notice" }.count, 0)
        }
        // Ended early: it is no longer ending.
        expect(0, "contracts", "end", "ct-3", "--date", "2027-02-20", "--yes", env: late)
        XCTAssertEqual((jsonObject(expect(0, "status", "--json", env: ["WT_NOW": "2027-02-21T08:00:00Z"]))["waiting"] as? [String: Any])?["contractsEnding"] as? Int, 0)
        expect(0, "store", "verify", env: late)
    }

    func testApproversDigestMentionsWarnings() {
        secondPlacement()
        expect(0, "declarations", "enter", "d-61", "mon=6")
        // d-56 is not submitted in the demo; submit it so the digest lists it.
        expect(0, "declarations", "submit", "d-56")
        expect(0, "notify")
        let digest = jsonArray(expect(0, "outbox", "list", "--json")).last { ($0["subject"] as? String)?.hasPrefix("Er staan") == true }
        let body = decodedBody(expect(0, "outbox", "show", digest?["id"] as? String ?? "?").out)
        XCTAssertTrue(body.contains("d-56") && body.contains("let op, arbeidstijd: 2026-11-30: 14:00"), body)
    }

    func testVerifyCatchesATamperedSummary() throws {
        initStore(sample: "demo")
        expect(0, "store", "verify")
        let rel = "workload/w-3.json"
        let text = readFile(rel)
        XCTAssertTrue(text.contains("\"2026-11-30\":480"), text)
        writeFile(rel, text.replacingOccurrences(of: "\"2026-11-30\":480", with: "\"2026-11-30\":470"))
        var v = expect(8, "store", "verify")
        XCTAssertTrue((v.out + v.err).contains("\(store)/\(rel): does not match the declarations of w-3 in 2026-W49"), v.out + v.err)
        // A summary removed, and a stray one.
        writeFile(rel, text)
        try FileManager.default.removeItem(atPath: store + "/" + rel)
        writeFile("workload/w-9.json", "{\"weeks\":{},\"worker\":\"w-9\"}")
        v = expect(8, "store", "verify")
        XCTAssertTrue((v.out + v.err).contains("\(store)/\(rel): missing"), v.out + v.err)
        XCTAssertFalse((v.out + v.err).contains("w-9.json"), "an empty summary matches a worker without hours")
        writeFile(rel, text)
        // A notice file that names the wrong contract, and so misses ct-3.
        let month = "contracts/ending/2027-03.json"
        let ending = readFile(month)
        writeFile(month, ending.replacingOccurrences(of: "\"ct-3\"", with: "\"ct-9\""))
        v = expect(8, "store", "verify")
        XCTAssertTrue((v.out + v.err).contains("2027-03.json: ct-9 does not match") && (v.out + v.err).contains("ct-3, ending 2027-03-21, is missing"), v.out + v.err)
    }
}
