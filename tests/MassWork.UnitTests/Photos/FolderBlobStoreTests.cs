using System.Text;
using MassWork.Blobs;

namespace MassWork.UnitTests.Photos;

public sealed class FolderBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"masswork-blobs-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task A_blob_is_stored_once_under_its_hash_and_read_back()
    {
        var store = new FolderBlobStore(_root);
        var bytes = Encoding.UTF8.GetBytes("走访照片");
        var hash = ContentHash.Of(bytes);

        await store.PutAsync(hash, new MemoryStream(bytes), "image/jpeg", CancellationToken.None);
        await store.PutAsync(hash, new MemoryStream(bytes), "image/jpeg", CancellationToken.None);

        await using var read = await store.OpenReadAsync(hash, CancellationToken.None);
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal([store.PathOf(hash)], Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
        Assert.Null(await store.OpenReadAsync(ContentHash.Of("另一张"u8), CancellationToken.None));
    }

    [Fact]
    public async Task Bytes_that_do_not_have_the_hash_given_are_not_stored()
    {
        var store = new FolderBlobStore(_root);

        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(ContentHash.Of("a"u8), new MemoryStream("b"u8.ToArray()), "image/png", CancellationToken.None));

        Assert.Empty(Directory.GetFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("abc")]
    public async Task Only_a_sha256_in_lower_case_hex_names_a_blob(string name)
    {
        var store = new FolderBlobStore(_root);

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(name, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => store.PathOf(name));
    }
}
