// Fuzz target: the argument lexer and the router over the real command table.
//
// Input: the arguments, separated by NUL bytes (an argument cannot hold NUL), each
// decoded as UTF-8 with repair, as Swift decodes `CommandLine.arguments`.
// Invariants: no trap; a failure is a usage error (exit 2) with a message; a parsed
// line only holds options of its command, a single value per non-list option, and
// global values inside their documented ranges.

@testable import WTKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArgs(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = inputBytes(data, size)
    let args = bytes.split(separator: 0, omittingEmptySubsequences: false).map { inputText(Array($0)) }
    checkLexer(args, choices: bytes)
    checkRouter(args)
    return 0
}

/// Pulls every item, asking for a value after some options (chosen by the input's bytes),
/// the way a caller of the lexer may: it must end after at most one item per argument
/// character, and fail only with a usage error.
func checkLexer(_ args: [String], choices: [UInt8]) {
    var lexer = Lexer(args)
    let limit = args.reduce(1) { $0 + $1.unicodeScalars.count + 1 }
    var steps = 0
    do {
        while let item = try lexer.next() {
            steps += 1
            require(steps <= limit, "the lexer did not end after \(limit) items for \(args)")
            let wantsValue = choices.isEmpty ? false : choices[steps % choices.count] & 1 == 1
            switch item {
            case .long(let name):
                if wantsValue { _ = try lexer.value(for: "--" + name) } else if lexer.hasAttachedValue { _ = lexer.takeAttached() }
            case .short(let c):
                if wantsValue { _ = try lexer.value(for: "-" + String(c)) }
            case .value:
                break
            }
        }
    } catch {
        requireWTError(error, [.usage], echoes: true, "Lexer(\(args))")
    }
}

func checkRouter(_ args: [String]) {
    let line: ParsedLine
    do {
        line = try Router.parse(args, table: CommandTable.all)
    } catch {
        requireWTError(error, [.usage], echoes: true, "Router.parse(\(args))")
        return
    }
    let g = line.globals
    require((0...86400).contains(g.wait), "--wait \(g.wait) outside 0...86400 for \(args)")
    require(!g.fields.contains { $0.isEmpty }, "an empty --fields name for \(args)")
    if let command = line.command {
        let noun = line.noun
        require(noun != nil && noun!.commands.contains { $0.path == command.path }, "command \(command.path) not of noun \(String(describing: noun?.name))")
        for (name, values) in line.values {
            guard let spec = command.options.first(where: { $0.name == name }) else {
                require(false, "option --\(name) is not an option of `wt \(command.path)` (\(args))")
                return
            }
            require(spec.takesValue, "flag --\(name) got values \(values) (\(args))")
            require(spec.list || values.count == 1, "--\(name) took \(values.count) values (\(args))")
        }
        for name in line.flags {
            let spec = command.options.first { $0.name == name }
            require(spec != nil && !spec!.takesValue, "--\(name) is not a flag of `wt \(command.path)` (\(args))")
        }
        // The noun and verb are not positionals, and every positional was an argument.
        var remaining = args[...]
        for p in line.positionals {
            guard let i = remaining.firstIndex(of: p) else {
                require(false, "positional \(p.debugDescription) is not among the arguments \(args)")
                return
            }
            remaining = remaining[(i + 1)...]
        }
    } else {
        require(line.values.isEmpty && line.flags.isEmpty, "options of no command: \(line.values) \(line.flags) (\(args))")
    }
}
