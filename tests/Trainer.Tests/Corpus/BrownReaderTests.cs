using SpinDetect.Training.Corpus;

namespace SpinDetect.Tests.Corpus;

public sealed class BrownReaderTests
{
    // Hand-written in the tagged Brown layout: a tab opens a paragraph, one sentence per line.
    private const string Tagged =
        "\n\n\tThe/at mayor/nn said/vbd ``/`` it/pps isn't/bez* over/rp ''/'' ,/, and/cc he/pps meant/vbd it/ppo ./.\n"
        + "He/pps didn't/dod* smile/vb (/( not/* once/rb )/) ;/; Atlanta's/np$ voters/nns waited/vbd --/-- patiently/rb ?/.\n\n\n"
        + "\tA/at new/jj paragraph/nn begins/vbz :/: `/` quoted/vbn '/' words/nns ,/, we/ppss do/do n't/* know/vb !/.\n";

    [Fact]
    public void Tags_are_removed_and_tokens_detokenised_into_plain_text()
    {
        var text = BrownReader.Detokenize(Tagged);

        Assert.Equal(
            "The mayor said \"it isn't over\", and he meant it. He didn't smile (not once); Atlanta's voters waited -- patiently?"
            + "\n\nA new paragraph begins: 'quoted' words, we don't know!",
            text);
    }

    [Fact]
    public void Genre_list_names_each_file_and_its_register()
    {
        var directory = Path.Combine(Path.GetTempPath(), "spindetect-brown-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "cats.txt"), "ca01 news\ncf01 lore\n");
            File.WriteAllText(Path.Combine(directory, "ca01"), Tagged);
            File.WriteAllText(Path.Combine(directory, "cf01"), "\n\n\tOne/cd line/nn ./.\n");

            var documents = BrownReader.ReadDirectory(directory).ToList();

            Assert.Equal(["brown/ca01", "brown/cf01"], documents.Select(d => d.Id));
            Assert.Equal(["news", "lore"], documents.Select(d => d.Register));
            Assert.Equal("One line.", documents[1].Text);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
