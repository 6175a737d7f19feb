// The test oracle for UBLWriter: the EN 16931 and Peppol BIS 3.0 rules the
// tests check every UBL document against. It lives with the tests, not in
// WTKit, because its XML parser (FoundationXML) would link libxml2 and ICU
// into wt and cost every command about a millisecond of start-up.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import WTKit

/// One broken rule in a UBL document.
public struct UBLIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable {
        /// The document does not conform: a receiver's validator rejects it.
        case fatal
        /// Allowed, but a validator reports it.
        case warning
    }

    /// The published rule id (`BR-CO-15`, `PEPPOL-EN16931-R003`, `NL-R-001`, `BR-GA-3`), or a
    /// `WT-` id for what an XML schema would catch (well-formedness, numbers, dates).
    public var rule: String
    public var severity: Severity
    public var message: String
    /// Where: `/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount`.
    public var location: String

    public init(rule: String, severity: Severity, message: String, location: String) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
    }

    public var description: String { "[\(rule)] \(severity.rawValue) at \(location): \(message)" }
}

/// Checks a UBL 2.1 Invoice or CreditNote against the business rules of EN 16931 (BR-*),
/// Peppol BIS Billing 3.0 (PEPPOL-EN16931-R*, PEPPOL-COMMON-R*), the Dutch rules for Dutch
/// suppliers (NL-R-*) and the SI-UBL 2.0 G-account extension (BR-GA-*), implemented here
/// from the published rule texts (OpenPEPPOL/peppol-bis-invoice-3 `PEPPOL-EN16931-UBL.sch`,
/// ConnectingEurope/eInvoicing-EN16931, peppolautoriteit-nl/validation). `rules` lists what is
/// implemented; it is a subset, not a replacement for the official Schematron and XML schema.
///
/// Amounts are compared exactly, as decimals; `round` is XPath's (half up, to two decimals),
/// as the Schematron bindings use it. Which rule families apply follows the document's
/// `CustomizationID`: Peppol rules for the Peppol BIS identifier (and for anything unknown,
/// which PEPPOL-EN16931-R004 then rejects), none for SI-UBL 2.0 (NLCIUS).
public enum UBLRules {
    public struct Rule: Sendable, Equatable {
        public var id: String
        public var severity: UBLIssue.Severity
        public var text: String
    }

    /// Every rule this checker implements, in the order it checks them.
    public static let rules: [Rule] = ruleTable.map { Rule(id: $0.0, severity: $0.1, text: $0.2) }

    /// The rules `document` breaks; empty when it passes every implemented rule. Never
    /// throws: a document that is not XML, or not UBL, is reported as a broken rule.
    public static func check(_ document: String) -> [UBLIssue] {
        check(Array(document.utf8))
    }

    public static func check(_ bytes: [UInt8]) -> [UBLIssue] {
        switch XMLTree.parse(bytes) {
        case .failure(let issue):
            return [issue]
        case .tree(let root):
            var checker = Checker(root)
            return checker.run()
        }
    }

    /// Only the fatal issues: what makes the document non-conforming.
    public static func fatal(_ document: String) -> [UBLIssue] {
        check(document).filter { $0.severity == .fatal }
    }

