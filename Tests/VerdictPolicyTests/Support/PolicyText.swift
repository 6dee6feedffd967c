/// Policy files for lint tests, over the resource type `ACS::Example::Thing`.
enum PolicyText {
    /// Returns a policy with `lines` between its resource types and its message.
    static func policy(_ lines: String, id: String = "example") -> String {
        """
        kind: Policy
        id: \(id)
        title: Example
        description: Example.
        severity: low
        resourceTypes: [ACS::Example::Thing]
        \(lines)
        message: Bad.
        """
    }
}
