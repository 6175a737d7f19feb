enum InitCommand {
    static let noun = NounSpec(
        "init", summary: "create a store",
        details: "Creates a private store directory (mode 0700, files 0600) at --store, $WT_STORE or $XDG_DATA_HOME/wt. It refuses a directory that already holds a store or other files. --sample demo fills it with the portal manual's world; --sample large with a three-year mid-size agency for benchmarks.",
        commands: [InitStore.command])
}
