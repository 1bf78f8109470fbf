using MassWork.Console.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace MassWork.UnitTests.Console;

public sealed class PostedFormTests
{
    [Fact]
    public void A_posted_forms_repeated_fields_are_read_by_row_and_the_rows_it_sent_are_those_filled_in()
    {
        var http = Post(new()
        {
            ["heldOn"] = "2026-06-10",
            ["attendee"] = new StringValues(["a", "b"]),
            ["followUpTask"] = new StringValues(["修水渠", "", ""]),
            ["followUpOwner"] = new StringValues(["", "", "c"]),
            ["followUpDue"] = new StringValues(["", "", ""]),
        });

        var form = PostedForm.Of(http, "heldOn");

        Assert.Equal(["a", "b"], form.All("attendee"));
        Assert.Equal("2026-06-10", form.One("heldOn"));
        Assert.Equal("c", form.At("followUpOwner", 2));
        Assert.Null(form.At("followUpOwner", 3));
        Assert.Equal([0, 2], form.FilledRows(3, "followUpTask", "followUpOwner", "followUpDue"));
    }

    [Fact]
    public void Another_form_or_a_plain_read_gives_no_values()
    {
        Assert.Same(PostedForm.None, PostedForm.Of(Post(new() { ["Draw.Region"] = "3607", ["attendee"] = "a" }), "heldOn"));
        Assert.Same(PostedForm.None, PostedForm.Of(new DefaultHttpContext(), "heldOn"));
        Assert.Same(PostedForm.None, PostedForm.Of(null, "heldOn"));
        Assert.Empty(PostedForm.None.All("attendee"));
    }

    private static DefaultHttpContext Post(Dictionary<string, StringValues> fields)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = "application/x-www-form-urlencoded";
        http.Request.Form = new FormCollection(fields);
        return http;
    }
}
