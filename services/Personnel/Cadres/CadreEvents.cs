using MassWork.Contracts.Personnel.V1;

namespace MassWork.Personnel.Cadres;

/// <summary>The cadre events other services build their read models from, built in one place.</summary>
public static class CadreEvents
{
    public static CadreRegistered Registered(Cadre c, string? phone, string? unitName) =>
        new(c.Id, c.Name, phone, c.Rank.ToString(), c.Position, c.UnitId, unitName, c.RegionCode, c.UserId, c.RegisteredAt);

    public static CadreUpdated Updated(Cadre c, string? phone, string? unitName, DateTimeOffset at) =>
        new(c.Id, c.Name, phone, c.Rank.ToString(), c.Position, c.UnitId, unitName, c.RegionCode, c.UserId, at);
}
