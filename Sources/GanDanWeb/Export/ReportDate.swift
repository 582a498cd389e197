import Foundation
import GanDanCore
import Vapor

/// The place-and-date line of a Vietnamese administrative document ("…, ngày 25 tháng 4 năm 2019").
enum ReportDate {
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `date` as the line above a signature, in the reader's language.
    static func line(_ date: CivilDate, _ req: Request) -> String {
        switch req.language {
        case .vi: return "ngày \(date.day) tháng \(date.month) năm \(date.year)"
        case .en: return "\(date.day) \(monthNames[date.month - 1]) \(date.year)"
        }
    }
}
