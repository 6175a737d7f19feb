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
            printf '%s\n' 'add' 'edit' 'list' 'show' 'invite' 'reinvite' 'disable' 'enable' 'unlock'
        case 'users'
            printf '%s\n' 'invite' 'reinvite' 'list' 'show' 'disable' 'enable' 'unlock'
        case 'account'
            printf '%s\n' 'activate' 'login' 'passwd'
        case 'outbox'
            printf '%s\n' 'list' 'show'
        case 'contracts'
            printf '%s\n' 'add' 'list' 'show' 'end'
        case 'documents'
            printf '%s\n' 'list' 'show' 'add' 'sign'
        case 'declarations'
            printf '%s\n' 'open' 'enter' 'import' 'submit' 'approve' 'reject' 'comment' 'close' 'list' 'show'
        case 'invoices'
            printf '%s\n' 'generate' 'list' 'show' 'credit'
        case 'payroll'
            printf '%s\n' 'run' 'list' 'show' 'slips' 'margin'
        case 'mail'
            printf '%s\n' 'ingest'
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
        case 'workers edit'
            printf '%s\n' --store --as --format --fields --wait --name --email --phone --iban
        case 'workers list'
            printf '%s\n' --store --as --format --fields --wait
        case 'workers show'
            printf '%s\n' --store --as --format --fields --wait
        case 'workers invite'
            printf '%s\n' --store --as --format --fields --wait
        case 'workers reinvite'
            printf '%s\n' --store --as --format --fields --wait
        case 'workers disable'
            printf '%s\n' --store --as --format --fields --wait
        case 'workers enable'
            printf '%s\n' --store --as --format --fields --wait
        case 'workers unlock'
            printf '%s\n' --store --as --format --fields --wait
        case 'users invite'
            printf '%s\n' --store --as --format --fields --wait --client --name --phone --role --department
        case 'users reinvite'
            printf '%s\n' --store --as --format --fields --wait
        case 'users list'
            printf '%s\n' --store --as --format --fields --wait --client --status
        case 'users show'
            printf '%s\n' --store --as --format --fields --wait
        case 'users disable'
            printf '%s\n' --store --as --format --fields --wait
        case 'users enable'
            printf '%s\n' --store --as --format --fields --wait
        case 'users unlock'
            printf '%s\n' --store --as --format --fields --wait
        case 'account activate'
            printf '%s\n' --store --as --format --fields --wait
        case 'account login'
            printf '%s\n' --store --as --format --fields --wait
        case 'account passwd'
            printf '%s\n' --store --as --format --fields --wait
        case 'outbox list'
            printf '%s\n' --store --as --format --fields --wait --kind --to
        case 'outbox show'
            printf '%s\n' --store --as --format --fields --wait
        case 'contracts add'
            printf '%s\n' --store --as --format --fields --wait --worker --department --function --start --end --phase --pay-rate --bill-rate --hours-per-week --cao
        case 'contracts list'
            printf '%s\n' --store --as --format --fields --wait --client --worker --ending
        case 'contracts show'
            printf '%s\n' --store --as --format --fields --wait
        case 'contracts end'
            printf '%s\n' --store --as --format --fields --wait --date
        case 'documents list'
            printf '%s\n' --store --as --format --fields --wait --client --contract --kind --status
        case 'documents show'
            printf '%s\n' --store --as --format --fields --wait --output
        case 'documents add'
            printf '%s\n' --store --as --format --fields --wait --client --contract --kind --title
        case 'documents sign'
            printf '%s\n' --store --as --format --fields --wait --code
        case 'declarations open'
            printf '%s\n' --store --as --format --fields --wait --week --from --to
        case 'declarations enter'
            printf '%s\n' --store --as --format --fields --wait --type --km --expense
        case 'declarations import'
            printf '%s\n' --store --as --format --fields --wait
        case 'declarations submit'
            printf '%s\n' --store --as --format --fields --wait
        case 'declarations approve'
            printf '%s\n' --store --as --format --fields --wait --comment --client --department --worker --contract --week --from --to
        case 'declarations reject'
            printf '%s\n' --store --as --format --fields --wait --reason
        case 'declarations comment'
            printf '%s\n' --store --as --format --fields --wait
        case 'declarations close'
            printf '%s\n' --store --as --format --fields --wait --until
        case 'declarations list'
            printf '%s\n' --store --as --format --fields --wait --client --department --worker --contract --week --from --to --status
        case 'declarations show'
            printf '%s\n' --store --as --format --fields --wait
        case 'invoices generate'
            printf '%s\n' --store --as --format --fields --wait --client --until
        case 'invoices list'
            printf '%s\n' --store --as --format --fields --wait --client --from --to
        case 'invoices show'
            printf '%s\n' --store --as --format --fields --wait --output --profile
        case 'invoices credit'
            printf '%s\n' --store --as --format --fields --wait --reason
        case 'payroll run'
            printf '%s\n' --store --as --format --fields --wait --until
        case 'payroll list'
            printf '%s\n' --store --as --format --fields --wait --from --to
        case 'payroll show'
            printf '%s\n' --store --as --format --fields --wait
        case 'payroll slips'
            printf '%s\n' --store --as --format --fields --wait --worker --run
        case 'payroll margin'
            printf '%s\n' --store --as --format --fields --wait --from --to --client
        case 'notify'
            printf '%s\n' --store --as --format --fields --wait
        case 'mail ingest'
            printf '%s\n' --store --as --format --fields --wait --maildir
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
            printf '%s\n' --store --as --format --fields --wait --agency --sample --client --kvk --vat-id --email --street --postcode --city --country --g-account-percent --payment-days --name --cost-center --phone --iban --role --department --status --kind --to --worker --function --start --end --phase --pay-rate --bill-rate --hours-per-week --cao --ending --date --contract --output --title --code --week --from --type --km --expense --comment --reason --until --profile --run --maildir --record --actor --since
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
complete -c wt -l as -xa '(__wt_records users)' -d 'act as this portal user of a client, or this worker (else $WT_AS)'
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
complete -c wt -n '__wt_at ""' -a workers -d 'flex workers (medewerkers) and their accounts'
complete -c wt -n '__wt_at ""' -a users -d 'the clients\' portal users (gebruikers)'
complete -c wt -n '__wt_at ""' -a account -d 'a portal user\'s or worker\'s own account: activate, log in, change the password'
complete -c wt -n '__wt_at ""' -a outbox -d 'the mails and text messages wt sent'
complete -c wt -n '__wt_at ""' -a contracts -d 'placements of workers at a client\'s department (contracten)'
complete -c wt -n '__wt_at ""' -a documents -d 'documents clients approve or sign (documenten)'
complete -c wt -n '__wt_at ""' -a declarations -d 'weekly hour declarations (declaraties)'
complete -c wt -n '__wt_at ""' -a invoices -d 'invoices and credit notes from closed declarations (facturen)'
complete -c wt -n '__wt_at ""' -a payroll -d 'gross pay from closed declarations (verloning)'
complete -c wt -n '__wt_at ""' -a notify -d 'mail approvers what waits for them: the cron job'
complete -c wt -n '__wt_at ""' -a mail -d 'approvals by reply: the mail server pipes answers to digest links into wt'
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
complete -c wt -n '__wt_at workers' -a 'edit' -d 'change a worker\'s details (checked as add checks them)'
complete -c wt -n '__wt_at workers' -a 'list' -d 'list workers'
complete -c wt -n '__wt_at workers' -a 'show' -d 'show one worker'
complete -c wt -n '__wt_at workers' -a 'invite' -d 'create the worker\'s own account and mail its activation link'
complete -c wt -n '__wt_at workers' -a 'reinvite' -d 'mail a new activation link; every earlier link stops working'
complete -c wt -n '__wt_at workers' -a 'disable' -d 'disable a worker\'s account: they can no longer log in or act'
complete -c wt -n '__wt_at workers' -a 'enable' -d 'enable a disabled worker\'s account again'
complete -c wt -n '__wt_at workers' -a 'unlock' -d 'lift a lock after failed logins, and reset the failure count'
complete -c wt -n '__wt_in "workers add"' -l email -x -d 'where rejections and reminders go, and the login of the worker\'s account'
complete -c wt -n '__wt_in "workers add"' -l phone -x -d 'mobile number'
complete -c wt -n '__wt_in "workers add"' -l iban -x -d 'bank account for wages (checked with mod 97)'
complete -c wt -n '__wt_in "workers add"' -l fields -xa '(__wt_list id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "workers edit"' -l name -x -d 'the worker\'s full name'
complete -c wt -n '__wt_in "workers edit"' -l email -x -d 'where rejections and reminders go, and the login of the worker\'s account'
complete -c wt -n '__wt_in "workers edit"' -l phone -x -d 'mobile number'
complete -c wt -n '__wt_in "workers edit"' -l iban -x -d 'bank account for wages (checked with mod 97)'
complete -c wt -n '__wt_in "workers edit"' -l fields -xa '(__wt_list id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "workers edit" 0' -xa '(__wt_records workers)'
complete -c wt -n '__wt_in "workers list"' -l fields -xa '(__wt_list id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "workers show"' -l fields -xa '(__wt_list id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt phase)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "workers show" 0' -xa '(__wt_records workers)'
complete -c wt -n '__wt_in "workers invite"' -l fields -xa '(__wt_list id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt activationLink activationMessage)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "workers invite" 0' -xa '(__wt_records workers)'
complete -c wt -n '__wt_in "workers reinvite"' -l fields -xa '(__wt_list id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt activationLink activationMessage)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "workers reinvite" 0' -xa '(__wt_records workers)'
complete -c wt -n '__wt_in "workers disable"' -l fields -xa '(__wt_list id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "workers disable" 0' -xa '(__wt_records workers)'
complete -c wt -n '__wt_in "workers enable"' -l fields -xa '(__wt_list id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "workers enable" 0' -xa '(__wt_records workers)'
complete -c wt -n '__wt_in "workers unlock"' -l fields -xa '(__wt_list id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "workers unlock" 0' -xa '(__wt_records workers)'

