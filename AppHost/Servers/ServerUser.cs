using System.Diagnostics;

namespace MassWork.AppHost.Servers;

/// <summary>
/// The system user a local server runs as. PostgreSQL refuses to run as root and RabbitMQ should
/// not, so when the AppHost is root (CI, containers) the server is started through
/// <c>setpriv</c>, which execs in place: the process DCP watches and signals is the server itself.
/// </summary>
public sealed class ServerUser(string name)
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The command and leading arguments that run <paramref name="program"/> as this user.</summary>
    public (string Command, string[] Arguments) Run(string program) => IsRoot
        ? ("setpriv", [$"--reuid={name}", $"--regid={name}", "--init-groups", "--", program])
        : (program, []);

    /// <summary>Creates the folder (and parents) and, as root, hands it to this user.</summary>
    public void Own(string path)
    {
        Directory.CreateDirectory(path);
        if (!IsRoot)
        {
            return;
        }

        if (Run("chown", "-R", $"{name}:{name}", path) is { Code: not 0 } chown)
        {
            throw new InvalidOperationException($"chown of {path} to {name} failed (exit code {chown.Code}): {chown.Error}");
        }

        if (Run("setpriv", $"--reuid={name}", $"--regid={name}", "--init-groups", "--", "test", "-x", path) is { Code: not 0 } reach)
        {
            throw new InvalidOperationException($"The {name} user cannot reach {path} (exit code {reach.Code}{(reach.Error.Length > 0 ? $": {reach.Error}" : "")}); " +
                "choose a data folder outside a private home (AppHost:DataDir).");
        }
    }

    public static int Exec(string file, params string[] arguments) => Run(file, arguments).Code;

    /// <summary>Runs a command to its end; its exit code and what it wrote to standard error.</summary>
    private static (int Code, string Error) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result.Trim());
    }
}
