/// Every command of wt, in the order `wt help` lists them.
public enum CommandTable {
    public static let all: [NounSpec] = [
        InitCommand.noun,
        StatusCommand.noun,
        ClientsCommands.noun,
        DepartmentsCommands.noun,
        WorkersCommands.noun,
        UsersCommands.noun,
        AccountCommands.noun,
        OutboxCommands.noun,
        ContractsCommands.noun,
        DocumentsCommands.noun,
        DeclarationsCommands.noun,
        InvoicesCommands.noun,
        PayrollCommands.noun,
        NotifyCommand.noun,
        MailCommands.noun,
        ConfigCommands.noun,
        StoreCommands.noun,
        AuditCommand.noun,
        HelpCommand.noun,
        CompletionsCommand.noun, CompletionsCommand.complete, CompletionsCommand.docs,
    ]
}
