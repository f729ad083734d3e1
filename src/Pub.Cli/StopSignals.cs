using System.Runtime.InteropServices;

namespace Pub.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM as one cancellation token, for a command that runs until it is told to stop
/// (pub preview). The signal is taken from the runtime (which would otherwise end the process at once) so
/// that the command stops in order: it closes its connections and returns its exit code.
/// </summary>
/// <remarks>Every handler of a signal runs on the runtime's signal thread, one after the other; the
/// parser's own handler comes first and may already have ended the command and disposed this. So the
/// token source is never disposed (it holds no timer or wait handle, so there is nothing to release), and
/// <see cref="Token"/> is best awaited with continuations that do not run on the signal thread.</remarks>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop),
        ];
    }

    public CancellationToken Token => _stop.Token;

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
