namespace MassWork.Personnel.Households;

/// <summary>A household (户) in the register, keyed for people by its household number (户号).</summary>
public sealed class Household
{
    private Household()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>户号, unique in the city; the key a re-import matches on.</summary>
    public string HouseholdNumber { get; private set; } = "";

    /// <summary>12-digit division code of the village (村/社区) the household belongs to.</summary>
    public string VillageCode { get; private set; } = "";

    /// <summary>村民小组, when the village keeps groups.</summary>
    public Guid? GroupId { get; private set; }

    /// <summary>小区, for urban households (compound mode pairs them with cadres living there).</summary>
    public Guid? CompoundId { get; private set; }

    public string Address { get; private set; } = "";

    /// <summary>户主 name, kept in step with the member whose relation is 户主.</summary>
    public string HeadName { get; private set; } = "";

    public HouseholdStatus Status { get; private set; }

    public List<string> Tags { get; private set; } = [];

    public List<HouseholdMember> Members { get; private set; } = [];

    public DateTimeOffset RegisteredAt { get; private set; }

    public string RegisteredBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>PostgreSQL xmin: two edits of the same version cannot both win.</summary>
    public uint Version { get; private set; }

    public static Household Register(HouseholdDetails details, IReadOnlyList<HouseholdMember> members, string registeredBy, DateTimeOffset now)
    {
        var household = new Household
        {
            Id = Guid.CreateVersion7(now),
            HouseholdNumber = details.HouseholdNumber,
            RegisteredAt = now,
            RegisteredBy = registeredBy,
        };
        household.Apply(details, now);
        household.Members.AddRange(members);
        household.HeadName = members.Single(m => m.IsHead).Name;
        return household;
    }

    /// <summary>The household as the edit gives it: members matched by name, an ID number or phone left out kept.</summary>
    public void Update(HouseholdDetails details, IReadOnlyList<MemberEdit> members, DateTimeOffset now)
    {
        Apply(details, now);
        var kept = members.Select(m => m.Member.Name).ToHashSet(StringComparer.Ordinal);
        Members.RemoveAll(m => !kept.Contains(m.Name));
        foreach (var edit in members)
        {
            var existing = Members.SingleOrDefault(m => m.Name == edit.Member.Name);
            if (existing is null)
            {
                Members.Add(edit.Member);
            }
            else
            {
                existing.CopyFrom(edit);
            }
        }

        HeadName = Members.Single(m => m.IsHead).Name;
    }

    public void MoveTo(string villageCode, Guid? groupId, Guid? compoundId, DateTimeOffset now)
    {
        VillageCode = villageCode;
        GroupId = groupId;
        CompoundId = compoundId;
        UpdatedAt = now;
    }

    private void Apply(HouseholdDetails details, DateTimeOffset now)
    {
        VillageCode = details.VillageCode;
        GroupId = details.GroupId;
        CompoundId = details.CompoundId;
        Address = details.Address;
        Status = details.Status;
        Tags = [.. details.Tags];
        UpdatedAt = now;
    }
}