    private static let ruleTable: [(String, UBLIssue.Severity, String)] = [
        ("WT-XML", .fatal, "The document is well-formed XML without a document type declaration."),
        ("WT-ROOT", .fatal, "The root element is a UBL 2.1 Invoice or CreditNote."),
        ("WT-NUMBER", .fatal, "Amounts, quantities and percentages are decimal numbers."),
        ("WT-DATE", .fatal, "Dates are YYYY-MM-DD."),
        ("BR-01", .fatal, "An invoice has a specification identifier (CustomizationID)."),
        ("BR-02", .fatal, "An invoice has an invoice number."),
        ("BR-03", .fatal, "An invoice has an issue date."),
        ("BR-04", .fatal, "An invoice has a type code."),
        ("BR-05", .fatal, "An invoice has a currency code."),
        ("BR-06", .fatal, "An invoice contains the seller's name (PartyLegalEntity/RegistrationName)."),
        ("BR-07", .fatal, "An invoice contains the buyer's name (PartyLegalEntity/RegistrationName)."),
        ("BR-08", .fatal, "An invoice contains the seller's postal address."),
        ("BR-09", .fatal, "The seller's postal address has a country code."),
        ("BR-10", .fatal, "An invoice contains the buyer's postal address."),
        ("BR-11", .fatal, "The buyer's postal address has a country code."),
        ("BR-12", .fatal, "An invoice has the sum of line net amounts."),
        ("BR-13", .fatal, "An invoice has the total without VAT."),
        ("BR-14", .fatal, "An invoice has the total with VAT."),
        ("BR-15", .fatal, "An invoice has the amount due for payment."),
        ("BR-16", .fatal, "An invoice has at least one line."),
        ("BR-21", .fatal, "Each line has an identifier."),
        ("BR-22", .fatal, "Each line has a quantity."),
        ("BR-23", .fatal, "Each quantity has a unit of measure."),
        ("BR-24", .fatal, "Each line has a net amount."),
        ("BR-25", .fatal, "Each line has an item name."),
        ("BR-26", .fatal, "Each line has an item net price."),
        ("BR-27", .fatal, "The item net price is not negative."),
        ("BR-29", .fatal, "The invoice period does not end before it starts."),
        ("BR-30", .fatal, "A line period does not end before it starts."),
        ("BR-45", .fatal, "Each VAT breakdown has a taxable amount."),
        ("BR-46", .fatal, "Each VAT breakdown has a tax amount."),
        ("BR-47", .fatal, "Each VAT breakdown has a VAT category code."),
        ("BR-48", .fatal, "Each VAT breakdown has a VAT rate, unless not subject to VAT (O)."),
        ("BR-49", .fatal, "A payment instruction has a payment means code."),
        ("BR-50", .fatal, "A payee financial account has an account identifier."),
        ("BR-55", .fatal, "A preceding invoice reference has the preceding invoice's number."),
        ("BR-61", .fatal, "Credit transfer (30, 58) payment means have a payment account identifier."),
        ("BR-62", .fatal, "The seller's electronic address has a scheme identifier."),
        ("BR-63", .fatal, "The buyer's electronic address has a scheme identifier."),
        ("BR-CL-14", .fatal, "Country codes are ISO 3166-1 alpha-2."),
        ("BR-CO-04", .fatal, "Each line has a VAT category code."),
        ("BR-CO-09", .fatal, "VAT identifiers start with an ISO 3166-1 alpha-2 country code (EL for Greece)."),
        ("BR-CO-10", .fatal, "Sum of line net amounts = Σ line net amounts."),
        ("BR-CO-11", .fatal, "Sum of document allowances = Σ document allowance amounts."),
        ("BR-CO-12", .fatal, "Sum of document charges = Σ document charge amounts."),
        ("BR-CO-13", .fatal, "Total without VAT = Σ line net amounts − allowances + charges."),
        ("BR-CO-14", .fatal, "Total VAT amount = Σ VAT category tax amounts."),
        ("BR-CO-15", .fatal, "Total with VAT = total without VAT + total VAT amount."),
        ("BR-CO-16", .fatal, "Amount due = total with VAT − paid amount + rounding amount."),
        ("BR-CO-17", .fatal, "VAT category tax amount = taxable amount × rate / 100, rounded to two decimals."),
        ("BR-CO-18", .fatal, "An invoice has at least one VAT breakdown."),
        ("BR-CO-19", .fatal, "An invoice period has a start date, an end date, or both."),
        ("BR-CO-20", .fatal, "A line period has a start date, an end date, or both."),
        ("BR-CO-25", .fatal, "A positive amount due comes with a due date or payment terms."),
        ("BR-CO-26", .fatal, "The seller is identified by a VAT identifier, legal registration or party identifier."),
        ("BR-S-01", .fatal, "Standard rated (S) items come with an S VAT breakdown, and an S breakdown with S items."),
        ("BR-S-02", .fatal, "Standard rated lines need the seller's VAT or legal identifier."),
        ("BR-S-05", .fatal, "A standard rated line has a VAT rate above zero."),
        ("BR-S-08", .fatal, "An S breakdown's taxable amount = Σ S line amounts (+ charges − allowances) at its rate."),
        ("BR-S-09", .fatal, "An S breakdown's tax amount = taxable amount × rate, rounded to two decimals."),
        ("BR-S-10", .fatal, "An S breakdown has no exemption reason."),
        ("BR-E-01", .fatal, "Exempt (E) items come with exactly one E VAT breakdown."),
        ("BR-E-02", .fatal, "Exempt lines need the seller's VAT identifier."),
        ("BR-E-05", .fatal, "An exempt line has VAT rate 0."),
        ("BR-E-08", .fatal, "An E breakdown's taxable amount = Σ E line amounts (+ charges − allowances)."),
        ("BR-E-09", .fatal, "An E breakdown's tax amount is 0."),
        ("BR-E-10", .fatal, "An E breakdown has an exemption reason or reason code."),
        ("BR-DEC-09", .fatal, "The sum of line net amounts has at most two decimals."),
        ("BR-DEC-10", .fatal, "The sum of document allowances has at most two decimals."),
        ("BR-DEC-11", .fatal, "The sum of document charges has at most two decimals."),
        ("BR-DEC-12", .fatal, "The total without VAT has at most two decimals."),
        ("BR-DEC-13", .fatal, "The total VAT amount has at most two decimals."),
        ("BR-DEC-14", .fatal, "The total with VAT has at most two decimals."),
        ("BR-DEC-16", .fatal, "The paid amount has at most two decimals."),
        ("BR-DEC-17", .fatal, "The rounding amount has at most two decimals."),
        ("BR-DEC-18", .fatal, "The amount due has at most two decimals."),
        ("BR-DEC-19", .fatal, "A VAT breakdown's taxable amount has at most two decimals."),
        ("BR-DEC-20", .fatal, "A VAT breakdown's tax amount has at most two decimals."),
        ("BR-DEC-23", .fatal, "A line net amount has at most two decimals."),
        ("UBL-DT-01", .fatal, "Other amounts have at most two decimals."),
        ("PEPPOL-EN16931-R001", .fatal, "A business process (ProfileID) is given."),
        ("PEPPOL-EN16931-R002", .fatal, "At most one note on document level (unless buyer and seller are German)."),
        ("PEPPOL-EN16931-R003", .fatal, "A buyer reference or purchase order reference is given."),
        ("PEPPOL-EN16931-R004", .fatal, "The specification identifier starts with the Peppol BIS Billing 3.0 identifier."),
        ("PEPPOL-EN16931-R007", .fatal, "The business process is an approved Peppol identifier."),
        ("PEPPOL-EN16931-R008", .fatal, "No empty elements."),
        ("PEPPOL-EN16931-R010", .fatal, "The buyer's electronic address (EndpointID) is given."),
        ("PEPPOL-EN16931-R020", .fatal, "The seller's electronic address (EndpointID) is given."),
        ("PEPPOL-EN16931-R051", .fatal, "Every currencyID equals the document currency."),
        ("PEPPOL-EN16931-R053", .fatal, "Exactly one TaxTotal with VAT breakdowns."),
        ("PEPPOL-EN16931-R054", .fatal, "A TaxTotal without breakdowns only with a tax currency code."),
        ("PEPPOL-EN16931-R061", .fatal, "Direct debit (49, 59) gives a mandate reference."),
        ("PEPPOL-EN16931-R110", .fatal, "A line period starts within the invoice period."),
        ("PEPPOL-EN16931-R111", .fatal, "A line period ends within the invoice period."),
        ("PEPPOL-EN16931-R120", .fatal, "Line net amount = quantity × price / base quantity + charges − allowances (± 0.02)."),
        ("PEPPOL-EN16931-R121", .fatal, "A price base quantity is above zero."),
        ("PEPPOL-EN16931-R130", .fatal, "A price base quantity has the unit of the line quantity."),
        ("PEPPOL-COMMON-R054", .warning, "A KvK number (0106) is 8 digits."),
        ("PEPPOL-COMMON-R056-1", .warning, "A Dutch VAT number (9944) looks like NL123456789B12."),
        ("PEPPOL-COMMON-R056-2", .warning, "A VAT identifier starting with NL looks like NL123456789B12."),
        ("NL-R-001", .fatal, "A Dutch supplier's credit note references the invoice it credits (BillingReference)."),
        ("NL-R-002", .fatal, "A Dutch supplier's address has street, city and postcode."),
        ("NL-R-003", .fatal, "A Dutch supplier's legal entity identifier is a KvK (0106) or OIN (0190) number."),
        ("NL-R-004", .fatal, "A Dutch customer's address (of a Dutch supplier) has street, city and postcode."),
        ("NL-R-005", .fatal, "A Dutch customer's legal entity identifier is a KvK (0106) or OIN (0190) number."),
        ("NL-R-006", .fatal, "A Dutch tax representative's address has street, city and postcode."),
        ("NL-R-007", .fatal, "A Dutch supplier gives payment means when the customer pays the supplier."),
        ("NL-R-008", .fatal, "Between Dutch parties the payment means code is 30, 48, 49, 57, 58 or 59."),
        ("NL-R-009", .fatal, "An order line reference needs an order reference on document level."),
        ("BR-GA-0", .fatal, "A document using the G-account extension declares it in its CustomizationID (not under Peppol BIS)."),
        ("BR-GA-1", .fatal, "A G-account invoice has exactly two PaymentTerms."),
        ("BR-GA-2", .fatal, "A G-account invoice has exactly two PaymentMeans."),
        ("BR-GA-3", .fatal, "The PaymentTerms amounts add up to the amount due (PayableAmount)."),
        ("BR-GA-4", .fatal, "Each PaymentTerms names its payment means (PaymentMeansID)."),
        ("BR-GA-5", .fatal, "Each PaymentMeans has an identifier."),
        ("BR-GA-6", .fatal, "Each PaymentMeansID matches exactly one PaymentMeans identifier."),
        ("BR-GA-7", .fatal, "Exactly one PaymentMeans has the identifier GACCOUNT."),
        ("UBL-CR-411", .warning, "Peppol BIS does not expect a PaymentMeans ID (the G-account extension uses it)."),
        ("UBL-CR-453", .warning, "Peppol BIS does not expect a PaymentTerms PaymentMeansID (the G-account extension uses it)."),
        ("UBL-CR-459", .warning, "Peppol BIS does not expect a PaymentTerms Amount (the G-account extension uses it)."),
        ("WT-VAT-CATEGORY", .warning, "VAT categories other than S and E are not checked by this checker."),
    ]

