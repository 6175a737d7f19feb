// The bash completion script, one of the three `Completions` writes from the table.
extension Completions {
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
        for arm in CaseArm.values(nouns) { s += "        \(arm.pattern)) \(action(arm.completion, list: arm.list)) ;;\n" }
        s += """
                esac
            }

            # Completes argument $2 (from 0) of command $1.
            _wt_arg() {
                case "$1 $2" in

            """
        for arm in CaseArm.arguments(nouns) { s += "        \(arm.pattern)) \(action(arm.completion, list: arm.list)) ;;\n" }
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
}
