/// `wt documents show ID [--output FILE]`: the record, or the file itself.
struct ShowDocument: Verb {
    struct Options: Equatable {
        var id: String
        var output: String?
    }

    static let id = Argument(0, "ID", "the document's id", completion: .records("documents"))
    static let output = ValueOption("output", "FILE", help: "write the document's file here (- for stdout)", completion: .file)

    static let spec = VerbSpec(
        "documents", "show", summary: "show a document, or write its file with --output",
        args: [id], options: [output],
        examples: [
            Example("wt documents show doc-1", "its record: kind, status, who signed, SHA-256"),
            Example("wt documents show doc-1 --output opdrachtbevestiging.txt", "the file itself, exactly as signed"),
        ],
        fields: Document.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(id: try id.required(in: line), output: try output.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let store = try env.store()
        let d = try Documents.find(o.id, store, actor: try env.actor())
        guard let output = o.output else { return try env.printRecord(d.publicJSON, Document.schema) }
        try env.writeOutput(try Documents.content(of: d, store), to: output, what: "\(d.id) (sha256 \(d.sha256))")
    }
}
