// How PayrollCalculator's records are kept in the store: their stored fields and the
// conformances the store's files need. Domain keeps the values and rules.

extension PayrollLine {
    init(stored r: JSONReader) throws {
        worker = try r.string("worker")
        declaration = try r.string("declaration")
        contract = try r.string("contract")
        week = try r.parsed("week", ISOWeek.parse)
        guard let k = Kind(rawValue: try r.string("kind")) else { throw r.bad("kind", "hours, km, expense or correction") }
        kind = k
        guard let c = Kind(rawValue: try r.string("component")), c != .correction else { throw r.bad("component", "hours, km or expense") }
        component = c
        type = try r.string("type")
        minutes = try r.int("minutes")
        km = try r.optInt("km") ?? 0
        rate = try r.parsed("rate", Money.parse)
        percentage = try r.int("percentage")
        amount = try r.parsed("amount", Money.parse)
    }
}
