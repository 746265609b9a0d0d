using SpinDetect.Training.Corpus;

namespace SpinDetect.Tests.Corpus;

public sealed class MelvilleReaderTests
{
    // A Gutenberg-style file written for the test: header, front matter, two chapters, end line and licence.
    private const string File =
        "\uFEFFThe Project Gutenberg EBook of A Sea Tale, by Nobody\r\n\r\nTitle: A Sea Tale; or The Boat\r\n\r\n" +
        "*** START OF THIS PROJECT GUTENBERG EBOOK A SEA TALE ***\r\n\r\nETYMOLOGY.\r\n\r\nA word about words.\r\n\r\n" +
        "CHAPTER 1. Rain.\r\n\r\nIt rained on the\r\nharbour all day.\r\n\r\nThe _boat_ waited.\r\n\r\n" +
        "CHAPTER 2. Sun.\r\n\r\nThen the sun came out.\r\n\r\n\r\nEnd of Project Gutenberg's A Sea Tale, by Nobody\r\n\r\n" +
        "*** END OF THIS PROJECT GUTENBERG EBOOK A SEA TALE ***\r\n\r\nLicence terms that are not the novel.\r\n";

    [Fact]
    public void Chapters_are_cut_between_the_gutenberg_markers_without_front_matter_or_licence()
    {
        var chapters = MelvilleReader.Chapters(File);

        Assert.Equal(["melville/a-sea-tale/01", "melville/a-sea-tale/02"], chapters.Select(c => c.Id));
        Assert.Equal("It rained on the harbour all day.\n\nThe boat waited.", chapters[0].Text);
        Assert.Equal("Then the sun came out.", chapters[1].Text);
        Assert.All(chapters, c => Assert.Equal("literary", c.Register));
    }

    [Fact]
    public void The_novel_is_read_from_the_database_and_a_database_without_one_is_refused_by_name()
    {
        var folder = Directory.CreateTempSubdirectory("spindetect-melville-").FullName;
        try
        {
            var novel = Path.Combine(folder, "novel.rdb");
            var other = Path.Combine(folder, "other.rdb");
            System.IO.File.WriteAllBytes(novel, [.. RDataFileTests.Serialize(["a", "b"]), .. RDataFileTests.Serialize([File])]);
            System.IO.File.WriteAllBytes(other, RDataFileTests.Serialize(["no book here"]));

            Assert.Equal(["melville/a-sea-tale/01", "melville/a-sea-tale/02"], MelvilleReader.Read(novel).Select(c => c.Id));
            var error = Assert.Throws<InvalidDataException>(() => MelvilleReader.Read(other));
            Assert.Contains(other, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_missing_database_is_reported_with_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "spindetect-no-such-dir", "Rdata.rdb");

        var error = Assert.Throws<FileNotFoundException>(() => MelvilleReader.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("fetch.sh", error.Message, StringComparison.Ordinal);
    }
}
