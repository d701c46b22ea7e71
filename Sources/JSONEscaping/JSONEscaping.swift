/// Appends `s` as a JSON string literal: quotes, backslashes and control characters escaped;
/// `/` and non-ASCII text pass through unchanged.
///
/// One implementation for the core's JSON writer and both parsers' `renderJSON`, which stay
/// free of other dependencies.
public func appendJSONString(_ s: String, to out: inout String) {
    out.append("\"")
    var needsEscape = false
    for u in s.utf8 where u < 0x20 || u == 0x22 || u == 0x5C { needsEscape = true; break }
    if !needsEscape {
        out += s
    } else {
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
    out.append("\"")
}