# wt users
complete -c wt -n '__wt_at users' -a 'invite' -d 'create a portal account and mail its activation link'
complete -c wt -n '__wt_at users' -a 'reinvite' -d 'mail a new activation link; every earlier link stops working'
complete -c wt -n '__wt_at users' -a 'list' -d 'list portal users'
complete -c wt -n '__wt_at users' -a 'show' -d 'show one portal user'
complete -c wt -n '__wt_at users' -a 'disable' -d 'disable an account: the user can no longer log in or act'
complete -c wt -n '__wt_at users' -a 'enable' -d 'enable a disabled account again'
complete -c wt -n '__wt_at users' -a 'unlock' -d 'lift a lock after failed logins, and reset the failure count'
complete -c wt -n '__wt_in "users invite"' -l client -xa '(__wt_records clients)' -d 'the client the user belongs to (required)'
complete -c wt -n '__wt_in "users invite"' -l name -x -d 'the user\'s full name, as the mail greets them (required)'
complete -c wt -n '__wt_in "users invite"' -l phone -x -d 'mobile number, for SMS signing codes'
complete -c wt -n '__wt_in "users invite"' -l role -xa '(__wt_list approver signer viewer)' -d 'approver, signer and/or viewer (default viewer: reads only)'
complete -c wt -n '__wt_in "users invite"' -l department -xa '(__wt_records departments list)' -d 'limit the user to these departments of the client (default: all)'
complete -c wt -n '__wt_in "users invite"' -l fields -xa '(__wt_list id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt activationLink activationMessage)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "users reinvite"' -l fields -xa '(__wt_list id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt activationLink activationMessage)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "users reinvite" 0' -xa '(__wt_records users)'
complete -c wt -n '__wt_in "users list"' -l client -xa '(__wt_records clients)' -d 'only this client\'s users'
complete -c wt -n '__wt_in "users list"' -l status -xa '(__wt_list invited active locked disabled)' -d 'only these statuses: invited, active, locked, disabled'
complete -c wt -n '__wt_in "users list"' -l fields -xa '(__wt_list id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "users show"' -l fields -xa '(__wt_list id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "users show" 0' -xa '(__wt_records users)'
complete -c wt -n '__wt_in "users disable"' -l fields -xa '(__wt_list id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "users disable" 0' -xa '(__wt_records users)'
complete -c wt -n '__wt_in "users enable"' -l fields -xa '(__wt_list id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "users enable" 0' -xa '(__wt_records users)'
complete -c wt -n '__wt_in "users unlock"' -l fields -xa '(__wt_list id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "users unlock" 0' -xa '(__wt_records users)'

