# fish completion for wt, the back office of WerkTalent.
# Generated from wt's command table by `wt completions fish` (`make docs`); do not edit.
# Install as share/fish/vendor_completions.d/wt.fish, or run: wt completions fish | source

# The verbs of a noun; none for a noun that is itself the command.
function __wt_verbs
    switch $argv[1]
        case 'clients'
            printf '%s\n' 'add' 'edit' 'list' 'show'
        case 'departments'
            printf '%s\n' 'add' 'list' 'show'
        case 'workers'
            printf '%s\n' 'add' 'list' 'show'
        case 'config'
            printf '%s\n' 'list' 'get' 'set'
        case 'store'
            printf '%s\n' 'verify' 'backup'
    end
end

# The options of a command that take a value, with the global ones; with no command, those of every command.
function __wt_value_options
    switch $argv[1]
        case 'init'
            printf '%s\n' --store --as --format --fields --wait --agency --sample
        case 'status'
            printf '%s\n' --store --as --format --fields --wait --client
        case 'clients add'
            printf '%s\n' --store --as --format --fields --wait --kvk --vat-id --email --street --postcode --city --country --g-account-percent --payment-days
        case 'clients edit'
            printf '%s\n' --store --as --format --fields --wait --name --kvk --vat-id --email --street --postcode --city --country --g-account-percent --payment-days
        case 'clients list'
            printf '%s\n' --store --as --format --fields --wait
        case 'clients show'
            printf '%s\n' --store --as --format --fields --wait
        case 'departments add'
            printf '%s\n' --store --as --format --fields --wait --cost-center
        case 'departments list'
            printf '%s\n' --store --as --format --fields --wait --client
        case 'departments show'
            printf '%s\n' --store --as --format --fields --wait
        case 'workers add'
            printf '%s\n' --store --as --format --fields --wait --email --phone --iban
        case 'workers list'
            printf '%s\n' --store --as --format --fields --wait
        case 'workers show'
            printf '%s\n' --store --as --format --fields --wait
        case 'config list'
            printf '%s\n' --store --as --format --fields --wait
        case 'config get'
            printf '%s\n' --store --as --format --fields --wait
        case 'config set'
            printf '%s\n' --store --as --format --fields --wait
        case 'store verify'
            printf '%s\n' --store --as --format --fields --wait
        case 'store backup'
            printf '%s\n' --store --as --format --fields --wait
        case 'audit'
            printf '%s\n' --store --as --format --fields --wait --record --actor --since
        case 'help'
            printf '%s\n' --store --as --format --fields --wait
        case 'completions'
            printf '%s\n' --store --as --format --fields --wait
        case ''
            printf '%s\n' --store --as --format --fields --wait --agency --sample --client --kvk --vat-id --email --street --postcode --city --country --g-account-percent --payment-days --name --cost-center --phone --iban --record --actor --since
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
complete -c wt -l store -xa '(__fish_complete_directories)' -d 'the store directory (else $WT_STORE, else $XDG_DATA_HOME/wt)'
complete -c wt -l as -xa '(__wt_records users)' -d 'act as this portal user of a client (else $WT_AS)'
complete -c wt -l format -xa 'table json jsonl csv tsv' -d 'output format: table, json, jsonl, csv or tsv'
complete -c wt -l json -d 'the same as --format json'
complete -c wt -l fields -x -d 'select and order the fields to print, e.g. id,status'
complete -c wt -l no-header -d 'leave out the header line of table, csv and tsv'
complete -c wt -s q -l quiet -d 'print nothing on success but what a script needs'
complete -c wt -s y -l yes -d 'do not ask for confirmation (required without a terminal)'
complete -c wt -l dry-run -d 'show what would change and change nothing'
complete -c wt -l wait -x -d 'wait this long for another wt to release the store (default 10)'
complete -c wt -s h -l help -d 'show help for the command'
complete -c wt -l version -d 'print the version of wt'

# Nouns.
complete -c wt -n '__wt_at ""' -a init -d 'create a store'
complete -c wt -n '__wt_at ""' -a status -d 'the portal\'s menu with its counts, and what waits for action'
complete -c wt -n '__wt_at ""' -a clients -d 'client companies (inleners)'
complete -c wt -n '__wt_at ""' -a departments -d 'a client\'s departments (opdrachtgevers)'
complete -c wt -n '__wt_at ""' -a workers -d 'flex workers (medewerkers)'
complete -c wt -n '__wt_at ""' -a config -d 'the agency\'s settings'
complete -c wt -n '__wt_at ""' -a store -d 'check and back up the store'
complete -c wt -n '__wt_at ""' -a audit -d 'the audit trail: who did what, when, to which record'
complete -c wt -n '__wt_at ""' -a help -d 'explain a command'
complete -c wt -n '__wt_at ""' -a completions -d 'shell completion scripts for bash, zsh and fish'

