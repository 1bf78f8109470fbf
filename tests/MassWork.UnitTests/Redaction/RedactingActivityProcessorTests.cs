using System.Diagnostics;
using MassWork.ServiceDefaults.Redaction;

namespace MassWork.UnitTests.Redaction;

public sealed class RedactingActivityProcessorTests
{
    [Fact]
    public void A_finished_span_keeps_no_phone_or_id_number_in_name_attributes_or_status()
    {
        using var activity = new Activity("GET /api/notifications/recipients/13800138000");
        activity.Start();
        activity.SetTag("url.path", "/api/notifications/recipients/13800138000");
        activity.SetTag("url.query", "?idNumber=360702198003151234");
        activity.SetTag("http.response.status_code", 200);
        activity.SetTag("db.system", "postgresql");
        activity.SetStatus(ActivityStatusCode.Error, "duplicate key (phone)=(13800138000)");
        activity.Stop();

        new RedactingActivityProcessor().OnEnd(activity);

        Assert.Equal("GET /api/notifications/recipients/138****8000", activity.DisplayName);
        Assert.Equal("/api/notifications/recipients/138****8000", activity.GetTagItem("url.path"));
        Assert.Equal("?idNumber=3607**********1234", activity.GetTagItem("url.query"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("postgresql", activity.GetTagItem("db.system"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("duplicate key (phone)=(138****8000)", activity.StatusDescription);
    }
}
