import VerdictLanguage

/// Turns a parsed JSON value into a `ResourceDocument`, checking the fields every
/// discovered-resource record has and parsing a Configuration held as a JSON string.
enum DocumentNormalizer {
    static func normalize(_ value: Value, location: InventoryLocation, sequence: Int) -> Result<ResourceDocument, InventoryProblem> {
        guard case .map(var map) = value else {
            return .failure(InventoryProblem(location: location,
                message: "expected a resource document (a JSON object) but found \(article(value.type))"))
        }
        // A saved GetDiscoveredResource response contains the record under DiscoveredResourceDetail.
        if map.value(forKey: "AccountId") == nil, case .map(let detail)? = map.value(forKey: "DiscoveredResourceDetail") {
            map = detail
        }
        if map.value(forKey: "AccountId") == nil, map.value(forKey: "DiscoveredResourceProfiles") != nil {
            return .failure(InventoryProblem(location: location,
                message: "this is a ListDiscoveredResources response, which lists resources without their Configuration; fetch each resource with GetDiscoveredResource and save the responses or their DiscoveredResourceDetail objects"))
        }
        let accountID: String
        let type: String
        let id: String
        let region: String?
        let name: String?
        do throws(InventoryProblem) {
            accountID = try requiredText("AccountId", in: map, location)
            type = try requiredText("ResourceType", in: map, location, acceptsNumbers: false)
            id = try requiredText("ResourceId", in: map, location)
            region = try optionalText("Region", in: map, location)
            name = try optionalText("ResourceName", in: map, location)
        } catch {
            return .failure(error)
        }
        // Rules see a number read as its digits as that string too, the type the resource
        // schemas give these fields.
        if textKeys.contains(where: { map.value(forKey: $0).map(isNumber) ?? false }) {
            let texts = ["AccountId": accountID, "ResourceId": id, "Region": region, "ResourceName": name].compactMapValues { $0 }
            map = replacing(in: map) { key, value in isNumber(value) ? texts[key].map(Value.string) : nil }
        }

        let (configuration, problem, documentValue) = configurationOf(map)
        return .success(ResourceDocument(
            accountID: accountID, region: region, type: type, id: id, name: name,
            value: documentValue, configuration: configuration, configurationProblem: problem,
            location: location, sequence: sequence))
    }

    private static func requiredText(_ key: String, in map: MapValue, _ location: InventoryLocation,
                                     acceptsNumbers: Bool = true) throws(InventoryProblem) -> String {
        guard let text = try optionalText(key, in: map, location, acceptsNumbers: acceptsNumbers) else {
            throw InventoryProblem(location: location,
                message: "the document has no '\(key)'; every resource document needs AccountId, ResourceType and ResourceId")
        }
        return text
    }

    /// The fields read as text that may be written as numbers.
    static let textKeys = ["AccountId", "ResourceId", "Region", "ResourceName"]

    /// The largest magnitude below which every integer is a double: 2^53.
    static let exactDoubleLimit = 9_007_199_254_740_992.0

    /// A field's text. Every field but ResourceType may be written as a number, which some
    /// exports do for account ids: an integer is read as its digits, and so is a double that holds an
    /// integer exactly (below 2^53 in magnitude, as `1.23456789012e15`); a fraction or a
    /// larger double is an error, because its digits are lost.
    private static func optionalText(_ key: String, in map: MapValue, _ location: InventoryLocation,
                                     acceptsNumbers: Bool = true) throws(InventoryProblem) -> String? {
        switch map.value(forKey: key) {
        case .string(let text)?:
            return text
        case nil, .null?:
            return nil
        case .int(let number)? where acceptsNumbers:
            return String(number)
        case .uint(let number)? where acceptsNumbers:
            return String(number)
        case .double(let number)? where acceptsNumbers:
            guard number.rounded(.towardZero) == number else {
                throw InventoryProblem(location: location,
                    message: "'\(key)' is the number \(number), which is not a whole number; write the \(key) as a string of digits")
            }
            guard abs(number) < exactDoubleLimit else {
                throw InventoryProblem(location: location,
                    message: "'\(key)' is the number \(number), too large to be read exactly (2^53 or more); write the \(key) as a string of digits")
            }
            return String(Int64(number))
        case let other?:
            throw InventoryProblem(location: location, message: "'\(key)' must be a string but is \(article(other.type))")
        }
    }

    private static func isNumber(_ value: Value) -> Bool {
        switch value {
        case .int, .uint, .double: return true
        default: return false
        }
    }

    /// The Configuration object, the reason it is unusable, and the document with a
    /// string Configuration replaced by the parsed object.
    private static func configurationOf(_ map: MapValue) -> (Value?, String?, Value) {
        switch map.value(forKey: "Configuration") {
        case .map(let configuration)?:
            return (.map(configuration), nil, .map(map))
        case .string(let text)?:
            do {
                let parsed = try JSONReader.parse(text)
                guard case .map = parsed else {
                    return (nil, "Configuration is a JSON string that holds \(article(parsed.type)), not an object", .map(map))
                }
                return (parsed, nil, .map(replacing(in: map) { key, _ in key == "Configuration" ? parsed : nil }))
            } catch {
                return (nil, "Configuration is a string but not valid JSON: \(error.message) (line \(error.line), column \(error.column) of the string)", .map(map))
            }
        case nil, .null?:
            return (nil, "the document has no Configuration", .map(map))
        case let other?:
            return (nil, "Configuration must be an object or a JSON string but is \(article(other.type))", .map(map))
        }
    }

    /// `map` with the values that `replacement` gives a new value for replaced, in place.
    private static func replacing(in map: MapValue, _ replacement: (String, Value) -> Value?) -> MapValue {
        var entries: [(String, Value)] = []
        entries.reserveCapacity(map.count)
        for (key, value) in map.entries {
            guard case .string(let name) = key else { continue }
            entries.append((name, replacement(name, value) ?? value))
        }
        return MapValue(stringKeyed: entries)
    }

    static func article(_ type: ValueType) -> String {
        switch type {
        case .null: return "null"
        case .list: return "an array"
        case .map: return "an object"
        case .int, .uint, .double: return "a number"
        case .bool: return "a boolean"
        case .string: return "a string"
        default: return "a \(type.displayName)"
        }
    }
}
