/// How a field is shown in a table; machine formats always get the raw value.
public enum FieldKind: Sendable {
    case text, status, minutes, timestamp, list, nested
}

public struct Field: Sendable {
    public let name: String
    public let kind: FieldKind
    /// Shown as a column of the table by default (`--fields` shows any).
    public let inTable: Bool

    public init(_ name: String, _ kind: FieldKind = .text, table: Bool = true) {
        self.name = name
        self.kind = kind
        self.inTable = table
    }

    public var header: String {
        var out = ""
        for c in name {
            if c.isUppercase && !out.isEmpty { out += "_" }
            out += c.uppercased()
        }
        return out
    }
}

/// The shape of one kind of record in output.
public struct Schema: Sendable {
    public let fields: [Field]
    public init(_ fields: [Field]) { self.fields = fields }

    public var names: [String] { fields.map(\.name) }

    public func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// The fields `--fields` asked for, in its order, or the defaults.
    func selected(_ requested: [String], tableDefaults: Bool) throws -> [Field] {
        if requested.isEmpty { return tableDefaults ? fields.filter(\.inTable) : fields }
        return try requested.map { name in
            guard let f = field(name) else {
                throw WTError.usage(
                    "unknown field \"\(name)\"",
                    hint: (suggestion(for: name, among: names).map { "did you mean \($0)? " } ?? "")
                        + "fields: \(names.joined(separator: ", "))")
            }
            return f
        }
    }

    /// The fields a list prints in the options' format, in order; nil when it
    /// prints whole records (json and jsonl without `--fields`). CSV and TSV
    /// leave nested fields out unless `--fields` names them.
    public func printed(_ g: GlobalOptions) throws -> [Field]? {
        switch g.format {
        case .json, .jsonl: return g.fields.isEmpty ? nil : try selected(g.fields, tableDefaults: false)
        case .csv, .tsv: return try selected(g.fields, tableDefaults: false).filter { $0.kind != .nested || !g.fields.isEmpty }
        case .table: return try selected(g.fields, tableDefaults: true)
        }
    }
}

public enum Renderer {
    /// A list of records in the chosen format.
    public static func list(_ rows: [JSON], schema: Schema, options g: GlobalOptions, colour: Bool) throws -> String {
        switch g.format {
        case .json:
            let fields = try schema.selected(g.fields, tableDefaults: false)
            return JSON.prettyArray(rows.map { project($0, fields, all: g.fields.isEmpty) }) + "\n"
        case .jsonl:
            let fields = try schema.selected(g.fields, tableDefaults: false)
            let lines = try Parallel.chunkedMap(rows, minimumChunk: 64) { project($0, fields, all: g.fields.isEmpty).serializedBytes() + [0x0A] }
            return String(decoding: lines.joined(), as: UTF8.self)
        case .csv, .tsv:
            let fields = try schema.printed(g) ?? []
            let sep = g.format == .csv ? "," : "\t"
            let eol = g.format == .csv ? "\r\n" : "\n"
            var out = ""
            if !g.noHeader { out += fields.map { cell($0.name, g.format) }.joined(separator: sep) + eol }
            for row in rows {
                out += fields.map { cell(plain(row[$0.name] ?? .null), g.format) }.joined(separator: sep) + eol
            }
            return out
        case .table:
            let fields = try schema.printed(g) ?? []
            let cells = rows.map { row in fields.map { display(row[$0.name] ?? .null, $0.kind) } }
            return table(header: g.noHeader ? nil : fields.map(\.header), rows: cells, colour: colour)
        }
    }

    /// One record: JSON as an object; a table as `field  value` lines with
    /// nested lists (lines, history) as tables of their own below.
    public static func record(_ row: JSON, schema: Schema, options g: GlobalOptions, colour: Bool) throws -> String {
        switch g.format {
        case .json:
            let fields = try schema.selected(g.fields, tableDefaults: false)
            return project(row, fields, all: g.fields.isEmpty).pretty() + "\n"
        case .jsonl, .csv, .tsv:
            return try list([row], schema: schema, options: g, colour: colour)
        case .table:
            let fields = try schema.selected(g.fields, tableDefaults: false)
            var scalars: [[String]] = []
            var sections = ""
            for f in fields {
                let v = row[f.name] ?? .null
                if f.kind == .nested {
                    sections += "\n" + (colour ? "\u{1B}[1m\(f.name)\u{1B}[0m" : f.name) + "\n"
                    sections += nested(v, colour: colour)
                } else {
                    scalars.append([f.name, display(v, f.kind)])
                }
            }
            return table(header: nil, rows: scalars, colour: false) + sections
        }
    }

