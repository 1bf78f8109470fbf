using System.Text.Json.Serialization;

namespace MassWork.Petitions.Open311;

/// <summary>GeoReport v2 service (one per category).</summary>
public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string? Keywords,
    [property: JsonPropertyName("group")] string Group);

public sealed record Open311ServiceDefinition(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("attributes")] IReadOnlyList<object> Attributes);

public sealed record Open311Created(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string ServiceNotice,
    [property: JsonPropertyName("account_id")] string? AccountId);

/// <summary>GeoReport v2 request as GET requests returns it; status is "open" or "closed".</summary>
public sealed record Open311Request(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string? StatusNotes,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("agency_responsible")] string? AgencyResponsible,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("requested_datetime")] DateTimeOffset RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] DateTimeOffset UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime")] DateTimeOffset? ExpectedDatetime,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("address_id")] string AddressId,
    [property: JsonPropertyName("zipcode")] string? Zipcode,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("long")] double? Long,
    [property: JsonPropertyName("media_url")] string? MediaUrl);

/// <summary>GeoReport v2 error; the spec answers errors as an array of these.</summary>
public sealed record Open311Error(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);

public sealed record Open311ClientRequest(string? Name, string? RegionPrefix);

public sealed record Open311ClientCreated(Guid Id, string Name, string RegionPrefix, string ApiKey);
