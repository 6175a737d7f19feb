/// `wt documents sign ID (--read | --code CODE)`
struct SignDocument: Verb {
    struct Options: Equatable {
        var id: String
        var read: Bool
        var code: String?
    }

    static let id = Argument(0, "ID", "the document's id", completion: .records("documents"))
    static let read = FlagOption("read", help: "confirm: Ik heb dit document gelezen")
    static let code = ValueOption("code", "CODE", help: "the 6-digit SMS code")

    static let spec = VerbSpec(
        "documents", "sign", summary: "approve with the read confirmation, or complete an SMS signature",
        details: "With --read: the read confirmation \"Ik heb dit document gelezen\". A document that needs an SMS signature (a fixed-term assignment confirmation) then gets a 6-digit code sent to the signer's phone instead, and waits (awaiting-code) for --code. A wrong code exits 5; after sms.maxAttempts (5) wrong codes, or sms.validMinutes (10) minutes, the code is dead (exit 4) and --read sends a new one. Without --read on a terminal, wt asks; elsewhere that is a usage error.",
        args: [id], options: [read, code],
        examples: [
            Example("wt --as inkoop@klant.example documents sign doc-4 --read", "approve a document as the client's signer"),
            Example("wt --as inkoop@klant.example documents sign doc-7 --code 123456", "complete an SMS signature"),
        ],
        fields: Document.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        let o = Options(id: try id.required(in: line), read: read.isSet(in: line), code: try code.value(in: line))
        if o.code != nil && o.read { throw WTError.usage("give either --read or --code, not both") }
        return o
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        if let code = o.code {
            // A wrong code is committed too: the attempt counts.
            switch try env.write({ uow in try Documents.enterCode(o.id, code: code, in: uow.tx, actor: try env.actor(), env: uow.env) }) {
            case .signed(let d):
                try env.done("signed \(d.id) with the SMS code (sha256 \(d.sha256))", records: [d.publicJSON], schema: Document.schema)
            case .wrong(let left):
                throw WTError.denied(
                    "wrong SMS code for \(o.id)",
                    hint: left > 0 ? "\(left) tr\(left == 1 ? "y" : "ies") left" : "the code is now dead; send a new one with --read")
            }
            return
        }
        if !o.read {
            guard env.ctx.stdinIsTerminal else {
                throw WTError.usage("signing \(o.id) needs the read confirmation", hint: "add --read to confirm: Ik heb dit document gelezen")
            }
            env.err("Ik heb dit document gelezen (\(o.id)) [j/N] ")
            env.ctx.flush()
            guard env.answeredYes() else { throw WTError.conflict("not confirmed: \(o.id) was not signed") }
        }
        let (d, sms) = try env.write { uow in
            let (d, sms) = try Documents.confirmRead(o.id, in: uow.tx, actor: try env.actor(), env: uow.env)
            uow.send(sms)
            return (d, sms)
        }
        if let sms {
            try env.done("sent an SMS code for \(d.id) to \(SMSCodes.masked(sms.entry.to)); complete with: wt documents sign \(d.id) --code CODE",
                records: [d.publicJSON], schema: Document.schema)
        } else {
            try env.done("approved \(d.id) with the read confirmation (sha256 \(d.sha256))", records: [d.publicJSON], schema: Document.schema)
        }
    }
}