# wt account
complete -c wt -n '__wt_at account' -a 'activate' -d 'choose the first password with the activation link, and activate'
complete -c wt -n '__wt_at account' -a 'login' -d 'check a password (0 right; 5 wrong, locked, disabled or expired)'
complete -c wt -n '__wt_at account' -a 'passwd' -d 'change a password: the old one, then the new one'
complete -c wt -n '__wt_in "account activate"' -l password-stdin -d 'read the password(s) from stdin, one per line, instead of asking (required without a terminal)'
complete -c wt -n '__wt_in "account activate"' -l fields -xa '(__wt_list id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "account login"' -l password-stdin -d 'read the password(s) from stdin, one per line, instead of asking (required without a terminal)'
complete -c wt -n '__wt_in "account login"' -l fields -xa '(__wt_list id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "account login" 0' -xa '(__wt_records users)'
complete -c wt -n '__wt_in "account passwd"' -l password-stdin -d 'read the password(s) from stdin, one per line, instead of asking (required without a terminal)'
complete -c wt -n '__wt_in "account passwd"' -l fields -xa '(__wt_list id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "account passwd" 0' -xa '(__wt_records users)'

# wt outbox
complete -c wt -n '__wt_at outbox' -a 'list' -d 'list the messages sent'
complete -c wt -n '__wt_at outbox' -a 'show' -d 'print one message as sent: RFC 5322 for mail, the text for SMS'
complete -c wt -n '__wt_in "outbox list"' -l kind -xa 'mail sms' -d 'only mail or only sms'
complete -c wt -n '__wt_in "outbox list"' -l to -x -d 'only messages to this e-mail address or phone number'
complete -c wt -n '__wt_in "outbox list"' -l fields -xa '(__wt_list id kind to subject createdAt topic transport)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "outbox show"' -l fields -xa '(__wt_list id kind to subject createdAt topic transport raw)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "outbox show" 0' -xa '(__wt_records messages)'

