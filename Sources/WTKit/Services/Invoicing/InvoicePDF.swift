import Foundation

/// The invoice on A4 (`wt invoices show NUMBER --format pdf`): the content of `InvoiceText`,
/// with the lines as a table whose amounts are right-aligned, continued on as many pages as
/// the lines need, each page numbered "Pagina 1 van 2". Deterministic: the same invoice gives
/// the same bytes (no creation date).
public enum InvoicePDF {
    public static func render(_ invoice: Invoice) -> [UInt8] {
        // The page count goes into every footer, so lay out once to count the pages.
        let pages = layout(invoice, totalPages: nil).pageCount
        return layout(invoice, totalPages: pages).render()
    }

    // Geometry, in points from the bottom-left corner of an A4 page.
    static let left = 50.0
    static let right = PDFDocument.PageSize.a4.width - 50
    static let top = PDFDocument.PageSize.a4.height - 50
    static let bottom = 70.0
    static let footerY = 32.0
    static let rowHeight = 13.0
    static let tableSize = 9.0
    static let textSize = 9.5
    /// Right edges of the Aantal, Tarief, Bedrag and BTW columns.
    static let columnRight = [360.0, 425.0, 495.0, right]
    static let descriptionWidth = 360.0 - 45 - left

    static func layout(_ invoice: Invoice, totalPages: Int?) -> PDFDocument {
        let p = InvoicePresentation(invoice)
        let kind = invoice.kind == .credit ? "Creditfactuur" : "Factuur"
        var doc = PDFDocument(title: "\(kind) \(invoice.number) — \(invoice.agencyParty.name)")
        var page = 1
        var y = top

        func footer() {
            doc.text("\(kind) \(invoice.number)", x: left, y: footerY, size: 8)
            let count = totalPages.map { String($0) } ?? "?"
            doc.text("Pagina \(page) van \(count)", x: PDFDocument.PageSize.a4.width / 2, y: footerY, size: 8, align: .center)
        }
        func newPage(tableHeader: Bool) {
            footer()
            doc.newPage()
            page += 1
            y = top
            doc.text("\(kind) \(invoice.number) (vervolg)", x: left, y: y - 11, size: 11, bold: true)
            y -= 34
            if tableHeader { header() }
        }
        func header() {
            let cells = InvoicePresentation.columns
            doc.text(cells[0], x: left, y: y, size: tableSize, bold: true)
            for i in 1..<cells.count {
                doc.text(cells[i], x: columnRight[i - 1], y: y, size: tableSize, bold: true, align: .right)
            }
            doc.line(x1: left, y1: y - 4, x2: right, y2: y - 4)
            y -= rowHeight + 4
        }
        func fitted(_ s: String, width: Double, size: Double, bold: Bool = false) -> String {
            if doc.width(of: s, size: size, bold: bold) <= width { return s }
            var cut = s
            while !cut.isEmpty, doc.width(of: cut + "…", size: size, bold: bold) > width { cut.removeLast() }
            return cut + "…"
        }

        // Title and the agency, top right.
        doc.text(p.title, x: left, y: y - 18, size: 18, bold: true)
        var agencyY = y - 8
        for (i, line) in p.agencyLines.enumerated() {
            doc.text(fitted(line, width: 260, size: textSize, bold: i == 0), x: right, y: agencyY, size: textSize,
                     bold: i == 0, align: .right)
            agencyY -= 12
        }
        y = min(y - 40, agencyY) - 18

        // The client, then the invoice's particulars.
        doc.text(p.clientHeading, x: left, y: y, size: textSize, bold: true)
        y -= 13
        for line in p.clientLines {
            doc.text(fitted(line, width: right - left, size: textSize), x: left, y: y, size: textSize)
            y -= 12
        }
        y -= 12
        for (label, value) in p.meta {
            doc.text(label, x: left, y: y, size: textSize, bold: true)
            doc.text(fitted(value, width: right - left - 110, size: textSize), x: left + 110, y: y, size: textSize)
            y -= 12
        }
        y -= 16

        // The lines.
        header()
        for row in p.rows {
            if y < bottom { newPage(tableHeader: true) }
            doc.text(fitted(row.description, width: descriptionWidth, size: tableSize), x: left, y: y, size: tableSize)
            let cells = [row.quantity, row.rate, row.amount, row.vat]
            for (i, cell) in cells.enumerated() {
                doc.text(cell, x: columnRight[i], y: y, size: tableSize, align: .right)
            }
            y -= rowHeight
        }
        doc.line(x1: left, y1: y + rowHeight - 4, x2: right, y2: y + rowHeight - 4)

        // Totals and payment, kept together on one page.
        let needed = Double(p.totals.count) * 14 + 16 + Double(p.payment.count) * 12
        if y - needed < bottom - 10 { newPage(tableHeader: false) }
        y -= 6
        for (i, total) in p.totals.enumerated() {
            let last = i == p.totals.count - 1
            doc.text(total.label, x: columnRight[1], y: y, size: textSize, bold: last, align: .right)
            doc.text(total.value, x: columnRight[2], y: y, size: textSize, bold: last, align: .right)
            y -= 14
        }
        y -= 16
        for line in p.payment {
            doc.text(fitted(line, width: right - left, size: textSize), x: left, y: y, size: textSize)
            y -= 12
        }
        footer()
        return doc
    }
}
