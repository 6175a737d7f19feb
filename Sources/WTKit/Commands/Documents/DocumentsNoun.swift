enum DocumentsCommands {
    static let kinds = Document.Kind.allCases.map(\.rawValue)
    static let statusNames = Document.Status.allCases.map(\.rawValue)

    static let noun = NounSpec(
        "documents", summary: "documents clients approve or sign (documenten)",
        details: "A new contract brings an assignment confirmation (opdrachtbevestiging), the client's arbo document and classification document (inschalingsdocument) when it has none yet, and a hire agreement (inleenovereenkomst) when fixed-term. A client's signer approves with the read confirmation \"Ik heb dit document gelezen\"; a fixed-term assignment confirmation is signed with a 6-digit SMS code. The record keeps who signed, when, how, and the file's SHA-256.",
        commands: [ListDocuments.command, ShowDocument.command, AddDocument.command, SignDocument.command])
}
