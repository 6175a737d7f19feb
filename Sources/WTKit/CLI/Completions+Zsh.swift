// The zsh completion script, one of the three `Completions` writes from the table.
extension Completions {
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
        for arm in CaseArm.values(nouns) { s += "        (\(arm.pattern)) \(action(arm.completion, list: arm.list)) ;;\n" }
        s += """
                esac
            }

            # Completes argument $2 (from 0) of command $1.
            _wt_arg() {
                case "$1 $2" in

            """
        for arm in CaseArm.arguments(nouns) { s += "        (\(arm.pattern)) \(action(arm.completion, list: arm.list)) ;;\n" }
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
}
