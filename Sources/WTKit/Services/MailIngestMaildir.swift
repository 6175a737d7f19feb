/// `wt mail ingest --maildir DIR`: every message in `DIR/new`, each in its own
/// commit, then moved to `DIR/cur` with the info `:2,S` (seen), as Maildir
/// readers do (https://cr.yp.to/proto/maildir.html).
///
/// The whole run holds the store's write lock, and lists `new/` only once it
/// has it, so two overlapping runs take turns: the second finds only what the
/// first left. A message is moved after its commit; a run cut off between the
/// two leaves it in `new/`, and the next run recognises it as processed
/// (the used token keeps the message's SHA-256 and Message-ID), moves it and
/// answers nothing twice.
enum MailIngestMaildir {
    struct Run {
        var results: [MailIngest.Result] = []
        var failures: [String] = []
    }

    /// Only the back office ingests mail, checked before the Maildir is looked at.
    static func run(_ dir: String, store: Store, actor: Actor, env: ServiceEnv, dryRun: Bool, write: MailIngest.Write) throws -> Run {
        try AccessControl.requireBackoffice(actor, toDo: "ingest mail")
        let new = dir + "/new", cur = dir + "/cur"
        guard FileSystem.isDirectory(new), FileSystem.isDirectory(cur) else {
            throw WTError.notFound("\(dir) is not a Maildir: it needs the directories new/ and cur/",
                hint: "give the Maildir the mail server delivers to, e.g. --maildir /var/mail/uren/Maildir")
        }
        var run = Run()
        for name in FileSystem.list(new).sorted() where !name.hasPrefix(".") {
            let path = new + "/" + name
            let bytes: [UInt8]
            do {
                guard let b = try FileSystem.read(path) else { continue } // taken by another reader meanwhile
                bytes = b
            } catch let e as WTError {
                run.failures.append("cannot read \(path): \(e.message)")
                continue
            }
            var result = try MailIngest.process(bytes, store: store, env: env, dryRun: dryRun, write: write)
            result.file = name
            if !dryRun {
                // After the commit of the message, before its move: a crash here leaves it in new/, processed.
                store.failpoint.reach("move \(path)")
                do {
                    try FileSystem.rename(path, cur + "/" + curName(name))
                    try FileSystem.fsyncDirectory(cur)
                    try FileSystem.fsyncDirectory(new)
                } catch let e as WTError {
                    run.failures.append("cannot move \(path) to \(cur): \(e.message)")
                }
            }
            run.results.append(result)
        }
        return run
    }

    /// The name in `cur/`: the unique part with the info `:2,S`; flags already
    /// there are kept (in ASCII order, as the spec wants).
    static func curName(_ name: String) -> String {
        guard let r = name.range(of: ":2,") else { return name + ":2,S" }
        let flags = Set(name[r.upperBound...]).union(["S"])
        return String(name[..<r.lowerBound]) + ":2," + String(flags.sorted())
    }
}
