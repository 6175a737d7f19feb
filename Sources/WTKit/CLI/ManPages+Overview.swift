// wt(1): the overview page of the whole tool.
extension ManPages {
    // MARK: wt(1)

    static func overview(_ table: [NounSpec]) -> String {
        let nouns = Completions.visible(table)
        var s = head("wt", 1, name: "wt", description: "the back office of WerkTalent: clients, portal users, contracts, documents, hours and invoices")
        s += """
            .Sh SYNOPSIS
            .Nm
            .Op Ar global-options
            .Ar command
            .Op Ar verb
            .Op Ar arguments
            .Op Ar options
            .Nm
            .Cm help
            .Op Ar command Op Ar verb
            .Nm
            .Ar command
            .Fl -help
            .Nm
            .Fl -version
            .Sh DESCRIPTION
            .Nm
            runs the workflow of WerkTalent's client portal (HelloFlex) from the command line:
            clients and their departments, flex workers, portal accounts, contracts and the
            documents clients sign, weekly hour declarations, invoices and the mails that
            tell people what waits for them.
            People run it in a shell, cron runs it unattended, and its output pipes into
            .Xr jq 1 ,
            .Xr awk 1
            and spreadsheets.
            .Pp
            A command is a noun and, for most nouns, a verb:
            .Ql wt clients add NAME .
            Each has its own page:

            """
        s += ".Bl -tag -width Ds\n"
        for (n, _) in nouns { s += ".It Xr wt-\(n.name) 1\n" + text(sentence(n.summary)) }
        s += ".El\n"
        s += """
            .Pp
            Options may stand anywhere after
            .Nm ;
            .Fl -opt Ns = Ns Ar value
            and
            .Fl -opt Ar value
            both work, and
            .Fl -
            ends the options.
            An unknown command or option is a usage error that names the nearest valid
            spelling.
            Where a verb takes ids,
            .Ql -
            reads them from standard input, one per line.
            Users are also addressed by e-mail address, invoices by invoice number.
            .Pp
            Back-office staff act as themselves, recorded as
            .Li backoffice:$USER .
            .Fl -as Ar EMAIL
            acts as a portal user of a client: the command then only sees and touches
            that client's records, and only does what the user's roles allow
            .Po
            .Cm approver
            for declarations,
            .Cm signer
            for documents,
            .Cm viewer
            to read
            .Pc .
            .Fl -as
            the e-mail address of a worker with an account acts as that worker, who
            sees only their own contracts, declarations and payroll slips and may
            enter, import, submit and comment on their own declarations; anything
            else is refused
            with exit status 5.
            A disabled, locked or not yet activated account cannot act.
            .Pp
            A change prints what it did;
            .Fl -dry-run
            prints what would change and changes nothing.
            A destructive verb asks for confirmation on a terminal and requires
            .Fl -yes
            without one.
            Every change is all or nothing, also when the process is killed half-way,
            and is written to the audit trail.
            .Pp
            Timestamps in JSON are ISO 8601 in UTC, dates
            .Li YYYY-MM-DD ,
            weeks ISO 8601
            .Pq Li 2026-W48 ;
            tables show Europe/Amsterdam time.
            Money is exact: JSON gives it as a string with two decimals, in euro.
            Hours are kept as whole minutes; input accepts
            .Li 7.5 ,
            .Li 7,5
            and
            .Li 7:30 .
            .Sh GLOBAL OPTIONS

            """
        s += optionList(GlobalOptionSpecs.all)
        s += """
            .Sh OUTPUT FORMATS
            Data goes to standard output, messages and errors to standard error.
            .Fl -format
            chooses how records print:
            .Bl -tag -width Ds
            .It Cm table
            The default: aligned columns under a header, Dutch labels for statuses
            (Rapporteer, Ingediend, ...), local times.
            Colour only when standard output is a terminal and
            .Ev NO_COLOR
            is unset.
            .It Cm json
            One JSON document: an array for a list.
            Keys are sorted and never renamed; new fields are only added.
            .It Cm jsonl
            One JSON object per line.
            .It Cm csv
            A header line and rows, quoted as RFC 4180 says.
            .It Cm tsv
            A header line and tab-separated rows.
            .El
            .Pp
            The machine formats use the English codes and field names and never hold
            colour or padding.
            .Fl -fields
            selects and orders the fields in every format; each command's page lists its
            fields.
            .Fl -no-header
            leaves out the header line.
            .Sh ENVIRONMENT
            .Bl -tag -width Ds
            .It Ev WT_STORE
            The store directory when
            .Fl -store
            is not given.
            .It Ev XDG_DATA_HOME
            Without either, the store is
            .Pa $XDG_DATA_HOME/wt ,
            else
            .Pa ~/.local/share/wt .
            .It Ev WT_AS
            The portal user or worker to act as when
            .Fl -as
            is not given.
            .It Ev WT_NOW
            An ISO 8601 timestamp
            .Pq Li 2026-11-30T09:15:00Z
            that replaces the clock, for tests and for replaying a cron run.
            .It Ev USER
            The back-office name recorded in the audit trail.
            .It Ev NO_COLOR
            When set and not empty, tables and errors are never coloured.
            .It Ev WT_CRASH_AT
            A test failpoint: kill the process at the n-th I/O step of a commit, to
            prove that the store recovers.
            Never set it in production.
            .El
            .Sh FILES
            The store is a directory of JSON files that a person can read, back up and
            diff, created private (directory 0700, files 0600):
            .Bl -tag -width Ds

            """
        for (file, what) in storeFiles { s += ".It Pa \(arg(file))\n" + text(sentence(what)) }
        s += """
            .El
            .Pp
            One writer at a time holds an exclusive lock, readers a shared one; every
            change goes through a redo journal, so it lands whole or not at all.
            .Xr wt 5
            describes the store and its settings.
            .Sh EXIT STATUS

            """
        s += exitList()
        s += """
            .Pp
            A failed command changes nothing.
            .Sh EXAMPLES
            Make a demo store and look at it:
            .Bd -literal -offset indent

            """
        for line in [
            "$ wt --store /tmp/demo init --sample demo", "$ export WT_STORE=/tmp/demo", "$ wt status",
            "$ wt clients add 'Bakkerij Jansen BV' --kvk 12345678 --vat-id NL123456782B01",
            "$ wt workers list --format csv", "$ wt help clients add",
        ] {
            s += text(line)
        }
        s += """
            .Ed
            .Pp
            Complete wt in bash:
            .Bd -literal -offset indent
            $ source <(wt completions bash)
            .Ed
            .Sh SEE ALSO

            """
        s += (nouns.map { "wt-\($0.noun.name) 1" }.sorted() + ["wt 5"]).map { ".Xr \($0)" }.joined(separator: " ,\n") + "\n"
        return s
    }
}
