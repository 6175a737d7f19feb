import Foundation
import XCTest

/// Hostile values for what worker accounts added (SPEC §11): `--as` and
/// `WT_AS` values, worker ids and e-mail addresses. Each is refused with its
/// exit status, a clean message and the store byte-identical (`refused`).
extension HostileInputTests {
    func testHostileAsValuesAreRefusedCleanly() {
        let escape = "daan@mail.example\u{1B}]0;owned\u{07}\u{1B}[31m"
        for value in [
            "", " ", "@", "daan@", "@mail.example", "../../etc/passwd", "w-4/../w-1", "w-0", "w--1", "w-99999999999999999999",
            "u-0", "daan@mail.example\n", escape, String(repeating: "a", count: 100_000) + "@mail.example",
            "daan@mail.example,sanne@mail.example", "\"daan\"@mail.example", "d-1", "ct-1", "-", "--", "daan@mail.exampl",
        ] {
            refused([2, 3], ["--as", value, "declarations", "list"])
        }
        // The same through the environment.
        for value in ["../../etc/passwd", escape, "w-4 "] {
            let before = snapshot()
            let r = wt(["declarations", "submit", "d-57"], env: ["WT_AS": value])
            XCTAssertTrue([2, 3].contains(r.code), "WT_AS=\(value.debugDescription): \(r.code) \(r.err)")
            XCTAssertFalse(r.err.unicodeScalars.contains("\u{1B}"), r.err)
            XCTAssertTrue(snapshot() == before, "WT_AS=\(value.debugDescription) changed the store")
        }
        // An invited worker of the demo, and a worker named by a client user's e-mail, cannot act.
        refused([5], ["--as", "sanne@mail.example", "declarations", "enter", "d-57", "mon=8"])
        refused([2, 5], ["--as", "daan@mail.example", "--as", "m.bos@vanhouten.example", "declarations", "enter", "d-57", "mon=8"])
    }

    func testHostileWorkerIdsAndEmailsAreRefusedCleanly() {
        for id in ["", "-", "w-", "w-0", "w-1/../w-2", "../workers.json", "w-1\u{1B}[2J", "cl-1", String(repeating: "w", count: 70_000)] {
            for verb in ["invite", "reinvite", "disable", "enable", "unlock"] { refused([2, 3], ["workers", verb, id]) }
            refused([2, 3], ["workers", "edit", id, "--name", "X"])
        }
        for email in [
            "", " ", "geen-adres", "a@b", "a@@mail.example", "a b@mail.example", "daan@mail.example\n", "daan@mail.example\r\nBcc: x@y.nl",
            "daan@mail.example\u{1B}[31m", "\u{200B}daan@mail.example", String(repeating: "a", count: 65) + "@mail.example",
            "a@" + String(repeating: "b", count: 250) + ".nl",
        ] {
            refused([2, 6], ["workers", "edit", "w-1", "--email", email])
            refused([2, 6], ["workers", "add", "Nieuw", "--email", email])
        }
        refused([2, 6], ["workers", "edit", "w-1", "--name", "Sanne\u{1B}[2J"])
        refused([2, 6], ["workers", "edit", "w-1", "--phone", "06-ABC"])
        refused([2, 6], ["workers", "edit", "w-1", "--iban", "NL91ABNA0417164301"])
        // Another account's address, in either direction, is a conflict.
        refused([4], ["workers", "edit", "w-4", "--email", "J.VANHOUTEN@vanhouten.example"])
        refused([4], ["users", "invite", "Daan@Mail.Example", "--client", "cl-1", "--name", "Daan"])
        refused([4], ["workers", "edit", "w-1", "--email", "daan@mail.example"])
        // A token of the wrong shape, bare or in a link, is no token.
        for token in ["-Ux", "--help", "a" + String(repeating: "1", count: 51), String(repeating: "a", count: 53), "%2e%2e%2f"] {
            refused([2, 3], ["account", "activate", "--password-stdin", "--", token], stdin: Array("Welkom01!\n".utf8))
        }
    }
}

/// A worker's account is part of workers.json: a damaged one stops `--as`,
/// `account login` and the worker verbs with exit 8 naming the file, and
/// nothing is written.
extension DamagedStoreTests {
    func testWorkerAccounts() throws {
        let worker = #"{"id":"w-4","name":"Daan Bakker","email":"daan@mail.example","phone":null,"iban":null,"createdAt":"2026-11-30T09:15:00Z","#
        let shapes = [
            #"{"records":[\#(worker)"account":[]}]}"#,
            #"{"records":[\#(worker)"account":{"status":"lost"}}]}"#,
            #"{"records":[\#(worker)"account":{"status":"active"}}]}"#,
            #"{"records":[\#(worker)"account":{"status":"active","failedLogins":"0","passwordHistory":[]}}]}"#,
        ]
        try check("workers.json", ["account", "login", "daan@mail.example", "--password-stdin"], shapes: shapes, stdin: "Welkom01!\n")
        try check("workers.json", ["--as", "daan@mail.example", "status"], shapes: shapes)
        try check("workers.json", ["workers", "invite", "w-4"], shapes: shapes)
    }
}