# wt init
complete -c wt -n '__wt_in "init"' -l agency -x -d 'the agency\'s name (agency.name)'
complete -c wt -n '__wt_in "init"' -l sample -xa 'demo large' -d 'fill the store: demo or large'
complete -c wt -n '__wt_in "init"' -l fields -xa '(__wt_list store schema sample)' -d 'select and order the fields to print, e.g. id,status'

# wt status
complete -c wt -n '__wt_in "status"' -l client -xa '(__wt_records clients)' -d 'only this client'
complete -c wt -n '__wt_in "status"' -l fields -xa '(__wt_list departments contracts documents declarations invoices users waiting)' -d 'select and order the fields to print, e.g. id,status'

# wt clients
complete -c wt -n '__wt_at clients' -a 'add' -d 'add a client company'
complete -c wt -n '__wt_at clients' -a 'edit' -d 'change a client\'s details (issued invoices keep the old ones)'
complete -c wt -n '__wt_at clients' -a 'list' -d 'list the clients'
complete -c wt -n '__wt_at clients' -a 'show' -d 'show one client'
complete -c wt -n '__wt_in "clients add"' -l kvk -x -d 'Chamber of Commerce number, 8 digits'
complete -c wt -n '__wt_in "clients add"' -l vat-id -x -d 'VAT id, NL + 9 digits + B + 2 digits (both Dutch forms are checked)'
complete -c wt -n '__wt_in "clients add"' -l email -x -d 'the client\'s invoice address'
complete -c wt -n '__wt_in "clients add"' -l street -x -d 'street and number'
complete -c wt -n '__wt_in "clients add"' -l postcode -x -d 'postcode (1234 AB in NL)'
complete -c wt -n '__wt_in "clients add"' -l city -x -d 'city'
complete -c wt -n '__wt_in "clients add"' -l country -x -d 'two-letter country code (default NL)'
complete -c wt -n '__wt_in "clients add"' -l g-account-percent -x -d 'share of each invoice, incl. VAT, paid to the G-account (0-100)'
complete -c wt -n '__wt_in "clients add"' -l payment-days -x -d 'payment term in days (default: invoice.paymentDays)'
complete -c wt -n '__wt_in "clients add"' -l fields -xa '(__wt_list id name kvk vatId email street postcode city country gAccountPercent paymentDays createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "clients edit"' -l name -x -d 'the company\'s name'
complete -c wt -n '__wt_in "clients edit"' -l kvk -x -d 'Chamber of Commerce number, 8 digits'
complete -c wt -n '__wt_in "clients edit"' -l vat-id -x -d 'VAT id, NL + 9 digits + B + 2 digits (both Dutch forms are checked)'
complete -c wt -n '__wt_in "clients edit"' -l email -x -d 'the client\'s invoice address'
complete -c wt -n '__wt_in "clients edit"' -l street -x -d 'street and number'
complete -c wt -n '__wt_in "clients edit"' -l postcode -x -d 'postcode (1234 AB in NL)'
complete -c wt -n '__wt_in "clients edit"' -l city -x -d 'city'
complete -c wt -n '__wt_in "clients edit"' -l country -x -d 'two-letter country code (default NL)'
complete -c wt -n '__wt_in "clients edit"' -l g-account-percent -x -d 'share of each invoice, incl. VAT, paid to the G-account (0-100)'
complete -c wt -n '__wt_in "clients edit"' -l payment-days -x -d 'payment term in days (default: invoice.paymentDays)'
complete -c wt -n '__wt_in "clients edit"' -l fields -xa '(__wt_list id name kvk vatId email street postcode city country gAccountPercent paymentDays createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "clients edit" 0' -xa '(__wt_records clients)'
complete -c wt -n '__wt_in "clients list"' -l fields -xa '(__wt_list id name kvk vatId email street postcode city country gAccountPercent paymentDays createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "clients show"' -l fields -xa '(__wt_list id name kvk vatId email street postcode city country gAccountPercent paymentDays createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "clients show" 0' -xa '(__wt_records clients)'

# wt departments
complete -c wt -n '__wt_at departments' -a 'add' -d 'add a department to a client'
complete -c wt -n '__wt_at departments' -a 'list' -d 'list departments'
complete -c wt -n '__wt_at departments' -a 'show' -d 'show one department'
complete -c wt -n '__wt_in "departments add"' -l cost-center -x -d 'the client\'s cost center, printed on invoices'
complete -c wt -n '__wt_in "departments add"' -l fields -xa '(__wt_list id client name costCenter createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "departments add" 0' -xa '(__wt_records clients)'
complete -c wt -n '__wt_in "departments list"' -l client -xa '(__wt_records clients)' -d 'only this client\'s departments'
complete -c wt -n '__wt_in "departments list"' -l fields -xa '(__wt_list id client name costCenter createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "departments show"' -l fields -xa '(__wt_list id client name costCenter createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "departments show" 0' -xa '(__wt_records departments)'

