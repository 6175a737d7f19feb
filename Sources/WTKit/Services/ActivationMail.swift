/// The activation mail, after the portal manual ("Activeer account"): one
/// text for a client's user, who approves and signs, and one for a worker, who
/// reports their own hours.
public enum ActivationMail {
    public static func subject(_ config: Config) -> String {
        "Activeer je account bij \(config[.agencyName])"
    }

    /// The password rules as the mail lists them.
    static func rules(_ config: Config) -> String {
        let policy = config.passwordPolicy
        var rules = ["minimaal \(policy.minLength) karakters"]
        if policy.requireLetter { rules.append("minimaal 1 letter") }
        if policy.requireDigit { rules.append("minimaal 1 nummer") }
        if policy.requireSpecial { rules.append("minimaal 1 speciaal karakter") }
        rules.append("een eerder gebruikt wachtwoord mag hergebruikt worden nadat minimaal \(config[.passwordHistory]) keer een ander wachtwoord is gebruikt")
        return String(rules.map { "- \($0);" }.joined(separator: "\n").dropLast()) + "."
    }

    static func validity(_ config: Config) -> String {
        let days = config[.activationValidDays]
        return "Let op, de link verloopt na \(days) \(days == 1 ? "dag" : "dagen")."
    }

    static func closing(_ config: Config) -> String {
        """
        Een wachtwoord verloopt \(config[.passwordMaxAgeDays]) dagen nadat het is gewijzigd.

        Met vriendelijke groet,
        \(config[.agencyName])

        Vragen? Mail naar \(config[.agencyEmail])

        """
    }

    public static func body(name: String, link: String, config: Config) -> String {
        """
        Beste \(name),

        Wij hebben een account voor je aangemaakt op onze portal, maar je account is nog niet geactiveerd. Activeer je account door op de link hieronder te klikken en maak een wachtwoord aan.

        \(link)

        \(validity(config))

        Kopieer de URL in de adresbalk van de webbrowser indien de link niet werkt.

        Je wachtwoord moet voldoen aan deze eisen:
        \(rules(config))

        \(closing(config))
        """
    }

    /// A worker's account: they fill in and submit their own hours, and
    /// correct a week that was rejected. `email` is their login.
    public static func workerBody(name: String, email: String, link: String, config: Config) -> String {
        let portal = config[.portalURL]
        return """
            Beste \(name),

            Wij hebben een account voor je aangemaakt op onze portal. Daarmee vul je voortaan zelf je gewerkte uren in: per week rapporteer je je uren en dien je de declaratie in, zodat je opdrachtgever ze kan goedkeuren. Wordt een week afgewezen, dan krijg je een mail met de reden en pas je de declaratie aan.

            Je account is nog niet geactiveerd. Activeer je account door op de link hieronder te klikken en maak een wachtwoord aan.

            \(link)

            \(validity(config))

            Kopieer de URL in de adresbalk van de webbrowser indien de link niet werkt.

            Je logt daarna in met je e-mailadres \(email) op \(portal).

            Je wachtwoord moet voldoen aan deze eisen:
            \(rules(config))

            \(closing(config))
            """
    }
}
