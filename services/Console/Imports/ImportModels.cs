namespace MassWork.Console.Imports;

public sealed record ImportError(int Line, string Field, string Message);

/// <summary>A household import (住户导入) as the personnel service reports it: phase, progress 0–1, counts and the first rejected lines.</summary>
public sealed record ImportJob(
    Guid Id, string FileName, string Status, string Phase, long FileBytes, double Progress, int LinesRead, int RowsRejected,
    int HouseholdsInserted, int HouseholdsUpdated, int HouseholdsUnchanged, string? Failure, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt,
    IReadOnlyList<ImportError> FirstErrors)
{
    public bool Running => Status is "Queued" or "Running";

    public string StatusName => Status switch
    {
        "Queued" => "排队中",
        "Running" => Phase == "Planning" ? "正在检查文件" : "正在导入",
        "Completed" => "已完成",
        "Failed" => "未完成",
        _ => Status,
    };
}
