using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace MassWork.Blobs;

/// <summary>
/// Blobs as objects in an S3-compatible bucket (Aliyun OSS, MinIO, Ceph RGW, AWS S3), under
/// <c>{area}/sha256/{hash}</c>. An object already there is not sent again.
/// </summary>
public sealed class S3BlobStore(IAmazonS3 s3, string bucket, string area) : IBlobStore
{
    public async Task PutAsync(string sha256, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var key = KeyOf(sha256);
        await GuardAsync(async () =>
        {
            if (await ExistsAsync(key, cancellationToken))
            {
                return;
            }

            await s3.PutObjectAsync(new PutObjectRequest
            {
                BucketName = bucket,
                Key = key,
                InputStream = content,
                AutoCloseStream = false,
                ContentType = contentType,
                // OSS and older Ceph/MinIO refuse aws-chunked bodies; a signed plain body (the file is seekable) works everywhere.
                UseChunkEncoding = false,
            }, cancellationToken);
        });
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var key = KeyOf(sha256);
        return GuardAsync<Stream?>(async () =>
        {
            try
            {
                // Disposing the body releases the response and its connection.
                return (await s3.GetObjectAsync(bucket, key, cancellationToken)).ResponseStream;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        });
    }

    public string KeyOf(string sha256) => $"{area}/sha256/{ContentHash.Require(sha256)}";

    /// <summary>The S3 client for path-style addressing (https://host/bucket/key), which every compatible store understands.</summary>
    public static AmazonS3Client Client(S3BlobOptions options) => new(
        new BasicAWSCredentials(options.AccessKey, options.SecretKey),
        new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            ForcePathStyle = options.ForcePathStyle,
            AuthenticationRegion = options.Region,
            // SDK 4 adds CRC checksums to every call by default; stores other than AWS reject or ignore them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(bucket, key, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task GuardAsync(Func<Task> call) => await GuardAsync<object?>(async () =>
    {
        await call();
        return null;
    });

    private async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException)
        {
            throw new BlobStoreUnavailableException($"The object store at bucket {bucket} failed: {e.Message}", e);
        }
    }
}
