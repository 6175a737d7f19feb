/// The Dutch labels the portal shows for status codes; tables print these,
/// machine formats the English codes.
public enum StatusLabels {
    public static let labels: [String: String] = [
        // declarations
        "report": "Rapporteer", "submitted": "Ingediend", "approved": "Goedgekeurd",
        "rejected": "Afgewezen", "closed": "Afgerond", "invoiced": "Gefactureerd",
        // documents
        "pending": "Te accorderen", "awaiting-code": "Wacht op sms-code",
        // users
        "invited": "Uitgenodigd", "active": "Actief", "locked": "Geblokkeerd", "disabled": "Uitgeschakeld",
        // worker accounts
        "none": "Geen account",
        // contracts
        "ended": "Beëindigd", "planned": "Gepland",
    ]

    public static func label(_ code: String) -> String { labels[code] ?? code }
}
