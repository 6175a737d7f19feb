/// The back office's digest of fixed-term contracts whose end needs notice
/// (aanzegging, BW art. 7:668): one mail to `agency.email` listing the
/// contracts that entered the notice window since the last digest. Each
/// contract is named once: `notify.json` keeps `notice:<contract>` → when.
enum ContractNotice {
    static let subject = "Aanzegging: tijdelijke contracten lopen binnenkort af"

    static func key(_ contract: String) -> String { "notice:\(contract)" }

    struct Digest {
        var planned: Notifications.Planned
        var body: String
    }

    static func plan(
        config: Config, last: [String: String], workers: [String: Worker], signature: String, in tx: Transaction, env: ServiceEnv
    ) throws -> Digest? {
        let days = config[.contractsNoticeDays]
        let due = try ContractGuards.ending(within: days, today: env.today, tx).filter { last[key($0.contract)] == nil }
        guard !due.isEmpty else { return nil }
        let to = config[.agencyEmail]
        var lines: [String] = []
        for e in due {
            let c = try Contracts.store.find(e.contract, tx)
            let who = c.map { workers[$0.worker]?.name ?? $0.worker } ?? "?"
            lines.append("  \(e.contract)  \(who)  fase \(c?.phase.rawValue ?? "?")  \(e.client)/\(e.department)  eindigt \(e.end)  (nog \(e.end - env.today) dagen)")
        }
        let agency = config[.agencyName]
        let body = """
            Beste collega's,

            De volgende tijdelijke contracten eindigen binnen \(days) dagen. Laat de medewerker uiterlijk een maand voor het einde schriftelijk weten of het contract wordt voortgezet, en zo ja onder welke voorwaarden (aanzegging, artikel 7:668 BW):

            \(lines.joined(separator: "\n"))

            \(signature)
            """
        return Digest(
            planned: Notifications.Planned(kind: "notice", to: to, name: agency, subject: subject, declarations: [], contracts: due.map(\.contract)),
            body: body)
    }
}
