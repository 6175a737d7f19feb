enum StoreCommands {
    static let noun = NounSpec(
        "store", summary: "check and back up the store",
        details: "The store is a directory of JSON files (see wt-store(5) in wt(1) FILES). `verify` reads every file, checks every reference between records and walks the audit chain; `backup` copies one commit's state of it (the lock is held only while its files are opened, so writers go on), so the copy is consistent and can be used with --store. Both show progress on stderr when it is a terminal.",
        commands: [VerifyStore.command, BackupStore.command])
}
