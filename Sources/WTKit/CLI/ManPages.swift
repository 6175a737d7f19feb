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

    static let exitStatus: [(Int, String)] = [
        (0, "success, also when there was nothing to do"),
        (1, "unexpected failure (an I/O error or a bug); the message is on standard error"),
        (2, "usage: an unknown command or option, a missing or malformed argument"),
        (3, "not found: no record with that id, e-mail address or number"),
        (4, "conflict: the record's state does not allow it (already approved, a token used or expired, ...)"),
        (5, "denied: a wrong password, a locked or disabled account, no role or no access to that client"),
        (6, "invalid: well-formed but against a rule (the password policy, 25 hours in a day, a week outside the contract, ...)"),
        (7, "busy: another wt held the store longer than --wait allows"),
        (8, "store damaged: a store file cannot be read or fails verification; nothing was written"),
    ]

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

    // MARK: mdoc

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    static func head(_ title: String, _ section: Int, name: String, description: String) -> String {
        """
        .\\" Generated from wt's command table by `make docs`; do not edit.
        .Dd \(months[date.month - 1]) \(date.day), \(date.year)
        .Dt \(title.uppercased()) \(section)
        .Os wt \(Help.version)
        .Sh NAME
        .Nm \(name)
        .Nd \(words(description))

        """
    }

    /// Escapes for roff: a backslash prints as itself; an option's dashes are minus signs, so a
    /// copied command works.
    static func roff(_ s: String) -> String {
        var out = ""
        var previous: Character = " "
        for ch in s {
            switch ch {
            case "\\": out += "\\e"
            case stopMark: out += "\\&"
            case "-" where previous == " " || previous == "(" || previous == "[" || previous == "-" || previous == "|" || previous == "`":
                out += "\\-"
            default: out.append(ch)
            }
            previous = ch
        }
        return out
    }

    /// Lines of text, a sentence on each: never taken for a request.
    static func text(_ s: String) -> String {
        sentences(s).map { line in
            let r = roff(line)
            return (r.hasPrefix(".") || r.hasPrefix("'") ? "\\&" : "") + r + "\n"
        }.joined()
    }

    /// Where `sentences` marks a full stop that does not end a sentence; `roff` prints it as `\&`.
    static let stopMark: Character = "\u{E000}"

    static let abbreviations: Set<String> = ["incl", "excl", "e.g", "i.e", "etc", "vs", "approx", "bijv", "nr", "no"]

    /// Splits after each full stop (?, !) that ends a sentence; a stop inside one, as in
    /// `e.g. id`, gets a zero-width `\&` so roff does not take it for the end.
    static func sentences(_ s: String) -> [String] {
        var lines: [String] = []
        var current = ""
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            current.append(ch)
            if ".?!".contains(ch), i + 1 < chars.count, chars[i + 1] == " " {
                let word = current.split(separator: " ").last.map { String($0.dropLast()).lowercased() } ?? ""
                let next = i + 2 < chars.count ? chars[i + 2] : " "
                let quoted = current.filter { $0 == "\"" }.count % 2 == 1
                let inParentheses = current.filter { $0 == "(" }.count > current.filter { $0 == ")" }.count
                if !quoted && !inParentheses && (next.isUppercase || next.isNumber || next == "`" || next == "-" || next == "$") && !abbreviations.contains(word) {
                    lines.append(current)
                    current = ""
                    i += 2
                    continue
                }
                current.append(stopMark)
            }
            i += 1
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static let macroNames: Set<String> = [
        "Ac", "Ad", "An", "Ao", "Ap", "Aq", "Ar", "At", "Bc", "Bf", "Bk", "Bl", "Bo", "Bq", "Brc", "Bro", "Brq", "Bsx", "Bt", "Bx",
        "Cd", "Cm", "D1", "Db", "Dc", "Dd", "Dl", "Do", "Dq", "Dt", "Dv", "Dx", "Ec", "Ed", "Ef", "Ek", "El", "Em", "En", "Eo", "Er",
        "Es", "Ev", "Ex", "Fa", "Fc", "Fd", "Fl", "Fn", "Fo", "Fr", "Ft", "Fx", "Hf", "Ic", "In", "It", "Lb", "Li", "Lk", "Lp", "Me",
        "Ms", "Mt", "Nd", "Nm", "No", "Ns", "Nx", "Oc", "Oo", "Op", "Os", "Ot", "Ox", "Pa", "Pc", "Pf", "Po", "Pp", "Pq", "Qc", "Ql",
        "Qo", "Qq", "Re", "Rs", "Rv", "Sc", "Sh", "Sm", "So", "Sq", "Ss", "St", "Sx", "Sy", "Ta", "Tn", "Ud", "Ux", "Va", "Vt",
        "Xc", "Xo", "Xr",
    ]

    /// Words on a macro line: a word that is a macro's name or a lone delimiter is printed as itself.
    static func words(_ s: String) -> String {
        s.split(separator: " ", omittingEmptySubsequences: true).map { w -> String in
            let word = String(w)
            let r = roff(word).replacingOccurrences(of: "\"", with: "\\(dq")
            return macroNames.contains(word) || (word.count == 1 && ".,:;()[]?!|".contains(word)) ? "\\&" + r : r
        }.joined(separator: " ")
    }

    /// One macro argument, quoted when it holds spaces.
    static func arg(_ s: String) -> String {
        let w = words(s)
        return s.contains(" ") ? "\"\(w)\"" : w
    }

    static func sentence(_ s: String) -> String {
        guard let first = s.first else { return s }
        let t = first.uppercased() + s.dropFirst()
        return t.hasSuffix(".") || t.hasSuffix("?") || t.hasSuffix("!") ? t : t + "."
    }

    /// `Fl -kvk Ar NUMBER`, `Fl q , Fl -quiet`, `Fl -fields Ar FIELDS Ns Op ,...`.
    static func optionLabel(_ o: OptionSpec, short: Bool) -> String {
        var s = short ? o.short.map { "Fl \($0) , " } ?? "" : ""
        s += "Fl -\(o.name)"
        if let v = o.value { s += " Ar \(arg(v))" + (o.list ? " Ns Op \\&,..." : "") }
        return s
    }

    static func argLabel(_ a: ArgSpec) -> String {
        let core = "Ar \(arg(a.name))" + (a.variadic ? " No ..." : "")
        return a.optional ? "Op \(core)" : core
    }

    static func synopsis(_ c: CommandSpec) -> String {
        var s = ".Nm wt \(c.noun)" + (c.verb.map { " \(arg($0))" } ?? "") + "\n"
        for a in c.args { s += ".\(argLabel(a))\n" }
        for o in c.options { s += ".Op \(optionLabel(o, short: true))\n" }
        return s
    }

    static func optionList(_ options: [OptionSpec]) -> String {
        var s = ".Bl -tag -width Ds\n"
        for o in options { s += ".It \(optionLabel(o, short: true))\n" + text(sentence(o.help)) }
        return s + ".El\n"
    }

    static func completionNote(_ c: Completion) -> String? {
        if case .choices(let words) = c, words.count <= 12 { return "One of: " + words.joined(separator: ", ") + "." }
        return nil
    }

    /// Arguments, options and fields of one command.
    static func body(_ c: CommandSpec) -> String {
        var s = ""
        if !c.args.isEmpty {
            s += ".Pp\nArguments:\n.Bl -tag -width Ds\n"
            for a in c.args {
                s += ".It \(argLabel(a))\n" + text(sentence(a.help))
                if let note = completionNote(a.completion) { s += text(note) }
                if a.variadic { s += text("A - reads more from standard input, one per line.") }
            }
            s += ".El\n"
        }
        if !c.options.isEmpty {
            s += ".Pp\nOptions:\n.Bl -tag -width Ds\n"
            for o in c.options {
                s += ".It \(optionLabel(o, short: true))\n" + text(sentence(o.help))
                if let note = completionNote(o.completion) { s += text(note) }
                if o.list { s += text("Takes several values, comma-separated or repeated.") }
            }
            s += ".El\n"
        }
        if !c.extraFormats.isEmpty {
            s += ".Pp\nBesides the formats of\n.Xr wt 1 ,\n.Fl -format\ntakes\n"
            s += ".Cm " + c.extraFormats.map(arg).joined(separator: " , Cm ") + " .\n"
        }
        if !c.fields.isEmpty {
            s += ".Pp\nFields, for JSON and\n.Fl -fields :\n"
            s += ".Va " + c.fields.map(arg).joined(separator: " , Va ") + "\n"
        }
        return s
    }

    static func exitList() -> String {
        var s = ".Bl -tag -width Ds -compact\n"
        for (code, meaning) in exitStatus { s += ".It \(code)\n" + text(sentence(meaning)) }
        return s + ".El\n"
    }

    static func examples(_ es: [Example]) -> String {
        es.enumerated().map { i, e in (i == 0 ? "" : ".Pp\n") + example(e) }.joined()
    }

    static func example(_ e: Example) -> String {
        text(sentence(e.explanation).dropLast() + ":") + ".Bd -literal -offset indent\n" + text("$ " + e.command) + ".Ed\n"
    }

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

    // MARK: wt(1)

    static func overview(_ table: [NounSpec]) -> String {
        let nouns = Completions.visible(table)
        var s = head("wt", 1, name: "wt", description: "the back office of WerkTalent: clients, portal users, contracts, documents, hours and invoices")
        s += """
            .Sh SYNOPSIS
            .Nm
            .Op Ar global-options
            .Ar command
            .Op Ar verb
            .Op Ar arguments
            .Op Ar options
            .Nm
            .Cm help
            .Op Ar command Op Ar verb
            .Nm
            .Ar command
            .Fl -help
            .Nm
            .Fl -version
            .Sh DESCRIPTION
            .Nm
            runs the workflow of WerkTalent's client portal (HelloFlex) from the command line:
            clients and their departments, flex workers, portal accounts, contracts and the
            documents clients sign, weekly hour declarations, invoices and the mails that
            tell people what waits for them.
            People run it in a shell, cron runs it unattended, and its output pipes into
            .Xr jq 1 ,
            .Xr awk 1
            and spreadsheets.
            .Pp
            A command is a noun and, for most nouns, a verb:
            .Ql wt clients add NAME .
            Each has its own page:

            """
        s += ".Bl -tag -width Ds\n"
        for (n, _) in nouns { s += ".It Xr wt-\(n.name) 1\n" + text(sentence(n.summary)) }
        s += ".El\n"
        s += """
            .Pp
            Options may stand anywhere after
            .Nm ;
            .Fl -opt Ns = Ns Ar value
            and
            .Fl -opt Ar value
            both work, and
            .Fl -
            ends the options.
            An unknown command or option is a usage error that names the nearest valid
            spelling.
            Where a verb takes ids,
            .Ql -
            reads them from standard input, one per line.
            Users are also addressed by e-mail address, invoices by invoice number.
            .Pp
            Back-office staff act as themselves, recorded as
            .Li backoffice:$USER .
            .Fl -as Ar EMAIL
            acts as a portal user of a client: the command then only sees and touches
            that client's records, and only does what the user's roles allow
            .Po
            .Cm approver
            for declarations,
            .Cm signer
            for documents,
            .Cm viewer
            to read
            .Pc .
            .Fl -as
            the e-mail address of a worker with an account acts as that worker, who
            sees only their own contracts and declarations and may enter, import,
            submit and comment on their own declarations; anything else is refused
            with exit status 5.
            A disabled, locked or not yet activated account cannot act.
            .Pp
            A change prints what it did;
            .Fl -dry-run
            prints what would change and changes nothing.
            A destructive verb asks for confirmation on a terminal and requires
            .Fl -yes
            without one.
            Every change is all or nothing, also when the process is killed half-way,
            and is written to the audit trail.
            .Pp
            Timestamps in JSON are ISO 8601 in UTC, dates
            .Li YYYY-MM-DD ,
            weeks ISO 8601
            .Pq Li 2026-W48 ;
            tables show Europe/Amsterdam time.
            Money is exact: JSON gives it as a string with two decimals, in euro.
            Hours are kept as whole minutes; input accepts
            .Li 7.5 ,
            .Li 7,5
            and
            .Li 7:30 .
            .Sh GLOBAL OPTIONS

            """
        s += optionList(GlobalOptionSpecs.all)
        s += """
            .Sh OUTPUT FORMATS
            Data goes to standard output, messages and errors to standard error.
            .Fl -format
            chooses how records print:
            .Bl -tag -width Ds
            .It Cm table
            The default: aligned columns under a header, Dutch labels for statuses
            (Rapporteer, Ingediend, ...), local times.
            Colour only when standard output is a terminal and
            .Ev NO_COLOR
            is unset.
            .It Cm json
            One JSON document: an array for a list.
            Keys are sorted and never renamed; new fields are only added.
            .It Cm jsonl
            One JSON object per line.
            .It Cm csv
            A header line and rows, quoted as RFC 4180 says.
            .It Cm tsv
            A header line and tab-separated rows.
            .El
            .Pp
            The machine formats use the English codes and field names and never hold
            colour or padding.
            .Fl -fields
            selects and orders the fields in every format; each command's page lists its
            fields.
            .Fl -no-header
            leaves out the header line.
            .Sh ENVIRONMENT
            .Bl -tag -width Ds
            .It Ev WT_STORE
            The store directory when
            .Fl -store
            is not given.
            .It Ev XDG_DATA_HOME
            Without either, the store is
            .Pa $XDG_DATA_HOME/wt ,
            else
            .Pa ~/.local/share/wt .
            .It Ev WT_AS
            The portal user or worker to act as when
            .Fl -as
            is not given.
            .It Ev WT_NOW
            An ISO 8601 timestamp
            .Pq Li 2026-11-30T09:15:00Z
            that replaces the clock, for tests and for replaying a cron run.
            .It Ev USER
            The back-office name recorded in the audit trail.
            .It Ev NO_COLOR
            When set and not empty, tables and errors are never coloured.
            .It Ev WT_CRASH_AT
            A test failpoint: kill the process at the n-th I/O step of a commit, to
            prove that the store recovers.
            Never set it in production.
            .El
            .Sh FILES
            The store is a directory of JSON files that a person can read, back up and
            diff, created private (directory 0700, files 0600):
            .Bl -tag -width Ds

            """
        for (file, what) in storeFiles { s += ".It Pa \(arg(file))\n" + text(sentence(what)) }
        s += """
            .El
            .Pp
            One writer at a time holds an exclusive lock, readers a shared one; every
            change goes through a redo journal, so it lands whole or not at all.
            .Xr wt 5
            describes the store and its settings.
            .Sh EXIT STATUS

            """
        s += exitList()
        s += """
            .Pp
            A failed command changes nothing.
            .Sh EXAMPLES
            Make a demo store and look at it:
            .Bd -literal -offset indent

            """
        for line in [
            "$ wt --store /tmp/demo init --sample demo", "$ export WT_STORE=/tmp/demo", "$ wt status",
            "$ wt clients add 'Bakkerij Jansen BV' --kvk 12345678 --vat-id NL123456782B01",
            "$ wt workers list --format csv", "$ wt help clients add",
        ] {
            s += text(line)
        }
        s += """
            .Ed
            .Pp
            Complete wt in bash:
            .Bd -literal -offset indent
            $ source <(wt completions bash)
            .Ed
            .Sh SEE ALSO

            """
        s += (nouns.map { "wt-\($0.noun.name) 1" }.sorted() + ["wt 5"]).map { ".Xr \($0)" }.joined(separator: " ,\n") + "\n"
        return s
    }

    // MARK: wt(5)

    static func store() -> String {
        var s = head("wt", 5, name: "wt", description: "the store of wt and the agency's settings")
        s += """
            .Sh DESCRIPTION
            .Xr wt 1
            keeps its records in a store: a directory of JSON files that a person can
            read, back up and diff.
            It lives at
            .Fl -store Ar DIR ,
            else
            .Ev WT_STORE ,
            else
            .Pa $XDG_DATA_HOME/wt ,
            else
            .Pa ~/.local/share/wt .
            .Ql wt init
            creates it private: the directory mode 0700, its files 0600.
            .Ss Files
            .Bl -tag -width Ds

            """
        for (file, what) in storeFiles { s += ".It Pa \(arg(file))\n" + text(sentence(what)) }
        s += """
            .El
            .Ss Guarantees
            One writer at a time: a change takes an exclusive
            .Xr flock 2
            on
            .Pa lock ,
            a reader a shared one, so a reader never sees half a change.
            Waiting for the lock is bounded by
            .Fl -wait ;
            after that wt exits 7.
            .Pp
            Every change is committed through a redo journal, written, synced and renamed
            into place before any file changes, so it lands whole or not at all, also
            under
            .Ql kill\\ \\-9
            or a power loss.
            The next command replays a journal it finds.
            .Pp
            A file that does not parse stops every command with exit status 8 and its
            path, and nothing is written.
            .Ql wt store verify
            checks every file, every reference and the audit chain;
            .Ql wt store backup DIR
            copies the store under its lock.
            .Pp
            Every change appends an audit entry (time, actor, action, record, details
            without secrets) that holds the SHA-256 of the entry before it, so a hand
            edit shows in
            .Ql wt store verify .
            .Ss Restoring a backup
            Stop the cron jobs, move the damaged store aside, copy a backup into its place
            (or point
            .Fl -store
            or
            .Ev WT_STORE
            at the backup), and run
            .Ql wt store verify .
            .Sh SETTINGS
            The agency's settings live in
            .Pa config.json ;
            .Ql wt config set KEY VALUE
            checks and changes one,
            .Ql wt config list
            shows them all.
            .Bl -tag -width Ds

            """
        for k in ConfigKey.all {
            s += ".It Cm \(arg(k.key)) Ar \(arg(k.typeName))\n" + text(sentence(k.help))
            if let src = k.source { s += "Source: " + text(sentence(src.text)) }
            switch k.defaultValue {
            case .null: break
            case .string(let v): s += "Default:\n.Ql \(arg(v)) .\n"
            case .int(let i): s += "Default: \(i).\n"
            case .bool(let b): s += "Default: \(b).\n"
            default: break
            }
        }
        s += ".El\n.Sh SEE ALSO\n.Xr wt 1 ,\n.Xr wt-config 1 ,\n.Xr wt-store 1\n"
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
