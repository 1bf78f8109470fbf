namespace MassWork.ServiceDefaults.Errors;

/// <summary>Enum values in requests are their names (any case); numbers are refused, so "3" is not a channel.</summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? value, out T parsed)
        where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);

    public static bool Is<T>(string? value)
        where T : struct, Enum => TryParse<T>(value, out _);

    public static string OneOf<T>()
        where T : struct, Enum => $"One of {string.Join(", ", Enum.GetNames<T>())}.";
}
