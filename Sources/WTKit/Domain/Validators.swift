/// Small text helpers shared by the value parsers of the domain layer.
enum DomainText {
    /// Control characters (Unicode general category Cc: NUL, TAB, CR, LF, ESC, DEL, C1 ...).
    static func hasControl(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// The value as it appears in an error message: in double quotes, control characters
    /// escaped so they cannot move the cursor or ring the bell yet the exact value can be
    /// read back, and cut off after 64 Unicode scalars.
    static func quote(_ s: String) -> String {
        PrintableText.make(s, limit: .init(64, .scalars), breaks: .likeControls, controls: .escape, quoted: true)
    }

    /// Without leading and trailing whitespace (Unicode whitespace, which includes tabs and newlines).
    static func trim(_ s: String) -> String {
        var sub = Substring(s)
        while let first = sub.first, first.isWhitespace { sub.removeFirst() }
        while let last = sub.last, last.isWhitespace { sub.removeLast() }
        return String(sub)
    }

    static func isASCIIDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isASCIIUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    static func isASCIILower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }

    /// The ISO 7064 MOD 97-10 remainder of ASCII digits and capital letters, letters counted
    /// as two-digit numbers (A = 10 … Z = 35), as IBANs and Dutch VAT ids use it.
    /// Returns nil when `bytes` holds anything else.
    static func mod97<S: Sequence>(_ bytes: S) -> Int? where S.Element == UInt8 {
        var remainder = 0
        for b in bytes {
            if isASCIIDigit(b) {
                remainder = (remainder * 10 + Int(b - 0x30)) % 97
            } else if isASCIIUpper(b) {
                remainder = (remainder * 100 + Int(b - 0x41) + 10) % 97
            } else {
                return nil
            }
        }
        return remainder
    }

