extension CitizenFeedback {
    /// The item as it stood at the end of `date`: steps recorded for later days are not yet taken (rules.md R26).
    ///
    /// Lists and dashboards asked "as of D" judge an item by this, so an answer given after D does not hide that it
    /// was overdue on D.
    public func asOf(_ date: CivilDate) -> CitizenFeedback {
        var item = self
        if let day = item.reportedBackOn, day > date { item.reportedBackOn = nil }
        if let day = item.answeredOn, day > date {
            item.answeredOn = nil
            item.answer = nil
            item.reportedBackOn = nil
        }
        if let day = item.forwardedOn, day > date {
            item.forwardedOn = nil
            item.forwardedTo = nil
            item.forwardedToDetail = nil
            item.answeredOn = nil
            item.answer = nil
            item.reportedBackOn = nil
        }
        return item
    }

    /// Overdue on `date` judged by the item as it stood that day: the feedback book's definition (rules.md A8).
    public func isOverdue(
        asOf date: CivilDate, calendar: WorkingCalendar = .vietnam, settings: FeedbackSettings = .standard
    ) -> Bool {
        asOf(date).isOverdue(on: date, calendar: calendar, settings: settings)
    }
}
