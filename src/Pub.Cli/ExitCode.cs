namespace Pub.Cli;

/// <summary>What the process exit code means; documented in the README.</summary>
public enum ExitCode
{
    /// <summary>Everything was built or checked without errors.</summary>
    Ok = 0,

    /// <summary>At least one manuscript has errors (the others were still built).</summary>
    DocumentErrors = 1,

    /// <summary>The command line or pub.yaml is wrong; nothing was built.</summary>
    UsageOrConfiguration = 2,

    /// <summary>No errors, but warnings and --strict was given.</summary>
    WarningsUnderStrict = 3,

    /// <summary>A bug in pub; please report it with the message printed.</summary>
    InternalError = 70,
}