    /// An array of objects as a small table; anything else as one line.
    static func nested(_ v: JSON, colour: Bool) -> String {
        guard case .array(let items) = v, !items.isEmpty else { return "  (none)\n" }
        var keys: [String] = []
        for item in items {
            for k in (item.objectValue ?? [:]).keys.sorted() where !keys.contains(k) { keys.append(k) }
        }
        if keys.isEmpty { return "  " + items.map { display($0, .text) }.joined(separator: ", ") + "\n" }
        let rows = items.map { item in
            keys.map { k -> String in
                let value = item[k] ?? .null
                let kind: FieldKind =
                    k == "minutes" ? .minutes : (k == "at" || k.hasSuffix("At")) ? .timestamp
                    : (k == "from" || k == "to" || k == "status") ? .status : .text
                return display(value, kind)
            }
        }
        let header = keys.map { Field($0).header }
        return table(header: header, rows: rows, colour: colour, indent: "  ")
    }

    static func project(_ row: JSON, _ fields: [Field], all: Bool) -> JSON {
        guard !all, case .object(let o) = row else { return row }
        var out: [String: JSON] = [:]
        for f in fields { out[f.name] = o[f.name] ?? .null }
        return .object(out)
    }

    /// The raw value as text, for csv and tsv.
    static func plain(_ v: JSON) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .string(let s): return s
        case .array(let a) where a.allSatisfy({ $0.stringValue != nil }): return a.compactMap(\.stringValue).joined(separator: ",")
        default: return v.serialized()
        }
    }

    /// On Unicode scalars, not Characters: a `,`, `"` or tab followed by a combining mark is
    /// one Character, which a Character test does not see, yet a CSV reader splits there.
    static func cell(_ s: String, _ format: OutputFormat) -> String {
        let scalars = s.unicodeScalars
        if format == .tsv {
            return String(String.UnicodeScalarView(scalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
        }
        if scalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            var out = String.UnicodeScalarView()
            out.append("\"")
            for c in scalars {
                if c == "\"" { out.append("\"") }
                out.append(c)
            }
            out.append("\"")
            return String(out)
        }
        return s
    }

    /// The value as a person reads it: Dutch status labels, 7:30, local time. Line breaks
    /// and tabs become spaces and other control characters `?`, so a stored value cannot
    /// break the table or send an escape sequence to the terminal.
    public static func display(_ v: JSON, _ kind: FieldKind) -> String {
        let text: String
        switch (kind, v) {
        case (_, .null): return ""
        case (.status, .string(let s)): text = StatusLabels.label(s)
        case (.minutes, .int(let m)): return formatMinutes(m)
        case (.timestamp, .string(let s)): text = Timestamp.local(s)
        case (_, .array(let a)) where a.allSatisfy({ $0.stringValue != nil }):
            text = a.compactMap(\.stringValue).joined(separator: ", ")
        default:
            text = plain(v)
        }
        return PrintableText.make(text, breaks: .spaces, controls: .mark)
    }

    public static func formatMinutes(_ m: Int) -> String {
        let sign = m < 0 ? "-" : ""
        let a = abs(m)
        return "\(sign)\(a / 60):\(a % 60 < 10 ? "0" : "")\(a % 60)"
    }

    /// Aligned columns separated by two spaces; the header bold on a colour terminal.
    /// `widths` given: columns measured beforehand (a streamed list's first pass).
    public static func table(header: [String]?, rows: [[String]], colour: Bool, indent: String = "", widths given: [Int]? = nil) -> String {
        let columns = given?.count ?? header?.count ?? rows.first?.count ?? 0
        guard columns > 0 else { return "" }
        var widths = given ?? [Int](repeating: 0, count: columns)
        if given == nil {
            for r in (header.map { [$0] } ?? []) + rows {
                for (i, c) in r.enumerated() where i < columns { widths[i] = max(widths[i], c.count) }
            }
        }
        func line(_ r: [String]) -> String {
            var s = indent
            for (i, c) in r.enumerated() {
                if i == r.count - 1 {
                    s += c
                } else {
                    s += c + String(repeating: " ", count: widths[i] - c.count + 2)
                }
            }
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        var out = ""
        if let header {
            let h = line(header)
            out += colour ? "\u{1B}[1m" + h.dropLast() + "\u{1B}[0m\n" : h
        }
        for r in rows { out += line(r) }
        return out
    }
}

import Foundation
