import Foundation

/// The manual in mdoc: `wt(1)` (the overview, global options, formats,
/// environment, files, exit status), `wt(5)` (the store and its settings) and
/// one `wt-NOUN(1)` per visible noun, generated from the command table plus the
/// prose below. `man/` holds the committed output; `DocsTests` keeps it equal.
public enum ManPages {
    /// The date on every page: the release's, not the clock's, so the pages come
    /// out the same on every run. Move it with `Help.version`.
    public static let date = (year: 2026, month: 11, day: 30)

    /// Every page: file name (`wt-clients.1`) and text.
    public static func pages(_ table: [NounSpec]) -> [(name: String, text: String)] {
        [("wt.1", overview(table)), ("wt.5", store())]
            + Completions.visible(table).map { ("wt-\($0.noun.name).1", noun($0.noun, commands: $0.commands.map(\.spec))) }
    }

    static let exitStatus: [(Int, String)] = ExitCode.documented.map { (Int($0.rawValue), $0.meaning ?? "") }

    static let storeFiles: [(String, String)] = [
        ("wt-store.json", "the format name and schema version"),
        ("config.json", "the agency settings that were set (wt config)"),
        ("counters.json", "the next id of each kind of record"),
        ("clients.json, departments.json, workers.json", "the organisation: small, one file each; a worker's portal account (hashes only) is kept in the worker's record"),
        ("users/CLIENT.json, users/index.json", "the portal users of each client, and an index from id and e-mail address to client"),
        ("approvals/XX.json", "the SHA-256 of every approve and reject link of a digest (filed by its first two hex digits), with its approver, declaration, action, expiry and use; never a token"),
        ("audit/YYYY-MM.jsonl, audit/head.json", "the audit trail: one hash-chained JSON line per change"),
        ("journal", "present only during a commit, or after a crash until the next command replays it"),
        ("lock", "the target of the store's flock(2)"),
    ]

    // MARK: wt-NOUN(1)

    static func noun(_ n: NounSpec, commands: [CommandSpec]) -> String {
        var s = head("wt-\(n.name)", 1, name: "wt-\(n.name)", description: n.summary)
        s += ".Sh SYNOPSIS\n"
        for c in commands { s += synopsis(c) }
        s += ".Sh DESCRIPTION\n" + text(n.details)
        if n.isLeaf {
            let c = commands[0]
            if let d = c.details { s += ".Pp\n" + text(d) }
            s += body(c)
        } else {
            for c in commands {
                s += ".Ss wt \(n.name) \(arg(c.verb!))\n" + text(sentence(c.summary))
                if let d = c.details { s += text(d) }
                s += body(c)
            }
        }
        s += """
            .Pp
            The global options of
            .Xr wt 1
            apply to every command:
            .Fl -store , -as , -format , -json , -fields , -no-header , -quiet , -yes , -dry-run , -wait
            and
            .Fl -help .
            .Sh EXIT STATUS

            """
        s += exitList()
        s += ".Sh EXAMPLES\n"
        s += examples(commands.flatMap(\.examples))
        s += ".Sh SEE ALSO\n.Xr wt 1 ,\n.Xr wt 5\n"
        // mdoc(7) puts sections such as SECURITY CONSIDERATIONS after SEE ALSO.
        for section in n.sections { s += ".Sh \(section.title)\n" + text(section.text) }
        return s
    }
}

/// The generated files of the source tree: the completion scripts and the man pages.
public enum GeneratedDocs {
    /// Path (from the source root) and text of every generated file.
    public static func files(_ table: [NounSpec]) -> [(path: String, text: String)] {
        Completions.shells.map { (Completions.files[$0]!, Completions.script($0, table)!) }
            + ManPages.pages(table).map { ("man/\($0.name)", $0.text) }
    }

    /// Man pages in `man/` that no generated page has: left behind by a renamed or removed noun.
    public static func stale(_ table: [NounSpec], root: String) -> [String] {
        let current = Set(files(table).map(\.path))
        let pages = (try? FileManager.default.contentsOfDirectory(atPath: root + "/man")) ?? []
        return pages.filter { $0.hasSuffix(".1") || $0.hasSuffix(".5") }.map { "man/" + $0 }.filter { !current.contains($0) }.sorted()
    }

    /// Writes what differs and removes stale pages; returns the paths it changed.
    @discardableResult
    public static func write(_ table: [NounSpec], to root: String) throws -> [String] {
        var changed: [String] = []
        for dir in ["completions", "man"] {
            try FileManager.default.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
        }
        for (path, text) in files(table) {
            let full = root + "/" + path
            if FileManager.default.contents(atPath: full) == Data(text.utf8) { continue }
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: full)) } catch {
                throw WTError.failure("cannot write \(full): \(error.localizedDescription)")
            }
            changed.append(path)
        }
        for path in stale(table, root: root) {
            try? FileManager.default.removeItem(atPath: root + "/" + path)
            changed.append("-" + path)
        }
        return changed
    }
}
