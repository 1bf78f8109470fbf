using System.ComponentModel.DataAnnotations;

namespace MassWork.Blobs;

public enum BlobProvider
{
    /// <summary>Files under <see cref="BlobOptions.Folder"/>: one machine.</summary>
    Folder,

    /// <summary>An S3-compatible bucket: a cluster, where every replica sees the same files.</summary>
    S3,
}

/// <summary>The blob store's settings (section <c>Blobs</c>), the same for every service that keeps files.</summary>
public sealed class BlobOptions : IValidatableObject
{
    public const string Section = "Blobs";

    public BlobProvider Provider { get; set; } = BlobProvider.Folder;

    /// <summary>With <see cref="BlobProvider.Folder"/>: the root; each service keeps its files in a folder of its own under it.</summary>
    public string? Folder { get; set; }

    public S3BlobOptions S3 { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == BlobProvider.Folder && string.IsNullOrWhiteSpace(Folder))
        {
            yield return new ValidationResult("Blobs:Folder is required with Blobs:Provider=Folder (photos are proof: never a temporary folder).", [nameof(Folder)]);
        }

        if (Provider == BlobProvider.S3)
        {
            if (!Uri.TryCreate(S3.ServiceUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult("Blobs:S3:ServiceUrl is the store's http(s) endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com.", [nameof(S3)]);
            }

            foreach (var (value, name) in new[] { (S3.Bucket, "Bucket"), (S3.AccessKey, "AccessKey"), (S3.SecretKey, "SecretKey"), (S3.Region, "Region") })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    yield return new ValidationResult($"Blobs:S3:{name} is required with Blobs:Provider=S3.", [nameof(S3)]);
                }
            }
        }
    }
}

/// <summary>An S3-compatible store: Aliyun OSS, MinIO, Ceph RGW or AWS S3.</summary>
public sealed class S3BlobOptions
{
    /// <summary>The endpoint, e.g. https://oss-cn-hangzhou.aliyuncs.com or http://minio:9000.</summary>
    public string? ServiceUrl { get; set; }

    public string? Bucket { get; set; }

    /// <summary>The region requests are signed for (SigV4); MinIO and Ceph accept us-east-1, OSS its own (oss-cn-hangzhou).</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>https://host/bucket/key rather than https://bucket.host/key: what MinIO and Ceph expect unless set up for virtual hosts.</summary>
    public bool ForcePathStyle { get; set; } = true;

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }
}
