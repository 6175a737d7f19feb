import Foundation

/// A small PDF 1.4 writer for invoices and letters: text in Helvetica / Helvetica-Bold,
/// lines and rectangles, any number of pages.
///
/// Coordinates are PDF points (1/72 inch) measured from the **bottom-left** corner of the
/// page, as PDF does natively: `y` grows upwards, so the top of an A4 page is `y = 841.89`.
/// A `text` call's `y` is the baseline of the text.
///
/// The fonts are two of the standard 14 Type 1 fonts, which every PDF reader supplies, so
/// nothing is embedded. Their text is written in WinAnsiEncoding (Windows code page 1252):
/// characters it lacks are drawn as `?`. Widths come from Adobe's Helvetica AFM metrics,
/// so `width(of:size:bold:)` matches what readers draw and right-aligned amounts line up.
///
/// The output holds no timestamp unless `creationDate` is given: the same drawing calls
/// render the same bytes.
public struct PDFDocument: Sendable, Equatable {
    public struct PageSize: Sendable, Equatable {
        public var width: Double
        public var height: Double
        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
        /// ISO A4, 210 × 297 mm.
        public static let a4 = PageSize(width: 595.28, height: 841.89)
    }

    public enum Alignment: Sendable, Equatable {
        /// `x` is where the text starts.
        case left
        /// `x` is where the text ends.
        case right
        /// `x` is the middle of the text.
        case center
    }

    public let pageSize: PageSize
    public var title: String?
    public var creationDate: Date?
    /// Content-stream operators, one array per page; drawing goes to the last page.
    private var pages: [[String]] = [[]]

    /// Starts a document with one empty page.
    public init(pageSize: PageSize = .a4, title: String? = nil, creationDate: Date? = nil) {
        self.pageSize = pageSize
        self.title = title
        self.creationDate = creationDate
    }

    public var pageCount: Int { pages.count }

    /// Appends a page; later drawing goes onto it.
    public mutating func newPage() {
        pages.append([])
    }

    /// Draws one line of text with its baseline at `y`.
    public mutating func text(_ s: String, x: Double, y: Double, size: Double,
                              bold: Bool = false, align: Alignment = .left) {
        let bytes = Self.winAnsi(s)
        guard !bytes.isEmpty else { return }
        let w = Self.width(of: bytes, size: size, bold: bold)
        let startX: Double
        switch align {
        case .left: startX = x
        case .right: startX = x - w
        case .center: startX = x - w / 2
        }
        let font = bold ? "/F2" : "/F1"
        pages[pages.count - 1].append(
            "BT \(font) \(Self.num(size)) Tf \(Self.num(startX)) \(Self.num(y)) Td \(Self.literal(bytes)) Tj ET")
    }