# wt contracts
complete -c wt -n '__wt_at contracts' -a 'add' -d 'place a worker at a department'
complete -c wt -n '__wt_at contracts' -a 'list' -d 'list contracts'
complete -c wt -n '__wt_at contracts' -a 'show' -d 'show one contract'
complete -c wt -n '__wt_at contracts' -a 'end' -d 'end a contract on a date (its last day)'
complete -c wt -n '__wt_in "contracts add"' -l worker -xa '(__wt_records workers)' -d 'the worker'
complete -c wt -n '__wt_in "contracts add"' -l department -xa '(__wt_records departments)' -d 'the client\'s department'
complete -c wt -n '__wt_in "contracts add"' -l function -x -d 'the job title'
complete -c wt -n '__wt_in "contracts add"' -l start -x -d 'first day (YYYY-MM-DD)'
complete -c wt -n '__wt_in "contracts add"' -l end -x -d 'last day (required for fixed-term phases B and 3)'
complete -c wt -n '__wt_in "contracts add"' -l phase -xa 'A B C 1-2 3 4' -d 'ABU A, B, C or NBBU 1-2, 3, 4'
complete -c wt -n '__wt_in "contracts add"' -l pay-rate -x -d 'hourly wage, e.g. 16.50'
complete -c wt -n '__wt_in "contracts add"' -l bill-rate -x -d 'hourly rate billed to the client, e.g. 29.95'
complete -c wt -n '__wt_in "contracts add"' -l hours-per-week -x -d 'contract hours per week (38, 37.5, 32:30)'
complete -c wt -n '__wt_in "contracts add"' -l cao -xa 'abu nbbu' -d 'abu or nbbu (checked against the phase)'
complete -c wt -n '__wt_in "contracts add"' -l fields -xa '(__wt_list id worker workerName department client function phase cao fixedTerm start end status payRate billRate minutesPerWeek documents createdAt endedAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "contracts list"' -l client -xa '(__wt_records clients)' -d 'only this client\'s contracts'
complete -c wt -n '__wt_in "contracts list"' -l worker -xa '(__wt_records workers)' -d 'only this worker\'s contracts'
complete -c wt -n '__wt_in "contracts list"' -l active -d 'only contracts that run today'
complete -c wt -n '__wt_in "contracts list"' -l ending -x -d 'only fixed-term contracts that end within DAYS days from today and have not ended (notice, aanzegging)'
complete -c wt -n '__wt_in "contracts list"' -l fields -xa '(__wt_list id worker workerName department client function phase cao fixedTerm start end status payRate billRate minutesPerWeek documents createdAt endedAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "contracts show"' -l fields -xa '(__wt_list id worker workerName department client function phase cao fixedTerm start end status payRate billRate minutesPerWeek documents createdAt endedAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "contracts show" 0' -xa '(__wt_records contracts)'
complete -c wt -n '__wt_in "contracts end"' -l date -x -d 'the last day the contract covers'
complete -c wt -n '__wt_in "contracts end"' -l fields -xa '(__wt_list id worker workerName department client function phase cao fixedTerm start end status payRate billRate minutesPerWeek documents createdAt endedAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "contracts end" 0' -xa '(__wt_records contracts)'

