/// `declarations import FILE.csv`: rows `contract,date,hours[,type]`, all or
/// nothing. Every bad row is reported with its line number before anything
/// is written.
public enum HoursImport {
    public struct Row: Equatable {
        public var line: Int
        public var contract: String
        public var date: String
        public var hours: String
        public var type: String?
    }

    /// Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). A
    /// header row starting with `contract` is skipped; blank lines are ignored.
    public static func parse(_ bytes: [UInt8]) throws -> [Row] {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            // Name the first line with invalid UTF-8.
            var line = 1
            var start = 0
            for (i, b) in bytes.enumerated() where b == 0x0A {
                if String(validating: bytes[start..<i], as: UTF8.self) == nil { break }
                line += 1
                start = i + 1
            }
            throw WTError.invalid("line \(line): not valid UTF-8 text", hint: "save the file as UTF-8 CSV")
        }
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var rowLine = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRow() throws {
            fields.append(field)
            field = ""
            defer { fields = [] }
            if fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { return }
            let f = fields.map { $0.trimmingSpaces() }
            if rows.isEmpty && f[0].lowercased() == "contract" { return }
            guard f.count == 3 || f.count == 4 else {
                throw WTError.invalid("line \(rowLine): expected contract,date,hours[,type] but found \(f.count) field\(f.count == 1 ? "" : "s")")
            }
            rows.append(Row(line: rowLine, contract: f[0], date: f[1], hours: f[2], type: f.count == 4 && !f[3].isEmpty ? f[3] : nil))
        }
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
                try endRow()
                line += 1
                rowLine = line
            } else if c.value < 0x20 && c != "\t" {
                throw WTError.invalid("line \(line): control character in the file")
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
            if rows.count > 200_000 { throw WTError.invalid("the file has more than 200000 rows; split it") }
        }
        if quoted { throw WTError.invalid("line \(rowLine): a quoted field is not closed") }
        try endRow()
        return rows
    }

    public struct Result {
        public var declarations: [Declaration]
        public var created: Int
        public var rows: Int
    }

    public static func apply(_ rows: [Row], in set: DeclarationSet, actor: Actor) throws -> Result {
        try AccessControl.requireReporter(actor, toDo: "import hours")
        guard !rows.isEmpty else { throw WTError.invalid("the file holds no rows") }
        let config = try Config.load(set.tx)
        var errors: [String] = []
        var touched: [String: Declaration] = [:]
        var order: [String] = []
        var created = 0
        var denied = false
        var contracts: [String: Contract] = [:]
        // Worker names for the declarations an import opens, read at most once.
        var names: [String: String]?
        func workerName(_ worker: String) throws -> String? {
            if names == nil { names = try Organisation.allWorkerNames(set.tx) }
            return names?[worker]
        }
        for row in rows {
            do {
                try RecordKind.contract.check(row.contract)
                let contract: Contract
                if let c = contracts[row.contract] {
                    contract = c
                } else {
                    guard let c = try Contracts.store.find(row.contract, set.tx) else { throw WTError.notFound("no contract \(row.contract)") }
                    contracts[c.id] = c
                    contract = c
                }
                // A worker imports rows of their own contracts only.
                try AccessControl.requireVisible(actor, client: contract.client, department: contract.department, worker: contract.worker, id: contract.id)
                let date = try CalendarDate.parse(row.date)
                let minutes = try Minutes.parse(row.hours)
                let type = try Declarations.hourType(row.type ?? "normal", config)
                let week = ISOWeek(containing: date)
                var d: Declaration
                if let id = try set.existing(contract: contract, week: week), let t = touched[id] {
                    d = t
                } else {
                    let (found, isNew) = try Declarations.forContract(contract, week: week, in: set, actor: actor, workerName: workerName)
                    d = found
                    if isNew { created += 1 }
                }
                try d.apply(.enterHours, at: set.tx.at, by: actor.name)
                d.set(date, type: type, minutes: minutes.value)
                try Declarations.checkDay(d, date, contract: contract)
                if touched[d.id] == nil { order.append(d.id) }
                touched[d.id] = d
            } catch let e as WTError {
                errors.append("line \(row.line): \(e.message)")
                if e.kind == .denied { denied = true }
            }
        }
        if !errors.isEmpty {
            let shown = errors.prefix(20).joined(separator: "\n  ")
            // A row the actor may not touch makes the refusal a denial (5), not a bad file (6).
            throw WTError(denied ? .denied : .invalid,
                "the import was refused, nothing was changed: \(errors.count) bad row\(errors.count == 1 ? "" : "s")\n  \(shown)"
                    + (errors.count > 20 ? "\n  ... and \(errors.count - 20) more" : ""),
                hint: "correct those lines and import the file again")
        }
        for id in order { touched[id] = try set.put(touched[id]!) }
        set.tx.record("declarations.import", "\(rows.count) rows", ["declarations": JSON(order), "created": .int(created)])
        return Result(declarations: order.map { touched[$0]! }, created: created, rows: rows.count)
    }
}

import Foundation
