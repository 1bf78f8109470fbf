using MassWork.ServiceDefaults.Data;

namespace MassWork.Visits.Frequency;

/// <summary>A city's stored frequency policy.</summary>
public sealed class FrequencyPolicyRecord : CityPolicyRecord<FrequencyPolicy>;
