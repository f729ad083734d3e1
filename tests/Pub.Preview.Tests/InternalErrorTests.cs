using System.Net;
using System.Text.Json;
using Pub.Compiler;
using Pub.Syntax;

namespace Pub.Preview.Tests;

/// <summary>An exception thrown while a page is built is a bug in pub: the preview shows it in the page as
/// an internal error, keeps serving the last good page, and builds again on the next save.</summary>
public sealed class InternalErrorTests
{
    /// <summary>The project on disk, except that reading a manuscript holding <see cref="Trigger"/> throws, as a
    /// bug in a later stage would.</summary>
    private sealed class ThrowingWorld(IWorld inner) : IWorld
    {
        public const string Trigger = "THIS-MANUSCRIPT-BREAKS-PUB";

        public string Root => inner.Root;

        public DateTimeOffset Now => inner.Now;

        public bool FileExists(string path) => inner.FileExists(path);

        public bool DirectoryExists(string path) => inner.DirectoryExists(path);

        public byte[]? ReadBytes(string path)
        {
            var bytes = inner.ReadBytes(path);
            if (bytes is not null && path.EndsWith("paper.md", StringComparison.Ordinal)
                && System.Text.Encoding.UTF8.GetString(bytes).Contains(Trigger, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("an unexpected failure inside pub");
            }
            return bytes;
        }

        public IReadOnlyList<string> ListFiles(string folder) => inner.ListFiles(folder);

        public string? Environment(string name) => inner.Environment(name);

        public string? WriteAtomic(string path, ReadOnlySpan<byte> content) => inner.WriteAtomic(path, content);

        public string? Delete(string path) => inner.Delete(path);

        public bool IsOutside(string path) => inner.IsOutside(path);

        public bool HasEntries(string folder) => inner.HasEntries(folder);
    }

    [Fact]
    public async Task ABuildThatThrowsShowsAnInternalErrorKeepsServingAndRecoversAfterTheFix()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var project = new PreviewProject();
        var log = new StringWriter();
        var options = project.Options() with { Log = TextWriter.Synchronized(log) };
        var (server, failure) = await PreviewServer.StartAsync(options, new ThrowingWorld(new FileSystemWorld(project.Root)), cancel);
        Assert.True(server is not null, failure?.Message);
        await using var _ = server;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Url };
        var page = (await http.GetAsync("/", cancel)).Headers.Location!.OriginalString;

        project.Write(PreviewProject.Text("This sentence makes pub throw: " + ThrowingWorld.Trigger));
        var state = await WaitForStateAsync(http, s => s.GetProperty("errors").GetArrayLength() > 0);
        var error = Assert.Single(state.GetProperty("errors").EnumerateArray());
        Assert.Equal(Codes.InternalError.Id, error.GetProperty("code").GetString());
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.Equal(PreviewProject.Manuscript, error.GetProperty("file").GetString());
        var message = error.GetProperty("message").GetString();
        // The compiler keeps the failure to this manuscript and reports it as an internal error, which the page shows.
        Assert.Contains("pub failed on this manuscript: System.InvalidOperationException: an unexpected failure inside pub", message, StringComparison.Ordinal);
        Assert.Contains(error.GetProperty("hints").EnumerateArray(), h => h.GetString()!.Contains("please report it", StringComparison.Ordinal));
        Assert.Contains("System.InvalidOperationException", log.ToString(), StringComparison.Ordinal);

        // Still serving, the last good page included.
        Assert.False(server.Completion.IsCompleted);
        var last = await http.GetStringAsync(page, cancel);
        Assert.Contains("The first sentence of the preview test.", last, StringComparison.Ordinal);

        project.Write(PreviewProject.Text("The page recovered after the fix."));
        await WaitForStateAsync(http, s => s.GetProperty("errors").GetArrayLength() == 0);
        Assert.Contains("The page recovered after the fix.", await http.GetStringAsync(page, cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/__pub/state", cancel)).StatusCode);
    }

    private static async Task<JsonElement> WaitForStateAsync(HttpClient http, Func<JsonElement, bool> done)
    {
        var cancel = TestContext.Current.CancellationToken;
        for (var i = 0; i < 300; i++)
        {
            var state = JsonDocument.Parse(await http.GetStringAsync("/__pub/state", cancel)).RootElement;
            if (done(state))
            {
                return state;
            }
            await Task.Delay(50, cancel);
        }
        Assert.Fail("the preview's state never reached the expected one: " + await http.GetStringAsync("/__pub/state", cancel));
        return default;
    }
}
