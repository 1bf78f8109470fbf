namespace MassWork.Blobs.Photos;

/// <summary>The bytes start like a photo of their format but do not hold together as one.</summary>
public sealed class CorruptPhotoException(string message) : Exception(message);
