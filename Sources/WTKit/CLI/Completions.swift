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
            if !spec.extraFormats.isEmpty, let f = GlobalOptionSpecs.all.first(where: { $0.name == "format" }) {
                out.append((f, .choices(GlobalOptionSpecs.formats + spec.extraFormats)))
            }
            if !spec.fields.isEmpty, let f = GlobalOptionSpecs.all.first(where: { $0.name == "fields" }) {
                out.append((f, .choices(spec.fields)))
            }
            return out.filter { $0.1 != .none }
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

    // MARK: bash

    public static func bash(_ table: [NounSpec]) -> String {
        let nouns = visible(table)
        let globals = GlobalOptionSpecs.all
        var s = header("bash", install: "Install as share/bash-completion/completions/wt, or run: source <(wt completions bash)")
        s += """

            _wt_nouns=\(sq(nouns.map(\.noun.name).joined(separator: " ")))
            _wt_gopts=\(sq(globals.map { "--\($0.name)" }.joined(separator: " ")))
            # Every option that takes a value, of any command: skipped to find the noun and verb, as wt does.
            _wt_vopts=\(sq(allValueSpellings(table).joined(separator: " ")))

            # The verbs of a noun; none for a noun that is itself the command.
            _wt_verbs() {
                case $1 in

            """
        for (n, _) in nouns where !n.isLeaf {
            s += "        \(n.name)) verbs=\(sq(verbs(n).compactMap(\.verb).joined(separator: " "))) ;;\n"
        }
        s += """
                    *) verbs='' ;;
                esac
            }

            # A command's options, those that take a value (with the global ones), and how many arguments it takes.
            _wt_command() {
                case $1 in

            """
        for (_, commands) in nouns {
            for c in commands {
                let vopts = valueSpellings(globals + c.spec.options).joined(separator: " ")
                s += "        \(sq(c.key)))\n"
                s += "            opts=\(sq(c.spec.options.map { "--\($0.name)" }.joined(separator: " ")))\n"
                s += "            vopts=\(sq(vopts))\n"
                s += "            nargs=\(c.spec.args.count) variadic=\(c.spec.args.last?.variadic == true ? "1" : "''") ;;\n"
            }
        }
        s += """
                esac
            }

            # Completes the value of option $2 of command $1.
            _wt_value() {
                case "$1 $2" in

            """
        func action(_ c: Completion, list: Bool) -> String {
            let mode = list ? " list" : ""
            switch c {
            case .none: return ":"
            case .choices(let words): return "_wt_words \(sq(words.joined(separator: " ")))\(mode)"
            case .records(let kind): return "_wt_records \(sq(kind))\(mode)"
            case .file: return "_wt_files"
            case .directory: return "_wt_dirs"
            }
        }
        for (_, commands) in nouns {
            for c in commands {
                for (o, completion) in c.values {
                    s += "        \(patterns(c.key, o))) \(action(completion, list: o.list)) ;;\n"
                }
            }
        }
        for o in globals where o.completion != .none {
            s += "        \(patterns(nil, o))) \(action(o.completion, list: o.list)) ;;\n"
        }
        s += """
                esac
            }

            # Completes argument $2 (from 0) of command $1.
            _wt_arg() {
                case "$1 $2" in

            """
        for (_, commands) in nouns {
            for c in commands {
                for (i, a) in c.spec.args.enumerated() where a.completion != .none {
                    s += "        \(sq("\(c.key) \(i)"))) \(action(a.completion, list: false)) ;;\n"
                }
            }
        }
        if nouns.contains(where: { $0.noun.name == helpNoun }) {
            s += "        \(sq("\(helpNoun) 0"))) _wt_words \"$_wt_nouns\" ;;\n"
            s += "        \(sq("\(helpNoun) 1"))) _wt_verbs \"${pos[0]}\"; _wt_words \"$verbs\" ;;\n"
        }
        s += #"""
                esac
            }

            # Completes from a list of words; the value of a list option after its last comma.
            _wt_words() {
                local pre='' word=$cur
                if [[ $2 == list && $word == *,* ]]; then
                    pre=${word%,*},
                    word=${word##*,}
                fi
                mapfile -t COMPREPLY < <(compgen -P "$pre" -W "$1" -- "$word")
            }

            # Ids or e-mail addresses from the store, by the hidden `wt __complete KIND PREFIX`.
            _wt_records() {
                local pre='' word=$cur wt=${words[0]}
                if [[ $2 == list && $word == *,* ]]; then
                    pre=${word%,*},
                    word=${word##*,}
                fi
                if [[ $wt == \~/* ]]; then wt=$HOME/${wt#\~/}; fi
                mapfile -t COMPREPLY < <("$wt" "${fwd[@]}" --wait 1 __complete "$1" -- "$word" 2>/dev/null)
                if [[ -n $pre ]]; then COMPREPLY=("${COMPREPLY[@]/#/"$pre"}"); fi
            }

            _wt_files() {
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            }

            _wt_dirs() {
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            }

            _wt() {
                local words=() cword i w
                COMPREPLY=()
                # Put `--opt=value` together again: bash splits it at the '=' (COMP_WORDBREAKS).
                for ((i = 0; i <= COMP_CWORD; i++)); do
                    w=${COMP_WORDS[i]}
                    if ((${#words[@]} > 1)) && [[ $w == = && ${words[-1]} == --?* && ${words[-1]} != *=* ]]; then
                        words[-1]+='='
                    elif ((${#words[@]} > 1)) && [[ ${words[-1]} == --*= && ${COMP_WORDS[i-1]} == = ]]; then
                        words[-1]+=$w
                    else
                        words+=("$w")
                    fi
                done
                cword=$((${#words[@]} - 1))

                # Find the noun, the verb and the arguments before the cursor, skipping options and their values.
                local cur=${words[cword]} prefix='' noun='' key='' dashdash='' valueof='' verbs='' opts='' nargs=0 variadic=''
                local vopts=$_wt_vopts fwd=() pos=()
                for ((i = 1; i < cword; i++)); do
                    w=${words[i]}
                    if [[ -z $dashdash && $w == -?* ]]; then
                        case $w in
                            --) dashdash=1 ;;
                            --store=* | --as=*) fwd+=("${w%%=*}" "${w#*=}") ;;
                            --*=*) ;;
                            *)
                                if [[ " $vopts " == *" $w "* ]]; then
                                    ((i++))
                                    if ((i == cword)); then
                                        valueof=$w
                                    elif [[ $w == --store || $w == --as ]]; then
                                        fwd+=("$w" "${words[i]}")
                                    fi
                                fi
                                ;;
                        esac
                    elif [[ -z $noun ]]; then
                        noun=$w
                        _wt_verbs "$noun"
                        if [[ -z $verbs ]]; then
                            key=$noun
                            _wt_command "$key"
                        fi
                    elif [[ -z $key ]]; then
                        key="$noun $w"
                        _wt_command "$key"
                    else
                        pos+=("$w")
                    fi
                done
                for ((i = 1; i < ${#fwd[@]}; i += 2)); do
                    if [[ ${fwd[i]} == \~/* ]]; then fwd[i]=$HOME/${fwd[i]#\~/}; fi
                done

                if [[ -n $valueof ]]; then
                    _wt_value "$key" "$valueof"
                    return 0
                fi
                if [[ -z $dashdash && $cur == --*=* ]]; then
                    w=${cur%%=*}
                    cur=${cur#*=}
                    if [[ $COMP_WORDBREAKS != *=* ]]; then prefix=$w=; fi
                    _wt_value "$key" "$w"
                    if [[ -n $prefix ]]; then COMPREPLY=("${COMPREPLY[@]/#/"$prefix"}"); fi
                    return 0
                fi
                if [[ -z $dashdash && $cur == -* ]]; then
                    _wt_words "$opts $_wt_gopts"
                elif [[ -z $noun ]]; then
                    _wt_words "$_wt_nouns"
                elif [[ -z $key ]]; then
                    _wt_words "$verbs"
                else
                    i=${#pos[@]}
                    if ((i >= nargs)) && [[ -n $variadic ]]; then i=$((nargs - 1)); fi
                    if ((i < nargs)); then
                        _wt_arg "$key" "$i"
                    else
                        # No argument left to give: offer the options.
                        _wt_words "$opts $_wt_gopts"
                    fi
                fi
                return 0
            }

            complete -F _wt wt

            """#
        return s
    }

    // MARK: zsh

    public static func zsh(_ table: [NounSpec]) -> String {
        let nouns = visible(table)
        let globals = GlobalOptionSpecs.all
        func described(_ name: String, _ help: String) -> String {
            sq(name.replacingOccurrences(of: ":", with: "\\:") + ":" + help)
        }
        var s = "#compdef wt\n"
        s += header("zsh", install: "Install as _wt in a directory of $fpath, or after compinit run: source <(wt completions zsh)")
        s += """

            _wt_nouns() {
                reply=(

            """
        for (n, _) in nouns { s += "        \(described(n.name, n.summary))\n" }
        s += """
                )
            }

            # The verbs of a noun with what they do; none for a noun that is itself the command.
            _wt_verbs() {
                case $1 in

            """
        for (n, _) in nouns where !n.isLeaf {
            s += "        (\(n.name)) reply=(\(verbs(n).map { described($0.verb!, $0.summary) }.joined(separator: " "))) ;;\n"
        }
        s += """
                    (*) reply=() ;;
                esac
            }

            _wt_global_options() {
                reply=(

            """
        for o in globals { s += "        \(described("--\(o.name)", o.help))\n" }
        s += """
                )
            }

            # Every option that takes a value, of any command: skipped to find the noun and verb, as wt does.
            _wt_all_value_options() {
                reply=(\(allValueSpellings(table).joined(separator: " ")))
            }

            # A command's options, those that take a value (with the global ones), and how many arguments it takes.
            _wt_command() {
                case $1 in

            """
        for (_, commands) in nouns {
            for c in commands {
                s += "        (\(sq(c.key)))\n"
                s += "            opts=(\(c.spec.options.map { described("--\($0.name)", $0.help) }.joined(separator: " ")))\n"
                s += "            vopts=(\(valueSpellings(globals + c.spec.options).joined(separator: " ")))\n"
                s += "            nargs=\(c.spec.args.count) variadic=\(c.spec.args.last?.variadic == true ? "1" : "''") ;;\n"
            }
        }
        s += """
                esac
            }

            # Completes the value of option $2 of command $1.
            _wt_value() {
                case "$1 $2" in

            """
        func action(_ c: Completion, list: Bool) -> String {
            let mode = list ? "list" : "one"
            switch c {
            case .none: return ":"
            case .choices(let words): return "_wt_words \(mode) \(words.map(sq).joined(separator: " "))"
            case .records(let kind): return "_wt_records \(mode) \(sq(kind))"
            case .file: return "_files"
            case .directory: return "_directories"
            }
        }
        for (_, commands) in nouns {
            for c in commands {
                for (o, completion) in c.values {
                    s += "        (\(patterns(c.key, o))) \(action(completion, list: o.list)) ;;\n"
                }
            }
        }
        for o in globals where o.completion != .none {
            s += "        (\(patterns(nil, o))) \(action(o.completion, list: o.list)) ;;\n"
        }
        s += """
                esac
            }

            # Completes argument $2 (from 0) of command $1.
            _wt_arg() {
                case "$1 $2" in

            """
        for (_, commands) in nouns {
            for c in commands {
                for (i, a) in c.spec.args.enumerated() where a.completion != .none {
                    s += "        (\(sq("\(c.key) \(i)"))) \(action(a.completion, list: false)) ;;\n"
                }
            }
        }
        if nouns.contains(where: { $0.noun.name == helpNoun }) {
            s += "        (\(sq("\(helpNoun) 0"))) _wt_nouns; _describe -t commands 'wt command' reply ;;\n"
            s += "        (\(sq("\(helpNoun) 1"))) _wt_verbs \"${pos[1]}\"; _describe -t commands 'verb' reply ;;\n"
        }
        s += #"""
                esac
            }

            # Completes from a list of words; the value of a list option after its last comma.
            _wt_words() {
                [[ $1 == list ]] && compset -P '*,'
                shift
                compadd -- "$@"
            }

            # Ids or e-mail addresses from the store, by the hidden `wt __complete KIND PREFIX`.
            _wt_records() {
                local wt=${(Q)words[1]}
                local -a records
                [[ $1 == list ]] && compset -P '*,'
                [[ $wt == '~/'* ]] && wt=$HOME/${wt#'~/'}
                records=(${(f)"$($wt "${fwd[@]}" --wait 1 __complete $2 -- $PREFIX 2>/dev/null)"})
                compadd -a records
            }

            _wt_options() {
                local -a all
                _wt_global_options
                all=($opts $reply)
                _describe -t options 'option' all
            }

            _wt() {
                local noun= key= dashdash= valueof= w nargs=0 variadic=
                local -a pos fwd opts vopts reply
                local -i i
                _wt_all_value_options
                vopts=($reply)
                # Find the noun, the verb and the arguments before the cursor, skipping options and their values.
                for ((i = 2; i < CURRENT; i++)); do
                    w=${words[i]}
                    if [[ -z $dashdash && $w == -?* ]]; then
                        case $w in
                            (--) dashdash=1 ;;
                            (--store=* | --as=*) fwd+=(${w%%=*} ${(Q)w#*=}) ;;
                            (--*=*) ;;
                            (*)
                                if (( ${vopts[(Ie)$w]} )); then
                                    (( i++ ))
                                    if (( i == CURRENT )); then
                                        valueof=$w
                                    elif [[ $w == --store || $w == --as ]]; then
                                        fwd+=($w ${(Q)words[i]})
                                    fi
                                fi
                                ;;
                        esac
                    elif [[ -z $noun ]]; then
                        noun=$w
                        _wt_verbs $noun
                        if (( ! $#reply )); then
                            key=$noun
                            _wt_command $key
                        fi
                    elif [[ -z $key ]]; then
                        key="$noun $w"
                        _wt_command $key
                    else
                        pos+=($w)
                    fi
                done
                for ((i = 2; i <= $#fwd; i += 2)); do
                    [[ ${fwd[i]} == '~/'* ]] && fwd[i]=$HOME/${fwd[i]#'~/'}
                done

                if [[ -n $valueof ]]; then
                    _wt_value "$key" $valueof
                elif [[ -z $dashdash && $PREFIX == --*=* ]]; then
                    w=${PREFIX%%=*}
                    compset -P '[^=]#='
                    _wt_value "$key" $w
                elif [[ -z $dashdash && $PREFIX == -* ]]; then
                    _wt_options
                elif [[ -z $noun ]]; then
                    _wt_nouns
                    _describe -t commands 'wt command' reply
                elif [[ -z $key ]]; then
                    _wt_verbs $noun
                    _describe -t commands "wt $noun verb" reply
                else
                    i=$#pos
                    if (( i >= nargs )) && [[ -n $variadic ]]; then i=$(( nargs - 1 )); fi
                    if (( i < nargs )); then
                        _wt_arg "$key" $i
                    else
                        # No argument left to give: offer the options.
                        _wt_options
                    fi
                fi
            }

            if [[ $funcstack[1] == _wt ]]; then
                # Autoloaded from $fpath: this file is the first call.
                _wt "$@"
            else
                compdef _wt wt
            fi

            """#
        return s
    }

    // MARK: fish

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
