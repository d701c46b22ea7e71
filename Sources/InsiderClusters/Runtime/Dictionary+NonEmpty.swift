import Foundation

extension Dictionary where Key == String, Value == String {
    /// The value, treating an empty string as unset (the platform sometimes sets empty values).
    func nonEmpty(_ key: String) -> String? {
        guard let v = self[key], !v.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return v
    }
}
