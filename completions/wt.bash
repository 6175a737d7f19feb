# bash completion for wt, the back office of WerkTalent.
# Generated from wt's command table by `wt completions bash` (`make docs`); do not edit.
# Install as share/bash-completion/completions/wt, or run: source <(wt completions bash)

_wt_nouns='init status clients departments workers config store audit help completions'
_wt_gopts='--store --as --format --json --fields --no-header --quiet --yes --dry-run --wait --help --version'
# Every option that takes a value, of any command: skipped to find the noun and verb, as wt does.
_wt_vopts='--store --as --format --fields --wait --agency --sample --client --kvk --vat-id --email --street --postcode --city --country --g-account-percent --payment-days --name --cost-center --phone --iban --record --actor --since'

# The verbs of a noun; none for a noun that is itself the command.
_wt_verbs() {
    case $1 in
        clients) verbs='add edit list show' ;;
        departments) verbs='add list show' ;;
        workers) verbs='add list show' ;;
        config) verbs='list get set' ;;
        store) verbs='verify backup' ;;
        *) verbs='' ;;
    esac
}

# A command's options, those that take a value (with the global ones), and how many arguments it takes.
_wt_command() {
    case $1 in
        'init')
            opts='--agency --sample'
            vopts='--store --as --format --fields --wait --agency --sample'
            nargs=0 variadic='' ;;
        'status')
            opts='--client'
            vopts='--store --as --format --fields --wait --client'
            nargs=0 variadic='' ;;
        'clients add')
            opts='--kvk --vat-id --email --street --postcode --city --country --g-account-percent --payment-days'
            vopts='--store --as --format --fields --wait --kvk --vat-id --email --street --postcode --city --country --g-account-percent --payment-days'
            nargs=1 variadic='' ;;
        'clients edit')
            opts='--name --kvk --vat-id --email --street --postcode --city --country --g-account-percent --payment-days'
            vopts='--store --as --format --fields --wait --name --kvk --vat-id --email --street --postcode --city --country --g-account-percent --payment-days'
            nargs=1 variadic='' ;;
        'clients list')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=0 variadic='' ;;
        'clients show')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'departments add')
            opts='--cost-center'
            vopts='--store --as --format --fields --wait --cost-center'
            nargs=2 variadic='' ;;
        'departments list')
            opts='--client'
            vopts='--store --as --format --fields --wait --client'
            nargs=0 variadic='' ;;
        'departments show')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'workers add')
            opts='--email --phone --iban'
            vopts='--store --as --format --fields --wait --email --phone --iban'
            nargs=1 variadic='' ;;
        'workers list')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=0 variadic='' ;;
        'workers show')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'config list')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=0 variadic='' ;;
        'config get')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'config set')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=2 variadic='' ;;
        'store verify')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=0 variadic='' ;;
        'store backup')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'audit')
            opts='--record --actor --since'
            vopts='--store --as --format --fields --wait --record --actor --since'
            nargs=0 variadic='' ;;
        'help')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=2 variadic='' ;;
        'completions')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
    esac
}

# Completes the value of option $2 of command $1.
_wt_value() {
    case "$1 $2" in
        'init --sample') _wt_words 'demo large' ;;
        'init --fields') _wt_words 'store schema sample' list ;;
        'status --client') _wt_records 'clients' ;;
        'status --fields') _wt_words 'departments contracts documents declarations invoices users waiting' list ;;
        'clients add --fields') _wt_words 'id name kvk vatId email street postcode city country gAccountPercent paymentDays createdAt' list ;;
        'clients edit --fields') _wt_words 'id name kvk vatId email street postcode city country gAccountPercent paymentDays createdAt' list ;;
        'clients list --fields') _wt_words 'id name kvk vatId email street postcode city country gAccountPercent paymentDays createdAt' list ;;
        'clients show --fields') _wt_words 'id name kvk vatId email street postcode city country gAccountPercent paymentDays createdAt' list ;;
        'departments add --fields') _wt_words 'id client name costCenter createdAt' list ;;
        'departments list --client') _wt_records 'clients' ;;
        'departments list --fields') _wt_words 'id client name costCenter createdAt' list ;;
        'departments show --fields') _wt_words 'id client name costCenter createdAt' list ;;
        'workers add --fields') _wt_words 'id name email phone iban createdAt' list ;;
        'workers list --fields') _wt_words 'id name email phone iban createdAt' list ;;
        'workers show --fields') _wt_words 'id name email phone iban createdAt' list ;;
        'config list --fields') _wt_words 'key value default set type description' list ;;
        'config get --fields') _wt_words 'key value default set type description' list ;;
        'config set --fields') _wt_words 'key value default set type description' list ;;
        'store verify --fields') _wt_words 'problem' list ;;
        'store backup --fields') _wt_words 'path files bytes' list ;;
        'audit --fields') _wt_words 'seq at actor action record details' list ;;
        *' --store') _wt_dirs ;;
        *' --as') _wt_records 'users' ;;
        *' --format') _wt_words 'table json jsonl csv tsv' ;;
    esac
}

# Completes argument $2 (from 0) of command $1.
_wt_arg() {
    case "$1 $2" in
        'clients edit 0') _wt_records 'clients' ;;
        'clients show 0') _wt_records 'clients' ;;
        'departments add 0') _wt_records 'clients' ;;
        'departments show 0') _wt_records 'departments' ;;
        'workers show 0') _wt_records 'workers' ;;
        'config get 0') _wt_words 'agency.name agency.street agency.postcode agency.city agency.country agency.kvk agency.vatId agency.iban agency.gAccountIban agency.email portal.url activation.validDays password.minLength password.requireLetter password.requireDigit password.requireSpecial password.history password.maxAgeDays login.maxFailures login.lockMinutes sms.validMinutes sms.maxAttempts sms.transport sms.command notify.intervalHours notify.remindWorkers mail.transport mail.sendmailPath invoice.prefix invoice.paymentDays vat.rate hours.types' ;;
        'config set 0') _wt_words 'agency.name agency.street agency.postcode agency.city agency.country agency.kvk agency.vatId agency.iban agency.gAccountIban agency.email portal.url activation.validDays password.minLength password.requireLetter password.requireDigit password.requireSpecial password.history password.maxAgeDays login.maxFailures login.lockMinutes sms.validMinutes sms.maxAttempts sms.transport sms.command notify.intervalHours notify.remindWorkers mail.transport mail.sendmailPath invoice.prefix invoice.paymentDays vat.rate hours.types' ;;
        'store backup 0') _wt_dirs ;;
        'completions 0') _wt_words 'bash zsh fish' ;;
        'help 0') _wt_words "$_wt_nouns" ;;
        'help 1') _wt_verbs "${pos[0]}"; _wt_words "$verbs" ;;
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
