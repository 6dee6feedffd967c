extension FunctionRegistry {
    /// CEL's standard functions and operators with the extensions Verdict's rules use.
    public static let standard: FunctionRegistry = {
        var registry = FunctionRegistry()
        let groups: [[Function]] = [
            Arithmetic.functions, Comparisons.functions, Conversions.functions, StringFunctions.functions,
            CollectionFunctions.functions, TimeFunctions.functions, JSONFunctions.functions, FailFunction.functions,
        ]
        for function in groups.joined() { registry.add(function) }
        return registry
    }()
}
