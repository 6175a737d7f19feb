import Foundation
import XCTest

/// Payroll runs from closed declarations (SPEC §12), end to end.
final class PayrollTests: WTTestCase {
    /// One worker at € 15.00: 38:00 normal, 3:20 at 150%, 40 km and parking 7.50 in 2026-W46.
    func setUpClosedWeek() {
        initStore()
        expect(0, "clients", "add", "Bakkerij BV", "--kvk", "11223344", "--street", "Dorpsstraat 1", "--postcode", "1234 AB", "--city", "Ede")
        expect(0, "departments", "add", "cl-1", "Bakkerij")
        expect(0, "workers", "add", "Sanne de Vries", "--iban", "NL91ABNA0417164300")
        expect(0, "workers", "add", "Daan Bakker")
        expect(0, "contracts", "add", "--worker", "w-1", "--department", "dep-1", "--function", "Bakker", "--start", "2026-11-02",
            "--phase", "A", "--pay-rate", "15", "--bill-rate", "23.45")
        expect(0, "contracts", "add", "--worker", "w-2", "--department", "dep-1", "--function", "Bakker", "--start", "2026-11-02",
            "--phase", "A", "--pay-rate", "17.35", "--bill-rate", "31.10")
        expect(0, "declarations", "open", "--week", "2026-W46")
        expect(0, "declarations", "enter", "d-1", "mon=8", "tue=8", "wed=8", "thu=8", "fri=6", "--km", "40", "--expense", "parkeren=7.50")
        expect(0, "declarations", "enter", "d-1", "sat=3:20", "--type", "overtime150")
        expect(0, "declarations", "enter", "d-2", "mon=7:45")
        expect(0, "declarations", "submit", "d-1", "d-2")
        expect(0, "declarations", "approve", "d-1", "d-2")
        expect(0, "declarations", "close", "--all-approved")
    }

    func lines(_ run: [String: Any]) -> [[String: Any]] { run["lines"] as? [[String: Any]] ?? [] }

