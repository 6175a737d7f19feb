/// Every command of wt, in the order `wt help` lists them.
public enum CommandTable {
    public static let all: [NounSpec] = [
        InitCommand.noun,
        StatusCommand.noun,
        ClientsCommands.noun,
        DepartmentsCommands.noun,
        WorkersCommands.noun,
        ConfigCommands.noun,
        StoreCommands.noun,
        AuditCommand.noun,
        HelpCommand.noun,
        CompletionsCommand.noun, CompletionsCommand.complete, CompletionsCommand.docs,
    ]
}
