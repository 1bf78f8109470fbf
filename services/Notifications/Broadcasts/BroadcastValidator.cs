namespace MassWork.Notifications.Broadcasts;

/// <summary>
/// Whom a broadcast goes to. Its template and values are checked against the template catalog in
/// the endpoint, which joins those problems to this result.
/// </summary>
public sealed class BroadcastValidator : RequestValidator<BroadcastRequest>
{
    public BroadcastValidator()
    {
        RuleFor(x => x.RegionPrefix).Must(p => RegionPrefixes.IsValid(p?.Trim())).WithMessage("A division code prefix of 2, 4, 6, 9 or 12 digits.");
        RuleForEach(x => x.Tags).NotNull().WithMessage("Required: an element, not null.");
        RuleFor(x => Tags(x.Tags)).Named("tags").Must(t => t.Length <= 20 && t.All(tag => tag.Length <= 20))
            .WithMessage("At most 20 tags of at most 20 characters.");
        RuleFor(x => x.Audience).Must(a => a is null or "Heads" or "AllMembers").WithMessage("Heads (户主) or AllMembers (every member with a phone).");
    }

    /// <summary>The region, tags and audience as the broadcast stores them; call it once validation passed.</summary>
    public static (string Prefix, string[] Tags, bool Heads) Checked(BroadcastRequest request) =>
        (request.RegionPrefix!.Trim(), Tags(request.Tags), request.Audience is null or "Heads");

    /// <summary>The tags trimmed, blanks and repeats dropped (a null element is refused by its index, not here).</summary>
    private static string[] Tags(IReadOnlyList<string>? tags) =>
        tags?.OfType<string>().Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToArray() ?? [];
}
