import Foundation
import XCTest
@testable import WTKit

/// UBLWriter against the official rules (`OfficialUBL`). Every document these tests write is in
/// `UBLCorpus.documents`, which one validator run checks (a run per document would cost a JVM
/// start each); a test looks its document's report up by content, so a document that is not in
/// the corpus fails the test instead of going unchecked.
final class UBLWriterTests: XCTestCase {
    private typealias F = Fixtures

    /// The official report of a document of the corpus.
    private func report(_ xml: String, file: StaticString = #filePath, line: UInt = #line) throws -> OfficialUBL.Report {
        let reports = try UBLCorpus.reports()
        guard let r = reports[xml] else {
            XCTFail("this document is not in UBLCorpus.documents: add it there", file: file, line: line)
            throw XCTSkip("document not validated")
        }
        return r
    }

    /// 0 fatal, and exactly the warnings named (by rule id, repeated as often as they occur).
    private func assertPasses(_ xml: String, warnings: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try report(xml, file: file, line: line)
        XCTAssertEqual(r.fatal, [], "\(r)", file: file, line: line)
        XCTAssertEqual(r.warnings.map(\.rule).sorted(), warnings.sorted(), "\(r)", file: file, line: line)
    }

    private func count(_ xml: String, _ s: String) -> Int { xml.components(separatedBy: s).count - 1 }

    // MARK: - What the documents say

    func testInvoiceUBLPassesEveryRuleAndSaysWhatTheInvoiceSays() throws {
        let xml = UBLWriter.write(try F.invoice())
        try assertPasses(xml)
        for expected in [
            "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"",
            "<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>",
            "<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>",
            "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
            "<cbc:DueDate>2027-01-06</cbc:DueDate>",
            "<cbc:BuyerReference>cl-3</cbc:BuyerReference>",
            "<cbc:EndpointID schemeID=\"0106\">12345678</cbc:EndpointID>",
            "<cbc:CompanyID schemeID=\"0106\">87654321</cbc:CompanyID>",
            "<cbc:InvoicedQuantity unitCode=\"HUR\">7.5</cbc:InvoicedQuantity>",
            "<cbc:PriceAmount currencyID=\"EUR\">35.175</cbc:PriceAmount>",
            "<cbc:InvoicedQuantity unitCode=\"HUR\">2.333333</cbc:InvoicedQuantity>",
            "<cbc:PriceAmount currencyID=\"EUR\">29.3125</cbc:PriceAmount>",
            "<cbc:InvoicedQuantity unitCode=\"C62\">1</cbc:InvoicedQuantity>",
            "<cbc:TaxableAmount currencyID=\"EUR\">1634.06</cbc:TaxableAmount>",
            "<cbc:TaxExemptionReason>",
            "<cbc:PayableAmount currencyID=\"EUR\">1984.71</cbc:PayableAmount>",
            "<cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>",
            "<cbc:ID>NL91ABNA0417164300</cbc:ID>",
            "<cbc:Note>Betaling binnen 30 dagen, uiterlijk 2027-01-06, onder vermelding van WT2026-00042.</cbc:Note>",
        ] {
            XCTAssertTrue(xml.contains(expected), expected)
        }
        XCTAssertFalse(xml.contains("GACCOUNT"))
        XCTAssertFalse(xml.contains("G-rekening"))
        XCTAssertEqual(count(xml, "<cac:InvoiceLine>"), 7)
        XCTAssertEqual(UBLWriter.write(try F.invoice()), xml, "deterministic")
    }

    func testThePDFIsEmbedded() throws {
        let inv = try F.invoice(gAccountPercent: 25)
        for (doc, pdf) in [(UBLWriter.write(inv), InvoicePDF.render(inv)),
                           (UBLWriter.write(try F.credit(of: inv), profile: .nlcius), InvoicePDF.render(try F.credit(of: inv)))] {
            let open = "<cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\" filename=\""
            let start = try XCTUnwrap(doc.range(of: open))
            let body = doc[start.upperBound...].drop { $0 != ">" }.dropFirst()
            let base64 = String(body.prefix { $0 != "<" })
            XCTAssertEqual(Data(base64Encoded: base64).map { [UInt8]($0) }, pdf, "the PDF wt shows, byte for byte")
            // UBL order: the reference sits between the billing reference and the seller.
            let ref = try XCTUnwrap(doc.range(of: "<cac:AdditionalDocumentReference>")).lowerBound
            XCTAssertLessThan(ref, try XCTUnwrap(doc.range(of: "<cac:AccountingSupplierParty>")).lowerBound)
            XCTAssertGreaterThan(ref, try XCTUnwrap(doc.range(of: "</cac:InvoicePeriod>")).lowerBound)
        }
        XCTAssertTrue(UBLWriter.write(inv).contains("filename=\"WT2026-00042.pdf\""))
    }

