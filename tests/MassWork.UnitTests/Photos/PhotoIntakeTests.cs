using System.Net.Http.Headers;
using System.Security.Cryptography;
using MassWork.Blobs.Photos;
using MassWork.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MassWork.UnitTests.Photos;

public sealed class PhotoIntakeTests
{
    private const long MaxBytes = 4096;

    private static readonly PhotoIntake Intake = new(Options.Create(new PhotoOptions { MaxBytes = MaxBytes, MaxPerUpload = 3 }));

    private static async Task<PhotoBatch> ReadAsync(params (string Name, string? FileName, byte[] Bytes)[] parts)
    {
        var form = new MultipartFormDataContent("photo-boundary");
        foreach (var (name, fileName, bytes) in parts)
        {
            var content = new ByteArrayContent(bytes);
            // What the client claims is never believed.
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            if (fileName is null)
            {
                form.Add(content, name);
            }
            else
            {
                form.Add(content, name, fileName);
            }
        }

        return await ReadAsync(form);
    }

    private static async Task<PhotoBatch> ReadAsync(HttpContent content)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = content.Headers.ContentType!.ToString();
        http.Request.Body = new MemoryStream(await content.ReadAsByteArrayAsync());
        return await Intake.ReadAsync(http.Request, CancellationToken.None);
    }

    [Fact]
    public async Task Photos_are_staged_in_order_with_their_hash_format_and_facts_and_their_files_go_with_the_batch()
    {
        var jpeg = TestPhotos.Jpeg(DateTimeOffset.Parse("2026-06-10T09:30:00+08:00"), (25.9512, 115.4127));
        var png = TestPhotos.Png();

        string[] files;
        using (var batch = await ReadAsync(("photos", "IMG_0001.JPG", jpeg), ("photos", "截图.png", png)))
        {
            Assert.Null(batch.Refusal);
            Assert.Equal([0, 1], batch.Photos.Select(p => p.Index));
            Assert.Equal(["IMG_0001.JPG", "截图.png"], batch.Photos.Select(p => p.FileName));
            Assert.Equal([PhotoFormat.Jpeg, PhotoFormat.Png], batch.Photos.Select(p => p.Format));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(jpeg)), batch.Photos[0].Sha256);
            Assert.Equal(jpeg.Length, batch.Photos[0].Bytes);
            Assert.NotNull(batch.Photos[0].Facts.CapturedAt);
            await using (var staged = batch.Photos[1].OpenRead())
            {
                using var copy = new MemoryStream();
                await staged.CopyToAsync(copy);
                Assert.Equal(png, copy.ToArray());
            }

            files = [.. batch.Photos.Select(p => p.Path)];
            Assert.All(files, f => Assert.True(File.Exists(f)));
        }

        Assert.All(files, f => Assert.False(File.Exists(f)));
    }

    [Fact]
    public async Task A_photo_over_the_limit_is_413_naming_it_even_when_it_claims_to_be_a_jpeg()
    {
        using var batch = await ReadAsync(("photos", "a.jpg", TestPhotos.Jpeg()), ("photos", "b.jpg", [.. TestPhotos.Jpeg(), .. new byte[MaxBytes]]));

        Assert.Equal((StatusCodes.Status413PayloadTooLarge, "photos[1]"), (batch.Refusal?.Status, batch.Refusal?.Field));
    }

    [Fact]
    public async Task A_photo_of_exactly_the_limit_is_taken()
    {
        var jpeg = TestPhotos.Jpeg();
        // Trailing bytes after the end of the image, as some cameras pad their files.
        using var batch = await ReadAsync(("photos", "a.jpg", [.. jpeg, .. new byte[MaxBytes - jpeg.Length]]));

        Assert.Null(batch.Refusal);
        Assert.Equal(MaxBytes, batch.Photos[0].Bytes);
    }

    [Fact]
    public async Task A_file_that_is_no_jpeg_png_or_heic_is_415_whatever_its_name_and_content_type()
    {
        using var batch = await ReadAsync(("photos", "a.jpg", TestPhotos.Jpeg()), ("photos", "scan.jpg", TestPhotos.Pdf()));

        Assert.Equal((StatusCodes.Status415UnsupportedMediaType, "photos[1]"), (batch.Refusal?.Status, batch.Refusal?.Field));
    }

    [Fact]
    public async Task A_corrupt_photo_is_400_naming_it()
    {
        using var batch = await ReadAsync(("photos", "a.jpg", TestPhotos.CorruptJpeg()));

        Assert.Equal((StatusCodes.Status400BadRequest, "photos[0]"), (batch.Refusal?.Status, batch.Refusal?.Field));
        Assert.Contains("Jpeg", batch.Refusal!.Message);
    }

    [Fact]
    public async Task The_first_part_at_fault_is_named()
    {
        using var batch = await ReadAsync(("photos", "a.pdf", TestPhotos.Pdf()), ("photos", "b.jpg", TestPhotos.CorruptJpeg()));

        Assert.Equal((StatusCodes.Status415UnsupportedMediaType, "photos[0]"), (batch.Refusal?.Status, batch.Refusal?.Field));
    }

    [Fact]
    public async Task Parts_other_than_photo_files_empty_files_and_too_many_photos_are_400()
    {
        var jpeg = TestPhotos.Jpeg();
        using var text = await ReadAsync(("note", null, "走访"u8.ToArray()), ("photos", "a.jpg", jpeg));
        using var unnamed = await ReadAsync(("photo", "a.jpg", jpeg));
        using var empty = await ReadAsync(("photos", "a.jpg", []));
        using var tooMany = await ReadAsync(("photos", "a.jpg", jpeg), ("photos", "b.jpg", jpeg), ("photos", "c.jpg", jpeg), ("photos", "d.jpg", jpeg));
        using var badName = await ReadAsync(("photos", "a\u0001.jpg", jpeg));

        Assert.Equal((400, "note"), (text.Refusal?.Status, text.Refusal?.Field));
        Assert.Equal((400, "photo"), (unnamed.Refusal?.Status, unnamed.Refusal?.Field));
        Assert.Equal((400, "photos[0]"), (empty.Refusal?.Status, empty.Refusal?.Field));
        Assert.Equal((400, "photos"), (tooMany.Refusal?.Status, tooMany.Refusal?.Field));
        Assert.Equal((400, "photos[0].fileName"), (badName.Refusal?.Status, badName.Refusal?.Field));
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_or_has_no_photos_is_refused()
    {
        using var json = await ReadAsync(new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var raw = await ReadAsync(new ByteArrayContent(TestPhotos.Jpeg()) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } });
        using var none = await ReadAsync(new StringContent("--photo-boundary--\r\n")
        {
            Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=photo-boundary") },
        });
        using var broken = await ReadAsync(new StringContent("--photo-boundary\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"a.jpg\"\r\n\r\nno closing boundary")
        {
            Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=photo-boundary") },
        });

        Assert.Equal((415, "Content-Type"), (json.Refusal?.Status, json.Refusal?.Field));
        Assert.Equal((415, "Content-Type"), (raw.Refusal?.Status, raw.Refusal?.Field));
        Assert.Equal((400, "photos"), (none.Refusal?.Status, none.Refusal?.Field));
        Assert.Equal((400, "body"), (broken.Refusal?.Status, broken.Refusal?.Field));
    }
}
