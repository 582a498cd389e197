/// One household row of an import: the village by its full code (commune code, a dot, the local code — rules.md R27),
/// the head of household, and the poverty status in one year (rules.md R25).
public struct HouseholdImportRow: Sendable, Hashable, Codable {
    public var villageCode: String
    public var headName: String
    public var size: Int?
    public var year: Int
    public var status: HouseholdPovertyStatus

    public init(villageCode: String, headName: String, size: Int?, year: Int, status: HouseholdPovertyStatus) {
        self.villageCode = villageCode
        self.headName = headName
        self.size = size
        self.year = year
        self.status = status
    }
}