    func testCreditNoteUBLPassesEveryRuleWithPositiveAmountsAndABillingReference() throws {
        let xml = UBLWriter.write(try F.credit(of: try F.invoice(gAccountPercent: 25)))
        try assertPasses(xml)
        for expected in [
            "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"",
            "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
            "<cbc:Note>Uren Bram dubbel gedeclareerd</cbc:Note>",
            "<cac:BillingReference>\n    <cac:InvoiceDocumentReference>\n      <cbc:ID>WT2026-00042</cbc:ID>\n      <cbc:IssueDate>2026-12-07</cbc:IssueDate>",
            "<cbc:CreditedQuantity unitCode=\"HUR\">38</cbc:CreditedQuantity>",
            "<cbc:PayableAmount currencyID=\"EUR\">1984.71</cbc:PayableAmount>",
            "<cac:CreditNoteLine>",
        ] {
            XCTAssertTrue(xml.contains(expected), expected)
        }
        XCTAssertFalse(xml.contains("-" + "1984.71"))
        XCTAssertFalse(xml.contains("<cac:PaymentMeans>"), "nothing is paid to the agency on a credit note")
        XCTAssertFalse(xml.contains("<cbc:DueDate>"), "a UBL 2.1 CreditNote has no DueDate")
        XCTAssertFalse(xml.contains("InvoiceLine"))
        try assertPasses(UBLWriter.write(try F.credit(of: try F.invoice())))
    }

    func testNLCIUSCreditNoteIsPlainSIUBLWithoutWhatSIUBLAdvisesAgainst() throws {
        let xml = UBLWriter.write(try F.credit(of: try F.invoice(gAccountPercent: 25)), profile: .nlcius)
        try assertPasses(xml)
        XCTAssertEqual(try report(xml).sets, ["EN16931", "SI-UBL"])
        XCTAssertTrue(xml.contains("<cbc:CustomizationID>\(UBLNames.nlciusCustomizationID)</cbc:CustomizationID>"))
        XCTAssertFalse(xml.contains("<cbc:IssueDate>2026-12-07</cbc:IssueDate>"), "BR-NL-24: no preceding invoice date")
        XCTAssertTrue(xml.contains("<cbc:ID>WT2026-00042</cbc:ID>"))
    }

    func testGAccountInvoiceUnderPeppolStatesTheSplitInTheTermsText() throws {
        let xml = UBLWriter.write(try F.invoice(gAccountPercent: 25))
        try assertPasses(xml)
        XCTAssertEqual(try report(xml).sets, ["EN16931", "PEPPOL"])
        XCTAssertEqual(count(xml, "<cac:PaymentTerms>"), 1, "UBL-SR-05: one terms text")
        XCTAssertEqual(count(xml, "<cac:PaymentMeans>"), 2)
        XCTAssertFalse(xml.contains("GACCOUNT") || xml.contains("REGULAR") || xml.contains("<cbc:Amount"),
                       "no SI-UBL extension elements under Peppol (UBL-CR-411, -453, -459)")
        let means = xml.components(separatedBy: "<cac:PaymentMeans>")
        XCTAssertTrue(means[1].contains("<cbc:ID>NL91ABNA0417164300</cbc:ID>"), "the ordinary account first")
        XCTAssertTrue(means[2].contains("<cbc:ID>NL86INGB0990123456</cbc:ID>"))
        XCTAssertTrue(xml.contains(
            "<cbc:Note>Betaling binnen 30 dagen, uiterlijk 2027-01-06, onder vermelding van WT2026-00042: EUR 1488.53 op NL91 ABNA 0417 1643 00 "
                + "en het G-rekeningdeel (25% van het totaal), EUR 496.18, op G-rekening NL86 INGB 0990 1234 56.</cbc:Note>"), xml)
    }