    func testExactAmountsOneRunPerCallAndNothingPaidTwice() throws {
        setUpClosedWeek()
        XCTAssertEqual((jsonObject(expect(0, "status", "--json"))["waiting"] as? [String: Any])?["toPay"] as? Int, 2)
        let dry = jsonArray(expect(0, "payroll", "run", "--dry-run", "--json"))
        XCTAssertEqual(dry.first?["number"] as? String, "CONCEPT", "a dry run takes no number")
        XCTAssertEqual(jsonArray(expect(0, "payroll", "list", "--json")).count, 0, "and writes nothing")

        let run = try XCTUnwrap(jsonArray(expect(0, "payroll", "run", "--json")).first)
        XCTAssertEqual(run["number"] as? String, "L2026-00001")
        XCTAssertEqual(run["date"] as? String, "2026-11-30")
        XCTAssertEqual(run["declarations"] as? [String], ["d-1", "d-2"])
        let d1 = lines(run).filter { $0["declaration"] as? String == "d-1" }
        func line(_ kind: String, _ type: String) -> [String: Any]? { d1.first { $0["kind"] as? String == kind && $0["type"] as? String == type } }
        // 38:00 × 15.00 = 570.00; 3:20 × 15.00 × 150% = 75.00; 40 km × 0.23 = 9.20; parking at cost
        XCTAssertEqual(line("hours", "normal")?["amount"] as? String, "570.00")
        XCTAssertEqual(line("hours", "normal")?["minutes"] as? Int, 2280)
        XCTAssertEqual(line("hours", "normal")?["rate"] as? String, "15.00")
        XCTAssertEqual(line("hours", "overtime150")?["amount"] as? String, "75.00")
        XCTAssertEqual(line("hours", "overtime150")?["percentage"] as? Int, 150)
        XCTAssertEqual(line("km", "km")?["amount"] as? String, "9.20")
        XCTAssertEqual(line("km", "km")?["rate"] as? String, "0.23")
        XCTAssertEqual(line("expense", "parkeren")?["amount"] as? String, "7.50")
        // 7:45 × 17.35 = 134.4625 → 134.46 (half away from zero, per line)
        XCTAssertEqual(lines(run).first { $0["declaration"] as? String == "d-2" }?["amount"] as? String, "134.46")
        XCTAssertEqual(run["total"] as? String, "796.16")

        // The import file: the header of SPEC §12, and its rows sum to the total.
        let csv = expect(0, "payroll", "show", "L2026-00001", "--format", "csv").out
        let rows = csv.split(separator: "\r\n").map(String.init)
        XCTAssertEqual(rows.first, "run,worker,workerName,iban,week,contract,kind,type,minutes,rate,percentage,amount")
        XCTAssertEqual(rows.count, 6)
        XCTAssertTrue(rows.contains("L2026-00001,w-1,Sanne de Vries,NL91ABNA0417164300,2026-W46,ct-1,hours,normal,2280,15.00,100,570.00"), csv)
        let cents = rows.dropFirst().map { row -> Int in
            let amount = row.split(separator: ",").last!.split(separator: ".")
            return Int(amount[0])! * 100 + Int(amount[1])!
        }
        XCTAssertEqual(cents.reduce(0, +), 79616)
        XCTAssertEqual(expect(0, "payroll", "show", "L2026-00001", "--format", "tsv").out.split(separator: "\n").first,
            "run\tworker\tworkerName\tiban\tweek\tcontract\tkind\ttype\tminutes\trate\tpercentage\tamount")

        // Paid once: a second run has nothing to pay, and the declarations name their run.
        let again = expect(0, "payroll", "run")
        XCTAssertEqual(again.out, "nothing to pay\n")
        XCTAssertEqual(jsonArray(expect(0, "payroll", "list", "--json")).count, 1)
        XCTAssertEqual(jsonObject(expect(0, "declarations", "show", "d-1", "--json"))["payroll"] as? String, "L2026-00001")
        XCTAssertEqual((jsonObject(expect(0, "status", "--json"))["waiting"] as? [String: Any])?["toPay"] as? Int, 0)
        // Invoicing is independent of payroll, and then the margin is known.
        for (k, v) in [("agency.street", "Stationsplein 12"), ("agency.postcode", "3511 ED"), ("agency.city", "Utrecht"),
                       ("agency.kvk", "12345678"), ("agency.vatId", "NL123456782B01"), ("agency.iban", "NL91ABNA0417164300")] {
            expect(0, "config", "set", k, v)
        }
        expect(0, "invoices", "generate")
        XCTAssertEqual(jsonObject(expect(0, "declarations", "show", "d-1", "--json"))["payroll"] as? String, "L2026-00001")
        let margin = try XCTUnwrap(jsonArray(expect(0, "payroll", "margin", "--json")).first)
        XCTAssertEqual(margin["client"] as? String, "cl-1")
        XCTAssertEqual(margin["paid"] as? String, "796.16")
        // 38:00 × 23.45 = 891.10, 3:20 × 23.45 × 150% = 117.25, parking 7.50; 7:45 × 31.10 = 241.03 (invoice lines excl. VAT)
        XCTAssertEqual(margin["invoiced"] as? String, "1256.88")
        XCTAssertEqual(margin["margin"] as? String, "460.72")
        XCTAssertEqual(margin["marginPercent"] as? String, "36.66")
        let slips = jsonArray(expect(0, "payroll", "slips", "--worker", "w-2", "--json"))
        XCTAssertEqual(slips.count, 1)
        XCTAssertEqual(slips.first?["workerName"] as? String, "Daan Bakker")
        XCTAssertTrue(expect(0, "store", "verify").out.hasPrefix("store ok"))
    }

