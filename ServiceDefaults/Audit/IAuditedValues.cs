namespace MassWork.ServiceDefaults.Audit;

/// <summary>
/// An entity whose values, not only its key, go into the audit log when a user changes it: the
/// city-wide settings (templates, categories, calendars, policies) and the record of a full read
/// of personal data. Such an entity holds no ID number or phone in clear.
/// </summary>
public interface IAuditedValues;
