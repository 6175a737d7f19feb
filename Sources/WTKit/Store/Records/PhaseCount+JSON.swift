// PhaseCount's records as JSON: the fields `--format json` shows and the nested values the
// store keeps. JSON is the store's codec, so this lives in Store; Domain keeps the rules.

extension PhaseCount {
    public var json: JSON { ["weeksWorked": .int(weeksWorked), "weeksLeftA": .int(weeksLeftA)] }
}
