enum DepartmentsCommands {
    static let noun = NounSpec(
        "departments", summary: "a client's departments (opdrachtgevers)",
        details: "A department is the part of a client that hires: the portal's Opdrachtgevers tab. Contracts belong to a department, and a portal user may be limited to some departments.",
        commands: [AddDepartment.command, ListDepartments.command, ShowDepartment.command])
}
