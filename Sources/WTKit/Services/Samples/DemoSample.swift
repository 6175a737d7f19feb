/// The world of the portal manual: one client with one department (1
/// Opdrachtgever), 9 contracts, 8 client-level documents, 60 declarations
/// spread over the statuses, 20 invoices, 20 payroll runs and 2 users. Built through the same
/// services the commands use, relative to the current week, so it always
/// looks current.
enum DemoSample {
    static let workerNames = [
        "Sanne de Vries", "Mohammed El Amrani", "Lotte Jansen", "Daan Bakker", "Fatima Yilmaz",
        "Joris van Dijk", "Emma Visser", "Bram Smit", "Noor Meijer",
    ]

    /// Where each worker is paid (the payroll import file needs it).
    static let workerIbans = [
        "NL91ABNA0417164300", "NL37INGB0417165411", "NL85RABO0417166522", "NL19ABNA0417167633", "NL62INGB0417168744",
        "NL13RABO0417169855", "NL44ABNA0417170966", "NL87INGB0417172077", "NL38RABO0417173188",
    ]

    /// (phase, first week offset, last week offset or nil, function, bill rate)
    static let placements: [(Phase, Int, Int?, String, String)] = [
        (.A, -21, nil, "Productiemedewerker", "27.50"),
        (.A, -21, -12, "Inpakker", "26.00"),
        (.B, -11, 15, "Heftruckchauffeur", "31.00"),
        (.A, -5, nil, "Orderpicker", "26.50"),
        (.C, -6, nil, "Ploegleider", "34.75"),
        (.A, -1, nil, "Schoonmaker", "25.00"),
        (.p12, 0, nil, "Bakker", "29.90"),
        (.p3, 1, 26, "Banketbakker", "32.40"),
        (.A, 1, nil, "Magazijnmedewerker", "26.50"),
    ]

    static let otherDocuments = [
        "Huisregels", "Veiligheidsinstructie productiehal", "Algemene voorwaarden WerkTalent", "Tarievenoverzicht 2026",
        "Privacyverklaring", "Bedrijfshulpverlening en ontruimingsplan",
    ]

