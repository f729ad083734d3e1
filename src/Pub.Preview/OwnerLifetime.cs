using Microsoft.Extensions.Hosting;

namespace Pub.Preview;

/// <summary>The preview server's host lifetime: it neither listens for process signals nor stops the host by
/// itself. The preview is stopped by disposing it, which its owner does (pub preview on SIGINT or SIGTERM).</summary>
internal sealed class OwnerLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
