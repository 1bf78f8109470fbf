using System.Security.Cryptography;

namespace MassWork.AppHost.Wiring;

/// <summary>
/// Wires the notifications service to the SMS simulator as two Aliyun accounts (primary and
/// backup, for failover), with keys and a callback token made up for this run: the simulator
/// keeps nothing between runs, so nothing needs to persist.
/// </summary>
public static class SmsSimulatorWiring
{
    public static IResourceBuilder<ProjectResource> SendsThrough(this IResourceBuilder<ProjectResource> notifications, IResourceBuilder<ProjectResource> simulator)
    {
        var token = Secret();
        simulator
            .WithEnvironment("Simulator__CallbackUrl", notifications.GetEndpoint("http"))
            .WithEnvironment("Simulator__CallbackToken", token);
        notifications.WithEnvironment("Sms__CallbackToken", token);
        string[] accounts = ["aliyun-primary", "aliyun-backup"];
        for (var i = 0; i < accounts.Length; i++)
        {
            var (id, secret) = ($"sim-{accounts[i]}", Secret());
            simulator
                .WithEnvironment($"Simulator__Accounts__{i}__Name", accounts[i])
                .WithEnvironment($"Simulator__Accounts__{i}__AccessKeyId", id)
                .WithEnvironment($"Simulator__Accounts__{i}__AccessKeySecret", secret);
            notifications
                .WithEnvironment($"Sms__Providers__{i}__Name", accounts[i])
                .WithEnvironment($"Sms__Providers__{i}__Kind", "Aliyun")
                .WithEnvironment($"Sms__Providers__{i}__Endpoint", simulator.GetEndpoint("http"))
                .WithEnvironment($"Sms__Providers__{i}__AccessKeyId", id)
                .WithEnvironment($"Sms__Providers__{i}__AccessKeySecret", secret);
        }

        return notifications;
    }

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
}