# wt documents
complete -c wt -n '__wt_at documents' -a 'list' -d 'list documents, client-level and contract-level'
complete -c wt -n '__wt_at documents' -a 'show' -d 'show a document, or write its file with --output'
complete -c wt -n '__wt_at documents' -a 'add' -d 'add another document, or a new file, for a client or contract'
complete -c wt -n '__wt_at documents' -a 'sign' -d 'approve with the read confirmation, or complete an SMS signature'
complete -c wt -n '__wt_in "documents list"' -l client -xa '(__wt_records clients)' -d 'only this client\'s documents'
complete -c wt -n '__wt_in "documents list"' -l contract -xa '(__wt_records contracts)' -d 'only this contract\'s documents'
complete -c wt -n '__wt_in "documents list"' -l kind -xa '(__wt_list assignment-confirmation arbo classification hire-agreement other)' -d 'only these kinds'
complete -c wt -n '__wt_in "documents list"' -l status -xa '(__wt_list pending awaiting-code approved)' -d 'only these statuses: pending, awaiting-code, approved'
complete -c wt -n '__wt_in "documents list"' -l fields -xa '(__wt_list id kind title status client contract sha256 size mediaType fileName requiresSMS signedBy signedAt method createdAt codeExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "documents show"' -l output -rF -d 'write the document\'s file here (- for stdout)'
complete -c wt -n '__wt_in "documents show"' -l fields -xa '(__wt_list id kind title status client contract sha256 size mediaType fileName requiresSMS signedBy signedAt method createdAt codeExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "documents show" 0' -xa '(__wt_records documents)'
complete -c wt -n '__wt_in "documents add"' -l client -xa '(__wt_records clients)' -d 'the client'
complete -c wt -n '__wt_in "documents add"' -l contract -xa '(__wt_records contracts)' -d 'the contract it belongs to, if any'
complete -c wt -n '__wt_in "documents add"' -l kind -xa 'assignment-confirmation arbo classification hire-agreement other' -d 'other, arbo, classification, ...'
complete -c wt -n '__wt_in "documents add"' -l title -x -d 'the title the client sees'
complete -c wt -n '__wt_in "documents add"' -l fields -xa '(__wt_list id kind title status client contract sha256 size mediaType fileName requiresSMS signedBy signedAt method createdAt codeExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "documents add" 0' -F
complete -c wt -n '__wt_in "documents sign"' -l read -d 'confirm: Ik heb dit document gelezen'
complete -c wt -n '__wt_in "documents sign"' -l code -x -d 'the 6-digit SMS code'
complete -c wt -n '__wt_in "documents sign"' -l fields -xa '(__wt_list id kind title status client contract sha256 size mediaType fileName requiresSMS signedBy signedAt method createdAt codeExpiresAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "documents sign" 0' -xa '(__wt_records documents)'