# wt workers
complete -c wt -n '__wt_at workers' -a 'add' -d 'add a flex worker'
complete -c wt -n '__wt_at workers' -a 'list' -d 'list workers'
complete -c wt -n '__wt_at workers' -a 'show' -d 'show one worker'
complete -c wt -n '__wt_in "workers add"' -l email -x -d 'where rejections and reminders go'
complete -c wt -n '__wt_in "workers add"' -l phone -x -d 'mobile number'
complete -c wt -n '__wt_in "workers add"' -l iban -x -d 'bank account for wages (checked with mod 97)'
complete -c wt -n '__wt_in "workers add"' -l fields -xa '(__wt_list id name email phone iban createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "workers list"' -l fields -xa '(__wt_list id name email phone iban createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "workers show"' -l fields -xa '(__wt_list id name email phone iban createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "workers show" 0' -xa '(__wt_records workers)'

# wt config
complete -c wt -n '__wt_at config' -a 'list' -d 'list every setting with its value and default'
complete -c wt -n '__wt_at config' -a 'get' -d 'print one setting\'s value'
complete -c wt -n '__wt_at config' -a 'set' -d 'change one setting'
complete -c wt -n '__wt_in "config list"' -l fields -xa '(__wt_list key value default set type description)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "config get"' -l fields -xa '(__wt_list key value default set type description)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "config get" 0' -xa 'agency.name agency.street agency.postcode agency.city agency.country agency.kvk agency.vatId agency.iban agency.gAccountIban agency.email portal.url activation.validDays password.minLength password.requireLetter password.requireDigit password.requireSpecial password.history password.maxAgeDays login.maxFailures login.lockMinutes sms.validMinutes sms.maxAttempts sms.transport sms.command notify.intervalHours notify.remindWorkers mail.transport mail.sendmailPath invoice.prefix invoice.paymentDays vat.rate hours.types'
complete -c wt -n '__wt_in "config set"' -l fields -xa '(__wt_list key value default set type description)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "config set" 0' -xa 'agency.name agency.street agency.postcode agency.city agency.country agency.kvk agency.vatId agency.iban agency.gAccountIban agency.email portal.url activation.validDays password.minLength password.requireLetter password.requireDigit password.requireSpecial password.history password.maxAgeDays login.maxFailures login.lockMinutes sms.validMinutes sms.maxAttempts sms.transport sms.command notify.intervalHours notify.remindWorkers mail.transport mail.sendmailPath invoice.prefix invoice.paymentDays vat.rate hours.types'

# wt store
complete -c wt -n '__wt_at store' -a 'verify' -d 'check every file, reference and the audit chain; exit 8 on any problem'
complete -c wt -n '__wt_at store' -a 'backup' -d 'copy the store, consistently, to a new directory'
complete -c wt -n '__wt_in "store verify"' -l fields -xa '(__wt_list problem)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "store backup"' -l fields -xa '(__wt_list path files bytes)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "store backup" 0' -xa '(__fish_complete_directories)'

# wt audit
complete -c wt -n '__wt_in "audit"' -l record -x -d 'only entries about this record'
complete -c wt -n '__wt_in "audit"' -l actor -x -d 'only entries by this actor (backoffice:NAME or an e-mail address)'
complete -c wt -n '__wt_in "audit"' -l since -x -d 'only entries from this date (YYYY-MM-DD, Europe/Amsterdam) on'
complete -c wt -n '__wt_in "audit"' -l fields -xa '(__wt_list seq at actor action record details)' -d 'select and order the fields to print, e.g. id,status'

# wt help

# wt completions
complete -c wt -n '__wt_arg "completions" 0' -xa 'bash zsh fish'

# wt help NOUN VERB
complete -c wt -n '__wt_arg help 0' -a init -d 'create a store'
complete -c wt -n '__wt_arg help 0' -a status -d 'the portal\'s menu with its counts, and what waits for action'
complete -c wt -n '__wt_arg help 0' -a clients -d 'client companies (inleners)'
complete -c wt -n '__wt_arg help 0' -a departments -d 'a client\'s departments (opdrachtgevers)'
complete -c wt -n '__wt_arg help 0' -a workers -d 'flex workers (medewerkers)'
complete -c wt -n '__wt_arg help 0' -a config -d 'the agency\'s settings'
complete -c wt -n '__wt_arg help 0' -a store -d 'check and back up the store'
complete -c wt -n '__wt_arg help 0' -a audit -d 'the audit trail: who did what, when, to which record'
complete -c wt -n '__wt_arg help 0' -a help -d 'explain a command'
complete -c wt -n '__wt_arg help 0' -a completions -d 'shell completion scripts for bash, zsh and fish'
complete -c wt -n '__wt_arg help 1' -a '(__wt_verbs $__wt_pos[1])'
