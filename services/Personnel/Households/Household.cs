namespace MassWork.Personnel.Households;

/// <summary>A household (户) in the register, keyed for people by its household number (户号).</summary>
public sealed class Household
{
    private Household()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>户号, unique in the city.</summary>
    public string HouseholdNumber { get; private set; } = "";

    /// <summary>12-digit division code of the village (村/社区) the household belongs to.</summary>
    public string VillageCode { get; private set; } = "";

    public string Address { get; private set; } = "";

    /// <summary>户主 name.</summary>
    public string HeadName { get; private set; } = "";

    public HouseholdStatus Status { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string RegisteredBy { get; private set; } = "";

    public static Household Register(HouseholdRegistration registration, string registeredBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        HouseholdNumber = registration.HouseholdNumber,
        VillageCode = registration.VillageCode,
        Address = registration.Address,
        HeadName = registration.HeadName,
        Status = registration.Status,
        RegisteredAt = now,
        RegisteredBy = registeredBy,
    };
}
