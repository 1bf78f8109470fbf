// Two cores, and every drill breaks the one platform on purpose: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