    static let severities: [String: UBLIssue.Severity] = Dictionary(uniqueKeysWithValues: ruleTable.map { ($0.0, $0.1) })

    /// ISO 3166-1 alpha-2 (BR-CL-14), with XI (Northern Ireland) as EN 16931 allows it.
    static let countryCodes: Set<String> = Set("""
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY
        BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK
        FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR
        IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK
        ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
        PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF
        TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XI
        """.split(whereSeparator: \.isWhitespace).map(String.init))
}

// MARK: - The document as a tree

/// An element of the parsed document: namespace, local name, attributes, children, text.
final class XMLTree {
    let namespace: String
    let name: String
    let qualifiedName: String
    let attributes: [String: String]
    var children: [XMLTree] = []
    var text = ""
    var path = ""

    init(namespace: String, name: String, qualifiedName: String, attributes: [String: String]) {
        self.namespace = namespace
        self.name = name
        self.qualifiedName = qualifiedName
        self.attributes = attributes
    }

    /// The text with surrounding white space removed.
    var value: String { text.trimmingSpacesAndNewlines() }

    /// Children matching `step` (`cac:Party`, `cbc:ID`): the prefix names the UBL namespace.
    func children(_ step: Substring) -> [XMLTree] {
        let (ns, local) = XMLTree.resolve(step)
        return children.filter { $0.name == local && $0.namespace == ns }
    }

    /// Every element at the end of `path` (`cac:Party/cac:PostalAddress`), in document order.
    func all(_ path: String) -> [XMLTree] {
        var current = [self]
        for step in path.split(separator: "/") {
            current = current.flatMap { $0.children(step) }
        }
        return current
    }

    func first(_ path: String) -> XMLTree? { all(path).first }

    /// The trimmed text of the first element at `path`; nil when there is none.
    func string(_ path: String) -> String? { first(path)?.value }

    func has(_ path: String) -> Bool { first(path) != nil }

    static func resolve(_ step: Substring) -> (String, Substring) {
        if step.hasPrefix("cbc:") { return (UBLNames.cbc, step.dropFirst(4)) }
        if step.hasPrefix("cac:") { return (UBLNames.cac, step.dropFirst(4)) }
        return ("", step)
    }

    /// Every element below this one, in document order.
    var descendants: [XMLTree] {
        var out: [XMLTree] = []
        func walk(_ n: XMLTree) {
            for c in n.children {
                out.append(c)
                walk(c)
            }
        }
        walk(self)
        return out
    }

    enum Parsed {
        case tree(XMLTree)
        case failure(UBLIssue)
    }

    static func parse(_ bytes: [UInt8]) -> Parsed {
        func fail(_ message: String) -> Parsed {
            .failure(UBLIssue(rule: "WT-XML", severity: .fatal, message: message, location: "/"))
        }
        // UBL never has a DTD; refusing one keeps entity expansion and external entities out.
        if bytes.count >= 9, containsDoctype(bytes) {
            return fail("a document type declaration (<!DOCTYPE>) is not allowed in UBL")
        }
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        _ = parser.parse()
        if let error = builder.error {
            return fail("not well-formed XML: \(error)")
        }
        guard let root = builder.root else { return fail("no root element") }
        assignPaths(root, "/" + root.name)
        return .tree(root)
    }

    private static func containsDoctype(_ bytes: [UInt8]) -> Bool {
        let needle = Array("<!DOCTYPE".utf8)
        guard bytes.count >= needle.count else { return false }
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] {
            if Array(bytes[i..<i + needle.count]) == needle { return true }
        }
        return false
    }

    private static func assignPaths(_ node: XMLTree, _ path: String) {
        node.path = path
        var counts: [String: Int] = [:]
        for c in node.children { counts[c.qualifiedName, default: 0] += 1 }
        var seen: [String: Int] = [:]
        for c in node.children {
            seen[c.qualifiedName, default: 0] += 1
            let index = counts[c.qualifiedName]! > 1 ? "[\(seen[c.qualifiedName]!)]" : ""
            assignPaths(c, path + "/" + c.qualifiedName + index)
        }
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLTree?
    var stack: [XMLTree] = []
    var error: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        let node = XMLTree(
            namespace: namespaceURI ?? "", name: elementName, qualifiedName: qName ?? elementName,
            attributes: attributeDict)
        if let parent = stack.last {
            parent.children.append(node)
        } else if root == nil {
            root = node
        }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if error == nil {
            error = "libxml2 error \((parseError as NSError).code) at line \(parser.lineNumber), column \(parser.columnNumber)"
        }
    }
}

// MARK: - The rules

private struct Checker {
    let root: XMLTree
    let isCredit: Bool
    var issues: [UBLIssue] = []

    init(_ root: XMLTree) {
        self.root = root
        isCredit = root.name == "CreditNote"
    }

    var lineName: String { isCredit ? "cac:CreditNoteLine" : "cac:InvoiceLine" }
    var quantityName: String { isCredit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity" }
    var typeCodeName: String { isCredit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode" }

    mutating func report(_ rule: String, _ message: String, at node: XMLTree?, severity: UBLIssue.Severity? = nil) {
        let s = severity ?? UBLRules.severities[rule] ?? .fatal
        issues.append(UBLIssue(rule: rule, severity: s, message: message, location: node?.path ?? root.path))
    }

    mutating func require(_ condition: Bool, _ rule: String, _ message: String, at node: XMLTree?) {
        if !condition { report(rule, message, at: node) }
    }

    // MARK: Numbers

    /// An xs:decimal: optional sign, digits, optional fraction.
    static func isDecimal(_ s: String) -> Bool {
        var chars = Substring(s)
        if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
        let parts = chars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count <= 2, !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)) else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// The decimal value of `node`, nil (and a WT-NUMBER issue) when it is not a decimal.
    mutating func number(_ node: XMLTree?) -> Decimal? {
        guard let node else { return nil }
        let s = node.value
        guard Self.isDecimal(s), let d = Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) else {
            report("WT-NUMBER", "\"\(s)\" is not a decimal number", at: node)
            return nil
        }
        return d
    }

    mutating func number(_ path: String, in node: XMLTree) -> Decimal? {
        number(node.first(path))
    }

    /// XPath `round(x * 100) div 100`: half up (towards positive infinity) to two decimals.
    static func round2(_ x: Decimal) -> Decimal {
        var shifted = x * 100 + Decimal(string: "0.5")!
        var floored = Decimal()
        NSDecimalRound(&floored, &shifted, 0, .down)
        return floored / 100
    }

    static func show(_ d: Decimal) -> String { NSDecimalNumber(decimal: d).stringValue }

    static func decimals(_ s: String) -> Int {
        guard let dot = s.firstIndex(of: ".") else { return 0 }
        return s.distance(from: s.index(after: dot), to: s.endIndex)
    }

    mutating func date(_ node: XMLTree?) -> CalendarDate? {
        guard let node else { return nil }
        guard let d = try? CalendarDate.parse(node.value) else {
            report("WT-DATE", "\"\(node.value)\" is not a date YYYY-MM-DD", at: node)
            return nil
        }
        return d
    }

