using MassWork.Blobs.Photos;
using MassWork.Testing;

namespace MassWork.UnitTests.Photos;

public sealed class PhotoSnifferTests
{
    [Fact]
    public void A_photos_format_comes_from_its_first_bytes()
    {
        Assert.Equal(PhotoFormat.Jpeg, PhotoSniffer.Sniff(TestPhotos.Jpeg()));
        Assert.Equal(PhotoFormat.Png, PhotoSniffer.Sniff(TestPhotos.Png()));
        Assert.Equal(PhotoFormat.Heic, PhotoSniffer.Sniff(TestPhotos.HeicHeader()));
        Assert.Equal(PhotoFormat.Heic, PhotoSniffer.Sniff(File.ReadAllBytes(Path.Combine("Photos", "Fixtures", "exif.heic"))));
    }

    [Fact]
    public void A_heif_file_is_heic_when_a_compatible_brand_says_so_and_avif_is_not()
    {
        // Major brand mif1 (any HEIF image), compatible heic: what some Android phones write.
        Assert.Equal(PhotoFormat.Heic, PhotoSniffer.Sniff(Convert.FromHexString("00000018" + "66747970" + "6D696631" + "00000000" + "6D696631" + "68656963")));
        Assert.Null(PhotoSniffer.Sniff(Convert.FromHexString("0000001C" + "66747970" + "61766966" + "00000000" + "61766966" + "6D696631" + "6D696166")));
        // An MP4 video is ISO-BMFF too.
        Assert.Null(PhotoSniffer.Sniff(Convert.FromHexString("00000018" + "66747970" + "69736F6D" + "00000200" + "69736F6D" + "6D703431")));
    }

    [Theory]
    [InlineData("255044462D312E34")] // %PDF-1.4
    [InlineData("474946383961010001")] // GIF89a
    [InlineData("424D3A000000")] // BMP
    [InlineData("504B0304")] // ZIP (docx, xlsx)
    [InlineData("FFD8")] // two bytes of a JPEG
    [InlineData("")]
    public void Anything_else_is_no_photo(string hex)
    {
        Assert.Null(PhotoSniffer.Sniff(Convert.FromHexString(hex)));
    }
}