    func testGAccountInvoiceUnderNLCIUSFollowsTheGAccountExtension() throws {
        let xml = UBLWriter.write(try F.invoice(gAccountPercent: 25), profile: .nlcius)
        // The extension's elements are what EN 16931's UBL binding warns about; the extension's
        // own rule set (SI-UBL-GACCOUNT) drops those warnings.
        try assertPasses(xml, warnings: ["UBL-CR-411", "UBL-CR-453", "UBL-CR-459"])
        XCTAssertEqual(try report(xml).sets, ["EN16931", "SI-UBL-GACCOUNT"])
        XCTAssertTrue(xml.contains("<cbc:CustomizationID>\(UBLNames.gAccountCustomizationID)</cbc:CustomizationID>"))
        for expected in [
            "<cbc:ID>REGULAR</cbc:ID>", "<cbc:ID>GACCOUNT</cbc:ID>", "<cbc:ID>NL86INGB0990123456</cbc:ID>",
            "<cbc:PaymentMeansID>REGULAR</cbc:PaymentMeansID>", "<cbc:Amount currencyID=\"EUR\">1488.53</cbc:Amount>",
            "<cbc:PaymentMeansID>GACCOUNT</cbc:PaymentMeansID>", "<cbc:Amount currencyID=\"EUR\">496.18</cbc:Amount>",
        ] {
            XCTAssertTrue(xml.contains(expected), expected)
        }
        XCTAssertEqual(count(xml, "<cac:PaymentMeans>"), 2)
        XCTAssertEqual(count(xml, "<cac:PaymentTerms>"), 2)
        XCTAssertEqual(count(xml, "<cbc:Note>"), 1, "UBL-SR-05 counts the texts")
        XCTAssertFalse(xml.contains("<cbc:Name>WerkTalent B.V.</cbc:Name>\n    </cac:PayeeFinancialAccount>"), "BR-NL-30")
        // Without a share, NLCIUS is plain SI-UBL 2.0 without warnings.
        let plain = UBLWriter.write(try F.invoice(), profile: .nlcius)
        try assertPasses(plain)
        XCTAssertEqual(try report(plain).sets, ["EN16931", "SI-UBL"])
    }

    // MARK: - Hard cases

    func testZeroAmountsLongHostileNamesAndFiveHundredLinesPass() throws {
        for profile in UBLWriter.Profile.allCases {
            for inv in try UBLCorpus.hardInvoices() {
                // The G-account extension's elements, which only EN 16931's core rules warn about.
                let extensionWarnings = profile == .nlcius && UBLWriter.hasGAccountShare(inv) ? ["UBL-CR-411", "UBL-CR-453", "UBL-CR-459"] : []
                try assertPasses(UBLWriter.write(inv, profile: profile), warnings: extensionWarnings)
                try assertPasses(UBLWriter.write(try F.credit(of: inv), profile: profile))
            }
        }
        let hostile = UBLWriter.write(try UBLCorpus.hostileInvoice())
        XCTAssertTrue(hostile.contains("&amp;") && hostile.contains("&lt;") && hostile.contains("&gt;"))
        XCTAssertTrue(hostile.contains("Ærøskøbing") && hostile.contains("'s-Hertogenbosch"))
        XCTAssertEqual(count(UBLWriter.write(try F.invoice(declarations: F.fiveHundredLineDeclarations)), "<cac:InvoiceLine>"), 500)
    }

    func testNegativeExpenseKeepsThePricePositive() throws {
        let inv = try UBLCorpus.negativeExpenseInvoice()
        XCTAssertEqual(inv.subtotal, F.eur("190.00"))
        let xml = UBLWriter.write(inv)
        XCTAssertTrue(xml.contains("<cbc:InvoicedQuantity unitCode=\"C62\">-1</cbc:InvoicedQuantity>"))
        XCTAssertTrue(xml.contains("<cbc:LineExtensionAmount currencyID=\"EUR\">-10.00</cbc:LineExtensionAmount>"))
        XCTAssertTrue(xml.contains("<cbc:PriceAmount currencyID=\"EUR\">10.00</cbc:PriceAmount>"))
        try assertPasses(xml)
        try assertPasses(UBLWriter.write(try F.credit(of: inv)))
    }

