/// `wt outbox show ID`: the raw message as sent.
struct ShowOutboxMessage: RecordIDVerb {
    static let id = Argument(0, "ID", "the message's id (msg-12)", completion: .records("messages"))
    static let schema = Schema(OutboxEntry.schema.fields + [Field("raw", table: false)])

    static let spec = VerbSpec(
        "outbox", "show", summary: "print one message as sent: RFC 5322 for mail, the text for SMS",
        args: [id],
        examples: [
            Example("wt outbox show msg-12", "the raw mail"),
            Example("wt outbox show msg-12 | /usr/sbin/sendmail -t -i", "send a message by hand"),
        ],
        fields: schema.names, access: .read)

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let (entry, bytes) = try Outbox.find(o.id, try env.store(), actor: actor)
        var raw = String(decoding: bytes, as: UTF8.self)
        if entry.kind == .sms {
            guard let text = (try? JSON.parse(bytes))?["text"]?.stringValue else {
                throw try env.store().damaged(entry.file, "an SMS without text")
            }
            raw = text
        }
        if env.globals.format == .table && env.globals.fields.isEmpty {
            // Byte-wise: "\r\n" is one Character, so hasSuffix("\n") would miss it.
            env.out(raw.utf8.last == 0x0A ? raw : raw + "\n")
        } else {
            var row = entry.stored.objectValue ?? [:]
            row["raw"] = .string(raw)
            try env.printRecord(.object(row), schema)
        }
    }
}
