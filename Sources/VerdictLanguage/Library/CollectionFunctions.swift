/// Sizes and list functions: `size` and its synonym `count`, and the list extensions
/// `distinct`, `flatten`, `reverse`, `slice`, `sort` and `lists.range`.
enum CollectionFunctions {
    static let functions: [Function] = [
        sizeFunction("size", "The number of characters of a string, bytes of bytes, elements of a list or entries of a map."),
        sizeFunction("count", "A synonym of size, so that rules can say count(zones) >= 3."),
        distinct, flatten, reverse, slice, sort, range,
    ]

    private static func sizeFunction(_ name: String, _ summary: String) -> Function {
        let sized: [(String, StaticType)] = [
            ("string", .string), ("bytes", .bytes), ("list", .list(.parameter("A"))), ("map", .map(.parameter("K"), .parameter("V"))),
        ]
        return Function(name, summary: summary,
                        overloads: sized.map { .global("\(name)_\($0.0)", [$0.1], .int) } + sized.map { .method("\($0.0)_\(name)", [$0.1], .int) },
                        implementation: .unary { value throws(EvaluationError) in
            switch value {
            case .string(let text): return .int(Int64(text.unicodeScalars.count))
            case .bytes(let bytes): return .int(Int64(bytes.count))
            case .list(let elements): return .int(Int64(elements.count))
            case .map(let map): return .int(Int64(map.count))
            default: throw .noOverload(name, value)
            }
        })
    }

    static let distinct = Function(
        "distinct", summary: "The list without repeated elements, keeping the first of each (by CEL equality).",
        overloads: [.method("list_distinct", [.list(.parameter("A"))], .list(.parameter("A")))],
        implementation: .unary { value throws(EvaluationError) in
            guard case .list(let elements) = value else { throw .noOverload("distinct", value) }
            return .list(unique(elements))
        })

    /// Removes repeated elements: in linear time for bools, integers, integral doubles
    /// and strings (which hash by value), by pairwise comparison for the rest.
    static func unique(_ elements: [Value]) -> [Value] {
        var seen = Set<MapKey>()
        var others: [Value] = []
        var result: [Value] = []
        for element in elements {
            if let key = MapKey(element) {
                if seen.insert(key).inserted { result.append(element) }
            } else if !others.contains(where: { Value.celEqual($0, element) }) {
                others.append(element)
                result.append(element)
            }
        }
        return result
    }

    static let flatten = Function(
        "flatten", summary: "Flattens nested lists by one level, or by the given depth.",
        overloads: [.method("list_flatten", [.list(.dyn)], .list(.dyn)), .method("list_flatten_int", [.list(.dyn), .int], .list(.dyn))],
        implementation: .variadic { arguments throws(EvaluationError) in
            guard arguments.count == 1 || arguments.count == 2, case .list(let elements) = arguments[0] else {
                throw .noOverload("flatten", arguments)
            }
            var depth: Int64 = 1
            if arguments.count == 2 {
                guard case .int(let given) = arguments[1] else { throw .noOverload("flatten", arguments) }
                guard given >= 0 else { throw EvaluationError(.invalidArgument, "flatten depth must not be negative") }
                depth = given
            }
            return .list(flattened(elements, depth: depth))
        })

    private static func flattened(_ elements: [Value], depth: Int64) -> [Value] {
        guard depth > 0 else { return elements }
        var result: [Value] = []
        for element in elements {
            if case .list(let inner) = element {
                result.append(contentsOf: flattened(inner, depth: depth - 1))
            } else {
                result.append(element)
            }
        }
        return result
    }

    static let reverse = Function(
        "reverse", summary: "The list in reverse order, or the string's characters reversed.",
        overloads: [.method("list_reverse", [.list(.parameter("A"))], .list(.parameter("A"))), .method("string_reverse", [.string], .string)],
        implementation: .unary { value throws(EvaluationError) in
            switch value {
            case .list(let elements): return .list(elements.reversed())
            case .string(let text): return .string(String(String.UnicodeScalarView(text.unicodeScalars.reversed())))
            default: throw .noOverload("reverse", value)
            }
        })

    static let slice = Function(
        "slice", summary: "The elements from start up to (not including) end.",
        overloads: [.method("list_slice", [.list(.parameter("A")), .int, .int], .list(.parameter("A")))],
        implementation: .variadic { arguments throws(EvaluationError) in
            guard arguments.count == 3, case .list(let elements) = arguments[0],
                  case .int(let start) = arguments[1], case .int(let end) = arguments[2] else {
                throw .noOverload("slice", arguments)
            }
            guard start >= 0, end >= 0, start <= end, end <= elements.count else {
                throw EvaluationError(.outOfRange, "invalid slice [\(start), \(end)) of a list of \(elements.count) elements")
            }
            return .list(Array(elements[Int(start)..<Int(end)]))
        })

    static let sort = Function(
        "sort", summary: "The list sorted in ascending order; all elements must be of one orderable type.",
        overloads: [.method("list_sort", [.list(.parameter("A"))], .list(.parameter("A")))],
        implementation: .unary { value throws(EvaluationError) in
            guard case .list(let elements) = value else { throw .noOverload("sort", value) }
            if let first = elements.first {
                for element in elements {
                    guard element.type == first.type, Value.celOrder(element, first) != nil else {
                        throw EvaluationError(.invalidArgument, "sort() needs elements of one orderable type, but found \(first.type.displayName) and \(element.type.displayName)")
                    }
                }
            }
            return .list(elements.sorted { Value.celOrder($0, $1) == .less })
        })

    static let range = Function(
        "lists.range", summary: "The list [0, 1, ..., n-1].",
        overloads: [.global("lists_range", [.int], .list(.int))],
        implementation: .unary { value throws(EvaluationError) in
            guard case .int(let count) = value else { throw .noOverload("lists.range", value) }
            guard count >= 0, count <= 1_000_000 else {
                throw EvaluationError(.outOfRange, "lists.range() takes 0 to 1000000, not \(count)")
            }
            return .list((0..<count).map { .int($0) })
        })
}