    func testCreditAndCorrectPaysExactlyTheDifference() throws {
        setUpClosedWeek()
        for (k, v) in [("agency.street", "Stationsplein 12"), ("agency.postcode", "3511 ED"), ("agency.city", "Utrecht"),
                       ("agency.kvk", "12345678"), ("agency.vatId", "NL123456782B01"), ("agency.iban", "NL91ABNA0417164300")] {
            expect(0, "config", "set", k, v)
        }
        expect(0, "invoices", "generate")
        expect(0, "payroll", "run")
        expect(0, "invoices", "credit", "WT2026-00001", "--reason", "Vrijdag te veel", "--yes")
        XCTAssertEqual(jsonObject(expect(0, "declarations", "show", "d-1", "--json"))["payroll"] as? String, "L2026-00001")
        // Friday 6:00 → 2:00 (4 hours fewer), Saturday's overtime gone, 10 km more; d-2 closed again unchanged.
        expect(0, "declarations", "enter", "d-1", "fri=2", "--km", "50")
        expect(0, "declarations", "enter", "d-1", "sat=0", "--type", "overtime150")
        expect(0, "payroll", "run")
        XCTAssertEqual(expect(0, "payroll", "run").out, "nothing to pay\n", "a declaration in report is not paid")
        expect(0, "declarations", "submit", "d-1", "d-2")
        expect(0, "declarations", "approve", "d-1", "d-2")
        expect(0, "declarations", "close", "d-1", "d-2")
        let run = try XCTUnwrap(jsonArray(expect(0, "payroll", "run", "--json")).first)
        XCTAssertEqual(run["number"] as? String, "L2026-00002")
        XCTAssertEqual(run["declarations"] as? [String], ["d-1"], "d-2 did not change: nothing more to pay")
        let corrections = lines(run)
        XCTAssertTrue(corrections.allSatisfy { $0["kind"] as? String == "correction" })
        func amount(_ type: String) -> String? { corrections.first { $0["type"] as? String == type }?["amount"] as? String }
        XCTAssertEqual(amount("normal"), "-60.00")  // −4:00 × 15.00
        XCTAssertEqual(corrections.first { $0["type"] as? String == "normal" }?["minutes"] as? Int, -240)
        XCTAssertEqual(amount("overtime150"), "-75.00")
        XCTAssertEqual(amount("km"), "2.30")  // +10 km × 0.23
        XCTAssertNil(amount("parkeren"), "the expense did not change")
        XCTAssertEqual(run["total"] as? String, "-132.70")
        XCTAssertEqual(jsonObject(expect(0, "declarations", "show", "d-1", "--json"))["payroll"] as? String, "L2026-00002")
        // The runs for d-1 sum to its current lines: 34:00 × 15 = 510.00 + 50 km = 11.50 + 7.50.
        let all = jsonArray(expect(0, "payroll", "slips", "--worker", "w-1", "--json"))
        let cents = all.compactMap { $0["amount"] as? String }.map { s -> Int in
            let neg = s.hasPrefix("-"), p = s.drop { $0 == "-" }.split(separator: ".")
            return (neg ? -1 : 1) * (Int(p[0])! * 100 + Int(p[1])!)
        }
        XCTAssertEqual(cents.reduce(0, +), 51000 + 1150 + 750)
        XCTAssertEqual(expect(0, "payroll", "run").out, "nothing to pay\n")
        XCTAssertTrue(expect(0, "store", "verify").out.hasPrefix("store ok"))
    }