    // MARK: Run

    mutating func run() -> [UBLIssue] {
        let known = (root.name == "Invoice" && root.namespace == UBLNames.invoiceNamespace)
            || (root.name == "CreditNote" && root.namespace == UBLNames.creditNoteNamespace)
        guard known else {
            report("WT-ROOT", "root element {\(root.namespace)}\(root.name) is not a UBL 2.1 Invoice or CreditNote", at: root)
            return issues
        }
        let customization = root.string("cbc:CustomizationID") ?? ""
        let gAccountCustomization = customization == UBLNames.gAccountCustomizationID
        let nlcius = customization.hasPrefix(UBLNames.nlciusCustomizationID)
        syntax()
        mandatory()
        lines()
        totals()
        vat()
        payment()
        if !nlcius { peppol() }
        dutch()
        gAccount(customization: customization, declared: gAccountCustomization, nlcius: nlcius)
        return issues
    }

    // MARK: Dates, numbers, decimals, country codes (what a schema would check)

    mutating func syntax() {
        for node in root.descendants {
            switch node.name {
            case "IssueDate", "DueDate", "StartDate", "EndDate", "PaymentDueDate", "TaxPointDate":
                _ = date(node)
            case "Percent", "InvoicedQuantity", "CreditedQuantity", "BaseQuantity", "MultiplierFactorNumeric":
                _ = number(node)
            default:
                break
            }
            if node.name.hasSuffix("Amount"), node.namespace == UBLNames.cbc {
                guard number(node) != nil else { continue }
                decimalsOf(node)
            }
            if node.name == "IdentificationCode", node.namespace == UBLNames.cbc {
                require(UBLRules.countryCodes.contains(node.value), "BR-CL-14",
                        "country code \"\(node.value)\" is not ISO 3166-1 alpha-2", at: node)
            }
        }
    }

    /// BR-DEC-* and UBL-DT-01: at most two decimals in amounts (unit prices may have more).
    mutating func decimalsOf(_ node: XMLTree) {
        guard Self.decimals(node.value) > 2 else { return }
        let parent = node.path.split(separator: "/").dropLast().last.map { String($0.prefix { $0 != "[" }) } ?? ""
        if node.name == "PriceAmount" || parent == "cac:AllowanceCharge" && node.path.contains("/cac:Price/") { return }
        let rule: String
        switch (parent, node.name) {
        case ("cac:LegalMonetaryTotal", "LineExtensionAmount"): rule = "BR-DEC-09"
        case ("cac:LegalMonetaryTotal", "AllowanceTotalAmount"): rule = "BR-DEC-10"
        case ("cac:LegalMonetaryTotal", "ChargeTotalAmount"): rule = "BR-DEC-11"
        case ("cac:LegalMonetaryTotal", "TaxExclusiveAmount"): rule = "BR-DEC-12"
        case ("cac:TaxTotal", "TaxAmount"): rule = "BR-DEC-13"
        case ("cac:LegalMonetaryTotal", "TaxInclusiveAmount"): rule = "BR-DEC-14"
        case ("cac:LegalMonetaryTotal", "PrepaidAmount"): rule = "BR-DEC-16"
        case ("cac:LegalMonetaryTotal", "PayableRoundingAmount"): rule = "BR-DEC-17"
        case ("cac:LegalMonetaryTotal", "PayableAmount"): rule = "BR-DEC-18"
        case ("cac:TaxSubtotal", "TaxableAmount"): rule = "BR-DEC-19"
        case ("cac:TaxSubtotal", "TaxAmount"): rule = "BR-DEC-20"
        case (_, "LineExtensionAmount"): rule = "BR-DEC-23"
        default: rule = "UBL-DT-01"
        }
        report(rule, "\(node.value) has more than two decimals", at: node)
    }

    // MARK: BR-01 … BR-16, BR-CO-26, BR-62/63, BR-CO-09

    mutating func mandatory() {
        require(root.has("cbc:CustomizationID"), "BR-01", "no specification identifier (cbc:CustomizationID)", at: root)
        require(root.has("cbc:ID"), "BR-02", "no invoice number (cbc:ID)", at: root)
        require(root.has("cbc:IssueDate"), "BR-03", "no issue date (cbc:IssueDate)", at: root)
        require(root.has(typeCodeName), "BR-04", "no type code (\(typeCodeName))", at: root)
        require(root.has("cbc:DocumentCurrencyCode"), "BR-05", "no currency code (cbc:DocumentCurrencyCode)", at: root)
        let seller = root.first("cac:AccountingSupplierParty/cac:Party")
        let buyer = root.first("cac:AccountingCustomerParty/cac:Party")
        require(seller?.has("cac:PartyLegalEntity/cbc:RegistrationName") ?? false, "BR-06",
                "no seller name (cac:PartyLegalEntity/cbc:RegistrationName)", at: seller)
        require(buyer?.has("cac:PartyLegalEntity/cbc:RegistrationName") ?? false, "BR-07",
                "no buyer name (cac:PartyLegalEntity/cbc:RegistrationName)", at: buyer)
        if let address = seller?.first("cac:PostalAddress") {
            require(address.has("cac:Country/cbc:IdentificationCode"), "BR-09", "the seller's address has no country code", at: address)
        } else {
            report("BR-08", "no seller postal address", at: seller)
        }
        if let address = buyer?.first("cac:PostalAddress") {
            require(address.has("cac:Country/cbc:IdentificationCode"), "BR-11", "the buyer's address has no country code", at: address)
        } else {
            report("BR-10", "no buyer postal address", at: buyer)
        }
        let totals = root.first("cac:LegalMonetaryTotal")
        require(totals?.has("cbc:LineExtensionAmount") ?? false, "BR-12", "no sum of line net amounts", at: totals)
        require(totals?.has("cbc:TaxExclusiveAmount") ?? false, "BR-13", "no total without VAT", at: totals)
        require(totals?.has("cbc:TaxInclusiveAmount") ?? false, "BR-14", "no total with VAT", at: totals)
        require(totals?.has("cbc:PayableAmount") ?? false, "BR-15", "no amount due for payment", at: totals)
        require(!root.children(Substring(lineName)).isEmpty, "BR-16", "no \(lineName)", at: root)

        if let seller {
            let identified = seller.has("cac:PartyTaxScheme/cbc:CompanyID") || seller.has("cac:PartyIdentification/cbc:ID")
                || seller.has("cac:PartyLegalEntity/cbc:CompanyID")
            require(identified, "BR-CO-26", "the seller has no VAT identifier, legal registration or identifier", at: seller)
            if let endpoint = seller.first("cbc:EndpointID") {
                require(endpoint.attributes["schemeID"] != nil, "BR-62", "the seller's EndpointID has no schemeID", at: endpoint)
            }
        }
        if let endpoint = buyer?.first("cbc:EndpointID") {
            require(endpoint.attributes["schemeID"] != nil, "BR-63", "the buyer's EndpointID has no schemeID", at: endpoint)
        }
        for scheme in root.all("cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme")
            + root.all("cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme")
            + root.all("cac:TaxRepresentativeParty/cac:PartyTaxScheme")
        where scheme.string("cac:TaxScheme/cbc:ID") == "VAT" {
            guard let id = scheme.first("cbc:CompanyID") else { continue }
            let prefix = String(id.value.prefix(2))
            require(UBLRules.countryCodes.contains(prefix) || prefix == "EL", "BR-CO-09",
                    "VAT identifier \"\(id.value)\" does not start with a country code", at: id)
        }

        if let period = root.first("cac:InvoicePeriod") { self.period(period, startEnd: "BR-29", filled: "BR-CO-19") }
        for reference in root.all("cac:BillingReference") {
            require(reference.has("cac:InvoiceDocumentReference/cbc:ID"), "BR-55",
                    "a billing reference without the preceding invoice's number", at: reference)
        }
    }

