/// `wt notify`, the cron job: one digest mail per approver with declarations
/// waiting, at most once per `notify.intervalHours`; and, when
/// `notify.remindWorkers` is on, a reminder to workers whose declarations of
/// past weeks are still to be reported. When each person was last mailed is
/// kept in `notify.json`, which makes a second run within the interval a no-op.
public enum Notifications {
    public static let file = "notify.json"

    public struct Planned {
        public var kind: String
        public var to: String
        public var name: String
        public var subject: String
        public var declarations: [String]
        /// The contracts a notice digest names (kind `notice`); empty otherwise.
        public var contracts: [String] = []

        public var json: JSON {
            var o: [String: JSON] = ["kind": .string(kind), "to": .string(to), "name": .string(name), "subject": .string(subject), "declarations": JSON(declarations)]
            if kind == "notice" { o["contracts"] = JSON(contracts) }
            return .object(o)
        }
    }

    public static let digestSubject = "Er staan één of meer urendeclaraties klaar om goed te keuren"

    static func lastSent(_ r: StoreReader) throws -> [String: String] {
        try RecordFile.loadStringMap(file, from: r)
    }

    /// Works out what to send, and when not dry, stages the mails in the
    /// transaction. The cron job of the back office: nobody else sends them.
    public static func run(in tx: Transaction, actor: Actor, env: ServiceEnv, send: Bool) throws -> ([Planned], [OutgoingMessage]) {
        try AccessControl.requireBackoffice(actor, toDo: "send notifications")
        let config = try Config.load(tx)
        let interval = config[.notifyIntervalHours] * 3600
        var last = try lastSent(tx)
        let due = { (key: String) -> Bool in
            guard let at = last[key] else { return true }
            return Timestamp.adding(seconds: interval, to: at) <= tx.at
        }
        var planned: [Planned] = []
        var messages: [OutgoingMessage] = []
        let workers = Dictionary(try Organisation.workers(tx).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let signature = DeclarationMail.signature(config)

        var openByClient: [String: [Declaration]] = [:]
        for user in try UserDirectory.all(tx) where user.roles.contains(.approver) && user.account.status == .active && !user.account.isLocked(now: tx.at) {
            if openByClient[user.client] == nil { openByClient[user.client] = try DeclarationSet.open(client: user.client, tx) }
            let waiting = openByClient[user.client]!.filter {
                $0.status == .submitted && (user.departments.isEmpty || user.departments.contains($0.department))
            }
            guard !waiting.isEmpty, due(user.id) else { continue }
            // With mail.replyAddress each declaration also gets its approve and reject
            // links (SPEC §15); their tokens are written in this same commit.
            let links = send ? try ApprovalLinks.issue(for: user, waiting, config: config, in: tx, random: env.random) : [:]
            let list = waiting.map { d in
                "  \(d.id)  week \(d.week.week) \(d.week.year)  \(workers[d.worker]?.name ?? d.worker)  \(Minutes(d.minutes)) uur"
                    + (d.warnings.isEmpty ? "" : "\n      let op, arbeidstijd: " + d.warnings.map(\.message).joined(separator: "; "))
                    + (links[d.id].map { "\n" + $0 + "\n" } ?? "")
            }.joined(separator: "\n") + (links.isEmpty ? "" : "\n" + ApprovalLinks.footer(config))
            let body = """
                Beste \(user.name),

                Er staan één of meer urendeclaraties klaar om goed te keuren in de portal van \(config[.agencyName]):

                \(list)

                Indien een declaratie niet akkoord is, wijs deze dan af. Geef zo duidelijk mogelijk aan op welke punten de declaratie aangepast moet worden.

                \(signature)
                """
            let p = Planned(kind: "digest", to: user.email, name: user.name, subject: digestSubject, declarations: waiting.map(\.id))
            planned.append(p)
            if send {
                messages.append(try Mailer.send(to: MailAddress(name: user.name, address: user.email), subject: p.subject, body: body,
                    topic: "digest", in: tx, env: env))
                last[user.id] = tx.at
            }
        }

        if config[.notifyRemindWorkers] {
            let thisWeek = ISOWeek(containing: env.today)
            var byWorker: [String: [Declaration]] = [:]
            for client in DeclarationSet.clients(store: tx.store) {
                let open = try openByClient[client] ?? DeclarationSet.open(client: client, tx)
                for d in open where d.week < thisWeek && (d.status == .report || d.status == .rejected) {
                    byWorker[d.worker, default: []].append(d)
                }
            }
            for (id, ds) in byWorker.sorted(by: { $0.key < $1.key }) {
                // A worker's account has their login address; a disabled account is not reminded.
                guard let w = workers[id], let email = w.accountEmail ?? w.email, w.account?.status != .disabled, due(id) else { continue }
                let weeks = ds.map { "  \($0.id)  week \($0.week.week) \($0.week.year)  \(StatusLabels.label($0.status.rawValue))" }.joined(separator: "\n")
                let body = """
                    Beste \(w.name),

                    Van de volgende weken zijn je uren nog niet ingediend:

                    \(weeks)

                    Vul je uren in en dien ze in, zodat ze goedgekeurd en uitbetaald kunnen worden.

                    \(DeclarationMail.howToReport(w, ds, config))

                    \(signature)
                    """
                let p = Planned(kind: "reminder", to: email, name: w.name, subject: "Herinnering: je urendeclaraties zijn nog niet ingediend",
                    declarations: ds.map(\.id))
                planned.append(p)
                if send {
                    messages.append(try Mailer.send(to: MailAddress(name: w.name, address: email), subject: p.subject, body: body,
                        topic: "reminder", in: tx, env: env))
                    last[id] = tx.at
                }
            }
        }
        if let notice = try ContractNotice.plan(config: config, last: last, workers: workers, signature: signature, in: tx, env: env) {
            planned.append(notice.planned)
            if send {
                messages.append(try Mailer.send(to: MailAddress(name: notice.planned.name, address: notice.planned.to), subject: notice.planned.subject,
                    body: notice.body, topic: "notice", in: tx, env: env))
                for c in notice.planned.contracts { last[ContractNotice.key(c)] = tx.at }
            }
        }
        if send && !planned.isEmpty {
            tx.write(file, .object(last.mapValues { .string($0) }))
            tx.record("notify", "\(planned.count) mails", ["to": JSON(planned.map(\.to))])
        }
        return (planned, messages)
    }
}