    static func fill(_ store: Store, env: ServiceEnv, actor name: String) throws {
        let actor = Actor.backoffice(name)
        let tx = store.begin(actor: name, at: env.nowStamp)
        try Config.set("agency.name", "WerkTalent BV", in: tx)
        try Config.set("agency.street", "Stationsplein 12", in: tx)
        try Config.set("agency.postcode", "3511 ED", in: tx)
        try Config.set("agency.city", "Utrecht", in: tx)
        try Config.set("agency.kvk", "12345678", in: tx)
        try Config.set("agency.vatId", "NL123456782B01", in: tx)
        try Config.set("agency.iban", "NL91ABNA0417164300", in: tx)
        try Config.set("agency.gAccountIban", "NL21INGB0990123456", in: tx)
        // Digests carry approve and reject links to uren+TOKEN@ (SPEC §15).
        try Config.set("mail.replyAddress", "uren@werktalent.example", in: tx)
        var f = Organisation.ClientFields()
        f.name = "Bakkerij Van Houten BV"
        f.kvk = "87654321"
        f.vatId = "NL000099998B57"
        f.email = "crediteuren@vanhouten.example"
        f.street = "Industrieweg 8"
        f.postcode = "3542 AD"
        f.city = "Utrecht"
        f.gAccountPercent = 25
        let client = try Organisation.addClient(f, in: tx, actor: actor)
        let department = try Organisation.addDepartment(client: client.id, name: "Productie", costCenter: "4100", in: tx, actor: actor)
        var workers: [Worker] = []
        for (i, name) in workerNames.enumerated() {
            let first = name.split(separator: " ").first!.lowercased()
            workers.append(try Organisation.addWorker(
                name: name, email: "\(first)@mail.example", phone: "+316123456\(10 + i)", iban: workerIbans[i], in: tx))
        }
        try DemoUsers.add(client: client, department: department, in: tx, env: env)
        try DemoUsers.addWorkers(workers, in: tx, env: env)

        let thisWeek = ISOWeek(containing: env.today)
        var contracts: [Contract] = []
        var documents: [Document] = []
        for (i, p) in placements.enumerated() {
            let start = thisWeek.adding(weeks: p.1).monday
            let end = p.2.map { thisWeek.adding(weeks: $0).sunday }
            let (c, docs) = try Contracts.add(
                Contracts.NewContract(
                    worker: workers[i].id, department: department.id, function: p.3, start: start, end: end, phase: p.0,
                    payRate: try Money.parse("15.80"), billRate: try Money.parse(p.4), minutesPerWeek: 38 * 60),
                in: tx, actor: actor, env: env)
            contracts.append(c)
            documents += docs
        }
        for title in otherDocuments {
            let body = Array("\(title.uppercased())\n\n\(title) van \(client.name), opgesteld door WerkTalent BV.\n".utf8)
            documents.append(try Documents.addFile(
                client: client.id, contract: nil, kind: .other, title: title, bytes: body,
                fileName: title.lowercased().replacingOccurrences(of: " ", with: "-") + ".txt", in: tx, actor: actor))
        }
        // Everything is approved but what belongs to the two planned contracts and one new document.
        let waiting = Set(contracts.suffix(2).map(\.id))
        for d in documents where !(d.contract.map(waiting.contains) ?? false) && d.title != otherDocuments.last! {
            var signed = try Documents.store.find(d.id, tx)!
            signed.status = .approved
            signed.signedBy = DemoUsers.signer
            signed.signedAt = tx.at
            signed.method = d.requiresSMS ? "sms" : "read"
            try Documents.store.update(signed, in: tx)
            tx.record("document.sign", d.id, ["method": .string(signed.method!), "sha256": .string(d.sha256)])
        }

        let set = DeclarationSet(tx)
        let weeks = ISOWeek.range(from: thisWeek.adding(weeks: -21), to: thisWeek)
        _ = try Declarations.open(weeks: weeks, in: set, actor: actor)
        let lastWeek = thisWeek.adding(weeks: -1)
        let plan: [String: DeclarationStatus] = [
            "\(contracts[0].id)|\(lastWeek)": .approved, "\(contracts[2].id)|\(lastWeek)": .submitted,
            "\(contracts[3].id)|\(lastWeek)": .rejected, "\(contracts[4].id)|\(lastWeek)": .submitted,
            "\(contracts[0].id)|\(thisWeek)": .submitted,
        ]
        var closed: [Declaration] = []
        for c in contracts {
            for week in weeks where c.isActive(in: week) {
                var d = try set.get(try set.existing(contract: c, week: week)!)!
                let target = week < lastWeek ? DeclarationStatus.closed : plan["\(c.id)|\(week)"] ?? (week == lastWeek ? .closed : .report)
                let days = week == thisWeek && target == .report ? 2 : 5
                for day in week.days.prefix(days) where c.covers(day) {
                    d.set(day, type: "normal", minutes: day.weekday == 5 ? 7 * 60 + 30 : 8 * 60)
                }
                if week.week % 4 == 0 { d.set(week.days[5], type: "overtime150", minutes: 4 * 60) }
                if target != .report { try d.apply(.submit, at: tx.at, by: name) }
                switch target {
                case .approved, .closed:
                    try d.apply(.approve, at: tx.at, by: DemoUsers.approver)
                    if target == .closed {
                        try d.apply(.close, at: tx.at, by: name)
                        closed.append(d)
                    }
                case .rejected:
                    try d.apply(.reject, at: tx.at, by: DemoUsers.approver, reason: "Vrijdag was een vrije dag, graag aanpassen")
                default: break
                }
                try set.put(d)
            }
        }
        // One invoicing run a week for the 20 weeks before last: 20 invoices.
        for week in weeks where week < lastWeek {
            // The counters that generate reads must see the declarations written so far.
            try set.flush()
            _ = try Invoices.generate(client: client.id, until: week, date: week.sunday.adding(days: 1), in: set, actor: actor, dryRun: false)
        }
        // And a payroll run a week for them, the day after: 20 runs; last week's closed ones wait to be paid.
        try PayrollFiles.enqueue(closed, in: tx)
        for week in weeks where week < lastWeek {
            _ = try Payroll.run(until: week, date: week.sunday.adding(days: 2), in: set, actor: actor, dryRun: false)
        }
        try set.flush()
        tx.record("sample.demo", "store", ["client": .string(client.id)])
        try tx.commit()
    }
}