    mutating func period(_ period: XMLTree, startEnd: String, filled: String) {
        let start = date(period.first("cbc:StartDate"))
        let end = date(period.first("cbc:EndDate"))
        require(period.has("cbc:StartDate") || period.has("cbc:EndDate"), filled, "a period without start or end date", at: period)
        if let start, let end {
            require(end >= start, startEnd, "the period ends (\(end)) before it starts (\(start))", at: period)
        }
    }

    // MARK: BR-21 … BR-27, BR-30, BR-CO-04, PEPPOL-EN16931-R110/R111/R120/R121/R130

    mutating func lines() {
        let documentPeriod = root.first("cac:InvoicePeriod")
        let documentStart = documentPeriod?.string("cbc:StartDate").flatMap { try? CalendarDate.parse($0) }
        let documentEnd = documentPeriod?.string("cbc:EndDate").flatMap { try? CalendarDate.parse($0) }
        let peppol = !(root.string("cbc:CustomizationID") ?? "").hasPrefix(UBLNames.nlciusCustomizationID)
        for line in root.children(Substring(lineName)) {
            require(line.has("cbc:ID"), "BR-21", "a line without identifier", at: line)
            let quantityNode = line.first(quantityName)
            if let quantityNode {
                require(!(quantityNode.attributes["unitCode"] ?? "").isEmpty, "BR-23", "a quantity without unitCode", at: quantityNode)
            } else {
                report("BR-22", "a line without \(quantityName)", at: line)
            }
            require(line.has("cbc:LineExtensionAmount"), "BR-24", "a line without net amount", at: line)
            require(line.has("cac:Item/cbc:Name"), "BR-25", "a line without item name", at: line)
            require(line.has("cac:Item/cac:ClassifiedTaxCategory/cbc:ID"), "BR-CO-04", "a line without VAT category", at: line)
            let priceNode = line.first("cac:Price/cbc:PriceAmount")
            let price = number(priceNode)
            if priceNode == nil { report("BR-26", "a line without item net price", at: line) }
            if let price { require(price >= 0, "BR-27", "item net price \(Self.show(price)) is negative", at: priceNode) }

            if let period = line.first("cac:InvoicePeriod") {
                self.period(period, startEnd: "BR-30", filled: "BR-CO-20")
                if peppol, let start = period.string("cbc:StartDate").flatMap({ try? CalendarDate.parse($0) }), let documentStart {
                    require(start >= documentStart, "PEPPOL-EN16931-R110",
                            "line period starts \(start), before the invoice period (\(documentStart))", at: period)
                }
                if peppol, let end = period.string("cbc:EndDate").flatMap({ try? CalendarDate.parse($0) }), let documentEnd {
                    require(end <= documentEnd, "PEPPOL-EN16931-R111",
                            "line period ends \(end), after the invoice period (\(documentEnd))", at: period)
                }
            }

            guard peppol else { continue }
            let baseNode = line.first("cac:Price/cbc:BaseQuantity")
            var base: Decimal = 1
            if let baseNode, let b = number(baseNode) {
                require(b > 0, "PEPPOL-EN16931-R121", "base quantity \(Self.show(b)) is not above zero", at: baseNode)
                if b != 0 { base = b }
                if let unit = baseNode.attributes["unitCode"], let quantityNode {
                    require(unit == quantityNode.attributes["unitCode"], "PEPPOL-EN16931-R130",
                            "base quantity unit \(unit) differs from the quantity's unit \(quantityNode.attributes["unitCode"] ?? "(none)")",
                            at: baseNode)
                }
            }
            let quantity = quantityNode.flatMap { number($0) } ?? 1
            let amount = number("cbc:LineExtensionAmount", in: line) ?? 0
            var charges: Decimal = 0
            var allowances: Decimal = 0
            for ac in line.children("cac:AllowanceCharge") {
                let value = number("cbc:Amount", in: ac) ?? 0
                if ac.string("cbc:ChargeIndicator") == "true" { charges += value } else { allowances += value }
            }
            let expected = quantity * ((price ?? 0) / base) + Self.round2(charges) - Self.round2(allowances)
            var difference = amount - expected
            if difference < 0 { difference = -difference }
            require(difference <= Decimal(string: "0.02")!, "PEPPOL-EN16931-R120",
                    "line net amount \(Self.show(amount)) is not quantity \(Self.show(quantity)) × price \(Self.show(price ?? 0)) / \(Self.show(base)) = \(Self.show(expected))",
                    at: line)
        }
    }

    // MARK: BR-CO-10 … BR-CO-16

    mutating func totals() {
        guard let totals = root.first("cac:LegalMonetaryTotal") else { return }
        let lines = root.children(Substring(lineName))
        var sumLines: Decimal = 0
        for line in lines { sumLines += number("cbc:LineExtensionAmount", in: line) ?? 0 }
        var allowances: Decimal = 0
        var charges: Decimal = 0
        for ac in root.children("cac:AllowanceCharge") {
            let value = number("cbc:Amount", in: ac) ?? 0
            if ac.string("cbc:ChargeIndicator") == "true" { charges += value } else { allowances += value }
        }
        let lineExtension = number("cbc:LineExtensionAmount", in: totals)
        let taxExclusive = number("cbc:TaxExclusiveAmount", in: totals)
        let taxInclusive = number("cbc:TaxInclusiveAmount", in: totals)
        let allowanceTotal = number("cbc:AllowanceTotalAmount", in: totals)
        let chargeTotal = number("cbc:ChargeTotalAmount", in: totals)
        let prepaid = number("cbc:PrepaidAmount", in: totals)
        let rounding = number("cbc:PayableRoundingAmount", in: totals)
        let payable = number("cbc:PayableAmount", in: totals)

        if let lineExtension {
            require(lineExtension == Self.round2(sumLines), "BR-CO-10",
                    "LineExtensionAmount \(Self.show(lineExtension)) ≠ Σ line net amounts \(Self.show(Self.round2(sumLines)))",
                    at: totals.first("cbc:LineExtensionAmount"))
        }
        if let allowanceTotal {
            require(allowanceTotal == Self.round2(allowances), "BR-CO-11",
                    "AllowanceTotalAmount \(Self.show(allowanceTotal)) ≠ Σ allowances \(Self.show(allowances))",
                    at: totals.first("cbc:AllowanceTotalAmount"))
        }
        if let chargeTotal {
            require(chargeTotal == Self.round2(charges), "BR-CO-12",
                    "ChargeTotalAmount \(Self.show(chargeTotal)) ≠ Σ charges \(Self.show(charges))",
                    at: totals.first("cbc:ChargeTotalAmount"))
        }
        if let lineExtension, let taxExclusive {
            let expected = Self.round2(lineExtension + (chargeTotal ?? 0) - (allowanceTotal ?? 0))
            require(taxExclusive == expected, "BR-CO-13",
                    "TaxExclusiveAmount \(Self.show(taxExclusive)) ≠ LineExtensionAmount − allowances + charges = \(Self.show(expected))",
                    at: totals.first("cbc:TaxExclusiveAmount"))
        }
        let currency = root.string("cbc:DocumentCurrencyCode") ?? ""
        let taxTotals = root.children("cac:TaxTotal")
        let mainTax = taxTotals.first { !$0.children("cac:TaxSubtotal").isEmpty }
            ?? taxTotals.first { $0.first("cbc:TaxAmount")?.attributes["currencyID"] == currency }
        let taxAmount = mainTax.flatMap { number("cbc:TaxAmount", in: $0) }
        if let taxExclusive, let taxInclusive {
            let expected = Self.round2(taxExclusive + (taxAmount ?? 0))
            require(taxInclusive == expected, "BR-CO-15",
                    "TaxInclusiveAmount \(Self.show(taxInclusive)) ≠ TaxExclusiveAmount + TaxAmount = \(Self.show(expected))",
                    at: totals.first("cbc:TaxInclusiveAmount"))
        }
        if let taxInclusive, let payable {
            let expected = Self.round2(taxInclusive - (prepaid ?? 0) + (rounding ?? 0))
            require(payable == expected, "BR-CO-16",
                    "PayableAmount \(Self.show(payable)) ≠ TaxInclusiveAmount − PrepaidAmount + PayableRoundingAmount = \(Self.show(expected))",
                    at: totals.first("cbc:PayableAmount"))
            if payable > 0 {
                let dueDate = root.descendants.contains { $0.name == "DueDate" && $0.namespace == UBLNames.cbc }
                require(dueDate || root.has("cac:PaymentTerms/cbc:Note"), "BR-CO-25",
                        "a positive amount due without due date or payment terms", at: totals)
            }
        }
    }

