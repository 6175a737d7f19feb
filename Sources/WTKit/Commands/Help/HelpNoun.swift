enum HelpCommand {
    static let noun = NounSpec(
        "help", summary: "explain a command",
        details: "Shows the overview, a command's verbs, or one verb's arguments, options, fields and examples.",
        commands: [ShowHelp.command])
}
