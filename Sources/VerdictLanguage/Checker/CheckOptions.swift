/// What a host adds to type checking: knowledge of its own functions' results, and field
/// paths it wants accepted although their object type does not list them.
public struct CheckOptions: Sendable {
    /// Computes the result type of a call from its arguments, or returns nil to use the
    /// function's declared overloads. Policies use it to give `lookup("ACS::ECS::Instance",
    /// id)` the type of an ECS instance document.
    public var refineCall: (@Sendable (_ function: String, _ arguments: [Expr], _ argumentTypes: [StaticType]) -> StaticType?)?
    /// Finds a string literal argument that names a field path, for functions that look
    /// values up by path: policies use it for the `"KeyState"` of
    /// `resources("ACS::KMS::Key", "KeyState", "Enabled")`. The checker selects each
    /// dot-separated component as it selects fields, reporting unknown ones inside the
    /// literal, and checks that the compared argument can equal the field.
    public var fieldPathArgument: (@Sendable (_ function: String, _ arguments: [Expr]) -> FieldPathArgument?)?
    /// Field paths (`config.Extra.Field`) that the object types do not list but the
    /// expression may select: the path and every prefix of it (`config.Extra`) are
    /// accepted, and their values have type `dyn`, so whatever is selected below them is
    /// unchecked.
    public var unlistedFields: Set<String> = []
    /// The type the whole expression must have; bool for conditions.
    public var expectedResult: StaticType? = .bool
    /// What the expression is, for the message when its type is wrong: "compliantWhen".
    public var resultDescription = "the expression"

    public init() {}
}

/// A call argument that names a field path, as `CheckOptions.fieldPathArgument` finds it.
public struct FieldPathArgument: Sendable {
    /// The position of the path among the call's arguments.
    public var pathIndex: Int
    /// The type on which the path's first field is selected.
    public var rootType: StaticType
    /// The position of the argument compared with the field's value, if any.
    public var comparedIndex: Int?

    public init(pathIndex: Int, rootType: StaticType, comparedIndex: Int? = nil) {
        self.pathIndex = pathIndex
        self.rootType = rootType
        self.comparedIndex = comparedIndex
    }
}

/// The outcome of checking an expression: the type of each node and the problems found.
public struct CheckedExpression: Sendable {
    public let types: [ExprID: StaticType]
    public let diagnostics: [Diagnostic]

    public var rootType: StaticType? { types[rootID] }
    let rootID: ExprID
}
