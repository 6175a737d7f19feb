// The mdoc(7) helpers the pages are written with: quoting, sentences, option and synopsis lines.
extension ManPages {
    // MARK: mdoc

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    static func head(_ title: String, _ section: Int, name: String, description: String) -> String {
        """
        .\\" Generated from wt's command table by `make docs`; do not edit.
        .Dd \(months[date.month - 1]) \(date.day), \(date.year)
        .Dt \(title.uppercased()) \(section)
        .Os wt \(Help.version)
        .Sh NAME
        .Nm \(name)
        .Nd \(words(description))

        """
    }

    /// Escapes for roff: a backslash prints as itself; an option's dashes are minus signs, so a
    /// copied command works.
    static func roff(_ s: String) -> String {
        var out = ""
        var previous: Character = " "
        for ch in s {
            switch ch {
            case "\\": out += "\\e"
            case stopMark: out += "\\&"
            case "-" where previous == " " || previous == "(" || previous == "[" || previous == "-" || previous == "|" || previous == "`":
                out += "\\-"
            default: out.append(ch)
            }
            previous = ch
        }
        return out
    }

    /// Lines of text, a sentence on each: never taken for a request.
    static func text(_ s: String) -> String {
        sentences(s).map { line in
            let r = roff(line)
            return (r.hasPrefix(".") || r.hasPrefix("'") ? "\\&" : "") + r + "\n"
        }.joined()
    }

    /// Where `sentences` marks a full stop that does not end a sentence; `roff` prints it as `\&`.
    static let stopMark: Character = "\u{E000}"

    static let abbreviations: Set<String> = ["incl", "excl", "e.g", "i.e", "etc", "vs", "approx", "bijv", "nr", "no"]

