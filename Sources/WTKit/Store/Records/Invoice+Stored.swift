// How Invoice's records are kept in the store: their stored fields and the
// conformances the store's files need. Domain keeps the values and rules.

extension InvoiceParty {
    init(stored r: JSONReader) throws {
        name = try r.string("name")
        street = try r.optString("street")
        postcode = try r.optString("postcode")
        city = try r.optString("city")
        country = try r.string("country")
        kvk = try r.optString("kvk")
        vatId = try r.optString("vatId")
        email = try r.optString("email")
        iban = try r.optString("iban")
        gAccountIban = try r.optString("gAccountIban")
    }
}

extension Invoice.Line {
    init(stored r: JSONReader) throws {
        guard let k = Kind(rawValue: try r.string("kind")) else { throw r.bad("kind", "hours or expense") }
        kind = k
        description = try r.string("description")
        worker = try r.optString("worker")
        workerName = try r.optString("workerName")
        week = try r.optParsed("week", ISOWeek.parse)
        hourType = try r.optString("hourType")
        minutes = try r.optInt("minutes")
        quantity = try r.string("quantity")
        unitPrice = try r.parsed("unitPrice", Money.parse)
        percent = try r.int("percent")
        amount = try r.parsed("amount", Money.parse)
        vatRate = try r.int("vatRate")
        declarations = try r.strings("declarations")
    }
}

extension Invoice: StoredRecord {
    public init(stored r: JSONReader) throws {
        number = try r.string("number")
        guard let k = Kind(rawValue: try r.string("kind")) else { throw r.bad("kind", "invoice or credit") }
        kind = k
        creditOf = try r.optString("creditOf")
        creditOfDate = try r.optParsed("creditOfDate", CalendarDate.parse)
        reason = try r.optString("reason")
        client = try r.string("client")
        clientParty = try InvoiceParty(stored: JSONReader(.object(try r.object("clientParty")), what: r.what + " clientParty"))
        agencyParty = try InvoiceParty(stored: JSONReader(.object(try r.object("agencyParty")), what: r.what + " agencyParty"))
        buyerReference = try r.optString("buyerReference")
        date = try r.parsed("date", CalendarDate.parse)
        dueDate = try r.parsed("dueDate", CalendarDate.parse)
        let p = try JSONReader(.object(try r.object("period")), what: r.what + " period")
        period = Period(firstWeek: try p.parsed("firstWeek", ISOWeek.parse), lastWeek: try p.parsed("lastWeek", ISOWeek.parse))
        lines = try r.array("lines").map { try Line(stored: JSONReader($0, what: r.what + " line")) }
        subtotal = try r.parsed("subtotal", Money.parse)
        vatBreakdown = try r.array("vatBreakdown").map {
            let v = try JSONReader($0, what: r.what + " vatBreakdown")
            return VATAmount(rate: try v.int("rate"), base: try v.parsed("base", Money.parse), amount: try v.parsed("amount", Money.parse))
        }
        vat = try r.parsed("vat", Money.parse)
        total = try r.parsed("total", Money.parse)
        gAccountPercent = try r.int("gAccountPercent")
        gAccountAmount = try r.parsed("gAccountAmount", Money.parse)
        declarations = try r.strings("declarations")
        createdAt = try r.string("createdAt")
    }

    public var stored: JSON {
        [
            "number": .string(number), "kind": .string(kind.rawValue), "creditOf": JSON(creditOf),
            "creditOfDate": JSON(creditOfDate?.description), "reason": JSON(reason), "client": .string(client),
            "clientParty": clientParty.json, "agencyParty": agencyParty.json, "buyerReference": JSON(buyerReference),
            "date": .string(date.description), "dueDate": .string(dueDate.description), "period": period.json,
            "lines": .array(lines.map(\.json)), "subtotal": .string(subtotal.description),
            "vatBreakdown": .array(vatBreakdown.map(\.json)), "vat": .string(vat.description),
            "total": .string(total.description), "gAccountPercent": .int(gAccountPercent),
            "gAccountAmount": .string(gAccountAmount.description), "declarations": JSON(declarations),
            "createdAt": .string(createdAt),
        ]
    }
}
