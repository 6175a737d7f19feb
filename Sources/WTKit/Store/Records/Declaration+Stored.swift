// How Declaration's records are kept in the store: their stored fields and the
// conformances the store's files need. Domain keeps the values and rules.

extension Declaration: StoredRecord {
    public init(stored r: JSONReader) throws {
        id = try r.string("id")
        contract = try r.string("contract")
        worker = try r.string("worker")
        client = try r.string("client")
        department = try r.string("department")
        week = try r.parsed("week") { try ISOWeek.parse($0) }
        status = try r.parsed("status") { try DeclarationStatus.parse($0) }
        lines = try r.array("lines").map {
            let l = try JSONReader($0, what: r.what)
            return Line(date: try l.parsed("date") { try CalendarDate.parse($0) }, type: try l.string("type"), minutes: try l.int("minutes"))
        }
        expenses = try r.array("expenses").map {
            let e = try JSONReader($0, what: r.what)
            return Expense(label: try e.string("label"), amount: try e.parsed("amount") { try Money.parse($0) })
        }
        km = try r.optInt("km") ?? 0
        comments = try r.array("comments").map {
            let c = try JSONReader($0, what: r.what)
            return Comment(at: try c.string("at"), by: try c.string("by"), text: try c.string("text"))
        }
        history = try r.array("history").map {
            let h = try JSONReader($0, what: r.what)
            return Transition(
                at: try h.string("at"), by: try h.string("by"),
                from: try h.optParsed("from") { try DeclarationStatus.parse($0) },
                to: try h.parsed("to") { try DeclarationStatus.parse($0) }, reason: try h.optString("reason"))
        }
        invoice = try r.optString("invoice")
        workerName = try r.optString("workerName")
        // Absent in declarations written before warnings were kept.
        warnings = try (r.object["warnings"]?.arrayValue ?? []).map { try WorkTimeWarning.parse($0, what: r.what) }
    }

    public var stored: JSON {
        [
            "id": .string(id), "contract": .string(contract), "worker": .string(worker), "client": .string(client),
            "department": .string(department), "week": .string(week.description), "status": .string(status.rawValue),
            "minutes": .int(minutes),
            "lines": .array(lines.map { ["date": .string($0.date.description), "type": .string($0.type), "minutes": .int($0.minutes)] }),
            "expenses": .array(expenses.map { ["label": .string($0.label), "amount": .string($0.amount.description)] }),
            "km": .int(km),
            "comments": .array(comments.map { ["at": .string($0.at), "by": .string($0.by), "text": .string($0.text)] }),
            "history": .array(history.map {
                var o: [String: JSON] = ["at": .string($0.at), "by": .string($0.by), "from": JSON($0.from?.rawValue), "to": .string($0.to.rawValue)]
                if let r = $0.reason { o["reason"] = .string(r) }
                return .object(o)
            }),
            "invoice": JSON(invoice), "workerName": JSON(workerName),
            "warnings": .array(warnings.map(\.json)),
        ]
    }
}
