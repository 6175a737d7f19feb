import Foundation
import XCTest

/// The official e-invoice rules as the test oracle: `ubl-validate` (shared/tools, beside the
/// repository) runs the published Schematron artefacts — EN 16931 (ConnectingEurope), Peppol BIS
/// Billing 3.0 with its NL rules (OpenPEPPOL) and SI-UBL 2.0 with the G-account extension
/// (peppolautoriteit-nl) — under Saxon-HE, choosing the sets by the document's CustomizationID
/// as a receiving access point does. The rule files stay outside this repository.
///
/// Java start-up and stylesheet compilation cost seconds per rule set, so documents are
/// validated in batches: one `validate` call per test, never one per document.
///
/// It replaced UBLRules.swift, 121 rules re-implemented from their texts, which missed
/// UBL-SR-05 and so passed G-account invoices every receiver rejects. Every breakage that
/// checker caught the official rules catch too (UBLCorpus.mutations: impossible dates through
/// PEPPOL-EN16931-F001, non-numbers as dynamic errors, XML, DOCTYPE and root in the validator's
/// precheck); what it alone refused (another billing process id, a credit note without terms
/// text) the official rules accept, and wt's own validators already enforce the KvK and VAT id
/// formats it warned about. Neither checks the UBL schema's element order: UBLWriter keeps it.
enum OfficialUBL {
    struct Finding: Equatable, Sendable, CustomStringConvertible {
        var rule: String
        var flag: String
        var message: String
        var location: String
        var isFatal: Bool { flag == "fatal" || flag == "error" }
        var description: String { "\(rule) [\(flag)] \(message) (\(location))" }
    }

    struct Report: Sendable, CustomStringConvertible {
        var findings: [Finding] = []
        /// The rule sets applied (`EN16931`, `PEPPOL`, `SI-UBL`, `SI-UBL-GACCOUNT`).
        var sets: [String] = []
        var fatal: [Finding] { findings.filter(\.isFatal) }
        var warnings: [Finding] { findings.filter { !$0.isFatal } }
        var fatalRules: Set<String> { Set(fatal.map(\.rule)) }
        var description: String {
            "\(fatal.count) fatal, \(warnings.count) warning (\(sets.joined(separator: ", ")))"
                + findings.map { "\n  \($0)" }.joined()
        }
    }

    struct Missing: Error, CustomStringConvertible {
        let what: String
        var description: String { "\(what), and CI=true requires it (.ci/run runs ../shared/tools/ubl-validator-setup)" }
    }

    /// `WT_UBL_VALIDATE`, else `../shared/tools/ubl-validate` beside the package root.
    static let path: String = {
        if let given = ProcessInfo.processInfo.environment["WT_UBL_VALIDATE"], !given.isEmpty { return given }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/tools/ubl-validate").standardized.path
    }()

    /// Skips the test when the validator, Java or Saxon is missing; under CI=true that is a failure.
    static func require() throws {
        let env = ProcessInfo.processInfo.environment
        let fm = FileManager.default
        var missing: String?
        if !fm.isExecutableFile(atPath: path) {
            missing = "the official UBL validator is not at \(path) (set WT_UBL_VALIDATE)"
        } else if !((env["PATH"] ?? "/usr/bin:/bin") + ":/usr/bin").split(separator: ":").contains(where: {
            fm.isExecutableFile(atPath: "\($0)/java")
        }) && env["JAVA"] == nil {
            missing = "java is not installed"
        } else if !([env["SAXON_JAR"], "/usr/share/java/Saxon-HE.jar", "/usr/share/java/saxon9he.jar"]
            .compactMap { $0 }.contains { fm.fileExists(atPath: $0) }) {
            missing = "Saxon-HE is not installed"
        }
        guard let missing else { return }
        if env["CI"] == "true" { throw Missing(what: missing) }
        throw XCTSkip("\(missing) (run ../shared/tools/ubl-validator-setup; CI=true makes this a failure)")
    }

    /// Validates every document in one run of the validator. Returns the reports by document
    /// name (names must be unique) and the seconds the run took.
    static func validate(_ documents: [(name: String, xml: String)]) throws -> (reports: [String: Report], seconds: Double) {
        try require()
        precondition(Set(documents.map(\.name)).count == documents.count, "document names must be unique")
        let dir = NSTemporaryDirectory() + "wt-ubl-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var byFile: [String: String] = [:]
        var files: [String] = []
        for (i, doc) in documents.enumerated() {
            let safe = String(doc.name.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-" })
            let file = "\(dir)/\(String(format: "%05d", i))-\(safe.prefix(60)).xml"
            try Data(doc.xml.utf8).write(to: URL(fileURLWithPath: file))
            byFile[file] = doc.name
            files.append(file)
        }
        let started = Date()
        let r = try Subprocess.run(path, files)
        let seconds = Date().timeIntervalSince(started)
        guard r.status == 0 || r.status == 1 else {
            throw Missing(what: "ubl-validate failed (exit \(r.status)): \(r.err.suffix(2000))")
        }
        var reports: [String: Report] = [:]
        var current: String? = files.count == 1 ? files[0] : nil
        for line in r.out.split(separator: "\n").map(String.init) {
            if line.hasPrefix("== ") {
                current = String(line.dropFirst(3))
                continue
            }
            guard let file = current else { continue }
            if line.hasPrefix(file + ": ") || (files.count == 1 && line.hasPrefix("ubl-validate: ")) {
                if let open = line.lastIndex(of: "("), line.hasSuffix(")") {
                    let sets = line[line.index(after: open)..<line.index(before: line.endIndex)]
                    reports[byFile[file]!, default: Report()].sets = sets.components(separatedBy: ", ")
                }
                continue
            }
            if let finding = parse(line) { reports[byFile[file]!, default: Report()].findings.append(finding) }
        }
        for name in byFile.values where reports[name] == nil {
            throw Missing(what: "ubl-validate said nothing about \(name):\n\(r.out.suffix(2000))\n\(r.err.suffix(2000))")
        }
        return (reports, seconds)
    }

    /// `RULE-ID [flag] message (location)`.
    static func parse(_ line: String) -> Finding? {
        guard let space = line.firstIndex(of: " "), line[line.index(after: space)...].hasPrefix("["),
              let close = line[space...].firstIndex(of: "]"), let open = line.lastIndex(of: "("), line.hasSuffix(")"), open > close
        else { return nil }
        let flag = line[line.index(space, offsetBy: 2)..<close]
        let message = line[line.index(after: close)..<open].trimmingCharacters(in: .whitespaces)
        return Finding(rule: String(line[..<space]), flag: String(flag), message: message,
                       location: String(line[line.index(after: open)..<line.index(before: line.endIndex)]))
    }
}
