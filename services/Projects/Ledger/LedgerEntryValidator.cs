using MassWork.Projects.Funding;
using MassWork.Projects.Projects;

namespace MassWork.Projects.Ledger;

/// <summary>
/// Field rules of a ledger entry by its kind: a reversal names the entry it reverses and why, may
/// name the amount it takes back (without one, all that is left of the entry), and nothing else the
/// reversed entry already holds; any other entry names its source and amount, a payment its payee,
/// a PooledAid allocation its fund. The ledger's totals are checked when it is written.
/// </summary>
public sealed class LedgerEntryValidator : RequestValidator<LedgerRequest>
{
    public const int MaxNote = 500;
    public const int MaxPayee = 100;

    private const string TakenFromReversed = "Leave it out: a reversal takes it from the entry it reverses.";

    public LedgerEntryValidator()
    {
        RuleFor(x => x.Kind).Must(EnumNames.Is<EntryKind>).WithMessage(EnumNames.OneOf<EntryKind>());
        RuleFor(x => x.Note).Problem((x, note) =>
            note?.Trim().Length > MaxNote ? $"At most {MaxNote} characters."
            : Is(x, EntryKind.Reversal) && string.IsNullOrWhiteSpace(note) ? "Required: why the entry is reversed (冲销原因)."
            : null)
            .When(x => EnumNames.Is<EntryKind>(x.Kind));
        When(x => Is(x, EntryKind.Reversal), () =>
        {
            RuleFor(x => x.ReversesEntryId).NotNull().WithMessage("Required: the id of the entry to reverse.");
            RuleFor(x => x.Source).Null().WithMessage(TakenFromReversed);
            RuleFor(x => x.AmountFen).Fen().When(x => x.AmountFen is not null);
            RuleFor(x => x.FundId).Null().WithMessage(TakenFromReversed);
            RuleFor(x => x.Payee).Null().WithMessage(TakenFromReversed);
        });
        When(x => EnumNames.Is<EntryKind>(x.Kind) && !Is(x, EntryKind.Reversal), () =>
        {
            RuleFor(x => x.Source).KnownName<LedgerRequest, FundingSource>();
            RuleFor(x => x.AmountFen).Fen();
            RuleFor(x => x.Payee).Problem((x, payee) =>
                Is(x, EntryKind.Payment)
                    ? string.IsNullOrWhiteSpace(payee) || payee.Trim().Length > MaxPayee ? $"Required for a payment, at most {MaxPayee} characters: who was paid." : null
                    : payee is not null ? "Only a payment has a payee." : null);
            RuleFor(x => x.FundId).Problem((x, fund) =>
                IsPooledAidAllocation(x)
                    ? fund is null ? "Required: the pooled fund the allocation comes from." : null
                    : fund is not null ? "Only a PooledAid allocation names a fund." : null);
            RuleFor(x => x.ReversesEntryId).Null().WithMessage("Only a Reversal names an entry to reverse.");
        });
    }

    /// <summary>The entry with its kind and source parsed and its texts trimmed; call it once validation passed.</summary>
    public static CheckedEntry Checked(LedgerRequest request)
    {
        EnumNames.TryParse<EntryKind>(request.Kind, out var kind);
        var note = request.Note?.Trim();
        if (kind == EntryKind.Reversal)
        {
            return new CheckedEntry(kind, default, request.AmountFen ?? 0, null, null, note, request.ReversesEntryId);
        }

        EnumNames.TryParse<FundingSource>(request.Source, out var source);
        return new CheckedEntry(kind, source, request.AmountFen!.Value, request.FundId, request.Payee?.Trim(), note, null);
    }

    private static bool Is(LedgerRequest request, EntryKind kind) => EnumNames.TryParse<EntryKind>(request.Kind, out var parsed) && parsed == kind;

    private static bool IsPooledAidAllocation(LedgerRequest request) =>
        Is(request, EntryKind.Allocation) && EnumNames.TryParse<FundingSource>(request.Source, out var source) && source == FundingSource.PooledAid;
}
