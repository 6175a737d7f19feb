// WorkTime's records as JSON: the fields `--format json` shows and the nested values the
// store keeps. JSON is the store's codec, so this lives in Store; Domain keeps the rules.

extension WorkTimeWarning {
    public var json: JSON { ["code": .string(code.rawValue), "message": .string(message)] }

    public static func parse(_ json: JSON, what: String) throws -> WorkTimeWarning {
        let r = try JSONReader(json, what: what)
        let code = try r.parsed("code") { raw -> Code in
            guard let c = Code(rawValue: raw) else { throw JSONParseError(offset: 0, reason: "\(what): unknown warning code \(raw)") }
            return c
        }
        return WorkTimeWarning(code, try r.string("message"))
    }
}
