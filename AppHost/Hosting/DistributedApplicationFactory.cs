namespace MassWork.AppHost.Hosting;

public sealed partial class DistributedApplication
{
    public static DistributedApplicationBuilder CreateBuilder(string[] args) => DistributedApplicationBuilder.CreateBuilder(args);
}
