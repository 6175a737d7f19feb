/// Shell completion scripts for bash, zsh and fish, generated from the command
/// table: nouns after `wt`, verbs after a noun, each command's options and the
/// global ones (anywhere on the line), option and argument values from
/// `Completion` (choices, files, directories), `--fields` from the command's
/// fields, and ids or e-mail addresses from the store through the hidden
/// `wt __complete KIND [PREFIX]`. `wt completions SHELL` prints the same text
/// as the files committed in `completions/`.
public enum Completions {
    public static let shells = ["bash", "zsh", "fish"]

    /// Where each script is committed and installed under.
    public static let files = ["bash": "completions/wt.bash", "zsh": "completions/_wt", "fish": "completions/wt.fish"]

    public static func script(_ shell: String, _ table: [NounSpec]) -> String? {
        switch shell {
        case "bash": bash(table)
        case "zsh": zsh(table)
        case "fish": fish(table)
        default: nil
        }
    }

    // MARK: The table as the scripts see it

    /// A command a user can reach: `key` is `clients add`, or `status` for a leaf noun.
    struct Command {
        let key: String
        let spec: CommandSpec
        /// The options a shell completes: its own, and the global ones this command gives values of its own
        /// (`--format` with extra formats, `--fields` with the command's fields).
        var values: [(option: OptionSpec, completion: Completion)] {
            var out = spec.options.map { ($0, $0.completion) }
            if !spec.extraFormats.isEmpty {
                out.append((GlobalOption.format.spec, .choices(GlobalOptionSpecs.formats + spec.extraFormats)))
            }
            if !spec.fields.isEmpty {
                out.append((GlobalOption.fields.spec, .choices(spec.fields)))
            }
            return out.filter { $0.1 != .none }
        }
    }

    /// An arm of the `_wt_value` or `_wt_arg` case of the bash and zsh scripts: the
    /// pattern it matches and what it completes. The two shells write an arm and its
    /// action each their own way, but which arms there are, and in what order, is this.
    struct CaseArm {
        let pattern: String
        let completion: Completion
        let list: Bool

        /// Option values: each command's own arms before the global ones, since `case` takes
        /// the first that matches (`invoices show --format` offers its extra formats).
        static func values(_ nouns: [(noun: NounSpec, commands: [Command])]) -> [CaseArm] {
            nouns.flatMap(\.commands).flatMap { c in
                c.values.map { CaseArm(pattern: patterns(c.key, $0.option), completion: $0.completion, list: $0.option.list) }
            } + GlobalOptionSpecs.all.filter { $0.completion != .none }.map {
                CaseArm(pattern: patterns(nil, $0), completion: $0.completion, list: $0.list)
            }
        }

        /// Arguments, as `'KEY INDEX'` from 0.
        static func arguments(_ nouns: [(noun: NounSpec, commands: [Command])]) -> [CaseArm] {
            nouns.flatMap(\.commands).flatMap { c in
                c.spec.args.enumerated().filter { $0.element.completion != .none }.map {
                    CaseArm(pattern: sq("\(c.key) \($0.offset)"), completion: $0.element.completion, list: false)
                }
            }
        }
    }

    static func visible(_ table: [NounSpec]) -> [(noun: NounSpec, commands: [Command])] {
        table.filter { !$0.hidden }.compactMap { n in
            let cs = n.commands.filter { !$0.hidden }.map { Command(key: $0.path, spec: $0) }
            return cs.isEmpty ? nil : (n, cs)
        }
    }

    static func verbs(_ n: NounSpec) -> [CommandSpec] { n.isLeaf ? [] : n.commands.filter { !$0.hidden && $0.verb != nil } }

    /// The spellings of the options that take a value (`--store`, `-o`).
    static func valueSpellings(_ options: [OptionSpec]) -> [String] {
        options.filter(\.takesValue).flatMap { o in ["--\(o.name)"] + (o.short.map { ["-\($0)"] } ?? []) }
    }

    /// Every option of any command that takes a value: what the router skips to find the noun and verb.
    static func allValueSpellings(_ table: [NounSpec]) -> [String] {
        var seen = Set<String>()
        return valueSpellings(GlobalOptionSpecs.all + table.flatMap { $0.commands.flatMap(\.options) }).filter { seen.insert($0).inserted }
    }

    static let helpNoun = "help"

    /// The case patterns for option `o` of command `key`, or of any command (`*' --format'`).
    static func patterns(_ key: String?, _ o: OptionSpec) -> String {
        let spellings = ["--\(o.name)"] + (o.short.map { ["-\($0)"] } ?? [])
        return spellings.map { spelling in key.map { sq("\($0) \(spelling)") } ?? "*" + sq(" \(spelling)") }.joined(separator: "|")
    }

    /// POSIX single quotes, for bash and zsh.
    static func sq(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// fish single quotes.
    static func fq(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    static func header(_ shell: String, install: String) -> String {
        """
        # \(shell) completion for wt, the back office of WerkTalent.
        # Generated from wt's command table by `wt completions \(shell)` (`make docs`); do not edit.
        # \(install)

        """
    }
}
