// PayrollCalculator's records as JSON: the fields `--format json` shows and the nested values the
// store keeps. JSON is the store's codec, so this lives in Store; Domain keeps the rules.

extension PayrollLine {
    public var json: JSON {
        [
            "worker": .string(worker), "declaration": .string(declaration), "contract": .string(contract),
            "week": .string(week.description), "kind": .string(kind.rawValue), "component": .string(component.rawValue),
            "type": .string(type), "minutes": .int(minutes), "km": .int(km), "rate": .string(rate.description),
            "percentage": .int(percentage), "amount": .string(amount.description),
        ]
    }
}
