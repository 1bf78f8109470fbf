namespace MassWork.Personnel.NoticeBoard;

/// <summary>服务承诺: a promise a work team makes to its village, posted on the public notice board (公示).</summary>
public sealed class Commitment
{
    public Guid Id { get; init; }

    public Guid TeamId { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }
}