# wt declarations
complete -c wt -n '__wt_at declarations' -a 'open' -d 'open a report declaration for every contract active in a week (idempotent)'
complete -c wt -n '__wt_at declarations' -a 'enter' -d 'set the hours of days for an hour type (report or rejected only)'
complete -c wt -n '__wt_at declarations' -a 'import' -d 'import hours from CSV: contract,date,hours[,type] (all or nothing)'
complete -c wt -n '__wt_at declarations' -a 'submit' -d 'submit declarations: report or rejected → submitted'
complete -c wt -n '__wt_at declarations' -a 'approve' -d 'approve submitted declarations (all or none)'
complete -c wt -n '__wt_at declarations' -a 'reject' -d 'reject a submitted declaration with a reason (mailed to the worker)'
complete -c wt -n '__wt_at declarations' -a 'comment' -d 'add a comment to a declaration'
complete -c wt -n '__wt_at declarations' -a 'close' -d 'close approved declarations: the cron job (idempotent)'
complete -c wt -n '__wt_at declarations' -a 'list' -d 'list declarations'
complete -c wt -n '__wt_at declarations' -a 'show' -d 'show a declaration with its lines, totals, comments and history'
complete -c wt -n '__wt_in "declarations open"' -l week -x -d 'the ISO week, e.g. 2026-W49'
complete -c wt -n '__wt_in "declarations open"' -l from -x -d 'open a range of weeks: the first'
complete -c wt -n '__wt_in "declarations open"' -l to -x -d 'the last week of the range'
complete -c wt -n '__wt_in "declarations open"' -l fields -xa '(__wt_list id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "declarations enter"' -l type -xa '(__wt_records hour-types)' -d 'hour type (default normal; see config hours.types)'
complete -c wt -n '__wt_in "declarations enter"' -l km -x -d 'kilometres travelled this week'
complete -c wt -n '__wt_in "declarations enter"' -l expense -x -d 'an expense line; 0 removes it'
complete -c wt -n '__wt_in "declarations enter"' -l fields -xa '(__wt_list id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "declarations enter" 0' -xa '(__wt_records declarations)'
complete -c wt -n '__wt_in "declarations import"' -l fields -xa '(__wt_list id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "declarations import" 0' -F
complete -c wt -n '__wt_in "declarations submit"' -l fields -xa '(__wt_list id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "declarations submit" 0+' -xa '(__wt_records declarations)'
complete -c wt -n '__wt_in "declarations approve"' -l comment -x -d 'a comment kept with each approval'
complete -c wt -n '__wt_in "declarations approve"' -l all -d 'every submitted declaration that matches the filters'
complete -c wt -n '__wt_in "declarations approve"' -l client -xa '(__wt_records clients)' -d 'only this client\'s declarations'
complete -c wt -n '__wt_in "declarations approve"' -l department -xa '(__wt_records departments)' -d 'only this department\'s'
complete -c wt -n '__wt_in "declarations approve"' -l worker -xa '(__wt_records workers)' -d 'only this worker\'s'
complete -c wt -n '__wt_in "declarations approve"' -l contract -xa '(__wt_records contracts)' -d 'only this contract\'s'
complete -c wt -n '__wt_in "declarations approve"' -l week -x -d 'only this ISO week (2026-W48)'
complete -c wt -n '__wt_in "declarations approve"' -l from -x -d 'from this ISO week on'
complete -c wt -n '__wt_in "declarations approve"' -l to -x -d 'up to and including this ISO week'
complete -c wt -n '__wt_in "declarations approve"' -l fields -xa '(__wt_list id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "declarations approve" 0+' -xa '(__wt_records declarations)'
complete -c wt -n '__wt_in "declarations reject"' -l reason -x -d 'what must be corrected (required)'
complete -c wt -n '__wt_in "declarations reject"' -l fields -xa '(__wt_list id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "declarations reject" 0' -xa '(__wt_records declarations)'
complete -c wt -n '__wt_in "declarations comment"' -l fields -xa '(__wt_list id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "declarations comment" 0' -xa '(__wt_records declarations)'
complete -c wt -n '__wt_in "declarations close"' -l all-approved -d 'every approved declaration'
complete -c wt -n '__wt_in "declarations close"' -l until -x -d 'with --all-approved: only weeks up to this one'
complete -c wt -n '__wt_in "declarations close"' -l fields -xa '(__wt_list id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "declarations close" 0+' -xa '(__wt_records declarations)'
complete -c wt -n '__wt_in "declarations list"' -l client -xa '(__wt_records clients)' -d 'only this client\'s declarations'
complete -c wt -n '__wt_in "declarations list"' -l department -xa '(__wt_records departments)' -d 'only this department\'s'
complete -c wt -n '__wt_in "declarations list"' -l worker -xa '(__wt_records workers)' -d 'only this worker\'s'
complete -c wt -n '__wt_in "declarations list"' -l contract -xa '(__wt_records contracts)' -d 'only this contract\'s'
complete -c wt -n '__wt_in "declarations list"' -l week -x -d 'only this ISO week (2026-W48)'
complete -c wt -n '__wt_in "declarations list"' -l from -x -d 'from this ISO week on'
complete -c wt -n '__wt_in "declarations list"' -l to -x -d 'up to and including this ISO week'
complete -c wt -n '__wt_in "declarations list"' -l status -xa '(__wt_list report submitted approved rejected closed)' -d 'only these statuses: report, submitted, approved, rejected, closed'
complete -c wt -n '__wt_in "declarations list"' -l warnings -d 'only declarations with a working-time warning (day-over-max, week-over-max, avg16-over-max)'
complete -c wt -n '__wt_in "declarations list"' -l fields -xa '(__wt_list id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "declarations show"' -l fields -xa '(__wt_list id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "declarations show" 0' -xa '(__wt_records declarations)'

