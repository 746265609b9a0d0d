namespace SpinDetect.Tests.Evaluation.Tortured;

/// <summary>A small tortured-phrase CSV invented for the tests (no row comes from real data).</summary>
internal static class MadeUpPairs
{
    /// <summary>Four usable single-phrase rows (lines 2–5), then one row for each skip reason in enum order.</summary>
    public const string Csv = """"
        tortured_phrase,expected_phrase,num_papers
        """crimson fruit""",red apple,"5,120"
        """speedy vehicle""",fast car (automobile),"1,234,567"
        """huge canine""",big dog,40
        """ancient tome""",old book (?),10
        """crimson fruit"" ADN ""red apple""",red apple,99
        """glowing lantern"" AND (""lamp"" OR ""torch"")",bright lamp,99
        """huge canine"" NOT ""canine show""",big dog,99
        """quiet brook""~5",calm stream,99
        """speedy vehicle"" AND fast car",fast car,99
        """calm brook""",calm stream,many
        """tiny pebble""",small stone,9
        """hazy notion""",???,50
        """pale stone""",white/grey stone,50
        """river bank""",River Bank,50

        """";

    /// <summary>Rows in <see cref="Csv"/> (header excluded).</summary>
    public const int Rows = 14;
}
