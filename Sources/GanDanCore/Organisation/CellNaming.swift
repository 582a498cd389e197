/// How a list or paper above a commune names a cell: with its commune, since villages are told apart by their commune
/// and not by name (rules.md R27: there is a Khuổi Phầy in Hồng Thái and another in Kim Hỷ).
public enum CellNaming {
    /// "Chi bộ thôn Nà Coóc (xã Thanh Tương)"; the name as it is when it already ends with its commune ("Chi bộ cơ
    /// quan xã Thanh Tương", or a name already given its commune) or no commune is known.
    public static func withCommune(_ cellName: String, communeKind: UnitKind?, communeName: String?) -> String {
        guard let communeKind, let communeName, !communeName.isEmpty else { return cellName }
        let commune = communeKind.label.vi.lowercased() + " " + communeName
        return cellName.hasSuffix(commune) || cellName.hasSuffix("(\(commune))") ? cellName : "\(cellName) (\(commune))"
    }
}
