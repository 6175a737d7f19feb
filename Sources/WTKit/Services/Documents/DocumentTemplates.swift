/// The texts of the documents a contract brings, made from the contract, the
/// worker, the client and the agency settings. Plain UTF-8 text, so the
/// SHA-256 a client signs is the SHA-256 of exactly what they read. A real
/// agency replaces these with its own legal templates (see the issue note).
struct DocumentTemplates {
    let contract: Contract
    let worker: Worker
    let department: Department
    let client: Client
    let config: Config
    let today: CalendarDate

    var agency: String { config[.agencyName] }

    var agencyLine: String {
        [config[.agencyStreet], config[.agencyPostcode], config[.agencyCity]]
            .compactMap { $0 }.joined(separator: ", ")
    }

    var clientLine: String {
        [client.street, client.postcode, client.city].compactMap { $0 }.joined(separator: ", ")
    }

    var period: String {
        "\(Self.dutchDate(contract.start)) tot en met \(contract.end.map(Self.dutchDate) ?? "nader te bepalen (onbepaalde tijd)")"
    }

    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]

    static func dutchDate(_ d: CalendarDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

    func render(_ kind: Document.Kind) -> String {
        let header = """
            \(kind.dutchTitle.uppercased())
            \(String(repeating: "=", count: kind.dutchTitle.count))

            Uitzendonderneming: \(agency)\(agencyLine.isEmpty ? "" : ", " + agencyLine)\(config[.agencyKvK].map { " (KvK \($0))" } ?? "")
            Opdrachtgever:      \(client.name)\(clientLine.isEmpty ? "" : ", " + clientLine)\(client.kvk.map { " (KvK \($0))" } ?? "")
            Afdeling:           \(department.name)
            Datum:              \(Self.dutchDate(today))

            """
        let body: String
        switch kind {
        case .assignmentConfirmation:
            body = """
                Hierbij bevestigt \(agency) de terbeschikkingstelling van:

                  Medewerker:   \(worker.name) (\(worker.id))
                  Functie:      \(contract.function)
                  Periode:      \(period)
                  Fase:         \(contract.phase.rawValue) (\(contract.cao.rawValue.uppercased()))\(contract.fixedTerm ? ", contract voor bepaalde tijd" : "")
                  Uren:         \(contract.minutesPerWeek.map { Minutes($0).description + " per week" } ?? "volgens rooster")
                  Tarief:       \(contract.billRate.euro) per uur, exclusief btw
                  Contract:     \(contract.id)

                Op deze opdracht zijn de algemene voorwaarden van \(agency) van toepassing.
                Toeslagen voor overuren worden gefactureerd als percentage van het tarief.
                \(contract.fixedTerm ? "\nDeze opdrachtbevestiging voor bepaalde tijd wordt ondertekend met een sms-code.\n" : "")
                """
        case .arbo:
            body = """
                De opdrachtgever informeert \(agency) en de medewerker vóór aanvang van de
                werkzaamheden over de risico's van de werkplek en de maatregelen die daartegen
                zijn genomen (artikel 11 Waadi en artikel 5 Arbeidsomstandighedenwet):

                  - de risico-inventarisatie en -evaluatie (RI&E) van de werkplek;
                  - de benodigde beroepskwalificaties en persoonlijke beschermingsmiddelen;
                  - de bedrijfshulpverlening en wat te doen bij een ongeval.

                Dit document geldt voor alle medewerkers die \(agency) bij \(client.name) plaatst.

                """
        case .classification:
            body = """
                Inlenersbeloning: de medewerkers van \(agency) worden bij \(client.name)
                ingeschaald volgens de beloningsregeling van de opdrachtgever (de functie,
                het functieniveau en de bijbehorende periodieken, toeslagen en vergoedingen).

                De opdrachtgever verklaart de gegevens voor de inschaling volledig en juist
                te hebben verstrekt en wijzigingen tijdig door te geven.

                """
        case .hireAgreement:
            body = """
                \(client.name) leent van \(agency) de medewerker \(worker.name) in
                voor de functie \(contract.function), voor bepaalde tijd: \(period).

                  Fase:     \(contract.phase.rawValue) (\(contract.cao.rawValue.uppercased()))
                  Tarief:   \(contract.billRate.euro) per uur, exclusief btw
                  Contract: \(contract.id)

                De inlening eindigt van rechtswege op de einddatum. Tussentijdse beëindiging
                is alleen mogelijk zoals in de algemene voorwaarden bepaald.

                """
        case .other:
            body = ""
        }
        return header + "\n" + body + "\nIk heb dit document gelezen.\n"
    }
}
