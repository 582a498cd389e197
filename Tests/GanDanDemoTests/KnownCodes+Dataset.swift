import GanDanCore

extension KnownCodes {
    /// What the validator knows after a generated dataset's units and organisations are stored: its codes, cells and
    /// units with their kinds and parents (rules.md R26, R27).
    init(stored dataset: OrganisationDataset) {
        self.init(
            organisations: Set(dataset.organisations.map(\.code)),
            cellOrganisations: Set(dataset.organisations.filter(\.kind.isCell).map(\.code)))
        for unit in dataset.units { units[unit.code] = (unit.kind, unit.parentCode) }
    }
}
