enum NotifyCommand {
    static let schema = Schema([Field("kind"), Field("to"), Field("name"), Field("subject"), Field("declarations", .list), Field("contracts", .list, table: false)])

    static let noun = NounSpec(
        "notify", summary: "mail approvers what waits for them: the cron job",
        details: "Sends one digest mail per approver with submitted declarations waiting (\"Er staan één of meer urendeclaraties klaar om goed te keuren\"), at most once per notify.intervalHours (24) per user, one notice digest to agency.email naming the fixed-term contracts that end within contracts.noticeDays (each contract once), and, with notify.remindWorkers, a reminder to workers whose past weeks are not submitted. Running it again within the interval sends nothing. --dry-run lists what it would send.",
        commands: [SendNotifications.command])
}
