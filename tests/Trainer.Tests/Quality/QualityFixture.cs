using SpinDetect.Training.Quality;

namespace SpinDetect.Tests.Quality;

/// <summary>A tiny corpus written for these tests: two sides, each with articles and foreign documents.</summary>
internal static class QualityFixture
{
    private static readonly string[] Harbour =
    [
        "The harbour authority in Westbay has approved a plan to dredge the main channel, which has grown too shallow for the larger fishing boats that moor there in winter.",
        "Skippers have complained for years that they must wait for high tide before they can leave port, losing hours of fishing time on short winter days.",
        "The work will remove about forty thousand tonnes of silt, which will be tested for pollution before it is spread on farmland behind the sea wall.",
        "A spokesman for the authority said the channel would be closed for three weeks in February, when the fleet is usually idle because of storms.",
        "Local shops that sell bait and fuel to the boats said they expected a quiet month, but welcomed the plan as good news for the harbour's future.",
    ];

    private static readonly string[] Orchard =
    [
        "An orchard on the edge of Kelby village has opened its gates to volunteers who want to learn how to prune old apple trees.",
        "The trees were planted nearly a century ago and many had not been pruned for decades, leaving them tangled and weak.",
        "Every Saturday morning a retired gardener shows small groups how to remove dead wood and open the centre of each tree to light and air.",
        "The owners hope the work will bring back varieties of apple that have almost vanished from shops, including a sharp green cooking apple once common in the area.",
        "Fruit from the orchard will be pressed into juice in the autumn and sold to raise money for the village hall.",
    ];

    private static readonly string[] Library =
    [
        "The county library service will extend its opening hours at six branches from next month after a survey found strong demand for evening visits.",
        "Branches in the larger towns will stay open until eight o'clock on weekdays, and two of them will open on Sunday afternoons for the first time.",
        "The change is paid for by a grant from a local trust and will be reviewed after one year to see whether visitor numbers justify keeping it.",
        "Librarians said students and people who work during the day had asked for longer hours for years, and that study rooms were often full by late afternoon.",
    ];

    private static readonly string[] Comet =
    [
        "Astronomers watching a faint comet reported that its tail had split into two streams of dust as it passed close to the sun.",
        "Such splits happen when the heat causes pieces of the icy nucleus to break away, releasing gas and dust in different directions.",
        "The comet will fade over the coming weeks as it moves back into the outer solar system, and it will not return for several thousand years.",
    ];

    private static readonly string[] Recipe =
    [
        "To make the sauce, melt the butter in a heavy pan over a low heat, then stir in the flour and cook it gently for two minutes without letting it brown.",
        "Add the warm milk a little at a time, whisking constantly so that no lumps form, and let the sauce simmer until it coats the back of a spoon.",
        "Season with salt, pepper and a pinch of nutmeg, and keep the sauce warm until the pasta is ready.",
    ];

    private static readonly string[] Voyage =
    [
        "The ship left the northern port on a grey morning, with the wind against her and the crew still sleepy from the farewell dinner.",
        "By noon the coast had disappeared behind a curtain of rain, and the captain ordered the sails reefed as the waves grew steeper.",
        "Nobody aboard had sailed these waters before, and the charts they carried were older than the youngest sailor's grandfather.",
    ];

    public static QualitySide Training { get; } = new(
        false,
        [new("harbour", Harbour), new("orchard", Orchard), new("library", Library)],
        [new("comet", Comet), new("recipe", Recipe), new("library", Library)]);

    public static QualitySide HeldOut { get; } = new(
        true,
        [new("orchard", Orchard), new("harbour", Harbour)],
        [new("voyage", Voyage), new("recipe", Recipe)]);
}
