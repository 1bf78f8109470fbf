using MassWork.ServiceDefaults.Errors;
using MassWork.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace MassWork.UnitTests;

public sealed class TextRuleTests
{
    [Theory]
    [InlineData("陈建国", true)]
    [InlineData("第一行\r\n第二行\t缩进", true)]
    [InlineData("😀 emoji", true)]
    [InlineData("a\u0000b", false)]
    [InlineData("a\u001Bb", false)]
    [InlineData("a\u007Fb", false)]
    public void Text_may_hold_anything_printable_and_line_breaks_but_no_control_characters(string text, bool clean) =>
        Assert.Equal(clean, TextRules.IsClean(text));

    [Fact]
    public void Unpaired_surrogates_are_broken_unicode()
    {
        // Built from chars: attribute data cannot carry a lone surrogate.
        Assert.False(TextRules.IsClean(new string(['a', (char)0xD800, 'b'])));
        Assert.False(TextRules.IsClean(new string(['a', (char)0xDC00])));
        Assert.False(TextRules.IsClean(new string([(char)0xD83D])));
        Assert.True(TextRules.IsClean(new string([(char)0xD83D, (char)0xDE00])));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("*", false)]
    [InlineData("\"7\"", false)]
    [InlineData("W/\"7\"", false)]
    [InlineData("\"6\", \"7\"", false)]
    [InlineData("\"6\"", true)]
    [InlineData("7", true)]
    public void If_match_names_the_current_version_or_any(string? ifMatch, bool fails)
    {
        var http = new DefaultHttpContext();
        if (ifMatch is not null)
        {
            http.Request.Headers.IfMatch = ifMatch;
        }

        Assert.Equal(fails, Versions.IfMatchFails(http.Request, 7));
    }
}
