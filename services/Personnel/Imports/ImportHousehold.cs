using MassWork.Personnel.Households;
using MassWork.Personnel.People;

namespace MassWork.Personnel.Imports;

/// <summary>A line that passed its own checks, with its ID number and phone already encrypted.</summary>
public sealed record StagedLine(HouseholdCsvRow Row, Guid MemberId, SensitiveValue? IdNumber, SensitiveValue? Phone);

/// <summary>A household of the file: its 户主 line gives the household's fields; members include the head, in file order.</summary>
public sealed class ImportHousehold(Guid id, StagedLine head, List<StagedLine> members)
{
    /// <summary>A new id for a household new to the register; the register's id once it is found there.</summary>
    public Guid Id { get; set; } = id;

    public StagedLine Head { get; } = head;

    public HouseholdCsvRow Fields => Head.Row;

    public List<StagedLine> Members { get; } = members;

    public IEnumerable<int> Lines => Members.Select(m => m.Row.Line);
}

/// <summary>
/// The rules that need more than one line: the village exists, member names are unique in a
/// household (the first line wins), and a household has exactly one 户主. Each rejected line gets
/// its reason; the rest of its household loads unless the head is in doubt.
/// </summary>
public static class HouseholdLineChecks
{
    public static List<ImportHousehold> Group(
        IEnumerable<StagedLine> lines, IReadOnlySet<string> villages, Func<Guid> newId, List<ImportRowError> errors)
    {
        var byNumber = new Dictionary<string, List<StagedLine>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (!villages.Contains(line.Row.VillageCode))
            {
                errors.Add(new ImportRowError(line.Row.Line, "village_code", $"Village {line.Row.VillageCode} is not in the region register."));
                continue;
            }

            if (!byNumber.TryGetValue(line.Row.HouseholdNumber, out var members))
            {
                byNumber[line.Row.HouseholdNumber] = members = [];
            }

            members.Add(line);
        }

        var households = new List<ImportHousehold>(byNumber.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lineGroup in byNumber.Values)
        {
            names.Clear();
            var members = new List<StagedLine>(lineGroup.Count);
            foreach (var line in lineGroup)
            {
                if (names.Add(line.Row.Name))
                {
                    members.Add(line);
                }
                else
                {
                    errors.Add(new ImportRowError(line.Row.Line, "name", "An earlier line already has a member of this name in the household."));
                }
            }

            var heads = members.Count(m => m.Row.Relation == HouseholdMember.HeadRelation);
            if (heads == 1)
            {
                households.Add(new ImportHousehold(newId(), members.First(m => m.Row.Relation == HouseholdMember.HeadRelation), members));
                continue;
            }

            var message = heads == 0
                ? "The household has no valid line with relation 户主, so none of its lines load."
                : "The household has more than one 户主 line, so none of its lines load.";
            errors.AddRange(members.Select(m => new ImportRowError(m.Row.Line, "relation", message)));
        }

        return households;
    }
}
