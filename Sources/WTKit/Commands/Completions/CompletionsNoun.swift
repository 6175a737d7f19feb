/// `wt completions SHELL` prints a completion script; the hidden `wt __complete`
/// feeds the scripts ids from the store; the hidden `wt __docs` rewrites the
/// committed completions and man pages (`make docs`).
enum CompletionsCommand {
    static let noun = NounSpec(
        "completions", summary: "shell completion scripts for bash, zsh and fish",
        details: "Prints the completion script for a shell: the same text as the files in completions/ that `make install` installs. The scripts complete commands, verbs, options, option values (formats, statuses, fields, ...) and the ids and e-mail addresses in the store.",
        commands: [PrintCompletions.command])

    static let complete = NounSpec(
        "__complete", summary: "ids and e-mail addresses for the completion scripts",
        details: "Prints the ids (for users: the e-mail addresses) of one kind of record that start with PREFIX, one per line, as the acting user sees them. It never fails loudly: an unknown kind, a missing or busy store print nothing and exit 0.",
        hidden: true,
        commands: [CompleteIds.command])

    /// What `wt __complete KIND` offers, as the actor may see it; nil for a kind it does not know.
    ///
    /// Extension point: to complete a new kind of record, add its case here (one line
    /// returning the ids, or what else the user types, of the records the actor sees)
    /// and name it in `Completion.records(KIND)` on the options and arguments that take it.
    /// `DocsTests` fails for a `.records` kind of the command table that is missing here.
    static func candidates(_ kind: String, _ store: Store, _ actor: Actor) throws -> [String]? {
        switch kind {
        case "clients": try Organisation.clients(store, visibleTo: actor).map(\.id)
        case "departments": try Organisation.departments(store, visibleTo: actor).map(\.id)
        case "workers": actor.isBackoffice ? try Organisation.workers(store).map(\.id) : []
        case "users": try UserDirectory.all(store, visibleTo: actor).map(\.email)
        case "hour-types": try Config.load(store)[.hoursTypes].map(\.name)
        case "contracts": try Contracts.all(store, client: actor.portalUser?.client, visibleTo: actor).map(\.id)
        case "documents": actor.workerActor != nil ? [] : try Documents.all(store, client: actor.portalUser?.client).map(\.id)
        // Only the open set: what one still acts on, without reading the archives.
        case "declarations": try (actor.portalUser.map { [$0.client] } ?? DeclarationSet.clients(store: store)).flatMap {
            try DeclarationSet.open(client: $0, store, visibleTo: actor) }.map(\.id)
        case "invoices": try Invoices.list(client: nil, from: nil, to: nil, store, actor: actor).map(\.number)
        case "payroll": actor.isBackoffice ? try Payroll.list(from: nil, to: nil, store, actor: actor).map(\.number) : []
        case "messages": actor.isBackoffice ? try Outbox.all(store, actor: actor).map(\.id) : []
        default: nil
        }
    }

    static let docs = NounSpec(
        "__docs", summary: "rewrite the generated completions and man pages",
        details: "Writes completions/ and man/ under DIR (default: the current directory) from the command table, and removes man pages of commands that no longer exist. `make docs` runs it.",
        hidden: true,
        commands: [WriteDocs.command])
}
