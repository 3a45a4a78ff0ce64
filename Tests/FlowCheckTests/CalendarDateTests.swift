import FlowCheck
import Foundation
import Testing

/// Today's date is counted from the time since 1970, not asked of a calendar: it must be the
/// Gregorian calendar's UTC date for every moment.
@Suite struct CalendarDateTests {
    static func calendarDate(of moment: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: moment)
        return CalendarDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    }

    /// Every day from 1601 to 2401 (leap days of the years divisible by 100 and by 400, both
    /// sides of 1970), at its first and last second.
    @Test func everyDayIsTheGregorianCalendarsUTCDate() {
        var mismatches: [String] = []
        for day in stride(from: -135_140, through: 157_000, by: 1) {
            for second in [0.0, 86_399.5] {
                let moment = Date(timeIntervalSince1970: Double(day) * 86_400 + second)
                let counted = CalendarDate.today(now: moment)
                if counted != Self.calendarDate(of: moment) { mismatches.append("\(day) \(second) \(counted)") }
            }
        }
        #expect(mismatches.prefix(5) == [], "\(mismatches.count) days differ")
    }

    @Test(arguments: [
        (0.0, "1970-01-01"), (-1, "1969-12-31"), (951_782_400, "2000-02-29"), (4_107_456_000, "2100-02-28"),
        (4_107_542_400, "2100-03-01"), (1_796_601_599, "2026-12-06"),
    ])
    func knownMoments(seconds: Double, date: String) {
        #expect(CalendarDate.today(now: Date(timeIntervalSince1970: seconds)) == CalendarDate(date))
    }
}
