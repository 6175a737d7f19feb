/// `wt completions SHELL`: the completion script, as committed in completions/.
struct PrintCompletions: Verb {
    struct Options: Equatable {
        var shell: String
    }

    static let shell = Argument(0, "SHELL", "bash, zsh or fish", completion: .choices(Completions.shells))

    static let spec = VerbSpec(
        "completions", nil, summary: "print the completion script for bash, zsh or fish",
        args: [shell],
        examples: [
            Example("source <(wt completions bash)", "complete wt in this bash session"),
            Example("wt completions zsh > ~/.zfunc/_wt", "install for zsh (with ~/.zfunc in $fpath)"),
            Example("wt completions fish > ~/.config/fish/completions/wt.fish", "install for fish"),
        ],
        access: .none)

    static func options(from line: ParsedLine) throws -> Options {
        let s = try shell.required(in: line)
        guard Completions.shells.contains(s) else {
            throw WTError.usage(
                "unknown shell \"\(RecordKind.printable(s))\"",
                hint: suggestion(for: s, among: Completions.shells).map { "did you mean `wt completions \($0)`?" }
                    ?? "shells: \(Completions.shells.joined(separator: ", "))")
        }
        return Options(shell: s)
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        guard let script = Completions.script(o.shell, CommandTable.all) else { preconditionFailure("a shell of Completions.shells without a script") }
        env.out(script)
    }
}
