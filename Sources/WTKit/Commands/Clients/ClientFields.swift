/// The options `clients add` and `clients edit` share: a client's details,
/// each declared once with its check. A bad value is invalid (exit 6), as a
/// stored client would be; an empty value clears an optional field.
enum ClientFieldOptions {
    /// Blank clears the field (nil); anything else is normalized, its error made `invalid`.
    static func clearable(_ normalize: @escaping @Sendable (String) throws -> String) -> @Sendable (String) throws -> String? {
        { raw in
            if raw.trimmingSpaces().isEmpty { return nil }
            do { return try normalize(raw) } catch let e as WTError { throw WTError.invalid(e.message, hint: e.hint) }
        }
    }

    static let kvk = ValueOption("kvk", "NUMBER", help: "Chamber of Commerce number, 8 digits", parse: clearable { try KvK.normalize($0) })
    static let vatId = ValueOption(
        "vat-id", "ID", help: "VAT id, NL + 9 digits + B + 2 digits (both Dutch forms are checked)", parse: clearable { try VATId.normalize($0) })
    static let email = ValueOption("email", "EMAIL", help: "the client's invoice address", parse: clearable { try Email.normalize($0) })
    static let street = ValueOption(
        "street", "STREET", help: "street and number", parse: clearable { try TextRules.line($0, what: "--street") })
    /// Taken raw: its rule depends on --country, so `fields(from:)` checks it.
    static let postcode = ValueOption("postcode", "POSTCODE", help: "postcode (1234 AB in NL)")
    static let city = ValueOption("city", "CITY", help: "city", parse: clearable { try TextRules.line($0, what: "--city") })
    static let country = ValueOption("country", "CC", help: "two-letter country code (default NL)") { raw -> String in
        try SharedOptions.setting(.agencyCountry)(raw).stringValue ?? raw
    }
    static let gAccountPercent = ValueOption(
        "g-account-percent", "PERCENT", help: "share of each invoice, incl. VAT, paid to the G-account (0-100)"
    ) { p -> Int in
        guard let n = Int(p.trimmingSpaces().replacingOccurrences(of: "%", with: "")), (0...100).contains(n) else {
            throw WTError.invalid("\"\(RecordKind.printable(p))\" must be a whole percentage from 0 to 100")
        }
        return n
    }
    /// Empty clears the client's own term, so invoice.paymentDays applies.
    static let paymentDays = ValueOption(
        "payment-days", "DAYS", help: "payment term in days (default: invoice.paymentDays)"
    ) { d -> Int? in
        if d.isEmpty { return nil }
        guard let n = Int(d), (0...365).contains(n) else {
            throw WTError.invalid("\"\(RecordKind.printable(d))\" must be a number of days from 0 to 365")
        }
        return n
    }

    static let all: [any OptionDeclaration] = [kvk, vatId, email, street, postcode, city, country, gAccountPercent, paymentDays]

    /// The details given on the line, checked in the order they always were.
    static func fields(from line: ParsedLine) throws -> Organisation.ClientFields {
        var f = Organisation.ClientFields()
        f.kvk = try given(kvk, line)
        f.vatId = try given(vatId, line)
        f.email = try given(email, line)
        f.street = try given(street, line)
        f.city = try given(city, line)
        f.country = try country.value(in: line)
        let rule = f.country ?? "NL"
        if let raw = postcode.raw(in: line) {
            f.postcode = .some(try prefixed(postcode.spec) { try clearable { try Postcode.normalize($0, country: rule) }(raw) })
        }
        f.gAccountPercent = try gAccountPercent.value(in: line)
        if paymentDays.isGiven(in: line) { f.paymentDays = .some(try paymentDays.value(in: line) ?? nil) }
        return f
    }

    /// Not given: nil (unchanged); given: the value, or .some(nil) to clear.
    private static func given(_ o: ValueOption<String?>, _ line: ParsedLine) throws -> String?? {
        o.isGiven(in: line) ? .some(try o.value(in: line) ?? nil) : nil
    }
}
