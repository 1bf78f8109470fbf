namespace MassWork.SmsSimulator;

public sealed class SimulatedAccount
{
    /// <summary>The provider name receipts are pushed under (/api/notifications/providers/{Name}/reports).</summary>
    public string Name { get; set; } = "";

    public string AccessKeyId { get; set; } = "";

    public string AccessKeySecret { get; set; } = "";
}

public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    public List<SimulatedAccount> Accounts { get; set; } = [];

    /// <summary>The notifications service; receipts and replies are pushed there.</summary>
    public string CallbackUrl { get; set; } = "";

    public string CallbackToken { get; set; } = "";

    /// <summary>Share of calls refused with a throttling code (the adapter retries them).</summary>
    public double FailureRate { get; set; } = 0.01;

    /// <summary>Share of accepted messages whose receipt says they did not reach the handset.</summary>
    public double DeliveryFailureRate { get; set; } = 0.01;

    public TimeSpan ReceiptDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Keep each message for GET /simulator/messages (off for million-message benchmarks).</summary>
    public bool KeepMessages { get; set; } = true;
}

/// <summary>How one account behaves now; tests change it through PUT /simulator/accounts/{id}/behaviour.</summary>
public sealed record Behaviour(double FailureRate, string FailCode = "isv.BUSINESS_LIMIT_CONTROL", string Mode = "Refuse");
