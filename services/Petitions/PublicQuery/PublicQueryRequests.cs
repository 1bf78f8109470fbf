using MassWork.Petitions.Cases;

namespace MassWork.Petitions.PublicQuery;

/// <summary>Send a code to the phone the case was registered with (if it is that phone).</summary>
public sealed record QueryCodeRequest(string? CaseNumber, string? Phone);

/// <summary>The code from the SMS, with the phone it was asked for, for a query session on the case.</summary>
public sealed record QuerySessionRequest(string? CaseNumber, string? Phone, string? Code);

/// <summary>评价: the petitioner's rating of the answer (Satisfied 满意 / BasicallySatisfied 基本满意 / Dissatisfied 不满意).</summary>
public sealed record RatingRequest(string? Satisfaction, string? Comment);

/// <summary>A query session: the token goes in the X-Query-Token header of the reads and the rating.</summary>
public sealed record QuerySessionOpened(string Token, DateTimeOffset ExpiresAt);

public sealed class QueryCodeRequestValidator : RequestValidator<QueryCodeRequest>
{
    public QueryCodeRequestValidator()
    {
        RuleFor(x => x.CaseNumber).RequiredText(40);
        RuleFor(x => x.Phone).AskedPhone("Required: the phone the case was registered with.");
    }
}

public sealed class QuerySessionRequestValidator : RequestValidator<QuerySessionRequest>
{
    public QuerySessionRequestValidator()
    {
        RuleFor(x => x.CaseNumber).RequiredText(40);
        RuleFor(x => x.Phone).AskedPhone("Required: the phone the code was asked for.");
        RuleFor(x => x.Code).Must(c => c is { Length: PublicQueryPolicy.CodeDigits } && c.All(char.IsAsciiDigit))
            .WithMessage($"The {PublicQueryPolicy.CodeDigits}-digit code from the SMS.");
    }
}

public sealed class RatingRequestValidator : RequestValidator<RatingRequest>
{
    public RatingRequestValidator()
    {
        RuleFor(x => x.Satisfaction).EnumName<RatingRequest, Satisfaction>();
        RuleFor(x => x.Comment).OptionalText(500);
    }
}

internal static class PublicQueryRules
{
    /// <summary>The phone a query names: given, and a phone number once normalised.</summary>
    public static void AskedPhone<T>(this IRuleBuilder<T, string?> rule, string required) =>
        rule.NotEmpty().WithMessage(required).Problem(phone => PhoneNumber.Validate(PhoneNumber.Normalize(phone!)));
}
