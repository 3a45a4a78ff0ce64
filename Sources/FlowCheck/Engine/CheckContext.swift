public import Foundation

/// What a checker may read besides the content: the configuration and today's date.
///
/// "Today" is part of the context, not read from the clock, so that tests are deterministic.
public struct CheckContext: Sendable {
    public var configuration: CheckConfiguration
    /// The current date, against which ``InvalidUpdatedDate`` compares `updated`.
    public var today: CalendarDate
    /// The link index of the content being checked, built once by ``ContentChecker`` for every
    /// rule that needs it (it was built by five rules each); `nil` when a rule runs on its own.
    var linkIndex: LinkIndex?
    /// The ``FlowFacts`` of each page of the content being checked, in page order, computed once
    /// by ``ContentChecker`` for every rule; `nil` when a rule runs on its own.
    var flowFacts: [FlowFacts]?
    /// The ``SiteFacts`` of each page of the site being checked, in page order, computed once by
    /// ``ContentChecker`` for every site rule; `nil` when a rule runs on its own.
    var siteFacts: [SiteFacts]?

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - configuration: The settings from `flowdoc.yml`.
    ///   - today: The current date; defaults to the UTC date of now.
    public init(configuration: CheckConfiguration = .default, today: CalendarDate = .today()) {
        self.configuration = configuration
        self.today = today
    }
}

/// A date without time or zone, as front matter writes it: `2026-01-15`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date; does not validate.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` naming a day that exists; `nil` otherwise.
    public init?(_ text: String) {
        // By bytes: ten of them, ASCII digits around two hyphens.
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Today's date in UTC.
    public static func today(now: Date = Date()) -> CalendarDate {
        CalendarDate(daysSince1970: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The proleptic Gregorian date `days` days after 1970-01-01 (before it, when negative).
    ///
    /// Counted rather than asked of a `Calendar`, whose time zone and caches took half a
    /// millisecond at the start of every build.
    init(daysSince1970 days: Int) {
        // Eras of 400 years (146,097 days) from 0000-03-01, years starting in March so that
        // February's leap day comes last.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
