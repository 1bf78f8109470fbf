namespace MassWork.Personnel.Pairings;

/// <summary>A household that needs a cadre of <see cref="Kind"/>.</summary>
public sealed record OpenSlot(Guid HouseholdId, string VillageCode, Guid? GroupId, Guid? CompoundId, PairingKind Kind);

/// <summary>A cadre who may take households: where (village or home compound), which groups, and the load already carried.</summary>
public sealed record CandidateCadre(Guid CadreId, PairingKind Kind, string? VillageCode, IReadOnlyCollection<Guid> GroupIds, Guid? HomeCompoundId, int Load);

public sealed record ProposedPairing(Guid HouseholdId, Guid CadreId, PairingKind Kind);

public sealed record AssignmentPlan(IReadOnlyList<ProposedPairing> Pairings, IReadOnlyList<OpenSlot> Unassigned);

public enum AssignmentMode
{
    /// <summary>A village's households go to the work team in that village, balanced, preferring each member's own groups (分片包组).</summary>
    Village,

    /// <summary>三送进小区: a compound's households are divided evenly among the cadres who live in it.</summary>
    Compound,
}

/// <summary>
/// Proposes pairings for open slots, place by place (a village's team, or a compound's residents)
/// and kind by kind. Loads stay balanced: no cadre goes above the pool's fair share
/// (ceil((existing load + new households) / cadres)); within that, a resident member first takes
/// the households of their own groups (分片包组), and the rest go to whoever carries least.
/// </summary>
public static class AssignmentPlanner
{
    public static AssignmentPlan Plan(IEnumerable<OpenSlot> slots, IEnumerable<CandidateCadre> cadres, AssignmentMode mode)
    {
        var pools = new Dictionary<(string Place, PairingKind Kind), Pool>();
        foreach (var cadre in cadres)
        {
            var place = mode == AssignmentMode.Village ? cadre.VillageCode : cadre.HomeCompoundId?.ToString();
            if (place is null)
            {
                continue;
            }

            var key = (place, mode == AssignmentMode.Compound ? PairingKind.FullCoverage : cadre.Kind);
            if (!pools.TryGetValue(key, out var pool))
            {
                pools[key] = pool = new Pool();
            }

            pool.Add(cadre);
        }

        var pairings = new List<ProposedPairing>();
        var unassigned = new List<OpenSlot>();
        var byPool = slots
            .OrderBy(s => s.VillageCode, StringComparer.Ordinal).ThenBy(s => s.GroupId).ThenBy(s => s.HouseholdId)
            .GroupBy(s => (Place: mode == AssignmentMode.Village ? s.VillageCode : s.CompoundId?.ToString(),
                Kind: mode == AssignmentMode.Compound ? PairingKind.FullCoverage : s.Kind));
        foreach (var group in byPool)
        {
            if (group.Key.Place is null || !pools.TryGetValue((group.Key.Place, group.Key.Kind), out var pool))
            {
                unassigned.AddRange(group);
                continue;
            }

            var poolSlots = group.ToList();
            var target = pool.FairShare(poolSlots.Count);
            var rest = new List<OpenSlot>();
            foreach (var slot in poolSlots)
            {
                if (mode == AssignmentMode.Village && pool.TakeOwner(slot.GroupId, target) is { } owner)
                {
                    pairings.Add(new ProposedPairing(slot.HouseholdId, owner, group.Key.Kind));
                }
                else
                {
                    rest.Add(slot);
                }
            }

            pairings.AddRange(rest.Select(slot => new ProposedPairing(slot.HouseholdId, pool.TakeLeastLoaded(), group.Key.Kind)));
        }

        return new AssignmentPlan(pairings, unassigned);
    }

    /// <summary>Cadres of one place and kind, ordered by load so the least loaded is found in O(log n).</summary>
    private sealed class Pool
    {
        private readonly SortedSet<(int Load, Guid CadreId)> _byLoad = [];
        private readonly Dictionary<Guid, int> _loads = [];
        private readonly Dictionary<Guid, List<Guid>> _byGroup = [];

        public void Add(CandidateCadre cadre)
        {
            if (!_loads.TryAdd(cadre.CadreId, cadre.Load))
            {
                return;
            }

            _byLoad.Add((cadre.Load, cadre.CadreId));
            foreach (var group in cadre.GroupIds)
            {
                if (!_byGroup.TryGetValue(group, out var list))
                {
                    _byGroup[group] = list = [];
                }

                list.Add(cadre.CadreId);
            }
        }

        public int FairShare(int newSlots) => (int)Math.Ceiling((double)(_loads.Values.Sum() + newSlots) / _loads.Count);

        /// <summary>The least-loaded cadre responsible for the group, if still below the fair share.</summary>
        public Guid? TakeOwner(Guid? groupId, int target)
        {
            if (groupId is not { } group || !_byGroup.TryGetValue(group, out var owners))
            {
                return null;
            }

            var best = owners.MinBy(id => (_loads[id], id));
            if (_loads[best] >= target)
            {
                return null;
            }

            Increment(best);
            return best;
        }

        public Guid TakeLeastLoaded()
        {
            var chosen = _byLoad.Min.CadreId;
            Increment(chosen);
            return chosen;
        }

        private void Increment(Guid cadreId)
        {
            var load = _loads[cadreId];
            _byLoad.Remove((load, cadreId));
            _byLoad.Add((load + 1, cadreId));
            _loads[cadreId] = load + 1;
        }
    }
}
