enum ClientsCommands {
    static let noun = NounSpec(
        "clients", summary: "client companies (inleners)",
        details: "A client is a company that hires the agency's workers. Its departments (opdrachtgevers) place the contracts, its users approve hours and sign documents, and it receives the invoices.",
        commands: [AddClient.command, EditClient.command, ListClients.command, ShowClient.command])
}
