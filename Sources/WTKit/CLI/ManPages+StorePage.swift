// wt(5): the store, its files and its settings.
extension ManPages {
    // MARK: wt(5)

    static func store() -> String {
        var s = head("wt", 5, name: "wt", description: "the store of wt and the agency's settings")
        s += """
            .Sh DESCRIPTION
            .Xr wt 1
            keeps its records in a store: a directory of JSON files that a person can
            read, back up and diff.
            It lives at
            .Fl -store Ar DIR ,
            else
            .Ev WT_STORE ,
            else
            .Pa $XDG_DATA_HOME/wt ,
            else
            .Pa ~/.local/share/wt .
            .Ql wt init
            creates it private: the directory mode 0700, its files 0600.
            .Ss Files
            .Bl -tag -width Ds

            """
        for (file, what) in storeFiles { s += ".It Pa \(arg(file))\n" + text(sentence(what)) }
        s += """
            .El
            .Ss Guarantees
            One writer at a time: a change takes an exclusive
            .Xr flock 2
            on
            .Pa lock ,
            a reader a shared one, so a reader never sees half a change.
            Waiting for the lock is bounded by
            .Fl -wait ;
            after that wt exits 7.
            .Pp
            Every change is committed through a redo journal, written, synced and renamed
            into place before any file changes, so it lands whole or not at all, also
            under
            .Ql kill\\ \\-9
            or a power loss.
            The next command replays a journal it finds.
            .Pp
            A file that does not parse stops every command with exit status 8 and its
            path, and nothing is written.
            .Ql wt store verify
            checks every file, every reference and the audit chain;
            .Ql wt store backup DIR
            copies the store under its lock.
            .Pp
            Every change appends an audit entry (time, actor, action, record, details
            without secrets) that holds the SHA-256 of the entry before it, so a hand
            edit shows in
            .Ql wt store verify .
            .Ss Restoring a backup
            Stop the cron jobs, move the damaged store aside, copy a backup into its place
            (or point
            .Fl -store
            or
            .Ev WT_STORE
            at the backup), and run
            .Ql wt store verify .
            .Sh SETTINGS
            The agency's settings live in
            .Pa config.json ;
            .Ql wt config set KEY VALUE
            checks and changes one,
            .Ql wt config list
            shows them all.
            .Bl -tag -width Ds

            """
        for k in ConfigKey.all {
            s += ".It Cm \(arg(k.key)) Ar \(arg(k.typeName))\n" + text(sentence(k.help))
            if let src = k.source { s += "Source: " + text(sentence(src.text)) }
            switch k.defaultValue {
            case .null: break
            case .string(let v): s += "Default:\n.Ql \(arg(v)) .\n"
            case .int(let i): s += "Default: \(i).\n"
            case .bool(let b): s += "Default: \(b).\n"
            default: break
            }
        }
        s += ".El\n.Sh SEE ALSO\n.Xr wt 1 ,\n.Xr wt-config 1 ,\n.Xr wt-store 1\n"
        return s
    }
}
