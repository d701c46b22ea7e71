import Foundation
import InsiderCore

/// The Apify input schema (`input_schema.json`), read at run time so that a field or bound added
/// to the file is enforced without code changes.
public struct InputSchema: Sendable {
    /// One property's rules.
    public struct Property: Sendable {
        /// Field name.
        public var name: String
        /// `integer`, `number`, `string`, `boolean`, `array`, `object`.
        public var type: String
        /// The default, applied to a missing field.
        public var defaultValue: JSONValue?
        /// Inclusive numeric bounds.
        public var minimum: Double?
        /// Inclusive numeric bounds.
        public var maximum: Double?
        /// Allowed values for a string.
        public var enumValues: [String]?
        /// A regular expression a string must match.
        public var pattern: String?
        /// String length bounds.
        public var minLength: Int?
        /// String length bounds.
        public var maxLength: Int?
        /// Array length bounds.
        public var minItems: Int?
        /// Array length bounds.
        public var maxItems: Int?
        /// Rules for each array element.
        public var items: Items?
        /// Whether null is accepted.
        public var nullable: Bool
    }

    /// Rules for array elements.
    public struct Items: Sendable {
        /// Element type.
        public var type: String?
        /// Element pattern.
        public var pattern: String?
        /// Allowed element values.
        public var enumValues: [String]?
        /// Element string length bounds.
        public var minLength: Int?
        /// Element string length bounds.
        public var maxLength: Int?
    }

    /// Properties in schema order.
    public var properties: [Property]
    /// False rejects fields the schema does not name.
    public var additionalProperties: Bool

