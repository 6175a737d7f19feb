# bash completion for wt, the back office of WerkTalent.
# Generated from wt's command table by `wt completions bash` (`make docs`); do not edit.
# Install as share/bash-completion/completions/wt, or run: source <(wt completions bash)

_wt_nouns='init status clients departments workers users account outbox contracts documents declarations invoices payroll notify mail config store audit help completions'
_wt_gopts='--store --as --format --json --fields --no-header --quiet --yes --dry-run --wait --help --version'
# Every option that takes a value, of any command: skipped to find the noun and verb, as wt does.
_wt_vopts='--store --as --format --fields --wait --agency --sample --client --kvk --vat-id --email --street --postcode --city --country --g-account-percent --payment-days --name --cost-center --phone --iban --role --department --status --kind --to --worker --function --start --end --phase --pay-rate --bill-rate --hours-per-week --cao --ending --date --contract --output --title --code --week --from --type --km --expense --comment --reason --until --profile --run --maildir --record --actor --since'

# The verbs of a noun; none for a noun that is itself the command.
_wt_verbs() {
    case $1 in
        clients) verbs='add edit list show' ;;
        departments) verbs='add list show' ;;
        workers) verbs='add edit list show invite reinvite disable enable unlock' ;;
        users) verbs='invite reinvite list show disable enable unlock' ;;
        account) verbs='activate login passwd' ;;
        outbox) verbs='list show' ;;
        contracts) verbs='add list show end' ;;
        documents) verbs='list show add sign' ;;
        declarations) verbs='open enter import submit approve reject comment close list show' ;;
        invoices) verbs='generate list show credit' ;;
        payroll) verbs='run list show slips margin' ;;
        mail) verbs='ingest' ;;
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
        'workers edit')
            opts='--name --email --phone --iban'
            vopts='--store --as --format --fields --wait --name --email --phone --iban'
            nargs=1 variadic='' ;;
        'workers list')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=0 variadic='' ;;
        'workers show')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'workers invite')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'workers reinvite')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'workers disable')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'workers enable')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'workers unlock')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'users invite')
            opts='--client --name --phone --role --department'
            vopts='--store --as --format --fields --wait --client --name --phone --role --department'
            nargs=1 variadic='' ;;
        'users reinvite')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'users list')
            opts='--client --status'
            vopts='--store --as --format --fields --wait --client --status'
            nargs=0 variadic='' ;;
        'users show')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'users disable')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'users enable')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'users unlock')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'account activate')
            opts='--password-stdin'
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'account login')
            opts='--password-stdin'
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'account passwd')
            opts='--password-stdin'
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'outbox list')
            opts='--kind --to'
            vopts='--store --as --format --fields --wait --kind --to'
            nargs=0 variadic='' ;;
        'outbox show')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'contracts add')
            opts='--worker --department --function --start --end --phase --pay-rate --bill-rate --hours-per-week --cao'
            vopts='--store --as --format --fields --wait --worker --department --function --start --end --phase --pay-rate --bill-rate --hours-per-week --cao'
            nargs=0 variadic='' ;;
        'contracts list')
            opts='--client --worker --active --ending'
            vopts='--store --as --format --fields --wait --client --worker --ending'
            nargs=0 variadic='' ;;
        'contracts show')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'contracts end')
            opts='--date'
            vopts='--store --as --format --fields --wait --date'
            nargs=1 variadic='' ;;
        'documents list')
            opts='--client --contract --kind --status'
            vopts='--store --as --format --fields --wait --client --contract --kind --status'
            nargs=0 variadic='' ;;
        'documents show')
            opts='--output'
            vopts='--store --as --format --fields --wait --output'
            nargs=1 variadic='' ;;
        'documents add')
            opts='--client --contract --kind --title'
            vopts='--store --as --format --fields --wait --client --contract --kind --title'
            nargs=1 variadic='' ;;
        'documents sign')
            opts='--read --code'
            vopts='--store --as --format --fields --wait --code'
            nargs=1 variadic='' ;;
        'declarations open')
            opts='--week --from --to'
            vopts='--store --as --format --fields --wait --week --from --to'
            nargs=0 variadic='' ;;
        'declarations enter')
            opts='--type --km --expense'
            vopts='--store --as --format --fields --wait --type --km --expense'
            nargs=2 variadic=1 ;;
        'declarations import')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'declarations submit')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic=1 ;;
        'declarations approve')
            opts='--comment --all --client --department --worker --contract --week --from --to'
            vopts='--store --as --format --fields --wait --comment --client --department --worker --contract --week --from --to'
            nargs=1 variadic=1 ;;
        'declarations reject')
            opts='--reason'
            vopts='--store --as --format --fields --wait --reason'
            nargs=1 variadic='' ;;
        'declarations comment')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=2 variadic='' ;;
        'declarations close')
            opts='--all-approved --until'
            vopts='--store --as --format --fields --wait --until'
            nargs=1 variadic=1 ;;
        'declarations list')
            opts='--client --department --worker --contract --week --from --to --status --warnings'
            vopts='--store --as --format --fields --wait --client --department --worker --contract --week --from --to --status'
            nargs=0 variadic='' ;;
        'declarations show')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'invoices generate')
            opts='--client --until'
            vopts='--store --as --format --fields --wait --client --until'
            nargs=0 variadic='' ;;
        'invoices list')
            opts='--client --from --to'
            vopts='--store --as --format --fields --wait --client --from --to'
            nargs=0 variadic='' ;;
        'invoices show')
            opts='--output --profile'
            vopts='--store --as --format --fields --wait --output --profile'
            nargs=1 variadic='' ;;
        'invoices credit')
            opts='--reason'
            vopts='--store --as --format --fields --wait --reason'
            nargs=1 variadic='' ;;
        'payroll run')
            opts='--until'
            vopts='--store --as --format --fields --wait --until'
            nargs=0 variadic='' ;;
        'payroll list')
            opts='--from --to'
            vopts='--store --as --format --fields --wait --from --to'
            nargs=0 variadic='' ;;
        'payroll show')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=1 variadic='' ;;
        'payroll slips')
            opts='--worker --run'
            vopts='--store --as --format --fields --wait --worker --run'
            nargs=0 variadic='' ;;
        'payroll margin')
            opts='--from --to --client'
            vopts='--store --as --format --fields --wait --from --to --client'
            nargs=0 variadic='' ;;
        'notify')
            opts=''
            vopts='--store --as --format --fields --wait'
            nargs=0 variadic='' ;;
        'mail ingest')
            opts='--maildir'
            vopts='--store --as --format --fields --wait --maildir'
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
        'workers add --fields') _wt_words 'id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'workers edit --fields') _wt_words 'id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'workers list --fields') _wt_words 'id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'workers show --fields') _wt_words 'id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt phase' list ;;
        'workers invite --fields') _wt_words 'id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt activationLink activationMessage' list ;;
        'workers reinvite --fields') _wt_words 'id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt activationLink activationMessage' list ;;
        'workers disable --fields') _wt_words 'id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'workers enable --fields') _wt_words 'id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'workers unlock --fields') _wt_words 'id name email phone iban createdAt account activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'users invite --client') _wt_records 'clients' ;;
        'users invite --role') _wt_words 'approver signer viewer' list ;;
        'users invite --department') _wt_records 'departments' list ;;
        'users invite --fields') _wt_words 'id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt activationLink activationMessage' list ;;
        'users reinvite --fields') _wt_words 'id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt activationLink activationMessage' list ;;
        'users list --client') _wt_records 'clients' ;;
        'users list --status') _wt_words 'invited active locked disabled' list ;;
        'users list --fields') _wt_words 'id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'users show --fields') _wt_words 'id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'users disable --fields') _wt_words 'id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'users enable --fields') _wt_words 'id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'users unlock --fields') _wt_words 'id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'account activate --fields') _wt_words 'id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'account login --fields') _wt_words 'id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'account passwd --fields') _wt_words 'id email name client roles departments status phone createdAt activatedAt lastLoginAt lockedUntil activationExpiresAt' list ;;
        'outbox list --kind') _wt_words 'mail sms' ;;
        'outbox list --fields') _wt_words 'id kind to subject createdAt topic transport' list ;;
        'outbox show --fields') _wt_words 'id kind to subject createdAt topic transport raw' list ;;
        'contracts add --worker') _wt_records 'workers' ;;
        'contracts add --department') _wt_records 'departments' ;;
        'contracts add --phase') _wt_words 'A B C 1-2 3 4' ;;
        'contracts add --cao') _wt_words 'abu nbbu' ;;
        'contracts add --fields') _wt_words 'id worker workerName department client function phase cao fixedTerm start end status payRate billRate minutesPerWeek documents createdAt endedAt' list ;;
        'contracts list --client') _wt_records 'clients' ;;
        'contracts list --worker') _wt_records 'workers' ;;
        'contracts list --fields') _wt_words 'id worker workerName department client function phase cao fixedTerm start end status payRate billRate minutesPerWeek documents createdAt endedAt' list ;;
        'contracts show --fields') _wt_words 'id worker workerName department client function phase cao fixedTerm start end status payRate billRate minutesPerWeek documents createdAt endedAt' list ;;
        'contracts end --fields') _wt_words 'id worker workerName department client function phase cao fixedTerm start end status payRate billRate minutesPerWeek documents createdAt endedAt' list ;;
        'documents list --client') _wt_records 'clients' ;;
        'documents list --contract') _wt_records 'contracts' ;;
        'documents list --kind') _wt_words 'assignment-confirmation arbo classification hire-agreement other' list ;;
        'documents list --status') _wt_words 'pending awaiting-code approved' list ;;
        'documents list --fields') _wt_words 'id kind title status client contract sha256 size mediaType fileName requiresSMS signedBy signedAt method createdAt codeExpiresAt' list ;;
        'documents show --output') _wt_files ;;
        'documents show --fields') _wt_words 'id kind title status client contract sha256 size mediaType fileName requiresSMS signedBy signedAt method createdAt codeExpiresAt' list ;;
        'documents add --client') _wt_records 'clients' ;;
        'documents add --contract') _wt_records 'contracts' ;;
        'documents add --kind') _wt_words 'assignment-confirmation arbo classification hire-agreement other' ;;
        'documents add --fields') _wt_words 'id kind title status client contract sha256 size mediaType fileName requiresSMS signedBy signedAt method createdAt codeExpiresAt' list ;;
        'documents sign --fields') _wt_words 'id kind title status client contract sha256 size mediaType fileName requiresSMS signedBy signedAt method createdAt codeExpiresAt' list ;;
        'declarations open --fields') _wt_words 'id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings' list ;;
        'declarations enter --type') _wt_records 'hour-types' ;;
        'declarations enter --fields') _wt_words 'id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings' list ;;
        'declarations import --fields') _wt_words 'id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings' list ;;
        'declarations submit --fields') _wt_words 'id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings' list ;;
        'declarations approve --client') _wt_records 'clients' ;;
        'declarations approve --department') _wt_records 'departments' ;;
        'declarations approve --worker') _wt_records 'workers' ;;
        'declarations approve --contract') _wt_records 'contracts' ;;
        'declarations approve --fields') _wt_words 'id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings' list ;;
        'declarations reject --fields') _wt_words 'id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings' list ;;
        'declarations comment --fields') _wt_words 'id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings' list ;;
        'declarations close --fields') _wt_words 'id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings' list ;;
        'declarations list --client') _wt_records 'clients' ;;
        'declarations list --department') _wt_records 'departments' ;;
        'declarations list --worker') _wt_records 'workers' ;;
        'declarations list --contract') _wt_records 'contracts' ;;
        'declarations list --status') _wt_words 'report submitted approved rejected closed' list ;;
        'declarations list --fields') _wt_words 'id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings' list ;;
        'declarations show --fields') _wt_words 'id week contract worker workerName client department status minutes km invoice payroll lines expenses comments history warnings' list ;;
        'invoices generate --client') _wt_records 'clients' ;;
        'invoices generate --fields') _wt_words 'number kind client date dueDate subtotal vat total gAccountAmount creditOf creditOfDate reason buyerReference period gAccountPercent clientParty agencyParty lines vatBreakdown declarations createdAt' list ;;
        'invoices list --client') _wt_records 'clients' ;;
        'invoices list --fields') _wt_words 'number kind client date dueDate subtotal vat total gAccountAmount creditOf creditOfDate reason buyerReference period gAccountPercent clientParty agencyParty lines vatBreakdown declarations createdAt' list ;;
        'invoices show --output') _wt_files ;;
        'invoices show --profile') _wt_words 'peppol nlcius' ;;
        'invoices show --format') _wt_words 'table json jsonl csv tsv text ubl pdf' ;;
        'invoices show --fields') _wt_words 'number kind client date dueDate subtotal vat total gAccountAmount creditOf creditOfDate reason buyerReference period gAccountPercent clientParty agencyParty lines vatBreakdown declarations createdAt' list ;;
        'invoices credit --fields') _wt_words 'number kind client date dueDate subtotal vat total gAccountAmount creditOf creditOfDate reason buyerReference period gAccountPercent clientParty agencyParty lines vatBreakdown declarations createdAt' list ;;
        'payroll run --fields') _wt_words 'number date total createdAt lines declarations' list ;;
        'payroll list --fields') _wt_words 'number date workers declarations lines total' list ;;
        'payroll show --fields') _wt_words 'number date total createdAt lines declarations' list ;;
        'payroll slips --worker') _wt_records 'workers' ;;
        'payroll slips --run') _wt_records 'payroll' ;;
        'payroll slips --fields') _wt_words 'run worker workerName iban week contract kind type minutes rate percentage amount declaration component km' list ;;
        'payroll margin --client') _wt_records 'clients' ;;
        'payroll margin --fields') _wt_words 'client declarations invoiced paid margin marginPercent' list ;;
        'notify --fields') _wt_words 'kind to name subject declarations contracts' list ;;
        'mail ingest --maildir') _wt_dirs ;;
        'mail ingest --fields') _wt_words 'messageId outcome declaration action from detail answered file' list ;;
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
        'workers edit 0') _wt_records 'workers' ;;
        'workers show 0') _wt_records 'workers' ;;
        'workers invite 0') _wt_records 'workers' ;;
        'workers reinvite 0') _wt_records 'workers' ;;
        'workers disable 0') _wt_records 'workers' ;;
        'workers enable 0') _wt_records 'workers' ;;
        'workers unlock 0') _wt_records 'workers' ;;
        'users reinvite 0') _wt_records 'users' ;;
        'users show 0') _wt_records 'users' ;;
        'users disable 0') _wt_records 'users' ;;
        'users enable 0') _wt_records 'users' ;;
        'users unlock 0') _wt_records 'users' ;;
        'account login 0') _wt_records 'users' ;;
        'account passwd 0') _wt_records 'users' ;;
        'outbox show 0') _wt_records 'messages' ;;
        'contracts show 0') _wt_records 'contracts' ;;
        'contracts end 0') _wt_records 'contracts' ;;
        'documents show 0') _wt_records 'documents' ;;
        'documents add 0') _wt_files ;;
        'documents sign 0') _wt_records 'documents' ;;
        'declarations enter 0') _wt_records 'declarations' ;;
        'declarations import 0') _wt_files ;;
        'declarations submit 0') _wt_records 'declarations' ;;
        'declarations approve 0') _wt_records 'declarations' ;;
        'declarations reject 0') _wt_records 'declarations' ;;
        'declarations comment 0') _wt_records 'declarations' ;;
        'declarations close 0') _wt_records 'declarations' ;;
        'declarations show 0') _wt_records 'declarations' ;;
        'invoices show 0') _wt_records 'invoices' ;;
        'invoices credit 0') _wt_records 'invoices' ;;
        'payroll show 0') _wt_records 'payroll' ;;
        'mail ingest 0') _wt_files ;;
        'config get 0') _wt_words 'agency.name agency.street agency.postcode agency.city agency.country agency.kvk agency.vatId agency.iban agency.gAccountIban agency.email portal.url activation.validDays password.minLength password.requireLetter password.requireDigit password.requireSpecial password.history password.maxAgeDays login.maxFailures login.lockMinutes sms.validMinutes sms.maxAttempts sms.transport sms.command notify.intervalHours notify.remindWorkers mail.transport mail.sendmailPath mail.replyAddress mail.approvalValidDays mail.requireAuthentication mail.authservId invoice.prefix invoice.paymentDays vat.rate hours.types payroll.prefix payroll.kmRate payroll.types phase.weeksA phase.resetWeeks contracts.noticeDays worktime.maxDay worktime.maxWeek worktime.avg16Week worktime.strict' ;;
        'config set 0') _wt_words 'agency.name agency.street agency.postcode agency.city agency.country agency.kvk agency.vatId agency.iban agency.gAccountIban agency.email portal.url activation.validDays password.minLength password.requireLetter password.requireDigit password.requireSpecial password.history password.maxAgeDays login.maxFailures login.lockMinutes sms.validMinutes sms.maxAttempts sms.transport sms.command notify.intervalHours notify.remindWorkers mail.transport mail.sendmailPath mail.replyAddress mail.approvalValidDays mail.requireAuthentication mail.authservId invoice.prefix invoice.paymentDays vat.rate hours.types payroll.prefix payroll.kmRate payroll.types phase.weeksA phase.resetWeeks contracts.noticeDays worktime.maxDay worktime.maxWeek worktime.avg16Week worktime.strict' ;;
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
