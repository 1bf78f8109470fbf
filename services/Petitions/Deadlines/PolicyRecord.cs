using MassWork.ServiceDefaults.Data;

namespace MassWork.Petitions.Deadlines;

/// <summary>A city's stored petition policy.</summary>
public sealed class PolicyRecord : CityPolicyRecord<PetitionPolicy>;
