/// `wt documents add FILE --client ID [--contract ID] --kind KIND --title TEXT`
struct AddDocument: Verb {
    struct Options: Equatable {
        var file: String
        var client: String
        var contract: String?
        var kind: Document.Kind
        var title: String
    }

    static let file = Argument(0, "FILE", "the file to store", completion: .file)
    static let client = ValueOption("client", "ID", help: "the client", completion: .records("clients"))
    static let contract = ValueOption("contract", "ID", help: "the contract it belongs to, if any", completion: .records("contracts"))
    static let kind = ValueOption(
        "kind", "KIND", help: "other, arbo, classification, ...", completion: .choices(DocumentsCommands.kinds), parse: Document.Kind.parse)
    static let title = ValueOption("title", "TEXT", help: "the title the client sees") { try TextRules.line($0, what: "--title") }

    static let spec = VerbSpec(
        "documents", "add", summary: "add another document, or a new file, for a client or contract",
        args: [file], options: [client, contract, kind, title],
        examples: [Example("wt documents add --client cl-1 --kind other --title 'Huisregels' huisregels.pdf", "a document for the client's Documenten tab")],
        fields: Document.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        let file = try file.required(in: line)
        let kind = try kind.required(in: line)
        let title = try title.required(in: line)
        return Options(file: file, client: try client.required(in: line), contract: try contract.value(in: line), kind: kind, title: title)
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let path = FileSystem.absolute(o.file, cwd: env.ctx.cwd)
        guard let data = (try? FileSystem.read(path)) ?? nil else {
            throw WTError.notFound("cannot read \(path)", hint: "give the path of an existing file")
        }
        let actor = try env.actor()
        let d = try env.write { uow in
            try Documents.addFile(
                client: o.client, contract: o.contract, kind: o.kind, title: o.title, bytes: data,
                fileName: String(path.split(separator: "/").last ?? "document"), in: uow.tx, actor: actor)
        }
        try env.done("added document \(d.id) (\(d.kind.rawValue)) for \(d.client)", records: [d.publicJSON], schema: Document.schema)
    }
}
