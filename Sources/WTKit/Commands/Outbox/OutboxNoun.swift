enum OutboxCommands {
    static let noun = NounSpec(
        "outbox", summary: "the mails and text messages wt sent",
        details: """
            Every mail and SMS is staged in the store's outbox in the same change as what caused it: outbox/msg-N.eml (RFC 5322) for mail, outbox/msg-N.json for SMS, indexed in outbox/index/. With mail.transport outbox (the default) and sms.transport outbox that is where they stay, for another program to pick up. With mail.transport sendmail the mail is also piped to `mail.sendmailPath -t -i` after the change is committed, and with sms.transport command the SMS goes to `sms.command NUMBER TEXT`; if that fails the command exits 1, and the message is still here to send by hand. The outbox holds the messages as sent, activation links included: only the back office reads it.
            """,
        commands: [ListOutbox.command, ShowOutboxMessage.command])
}
