namespace MassWork.AppHost.Servers;

/// <summary>The machine's PostgreSQL server programs (Debian's postgresql package), newest version first.</summary>
public static class PostgresBinaries
{
    public static string Directory()
    {
        const string root = "/usr/lib/postgresql";
        var version = System.IO.Directory.Exists(root)
            ? System.IO.Directory.GetDirectories(root).Select(Path.GetFileName).OrderByDescending(v => int.TryParse(v, out var n) ? n : 0).FirstOrDefault()
            : null;
        return version is null
            ? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql: apt-get install -y postgresql")
            : Path.Combine(root, version, "bin");
    }
}