    // MARK: BR-CO-14, BR-CO-17, BR-CO-18, BR-45 … BR-48, BR-S-*, BR-E-*

    mutating func vat() {
        let taxTotals = root.children("cac:TaxTotal")
        let withSubtotals = taxTotals.filter { !$0.children("cac:TaxSubtotal").isEmpty }
        let subtotals = withSubtotals.flatMap { $0.children("cac:TaxSubtotal") }
        require(!subtotals.isEmpty, "BR-CO-18", "no VAT breakdown (cac:TaxTotal/cac:TaxSubtotal)", at: root)
        for total in withSubtotals {
            var sum: Decimal = 0
            for s in total.children("cac:TaxSubtotal") { sum += number("cbc:TaxAmount", in: s) ?? 0 }
            if let amount = number("cbc:TaxAmount", in: total) {
                require(amount == Self.round2(sum), "BR-CO-14",
                        "TaxAmount \(Self.show(amount)) ≠ Σ VAT category tax amounts \(Self.show(Self.round2(sum)))",
                        at: total.first("cbc:TaxAmount"))
            }
        }

        struct Item {
            var category: String
            var rate: Decimal?
            var amount: Decimal
            var node: XMLTree
        }
        var items: [Item] = []
        for line in root.children(Substring(lineName)) {
            guard let category = line.first("cac:Item/cac:ClassifiedTaxCategory") else { continue }
            items.append(Item(
                category: category.string("cbc:ID") ?? "", rate: number("cbc:Percent", in: category),
                amount: number("cbc:LineExtensionAmount", in: line) ?? 0, node: line))
        }
        var documentCharges: [Item] = []
        for ac in root.children("cac:AllowanceCharge") {
            let value = number("cbc:Amount", in: ac) ?? 0
            let charge = ac.string("cbc:ChargeIndicator") == "true"
            documentCharges.append(Item(
                category: ac.string("cac:TaxCategory/cbc:ID") ?? "", rate: number("cac:TaxCategory/cbc:Percent", in: ac),
                amount: charge ? value : -value, node: ac))
        }
        let all = items + documentCharges
        let seller = root.first("cac:AccountingSupplierParty/cac:Party")
        let sellerVAT = seller?.has("cac:PartyTaxScheme/cbc:CompanyID") ?? false
        let taxRepVAT = root.has("cac:TaxRepresentativeParty/cac:PartyTaxScheme/cbc:CompanyID")

        var reportedCategories: Set<String> = []
        for s in subtotals {
            require(s.has("cbc:TaxableAmount"), "BR-45", "a VAT breakdown without taxable amount", at: s)
            require(s.has("cbc:TaxAmount"), "BR-46", "a VAT breakdown without tax amount", at: s)
            let categoryNode = s.first("cac:TaxCategory")
            let category = categoryNode?.string("cbc:ID")
            require(category != nil, "BR-47", "a VAT breakdown without VAT category code", at: s)
            require(categoryNode?.has("cbc:Percent") ?? false || category == "O", "BR-48",
                    "a VAT breakdown without VAT rate", at: s)
            let taxable = number("cbc:TaxableAmount", in: s)
            let tax = number("cbc:TaxAmount", in: s)
            let rate = categoryNode.flatMap { number("cbc:Percent", in: $0) }
            if let taxable, let tax, let rate {
                let expected = Self.round2(taxable * rate / 100)
                require(tax == expected, "BR-CO-17",
                        "tax amount \(Self.show(tax)) ≠ \(Self.show(taxable)) × \(Self.show(rate))% = \(Self.show(expected))",
                        at: s.first("cbc:TaxAmount"))
            }
            let hasReason = categoryNode?.has("cbc:TaxExemptionReason") ?? false
                || categoryNode?.has("cbc:TaxExemptionReasonCode") ?? false
            switch category {
            case "S":
                if let taxable, let rate {
                    var sum: Decimal = 0
                    for i in all where i.category == "S" && i.rate.map(Self.roundWhole) == Self.roundWhole(rate) { sum += i.amount }
                    require(taxable == sum, "BR-S-08",
                            "S taxable amount \(Self.show(taxable)) at \(Self.show(rate))% ≠ Σ S lines at that rate \(Self.show(sum))",
                            at: s.first("cbc:TaxableAmount"))
                    if let tax {
                        require(tax == Self.round2(taxable * rate / 100), "BR-S-09",
                                "S tax amount \(Self.show(tax)) ≠ \(Self.show(taxable)) × \(Self.show(rate))%", at: s.first("cbc:TaxAmount"))
                    }
                }
                require(!hasReason, "BR-S-10", "a standard rated breakdown with an exemption reason", at: categoryNode)
            case "E":
                if let taxable {
                    var sum: Decimal = 0
                    for i in all where i.category == "E" { sum += i.amount }
                    require(taxable == sum, "BR-E-08",
                            "E taxable amount \(Self.show(taxable)) ≠ Σ E lines \(Self.show(sum))", at: s.first("cbc:TaxableAmount"))
                }
                if let tax { require(tax == 0, "BR-E-09", "E tax amount \(Self.show(tax)) is not 0", at: s.first("cbc:TaxAmount")) }
                require(hasReason, "BR-E-10", "an exempt breakdown without exemption reason", at: categoryNode)
            case let other?:
                if !reportedCategories.contains(other) {
                    reportedCategories.insert(other)
                    report("WT-VAT-CATEGORY", "VAT category \(other) is not checked", at: categoryNode)
                }
            case nil:
                break
            }
        }

        let breakdownCategories = subtotals.compactMap { $0.string("cac:TaxCategory/cbc:ID") }
        let sItems = all.filter { $0.category == "S" }
        let sBreakdowns = breakdownCategories.filter { $0 == "S" }.count
        require(sItems.isEmpty == (sBreakdowns == 0), "BR-S-01",
                sItems.isEmpty ? "an S VAT breakdown without standard rated items" : "standard rated items without an S VAT breakdown",
                at: root)
        if items.contains(where: { $0.category == "S" }) {
            require(sellerVAT || taxRepVAT || (seller?.has("cac:PartyLegalEntity/cbc:CompanyID") ?? false), "BR-S-02",
                    "standard rated lines without the seller's VAT or legal identifier", at: seller)
        }
        for i in items where i.category == "S" {
            require((i.rate ?? 0) > 0, "BR-S-05", "a standard rated line with VAT rate \(Self.show(i.rate ?? 0))", at: i.node)
        }
        let eItems = all.filter { $0.category == "E" }
        if !eItems.isEmpty {
            let count = breakdownCategories.filter { $0 == "E" }.count
            require(count == 1, "BR-E-01", "exempt items need exactly one E VAT breakdown, found \(count)", at: root)
        }
        if items.contains(where: { $0.category == "E" }) {
            require(sellerVAT || taxRepVAT, "BR-E-02", "exempt lines without the seller's VAT identifier", at: seller)
        }
        for i in items where i.category == "E" {
            require(i.rate == nil || i.rate == 0, "BR-E-05", "an exempt line with VAT rate \(Self.show(i.rate ?? 0))", at: i.node)
        }
    }

