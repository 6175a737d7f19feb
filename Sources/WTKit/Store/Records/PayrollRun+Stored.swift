// How PayrollRun's records are kept in the store: their stored fields and the
// conformances the store's files need. Domain keeps the values and rules.

extension PayrollRun {
    public init(stored r: JSONReader) throws {
        number = try r.string("number")
        date = try r.parsed("date", CalendarDate.parse)
        createdAt = try r.string("createdAt")
        lines = try r.array("lines").map { try PayrollLine(stored: JSONReader($0, what: r.what)) }
        workers = try r.object("workers").mapValues {
            let w = try JSONReader($0, what: r.what)
            return Payee(name: try w.string("name"), iban: try w.optString("iban"))
        }
        let stated = try r.parsed("total", Money.parse)
        guard stated == total else { throw r.bad("total", "the sum of its lines (\(total))") }
    }

    /// Stored and shown alike; each line also names its worker and IBAN.
    public var stored: JSON {
        [
            "number": .string(number), "date": .string(date.description), "createdAt": .string(createdAt),
            "lines": .array(lines.map(\.json)), "total": .string(total.description), "declarations": JSON(declarations),
            "workers": .object(workers.mapValues { ["name": .string($0.name), "iban": JSON($0.iban)] }),
        ]
    }
}
