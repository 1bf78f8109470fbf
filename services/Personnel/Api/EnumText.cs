namespace MassWork.Personnel.Api;

/// <summary>Reads an enum from request text by name only: "2" or an undefined value is not a valid kind or role.</summary>
public static class EnumText
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