    /// XPath `round()` of a percentage, for comparing rates the way BR-S-08 does.
    static func roundWhole(_ x: Decimal) -> Decimal {
        var shifted = x + Decimal(string: "0.5")!
        var floored = Decimal()
        NSDecimalRound(&floored, &shifted, 0, .down)
        return floored
    }

    // MARK: BR-49, BR-50, BR-61, PEPPOL-EN16931-R061

    mutating func payment() {
        for means in root.children("cac:PaymentMeans") {
            let code = means.string("cbc:PaymentMeansCode")
            require(code != nil, "BR-49", "a payment instruction without PaymentMeansCode", at: means)
            if let account = means.first("cac:PayeeFinancialAccount") {
                require(account.has("cbc:ID"), "BR-50", "a payee financial account without account identifier", at: account)
            }
            if code == "30" || code == "58" {
                require(means.has("cac:PayeeFinancialAccount/cbc:ID"), "BR-61",
                        "credit transfer (\(code!)) without payment account identifier (IBAN)", at: means)
            }
            if code == "49" || code == "59" {
                require(means.has("cac:PaymentMandate/cbc:ID"), "PEPPOL-EN16931-R061",
                        "direct debit (\(code!)) without mandate reference", at: means)
            }
        }
    }

    // MARK: PEPPOL-EN16931-R0xx, PEPPOL-COMMON-R05x

    mutating func peppol() {
        let customization = root.string("cbc:CustomizationID") ?? ""
        let profile = root.string("cbc:ProfileID")
        require(profile != nil, "PEPPOL-EN16931-R001", "no business process (cbc:ProfileID)", at: root)
        if let profile {
            let approved = [UBLNames.peppolProfileID, "urn:peppol:bis:billing_with_response",
                            "urn:peppol:france:billing:regulated", "urn:peppol:france:billing:non-regulated"]
            require(approved.contains(profile), "PEPPOL-EN16931-R007", "business process \"\(profile)\" is not approved",
                    at: root.first("cbc:ProfileID"))
        }
        let root = self.root
        func countryOf(_ party: String) -> String {
            (root.string("\(party)/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode") ?? "").uppercased()
        }
        let bothGerman = countryOf("cac:AccountingSupplierParty") == "DE" && countryOf("cac:AccountingCustomerParty") == "DE"
        require(root.children("cbc:Note").count <= 1 || bothGerman, "PEPPOL-EN16931-R002",
                "more than one note on document level", at: root)
        require(root.has("cbc:BuyerReference") || root.has("cac:OrderReference/cbc:ID"), "PEPPOL-EN16931-R003",
                "neither a buyer reference (cbc:BuyerReference) nor an order reference", at: root)
        require(customization.hasPrefix(UBLNames.peppolCustomizationID) && !customization.contains("::"),
                "PEPPOL-EN16931-R004", "specification identifier \"\(customization)\" is not Peppol BIS Billing 3.0",
                at: root.first("cbc:CustomizationID"))
        for node in root.descendants where node.children.isEmpty && node.value.isEmpty {
            report("PEPPOL-EN16931-R008", "empty element", at: node)
        }
        require(root.has("cac:AccountingCustomerParty/cac:Party/cbc:EndpointID"), "PEPPOL-EN16931-R010",
                "no buyer electronic address (cbc:EndpointID)", at: root.first("cac:AccountingCustomerParty/cac:Party"))
        require(root.has("cac:AccountingSupplierParty/cac:Party/cbc:EndpointID"), "PEPPOL-EN16931-R020",
                "no seller electronic address (cbc:EndpointID)", at: root.first("cac:AccountingSupplierParty/cac:Party"))

        let currency = root.string("cbc:DocumentCurrencyCode") ?? ""
        let amounts: Set<String> = [
            "Amount", "BaseAmount", "PriceAmount", "TaxableAmount", "LineExtensionAmount", "TaxExclusiveAmount",
            "TaxInclusiveAmount", "AllowanceTotalAmount", "ChargeTotalAmount", "PrepaidAmount", "PayableRoundingAmount",
            "PayableAmount",
        ]
        var checked: [XMLTree] = root.descendants.filter { amounts.contains($0.name) && $0.namespace == UBLNames.cbc }
        for total in root.children("cac:TaxTotal") where !total.children("cac:TaxSubtotal").isEmpty {
            checked += total.children("cbc:TaxAmount")
            checked += total.children("cac:TaxSubtotal").flatMap { $0.children("cbc:TaxAmount") }
        }
        for node in checked {
            require(node.attributes["currencyID"] == currency, "PEPPOL-EN16931-R051",
                    "currencyID \(node.attributes["currencyID"] ?? "(none)") is not the document currency \(currency)", at: node)
        }
        let taxTotals = root.children("cac:TaxTotal")
        let withSubtotals = taxTotals.filter { !$0.children("cac:TaxSubtotal").isEmpty }.count
        require(withSubtotals == 1, "PEPPOL-EN16931-R053", "\(withSubtotals) TaxTotal elements with breakdowns, expected 1", at: root)
        let withoutSubtotals = taxTotals.count - withSubtotals
        require(withoutSubtotals == (root.has("cbc:TaxCurrencyCode") ? 1 : 0), "PEPPOL-EN16931-R054",
                "\(withoutSubtotals) TaxTotal elements without breakdowns", at: root)

        for node in root.descendants where node.namespace == UBLNames.cbc {
            let scheme = node.attributes["schemeID"]
            let identifierElement = node.name == "EndpointID" || node.name == "CompanyID"
                || (node.name == "ID" && node.path.contains("/cac:PartyIdentification/"))
            guard identifierElement else { continue }
            if scheme == "0106" {
                require(node.value.count == 8 && node.value.allSatisfy { $0.isASCII && $0.isNumber }, "PEPPOL-COMMON-R054",
                        "KvK number \"\(node.value)\" is not 8 digits", at: node)
            }
            if scheme == "9944" {
                require(Self.isDutchVAT(node.value), "PEPPOL-COMMON-R056-1",
                        "Dutch VAT number \"\(node.value)\" is not like NL123456789B12", at: node)
            }
        }
        for scheme in root.descendants where scheme.name == "PartyTaxScheme" && scheme.string("cac:TaxScheme/cbc:ID") == "VAT" {
            guard let id = scheme.first("cbc:CompanyID"), id.value.hasPrefix("NL") else { continue }
            require(Self.isDutchVAT(id.value), "PEPPOL-COMMON-R056-2", "VAT identifier \"\(id.value)\" is not like NL123456789B12", at: id)
        }
    }

