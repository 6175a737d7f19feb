import Foundation
import XCTest

/// Contracts and the documents a client approves or signs (SPEC §5).
final class ContractsDocumentsTests: WTTestCase {
    let signer = "j.vanhouten@vanhouten.example"
    let viewer = "m.bos@vanhouten.example"

    func setUpClient() {
        initStore()
        expect(0, "clients", "add", "Klant BV", "--kvk", "11223344")
        expect(0, "departments", "add", "cl-1", "Magazijn")
        expect(0, "workers", "add", "Eerste Werker")
        expect(0, "workers", "add", "Tweede Werker")
        expect(0, "workers", "add", "Derde Werker")
    }

    func addContract(_ worker: String, phase: String, end: String? = nil, cao: String? = nil) -> [String: Any] {
        var args = ["contracts", "add", "--worker", worker, "--department", "dep-1", "--function", "Orderpicker", "--start", "2026-12-07",
            "--phase", phase, "--pay-rate", "15.50", "--bill-rate", "28,75", "--json"]
        if let end { args += ["--end", end] }
        if let cao { args += ["--cao", cao] }
        let r = wt(args)
        XCTAssertEqual(r.code, 0, r.err)
        return jsonObject(r)
    }

    func documents(_ args: String...) -> [[String: Any]] {
        jsonArray(expect(0, ["documents", "list", "--json"] + args))
    }

    func testFirstContractBringsArboAndClassificationTheSecondOnlyItsConfirmation() {
        setUpClient()
        let c1 = addContract("w-1", phase: "A")
        XCTAssertEqual(c1["fixedTerm"] as? Bool, false)
        XCTAssertEqual(c1["billRate"] as? String, "28.75")
        XCTAssertEqual(c1["cao"] as? String, "abu")
        var kinds = documents().map { $0["kind"] as! String }
        XCTAssertEqual(kinds.sorted(), ["arbo", "assignment-confirmation", "classification"])
        _ = addContract("w-2", phase: "C")
        kinds = documents().map { $0["kind"] as! String }
        XCTAssertEqual(kinds.filter { $0 == "assignment-confirmation" }.count, 2)
        XCTAssertEqual(kinds.filter { $0 == "arbo" }.count, 1, "the client has an arbo document already")
        XCTAssertEqual(documents("--contract", "ct-2").count, 1)
        let status = jsonObject(expect(0, "status", "--json"))
        XCTAssertEqual(status["contracts"] as? Int, 2)
        XCTAssertEqual(status["documents"] as? Int, 2, "Documenten counts client-level documents")
        XCTAssertEqual((status["waiting"] as? [String: Any])?["toSign"] as? Int, 4)
    }

    func testFixedTermContractsNeedAnEndAHireAgreementAndAnSMSSignature() {
        setUpClient()
        let noEnd = expect(2, "contracts", "add", "--worker", "w-1", "--department", "dep-1", "--function", "X", "--start", "2026-12-07",
            "--phase", "B", "--pay-rate", "15", "--bill-rate", "25")
        XCTAssertTrue(noEnd.err.contains("--end"), noEnd.err)
        expect(6, "contracts", "add", "--worker", "w-1", "--department", "dep-1", "--function", "X", "--start", "2026-12-07",
            "--end", "2026-12-01", "--phase", "B", "--pay-rate", "15", "--bill-rate", "25")
        expect(6, "contracts", "add", "--worker", "w-1", "--department", "dep-1", "--function", "X", "--start", "2026-12-07",
            "--phase", "3", "--cao", "abu", "--pay-rate", "15", "--bill-rate", "25")
        let abu = addContract("w-1", phase: "B", end: "2027-06-30")
        XCTAssertEqual(abu["fixedTerm"] as? Bool, true)
        let nbbu = addContract("w-2", phase: "3", end: "2027-03-31", cao: "nbbu")
        XCTAssertEqual(nbbu["cao"] as? String, "nbbu")
        for contract in ["ct-1", "ct-2"] {
            let docs = documents("--contract", contract)
            XCTAssertEqual(Set(docs.map { $0["kind"] as! String }), ["assignment-confirmation", "hire-agreement"], contract)
            let confirmation = docs.first { $0["kind"] as? String == "assignment-confirmation" }!
            XCTAssertEqual(confirmation["requiresSMS"] as? Bool, true)
            XCTAssertEqual(docs.first { $0["kind"] as? String == "hire-agreement" }!["requiresSMS"] as? Bool, false)
        }
        let phaseA = addContract("w-3", phase: "A")
        XCTAssertEqual(documents("--contract", phaseA["id"] as! String).count, 1)
        expect(2, "contracts", "add", "--worker", "w-1", "--department", "dep-1", "--function", "X", "--start", "2026-12-07",
            "--phase", "D", "--pay-rate", "15", "--bill-rate", "25")
        expect(3, "contracts", "add", "--worker", "w-99", "--department", "dep-1", "--function", "X", "--start", "2026-12-07",
            "--phase", "A", "--pay-rate", "15", "--bill-rate", "25")
    }

