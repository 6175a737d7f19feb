enum ClientsCommands {
    static let fieldOptions: [OptionSpec] = [
        OptionSpec("kvk", value: "NUMBER", help: "Chamber of Commerce number, 8 digits"),
        OptionSpec("vat-id", value: "ID", help: "VAT id, NL + 9 digits + B + 2 digits (both Dutch forms are checked)"),
        OptionSpec("email", value: "EMAIL", help: "the client's invoice address"),
        OptionSpec("street", value: "STREET", help: "street and number"),
        OptionSpec("postcode", value: "POSTCODE", help: "postcode (1234 AB in NL)"),
        OptionSpec("city", value: "CITY", help: "city"),
        OptionSpec("country", value: "CC", help: "two-letter country code (default NL)"),
        OptionSpec("g-account-percent", value: "PERCENT", help: "share of each invoice, incl. VAT, paid to the G-account (0-100)"),
        OptionSpec("payment-days", value: "DAYS", help: "payment term in days (default: invoice.paymentDays)"),
    ]

    /// Reads the field options; an empty value clears an optional field.
    static func fields(_ inv: CommandEnv) throws -> Organisation.ClientFields {
        var f = Organisation.ClientFields()
        func opt(_ name: String, _ normalize: (String) throws -> String) throws -> String?? {
            guard let v = inv.value(name) else { return nil }
            if v.trimmingSpaces().isEmpty { return .some(nil) }
            do { return .some(try normalize(v)) } catch let e as WTError {
                throw WTError.invalid("--\(name): \(e.message)", hint: e.hint)
            }
        }
        f.kvk = try opt("kvk") { try KvK.normalize($0) }
        f.vatId = try opt("vat-id") { try VATId.normalize($0) }
        f.email = try opt("email") { try Email.normalize($0) }
        f.street = try opt("street") { try TextRules.line($0, what: "--street") }
        f.city = try opt("city") { try TextRules.line($0, what: "--city") }
        if let c = inv.value("country") {
            f.country = try ConfigKey.find("agency.country").parse(c).stringValue
        }
        let country = f.country ?? "NL"
        f.postcode = try opt("postcode") { try Postcode.normalize($0, country: country) }
        if let p = inv.value("g-account-percent") {
            guard let n = Int(p.trimmingSpaces().replacingOccurrences(of: "%", with: "")), (0...100).contains(n) else {
                throw WTError.invalid("--g-account-percent: \"\(RecordKind.printable(p))\" must be a whole percentage from 0 to 100")
            }
            f.gAccountPercent = n
        }
        if let d = inv.value("payment-days") {
            if d.isEmpty {
                f.paymentDays = .some(nil)
            } else {
                guard let n = Int(d), (0...365).contains(n) else {
                    throw WTError.invalid("--payment-days: \"\(RecordKind.printable(d))\" must be a number of days from 0 to 365")
                }
                f.paymentDays = .some(n)
            }
        }
        return f
    }

    static let noun = NounSpec(
        "clients", summary: "client companies (inleners)",
        details: "A client is a company that hires the agency's workers. Its departments (opdrachtgevers) place the contracts, its users approve hours and sign documents, and it receives the invoices.",
        commands: [
            CommandSpec(
                "clients", "add", summary: "add a client company",
                args: [ArgSpec("NAME", "the company's name")], options: fieldOptions,
                examples: [Example("wt clients add 'Bakkerij Jansen BV' --kvk 12345678 --vat-id NL123456782B01 --city Utrecht", "add a client with its KvK number and VAT id")],
                fields: Client.schema.names, access: .write
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "add clients")
                var f = try fields(inv)
                f.name = try TextRules.line(inv.arg(0)!, what: "the client's name")
                let tx = try inv.begin()
                let c = try Organisation.addClient(f, in: tx)
                try inv.commit(tx)
                try inv.done("added client \(c.id) \(c.name)", records: [c.stored], schema: Client.schema)
            },
            CommandSpec(
                "clients", "edit", summary: "change a client's details (issued invoices keep the old ones)",
                args: [ArgSpec("ID", "the client's id", completion: .records("clients"))],
                options: [OptionSpec("name", value: "NAME", help: "the company's name")] + fieldOptions,
                examples: [Example("wt clients edit cl-1 --g-account-percent 25", "let the client pay a quarter of each invoice to the G-account")],
                fields: Client.schema.names, access: .write
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "edit clients")
                var f = try fields(inv)
                if let n = inv.value("name") { f.name = try TextRules.line(n, what: "--name") }
                let tx = try inv.begin()
                let c = try Organisation.editClient(inv.arg(0)!, f, in: tx, actor: try inv.actor())
                try inv.commit(tx)
                try inv.done("changed client \(c.id) \(c.name)", records: [c.stored], schema: Client.schema)
            },
            CommandSpec(
                "clients", "list", summary: "list the clients",
                examples: [Example("wt clients list --format csv", "every client as CSV")],
                fields: Client.schema.names, access: .read
            ) { inv in
                let actor = try inv.actor()
                let rows = try Organisation.clients(try inv.store()).filter { AccessControl.canSee(actor, client: $0.id) }
                try inv.printList(rows.map(\.stored), Client.schema)
            },
            CommandSpec(
                "clients", "show", summary: "show one client",
                args: [ArgSpec("ID", "the client's id", completion: .records("clients"))],
                examples: [Example("wt clients show cl-1 --json", "one client as JSON")],
                fields: Client.schema.names, access: .read
            ) { inv in
                let c = try Organisation.client(inv.arg(0)!, try inv.store(), actor: try inv.actor())
                try inv.printRecord(c.stored, Client.schema)
            },
        ])
}

import Foundation
