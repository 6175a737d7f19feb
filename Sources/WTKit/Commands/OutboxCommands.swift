enum OutboxCommands {
    static let showSchema = Schema(OutboxEntry.schema.fields + [Field("raw", table: false)])

    static let noun = NounSpec(
        "outbox", summary: "the mails and text messages wt sent",
        details: """
            Every mail and SMS is staged in the store's outbox in the same change as what caused it: outbox/msg-N.eml (RFC 5322) for mail, outbox/msg-N.json for SMS, indexed in outbox/index/. With mail.transport outbox (the default) and sms.transport outbox that is where they stay, for another program to pick up. With mail.transport sendmail the mail is also piped to `mail.sendmailPath -t -i` after the change is committed, and with sms.transport command the SMS goes to `sms.command NUMBER TEXT`; if that fails the command exits 1, and the message is still here to send by hand. The outbox holds the messages as sent, activation links included: only the back office reads it.
            """,
        commands: [
            CommandSpec(
                "outbox", "list", summary: "list the messages sent",
                options: [
                    OptionSpec("kind", value: "KIND", help: "only mail or only sms", completion: .choices(OutboxEntry.Kind.allCases.map(\.rawValue))),
                    OptionSpec("to", value: "ADDRESS", help: "only messages to this e-mail address or phone number"),
                ],
                examples: [
                    Example("wt outbox list --kind mail --to p.devries@bakkerij.nl", "the mails to one person"),
                    Example("wt outbox list --json --fields id,subject", "ids and subjects as JSON"),
                ],
                fields: OutboxEntry.schema.names, access: .read
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "read the outbox")
                var kind: OutboxEntry.Kind?
                if let k = inv.value("kind") {
                    guard let parsed = OutboxEntry.Kind(rawValue: k) else {
                        throw WTError.usage("unknown kind \"\(RecordKind.printable(k))\"", hint: "kinds: mail, sms")
                    }
                    kind = parsed
                }
                var to = inv.value("to").map { $0.trimmingSpaces().lowercased() }
                if let t = to, !t.contains("@"), let phone = try? Phone.normalize(t) { to = phone }
                let rows = try Outbox.all(try inv.store()).filter {
                    (kind == nil || $0.kind == kind) && (to == nil || $0.to == to)
                }
                try inv.printList(rows.map(\.stored), OutboxEntry.schema)
            },
            CommandSpec(
                "outbox", "show", summary: "print one message as sent: RFC 5322 for mail, the text for SMS",
                args: [ArgSpec("ID", "the message's id (msg-12)", completion: .records("messages"))],
                examples: [
                    Example("wt outbox show msg-12", "the raw mail"),
                    Example("wt outbox show msg-12 | /usr/sbin/sendmail -t -i", "send a message by hand"),
                ],
                fields: showSchema.names, access: .read
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "read the outbox")
                let (entry, bytes) = try Outbox.find(inv.arg(0)!, try inv.store())
                var raw = String(decoding: bytes, as: UTF8.self)
                if entry.kind == .sms {
                    guard let text = (try? JSON.parse(bytes))?["text"]?.stringValue else {
                        throw try inv.store().damaged(entry.file, "an SMS without text")
                    }
                    raw = text
                }
                if inv.globals.format == .table && inv.globals.fields.isEmpty {
                    // Byte-wise: "\r\n" is one Character, so hasSuffix("\n") would miss it.
                    inv.out(raw.utf8.last == 0x0A ? raw : raw + "\n")
                } else {
                    var row = entry.stored.objectValue ?? [:]
                    row["raw"] = .string(raw)
                    try inv.printRecord(.object(row), showSchema)
                }
            },
        ])
}
