using FluentValidation;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Validation;

namespace MassWork.Gateway.DevTokens;

/// <summary>A development token names real roles and a region scope, so the services it is tried against treat it as they would a staff token.</summary>
public sealed class DevTokenValidator : RequestValidator<DevTokenRequest>
{
    public DevTokenValidator()
    {
        RuleFor(x => x.Region).Must(RegionPrefixes.IsValid).WithMessage("A division code prefix of 2, 4, 6, 9 or 12 digits, e.g. 360702 (章贡区).");
        RuleForEach(x => x.Roles).NotNull().WithMessage("Required: an element, not null.");
        RuleFor(x => x.Roles).Must(roles => roles is { Length: > 0 } && roles.All(r => r is null || Roles.All.Contains(r)))
            .WithMessage($"One or more of: {string.Join(", ", Roles.All)}.");
    }
}