    /// Splits after each full stop (?, !) that ends a sentence; a stop inside one, as in
    /// `e.g. id`, gets a zero-width `\&` so roff does not take it for the end.
    static func sentences(_ s: String) -> [String] {
        var lines: [String] = []
        var current = ""
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            current.append(ch)
            if ".?!".contains(ch), i + 1 < chars.count, chars[i + 1] == " " {
                let word = current.split(separator: " ").last.map { String($0.dropLast()).lowercased() } ?? ""
                let next = i + 2 < chars.count ? chars[i + 2] : " "
                let quoted = current.filter { $0 == "\"" }.count % 2 == 1
                let inParentheses = current.filter { $0 == "(" }.count > current.filter { $0 == ")" }.count
                if !quoted && !inParentheses && (next.isUppercase || next.isNumber || next == "`" || next == "-" || next == "$") && !abbreviations.contains(word) {
                    lines.append(current)
                    current = ""
                    i += 2
                    continue
                }
                current.append(stopMark)
            }
            i += 1
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static let macroNames: Set<String> = [
        "Ac", "Ad", "An", "Ao", "Ap", "Aq", "Ar", "At", "Bc", "Bf", "Bk", "Bl", "Bo", "Bq", "Brc", "Bro", "Brq", "Bsx", "Bt", "Bx",
        "Cd", "Cm", "D1", "Db", "Dc", "Dd", "Dl", "Do", "Dq", "Dt", "Dv", "Dx", "Ec", "Ed", "Ef", "Ek", "El", "Em", "En", "Eo", "Er",
        "Es", "Ev", "Ex", "Fa", "Fc", "Fd", "Fl", "Fn", "Fo", "Fr", "Ft", "Fx", "Hf", "Ic", "In", "It", "Lb", "Li", "Lk", "Lp", "Me",
        "Ms", "Mt", "Nd", "Nm", "No", "Ns", "Nx", "Oc", "Oo", "Op", "Os", "Ot", "Ox", "Pa", "Pc", "Pf", "Po", "Pp", "Pq", "Qc", "Ql",
        "Qo", "Qq", "Re", "Rs", "Rv", "Sc", "Sh", "Sm", "So", "Sq", "Ss", "St", "Sx", "Sy", "Ta", "Tn", "Ud", "Ux", "Va", "Vt",
        "Xc", "Xo", "Xr",
    ]

    /// Words on a macro line: a word that is a macro's name or a lone delimiter is printed as itself.
    static func words(_ s: String) -> String {
        s.split(separator: " ", omittingEmptySubsequences: true).map { w -> String in
            let word = String(w)
            let r = roff(word).replacingOccurrences(of: "\"", with: "\\(dq")
            return macroNames.contains(word) || (word.count == 1 && ".,:;()[]?!|".contains(word)) ? "\\&" + r : r
        }.joined(separator: " ")
    }

    /// One macro argument, quoted when it holds spaces.
    static func arg(_ s: String) -> String {
        let w = words(s)
        return s.contains(" ") ? "\"\(w)\"" : w
    }

    static func sentence(_ s: String) -> String {
        guard let first = s.first else { return s }
        let t = first.uppercased() + s.dropFirst()
        return t.hasSuffix(".") || t.hasSuffix("?") || t.hasSuffix("!") ? t : t + "."
    }

    /// `Fl -kvk Ar NUMBER`, `Fl q , Fl -quiet`, `Fl -fields Ar FIELDS Ns Op ,...`.
    static func optionLabel(_ o: OptionSpec, short: Bool) -> String {
        var s = short ? o.short.map { "Fl \($0) , " } ?? "" : ""
        s += "Fl -\(o.name)"
        if let v = o.value { s += " Ar \(arg(v))" + (o.list ? " Ns Op \\&,..." : "") }
        return s
    }

    static func argLabel(_ a: ArgSpec) -> String {
        let core = "Ar \(arg(a.name))" + (a.variadic ? " No ..." : "")
        return a.optional ? "Op \(core)" : core
    }

    static func synopsis(_ c: CommandSpec) -> String {
        var s = ".Nm wt \(c.noun)" + (c.verb.map { " \(arg($0))" } ?? "") + "\n"
        for a in c.args { s += ".\(argLabel(a))\n" }
        for o in c.options { s += ".Op \(optionLabel(o, short: true))\n" }
        return s
    }

    static func optionList(_ options: [OptionSpec]) -> String {
        var s = ".Bl -tag -width Ds\n"
        for o in options { s += ".It \(optionLabel(o, short: true))\n" + text(sentence(o.help)) }
        return s + ".El\n"
    }

    static func completionNote(_ c: Completion) -> String? {
        if case .choices(let words) = c, words.count <= 12 { return "One of: " + words.joined(separator: ", ") + "." }
        return nil
    }

    /// Arguments, options and fields of one command.
    static func body(_ c: CommandSpec) -> String {
        var s = ""
        if !c.args.isEmpty {
            s += ".Pp\nArguments:\n.Bl -tag -width Ds\n"
            for a in c.args {
                s += ".It \(argLabel(a))\n" + text(sentence(a.help))
                if let note = completionNote(a.completion) { s += text(note) }
                if a.variadic { s += text("A - reads more from standard input, one per line.") }
            }
            s += ".El\n"
        }
        if !c.options.isEmpty {
            s += ".Pp\nOptions:\n.Bl -tag -width Ds\n"
            for o in c.options {
                s += ".It \(optionLabel(o, short: true))\n" + text(sentence(o.help))
                if let note = completionNote(o.completion) { s += text(note) }
                if o.list { s += text("Takes several values, comma-separated or repeated.") }
            }
            s += ".El\n"
        }
        if !c.extraFormats.isEmpty {
            s += ".Pp\nBesides the formats of\n.Xr wt 1 ,\n.Fl -format\ntakes\n"
            s += ".Cm " + c.extraFormats.map(arg).joined(separator: " , Cm ") + " .\n"
        }
        if !c.fields.isEmpty {
            s += ".Pp\nFields, for JSON and\n.Fl -fields :\n"
            s += ".Va " + c.fields.map(arg).joined(separator: " , Va ") + "\n"
        }
        return s
    }

    static func exitList() -> String {
        var s = ".Bl -tag -width Ds -compact\n"
        for (code, meaning) in exitStatus { s += ".It \(code)\n" + text(sentence(meaning)) }
        return s + ".El\n"
    }

    static func examples(_ es: [Example]) -> String {
        es.enumerated().map { i, e in (i == 0 ? "" : ".Pp\n") + example(e) }.joined()
    }

    static func example(_ e: Example) -> String {
        text(sentence(e.explanation).dropLast() + ":") + ".Bd -literal -offset indent\n" + text("$ " + e.command) + ".Ed\n"
    }
}
