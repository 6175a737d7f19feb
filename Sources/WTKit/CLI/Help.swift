/// `wt help`, `wt NOUN --help`, `wt help NOUN VERB`: all from the command table.
public enum Help {
    public static let version = "0.1.0"

    public static func overview(_ table: [NounSpec]) -> String {
        var out = "wt — the back office of WerkTalent: clients, portal users, contracts, documents, hours and invoices\n\n"
        out += "Usage: wt [global options] <command> [<verb>] [arguments] [options]\n\nCommands:\n"
        let visible = table.filter { !$0.hidden }
        let width = visible.map(\.name.count).max() ?? 0
        for n in visible {
            out += "  " + n.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + n.summary + "\n"
        }
        out += "\nGlobal options (anywhere on the line):\n" + optionLines(GlobalOptionSpecs.all)
        out += "\nExit status: " + ExitCode.documented.map { "\($0.rawValue) \($0.short ?? "")" }.joined(separator: ", ") + ".\n"
        out += "\nRun `wt help COMMAND` or `wt COMMAND --help` for more; `man wt` for the whole manual.\n"
        out += "\nExample:\n  wt --store /tmp/demo init --sample demo && wt --store /tmp/demo status\n"
        return out
    }

    public static func noun(_ n: NounSpec) -> String {
        if n.isLeaf { return command(n.commands[0], noun: n) }
        var out = "wt \(n.name) — \(n.summary)\n\n\(wrap(n.details, indent: ""))\n\nUsage: wt \(n.name) <verb> [arguments] [options]\n\nVerbs:\n"
        let visible = n.commands.filter { !$0.hidden }
        let width = visible.compactMap { $0.verb?.count }.max() ?? 0
        for c in visible {
            out += "  " + (c.verb ?? "").padding(toLength: width + 2, withPad: " ", startingAt: 0) + c.summary + "\n"
        }
        out += "\nExamples:\n"
        for c in visible { for e in c.examples.prefix(1) { out += "  \(e.command)\n      \(e.explanation)\n" } }
        out += "\nRun `wt help \(n.name) VERB` for a verb's arguments and options.\n"
        return out
    }

    public static func command(_ c: CommandSpec, noun: NounSpec? = nil) -> String {
        var out = "wt \(c.path) — \(c.summary)\n\nUsage: \(c.synopsis)\n"
        if let d = c.details ?? (c.verb == nil ? noun?.details : nil) { out += "\n" + wrap(d, indent: "") + "\n" }
        if !c.args.isEmpty {
            out += "\nArguments:\n"
            let width = c.args.map(\.synopsis.count).max() ?? 0
            for a in c.args { out += "  " + a.synopsis.padding(toLength: width + 2, withPad: " ", startingAt: 0) + a.help + "\n" }
        }
        if !c.options.isEmpty { out += "\nOptions:\n" + optionLines(c.options) }
        if !c.fields.isEmpty { out += "\nFields (--fields, JSON): " + c.fields.joined(separator: ", ") + "\n" }
        out += "\nExamples:\n"
        for e in c.examples { out += "  \(e.command)\n      \(e.explanation)\n" }
        out += "\nGlobal options: --store, --as, --format, --json, --fields, --no-header, -q, -y, --dry-run, --wait (see `wt help`).\n"
        return out
    }

    static func optionLines(_ options: [OptionSpec]) -> String {
        let labels = options.map { o in (o.short.map { "-\($0), " } ?? "    ") + o.synopsis }
        let width = labels.map(\.count).max() ?? 0
        return zip(labels, options).map { "  " + $0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $1.help + "\n" }.joined()
    }

    static func wrap(_ text: String, indent: String, width: Int = 80) -> String {
        var lines: [String] = []
        var current = indent
        for word in text.split(separator: " ") {
            if current.count + word.count + 1 > width && current.count > indent.count {
                lines.append(current)
                current = indent
            }
            current += (current.count > indent.count ? " " : "") + word
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}

import Foundation
