enum AccountCommands {
    static let noun = NounSpec(
        "account", summary: "a portal user's or worker's own account: activate, log in, change the password",
        details: """
            What a portal user or a worker (SPEC §11: the same kind of account, by the worker's e-mail address) does with their account. Passwords are never arguments: on a terminal they are asked without echo (new ones twice, and the two must match); without a terminal --password-stdin is required and reads them from stdin, one per line (activate: the new password, after the token when TOKEN is -; login: the password; passwd: the old, then the new). The policy (password.minLength, password.require*) gives 6 naming every rule broken; password.history N: a new password may not be one of the last N (the current one included); password.maxAgeDays: an older password no longer logs in (5) until changed with passwd. login.maxFailures wrong passwords in a row (login or passwd) lock the account for login.lockMinutes; a right one resets the count. Exit status: 3 unknown user or activation link; 4 link used, replaced by a newer one or expired; 5 wrong password, locked, disabled, not activated or expired password; 6 policy.
            """,
        commands: [ActivateAccount.command, LogInAccount.command, ChangeAccountPassword.command])
}
