using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassWork.Blobs.Photos;

/// <summary>Why an upload was refused: 400 (missing, corrupt, too many), 413 (too large) or 415 (not JPEG, PNG or HEIC), naming the part at fault.</summary>
public sealed record PhotoRefusal(int Status, string Field, string Message)
{
    public static PhotoRefusal Invalid(string field, string message) => new(StatusCodes.Status400BadRequest, field, message);

    /// <summary>A ProblemDetails whose <c>errors</c> names the field, as validation problems do, whatever the status.</summary>
    public ProblemHttpResult ToProblem() => TypedResults.Problem(
        statusCode: Status,
        title: Status switch
        {
            StatusCodes.Status413PayloadTooLarge => "Photo too large",
            StatusCodes.Status415UnsupportedMediaType => "Not a photo this service takes",
            _ => "The photos cannot be taken",
        },
        detail: $"{Field}: {Message}",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Field] = [Message] } });
}
