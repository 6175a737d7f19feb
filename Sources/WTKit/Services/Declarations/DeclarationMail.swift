/// The mails the declaration workflow sends, in Dutch after the portal manual.
public enum DeclarationMail {
    static func signature(_ config: Config) -> String {
        "Met vriendelijke groet,\n\(config[.agencyName])\n\nVragen? Mail naar \(config[.agencyEmail])\n"
    }

    /// How a worker fills in and submits these declarations: in the portal,
    /// or, with an account of their own, with `wt --as` their address.
    static func howToReport(_ worker: Worker, _ ds: [Declaration], _ config: Config) -> String {
        let portal = config[.portalURL]
        guard let account = worker.account, account.status != .disabled, let email = worker.accountEmail else {
            return "Geef je uren door via de portal (\(portal)) of aan je contactpersoon bij \(config[.agencyName])."
        }
        let ids = ds.map(\.id)
        let first = ids.first ?? "ID"
        let login = account.status == .invited ? " (activeer eerst je account met de link uit de activatiemail)" : ""
        return """
            Dat doe je in de portal: \(portal), log in met \(email)\(login).
            Of op de opdrachtregel:
              wt --as \(email) declarations show \(first)
              wt --as \(email) declarations enter \(first) ma=8 di=7:30 ...
              wt --as \(email) declarations submit \(ids.joined(separator: " "))
            """
    }

    /// The worker hears at once that a week was rejected, and why.
    public static func rejection(
        _ d: Declaration, reason: String, in tx: Transaction, env: ServiceEnv, warn: (String) -> Void
    ) throws -> OutgoingMessage? {
        let worker = try Organisation.worker(d.worker, tx)
        guard let email = worker.email else {
            warn("worker \(worker.id) (\(worker.name)) has no e-mail address: tell them about the rejection of \(d.id) yourself")
            return nil
        }
        let config = try Config.load(tx)
        let body = """
            Beste \(worker.name),

            Je urendeclaratie van week \(d.week.week) (\(d.week.monday) t/m \(d.week.sunday)) is afgewezen.

            Reden: \(reason)

            Pas de declaratie aan en dien deze opnieuw in.

            \(howToReport(worker, [d], config))

            \(signature(config))
            """
        let m = try Mailer.send(
            to: MailAddress(name: worker.name, address: email), subject: "Je urendeclaratie van week \(d.week.week) is afgewezen",
            body: body, topic: d.id, in: tx, env: env)
        tx.record("mail.rejection", d.id, ["message": .string(m.id), "to": .string(email)])
        return m
    }
}

/// The SMS code that signs a fixed-term assignment confirmation.
public enum SMSCodes {
    static func send(code: String, phone: String, document d: Document, config: Config, in tx: Transaction, env: ServiceEnv) throws -> OutgoingMessage {
        let minutes = config[.smsValidMinutes]
        let text = "Je code om \(d.title) te ondertekenen: \(code). De code is \(minutes) minuten geldig. \(config[.agencyName])"
        return try Mailer.sendSMS(to: phone, text: text, topic: d.id, in: tx, env: env)
    }

    /// `+31612345678` → `+316******78`: enough to recognise, not to copy.
    public static func masked(_ phone: String) -> String {
        guard phone.count > 6 else { return phone }
        return String(phone.prefix(4)) + String(repeating: "*", count: phone.count - 6) + String(phone.suffix(2))
    }
}
