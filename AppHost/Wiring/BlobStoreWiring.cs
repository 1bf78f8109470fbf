using System.Globalization;

namespace MassWork.AppHost.Wiring;

/// <summary>
/// Where the services that keep files (visits' photos, projects' progress photos) keep them, and how
/// large an upload may be. On one machine a folder in the AppHost's data folder; in a cluster (the
/// published manifest) an S3-compatible bucket — Aliyun OSS, MinIO, Ceph — whose endpoint, bucket
/// and keys the deployment gives. <c>Blobs:Provider=S3</c> uses a bucket from a local run too.
/// </summary>
public sealed class BlobStoreWiring
{
    /// <summary>As PhotoOptions.EnvelopeBytes: room for the multipart envelope around the photos.</summary>
    private const long EnvelopeBytes = 1024 * 1024;

    private readonly Action<IResourceBuilder<ProjectResource>> _store;
    private readonly string _maxBytes;
    private readonly string _maxPerUpload;

    private BlobStoreWiring(Action<IResourceBuilder<ProjectResource>> store, string maxBytes, string maxPerUpload)
    {
        (_store, _maxBytes, _maxPerUpload) = (store, maxBytes, maxPerUpload);
    }

    public static BlobStoreWiring Add(IDistributedApplicationBuilder builder, string dataFolder)
    {
        var configuration = builder.Configuration;
        var provider = configuration["Blobs:Provider"] ?? (builder.ExecutionContext.IsPublishMode ? "S3" : "Folder");
        Action<IResourceBuilder<ProjectResource>> store;
        if (provider.Equals("S3", StringComparison.OrdinalIgnoreCase))
        {
            // A published manifest asks the deployment for the endpoint, bucket and keys; a local run takes them from configuration.
            IResourceBuilder<ParameterResource> Parameter(string name, string key, bool secret) => builder.ExecutionContext.IsPublishMode
                ? builder.AddParameter(name, secret)
                : builder.AddParameter(name, configuration[key] ?? "", secret: secret);
            var serviceUrl = Parameter("blobs-s3-service-url", "Blobs:S3:ServiceUrl", secret: false);
            var bucket = Parameter("blobs-s3-bucket", "Blobs:S3:Bucket", secret: false);
            var accessKey = Parameter("blobs-s3-access-key", "Blobs:S3:AccessKey", secret: true);
            var secretKey = Parameter("blobs-s3-secret-key", "Blobs:S3:SecretKey", secret: true);
            store = project => project
                .WithEnvironment("Blobs__Provider", "S3")
                .WithEnvironment("Blobs__S3__ServiceUrl", serviceUrl)
                .WithEnvironment("Blobs__S3__Bucket", bucket)
                .WithEnvironment("Blobs__S3__Region", configuration["Blobs:S3:Region"] ?? "us-east-1")
                .WithEnvironment("Blobs__S3__ForcePathStyle", configuration["Blobs:S3:ForcePathStyle"] ?? "true")
                .WithEnvironment("Blobs__S3__AccessKey", accessKey)
                .WithEnvironment("Blobs__S3__SecretKey", secretKey);
        }
        else
        {
            var folder = Path.GetFullPath(configuration["Blobs:Folder"] ?? Path.Combine(dataFolder, "blobs"));
            store = project => project.WithEnvironment("Blobs__Provider", "Folder").WithEnvironment("Blobs__Folder", folder);
        }

        return new BlobStoreWiring(store, configuration["Photos:MaxBytes"] ?? (20L * 1024 * 1024).ToString(CultureInfo.InvariantCulture), configuration["Photos:MaxPerUpload"] ?? "10");
    }

    /// <summary>A service that keeps files: the store, and the photo limits it checks.</summary>
    public IResourceBuilder<ProjectResource> KeepsFiles(IResourceBuilder<ProjectResource> service)
    {
        _store(service);
        return service.WithEnvironment("Photos__MaxBytes", _maxBytes).WithEnvironment("Photos__MaxPerUpload", _maxPerUpload);
    }

    /// <summary>The gateway's upload routes take exactly what the services do, so a body too large is refused before any byte is forwarded.</summary>
    public IResourceBuilder<ProjectResource> LimitsUploads(IResourceBuilder<ProjectResource> gateway, params string[] routes)
    {
        var limit = (long.Parse(_maxBytes, CultureInfo.InvariantCulture) * int.Parse(_maxPerUpload, CultureInfo.InvariantCulture) + EnvelopeBytes).ToString(CultureInfo.InvariantCulture);
        foreach (var route in routes)
        {
            gateway.WithEnvironment($"ReverseProxy__Routes__{route}__Metadata__MaxRequestBodyBytes", limit);
        }

        return gateway;
    }
}
