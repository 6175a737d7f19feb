// PayrollRun's records as JSON: the fields `--format json` shows and the nested values the
// store keeps. JSON is the store's codec, so this lives in Store; Domain keeps the rules.

extension PayrollRun.Summary {
    init(number: String, stored r: JSONReader) throws {
        self.number = number
        date = try r.parsed("date", CalendarDate.parse)
        total = try r.parsed("total", Money.parse)
        lines = try r.int("lines")
        declarations = try r.int("declarations")
        workers = try r.int("workers")
    }

    /// As stored in the index (the number is the key).
    var json: JSON {
        ["date": .string(date.description), "total": .string(total.description), "lines": .int(lines),
         "declarations": .int(declarations), "workers": .int(workers)]
    }

    public var output: JSON {
        ["number": .string(number), "date": .string(date.description), "total": .string(total.description),
         "lines": .int(lines), "declarations": .int(declarations), "workers": .int(workers)]
    }
}

extension PayrollRun {
    /// A line as output shows it: with the run, the worker's name and IBAN.
    public func row(_ l: PayrollLine) -> JSON {
        guard case .object(var o) = l.json else { return l.json }
        o["run"] = .string(number)
        o["workerName"] = JSON(workers[l.worker]?.name)
        o["iban"] = JSON(workers[l.worker]?.iban)
        return .object(o)
    }

    public var output: JSON {
        guard case .object(var o) = stored else { return stored }
        o["lines"] = .array(lines.map(row))
        return .object(o)
    }
}
