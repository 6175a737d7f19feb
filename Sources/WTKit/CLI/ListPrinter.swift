/// A list printed as it is produced, batch by batch, byte for byte what
/// `Renderer.list` prints for the whole list at once: a JSON array is opened,
/// its items written as they come, and closed; jsonl, csv and tsv are
/// line-based anyway. A table needs its column widths before its first line:
/// it is printed in two passes over the same rows (the source reads one
/// snapshot, so both passes see the same rows), the first only measuring.
/// That costs a table twice the reading and keeps its alignment exactly as
/// before; machine formats, which exports use, read once.
struct ListPrinter {
    let schema: Schema
    let options: GlobalOptions
    let colour: Bool
    let write: (String) -> Void

    /// `produce` calls its argument with each batch of rows, in order, and
    /// must give the same rows each time it is called.
    func print(_ produce: (([JSON]) throws -> Void) throws -> Void) throws {
        let g = options
        switch g.format {
        case .json:
            let fields = try schema.selected(g.fields, tableDefaults: false)
            var count = 0
            try produce { rows in
                guard !rows.isEmpty else { return }
                let items = rows.map { Renderer.project($0, fields, all: g.fields.isEmpty) }
                // prettyArray gives "[" items "\n]": the items are kept, with a comma between batches.
                let text = JSON.prettyArray(items).utf8
                write((count == 0 ? "[" : ",") + String(decoding: text.dropFirst().dropLast(2), as: UTF8.self))
                count += rows.count
            }
            write(count == 0 ? "[]\n" : "\n]\n")
        case .jsonl, .csv, .tsv:
            var first = true
            try produce { rows in
                var o = g
                o.noHeader = g.noHeader || !first
                if rows.isEmpty && !first { return }
                write(try Renderer.list(rows, schema: schema, options: o, colour: colour))
                first = false
            }
            if first { write(try Renderer.list([], schema: schema, options: g, colour: colour)) }
        case .table:
            let fields = try schema.printed(g) ?? []
            var widths = fields.map { g.noHeader ? 0 : $0.header.count }
            var any = false
            try produce { rows in
                for row in rows {
                    any = true
                    for (i, f) in fields.enumerated() { widths[i] = max(widths[i], Renderer.display(row[f.name] ?? .null, f.kind).count) }
                }
            }
            if !g.noHeader {
                write(Renderer.table(header: fields.map(\.header), rows: [], colour: colour, widths: widths))
            }
            guard any else { return }
            try produce { rows in
                let cells = rows.map { row in fields.map { Renderer.display(row[$0.name] ?? .null, $0.kind) } }
                write(Renderer.table(header: nil, rows: cells, colour: colour, widths: widths))
            }
        }
    }
}
