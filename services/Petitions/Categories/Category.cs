using MassWork.ServiceDefaults.Audit;

namespace MassWork.Petitions.Categories;

/// <summary>
/// A category of matter (土地征收, 饮水 …); also an Open311 service. Its work-order class picks the
/// 12345-style limits from the policy.
/// </summary>
public sealed class Category : IAuditedValues
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public required string Group { get; set; }

    public string? Description { get; set; }

    public required string WorkOrderClass { get; set; }

    public bool Active { get; set; } = true;
}
