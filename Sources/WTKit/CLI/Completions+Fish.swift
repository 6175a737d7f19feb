// The fish completion script, one of the three `Completions` writes from the table.
extension Completions {
    public static func fish(_ table: [NounSpec]) -> String {
        let nouns = visible(table)
        let globals = GlobalOptionSpecs.all
        var s = header("fish", install: "Install as share/fish/vendor_completions.d/wt.fish, or run: wt completions fish | source")
        s += """

            # The verbs of a noun; none for a noun that is itself the command.
            function __wt_verbs
                switch $argv[1]

            """
        for (n, _) in nouns where !n.isLeaf {
            s += "        case \(fq(n.name))\n            printf '%s\\n' \(verbs(n).compactMap(\.verb).map(fq).joined(separator: " "))\n"
        }
        s += """
                end
            end

            # The options of a command that take a value, with the global ones; with no command, those of every command.
            function __wt_value_options
                switch $argv[1]

            """
        for (_, commands) in nouns {
            for c in commands {
                s += "        case \(fq(c.key))\n            printf '%s\\n' \(valueSpellings(globals + c.spec.options).joined(separator: " "))\n"
            }
        }
        s += "        case ''\n            printf '%s\\n' \(allValueSpellings(table).joined(separator: " "))\n"
        s += #"""
                end
            end

            # What the line before the cursor holds: the noun, the command (`clients add` or a noun that is
            # itself one) and its arguments, skipping options and their values; kept until the line changes.
            function __wt_state
                set -l tokens (commandline -opc)
                set -l line (string join \n -- $tokens)
                if set -q __wt_line; and test "$__wt_line" = "$line"
                    return 0
                end
                set -g __wt_line $line
                set -g __wt_noun ''
                set -g __wt_key ''
                set -g __wt_pos
                set -g __wt_fwd
                set -l vopts (__wt_value_options '')
                set -l dashdash 0
                set -l skip ''
                for w in $tokens[2..-1]
                    if test -n "$skip"
                        contains -- $skip --store --as; and set -a __wt_fwd $skip $w
                        set skip ''
                    else if test $dashdash = 0; and string match -qr -- '^-.' $w
                        switch $w
                            case --
                                set dashdash 1
                            case '--store=*' '--as=*'
                                set -a __wt_fwd (string split -m 1 = -- $w)
                            case '--*=*'
                            case '*'
                                contains -- $w $vopts; and set skip $w
                        end
                    else if test -z "$__wt_noun"
                        set -g __wt_noun $w
                        set -l verbs (__wt_verbs $w)
                    if not set -q verbs[1]
                            set -g __wt_key $w
                            set vopts (__wt_value_options $w)
                        end
                    else if test -z "$__wt_key"
                        set -g __wt_key "$__wt_noun $w"
                        set vopts (__wt_value_options $__wt_key)
                    else
                        set -a __wt_pos $w
                    end
                end
                for i in (seq 2 2 (count $__wt_fwd))
                    string match -q -- '~/*' $__wt_fwd[$i]; and set __wt_fwd[$i] $HOME/(string sub -s 3 -- $__wt_fwd[$i])
                end
            end

            # No command yet and noun $argv[1] given ('' for none): the verbs (or nouns) come next.
            function __wt_at
                __wt_state
                test -z "$__wt_key"; and test "$__wt_noun" = "$argv[1]"
            end

            # The command is $argv[1].
            function __wt_in
                __wt_state
                test "$__wt_key" = "$argv[1]"
            end

            # The command is $argv[1] and the cursor at its argument $argv[2] (from 0; `2+` for 2 and after).
            function __wt_arg
                __wt_in $argv[1]; or return 1
                set -l n (count $__wt_pos)
                if string match -q -- '*+' $argv[2]
                    test $n -ge (string trim -r -c + -- $argv[2])
                else
                    test $n -eq $argv[2]
                end
            end

            # What is typed of the value: the current word without `--option=` and, for a list, up to its last comma.
            function __wt_typed
                string replace -r -- '^-[^=]*=' '' (commandline -ct)
            end

            # Completes a comma-separated list: the words, after what is typed up to the last comma.
            function __wt_list
                set -l pre (string match -r -- '^.*,' (__wt_typed))
                set -q pre[1]; or set pre ''
                printf '%s\n' $pre$argv
            end

            # Ids or e-mail addresses from the store, by the hidden `wt __complete KIND PREFIX`.
            function __wt_records
                __wt_state
                set -l wt (commandline -opc)[1]
                string match -q -- '~/*' $wt; and set wt $HOME/(string sub -s 3 -- $wt)
                set -l typed (__wt_typed)
                set -l pre ''
                if test "$argv[2]" = list
                    set pre (string match -r -- '^.*,' $typed)
                    set -q pre[1]; or set pre ''
                    set typed (string replace -r -- '^.*,' '' $typed)
                end
                for r in ($wt $__wt_fwd --wait 1 __complete $argv[1] -- $typed 2>/dev/null)
                    printf '%s\n' $pre$r
                end
            end

            # Arguments are not file names unless a command says so.
            complete -c wt -f

            # Global options, anywhere on the line.

            """#
        func valueFlags(_ c: Completion, list: Bool) -> String {
            switch c {
            case .none: return " -x"
            case .choices(let words):
                return list ? " -xa \(fq("(__wt_list \(words.joined(separator: " ")))"))" : " -xa \(fq(words.joined(separator: " ")))"
            case .records(let kind): return " -xa \(fq("(__wt_records \(kind)\(list ? " list" : ""))"))"
            case .file: return " -rF"
            case .directory: return " -xa '(__fish_complete_directories)'"
            }
        }
        func optionLine(_ o: OptionSpec, condition: String?, completion: Completion) -> String {
            var line = "complete -c wt"
            if let condition { line += " -n \(fq(condition))" }
            if let c = o.short { line += " -s \(c)" }
            line += " -l \(o.name)"
            if o.takesValue { line += valueFlags(completion, list: o.list) }
            line += " -d \(fq(o.help))"
            return line + "\n"
        }
        for o in globals { s += optionLine(o, condition: nil, completion: o.completion) }
        s += "\n# Nouns.\n"
        for (n, _) in nouns {
            s += "complete -c wt -n '__wt_at \"\"' -a \(n.name) -d \(fq(n.summary))\n"
        }
        for (n, commands) in nouns {
            s += "\n# wt \(n.name)\n"
            for v in verbs(n) {
                s += "complete -c wt -n \(fq("__wt_at \(n.name)")) -a \(fq(v.verb!)) -d \(fq(v.summary))\n"
            }
            for c in commands {
                let condition = "__wt_in \"\(c.key)\""
                for o in c.spec.options { s += optionLine(o, condition: condition, completion: o.completion) }
                let own = Set(c.spec.options.map(\.name))
                for (o, completion) in c.values where !own.contains(o.name) {
                    s += optionLine(o, condition: condition, completion: completion)
                }
                let last = c.spec.args.count - 1
                for (i, a) in c.spec.args.enumerated() where a.completion != .none {
                    let at = "__wt_arg \"\(c.key)\" \(i)\(i == last && a.variadic ? "+" : "")"
                    switch a.completion {
                    case .none: break
                    case .file: s += "complete -c wt -n \(fq(at)) -F\n"
                    default: s += "complete -c wt -n \(fq(at))" + valueFlags(a.completion, list: false) + "\n"
                    }
                }
            }
        }
        if nouns.contains(where: { $0.noun.name == helpNoun }) {
            s += "\n# wt help NOUN VERB\n"
            for (n, _) in nouns {
                s += "complete -c wt -n '__wt_arg \(helpNoun) 0' -a \(n.name) -d \(fq(n.summary))\n"
            }
            s += "complete -c wt -n '__wt_arg \(helpNoun) 1' -a '(__wt_verbs $__wt_pos[1])'\n"
        }
        return s
    }
}
