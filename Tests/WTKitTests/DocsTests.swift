import Foundation
import XCTest
@testable import WTKit

/// The completions and man pages: generated from the command table, committed,
/// and checked here to be current, to work in the shells, to pass the linters
/// and to install. `RECORD=1 swift test --filter DocsTests` (or `make docs`)
/// rewrites the committed files.
final class DocsTests: WTTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    var root: String { DocsTests.root }
    let table = CommandTable.all
    var visibleNouns: [NounSpec] { table.filter { !$0.hidden } }

    // MARK: Tools

    struct Run {
        var code: Int32
        var out: String
        var err: String
    }

    struct MissingTool: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name) is not installed, and CI=true requires it (.ci/run installs it)" }
    }

    /// The path of a tool; without it the test skips, or fails under CI=true.
    func tool(_ name: String) throws -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        if ProcessInfo.processInfo.environment["CI"] == "true" { throw MissingTool(name: name) }
        throw XCTSkip("\(name) is not installed (CI=true makes this a failure)")
    }

    func run(_ exe: String, _ args: [String], stdin: String? = nil, env: [String: String] = [:], cwd: String? = nil) throws -> Run {
        let r = try Subprocess.run(exe, args, stdin: stdin.map { Data($0.utf8) }, environment: environment(env), cwd: cwd ?? tmp)
        return Run(code: r.status, out: r.out, err: r.err)
    }

    func committed(_ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The generated text of one file, by its path from the source root.
    func generated(_ path: String) -> String {
        GeneratedDocs.files(table).first { $0.path == path }?.text ?? ""
    }

    // MARK: Committed = generated

    func testCommittedCompletionsAndManPagesAreCurrent() throws {
        if ProcessInfo.processInfo.environment["RECORD"] == "1" {
            let changed = try GeneratedDocs.write(table, to: root)
            print("DocsTests: RECORD=1 rewrote \(changed.isEmpty ? "nothing" : changed.joined(separator: ", "))")
        }
        let files = GeneratedDocs.files(table)
        XCTAssertEqual(Set(files.map(\.path)).count, files.count, "two generated files share a path")
        for (path, text) in files {
            guard let old = committed(path) else {
                XCTFail("\(path) is not committed: run `make docs` (or RECORD=1 swift test --filter DocsTests)")
                continue
            }
            if old != text {
                let a = old.split(separator: "\n", omittingEmptySubsequences: false)
                let b = text.split(separator: "\n", omittingEmptySubsequences: false)
                let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                XCTFail("""
                    \(path) differs from what the command table generates, first at line \(line + 1):
                      committed: \(line < a.count ? String(a[line]) : "(end)")
                      generated: \(line < b.count ? String(b[line]) : "(end)")
                    run `make docs` (or RECORD=1 swift test --filter DocsTests) and commit the result
                    """)
            }
        }
        XCTAssertEqual(GeneratedDocs.stale(table, root: root), [], "man pages of commands that no longer exist: `make docs` removes them")
    }

    func testWtCompletionsPrintsTheCommittedScripts() {
        for shell in Completions.shells {
            let r = expect(0, "completions", shell)
            XCTAssertEqual(r.out, committed(Completions.files[shell]!), "wt completions \(shell) differs from \(Completions.files[shell]!)")
            XCTAssertEqual(r.err, "")
        }
        let bad = expect(2, "completions", "zhs")
        XCTAssertTrue(bad.err.contains("unknown shell \"zhs\""), bad.err)
        XCTAssertTrue(bad.err.contains("did you mean `wt completions zsh`?"), bad.err)
        expect(2, "completions")
    }

    func testDocsCommandWritesTheFilesAndRemovesStalePages() throws {
        let dir = tmp + "/tree"
        try FileManager.default.createDirectory(atPath: dir + "/man", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: dir + "/man/wt-gone.1", contents: Data(".Dd\n".utf8)))
        let r = expect(0, "__docs", dir)
        XCTAssertTrue(r.out.contains("wrote man/wt.1"), r.out)
        XCTAssertTrue(r.out.contains("-man/wt-gone.1"), r.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/man/wt-gone.1"))
        for (path, text) in GeneratedDocs.files(table) {
            XCTAssertEqual(FileManager.default.contents(atPath: dir + "/" + path), Data(text.utf8), path)
        }
        XCTAssertEqual(expect(0, "__docs", dir).out, "completions and man pages are up to date\n")
    }

    func testPagesAndScriptsDoNotDependOnTheClock() {
        let once = GeneratedDocs.files(table).map(\.text)
        XCTAssertEqual(once, GeneratedDocs.files(table).map(\.text))
        XCTAssertTrue(generated("man/wt.1").contains(".Dd November 30, 2026\n"))
    }

    // MARK: Nothing forgotten

    /// The words of the first `wt ...` in an example, up to a pipe, redirection or `)`.
    func exampleWords(_ command: String) -> [String]? {
        guard let start = command.range(of: "wt ") else { return nil }
        var words: [String] = []
        var current: String?
        var quote: Character?
        for ch in command[start.upperBound...] {
            if let q = quote {
                if ch == q { quote = nil } else { current!.append(ch) }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                current = current ?? ""
            } else if ch == " " {
                if let c = current { words.append(c) }
                current = nil
            } else if "|<>;&)".contains(ch) && current?.hasSuffix("$") != true {
                break
            } else {
                current = (current ?? "") + String(ch)
            }
        }
        if let c = current { words.append(c) }
        return words
    }

    func testEveryCommandHasExamplesThatRunIt() throws {
        for noun in visibleNouns {
            for c in noun.commands where !c.hidden {
                XCTAssertFalse(c.examples.isEmpty, "`wt \(c.path)` has no example")
                for e in c.examples {
                    XCTAssertFalse(e.explanation.isEmpty, "an example of `wt \(c.path)` does not say what it does")
                    guard let words = exampleWords(e.command) else {
                        XCTFail("example \"\(e.command)\" of `wt \(c.path)` does not run wt")
                        continue
                    }
                    do {
                        let line = try Router.parse(words, table: table)
                        XCTAssertEqual(line.command?.path, c.path, "example \"\(e.command)\" runs another command")
                    } catch {
                        XCTFail("example \"\(e.command)\" of `wt \(c.path)` does not parse: \(error)")
                    }
                }
            }
        }
    }

    /// The words of the single-quoted list on the line of `text` that starts with `prefix`.
    func quotedWords(_ text: String, after prefix: String) -> [String] {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return [] }
        let list = line.dropFirst(prefix.count).split(separator: "'", omittingEmptySubsequences: false)
        return list.count > 1 ? list[1].split(separator: " ").map(String.init) : []
    }

    func testEveryNounVerbAndOptionIsInTheManPagesAndCompletions() {
        let overview = generated("man/wt.1")
        let bash = generated("completions/wt.bash")
        let zsh = generated("completions/_wt")
        let fish = generated("completions/wt.fish")
        XCTAssertFalse(visibleNouns.isEmpty)
        for noun in visibleNouns {
            let page = generated("man/wt-\(noun.name).1")
            XCTAssertFalse(page.isEmpty, "no man page for `wt \(noun.name)`")
            XCTAssertTrue(overview.contains(".It Xr wt-\(noun.name) 1\n"), "wt(1) does not list wt-\(noun.name)(1)")
            XCTAssertTrue(overview.contains(".Xr wt-\(noun.name) 1"), "wt(1) SEE ALSO misses wt-\(noun.name)(1)")
            XCTAssertTrue(quotedWords(bash, after: "_wt_nouns=").contains(noun.name), "bash misses \(noun.name)")
            XCTAssertTrue(zsh.contains("'\(noun.name):"), "zsh misses \(noun.name)")
            XCTAssertTrue(fish.contains("-n '__wt_at \"\"' -a \(noun.name) "), "fish misses \(noun.name)")
            for c in noun.commands where !c.hidden {
                XCTAssertTrue(page.contains(".Nm wt \(c.path)\n"), "wt-\(noun.name)(1) has no synopsis of `wt \(c.path)`")
                if let verb = c.verb {
                    XCTAssertTrue(page.contains(".Ss wt \(c.path)\n"), "wt-\(noun.name)(1) does not describe `wt \(c.path)`")
                    XCTAssertTrue(quotedWords(bash, after: "        \(noun.name)) verbs=").contains(verb), "bash misses `wt \(c.path)`")
                    XCTAssertTrue(zsh.contains("'\(verb):"), "zsh misses `wt \(c.path)`")
                    XCTAssertTrue(fish.contains("-n '__wt_at \(noun.name)' -a '\(verb)'"), "fish misses `wt \(c.path)`")
                }
                XCTAssertTrue(bash.contains("'\(c.path)')\n"), "bash does not know the options of `wt \(c.path)`")
                XCTAssertTrue(zsh.contains("('\(c.path)')\n"), "zsh does not know the options of `wt \(c.path)`")
                for e in c.examples { XCTAssertTrue(page.contains(ManPages.text("$ " + e.command)), "wt-\(noun.name)(1) misses the example \(e.command)") }
                for f in c.fields { XCTAssertTrue(page.contains(ManPages.arg(f)), "wt-\(noun.name)(1) misses the field \(f) of `wt \(c.path)`") }
                for o in c.options {
                    XCTAssertTrue(page.contains(".It \(ManPages.optionLabel(o, short: true))\n"), "wt-\(noun.name)(1) misses --\(o.name) of `wt \(c.path)`")
                    XCTAssertTrue(bash.contains("--\(o.name)"), "bash misses --\(o.name)")
                    XCTAssertTrue(zsh.contains("'--\(o.name):"), "zsh misses --\(o.name)")
                    XCTAssertTrue(fish.contains("-n '__wt_in \"\(c.path)\"' -l \(o.name) "), "fish misses --\(o.name) of `wt \(c.path)`")
                }
            }
        }
        for o in GlobalOptionSpecs.all {
            XCTAssertTrue(overview.contains(".It \(ManPages.optionLabel(o, short: true))\n"), "wt(1) misses the global option --\(o.name)")
        }
        for hidden in table.filter(\.hidden) {
            XCTAssertFalse(quotedWords(bash, after: "_wt_nouns=").contains(hidden.name), "bash offers the hidden \(hidden.name)")
            XCTAssertFalse(bash.contains("'\(hidden.name)')") || zsh.contains("'\(hidden.name):") || fish.contains("-a \(hidden.name) "), "a shell offers the hidden \(hidden.name)")
            XCTAssertNil(committed("man/wt-\(hidden.name).1"), "a man page for the hidden \(hidden.name)")
        }
    }

    func testChoicesAreSingleShellWords() {
        var completions: [(String, Completion)] = GlobalOptionSpecs.all.map { ("--\($0.name)", $0.completion) }
        for n in table {
            for c in n.commands {
                completions += c.options.map { ("wt \(c.path) --\($0.name)", $0.completion) }
                completions += c.args.map { ("wt \(c.path) \($0.name)", $0.completion) }
                completions += c.fields.map { ("wt \(c.path) field", .choices([$0])) }
                completions += c.extraFormats.map { ("wt \(c.path) format", .choices([$0])) }
            }
        }
        let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@:/+")
        for (what, c) in completions {
            if case .choices(let words) = c {
                XCTAssertFalse(words.isEmpty, "\(what) completes from no choices")
                for w in words {
                    XCTAssertTrue(!w.isEmpty && w.unicodeScalars.allSatisfy(safe.contains), "\(what): \"\(w)\" is not one plain word the shells can complete")
                }
            }
            if case .records(let kind) = c {
                XCTAssertTrue(kind.unicodeScalars.allSatisfy(safe.contains), "\(what): records kind \"\(kind)\"")
            }
        }
    }

    /// Every `.records(KIND)` of the table must be one `wt __complete` knows: add its case to
    /// `CompletionsCommand.candidates`.
    func testEveryRecordKindIsKnownToTheCompleteHelper() throws {
        initStore()
        var kinds = Set<String>()
        for o in GlobalOptionSpecs.all { if case .records(let k) = o.completion { kinds.insert(k) } }
        for n in table {
            for c in n.commands {
                for o in c.options { if case .records(let k) = o.completion { kinds.insert(k) } }
                for a in c.args { if case .records(let k) = a.completion { kinds.insert(k) } }
            }
        }
        XCTAssertTrue(kinds.isSuperset(of: ["clients", "users"]), "\(kinds)")
        let opened = try Store(root: store, exclusive: false, wait: 1, failpoint: .none)
        for kind in kinds.sorted() {
            XCTAssertNotNil(
                try CompletionsCommand.candidates(kind, opened, .backoffice("backoffice:tester")),
                "`wt __complete \(kind)` does not know its kind: add a case to CompletionsCommand.candidates")
        }
        XCTAssertNil(try CompletionsCommand.candidates("no-such-kind", opened, .backoffice("backoffice:tester")))
    }

    // MARK: wt __complete

    func testCompleteHelperNeverFailsLoudly() {
        // No store.
        var r = expect(0, "__complete", "clients")
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(r.err, "")
        initStore(sample: "demo")
        // An unknown kind, a kind the store does not have yet, a prefix that matches nothing.
        for args in [["__complete", "contracts", "zz"], ["__complete", "no-such-kind", "x"], ["__complete", "clients", "zz"]] {
            r = expect(0, args)
            XCTAssertEqual(r.out, "", "\(args)")
            XCTAssertEqual(r.err, "", "\(args)")
        }
        // A damaged store: nothing, not exit 8.
        let good = readFile("clients.json")
        writeFile("clients.json", "{not json")
        r = expect(0, "__complete", "clients")
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(r.err, "")
        writeFile("clients.json", good)
        // An --as user who cannot act: nothing.
        r = expect(0, "--as", "nobody@example.nl", "__complete", "clients")
        XCTAssertEqual(r.out, "")
        XCTAssertEqual(r.err, "")
    }

    /// Adds an active portal user straight into the store (the users commands are another branch's).
    func addUser(_ email: String, client: String, id: String) throws {
        let s = try Store(root: store, exclusive: true, wait: 5, failpoint: .none)
        let tx = s.begin(actor: "backoffice:tester", at: now)
        var u = User(id: id, email: email, name: "Test", client: client, phone: nil, roles: [.viewer], departments: [], createdAt: now)
        u.account.status = .active
        try UserDirectory.save(u, in: tx)
        try tx.commit()
    }

    func testCompleteHelperPrintsWhatTheActorSees() throws {
        initStore(sample: "demo")
        expect(0, "clients", "add", "Bakkerij Jansen BV")
        let clients = expect(0, "__complete", "clients").out.split(separator: "\n").map(String.init)
        XCTAssertEqual(clients.count, 2, "\(clients)")
        let other = clients[1]
        XCTAssertEqual(expect(0, "__complete", "clients", other).out, other + "\n")
        XCTAssertEqual(expect(0, "__complete", "clients", other.uppercased()).out, other + "\n", "prefixes match in any case")
        let departments = expect(0, "__complete", "departments").out
        XCTAssertFalse(departments.isEmpty)
        XCTAssertEqual(expect(0, "__complete", "workers").out.split(separator: "\n").count,
            jsonArray(expect(0, "workers", "list", "--json")).count)
        XCTAssertEqual(expect(0, "__complete", "hour-types", "over").out, "overtime125\novertime150\novertime200\n")

        try addUser("anna@bakkerij.nl", client: other, id: "u-901")
        try addUser("piet@werktalent.nl", client: clients[0], id: "u-902")
        XCTAssertEqual(expect(0, "__complete", "users").out.split(separator: "\n").sorted(),
            ["anna@bakkerij.nl", "j.vanhouten@vanhouten.example", "m.bos@vanhouten.example", "piet@werktalent.nl"])
        XCTAssertEqual(expect(0, "__complete", "users", "AN").out, "anna@bakkerij.nl\n")
        // A portal user sees their own client only, and no workers.
        XCTAssertEqual(expect(0, "--as", "anna@bakkerij.nl", "__complete", "clients").out, other + "\n")
        XCTAssertEqual(wt(["__complete", "users"], env: ["WT_AS": "anna@bakkerij.nl"]).out, "anna@bakkerij.nl\n")
        XCTAssertEqual(expect(0, "--as", "anna@bakkerij.nl", "__complete", "workers").out, "")
    }

    // MARK: bash

    /// What the bash script completes for `wt WORDS...`, the last word being the one under the cursor
    /// (`bashComplete("declarations", "list", "--status", "")`). The script runs the built wt for ids.
    func bashComplete(_ words: String..., env: [String: String] = [:], wordbreaks: String? = nil) throws -> [String] {
        let bash = try tool("bash")
        let script = """
            source "$1"; shift
            \(wordbreaks.map { "COMP_WORDBREAKS=\(Completions.sq($0))" } ?? "")
            COMP_WORDS=("$@")
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            _wt
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let r = try run(bash, ["-c", script, "bash", root + "/completions/wt.bash", WTBinary.path] + words, env: env)
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.err, "", "the completion wrote to stderr")
        return r.out.split(separator: "\n").map(String.init)
    }

    func testBashCompletesNounsAndVerbs() throws {
        XCTAssertEqual(try bashComplete(""), visibleNouns.map(\.name))
        XCTAssertEqual(try bashComplete("cl"), ["clients"])
        XCTAssertEqual(try bashComplete("clients", ""), ["add", "edit", "list", "show"])
        XCTAssertEqual(try bashComplete("clients", "s"), ["show"])
        // Global options may come first, with their values.
        XCTAssertEqual(try bashComplete("--store", "/tmp/x", "--json", "clients", "l"), ["list"])
        XCTAssertEqual(try bashComplete("-q", "--format=csv", "dep"), ["departments"])
        // `--` ends the options.
        XCTAssertEqual(try bashComplete("--", "clients", "e"), ["edit"])
        XCTAssertEqual(try bashComplete("help", ""), visibleNouns.map(\.name))
        XCTAssertEqual(try bashComplete("help", "clients", ""), ["add", "edit", "list", "show"])
        XCTAssertEqual(try bashComplete("completions", ""), ["bash", "zsh", "fish"])
        XCTAssertEqual(try bashComplete("config", "get", "vat."), ["vat.rate"])
        XCTAssertFalse(try bashComplete("__").contains { $0.hasPrefix("__") }, "hidden commands are not offered")
    }

    func testBashCompletesOptions() throws {
        XCTAssertEqual(try bashComplete("clients", "add", "--k"), ["--kvk"])
        let add = try bashComplete("clients", "add", "--")
        XCTAssertTrue(add.contains("--vat-id") && add.contains("--g-account-percent"), "\(add)")
        XCTAssertTrue(add.contains("--store") && add.contains("--dry-run") && add.contains("--format"), "global options too: \(add)")
        XCTAssertFalse(add.contains("--name"), "--name belongs to `clients edit`: \(add)")
        XCTAssertEqual(try bashComplete("--d"), ["--dry-run"])
        XCTAssertEqual(try bashComplete("status", "--c"), ["--client"])
        // Anywhere on the line, also after arguments.
        XCTAssertEqual(try bashComplete("clients", "edit", "cl-1", "--na"), ["--name"])
        // A command that takes no arguments offers its options.
        let list = try bashComplete("clients", "list", "")
        XCTAssertTrue(list.contains("--fields") && list.contains("--format"), "\(list)")
    }

    func testBashCompletesOptionValues() throws {
        let formats = GlobalOptionSpecs.formats
        XCTAssertEqual(try bashComplete("--format", ""), formats)
        XCTAssertEqual(try bashComplete("clients", "list", "--format", ""), formats)
        XCTAssertEqual(try bashComplete("status", "--format", "j"), ["json", "jsonl"])
        // `--format=j`, which bash splits at '=' unless COMP_WORDBREAKS lacks it.
        XCTAssertEqual(try bashComplete("status", "--format", "=", "j"), ["json", "jsonl"])
        XCTAssertEqual(try bashComplete("status", "--format", "="), formats)
        XCTAssertEqual(try bashComplete("status", "--format=t", wordbreaks: " \t\n\"'><;|&(:"), ["--format=table", "--format=tsv"])
        XCTAssertEqual(try bashComplete("init", "--sample", ""), ["demo", "large"])
        // --fields completes the command's fields, after the last comma.
        XCTAssertEqual(try bashComplete("clients", "list", "--fields", "id,na"), ["id,name"])
        XCTAssertEqual(try bashComplete("workers", "list", "--fields", "i"), ["id", "iban"])
        // A value that is free text completes nothing, and not the options either.
        XCTAssertEqual(try bashComplete("clients", "add", "--kvk", ""), [])
        XCTAssertEqual(try bashComplete("clients", "add", "--kvk", "--"), [])
    }

    func testBashCompletesRecordsFromTheStore() throws {
        XCTAssertEqual(try bashComplete("clients", "show", ""), [], "no store: nothing, and no error")
        initStore(sample: "demo")
        XCTAssertEqual(try bashComplete("clients", "show", ""), ["cl-1"])
        XCTAssertEqual(try bashComplete("status", "--client", "c"), ["cl-1"])
        XCTAssertEqual(try bashComplete("departments", "add", ""), ["cl-1"])
        XCTAssertEqual(try bashComplete("departments", "add", "cl-1", ""), [], "a department's name is free text")
        let departments = try bashComplete("departments", "show", "")
        XCTAssertFalse(departments.isEmpty)
        XCTAssertEqual(departments, expect(0, "__complete", "departments").out.split(separator: "\n").map(String.init))
        // The store on the line is the one asked, not $WT_STORE.
        let other = tmp + "/other"
        expect(0, "--store", other, "init")
        expect(0, "--store", other, "clients", "add", "A")
        expect(0, "--store", other, "clients", "add", "B")
        XCTAssertEqual(try bashComplete("--store", other, "clients", "show", ""), ["cl-1", "cl-2"])
        XCTAssertEqual(try bashComplete("--store=\(other)", "clients", "show", "cl-2"), ["cl-2"])
        XCTAssertEqual(try bashComplete("clients", "show", "", env: ["WT_STORE": other]), ["cl-1", "cl-2"])
        try addUser("anna@bakkerij.nl", client: "cl-1", id: "u-901")
        XCTAssertEqual(try bashComplete("--as", ""), ["j.vanhouten@vanhouten.example", "m.bos@vanhouten.example", "anna@bakkerij.nl"])
        XCTAssertEqual(try bashComplete("--as=a"), ["anna@bakkerij.nl"])
    }

    func testBashScriptPassesShellcheck() throws {
        let shellcheck = try tool("shellcheck")
        let r = try run(shellcheck, ["--shell=bash", "--severity=style", root + "/completions/wt.bash"])
        XCTAssertEqual(r.code, 0, r.out + r.err)
    }

    // MARK: zsh and fish

    func testZshScriptParses() throws {
        let zsh = try tool("zsh")
        let r = try run(zsh, ["-n", root + "/completions/_wt"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.err, "")
        XCTAssertTrue(committed("completions/_wt")?.hasPrefix("#compdef wt\n") == true, "zsh autoloads _wt by its first line")
    }

    /// Runs an interactive zsh on a pseudo-terminal (zsh/zpty), types each line and a TAB, and
    /// records what the completion offers: the matches, one list per line.
    static let zshHarness = #"""
        script=$1 out=$2; shift 2
        zmodload zsh/zpty || exit 3
        zpty z zsh -f -i
        zpty -w z "PS1='>''>> '; autoload -U compinit; compinit -u -D; source ${(q)script}"
        zpty -w z "compadd() { if [[ \${@[1,(i)(-|--)]} == *-(O|A|D)\\ * ]]; then builtin compadd \"\$@\"; return; fi; local -a hits; builtin compadd -A hits \"\$@\"; (( \$#hits )) || return 1; print -rl -- \$hits >> ${(q)out}; }"
        zpty -w z "zstyle ':completion:*' menu no; LISTMAX=0; print -r -- __READY__\$(( 6 * 7 ))"
        # Type a line only once zle reads it (after the prompt), or the terminal's own line editing eats it.
        zpty -r -m z chunk '*__READY__42*>>> ' || exit 4
        n=0
        for line in "$@"; do
          (( n++ ))
          print -r -- "== $line" >> $out
          zpty -w -n z "$line"$'\t'
          zpty -w -n z $'\C-e\C-u'"print -r -- __DONE__\$(( $n * 1000 ))"$'\n'
          zpty -r -m z chunk "*__DONE__$(( n * 1000 ))*>>> " || exit 5
        done
        zpty -d z
        """#

    func zshComplete(_ lines: String...) throws -> [[String]] {
        let zsh = try tool("zsh")
        let harness = tmp + "/zsh-harness", out = tmp + "/zsh-out"
        try DocsTests.zshHarness.write(toFile: harness, atomically: false, encoding: .utf8)
        let bin = URL(fileURLWithPath: WTBinary.path).deletingLastPathComponent().path
        let r = try run("/usr/bin/timeout", ["60", zsh, "-f", harness, root + "/completions/_wt", out] + lines, env: ["PATH": bin + ":/usr/bin:/bin"])
        XCTAssertEqual(r.code, 0, "the zsh harness failed: \(r.err)")
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        let blocks = text.components(separatedBy: "== ").dropFirst().map { $0.split(separator: "\n").dropFirst().map(String.init) }
        XCTAssertEqual(blocks.count, lines.count, text)
        return blocks
    }

    func testZshCompletes() throws {
        initStore(sample: "demo")
        let got = try zshComplete(
            "wt ", "wt cl", "wt clients ", "wt --json clients s", "wt clients edit cl-1 --na", "wt status --format ", "wt status --format=j",
            "wt clients list --fields id,na", "wt clients show ", "wt --store /nonexistent clients show ", "wt completions ", "wt help clients ")
        guard got.count == 12 else { return }
        XCTAssertEqual(got[0], visibleNouns.map(\.name))
        XCTAssertEqual(got[1], ["clients"])
        XCTAssertEqual(got[2], ["add", "edit", "list", "show"])
        XCTAssertEqual(got[3], ["show"])
        XCTAssertEqual(got[4], ["--name"])
        XCTAssertEqual(got[5], GlobalOptionSpecs.formats)
        XCTAssertEqual(got[6], ["json", "jsonl"])
        XCTAssertEqual(got[7], ["name"], "after the comma")
        XCTAssertEqual(got[8], ["cl-1"])
        XCTAssertEqual(got[9], [])
        XCTAssertEqual(got[10], ["bash", "zsh", "fish"])
        XCTAssertEqual(got[11], ["add", "edit", "list", "show"])
    }

    /// What fish completes for a command line, without descriptions.
    func fishComplete(_ line: String) throws -> [String] {
        let fish = try tool("fish")
        let bin = URL(fileURLWithPath: WTBinary.path).deletingLastPathComponent().path
        let r = try run(fish, ["--no-config", "-c", "source $argv[1]; complete -C $argv[2]", root + "/completions/wt.fish", line],
            env: ["PATH": bin + ":/usr/bin:/bin", "XDG_CONFIG_HOME": tmp + "/config", "XDG_DATA_HOME": tmp + "/data"])
        XCTAssertEqual(r.code, 0, r.err)
        return r.out.split(separator: "\n").map { String($0.split(separator: "\t", maxSplits: 1)[0]) }.sorted()
    }

    func testFishScriptParsesAndCompletes() throws {
        let fish = try tool("fish")
        let r = try run(fish, ["--no-execute", root + "/completions/wt.fish"])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(r.err, "")
        XCTAssertEqual(try fishComplete("wt "), visibleNouns.map(\.name).sorted())
        XCTAssertEqual(try fishComplete("wt clients "), ["add", "edit", "list", "show"])
        XCTAssertEqual(try fishComplete("wt --json clients s"), ["show"])
        XCTAssertEqual(try fishComplete("wt clients add --k"), ["--kvk"])
        XCTAssertEqual(try fishComplete("wt status --format "), GlobalOptionSpecs.formats.sorted())
        XCTAssertEqual(try fishComplete("wt clients list --fields id,na"), ["id,name"])
        XCTAssertEqual(try fishComplete("wt completions "), ["bash", "fish", "zsh"])
        XCTAssertEqual(try fishComplete("wt help clients "), ["add", "edit", "list", "show"])
        initStore(sample: "demo")
        XCTAssertEqual(try fishComplete("wt clients show "), ["cl-1"])
        XCTAssertEqual(try fishComplete("wt status --client "), ["cl-1"])
    }

    // MARK: man pages

    func testManPagesAreLintClean() throws {
        let mandoc = try tool("mandoc")
        let pages = ManPages.pages(table).map { root + "/man/" + $0.name }
        XCTAssertGreaterThan(pages.count, 2)
        for page in pages {
            let r = try run(mandoc, ["-T", "lint", "-W", "warning", page])
            XCTAssertEqual(r.code, 0, "\(page): \(r.out)\(r.err)")
            XCTAssertEqual(r.out + r.err, "", page)
        }
    }

    func testManPagesSayWhatTheSpecAsks() {
        let overview = generated("man/wt.1")
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "GLOBAL OPTIONS", "OUTPUT FORMATS", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES", "SEE ALSO"] {
            XCTAssertTrue(overview.contains(".Sh \(section)\n"), "wt(1) has no \(section)")
        }
        for variable in ["WT_STORE", "WT_AS", "WT_NOW", "XDG_DATA_HOME", "NO_COLOR", "WT_CRASH_AT"] {
            XCTAssertTrue(overview.contains(".It Ev \(variable)\n"), "wt(1) does not explain \(variable)")
        }
        for code in 0...8 { XCTAssertTrue(overview.contains(".It \(code)\n"), "wt(1) does not explain exit status \(code)") }
        for file in ["wt-store.json", "config.json", "counters.json", "journal", "lock", "audit/YYYY-MM.jsonl"] {
            XCTAssertTrue(overview.contains(file), "wt(1) FILES misses \(file)")
        }
        let store = generated("man/wt.5")
        for key in ConfigKey.all { XCTAssertTrue(store.contains(".It Cm \(key.key) "), "wt(5) misses the setting \(key.key)") }
    }

    // MARK: make install

    func testMakeInstallInstallsEverythingAndManRendersIt() throws {
        let make = try tool("make")
        let prefix = tmp + "/prefix"
        let env = ["PATH": (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/bin:/bin"]
        let install = try run(make, ["-C", root, "install", "PREFIX=\(prefix)", "BIN=\(WTBinary.path)"], env: env)
        XCTAssertEqual(install.code, 0, install.out + install.err)
        let pages = ManPages.pages(table)
        var expected = ["bin/wt", "share/bash-completion/completions/wt", "share/zsh/site-functions/_wt", "share/fish/vendor_completions.d/wt.fish"]
        expected += pages.map { "share/man/man\($0.name.split(separator: ".").last!)/\($0.name)" }
        for path in expected {
            XCTAssertTrue(FileManager.default.fileExists(atPath: prefix + "/" + path), "make install did not install \(path)")
        }
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: prefix + "/bin/wt"))
        XCTAssertEqual(try run(prefix + "/bin/wt", ["--version"]).out, "wt \(Help.version)\n")
        XCTAssertEqual(FileManager.default.contents(atPath: prefix + "/share/bash-completion/completions/wt"), FileManager.default.contents(atPath: root + "/completions/wt.bash"))

        let man = try tool("man")
        for page in pages {
            let path = prefix + "/share/man/man\(page.name.split(separator: ".").last!)/\(page.name)"
            let r = try run(man, ["-l", path], env: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80", "LANG": "C.UTF-8"])
            XCTAssertEqual(r.code, 0, "man -l \(page.name): \(r.err)")
            XCTAssertTrue(r.out.contains("NAME"), "man -l \(page.name) rendered no NAME:\n\(r.out)")
            let title = page.name.split(separator: ".")[0]
            XCTAssertTrue(r.out.contains(title.uppercased()), "man -l \(page.name) has no title")
        }

        let uninstall = try run(make, ["-C", root, "uninstall", "PREFIX=\(prefix)"], env: env)
        XCTAssertEqual(uninstall.code, 0, uninstall.out + uninstall.err)
        for path in expected {
            XCTAssertFalse(FileManager.default.fileExists(atPath: prefix + "/" + path), "make uninstall left \(path)")
        }
    }
}
