namespace Pub.Preview.Tests;

/// <summary>The PDF waits for the pages that follow the preview to fetch the rebuilt page (and what it links),
/// and does not wait when no page follows.</summary>
public sealed class ReloadFirstTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(30);

    [Fact]
    public void WithoutAPageFollowingNothingIsWaitedFor()
    {
        var site = new PreviewSite();
        site.Publish("m", new Dictionary<string, byte[]> { ["m.html"] = [1] }, changesPages: true);
        Assert.True(site.Reloaded(Quiet));
    }

    [Fact]
    public async Task AFollowingPageCountsAsReloadedOnceItFetchedTheNewVersionAndWentQuiet()
    {
        var site = new PreviewSite();
        site.Follow(true);
        site.Publish("m", new Dictionary<string, byte[]> { ["m.html"] = [1] }, changesPages: true);
        Assert.False(site.Reloaded(Quiet));

        site.Served(site.PageVersion - 1);
        await Task.Delay(Quiet * 2, TestContext.Current.CancellationToken);
        Assert.False(site.Reloaded(Quiet));

        site.Served(site.PageVersion);
        Assert.False(site.Reloaded(Quiet));
        await Task.Delay(Quiet * 2, TestContext.Current.CancellationToken);
        Assert.True(site.Reloaded(Quiet));

        site.Served(null);
        Assert.False(site.Reloaded(Quiet));
        await Task.Delay(Quiet * 2, TestContext.Current.CancellationToken);
        Assert.True(site.Reloaded(Quiet));

        site.Publish("m", new Dictionary<string, byte[]> { ["m.html"] = [2] }, changesPages: true);
        Assert.False(site.Reloaded(Quiet));
        site.Follow(false);
        Assert.True(site.Reloaded(Quiet));
    }
}