    static func isDutchVAT(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 14, b[0] == UInt8(ascii: "N"), b[1] == UInt8(ascii: "L"), b[11] == UInt8(ascii: "B") else { return false }
        return (b[2...10] + b[12...13]).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    // MARK: NL-R-001 … NL-R-009

    mutating func dutch() {
        func country(_ path: String) -> String {
            (root.string(path + "/cac:PostalAddress/cac:Country/cbc:IdentificationCode") ?? "").uppercased()
        }
        let supplierNL = country("cac:AccountingSupplierParty/cac:Party") == "NL"
        let customerNL = country("cac:AccountingCustomerParty/cac:Party") == "NL"
        let representativeNL = country("cac:TaxRepresentativeParty") == "NL"
        guard supplierNL else { return }
        if isCredit, root.has("cbc:CreditNoteTypeCode") {
            require(root.has("cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"), "NL-R-001",
                    "a credit note without the number of the invoice it credits (cac:BillingReference)", at: root)
        }
        func addressComplete(_ address: XMLTree?) -> Bool {
            guard let address else { return false }
            return address.has("cbc:StreetName") && address.has("cbc:CityName") && address.has("cbc:PostalZone")
        }
        if let address = root.first("cac:AccountingSupplierParty/cac:Party/cac:PostalAddress") {
            require(addressComplete(address), "NL-R-002", "the supplier's address lacks street, city or postcode", at: address)
        }
        func legalScheme(_ id: XMLTree) -> Bool {
            let scheme = id.attributes["schemeID"] ?? ""
            return (scheme == "0106" || scheme == "0190") && !id.value.isEmpty
        }
        for id in root.all("cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID") {
            require(legalScheme(id), "NL-R-003", "the supplier's legal identifier is not a KvK (0106) or OIN (0190) number", at: id)
        }
        if customerNL {
            if let address = root.first("cac:AccountingCustomerParty/cac:Party/cac:PostalAddress") {
                require(addressComplete(address), "NL-R-004", "the customer's address lacks street, city or postcode", at: address)
            }
            for id in root.all("cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID") {
                require(legalScheme(id), "NL-R-005", "the customer's legal identifier is not a KvK (0106) or OIN (0190) number", at: id)
            }
            for means in root.children("cac:PaymentMeans") {
                let code = means.string("cbc:PaymentMeansCode") ?? ""
                require(["30", "48", "49", "57", "58", "59"].contains(code), "NL-R-008",
                        "payment means code \(code) is not one of 30, 48, 49, 57, 58, 59", at: means)
            }
        }
        if representativeNL, let address = root.first("cac:TaxRepresentativeParty/cac:PostalAddress") {
            require(addressComplete(address), "NL-R-006", "the tax representative's address lacks street, city or postcode", at: address)
        }
        if let payableNode = root.first("cac:LegalMonetaryTotal/cbc:PayableAmount"), let payable = number(payableNode) {
            let noPayment = isCredit ? payable >= 0 : payable <= 0
            require(noPayment || root.has("cac:PaymentMeans"), "NL-R-007",
                    "the customer pays \(Self.show(payable)) but there are no payment means", at: root.first("cac:LegalMonetaryTotal"))
        }
        let orderLines = root.descendants.filter { $0.name == "LineID" && $0.path.contains("/cac:OrderLineReference/") }
        if !orderLines.isEmpty {
            require(root.has("cac:OrderReference/cbc:ID"), "NL-R-009",
                    "order line references without an order reference on document level", at: orderLines[0])
        }
    }

    // MARK: BR-GA-0 … BR-GA-7, UBL-CR-411/453/459

    mutating func gAccount(customization: String, declared: Bool, nlcius: Bool) {
        guard !isCredit else { return }
        let means = root.children("cac:PaymentMeans")
        let terms = root.children("cac:PaymentTerms")
        let gMeans = means.filter { $0.string("cbc:ID") == UBLNames.gAccountPaymentMeansID }
        let usesExtension = declared || !gMeans.isEmpty
        if !declared {
            // The extension's elements are allowed only by the extension's syntax rules.
            for m in means { if let id = m.first("cbc:ID") { report("UBL-CR-411", "PaymentMeans has an ID (\(id.value))", at: id) } }
            for t in terms {
                if let id = t.first("cbc:PaymentMeansID") { report("UBL-CR-453", "PaymentTerms has a PaymentMeansID", at: id) }
                if let amount = t.first("cbc:Amount") { report("UBL-CR-459", "PaymentTerms has an Amount", at: amount) }
            }
        }
        guard usesExtension else { return }
        if !declared && nlcius {
            report("BR-GA-0", "a GACCOUNT payment means in a document that does not declare the G-account extension",
                   at: root.first("cbc:CustomizationID"))
        }
        require(terms.count == 2, "BR-GA-1", "\(terms.count) PaymentTerms, expected 2", at: root)
        require(means.count == 2, "BR-GA-2", "\(means.count) PaymentMeans, expected 2", at: root)
        var sum: Decimal = 0
        for t in terms { sum += number("cbc:Amount", in: t) ?? 0 }
        if let payableNode = root.first("cac:LegalMonetaryTotal/cbc:PayableAmount"), let payable = number(payableNode) {
            require(payable == sum, "BR-GA-3",
                    "PaymentTerms amounts add up to \(Self.show(sum)), not to the PayableAmount \(Self.show(payable))", at: payableNode)
        }
        let ids = means.compactMap { $0.string("cbc:ID") }
        for t in terms {
            let references = t.children("cbc:PaymentMeansID")
            require(references.count == 1, "BR-GA-4", "PaymentTerms with \(references.count) PaymentMeansID, expected 1", at: t)
            for r in references {
                require(ids.filter { $0 == r.value }.count == 1, "BR-GA-6",
                        "PaymentMeansID \(r.value) does not match exactly one PaymentMeans ID", at: r)
            }
        }
        for m in means {
            require(m.children("cbc:ID").count == 1, "BR-GA-5", "PaymentMeans without exactly one ID", at: m)
        }
        require(gMeans.count == 1, "BR-GA-7", "\(gMeans.count) PaymentMeans with ID GACCOUNT, expected 1", at: root)
    }
}