    func testEndpointIsKvKElseVATIdNeverEmailAndTextIsEscaped() throws {
        let (withVAT, withEmail, withNothing) = try UBLCorpus.endpointInvoices()
        XCTAssertTrue(withVAT.contains("<cbc:EndpointID schemeID=\"9944\">NL987654321B01</cbc:EndpointID>"))
        XCTAssertTrue(withVAT.contains("<cbc:RegistrationName>Bakker &amp; Zonen &lt;\"BV\"&gt;</cbc:RegistrationName>"))
        try assertPasses(withVAT)
        // An e-mail address is no Peppol address (PEPPOL-EN16931-CL008 refuses scheme EM): the
        // writer invents none, the rules say so, and `requireEndpoints` refuses the document.
        XCTAssertFalse(withEmail.contains("schemeID=\"EM\""))
        XCTAssertTrue(withEmail.contains("<cbc:Name>Kapper?Knip</cbc:Name>"), "a control character XML cannot hold")
        XCTAssertTrue(withEmail.contains("<cbc:ElectronicMail>crediteuren@korenschoof.nl</cbc:ElectronicMail>"))
        for doc in [withEmail, withNothing] {
            let r = try report(doc)
            XCTAssertEqual(r.fatalRules, ["PEPPOL-EN16931-R010"], "\(r)")
        }
        var party = F.client
        party.kvk = nil
        party.vatId = nil
        for profile in UBLWriter.Profile.allCases {
            XCTAssertThrowsError(try UBLWriter.requireIdentifiers(try F.invoice(clientParty: party), profile: profile)) {
                XCTAssertEqual(($0 as? WTError)?.kind, .invalid)
            }
            XCTAssertNoThrow(try UBLWriter.requireIdentifiers(try F.invoice(), profile: profile))
        }
        // SI-UBL wants a Dutch client's KvK number (BR-NL-10); Peppol is content with the VAT id.
        party.vatId = "NL987654321B01"
        XCTAssertNoThrow(try UBLWriter.requireIdentifiers(try F.invoice(clientParty: party), profile: .peppol))
        XCTAssertThrowsError(try UBLWriter.requireIdentifiers(try F.invoice(clientParty: party), profile: .nlcius)) {
            XCTAssertTrue(($0 as? WTError)?.message.contains("BR-NL-10") ?? false, "\($0)")
        }
        XCTAssertEqual(try report(UBLWriter.write(try F.invoice(clientParty: party), profile: .nlcius)).fatalRules, ["BR-NL-10"])
        XCTAssertEqual(XMLBuilder.escape("a\"b\tc\n", quotes: true), "a&quot;b&#9;c&#10;")
    }

    func testQuantitiesAndPricesAsWritten() {
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 450), "7.5")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 2280), "38")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 6), "0.1")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 15), "0.25")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 440), "7.333333")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 1), "0.016667")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: -440), "-7.333333")
        XCTAssertEqual(UBLWriter.effectivePrice(rate: F.eur("23.45"), percent: 150), "35.175")
        XCTAssertEqual(UBLWriter.effectivePrice(rate: F.eur("23.45"), percent: 125), "29.3125")
        XCTAssertEqual(UBLWriter.effectivePrice(rate: F.eur("20.00"), percent: 100), "20.00")
        XCTAssertEqual(UBLWriter.effectivePrice(rate: F.eur("19.99"), percent: 130), "25.987")
        // Every minute count from 1 to 24:00 at an awkward rate stays within R120's 0.02.
        for minutes in 1...1440 {
            let amount = Money.amount(minutes: minutes, rate: F.eur("987.65"), percent: 135)
            let quantity = Decimal(string: UBLWriter.hoursQuantity(minutes: Int64(minutes)))!
            let price = Decimal(string: UBLWriter.effectivePrice(rate: F.eur("987.65"), percent: 135))!
            var difference = Decimal(string: amount.description)! - quantity * price
            if difference < 0 { difference = -difference }
            XCTAssertLessThanOrEqual(difference, Decimal(string: "0.01")!, "\(minutes) minutes")
        }
    }

    // MARK: - The official rules catch broken documents

    /// The negative controls: each broken document is rejected, by the rules named.
    func testOfficialRulesCatchEachKindOfBreakage() throws {
        let reports = try UBLCorpus.reports()
        for m in try UBLCorpus.mutations() {
            XCTAssertNotEqual(m.xml, m.original, "\(m.name): the mutation changed nothing")
            let r = try XCTUnwrap(reports[m.xml], m.name)
            XCTAssertEqual(r.fatalRules, m.rules, "\(m.name): \(r)")
        }
    }
}
