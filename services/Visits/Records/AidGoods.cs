namespace MassWork.Visits.Records;

/// <summary>Goods handed over as 送温暖 aid: what, how many, and their total value in fen (分).</summary>
public sealed record AidGoods(string Name, int Quantity, long ValueFen);
