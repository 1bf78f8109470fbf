using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace MassWork.IntegrationTests;

/// <summary>Photo uploads through the gateway as a phone sends them, and what the folder blob store holds.</summary>
internal sealed class PhotoUploads(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);

    /// <summary>One part per photo, named "photos", each claiming to be a JPEG whatever it is.</summary>
    public Task<HttpResponseMessage> UploadAsync(string path, string token, params byte[][] photos)
    {
        var form = new MultipartFormDataContent();
        for (var i = 0; i < photos.Length; i++)
        {
            var part = new ByteArrayContent(photos[i]);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "photos", $"IMG_{i:0000}.JPG");
        }

        return _api.SendAsync(HttpMethod.Post, path, token, form);
    }

    public async Task<JsonElement> UploadedAsync(string path, string token, HttpStatusCode expected, params byte[][] photos)
    {
        using var response = await UploadAsync(path, token, photos);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {body}");
        return body;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {problem}");
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        return problem;
    }

    public async Task<byte[]> DownloadAsync(string path, string token, string contentType)
    {
        using var response = await _api.SendAsync(HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Whether the service's folder blob store holds these bytes.</summary>
    public bool Stored(string area, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return File.Exists(Path.Combine(platform.DataDirectory, "blobs", area, hash[..2], hash));
    }
}
