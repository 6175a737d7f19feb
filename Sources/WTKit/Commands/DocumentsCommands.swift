import Foundation

enum DocumentsCommands {
    static let kinds = Document.Kind.allCases.map(\.rawValue)
    static let statusNames = Document.Status.allCases.map(\.rawValue)

    static let noun = NounSpec(
        "documents", summary: "documents clients approve or sign (documenten)",
        details: "A new contract brings an assignment confirmation (opdrachtbevestiging), the client's arbo document and classification document (inschalingsdocument) when it has none yet, and a hire agreement (inleenovereenkomst) when fixed-term. A client's signer approves with the read confirmation \"Ik heb dit document gelezen\"; a fixed-term assignment confirmation is signed with a 6-digit SMS code. The record keeps who signed, when, how, and the file's SHA-256.",
        commands: [
            CommandSpec(
                "documents", "list", summary: "list documents, client-level and contract-level",
                options: [
                    OptionSpec("client", value: "ID", help: "only this client's documents", completion: .records("clients")),
                    OptionSpec("contract", value: "ID", help: "only this contract's documents", completion: .records("contracts")),
                    OptionSpec("kind", value: "KIND", list: true, help: "only these kinds", completion: .choices(kinds)),
                    OptionSpec("status", value: "STATUS", list: true, help: "only these statuses: pending, awaiting-code, approved", completion: .choices(statusNames)),
                ],
                examples: [Example("wt documents list --status pending", "what waits for a signature")],
                fields: Document.schema.names, access: .read
            ) { inv in
                let store = try inv.store()
                let actor = try inv.actor()
                let client = try inv.scopedClient()
                let kinds = try inv.list("kind").map { try Document.Kind.parse($0) }
                let statuses = try inv.list("status").map { s -> Document.Status in
                    guard let st = Document.Status(rawValue: s) else {
                        throw WTError.usage("unknown document status \"\(RecordKind.printable(s))\"", hint: "statuses: \(statusNames.joined(separator: ", "))")
                    }
                    return st
                }
                if let c = inv.value("contract") { _ = try Contracts.find(c, store, actor: actor) }
                var departments: [String: String] = [:]
                if actor.portalUser?.departments.isEmpty == false {
                    for c in try Contracts.all(store, client: client) { departments[c.id] = c.department }
                }
                let rows = try Documents.all(store, client: client).filter { d in
                    AccessControl.canSee(actor, client: d.client, department: d.contract.flatMap { departments[$0] })
                        && (inv.value("contract").map { $0 == d.contract } ?? true)
                        && (kinds.isEmpty || kinds.contains(d.kind)) && (statuses.isEmpty || statuses.contains(d.status))
                }
                try inv.printList(rows.map(\.publicJSON), Document.schema)
            },
            CommandSpec(
                "documents", "show", summary: "show a document, or write its file with --output",
                args: [ArgSpec("ID", "the document's id", completion: .records("documents"))],
                options: [OptionSpec("output", value: "FILE", help: "write the document's file here (- for stdout)", completion: .file)],
                examples: [
                    Example("wt documents show doc-1", "its record: kind, status, who signed, SHA-256"),
                    Example("wt documents show doc-1 --output opdrachtbevestiging.txt", "the file itself, exactly as signed"),
                ],
                fields: Document.schema.names, access: .read
            ) { inv in
                let store = try inv.store()
                let d = try Documents.find(inv.arg(0)!, store, actor: try inv.actor())
                guard let output = inv.value("output") else { return try inv.printRecord(d.publicJSON, Document.schema) }
                try inv.writeOutput(try Documents.content(of: d, store), to: output, what: "\(d.id) (sha256 \(d.sha256))")
            },
            CommandSpec(
                "documents", "add", summary: "add another document, or a new file, for a client or contract",
                args: [ArgSpec("FILE", "the file to store", completion: .file)],
                options: [
                    OptionSpec("client", value: "ID", help: "the client", completion: .records("clients")),
                    OptionSpec("contract", value: "ID", help: "the contract it belongs to, if any", completion: .records("contracts")),
                    OptionSpec("kind", value: "KIND", help: "other, arbo, classification, ...", completion: .choices(kinds)),
                    OptionSpec("title", value: "TEXT", help: "the title the client sees"),
                ],
                examples: [Example("wt documents add --client cl-1 --kind other --title 'Huisregels' huisregels.pdf", "a document for the client's Documenten tab")],
                fields: Document.schema.names, access: .write
            ) { inv in
                let path = FileSystem.absolute(inv.arg(0)!, cwd: inv.ctx.cwd)
                guard let data = (try? FileSystem.read(path)) ?? nil else {
                    throw WTError.notFound("cannot read \(path)", hint: "give the path of an existing file")
                }
                let kind = try Document.Kind.parse(try inv.required("kind"))
                let title = try TextRules.line(try inv.required("title"), what: "--title")
                let tx = try inv.begin()
                let d = try Documents.addFile(
                    client: try inv.required("client"), contract: inv.value("contract"), kind: kind, title: title, bytes: data,
                    fileName: String(path.split(separator: "/").last ?? "document"), in: tx, actor: try inv.actor())
                try inv.commit(tx)
                try inv.done("added document \(d.id) (\(d.kind.rawValue)) for \(d.client)", records: [d.publicJSON], schema: Document.schema)
            },
            CommandSpec(
                "documents", "sign", summary: "approve with the read confirmation, or complete an SMS signature",
                details: "With --read: the read confirmation \"Ik heb dit document gelezen\". A document that needs an SMS signature (a fixed-term assignment confirmation) then gets a 6-digit code sent to the signer's phone instead, and waits (awaiting-code) for --code. A wrong code exits 5; after sms.maxAttempts (5) wrong codes, or sms.validMinutes (10) minutes, the code is dead (exit 4) and --read sends a new one. Without --read on a terminal, wt asks; elsewhere that is a usage error.",
                args: [ArgSpec("ID", "the document's id", completion: .records("documents"))],
                options: [
                    OptionSpec("read", help: "confirm: Ik heb dit document gelezen"),
                    OptionSpec("code", value: "CODE", help: "the 6-digit SMS code"),
                ],
                examples: [
                    Example("wt --as inkoop@klant.example documents sign doc-4 --read", "approve a document as the client's signer"),
                    Example("wt --as inkoop@klant.example documents sign doc-7 --code 123456", "complete an SMS signature"),
                ],
                fields: Document.schema.names, access: .write
            ) { inv in
                let id = inv.arg(0)!
                if let code = inv.value("code") {
                    guard !inv.flag("read") else { throw WTError.usage("give either --read or --code, not both") }
                    let tx = try inv.begin()
                    switch try Documents.enterCode(id, code: code, in: tx, actor: try inv.actor(), env: inv.ctx.services) {
                    case .signed(let d):
                        try inv.commit(tx)
                        try inv.done("signed \(d.id) with the SMS code (sha256 \(d.sha256))", records: [d.publicJSON], schema: Document.schema)
                    case .wrong(let left):
                        try inv.commit(tx)
                        throw WTError.denied(
                            "wrong SMS code for \(id)",
                            hint: left > 0 ? "\(left) tr\(left == 1 ? "y" : "ies") left" : "the code is now dead; send a new one with --read")
                    }
                    return
                }
                if !inv.flag("read") {
                    guard inv.ctx.stdinIsTerminal else {
                        throw WTError.usage("signing \(id) needs the read confirmation", hint: "add --read to confirm: Ik heb dit document gelezen")
                    }
                    inv.err("Ik heb dit document gelezen (\(id)) [j/N] ")
                    inv.ctx.flush()
                    let a = inv.ctx.stdin.readLine()?.trimmingSpaces().lowercased() ?? ""
                    guard ["j", "ja", "y", "yes"].contains(a) else { throw WTError.conflict("not confirmed: \(id) was not signed") }
                }
                let tx = try inv.begin()
                let (d, sms) = try Documents.confirmRead(id, in: tx, actor: try inv.actor(), env: inv.ctx.services)
                try inv.commit(tx)
                if let sms {
                    try inv.deliver([sms])
                    try inv.done("sent an SMS code for \(d.id) to \(SMSCodes.masked(sms.entry.to)); complete with: wt documents sign \(d.id) --code CODE",
                        records: [d.publicJSON], schema: Document.schema)
                } else {
                    try inv.done("approved \(d.id) with the read confirmation (sha256 \(d.sha256))", records: [d.publicJSON], schema: Document.schema)
                }
            },
        ])
}
