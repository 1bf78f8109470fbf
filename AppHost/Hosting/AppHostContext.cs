namespace MassWork.AppHost.Hosting;

/// <summary>What every resource shares: where data lives, the repository, and the console.</summary>
public sealed class AppHostContext(string repositoryRoot, string dataDirectory, string configuration, string environmentName)
{
    private static readonly Lock ConsoleLock = new();
    private static readonly ConsoleColor[] Colors =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkYellow, ConsoleColor.DarkGreen];

    public string RepositoryRoot { get; } = repositoryRoot;

    public string DataDirectory { get; } = dataDirectory;

    public string Configuration { get; } = configuration;

    public string EnvironmentName { get; } = environmentName;

    /// <summary>Writes one line as "[name] text", each name in a colour of its own.</summary>
    public void Log(string name, string line)
    {
        lock (ConsoleLock)
        {
            var useColor = !Console.IsOutputRedirected;
            if (useColor)
            {
                Console.ForegroundColor = Colors[(name.GetHashCode() & 0x7fffffff) % Colors.Length];
            }

            Console.Write($"[{name}] ");
            if (useColor)
            {
                Console.ResetColor();
            }

            Console.WriteLine(line);
        }
    }
}
