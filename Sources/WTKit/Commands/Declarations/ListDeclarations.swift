/// `wt declarations list [filters] [--warnings]`: streamed, batch by batch.
struct ListDeclarations: Verb {
    struct Options: Equatable {
        var filter: DeclarationFilter
        var warnings: Bool
    }

    static let spec = VerbSpec(
        "declarations", "list", summary: "list declarations",
        options: DeclarationFilter.all + [DeclarationFilter.warnings],
        examples: [
            Example("wt declarations list --status submitted", "what waits for approval"),
            Example("wt declarations list --client cl-1 --from 2026-W40 --to 2026-W48 --format csv", "a quarter of one client's hours as CSV"),
            Example("wt declarations list --status approved --fields id --format tsv --no-header | wt declarations close -", "close what a list selected"),
        ],
        fields: Declaration.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(filter: try DeclarationFilter.parse(line), warnings: DeclarationFilter.warnings.isSet(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        // Fields are checked before any reading, as the renderer would; a
        // format that prints only some fields (a CSV export, a table) has only
        // those built.
        let printed = try Declaration.schema.printed(env.globals)?.map(\.name)
        var f = try o.filter.resolve(env)
        f.warningsOnly = o.warnings
        let stream = try DeclarationStream(
            f, store: try env.store(), actor: try env.actor(), fields: printed ?? [], payroll: printed?.contains("payroll") ?? true)
        stream.progress = Progress("listing declarations", env.ctx, after: 1)
        try env.printStream(Declaration.schema) { try stream.forEachBatch($0) }
    }
}