    /// Draws a black straight line.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, width: Double = 0.5) {
        pages[pages.count - 1].append(
            "q \(Self.num(width)) w 0 G \(Self.num(x1)) \(Self.num(y1)) m \(Self.num(x2)) \(Self.num(y2)) l S Q")
    }

    /// Draws a rectangle whose lower-left corner is (`x`, `y`): outlined in black when
    /// `lineWidth` is set, filled with `fillGray` (0 black … 1 white) when that is set.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double,
                              lineWidth: Double? = 0.5, fillGray: Double? = nil) {
        var ops = "q "
        if let fillGray { ops += "\(Self.num(min(max(fillGray, 0), 1))) g " }
        if let lineWidth { ops += "\(Self.num(lineWidth)) w 0 G " }
        ops += "\(Self.num(x)) \(Self.num(y)) \(Self.num(width)) \(Self.num(height)) re "
        switch (fillGray != nil, lineWidth != nil) {
        case (true, true): ops += "B"
        case (true, false): ops += "f"
        case (false, true): ops += "S"
        case (false, false): ops += "n"
        }
        pages[pages.count - 1].append(ops + " Q")
    }

    /// The advance width in points of `s` as drawn by `text`.
    public func width(of s: String, size: Double, bold: Bool = false) -> Double {
        Self.width(of: Self.winAnsi(s), size: size, bold: bold)
    }

    /// The finished file.
    public func render() -> [UInt8] {
        var objects: [String] = []
        let firstPage = 6
        let kids = (0..<pages.count).map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        var info = "<< /Producer (wt)"
        if let title { info += " /Title \(Self.textString(title))" }
        if let creationDate { info += " /CreationDate (\(Self.pdfDate(creationDate)))" }
        objects.append(info + " >>")
        let mediaBox = "[0 0 \(Self.num(pageSize.width)) \(Self.num(pageSize.height))]"
        for (index, ops) in pages.enumerated() {
            let content = ops.joined(separator: "\n")
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox \(mediaBox) "
                           + "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                           + "/Contents \(firstPage + 2 * index + 1) 0 R >>")
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
        }

        // The second line is a comment of bytes above 127, so tools treat the file as binary.
        var out: [UInt8] = Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x0A]
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(index + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xrefOffset = out.count
        // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, space, LF.
        var xref = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            xref += Self.zeroPadded(offset, 10) + " 00000 n \n"
        }
        xref += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R /Info 5 0 R >>\n"
        xref += "startxref\n\(xrefOffset)\n%%EOF\n"
        return out + Array(xref.utf8)
    }

    // MARK: - Encoding

    /// Unicode (after canonical composition, so `e` + combining acute is `é`) to Windows
    /// code page 1252 as PDF's WinAnsiEncoding uses it. Tabs and line breaks become spaces;
    /// anything else cp1252 lacks becomes `?`.
    static func winAnsi(_ s: String) -> [UInt8] {
        s.precomposedStringWithCanonicalMapping.unicodeScalars.map { scalar -> UInt8 in
            let v = scalar.value
            switch v {
            case 0x09, 0x0A, 0x0D: return 0x20
            case 0x20...0x7E, 0xA0...0xFF: return UInt8(v)
            default: return cp1252High[v] ?? 0x3F
            }
        }
    }

    /// The code points cp1252 places at 0x80–0x9F.
    private static let cp1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86,
        0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C,
        0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
        0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// A PDF literal string: `(`, `)` and `\` escaped, bytes outside printable ASCII as
    /// octal escapes so the content stream stays ASCII.
    static func literal(_ bytes: [UInt8]) -> String {
        var s = "("
        for byte in bytes {
            switch byte {
            case 0x28, 0x29, 0x5C: s += "\\" + String(UnicodeScalar(byte))
            case 0x20...0x7E: s += String(UnicodeScalar(byte))
            default:
                let octal = String(byte, radix: 8)
                s += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
            }
        }
        return s + ")"
    }

    /// A text string for the document information: a literal when plain ASCII, otherwise
    /// UTF-16BE with a byte-order mark, written in hex.
    static func textString(_ s: String) -> String {
        if s.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
            return literal(Array(s.utf8))
        }
        let units = [0xFEFF] + Array(s.utf16)
        return "<" + units.map { zeroPadded(Int($0), 4, radix: 16) }.joined() + ">"
    }

    /// `D:YYYYMMDDHHmmSSZ` in UTC.
    static func pdfDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let parts = [(c.year ?? 1970, 4), (c.month ?? 1, 2), (c.day ?? 1, 2),
                     (c.hour ?? 0, 2), (c.minute ?? 0, 2), (c.second ?? 0, 2)]
        return "D:" + parts.map { zeroPadded($0.0, $0.1) }.joined() + "Z"
    }

    private static func zeroPadded(_ n: Int, _ width: Int, radix: Int = 10) -> String {
        let s = String(n, radix: radix, uppercase: true)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// A number as PDF wants it: plain decimal, at most three decimals, no exponent.
    /// Values that are not finite (or absurdly large) are written as 0.
    static func num(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e12 else { return "0" }
        let thousandths = Int((v * 1000).rounded())
        let sign = thousandths < 0 ? "-" : ""
        let magnitude = abs(thousandths)
        var s = sign + String(magnitude / 1000)
        let fraction = magnitude % 1000
        if fraction != 0 {
            var digits = zeroPadded(fraction, 3)
            while digits.hasSuffix("0") { digits.removeLast() }
            s += "." + digits
        }
        return s == "-0" ? "0" : s
    }

    static func width(of bytes: [UInt8], size: Double, bold: Bool) -> Double {
        let table = bold ? Metrics.helveticaBold : Metrics.helvetica
        let units = bytes.reduce(0) { $0 + Int(table[Int($1) - 32]) }
        return Double(units) * size / 1000
    }

    /// Glyph advance widths (1/1000 em) for WinAnsi codes 32–255, taken from Adobe's
    /// Helvetica and Helvetica-Bold AFM files (core 14, 1997, with Euro). 160 is the
    /// no-break space and 173 the soft hyphen, drawn as space and hyphen; the codes
    /// cp1252 leaves undefined (127, 129, 141, 143, 144, 157) are never emitted and hold 0.
    enum Metrics {
    static let helvetica: [UInt16] = [
        /*  32 */ 278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        /*  48 */ 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
        /*  64 */ 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
        /*  80 */ 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
        /*  96 */ 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        /* 112 */ 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
        /* 128 */ 556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
        /* 144 */ 0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
        /* 160 */ 278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
        /* 176 */ 400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
        /* 192 */ 667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
        /* 208 */ 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
        /* 224 */ 556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
        /* 240 */ 556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
    ]
    static let helveticaBold: [UInt16] = [
        /*  32 */ 278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
        /*  48 */ 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
        /*  64 */ 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
        /*  80 */ 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
        /*  96 */ 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
        /* 112 */ 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
        /* 128 */ 556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
        /* 144 */ 0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
        /* 160 */ 278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
        /* 176 */ 400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
        /* 192 */ 722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
        /* 208 */ 722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
        /* 224 */ 556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
        /* 240 */ 611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
    ]
    }
}