# wt invoices
complete -c wt -n '__wt_at invoices' -a 'generate' -d 'invoice every closed, not yet invoiced declaration (idempotent)'
complete -c wt -n '__wt_at invoices' -a 'list' -d 'list invoices and credit notes'
complete -c wt -n '__wt_at invoices' -a 'show' -d 'show an invoice: table, json, text, ubl (Peppol BIS 3.0 or NLCIUS) or pdf'
complete -c wt -n '__wt_at invoices' -a 'credit' -d 'a credit note that reverses an invoice and frees its declarations'
complete -c wt -n '__wt_in "invoices generate"' -l client -xa '(__wt_records clients)' -d 'only this client'
complete -c wt -n '__wt_in "invoices generate"' -l until -x -d 'only declarations up to this ISO week'
complete -c wt -n '__wt_in "invoices generate"' -l fields -xa '(__wt_list number kind client date dueDate subtotal vat total gAccountAmount creditOf creditOfDate reason buyerReference period gAccountPercent clientParty agencyParty lines vatBreakdown declarations createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "invoices list"' -l client -xa '(__wt_records clients)' -d 'only this client\'s'
complete -c wt -n '__wt_in "invoices list"' -l from -x -d 'dated on or after (YYYY-MM-DD)'
complete -c wt -n '__wt_in "invoices list"' -l to -x -d 'dated on or before'
complete -c wt -n '__wt_in "invoices list"' -l fields -xa '(__wt_list number kind client date dueDate subtotal vat total gAccountAmount creditOf creditOfDate reason buyerReference period gAccountPercent clientParty agencyParty lines vatBreakdown declarations createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "invoices show"' -l output -rF -d 'write it to this file'
complete -c wt -n '__wt_in "invoices show"' -l profile -xa 'peppol nlcius' -d 'with --format ubl: peppol (default, Peppol BIS Billing 3.0) or nlcius (SI-UBL 2.0, with the G-account extension when the invoice has a G-account share)'
complete -c wt -n '__wt_in "invoices show"' -l format -xa 'table json jsonl csv tsv text ubl pdf' -d 'output format: table, json, jsonl, csv or tsv'
complete -c wt -n '__wt_in "invoices show"' -l fields -xa '(__wt_list number kind client date dueDate subtotal vat total gAccountAmount creditOf creditOfDate reason buyerReference period gAccountPercent clientParty agencyParty lines vatBreakdown declarations createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "invoices show" 0' -xa '(__wt_records invoices)'
complete -c wt -n '__wt_in "invoices credit"' -l reason -x -d 'why (required; kept with the credit note and the declarations)'
complete -c wt -n '__wt_in "invoices credit"' -l fields -xa '(__wt_list number kind client date dueDate subtotal vat total gAccountAmount creditOf creditOfDate reason buyerReference period gAccountPercent clientParty agencyParty lines vatBreakdown declarations createdAt)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "invoices credit" 0' -xa '(__wt_records invoices)'

# wt payroll
complete -c wt -n '__wt_at payroll' -a 'run' -d 'pay every closed, not yet paid declaration: one numbered run (idempotent)'
complete -c wt -n '__wt_at payroll' -a 'list' -d 'list payroll runs'
complete -c wt -n '__wt_at payroll' -a 'show' -d 'show a run; --format csv is the import file for a payroll system'
complete -c wt -n '__wt_at payroll' -a 'slips' -d 'the paid lines per worker, of every run or of one'
complete -c wt -n '__wt_at payroll' -a 'margin' -d 'per client: invoiced (excl. VAT), paid, margin and margin %'
complete -c wt -n '__wt_in "payroll run"' -l until -x -d 'only declarations up to this ISO week'
complete -c wt -n '__wt_in "payroll run"' -l fields -xa '(__wt_list number date total createdAt lines declarations)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "payroll list"' -l from -x -d 'made on or after (YYYY-MM-DD)'
complete -c wt -n '__wt_in "payroll list"' -l to -x -d 'made on or before'
complete -c wt -n '__wt_in "payroll list"' -l fields -xa '(__wt_list number date workers declarations lines total)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "payroll show"' -l fields -xa '(__wt_list number date total createdAt lines declarations)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "payroll show" 0' -xa '(__wt_records payroll)'
complete -c wt -n '__wt_in "payroll slips"' -l worker -xa '(__wt_records workers)' -d 'only this worker\'s'
complete -c wt -n '__wt_in "payroll slips"' -l run -xa '(__wt_records payroll)' -d 'only this run\'s'
complete -c wt -n '__wt_in "payroll slips"' -l fields -xa '(__wt_list run worker workerName iban week contract kind type minutes rate percentage amount declaration component km)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "payroll margin"' -l from -x -d 'declarations from this ISO week on'
complete -c wt -n '__wt_in "payroll margin"' -l to -x -d 'up to and including this ISO week'
complete -c wt -n '__wt_in "payroll margin"' -l client -xa '(__wt_records clients)' -d 'only this client'
complete -c wt -n '__wt_in "payroll margin"' -l fields -xa '(__wt_list client declarations invoiced paid margin marginPercent)' -d 'select and order the fields to print, e.g. id,status'

# wt notify
complete -c wt -n '__wt_in "notify"' -l fields -xa '(__wt_list kind to name subject declarations contracts)' -d 'select and order the fields to print, e.g. id,status'

