namespace MassWork.Blobs.Photos;

/// <summary>What a phone's camera writes: JPEG, PNG (screenshots aside, some apps), HEIC (iPhones, newer Android phones).</summary>
public enum PhotoFormat
{
    Jpeg,
    Png,
    Heic,
}

public static class PhotoFormats
{
    public static string ContentType(PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => "image/jpeg",
        PhotoFormat.Png => "image/png",
        _ => "image/heic",
    };

    public static string Extension(PhotoFormat format) => format switch
    {
        PhotoFormat.Jpeg => ".jpg",
        PhotoFormat.Png => ".png",
        _ => ".heic",
    };
}
