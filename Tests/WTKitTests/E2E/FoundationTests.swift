import Foundation
import XCTest

@testable import WTKit

/// The command line, output formats, exit codes and store basics, end to end.
final class FoundationTests: WTTestCase {
    func testMissingStoreSaysHowToCreateOne() {
        let r = expect(3, "clients", "list")
        XCTAssertTrue(r.err.contains("wt init"), r.err)
        XCTAssertEqual(r.out, "")
    }

    func testInitCreatesAPrivateStoreAndRefusesASecondTime() throws {
        initStore()
        let attrs = try FileManager.default.attributesOfItem(atPath: store)
        XCTAssertEqual((attrs[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        for (rel, _) in snapshot() {
            let a = try FileManager.default.attributesOfItem(atPath: store + "/" + rel)
            XCTAssertEqual((a[.posixPermissions] as? NSNumber)?.intValue, 0o600, rel)
        }
        let meta = readFile("wt-store.json")
        XCTAssertTrue(meta.contains("\"schema\": 1"), meta)
        expect(4, "init")
    }

    func testStoreLocationPrecedence() {
        let flagged = tmp + "/flagged"
        expect(0, "--store", flagged, "init")
        XCTAssertTrue(FileManager.default.fileExists(atPath: flagged + "/wt-store.json"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: store + "/wt-store.json"))
        let xdg = tmp + "/xdg"
        var r = wt(["init"], env: ["WT_STORE": "", "XDG_DATA_HOME": xdg])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: xdg + "/wt/wt-store.json"))
        r = wt(["init"], env: ["WT_STORE": "", "XDG_DATA_HOME": ""])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: tmp + "/.local/share/wt/wt-store.json"))
    }

    func testEveryOutputFormatWithFields() throws {
        initStore(sample: "demo")
        let table = expect(0, "workers", "list", "--fields", "id,name")
        XCTAssertTrue(table.out.hasPrefix("ID   NAME\n"), table.out)
        XCTAssertTrue(table.out.contains("w-2  Mohammed El Amrani\n"), table.out)
        let noHeader = expect(0, "workers", "list", "--fields", "id", "--no-header")
        XCTAssertEqual(noHeader.out.split(separator: "\n").first, "w-1")

        let json = jsonArray(expect(0, "workers", "list", "--format", "json", "--fields", "name,id"))
        XCTAssertEqual(json.count, 9)
        XCTAssertEqual(Set(json[0].keys), ["id", "name"])
        XCTAssertEqual(json[0]["id"] as? String, "w-1")

        let jsonl = expect(0, "workers", "list", "--format=jsonl", "--fields=id")
        XCTAssertEqual(jsonl.out.split(separator: "\n").count, 9)
        XCTAssertEqual(jsonl.out.split(separator: "\n").first, "{\"id\":\"w-1\"}")

        expect(0, "clients", "edit", "cl-1", "--name", "Bakkerij \"Van\" Houten, BV")
        let csv = expect(0, "clients", "list", "--format", "csv", "--fields", "id,name")
        XCTAssertEqual(csv.out, "id,name\r\ncl-1,\"Bakkerij \"\"Van\"\" Houten, BV\"\r\n")
        let tsv = expect(0, "--format", "tsv", "clients", "list", "--fields", "name,id", "--no-header")
        XCTAssertEqual(tsv.out, "Bakkerij \"Van\" Houten, BV\tcl-1\n")

        let bad = expect(2, "workers", "list", "--fields", "id,nmae")
        XCTAssertTrue(bad.err.contains("did you mean name"), bad.err)
        expect(2, "workers", "list", "--format", "xml")
        let jsonFlag = jsonObject(expect(0, "clients", "show", "cl-1", "--json"))
        XCTAssertEqual(jsonFlag["kvk"] as? String, "87654321")
        XCTAssertEqual(jsonFlag["gAccountPercent"] as? Int, 25)
    }

    func testTypoGetsASuggestionAndUsageExit() {
        initStore()
        var r = expect(2, "clinets", "list")
        XCTAssertTrue(r.err.contains("did you mean `wt clients`?"), r.err)
        r = expect(2, "clients", "lst")
        XCTAssertTrue(r.err.contains("did you mean `wt clients list`?"), r.err)
        r = expect(2, "clients", "list", "--formt", "json")
        XCTAssertTrue(r.err.contains("did you mean --format?"), r.err)
        r = expect(2, "clients", "add", "X", "--yes=please")
        XCTAssertTrue(r.err.contains("flag"), r.err)
        expect(2, "clients", "add")
        expect(2, "clients", "show", "cl-1", "extra")
    }

    func testHelpExplainsEveryCommandWithAnExample() {
        let overview = expect(0, "help")
        for noun in ["init", "status", "clients", "departments", "workers", "config", "store", "audit"] {
            XCTAssertTrue(overview.out.contains("  \(noun) "), noun)
            let h = expect(0, "help", noun)
            XCTAssertTrue(h.out.contains("Example"), "\(noun): \(h.out)")
            XCTAssertEqual(expect(0, noun, "--help").out, h.out)
        }
        let verb = expect(0, "help", "clients", "add")
        XCTAssertTrue(verb.out.contains("Usage: wt clients add NAME"), verb.out)
        XCTAssertTrue(verb.out.contains("--kvk NUMBER"), verb.out)
        XCTAssertEqual(expect(0, "clients", "add", "--help").out, verb.out)
        XCTAssertTrue(expect(0, "--version").out.hasPrefix("wt "))
        let missingVerb = expect(2, "clients")
        XCTAssertTrue(missingVerb.err.contains("needs a verb"), missingVerb.err)
    }

    func testValidators() {
        initStore()
        expect(0, "clients", "add", "Goed BV", "--kvk", "1234 5678", "--vat-id", "nl123456782b01", "--postcode", "3511ed")
        let c = jsonObject(expect(0, "clients", "show", "cl-1", "--json"))
        XCTAssertEqual(c["kvk"] as? String, "12345678")
        XCTAssertEqual(c["vatId"] as? String, "NL123456782B01")
        XCTAssertEqual(c["postcode"] as? String, "3511 ED")
        expect(0, "clients", "add", "Nieuw BV", "--vat-id", "NL000099998B57")
        expect(6, "clients", "add", "Fout BV", "--kvk", "1234567")
        expect(6, "clients", "add", "Fout BV", "--vat-id", "NL123456789B01")
        expect(6, "clients", "add", "Fout BV", "--g-account-percent", "101")
        expect(4, "clients", "add", "Dubbel BV", "--kvk", "12345678")
        expect(0, "workers", "add", "Sanne", "--iban", "NL91 ABNA 0417 1643 00")
        XCTAssertEqual(jsonObject(expect(0, "workers", "show", "w-1", "--json"))["iban"] as? String, "NL91ABNA0417164300")
        let badIban = expect(6, "workers", "add", "Daan", "--iban", "NL91ABNA0417164301")
        XCTAssertTrue(badIban.err.contains("--iban"), badIban.err)
        expect(6, "workers", "add", "Daan", "--email", "not-an-address")
        XCTAssertEqual(jsonArray(expect(0, "workers", "list", "--json")).count, 1, "a refused add changes nothing")
    }

    func testConfigValidation() {
        initStore()
        XCTAssertEqual(expect(0, "config", "get", "activation.validDays").out, "7\n")
        XCTAssertEqual(expect(0, "config", "get", "vat.rate").out, "21\n")
        expect(0, "config", "set", "password.minLength", "10")
        XCTAssertEqual(expect(0, "config", "get", "password.minLength").out, "10\n")
        expect(6, "config", "set", "password.minLength", "ten")
        expect(6, "config", "set", "agency.iban", "NL00XXXX")
        expect(6, "config", "set", "agency.gAccountIban", "NL91ABNA0417164300")
        expect(0, "config", "set", "agency.gAccountIban", "NL21INGB0990123456")
        expect(6, "config", "set", "mail.transport", "pigeon")
        let unknown = expect(3, "config", "set", "vat.rat", "21")
        XCTAssertTrue(unknown.err.contains("did you mean vat.rate?"), unknown.err)
        expect(3, "config", "get", "nope")
        let list = jsonArray(expect(0, "config", "list", "--json"))
        let keys = Set(list.compactMap { $0["key"] as? String })
        for k in ["agency.name", "agency.kvk", "agency.vatId", "agency.iban", "agency.gAccountIban", "agency.email", "portal.url",
            "activation.validDays", "password.minLength", "password.history", "password.maxAgeDays", "login.maxFailures",
            "login.lockMinutes", "sms.validMinutes", "sms.maxAttempts", "notify.intervalHours", "mail.transport",
            "mail.sendmailPath", "invoice.prefix", "invoice.paymentDays", "vat.rate"]
        {
            XCTAssertTrue(keys.contains(k), k)
        }
    }

    func testNotFoundWrongKindAndHostileIds() {
        initStore(sample: "demo")
        expect(3, "clients", "show", "cl-99")
        let wrongKind = expect(3, "clients", "show", "dep-1")
        XCTAssertTrue(wrongKind.err.contains("is a department id"), wrongKind.err)
        let path = expect(3, "clients", "show", "../../etc/passwd")
        XCTAssertFalse(path.err.contains("Fatal"), path.err)
        expect(3, "clients", "show", "cl-1\u{1}")
        expect(3, "clients", "show", String(repeating: "x", count: 100_000))
    }

    func testDryRunChangesNothing() {
        initStore()
        let before = snapshot()
        let r = expect(0, "--dry-run", "clients", "add", "Proef BV")
        XCTAssertTrue(r.err.contains("dry run"), r.err)
        XCTAssertEqual(snapshot(), before)
    }

    func testJSONMutationOutputAndAudit() {
        initStore()
        let c = jsonObject(expect(0, "clients", "add", "Audit BV", "--json"))
        XCTAssertEqual(c["id"] as? String, "cl-1")
        let audit = jsonArray(expect(0, "audit", "--record", "cl-1", "--json"))
        XCTAssertEqual(audit.count, 1)
        XCTAssertEqual(audit[0]["actor"] as? String, "backoffice:tester")
        XCTAssertEqual(audit[0]["action"] as? String, "client.add")
        XCTAssertEqual(audit[0]["at"] as? String, now)
        XCTAssertEqual(jsonArray(expect(0, "audit", "--actor", "backoffice:nobody", "--json")).count, 0)
        XCTAssertEqual(jsonArray(expect(0, "audit", "--since", "2026-12-01", "--json")).count, 0)
        XCTAssertEqual(jsonArray(expect(0, "audit", "--since", "2026-11-30", "--json")).count, 2)
    }

    /// Under cron USER may be unset: the back-office actor is then the
    /// account's name from /etc/passwd (read directly: the installed binary
    /// is static and cannot rely on NSS).
    func testWithoutUSERTheActorIsTheAccountsName() {
        initStore()
        expect(0, "clients", "add", "Cron BV", env: ["USER": ""])
        let audit = jsonArray(expect(0, "audit", "--record", "cl-1", "--json"))
        let name = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid\(getuid())"
        XCTAssertEqual(audit.first?["actor"] as? String, "backoffice:" + name)
    }

    func testPasswdNameReadsTheUidsLine() throws {
        let file = tmp + "/passwd"
        try "root:x:0:0:root:/root:/bin/bash\n# no comment handling needed\nbad line\n:x:7::::\nwt:x:1000:1000:W T,,,:/home/wt:/bin/sh\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(CommandEnv.passwdName(uid: 0, file: file), "root")
        XCTAssertEqual(CommandEnv.passwdName(uid: 1000, file: file), "wt")
        XCTAssertNil(CommandEnv.passwdName(uid: 7, file: file), "an empty name is no name")
        XCTAssertNil(CommandEnv.passwdName(uid: 4242, file: file))
        XCTAssertNil(CommandEnv.passwdName(uid: 0, file: tmp + "/missing"))
    }

    func testWTNowMustBeATimestamp() {
        let r = wt(["init"], env: ["WT_NOW": "yesterday"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("WT_NOW"), r.err)
    }

    func testAnIOFailureIsExitOneWithTheReason() {
        initStore(sample: "demo")
        let r = expect(1, "documents", "show", "doc-1", "--output", tmp + "/no/such/dir/doc.txt")
        XCTAssertTrue(r.err.contains("no/such/dir"), r.err)
        XCTAssertTrue(r.err.contains("hint:"), r.err)
    }
}
