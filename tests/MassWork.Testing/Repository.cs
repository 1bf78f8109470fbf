namespace MassWork.Testing;

/// <summary>The repository the tests run from: reference data in deploy/, the AppHost's build output.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MassWork.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("MassWork.sln not found above " + AppContext.BaseDirectory);
    }
}
