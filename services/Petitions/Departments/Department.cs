namespace MassWork.Petitions.Departments;

/// <summary>
/// A county or city department (县直/市直部门) that receives escalated cases as work orders.
/// Staff are the logins that work its queue.
/// </summary>
public sealed class Department
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    /// <summary>The county (6 digits) or city (4 digits) it serves.</summary>
    public required string RegionCode { get; set; }

    public List<string> StaffUserIds { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}
