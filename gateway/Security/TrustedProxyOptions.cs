using System.ComponentModel.DataAnnotations;
using System.Net;

namespace MassWork.Gateway.Security;

/// <summary>
/// The networks of the proxies in front of the gateway (a Kubernetes ingress, a load balancer)
/// whose X-Forwarded-For and X-Forwarded-Proto the gateway believes: the client address that the
/// per-address limits count comes from there. Empty (the default): nobody's, the connection's
/// own address counts, so a client cannot pick its own address by sending the header.
/// </summary>
public sealed class TrustedProxyOptions : IValidatableObject
{
    public const string Section = "TrustedProxies";

    /// <summary>Comma-separated CIDR networks, e.g. "10.0.0.0/8,fd00::/8".</summary>
    public string Networks { get; set; } = "";

    public IEnumerable<IPNetwork> Parsed() =>
        Networks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IPNetwork.Parse);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Networks.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => !IPNetwork.TryParse(n, out _))
            .Select(n => new ValidationResult($"'{n}' is not a CIDR network such as 10.0.0.0/8.", [nameof(Networks)]));
}
