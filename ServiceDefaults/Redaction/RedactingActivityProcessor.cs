using System.Diagnostics;
using OpenTelemetry;

namespace MassWork.ServiceDefaults.Redaction;

/// <summary>
/// Redacts phones and ID numbers in a finished span before it is exported: its name, its
/// attributes (url.path, url.query, url.full, db.statement, …) and its status description.
/// Events cannot be changed once added: ASP.NET Core's and HttpClient's instrumentations add no
/// exception events here (RecordException is off); a database client's are exported as they are.
/// </summary>
internal sealed class RedactingActivityProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        data.DisplayName = PersonalDataRedactor.Redact(data.DisplayName);
        foreach (var (key, value) in data.TagObjects.ToArray())
        {
            var redacted = PersonalDataRedactor.Redact(value);
            if (!ReferenceEquals(redacted, value))
            {
                data.SetTag(key, redacted);
            }
        }

        if (data.StatusDescription is { } description && PersonalDataRedactor.Redact(description) is var status && status != description)
        {
            data.SetStatus(data.Status, status);
        }
    }
}