    func testReadConfirmationSigningAndNeverTwice() {
        setUpClient()
        _ = addContract("w-1", phase: "A")
        let refused = expect(2, "documents", "sign", "doc-1")
        XCTAssertTrue(refused.err.contains("--read"), refused.err)
        let signed = jsonObject(expect(0, "documents", "sign", "doc-1", "--read", "--json"))
        XCTAssertEqual(signed["status"] as? String, "approved")
        XCTAssertEqual(signed["method"] as? String, "read")
        XCTAssertEqual(signed["signedBy"] as? String, "backoffice:tester")
        XCTAssertEqual(signed["signedAt"] as? String, now)
        XCTAssertEqual((signed["sha256"] as? String)?.count, 64)
        expect(4, "documents", "sign", "doc-1", "--read")
        XCTAssertEqual(documents("--status", "approved").count, 1)
        XCTAssertEqual(documents("--status", "pending").count, 2)
        let audit = jsonArray(expect(0, "audit", "--record", "doc-1", "--json"))
        XCTAssertTrue(audit.contains { $0["action"] as? String == "document.sign" })
    }

    func testShowOutputReturnsTheExactBytesWithTheRecordedHash() throws {
        setUpClient()
        _ = addContract("w-1", phase: "A")
        let meta = jsonObject(expect(0, "documents", "show", "doc-1", "--json"))
        let out = tmp + "/doc.txt"
        expect(0, "documents", "show", "doc-1", "--output", out)
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        XCTAssertEqual(data.count, meta["size"] as? Int)
        let sum = Process()
        sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sum.arguments = [out]
        let pipe = Pipe()
        sum.standardOutput = pipe
        try sum.run()
        sum.waitUntilExit()
        let digest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        XCTAssertEqual(String(digest), meta["sha256"] as? String)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("Eerste Werker"))
        let stdout = expect(0, "documents", "show", "doc-1", "--output", "-")
        XCTAssertEqual(Data(stdout.out.utf8), data)
    }

    func testAddAnOtherDocument() throws {
        setUpClient()
        let file = tmp + "/huisregels.txt"
        try "Geen telefoons op de werkvloer.\n".write(toFile: file, atomically: true, encoding: .utf8)
        let d = jsonObject(expect(0, "documents", "add", "--client", "cl-1", "--kind", "other", "--title", "Huisregels", file, "--json"))
        XCTAssertEqual(d["kind"] as? String, "other")
        XCTAssertEqual(d["status"] as? String, "pending")
        expect(2, "documents", "add", "--client", "cl-1", "--kind", "hire-agreement", "--title", "X", file)
        expect(3, "documents", "add", "--client", "cl-1", "--kind", "other", "--title", "X", tmp + "/missing.pdf")
        expect(2, "documents", "add", "--client", "cl-1", "--kind", "brief", "--title", "X", file)
        // The same bytes are stored once.
        expect(0, "documents", "add", "--client", "cl-1", "--kind", "other", "--title", "Nogmaals", file)
        let blobs = snapshot().keys.filter { $0.hasPrefix("blobs/") }
        XCTAssertEqual(blobs.count, 1)
    }

    func testTheWholeSMSFlow() throws {
        initStore(sample: "demo")
        // ct-8 is the demo's planned fixed-term contract; its confirmation waits for an SMS signature.
        let doc = try XCTUnwrap(documents("--contract", "ct-8", "--kind", "assignment-confirmation").first?["id"] as? String)
        let backoffice = expect(5, "documents", "sign", doc, "--read")
        XCTAssertTrue(backoffice.err.contains("SMS"), backoffice.err)
        expect(5, "--as", viewer, "documents", "sign", doc, "--read")
        let sent = jsonObject(expect(0, "--as", signer, "documents", "sign", doc, "--read", "--json"))
        XCTAssertEqual(sent["status"] as? String, "awaiting-code")
        let code = try smsCode(to: "+31612345678")
        XCTAssertFalse(snapshot().filter { $0.key.hasPrefix("documents/") }.values.contains { String(decoding: $0, as: UTF8.self).contains(code) },
            "the code is stored only as a hash")
        let wrong = code == "000000" ? "111111" : "000000"
        let w = expect(5, "--as", signer, "documents", "sign", doc, "--code", wrong)
        XCTAssertTrue(w.err.contains("4 tries left"), w.err)
        expect(5, "--as", viewer, "documents", "sign", doc, "--code", code)
        let ok = jsonObject(expect(0, "--as", signer, "documents", "sign", doc, "--code", code, "--json"))
        XCTAssertEqual(ok["status"] as? String, "approved")
        XCTAssertEqual(ok["method"] as? String, "sms")
        XCTAssertEqual(ok["signedBy"] as? String, signer)
        expect(4, "--as", signer, "documents", "sign", doc, "--code", code)
    }

    func testFiveWrongCodesKillTheCodeAndANewOneWorks() throws {
        initStore(sample: "demo")
        let doc = try XCTUnwrap(documents("--contract", "ct-8", "--kind", "assignment-confirmation").first?["id"] as? String)
        expect(0, "--as", signer, "documents", "sign", doc, "--read")
        let code = try smsCode(to: "+31612345678")
        let wrong = code == "000000" ? "111111" : "000000"
        for _ in 1...5 { expect(5, "--as", signer, "documents", "sign", doc, "--code", wrong) }
        let dead = expect(4, "--as", signer, "documents", "sign", doc, "--code", code)
        XCTAssertTrue(dead.err.contains("dead"), dead.err)
        expect(0, "--as", signer, "documents", "sign", doc, "--read")
        let fresh = try smsCode(to: "+31612345678")
        if fresh != code { expect(5, "--as", signer, "documents", "sign", doc, "--code", code) }
        expect(0, "--as", signer, "documents", "sign", doc, "--code", fresh)
    }

    func testTheCodeExpiresAfterTenMinutes() throws {
        initStore(sample: "demo")
        let doc = try XCTUnwrap(documents("--contract", "ct-8", "--kind", "assignment-confirmation").first?["id"] as? String)
        expect(0, "--as", signer, "documents", "sign", doc, "--read")
        let code = try smsCode(to: "+31612345678")
        let late = expect(4, ["--as", signer, "documents", "sign", doc, "--code", code], env: ["WT_NOW": "2026-11-30T09:25:00Z"])
        XCTAssertTrue(late.err.contains("expired"), late.err)
        _ = expect(0, ["--as", signer, "documents", "sign", doc, "--read"], env: ["WT_NOW": "2026-11-30T09:26:00Z"])
        let fresh = try smsCode(to: "+31612345678")
        _ = expect(0, ["--as", signer, "documents", "sign", doc, "--code", fresh], env: ["WT_NOW": "2026-11-30T09:35:59Z"])
    }

    func testScopeViewersAndOtherClientsCannotSignOrSee() throws {
        initStore(sample: "demo")
        expect(0, "clients", "add", "Andere Klant BV")
        expect(0, "departments", "add", "cl-2", "Hal 1")
        expect(0, "users", "invite", "inkoop@andere.example", "--client", "cl-2", "--name", "Inkoop", "--role", "signer,approver", "--quiet")
        let link = try XCTUnwrap(readMailLink())
        expect(0, "account", "activate", link, "--password-stdin", stdin: "Geheim12!\n")
        let pending = try XCTUnwrap(documents("--status", "pending").first?["id"] as? String)
        expect(5, "--as", "inkoop@andere.example", "documents", "sign", pending, "--read")
        expect(5, "--as", "inkoop@andere.example", "documents", "show", pending)
        XCTAssertEqual(jsonArray(expect(0, "--as", "inkoop@andere.example", "documents", "list", "--json")).count, 0)
        expect(5, "--as", "inkoop@andere.example", "contracts", "show", "ct-1")
        expect(5, "--as", viewer, "documents", "sign", pending, "--read")
        XCTAssertEqual(jsonArray(expect(0, "--as", viewer, "documents", "list", "--json")).count, 19)
        expect(0, "--as", signer, "documents", "sign", pending, "--read")
    }

    func readMailLink() -> String? {
        let mails = jsonArray(expect(0, "outbox", "list", "--kind", "mail", "--json"))
        guard let id = mails.last?["id"] as? String else { return nil }
        let raw = expect(0, "outbox", "show", id).out.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "")
        guard let r = raw.range(of: #"https?://\S+/deeplink/index/[A-Za-z0-9_=-]+"#, options: .regularExpression) else { return nil }
        return String(raw[r]).replacingOccurrences(of: "=3D", with: "=")
    }

    func testEndingAContract() {
        setUpClient()
        _ = addContract("w-1", phase: "A")
        expect(2, "contracts", "end", "ct-1", "--date", "2027-01-31")
        let ended = jsonObject(expect(0, "contracts", "end", "ct-1", "--date", "2027-01-31", "--yes", "--json"))
        XCTAssertEqual(ended["end"] as? String, "2027-01-31")
        expect(6, "contracts", "end", "ct-1", "--date", "2026-11-01", "--yes")
        XCTAssertEqual(jsonArray(expect(0, "contracts", "list", "--worker", "w-1", "--json")).count, 1)
        XCTAssertEqual(jsonArray(expect(0, "contracts", "list", "--active", "--json")).count, 0, "it starts next week")
    }
}
