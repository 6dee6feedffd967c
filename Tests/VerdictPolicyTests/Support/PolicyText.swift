/// Policy files for lint tests, over the resource type `ACS::Example::Thing`.
enum PolicyText {
    /// The schema of `ACS::Example::Thing`, with a nested object, a list of objects, an
    /// open object and a string of JSON.
    static let schema = """
        kind: ResourceSchema
        resourceType: ACS::Example::Thing
        configuration:
          Name: string
          Size: int
          Settings:
            Level: int
          Items:
            - Key: string
          Labels:
            $open: true
          Policy:
            $json:
              Statement: [any]
        """

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
