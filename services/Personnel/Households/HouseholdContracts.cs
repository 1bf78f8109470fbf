namespace MassWork.Personnel.Households;

/// <summary>Body of POST /api/personnel/households. Fields are nullable so a missing one is reported by name.</summary>
public sealed record RegisterHouseholdRequest(
    string? HouseholdNumber,
    string? VillageCode,
    string? Address,
    string? HeadName,
    string? Status);

public sealed record HouseholdResponse(
    Guid Id,
    string HouseholdNumber,
    string VillageCode,
    string Address,
    string HeadName,
    string Status,
    DateTimeOffset RegisteredAt)
{
    public static HouseholdResponse From(Household h) =>
        new(h.Id, h.HouseholdNumber, h.VillageCode, h.Address, h.HeadName, h.Status.ToString(), h.RegisteredAt);
}

public sealed record HouseholdPage(IReadOnlyList<HouseholdResponse> Items, int Total);
