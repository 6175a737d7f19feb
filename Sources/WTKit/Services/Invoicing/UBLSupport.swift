/// Identifiers of the UBL and e-invoicing specifications, shared by the writer and its tests.
public enum UBLNames {
    public static let invoiceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    public static let creditNoteNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    public static let cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    public static let cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    /// Peppol BIS Billing 3.0 (PEPPOL-EN16931-R004).
    public static let peppolCustomizationID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
    /// SI-UBL 2.0 (NLCIUS) with the G-account extension (BR-GA-0).
    public static let gAccountCustomizationID =
        "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0#conformant#urn:fdc:nen.nl:gaccount:v1.0"
    public static let nlciusCustomizationID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0"
    /// The Peppol billing process (PEPPOL-EN16931-R007).
    public static let peppolProfileID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
    /// The payment means ids of the G-account extension (BR-GA-5, BR-GA-7).
    public static let gAccountPaymentMeansID = "GACCOUNT"
    public static let regularPaymentMeansID = "REGULAR"
    public static let exemptionReason = "Doorbelaste kosten, niet belast met btw"
}

/// Indented XML, two spaces per level, with text and attribute values escaped.
struct XMLBuilder {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    private var indent: String { String(repeating: "  ", count: depth) }

    mutating func open(_ name: String, attributes: [(String, String)] = []) {
        text += indent + "<" + name + Self.attributes(attributes) + ">\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += indent + "</" + name + ">\n"
    }

    /// An element with text. `currency: true` adds `currencyID="EUR"`.
    mutating func leaf(_ name: String, _ value: String, attributes: [(String, String)] = [], currency: Bool = false) {
        let attrs = currency ? attributes + [("currencyID", "EUR")] : attributes
        text += indent + "<" + name + Self.attributes(attrs) + ">" + Self.escape(value, quotes: false) + "</" + name + ">\n"
    }

    /// A leaf only when there is a non-blank value: Peppol forbids empty elements (R008).
    mutating func optionalLeaf(_ name: String, _ value: String?) {
        guard let value, !value.allSatisfy(\.isWhitespace) else { return }
        leaf(name, value)
    }

    private static func attributes(_ list: [(String, String)]) -> String {
        list.map { " \($0.0)=\"\(escape($0.1, quotes: true))\"" }.joined()
    }

    /// `&`, `<`, `>` (and `"` in attributes) as entities; characters XML 1.0 cannot hold
    /// (C0 controls other than tab and line breaks, U+FFFE, U+FFFF) as `?`; in attributes
    /// also tab and line breaks as character references, so they survive normalisation.
    static func escape(_ s: String, quotes: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "\t" where quotes: out += "&#9;"
            case "\n" where quotes: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "?"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
