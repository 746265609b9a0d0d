using SpinDetect.Training.Corpus;

namespace SpinDetect.Tests.Corpus;

public sealed class ProseExtractionTests
{
    private const string Rst = """
        .. _label:

        Sorting Things
        ==============

        :Author: Somebody

        Lists have a built-in :meth:`list.sort` method that modifies the list in-place, and the
        :func:`sorted <builtins.sorted>` function builds a *new* list from ``any`` iterable you give it.

        For example::

            >>> sorted([3, 1, 2])
            [1, 2, 3]

        .. code-block:: python

           print("this is code and must not appear in the prose at all")

        .. note::

           Notes are prose too, so their indented body is kept when it is long enough to count.

        * A short item.
        """;

    [Fact]
    public void Restructured_text_keeps_prose_and_drops_code_headings_and_fields()
    {
        var prose = RestructuredTextProse.Extract(Rst);

        Assert.Equal(
        [
            "Lists have a built-in list.sort method that modifies the list in-place, and the sorted function builds a new list from any iterable you give it.",
            "Notes are prose too, so their indented body is kept when it is long enough to count.",
        ], prose);
    }

    [Fact]
    public void Debian_reference_text_is_split_into_chapters_of_prose()
    {
        const string Text = """
            Table of Contents

            1. Tutorials

            Preface text that belongs to no chapter and is long enough to be prose if it were kept.

            Chapter 1. Tutorials

                This chapter explains how the system is put together and why each of the parts
                matters to a new user of the system.

                    $ ls -l /etc/apt/sources.list

                Table 1.1. List of things

            Chapter 2. Packages

                Package management is the heart of the distribution and this paragraph says so in words.
            """;

        var documents = DebianReferenceReader.Parse(new StringReader(Text));

        Assert.Equal(["debian-reference/1", "debian-reference/2"], documents.Select(d => d.Id));
        Assert.Equal("This chapter explains how the system is put together and why each of the parts matters to a new user of the system.", documents[0].Text);
    }
}
