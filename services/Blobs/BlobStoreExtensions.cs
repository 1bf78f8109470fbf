using Amazon.S3;
using MassWork.Blobs;
using MassWork.Blobs.Photos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class BlobStoreExtensions
{
    /// <summary>
    /// The blob store from <c>Blobs:*</c> and photo uploads from <c>Photos:*</c>. Each service keeps
    /// its files apart, under <paramref name="area"/> (a sub-folder, or a key prefix in the bucket).
    /// </summary>
    public static IHostApplicationBuilder AddBlobStore(this IHostApplicationBuilder builder, string area)
    {
        builder.Services.AddOptions<BlobOptions>().Bind(builder.Configuration.GetSection(BlobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PhotoOptions>().Bind(builder.Configuration.GetSection(PhotoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IAmazonS3>(sp => S3BlobStore.Client(sp.GetRequiredService<IOptions<BlobOptions>>().Value.S3));
        builder.Services.AddSingleton<IBlobStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BlobOptions>>().Value;
            return options.Provider == BlobProvider.S3
                ? new S3BlobStore(sp.GetRequiredService<IAmazonS3>(), options.S3.Bucket!, area)
                : new FolderBlobStore(Path.Combine(options.Folder!, area));
        });
        builder.Services.AddSingleton<PhotoIntake>();
        return builder;
    }
}
