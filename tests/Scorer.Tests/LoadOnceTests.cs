namespace SpinDetect.Tests;

public sealed class LoadOnceTests
{
    [Fact]
    public void A_failed_load_is_tried_again_and_a_success_is_kept()
    {
        var attempts = 0;
        var once = new LoadOnce<string>(() => ++attempts == 1 ? throw new FileNotFoundException("not yet") : "loaded");
        Assert.Throws<FileNotFoundException>(() => once.Value);
        Assert.Equal("loaded", once.Value);
        Assert.Equal("loaded", once.Value);
        Assert.Equal(2, attempts);
    }
}
