namespace MassWork.Personnel.Imports;

/// <summary>How many more rejected lines an import may still store; beyond it they are counted, not listed.</summary>
public sealed class ImportErrorBudget(int limit)
{
    private int _left = limit;

    public int Take(int wanted)
    {
        while (true)
        {
            var left = Volatile.Read(ref _left);
            var taken = Math.Min(left, wanted);
            if (Interlocked.CompareExchange(ref _left, left - taken, left) == left)
            {
                return taken;
            }
        }
    }
}
