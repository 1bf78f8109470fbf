namespace MassWork.Testing;

public static class TempFolder
{
    /// <summary>
    /// A new temp folder others may traverse: the servers inside run as the postgres and rabbitmq
    /// users, and a temp folder is private to its creator by default.
    /// </summary>
    public static string Create(string prefix)
    {
        var directory = Directory.CreateTempSubdirectory(prefix);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory.FullName,
                UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return directory.FullName;
    }
}
