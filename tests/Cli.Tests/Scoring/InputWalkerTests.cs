using SpinDetect.Cli.Scoring;

namespace SpinDetect.Tests.Scoring;

public sealed class InputWalkerTests
{
    private static readonly InputWalker Default = new([.. InputWalker.DefaultIncludes.Select(p => new Glob(p))], []);

    [Fact]
    public void Folders_are_walked_depth_first_in_ordinal_name_order_with_files_before_subfolders()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "b.txt", "B.txt", "a/z.txt", "a/b/c.md", "a/a.txt", "c.html", "_.txt" })
        {
            folder.Write(name, "text");
        }

        var paths = Default.Walk([folder.Path]).Select(i => Path.GetRelativePath(folder.Path, i.Path).Replace('\\', '/')).ToList();

        Assert.Equal(["B.txt", "_.txt", "b.txt", "c.html", "a/a.txt", "a/z.txt", "a/b/c.md"], paths);
    }

    [Fact]
    public void Linked_folders_are_followed_unless_they_lead_back()
    {
        using var folder = new TempFolder();
        using var elsewhere = new TempFolder();
        elsewhere.Write("outside.txt", "text");
        folder.Write("root/in.txt", "text");
        Directory.CreateSymbolicLink(folder["root/link"], elsewhere.Path);
        Directory.CreateSymbolicLink(folder["root/up"], folder.Path);

        var items = Default.Walk([folder["root"]]).ToList();

        Assert.Equal(["in.txt", "link/outside.txt", "up"], items.Select(i => Path.GetRelativePath(folder["root"], i.Path).Replace('\\', '/')));
        Assert.Equal(InputKind.Failed, items[2].Kind);
        Assert.StartsWith("symbolic link loop", items[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_argument_is_used_once_and_explicit_files_ignore_the_include_patterns()
    {
        using var folder = new TempFolder();
        var log = folder.Write("x.log", "text");
        var items = Default.Walk([log, log, "-", "-"]).ToList();
        Assert.Equal([(log, InputKind.File), ("-", InputKind.StandardInput)], items.Select(i => (i.Path, i.Kind)));
    }
}