    /// Lowercase ASCII letters made uppercase; everything else unchanged.
    static func asciiUppercased(_ s: String) -> String {
        String(decoding: s.utf8.map { isASCIILower($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
    }
}

/// International Bank Account Numbers (ISO 13616).
public enum IBAN {
    /// IBAN length per country, from the registry's structures: 4 + the BBAN's length.
    public static let lengths: [String: Int] = IBANRegistry.structures.mapValues { 4 + $0.reduce(0) { $0 + $1.count } }

    /// The IBAN in its electronic form (no spaces, capitals), e.g. `NL91ABNA0417164300`.
    /// Checks the characters, the country's length and BBAN structure (the SWIFT registry's, e.g.
    /// NL: a 4-letter bank code and 10 digits), and the check digits (mod 97 == 1).
    public static func normalize(_ s: String) throws -> String {
        let shown = DomainText.quote(s)
        if DomainText.hasControl(s) {
            throw WTError.usage("IBAN \(shown): contains a control character")
        }
        let compact = DomainText.asciiUppercased(String(s.unicodeScalars.filter { $0 != " " }))
        if compact.isEmpty {
            throw WTError.usage("IBAN \(shown): empty; expected e.g. NL91 ABNA 0417 1643 00")
        }
        let bytes = Array(compact.utf8)
        guard bytes.allSatisfy({ DomainText.isASCIIDigit($0) || DomainText.isASCIIUpper($0) }) else {
            throw WTError.usage("IBAN \(shown): only letters, digits and spaces are allowed")
        }
        guard bytes.count >= 5,
              DomainText.isASCIIUpper(bytes[0]), DomainText.isASCIIUpper(bytes[1]),
              DomainText.isASCIIDigit(bytes[2]), DomainText.isASCIIDigit(bytes[3])
        else {
            throw WTError.usage("IBAN \(shown): expected a country code, two check digits and the account, e.g. NL91 ABNA 0417 1643 00")
        }
        let country = String(compact.prefix(2))
        guard let length = lengths[country] else {
            throw WTError.invalid("IBAN \(shown): unknown country code \(country)")
        }
        guard bytes.count == length else {
            throw WTError.invalid("IBAN \(shown): \(country) IBANs have \(length) characters, this one has \(bytes.count)")
        }
        if let segments = IBANRegistry.structures[country], !matches(bytes[4...], segments) {
            if country == "NL" {
                throw WTError.invalid("IBAN \(shown): a Dutch IBAN has a 4-letter bank code followed by 10 digits")
            }
            throw WTError.invalid(
                "IBAN \(shown): \(country) IBANs have the structure \(IBANRegistry.bban[country]!) after the check digits (n: digits, a: capital letters, c: letters or digits)")
        }
        let rearranged = bytes[4...] + bytes[..<4]
        guard DomainText.mod97(rearranged) == 1 else {
            throw WTError.invalid("IBAN \(shown): the check digits do not match (mod 97 check failed); look for a typo")
        }
        return compact
    }

    /// Whether the BBAN follows the registry's segments.
    static func matches(_ bban: ArraySlice<UInt8>, _ segments: [IBANRegistry.Segment]) -> Bool {
        var i = bban.startIndex
        for segment in segments {
            for _ in 0..<segment.count {
                guard i < bban.endIndex else { return false }
                let b = bban[i]
                let ok = switch segment.kind {
                case "n": DomainText.isASCIIDigit(b)
                case "a": DomainText.isASCIIUpper(b)
                default: DomainText.isASCIIDigit(b) || DomainText.isASCIIUpper(b)
                }
                guard ok else { return false }
                i += 1
            }
        }
        return i == bban.endIndex
    }

    /// Whether `iban` is a valid Dutch G-account (G-rekening) IBAN: `099` right after the
    /// 4-letter bank code, i.e. characters 9-11 of `NLkkBBBB099…`.
    public static func isGAccount(_ iban: String) -> Bool {
        guard let normalized = try? normalize(iban), normalized.hasPrefix("NL") else { return false }
        return Array(normalized.utf8)[8..<11].elementsEqual("099".utf8)
    }

    /// The IBAN in groups of four for people to read: `NL91 ABNA 0417 1643 00`.
    public static func formatted(_ normalized: String) -> String {
        var out = ""
        for (i, c) in normalized.enumerated() {
            if i > 0, i % 4 == 0 { out.append(" ") }
            out.append(c)
        }
        return out
    }
}

/// Dutch Chamber of Commerce (Kamer van Koophandel) numbers.
public enum KvK {
    /// The eight digits, spaces removed.
    public static func normalize(_ s: String) throws -> String {
        let shown = DomainText.quote(s)
        if DomainText.hasControl(s) {
            throw WTError.usage("KvK number \(shown): contains a control character")
        }
        let digits = String(s.unicodeScalars.filter { $0 != " " })
        if digits.isEmpty {
            throw WTError.usage("KvK number \(shown): empty; expected 8 digits, e.g. 12345678")
        }
        guard digits.utf8.allSatisfy(DomainText.isASCIIDigit) else {
            throw WTError.usage("KvK number \(shown): only digits are allowed; expected 8 digits, e.g. 12345678")
        }
        guard digits.utf8.count == 8 else {
            throw WTError.invalid("KvK number \(shown): has \(digits.utf8.count) digits; a KvK number has 8")
        }
        return digits
    }
}

/// Dutch VAT identification numbers (btw-id): `NL` + 9 digits + `B` + a 2-digit subnumber from 01.
public enum VATId {
    /// The VAT id without spaces, in capitals, e.g. `NL123456782B01`. Valid when either form's
    /// check passes: the eleven test of the 9 digits (the old form, derived from the RSIN),
    /// or mod 97 == 1 over the whole id with letters as numbers (the form given to sole
    /// proprietors since 2020).
    public static func normalize(_ s: String) throws -> String {
        let shown = DomainText.quote(s)
        if DomainText.hasControl(s) {
            throw WTError.usage("VAT id \(shown): contains a control character")
        }
        let compact = DomainText.asciiUppercased(String(s.unicodeScalars.filter { $0 != " " }))
        let b = Array(compact.utf8)
        let shapeOK = b.count == 14 && b[0] == UInt8(ascii: "N") && b[1] == UInt8(ascii: "L")
            && b[2..<11].allSatisfy(DomainText.isASCIIDigit) && b[11] == UInt8(ascii: "B")
            && b[12..<14].allSatisfy(DomainText.isASCIIDigit)
        guard shapeOK else {
            throw WTError.usage("VAT id \(shown): expected a Dutch VAT id, NL + 9 digits + B + 2 digits, e.g. NL123456782B01")
        }
        guard !b[12..<14].allSatisfy({ $0 == UInt8(ascii: "0") }) else {
            throw WTError.invalid("VAT id \(shown): the two digits after the B are a subnumber from 01; B00 does not exist")
        }
        guard !b[2..<11].allSatisfy({ $0 == UInt8(ascii: "0") }) else {
            throw WTError.invalid("VAT id \(shown): nine zeros is no fiscal number")
        }
        guard passesElevenTest(b[2..<11]) || DomainText.mod97(b) == 1 else {
            throw WTError.invalid("VAT id \(shown): the check digits do not match (neither the eleven test nor mod 97); look for a typo")
        }
        return compact
    }

    /// d1×9 + d2×8 + … + d8×2 − d9 ≡ 0 (mod 11).
    static func passesElevenTest(_ digits: ArraySlice<UInt8>) -> Bool {
        let d = digits.map { Int($0 - 0x30) }
        guard d.count == 9 else { return false }
        var sum = 0
        for i in 0..<8 { sum += d[i] * (9 - i) }
        sum -= d[8]
        return sum % 11 == 0
    }
}

/// E-mail addresses.
public enum Email {
    /// The address trimmed, its domain in lower case (the local part keeps its case: the
    /// receiving server decides what it means). Needs exactly one `@`, a dot in the domain,
    /// no spaces or control characters, at most 64 bytes before the `@` and 254 in all.
    public static func normalize(_ s: String) throws -> String {
        let shown = DomainText.quote(s)
        if DomainText.hasControl(s) {
            throw WTError.usage("e-mail address \(shown): contains a control character")
        }
        let t = DomainText.trim(s)
        if t.isEmpty {
            throw WTError.usage("e-mail address \(shown): empty; expected e.g. name@example.nl")
        }
        if t.contains(where: { $0.isWhitespace }) {
            throw WTError.usage("e-mail address \(shown): contains a space")
        }
        if let bad = t.unicodeScalars.first(where: {
            [.format, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate]
                .contains($0.properties.generalCategory)
        }) {
            throw WTError.usage("e-mail address \(shown): contains an invisible character U+\(String(bad.value, radix: 16, uppercase: true))")
        }
        let parts = t.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw WTError.usage("e-mail address \(shown): expected exactly one @, e.g. name@example.nl")
        }
        let local = parts[0], domain = parts[1].lowercased()
        if local.isEmpty {
            throw WTError.usage("e-mail address \(shown): nothing before the @")
        }
        if domain.isEmpty {
            throw WTError.usage("e-mail address \(shown): no domain after the @")
        }
        if let c = local.first(where: { "()<>[]\\,;:\"".contains($0) }) {
            throw WTError.usage("e-mail address \(shown): the character \(c) is not allowed")
        }
        if local.hasPrefix(".") || local.hasSuffix(".") || local.contains("..") {
            throw WTError.usage("e-mail address \(shown): the part before the @ may not start or end with a dot or have two in a row")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 {
            throw WTError.invalid("e-mail address \(shown): the domain \(domain) has no dot; expected a full domain like example.nl")
        }
        for label in labels {
            if label.isEmpty {
                throw WTError.usage("e-mail address \(shown): the domain may not start or end with a dot or have two in a row")
            }
            guard label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
                  !label.hasPrefix("-"), !label.hasSuffix("-")
            else {
                throw WTError.usage("e-mail address \(shown): the domain may hold only letters, digits, hyphens and dots")
            }
            if label.utf8.count > 63 {
                throw WTError.invalid("e-mail address \(shown): a part of the domain is longer than 63 characters")
            }
        }
        let result = local + "@" + domain
        if local.utf8.count > 64 {
            throw WTError.invalid("e-mail address \(shown): the part before the @ is longer than 64 characters")
        }
        if result.utf8.count > 254 {
            throw WTError.invalid("e-mail address \(shown): longer than 254 characters")
        }
        return result
    }
}

/// Telephone numbers, normalized to E.164 (`+31612345678`), the form SMS gateways take.
public enum Phone {
    /// Accepts Dutch national numbers (`06 12345678`, `020-1234567`), `+31 6 …`, `+31 (0)6 …`
    /// and `0031 6 …`, and foreign numbers with `+` or `00`. Spaces, hyphens, dots, slashes and
    /// parentheses are layout and dropped. A Dutch number has 9 digits after +31; any number
    /// 8 to 15 digits in all (E.164's maximum is 15).
    public static func normalize(_ s: String) throws -> String {
        let shown = DomainText.quote(s)
        if DomainText.hasControl(s) {
            throw WTError.usage("phone number \(shown): contains a control character")
        }
        let layout: Set<Unicode.Scalar> = [" ", "-", ".", "/", "(", ")"]
        var body = Array(String(DomainText.trim(s).unicodeScalars.filter { !layout.contains($0) }).utf8)
        if body.isEmpty {
            throw WTError.usage("phone number \(shown): empty; expected e.g. 06 12345678 or +31 6 12345678")
        }
        var international: Bool
        if body.first == UInt8(ascii: "+") {
            body.removeFirst()
            international = true
        } else if body.starts(with: "00".utf8) {
            body.removeFirst(2)
            international = true
        } else if body.first == UInt8(ascii: "0") {
            body.removeFirst()
            international = false
        } else {
            guard body.allSatisfy(DomainText.isASCIIDigit) else {
                throw WTError.usage("phone number \(shown): only digits, spaces, hyphens and a leading + are allowed")
            }
            throw WTError.usage("phone number \(shown): expected a Dutch number starting with 0, or an international one with + or 00")
        }
        guard body.allSatisfy(DomainText.isASCIIDigit) else {
            throw WTError.usage("phone number \(shown): only digits, spaces, hyphens and a leading + are allowed")
        }
        if !international {
            body = Array("31".utf8) + body
        } else if body.first == UInt8(ascii: "0") {
            throw WTError.invalid("phone number \(shown): a country code does not start with 0")
        }
        if body.starts(with: "31".utf8) {
            var national = Array(body.dropFirst(2))
            // "+31 (0)6 …": the trunk 0 written after the country code is not dialled.
            if international, national.first == UInt8(ascii: "0") { national.removeFirst() }
            // Only one trunk 0: `+31 00…` normalized to `+3100…` would not normalize again.
            guard national.first != UInt8(ascii: "0") else {
                throw WTError.invalid("phone number \(shown): a Dutch number has a single 0 before the area code or 6")
            }
            guard national.count == 9 else {
                throw WTError.invalid("phone number \(shown): a Dutch number has 9 digits after 0 or +31, this one has \(national.count)")
            }
            body = Array("31".utf8) + national
        }
        guard (8...15).contains(body.count) else {
            throw WTError.invalid("phone number \(shown): has \(body.count) digits with the country code; expected 8 to 15")
        }
        return "+" + String(decoding: body, as: UTF8.self)
    }
}

/// Postal codes.
public enum Postcode {
    /// For `NL` (any case) the Dutch form `1234 AB`: four digits, the first not 0, and two
    /// letters, with or without the space. For other countries the code trimmed, as given.
    public static func normalize(_ s: String, country: String) throws -> String {
        let shown = DomainText.quote(s)
        if DomainText.hasControl(s) || DomainText.hasControl(country) {
            throw WTError.usage("postcode \(shown): contains a control character")
        }
        let trimmed = DomainText.trim(s)
        if trimmed.isEmpty {
            throw WTError.usage("postcode \(shown): empty")
        }
        guard DomainText.asciiUppercased(DomainText.trim(country)) == "NL" else { return trimmed }
        let b = Array(DomainText.asciiUppercased(String(trimmed.unicodeScalars.filter { $0 != " " })).utf8)
        guard b.count == 6, b[0..<4].allSatisfy(DomainText.isASCIIDigit), b[4..<6].allSatisfy(DomainText.isASCIIUpper) else {
            throw WTError.usage("postcode \(shown): expected a Dutch postcode, 4 digits and 2 letters, e.g. 1234 AB")
        }
        guard b[0] != UInt8(ascii: "0") else {
            throw WTError.invalid("postcode \(shown): Dutch postcodes do not start with 0")
        }
        return String(decoding: b[0..<4], as: UTF8.self) + " " + String(decoding: b[4..<6], as: UTF8.self)
    }
}
