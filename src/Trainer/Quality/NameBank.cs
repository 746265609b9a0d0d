using System.Globalization;

namespace SpinDetect.Training.Quality;

/// <summary>
/// Fillers for boilerplate slots: people, outlets, agencies, dates, times, handles, topics. Combinatorial, so the
/// generated lines rarely repeat exactly.
/// </summary>
internal sealed class NameBank
{
    private static readonly string[] FirstNames =
    [
        "Anna", "Ben", "Carla", "David", "Elena", "Frank", "Grace", "Hugo", "Irene", "James", "Karin", "Leo", "Maria",
        "Nathan", "Olga", "Peter", "Quinn", "Rosa", "Samuel", "Tara", "Umar", "Vera", "Walter", "Xenia", "Yusuf",
        "Zoe", "Alan", "Beth", "Chris", "Dana", "Emil", "Fiona", "Greg", "Helen", "Ivan", "Julia", "Kevin", "Laura",
        "Mark", "Nina", "Omar", "Paula", "Ray", "Sofia", "Tom", "Ursula", "Victor", "Wendy", "Priya", "Kenji",
    ];

    private static readonly string[] Surnames =
    [
        "Adams", "Becker", "Castillo", "Dunn", "Eriksen", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Kowalski",
        "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quintero", "Rossi", "Schmidt", "Tanaka", "Ulrich",
        "Varga", "Walsh", "Young", "Zimmer", "Baker", "Clarke", "Dalton", "Evans", "Foster", "Gordon", "Hale",
        "Irving", "Keller", "Lopez", "Mendes", "Nolan", "Ortiz", "Price", "Reyes", "Silva", "Turner", "Vance",
        "Ward", "Nakamura", "Osei", "Haddad", "Kaur", "Brennan", "Moretti",
    ];

    private static readonly string[] Places =
    [
        "Riverton", "Lakeside", "Northgate", "Harbor City", "Maple Falls", "Eastbrook", "Westfield", "Stonebridge",
        "Pine Hill", "Clearwater", "Redmond Valley", "Ashford", "Brighton Bay", "Cedar Point", "Fairview",
    ];

    private static readonly string[] OutletNouns =
    [
        "Courier", "Ledger", "Tribune", "Herald", "Gazette", "Chronicle", "Post", "Observer", "Sentinel", "Times",
        "Dispatch", "Journal", "Record", "Review", "Monitor", "Daily", "News", "Standard", "Examiner", "Mirror",
    ];

    private static readonly string[] Agencies =
    [
        "AFP", "Getty Images", "Reuters", "AP", "EPA", "Bloomberg", "Shutterstock", "Alamy", "Sipa", "Xinhua",
        "ANP", "PA Images", "dpa", "Kyodo", "Anadolu",
    ];

    private static readonly string[] TopicNames =
    [
        "Politics", "Economy", "World", "Business", "Sport", "Health", "Science", "Technology", "Culture", "Opinion",
        "Climate", "Education", "Travel", "Local", "Markets", "Elections", "Crime", "Weather", "Music", "Film",
    ];

    private static readonly string[] MonthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static readonly string[] MonthsLong =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ];

    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    private static readonly string[] Zones = ["EDT", "EST", "GMT", "UTC", "BST", "CET", "PDT", "PST", "ET", "AEST"];

    private readonly Random _random;

    public NameBank(Random random)
    {
        _random = random;
    }

    public string Pick(IReadOnlyList<string> items) => items[_random.Next(items.Count)];

    public string Person() => $"{Pick(FirstNames)} {Pick(Surnames)}";

    public string PersonUpper() => Person().ToUpperInvariant();

    public string Place() => Pick(Places);

    public string Outlet() => _random.Next(3) switch
    {
        0 => $"The {Pick(Places)} {Pick(OutletNouns)}",
        1 => $"{Pick(Places)} {Pick(OutletNouns)}",
        _ => $"The Daily {Pick(OutletNouns)}",
    };

    public string Agency() => Pick(Agencies);

    public string Topic() => Pick(TopicNames);

    public string Topics(int count)
    {
        var chosen = new List<string>(count);
        while (chosen.Count < count)
        {
            var topic = Pick(TopicNames);
            if (!chosen.Contains(topic))
            {
                chosen.Add(topic);
            }
        }

        return string.Join(_random.Next(3) == 0 ? " | " : ", ", chosen);
    }

    public string Handle()
    {
        var surname = Pick(Surnames).ToLowerInvariant();
        var suffix = _random.Next(3) == 0 ? _random.Next(10, 99).ToString(CultureInfo.InvariantCulture) : "";
        return "@" + Pick(FirstNames).ToLowerInvariant() + (_random.Next(2) == 0 ? "_" : "") + surname[..Math.Min(5, surname.Length)] + suffix;
    }

    public int Number(int low, int high) => _random.Next(low, high + 1);

    public string Year() => Number(2012, 2025).ToString(CultureInfo.InvariantCulture);

    public string DateShort() => $"{Pick(MonthsShort)} {Number(1, 28)}, {Year()}";

    public string DateLong() => $"{Pick(MonthsLong)} {Number(1, 28)}, {Year()}";

    public string DateDayFirst() => $"{Pick(Days)} {Number(1, 28)} {Pick(MonthsShort)} {Year()}";

    public string DateIso() => $"{Year()}-{Number(1, 12):00}-{Number(1, 28):00}";

    public string Time12() => $"{Number(1, 12)}:{Number(0, 59):00} {(_random.Next(2) == 0 ? "AM" : "PM")}";

    public string Time24() => $"{Number(0, 23):00}.{Number(0, 59):00}";

    public string Zone() => Pick(Zones);

    public string Day() => Pick(Days);

    public string MonthLong() => Pick(MonthsLong);

    public string Duration() => $"{Number(0, 9)}:{Number(0, 59):00}";
}