    /// The schema in force: the file `INSIDER_CLUSTERS_INPUT_SCHEMA` names when it is set, else the
    /// product's own schema compiled into the binary. A stray `input_schema.json` in the working
    /// directory never replaces the product's rules, and the binary runs from any folder.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> InputSchema {
        guard let explicit = environment.nonEmpty("INSIDER_CLUSTERS_INPUT_SCHEMA") else { return try bundled() }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: explicit)) } catch {
            throw InputSchemaError("INSIDER_CLUSTERS_INPUT_SCHEMA: cannot read \(explicit): \(error.localizedDescription)")
        }
        return try InputSchema(bytes: Array(data))
    }

    /// The product's own schema (the top-level `input_schema.json`, compiled in).
    public static func bundled() throws -> InputSchema { try InputSchema(bytes: Array(BundledInputSchema.text.utf8)) }

    /// Reads a schema document.
    public init(bytes: [UInt8]) throws {
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch { throw InputSchemaError("input_schema.json: \(error)") }
        guard case .object = root, let props = root["properties"]?.objectValue else {
            throw InputSchemaError("input_schema.json: no \"properties\" object")
        }
        additionalProperties = root["additionalProperties"]?.boolValue ?? true
        properties = try props.map { name, spec in
            guard let type = spec["type"]?.stringValue else { throw InputSchemaError("input_schema.json: property \(name) has no type") }
            let items = spec["items"].map { i in
                Items(type: i["type"]?.stringValue, pattern: i["pattern"]?.stringValue,
                      enumValues: i["enum"]?.arrayValue?.compactMap(\.stringValue),
                      minLength: i["minLength"]?.integerValue.map(Int.init), maxLength: i["maxLength"]?.integerValue.map(Int.init))
            }
            return Property(
                name: name, type: type, defaultValue: spec["default"],
                minimum: spec["minimum"]?.doubleValue, maximum: spec["maximum"]?.doubleValue,
                enumValues: spec["enum"]?.arrayValue?.compactMap(\.stringValue), pattern: spec["pattern"]?.stringValue,
                minLength: spec["minLength"]?.integerValue.map(Int.init), maxLength: spec["maxLength"]?.integerValue.map(Int.init),
                minItems: spec["minItems"]?.integerValue.map(Int.init), maxItems: spec["maxItems"]?.integerValue.map(Int.init),
                items: items, nullable: spec["nullable"]?.boolValue ?? false)
        }
    }

    /// Validates `input` and fills in defaults.
    ///
    /// Returns the completed input in schema order, or every problem found, one line each, as
    /// `input.<field>: <rule>`.
    public func validate(_ input: JSONValue) -> Result<JSONValue, InputProblems> {
        guard let members = input.objectValue else {
            return .failure(InputProblems(["input: expected a JSON object, got \(input.typeName)"]))
        }
        var problems: [String] = []
        let known = Set(properties.map(\.name))
        if !additionalProperties {
            for (key, _) in members where !known.contains(key) {
                problems.append("input.\(key): unknown field (allowed: \(properties.map(\.name).joined(separator: ", ")))")
            }
        }
        var out: [(String, JSONValue)] = []
        for property in properties {
            let given = members.first { $0.0 == property.name }?.1
            guard var value = given else {
                if let d = property.defaultValue { out.append((property.name, d)) }
                continue
            }
            if case .null = value, property.nullable { out.append((property.name, value)); continue }
            value = Self.normalise(property, value)
            let before = problems.count
            check(property, value, path: "input.\(property.name)", into: &problems)
            if problems.count == before { out.append((property.name, Self.collapse(property, value))) }
        }
        // Unknown fields are kept only when the schema allows them.
        if additionalProperties {
            for (key, value) in members where !known.contains(key) { out.append((key, value)) }
        }
        return problems.isEmpty ? .success(.object(out)) : .failure(InputProblems(problems))
    }

    /// Ticker lists are trimmed and upper-cased before the pattern applies (SPEC section 1).
    static func normalise(_ property: Property, _ value: JSONValue) -> JSONValue {
        guard property.type == "array", property.items?.type == "string", case .array(let items) = value else { return value }
        return .array(items.map { item in
            if case .string(let s) = item { return .string(s.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()) }
            return item
        })
    }

    /// Duplicates in a string list collapse, first occurrence kept.
    static func collapse(_ property: Property, _ value: JSONValue) -> JSONValue {
        guard property.type == "array", case .array(let items) = value else { return value }
        var seen = Set<String>()
        return .array(items.filter { item in
            guard case .string(let s) = item else { return true }
            return seen.insert(s).inserted
        })
    }

    func check(_ p: Property, _ value: JSONValue, path: String, into problems: inout [String]) {
        func show(_ v: JSONValue) -> String {
            let text = v.compactText
            return text.count > 60 ? String(text.prefix(57)) + "..." : text
        }
        func bound(_ x: Double) -> String { x.rounded() == x && abs(x) < 1e15 ? String(Int64(x)) : String(x) }
        switch p.type {
        case "integer", "number":
            guard case .number = value, let d = value.doubleValue else {
                problems.append("\(path): expected \(p.type == "integer" ? "an integer" : "a number"), got \(value.typeName) \(show(value))")
                return
            }
            if p.type == "integer" && value.integerValue == nil {
                problems.append("\(path): expected an integer, got \(show(value))")
                return
            }
            if let min = p.minimum, d < min { problems.append("\(path): \(show(value)) is below the minimum \(bound(min))") }
            if let max = p.maximum, d > max { problems.append("\(path): \(show(value)) is above the maximum \(bound(max))") }
        case "boolean":
            if case .bool = value { return }
            problems.append("\(path): expected a boolean (true or false), got \(value.typeName) \(show(value))")
        case "string":
            guard case .string(let s) = value else {
                problems.append("\(path): expected a string, got \(value.typeName) \(show(value))")
                return
            }
            checkString(s, enumValues: p.enumValues, pattern: p.pattern, minLength: p.minLength, maxLength: p.maxLength,
                        path: path, into: &problems)
        case "array":
            guard case .array(let items) = value else {
                problems.append("\(path): expected an array, got \(value.typeName) \(show(value))")
                return
            }
            let distinct = Self.collapse(p, value).arrayValue?.count ?? items.count
            if let max = p.maxItems, distinct > max { problems.append("\(path): \(distinct) items is above the maximum \(max) items") }
            if let min = p.minItems, distinct < min { problems.append("\(path): \(distinct) items is below the minimum \(min) items") }
            guard let rules = p.items else { return }
            for (i, item) in items.enumerated() {
                let itemPath = "\(path)[\(i)]"
                if rules.type == "string" {
                    guard case .string(let s) = item else {
                        problems.append("\(itemPath): expected a string, got \(item.typeName) \(show(item))")
                        continue
                    }
                    checkString(s, enumValues: rules.enumValues, pattern: rules.pattern, minLength: rules.minLength,
                                maxLength: rules.maxLength, path: itemPath, into: &problems)
                }
            }
        case "object":
            if case .object = value { return }
            problems.append("\(path): expected an object, got \(value.typeName) \(show(value))")
        default:
            return
        }
    }

    func checkString(_ s: String, enumValues: [String]?, pattern: String?, minLength: Int?, maxLength: Int?,
                     path: String, into problems: inout [String]) {
        let shown = JSONValue.string(s).compactText
        if let allowed = enumValues, !allowed.contains(s) {
            problems.append("\(path): \(shown) is not one of \(allowed.joined(separator: ", "))")
        }
        if let min = minLength, s.count < min { problems.append("\(path): \(shown) is shorter than \(min) characters") }
        if let max = maxLength, s.count > max { problems.append("\(path): \(shown) is longer than \(max) characters") }
        if let pattern, !InputSchema.matches(s, pattern: pattern) {
            problems.append("\(path): \(shown) does not match the pattern \(pattern)")
        }
    }

    static func matches(_ s: String, pattern: String) -> Bool {
        guard let re = try? NSRegularExpression(pattern: pattern) else { return true }
        let range = NSRange(s.startIndex..<s.endIndex, in: s)
        return re.firstMatch(in: s, range: range) != nil
    }
}

/// A schema file that cannot be used.
public struct InputSchemaError: Error, CustomStringConvertible, Sendable {
    /// What is wrong.
    public var description: String
    init(_ d: String) { description = d }
}

/// Every problem found in an input, one line each.
public struct InputProblems: Error, Sendable, Equatable, CustomStringConvertible {
    /// Lines of the form `input.<field>: <rule>`.
    public var lines: [String]
    /// Creates the list.
    public init(_ lines: [String]) { self.lines = lines }
    public var description: String { lines.joined(separator: "\n") }
}
