/// The global options of SPEC §1, which may stand anywhere on the line: the values a
/// line sets (`GlobalOptions`) and, for each option, its one declaration (`GlobalOption`).

public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, jsonl, csv, tsv
}

public struct GlobalOptions {
    public var store: String?
    public var actAs: String?
    public var format: OutputFormat = .table
    public var formatGiven = false
    /// A format only some commands know (`invoices show --format ubl`).
    public var extraFormat: String?
    public var fields: [String] = []
    public var noHeader = false
    public var quiet = false
    public var yes = false
    public var dryRun = false
    public var wait: Double = 10
    public var help = false
    public var version = false
}

/// A global option declared once, as ripgrep declares each flag: the `OptionSpec` that
/// the parser, help, man pages and completions read, and how its value goes into
/// `GlobalOptions`. The router finds the declaration by the name written and calls
/// `apply`; no switch on names, so an option cannot be listed and then not applied.
public struct GlobalOption: Sendable {
    public let spec: OptionSpec
    /// Sets the option's field; `value` is nil for a flag. `command` is the line's
    /// command, whose formats `--format` also accepts.
    let apply: @Sendable (_ globals: inout GlobalOptions, _ value: String?, _ command: CommandSpec?) throws -> Void

    init(_ spec: OptionSpec, apply: @escaping @Sendable (inout GlobalOptions, String?, CommandSpec?) throws -> Void) {
        self.spec = spec
        self.apply = apply
    }

    /// The table, in the order help and the man pages list them.
    public static let all: [GlobalOption] = [store, actAs, format, json, fields, noHeader, quiet, yes, dryRun, wait, help, version]

    public static let store = GlobalOption(
        OptionSpec("store", value: "DIR", help: "the store directory (else $WT_STORE, else $XDG_DATA_HOME/wt)", completion: .directory)
    ) { g, v, _ in g.store = v }

    public static let actAs = GlobalOption(
        OptionSpec("as", value: "EMAIL", help: "act as this portal user of a client, or this worker (else $WT_AS)", completion: .records("users"))
    ) { g, v, _ in g.actAs = v }

    public static let format = GlobalOption(
        OptionSpec(
            "format", value: "FORMAT",
            help: "output format: \(GlobalOptionSpecs.formats.dropLast().joined(separator: ", ")) or \(GlobalOptionSpecs.formats.last!)",
            completion: .choices(GlobalOptionSpecs.formats))
    ) { g, value, command in
        guard let f = OutputFormat(rawValue: value ?? "") else {
            // `invoices show` has formats of its own beyond the global ones.
            if let command, command.extraFormats.contains(value ?? "") {
                g.extraFormat = value
                g.formatGiven = true
                return
            }
            let known = GlobalOptionSpecs.formats + (command?.extraFormats ?? [])
            throw WTError.usage(
                "unknown format \"\(value ?? "")\"",
                hint: suggestion(for: value ?? "", among: known).map { "did you mean --format \($0)?" }
                    ?? "formats: \(known.joined(separator: ", "))")
        }
        g.format = f
        g.extraFormat = nil
        g.formatGiven = true
    }

    public static let json = GlobalOption(OptionSpec("json", help: "the same as --format json")) { g, _, _ in
        g.format = .json
        g.formatGiven = true
    }

    public static let fields = GlobalOption(
        OptionSpec("fields", value: "FIELDS", list: true, help: "select and order the fields to print, e.g. id,status")
    ) { g, value, _ in
        // Empty names are kept, so `id,,name` and `id,` are refused below rather than read as `id,name`.
        let names = (value ?? "").split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        guard !names.isEmpty, !names.contains("") else {
            throw WTError.usage("--fields needs a comma-separated list of field names, e.g. --fields id,status")
        }
        g.fields += names
    }

    public static let noHeader = GlobalOption(OptionSpec("no-header", help: "leave out the header line of table, csv and tsv")) { g, _, _ in
        g.noHeader = true
    }

    public static let quiet = GlobalOption(OptionSpec("quiet", short: "q", help: "print nothing on success but what a script needs")) { g, _, _ in
        g.quiet = true
    }

    public static let yes = GlobalOption(OptionSpec("yes", short: "y", help: "do not ask for confirmation (required without a terminal)")) { g, _, _ in
        g.yes = true
    }

    public static let dryRun = GlobalOption(OptionSpec("dry-run", help: "show what would change and change nothing")) { g, _, _ in
        g.dryRun = true
    }

    public static let wait = GlobalOption(
        OptionSpec("wait", value: "SECONDS", help: "wait this long for another wt to release the store (default 10)")
    ) { g, value, _ in
        guard let s = value, let w = Double(s), w >= 0, w <= 86400 else {
            throw WTError.usage("--wait needs a number of seconds from 0 to 86400, got \"\(value ?? "")\"")
        }
        g.wait = w
    }

    public static let help = GlobalOption(OptionSpec("help", short: "h", help: "show help for the command")) { g, _, _ in g.help = true }

    public static let version = GlobalOption(OptionSpec("version", help: "print the version of wt")) { g, _, _ in g.version = true }
}