# wt mail
complete -c wt -n '__wt_at mail' -a 'ingest' -d 'process an answer to a digest link (a file, stdin, or a Maildir\'s new messages)'
complete -c wt -n '__wt_in "mail ingest"' -l maildir -xa '(__fish_complete_directories)' -d 'process every message in DIR/new, moving each to DIR/cur'
complete -c wt -n '__wt_in "mail ingest"' -l fields -xa '(__wt_list messageId outcome declaration action from detail answered file)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "mail ingest" 0' -F

# wt config
complete -c wt -n '__wt_at config' -a 'list' -d 'list every setting with its value and default'
complete -c wt -n '__wt_at config' -a 'get' -d 'print one setting\'s value'
complete -c wt -n '__wt_at config' -a 'set' -d 'change one setting'
complete -c wt -n '__wt_in "config list"' -l fields -xa '(__wt_list key value default set type description)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_in "config get"' -l fields -xa '(__wt_list key value default set type description)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "config get" 0' -xa 'agency.name agency.street agency.postcode agency.city agency.country agency.kvk agency.vatId agency.iban agency.gAccountIban agency.email portal.url activation.validDays password.minLength password.requireLetter password.requireDigit password.requireSpecial password.history password.maxAgeDays login.maxFailures login.lockMinutes sms.validMinutes sms.maxAttempts sms.transport sms.command notify.intervalHours notify.remindWorkers mail.transport mail.sendmailPath mail.replyAddress mail.approvalValidDays mail.requireAuthentication mail.authservId invoice.prefix invoice.paymentDays vat.rate hours.types payroll.prefix payroll.kmRate payroll.types phase.weeksA phase.resetWeeks contracts.noticeDays worktime.maxDay worktime.maxWeek worktime.avg16Week worktime.strict'
complete -c wt -n '__wt_in "config set"' -l fields -xa '(__wt_list key value default set type description)' -d 'select and order the fields to print, e.g. id,status'
complete -c wt -n '__wt_arg "config set" 0' -xa 'agency.name agency.street agency.postcode agency.city agency.country agency.kvk agency.vatId agency.iban agency.gAccountIban agency.email portal.url activation.validDays password.minLength password.requireLetter password.requireDigit password.requireSpecial password.history password.maxAgeDays login.maxFailures login.lockMinutes sms.validMinutes sms.maxAttempts sms.transport sms.command notify.intervalHours notify.remindWorkers mail.transport mail.sendmailPath mail.replyAddress mail.approvalValidDays mail.requireAuthentication mail.authservId invoice.prefix invoice.paymentDays vat.rate hours.types payroll.prefix payroll.kmRate payroll.types phase.weeksA phase.resetWeeks contracts.noticeDays worktime.maxDay worktime.maxWeek worktime.avg16Week worktime.strict'

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
complete -c wt -n '__wt_arg help 0' -a workers -d 'flex workers (medewerkers) and their accounts'
complete -c wt -n '__wt_arg help 0' -a users -d 'the clients\' portal users (gebruikers)'
complete -c wt -n '__wt_arg help 0' -a account -d 'a portal user\'s or worker\'s own account: activate, log in, change the password'
complete -c wt -n '__wt_arg help 0' -a outbox -d 'the mails and text messages wt sent'
complete -c wt -n '__wt_arg help 0' -a contracts -d 'placements of workers at a client\'s department (contracten)'
complete -c wt -n '__wt_arg help 0' -a documents -d 'documents clients approve or sign (documenten)'
complete -c wt -n '__wt_arg help 0' -a declarations -d 'weekly hour declarations (declaraties)'
complete -c wt -n '__wt_arg help 0' -a invoices -d 'invoices and credit notes from closed declarations (facturen)'
complete -c wt -n '__wt_arg help 0' -a payroll -d 'gross pay from closed declarations (verloning)'
complete -c wt -n '__wt_arg help 0' -a notify -d 'mail approvers what waits for them: the cron job'
complete -c wt -n '__wt_arg help 0' -a mail -d 'approvals by reply: the mail server pipes answers to digest links into wt'
complete -c wt -n '__wt_arg help 0' -a config -d 'the agency\'s settings'
complete -c wt -n '__wt_arg help 0' -a store -d 'check and back up the store'
complete -c wt -n '__wt_arg help 0' -a audit -d 'the audit trail: who did what, when, to which record'
complete -c wt -n '__wt_arg help 0' -a help -d 'explain a command'
complete -c wt -n '__wt_arg help 0' -a completions -d 'shell completion scripts for bash, zsh and fish'
complete -c wt -n '__wt_arg help 1' -a '(__wt_verbs $__wt_pos[1])'