    func testUntilBadInputAndAccess() {
        setUpClosedWeek()
        XCTAssertEqual(expect(0, "payroll", "run", "--until", "2026-W45").out, "nothing to pay\n")
        expect(2, "payroll", "run", "--until", "garbage")
        expect(2, "payroll", "run", "--until", "2026-W60")
        expect(3, "payroll", "show", "L2026-00001")
        expect(3, "payroll", "show", "nonsense")
        let bad = expect(6, "config", "set", "payroll.types", "overtime150=abc")
        XCTAssertTrue(bad.err.contains("payroll.types"), bad.err)
        // A hand edit of config.json is refused by the run, naming the key, and nothing is paid.
        let config = readFile("config.json")
        writeFile("config.json", "{\"payroll.types\":\"overtime150=1x0\"}\n")
        let refused = expect(6, "payroll", "run")
        XCTAssertTrue(refused.err.contains("payroll.types"), refused.err)
        writeFile("config.json", config)
        expect(0, "config", "set", "payroll.types", "overtime150=200")
        expect(0, "config", "set", "payroll.kmRate", "0.19")
        expect(6, "config", "set", "payroll.kmRate", "-1")
        let run = jsonArray(expect(0, "payroll", "run", "--until", "2026-W46", "--json")).first ?? [:]
        let amounts = lines(run).filter { $0["declaration"] as? String == "d-1" }.compactMap { $0["amount"] as? String }
        XCTAssertEqual(amounts, ["570.00", "100.00", "7.60", "7.50"])  // 3:20 × 15 × 200%, 40 × 0.19
        XCTAssertTrue(expect(0, "store", "verify").out.hasPrefix("store ok"))
    }

    /// The demo store's history: a run a week, last week's closed one waiting;
    /// payroll is the back office's, and a client's user is refused (5) and
    /// does not see `toPay`.
    func testTheDemoHistoryIsBackOfficeOnly() throws {
        initStore(sample: "demo")
        let runs = jsonArray(expect(0, "payroll", "list", "--json"))
        XCTAssertEqual(runs.count, 20)
        XCTAssertEqual(runs.last?["number"] as? String, "L2026-00020")
        XCTAssertEqual((jsonObject(expect(0, "status", "--json"))["waiting"] as? [String: Any])?["toPay"] as? Int, 1)
        let user = "j.vanhouten@vanhouten.example"
        let before = snapshot()
        for args in [["payroll", "run"], ["payroll", "list"], ["payroll", "show", "L2026-00001"], ["payroll", "slips"], ["payroll", "margin"]] {
            let r = expect(5, ["--as", user] + args)
            XCTAssertTrue(r.err.contains("only back-office staff"), r.err)
        }
        XCTAssertNil((jsonObject(expect(0, "--as", user, "status", "--json"))["waiting"] as? [String: Any])?["toPay"])
        XCTAssertEqual(changes(before, snapshot()).filter { !$0.hasPrefix("audit/") }, [], "a refusal changes nothing")
        let paid = jsonArray(expect(0, "declarations", "list", "--status", "closed", "--json", "--fields", "id,payroll"))
        XCTAssertEqual(paid.filter { $0["payroll"] is String }.count, paid.count - 1, "every closed declaration but last week's is paid")
        XCTAssertTrue(expect(0, "store", "verify").out.hasPrefix("store ok"))
    }

    /// SPEC §12: `payroll list --from DATE --to DATE` gives the runs made on
    /// those days, both included, in the whole list's order.
    func testListFromToKeepsTheRunsMadeInTheRange() throws {
        initStore(sample: "demo")
        let all = jsonArray(expect(0, "payroll", "list", "--json"))
        let dates = all.map { $0["date"] as! String }
        XCTAssertEqual(dates, dates.sorted())
        let (from, to) = (dates[5], dates[12])
        let range = jsonArray(expect(0, "payroll", "list", "--from", from, "--to", to, "--json"))
        XCTAssertEqual(range.map { $0["number"] as! String }, all.filter { ($0["date"] as! String) >= from && ($0["date"] as! String) <= to }.map { $0["number"] as! String })
        XCTAssertEqual(range.count, 8, "both ends included")
        XCTAssertEqual(jsonArray(expect(0, "payroll", "list", "--from", dates.last!, "--json")).count, 1)
        XCTAssertEqual(jsonArray(expect(0, "payroll", "list", "--to", dates.first!, "--json")).count, 1)
        XCTAssertEqual(expect(0, "payroll", "list", "--from", to, "--to", from, "--json").out, "[]\n", "an empty range is an empty list")
    }
}
