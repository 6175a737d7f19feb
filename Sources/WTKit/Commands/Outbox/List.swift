/// `wt outbox list [--kind mail|sms] [--to ADDRESS]`
struct ListOutbox: Verb {
    struct Options: Equatable {
        var kind: OutboxEntry.Kind?
        var to: String?
    }

    static let kind = ValueOption(
        "kind", "KIND", help: "only mail or only sms", completion: .choices(OutboxEntry.Kind.allCases.map(\.rawValue))
    ) { k -> OutboxEntry.Kind in
        guard let parsed = OutboxEntry.Kind(rawValue: k) else {
            throw WTError.usage("unknown kind \"\(RecordKind.printable(k))\"", hint: "kinds: mail, sms")
        }
        return parsed
    }

    /// An address as the outbox keeps it: e-mail lower-cased, a phone number in E.164.
    static let to = ValueOption("to", "ADDRESS", help: "only messages to this e-mail address or phone number") { raw -> String in
        let t = raw.trimmingSpaces().lowercased()
        if !t.contains("@"), let phone = try? Phone.normalize(t) { return phone }
        return t
    }

    static let spec = VerbSpec(
        "outbox", "list", summary: "list the messages sent",
        options: [kind, to],
        examples: [
            Example("wt outbox list --kind mail --to p.devries@bakkerij.nl", "the mails to one person"),
            Example("wt outbox list --json --fields id,subject", "ids and subjects as JSON"),
        ],
        fields: OutboxEntry.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(kind: try kind.value(in: line), to: try to.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let rows = try Outbox.all(try env.store(), actor: actor).filter {
            (o.kind == nil || $0.kind == o.kind) && (o.to == nil || $0.to == o.to)
        }
        try env.printList(rows.map(\.stored), OutboxEntry.schema)
    }
}
