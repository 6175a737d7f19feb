#if canImport(Glibc)
import Glibc
#endif

/// The entry point: parse the line, run the command, map any error to its
/// message and exit status (the one place that does so).
public enum WT {
    public static func main() -> Int32 {
        // Two malloc arenas, not eight per core: the threads of a streamed
        // list or verify each freeing batch after batch otherwise leave each
        // its own arena of freed pages, tens of MiB of peak memory.
        _ = glibcMallopt(-8 /* M_ARENA_MAX */, 2)
        let ctx: Context
        do { ctx = try Context.process() } catch let e as WTError {
            let out = FileDescriptorOutput(fd: 2)
            out.write("wt: error: \(printable(e.message))\n" + (e.hint.map { "hint: \(printable($0))\n" } ?? ""))
            out.flush()
            return e.exitCode.rawValue
        } catch {
            return ExitCode.failure.rawValue
        }
        // Swift repairs invalid UTF-8 in `CommandLine.arguments` to U+FFFD, which would
        // silently store a different name than was given: refuse it instead.
        for i in 1..<Int(CommandLine.argc) {
            guard let arg = CommandLine.unsafeArgv[i], String(validatingCString: arg) == nil else { continue }
            report(.usage("argument \(i) is not valid UTF-8", hint: "wt takes text in UTF-8; check the terminal's or the script's encoding"), ctx)
            ctx.flush()
            return ExitCode.usage.rawValue
        }
        let code = run(Array(CommandLine.arguments.dropFirst()), ctx)
        ctx.flush()
        return code
    }

    public static func run(_ args: [String], _ ctx: Context) -> Int32 {
        do {
            let line = try Router.parse(args, table: CommandTable.all)
            if line.globals.version {
                ctx.stdout.write("wt \(Help.version)\n")
                return 0
            }
            guard let command = line.command else {
                if let noun = line.noun {
                    // A noun without its verb: explain it, and say it is incomplete.
                    if line.globals.help {
                        ctx.stdout.write(Help.noun(noun))
                        return 0
                    }
                    ctx.stderr.write(Help.noun(noun))
                    throw WTError.usage("`wt \(noun.name)` needs a verb: \(noun.commands.compactMap(\.verb).joined(separator: ", "))")
                }
                if let first = line.positionals.first {
                    throw WTError.usage("unknown command \"\(RecordKind.printable(first))\"", hint: "run `wt help`")
                }
                ctx.stdout.write(Help.overview(CommandTable.all))
                return 0
            }
            if line.globals.help {
                ctx.stdout.write(command.verb == nil ? Help.noun(line.noun!) : Help.command(command, noun: line.noun))
                return 0
            }
            let inv = try CommandEnv(ctx: ctx, command: command, line: line)
            try inv.authorize()
            try command.run(inv)
            return 0
        } catch let e as WTError {
            report(e, ctx)
            return e.exitCode.rawValue
        } catch {
            ctx.stderr.write("wt: error: \(printable("\(error)"))\n")
            return ExitCode.failure.rawValue
        }
    }

    static func report(_ e: WTError, _ ctx: Context) {
        let red = ctx.stderrIsTerminal && (ctx.environment["NO_COLOR"] ?? "").isEmpty
        let label = red ? "\u{1B}[31merror\u{1B}[0m" : "error"
        ctx.stderr.write("wt: \(label): \(printable(e.message))\n")
        if let hint = e.hint { ctx.stderr.write("hint: \(printable(hint))\n") }
    }

    /// A message of one or more lines for the terminal, the input it quotes made harmless:
    /// the last guard before stderr, so an argument a message quotes uncut (most cut theirs
    /// with `RecordKind.printable`) still cannot send an escape or fill the screen.
    static func printable(_ message: String) -> String {
        PrintableText.make(message, limit: .init(1000, .scalars, perLine: true), breaks: .keepNewline, controls: .mark)
    }
}

/// glibc's mallopt(3), which Swift's Glibc module does not export.
@_silgen_name("mallopt")
private func glibcMallopt(_ param: Int32, _ value: Int32) -> Int32
